"""Signed ticket payloads: a desk tells a forged code from a real one without a network.

The QR code on an invitation carries ``<code>.<signature>``: an HMAC-SHA256 over the event and
the code with a key stored per event, cut to 120 bits. The stored code never changes, so codes
that came from a file can be signed too, and a person can still type the bare code.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from enum import StrEnum

SEPARATOR = "."
SIGNATURE_LENGTH = 24  # base32 of 15 bytes, no padding


class Signature(StrEnum):
    SIGNED = "signed"
    UNSIGNED = "unsigned"
    FORGED = "forged"


@dataclass(frozen=True)
class CheckedPayload:
    code: str
    signature: Signature


def new_key() -> str:
    """A fresh 256-bit key, hex encoded (how it is stored with the event)."""
    return secrets.token_hex(32)


def signature_of(key: str, event_slug: str, code: str) -> str:
    mac = hmac.new(bytes.fromhex(key), f"{event_slug}\n{code}".encode(), hashlib.sha256).digest()
    return base64.b32encode(mac[:15]).decode("ascii").lower()


def sign(key: str, event_slug: str, code: str) -> str:
    """The payload to print in the QR code."""
    return f"{code}{SEPARATOR}{signature_of(key, event_slug, code)}"


def check(key: str, event_slug: str, payload: str) -> CheckedPayload:
    """Split a scanned payload into the code and whether its signature holds."""
    code, separator, signature = payload.rpartition(SEPARATOR)
    if not separator or len(signature) != SIGNATURE_LENGTH or not code:
        return CheckedPayload(payload, Signature.UNSIGNED)
    expected = signature_of(key, event_slug, code)
    if hmac.compare_digest(expected, signature.lower()):
        return CheckedPayload(code, Signature.SIGNED)
    return CheckedPayload(code, Signature.FORGED)
