"""pretix_sig1 signed tickets: verified offline, so a ticket bought after the last pull still gets in.

The code is the *reversed* base64 of: version byte 0x01, payload length (2 bytes, big-endian),
signature length (2 bytes), a protobuf ``Ticket`` payload, and the Ed25519 signature of the payload
(pretix: src/pretix/base/secrets.py).
"""
from __future__ import annotations

import base64
import binascii
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import load_pem_public_key

_FIELDS = {1: "seed", 2: "item", 3: "variation", 4: "subevent", 5: "valid_from", 6: "valid_until"}


@dataclass(frozen=True)
class SignedTicket:
    seed: str
    item: int
    variation: int = 0
    subevent: int = 0
    valid_from: datetime | None = None
    valid_until: datetime | None = None


def load_keys(valid_keys: list[str]) -> list[Ed25519PublicKey]:
    """The event's ``valid_keys["pretix_sig1"]``: base64 of PEM public keys."""
    keys = []
    for encoded in valid_keys:
        try:
            key = load_pem_public_key(base64.b64decode(encoded))
        except (ValueError, binascii.Error):
            continue
        if isinstance(key, Ed25519PublicKey):
            keys.append(key)
    return keys


def _parts(secret: str) -> tuple[bytes, bytes] | None:
    """(payload, signature) if ``secret`` has the pretix_sig1 layout, whoever signed it."""
    try:
        raw = base64.b64decode(secret[::-1], validate=True)
    except (ValueError, binascii.Error):
        return None
    if len(raw) < 5 or raw[0] != 0x01:
        return None
    payload_length, signature_length = struct.unpack(">HH", raw[1:5])
    payload = raw[5:5 + payload_length]
    signature = raw[5 + payload_length:5 + payload_length + signature_length]
    if len(payload) != payload_length or len(signature) != signature_length or signature_length != 64:
        return None
    return payload, signature


def looks_signed(secret: str) -> bool:
    """Shaped like a signed ticket: if no key verifies it, it was forged or altered."""
    return len(secret) > 40 and _parts(secret) is not None


def verify(secret: str, keys: list[Ed25519PublicKey]) -> SignedTicket | None:
    """The ticket in ``secret`` if one of ``keys`` signed it; None for anything else."""
    parts = _parts(secret)
    if parts is None:
        return None
    payload, signature = parts
    for key in keys:
        try:
            key.verify(signature, payload)
        except InvalidSignature:
            continue
        return _ticket(payload)
    return None


def _ticket(payload: bytes) -> SignedTicket | None:
    try:
        fields = dict(_protobuf_fields(payload))
    except (IndexError, ValueError, UnicodeDecodeError):
        return None
    return SignedTicket(
        seed=fields.get("seed", ""), item=fields.get("item", 0), variation=fields.get("variation", 0),
        subevent=fields.get("subevent", 0), valid_from=_moment(fields.get("valid_from")),
        valid_until=_moment(fields.get("valid_until")),
    )


def _moment(unix: int | None) -> datetime | None:
    return datetime.fromtimestamp(unix, timezone.utc) if unix else None


def _protobuf_fields(data: bytes) -> Iterator[tuple[str, int | str]]:
    """Just enough protobuf for the Ticket message: varints and one length-delimited string."""
    position = 0
    while position < len(data):
        key, position = _varint(data, position)
        number, wire_type = key >> 3, key & 7
        if wire_type == 0:
            value, position = _varint(data, position)
        elif wire_type == 2:
            length, position = _varint(data, position)
            value = data[position:position + length].decode("utf-8")
            position += length
        else:
            raise ValueError(f"unexpected protobuf wire type {wire_type}")
        if number in _FIELDS:
            yield _FIELDS[number], value


def _varint(data: bytes, position: int) -> tuple[int, int]:
    result = shift = 0
    while True:
        byte = data[position]
        position += 1
        result |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return result, position
        shift += 7
