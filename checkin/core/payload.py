"""Turns what a scanner or a person typed into the ticket code to look up."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

#: Longer payloads are refused before any lookup: no ticket code is this long, and a
#: 10 kB paste must neither reach the database nor the log in full.
MAX_CODE_LENGTH = 512
_TERMINATORS = "\r\n\t\x00"


@dataclass(frozen=True)
class PayloadRules:
    """Per-desk scanner settings: some scanners add a fixed prefix or suffix."""

    prefix: str = ""
    suffix: str = ""


class PayloadError(ValueError):
    """The payload cannot be a ticket code; the message says why, for the desk."""


class EmptyPayload(PayloadError):
    """Nothing was scanned: blank, or only invisible characters (a desk records no scan)."""


def normalise_payload(raw: str | bytes, rules: PayloadRules = PayloadRules()) -> str:
    """Return the ticket code in ``raw`` or raise :class:`PayloadError` with a clear reason.

    Never raises anything else: whatever a scanner or a paste delivers gets a decision.
    """
    text = _without_invisibles(_as_text(raw)).strip().strip(_TERMINATORS).strip()
    if rules.prefix and text.startswith(rules.prefix):
        text = text[len(rules.prefix):]
    if rules.suffix and text.endswith(rules.suffix):
        text = text[: -len(rules.suffix)]
    text = _unwrap_url(text.strip())
    if not text:
        raise EmptyPayload("The code is empty.")
    if len(text) > MAX_CODE_LENGTH:
        raise PayloadError(f"The code is too long ({len(text)} characters) to be a ticket.")
    _refuse_unreadable(text)
    return text


def is_blank(raw: str | bytes) -> bool:
    """True when ``raw`` holds nothing but spaces, line ends and invisible characters."""
    try:
        return not _without_invisibles(_as_text(raw)).strip().strip(_TERMINATORS).strip()
    except PayloadError:
        return False


def _as_text(raw: str | bytes) -> str:
    if isinstance(raw, str):
        return raw
    try:
        return bytes(raw).decode("utf-8")
    except (UnicodeDecodeError, TypeError):
        raise PayloadError("The code is not readable text (binary data).") from None


def _without_invisibles(text: str) -> str:
    """Drop format characters (zero-width spaces, byte order marks, direction marks): scanners
    and copied text add them, no ticket code contains them, and a person cannot see them."""
    if text.isascii():
        return text
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def _refuse_unreadable(text: str) -> None:
    if any(_is_control(ch) for ch in text):
        raise PayloadError("The code contains control characters or binary data.")
    if not text.isascii() and any("\ud800" <= ch <= "\udfff" for ch in text):
        # Invalid UTF-8 from a command line arrives as lone surrogates; no database can store them.
        raise PayloadError("The code is not readable text (broken characters).")


def _unwrap_url(text: str) -> str:
    """``https://tickets.example/ev/ck/ABC123`` and ``…?code=ABC123`` carry the code ``ABC123``."""
    if "://" not in text[:12]:
        return text
    try:
        parts = urlsplit(text)
    except ValueError:  # "http://[abc/x": a broken IPv6 host and other malformed addresses
        raise PayloadError("The code looks like a web address but is not a valid one.") from None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return text
    for pair in parts.query.split("&"):
        key, _, value = pair.partition("=")
        if key in ("code", "secret", "ticket") and value:
            return unquote(value)
    segments = [segment for segment in parts.path.split("/") if segment]
    return unquote(segments[-1]) if segments else ""


def _is_control(ch: str) -> bool:
    code_point = ord(ch)
    return code_point < 0x20 or 0x7F <= code_point < 0xA0 or ch == "\ufffd"
