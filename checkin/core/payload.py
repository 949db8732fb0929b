"""Turns what a scanner or a person typed into the ticket code to look up."""
from __future__ import annotations

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


def normalise_payload(raw: str | bytes, rules: PayloadRules = PayloadRules()) -> str:
    """Return the ticket code in ``raw`` or raise :class:`PayloadError` with a clear reason."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise PayloadError("The code is not readable text (binary data).") from None
    text = raw.strip().strip(_TERMINATORS).strip()
    if rules.prefix and text.startswith(rules.prefix):
        text = text[len(rules.prefix):]
    if rules.suffix and text.endswith(rules.suffix):
        text = text[: -len(rules.suffix)]
    text = _unwrap_url(text.strip())
    if not text:
        raise PayloadError("The code is empty.")
    if len(text) > MAX_CODE_LENGTH:
        raise PayloadError(f"The code is too long ({len(text)} characters) to be a ticket.")
    if any(_is_control(ch) for ch in text):
        raise PayloadError("The code contains control characters or binary data.")
    return text


def _unwrap_url(text: str) -> str:
    """``https://tickets.example/ev/ck/ABC123`` and ``…?code=ABC123`` carry the code ``ABC123``."""
    if "://" not in text[:12]:
        return text
    parts = urlsplit(text)
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
