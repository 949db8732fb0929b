"""Device setup: pretix's handshake (pasted or scanned) exchanged for the device's API token."""
from __future__ import annotations

import json
import platform
from dataclasses import dataclass

import httpx

from checkin import __version__
from checkin.sync.pretix.client import PretixClient, PretixError

SUPPORTED_HANDSHAKE = 1


@dataclass(frozen=True)
class Handshake:
    url: str
    token: str


@dataclass(frozen=True)
class DeviceIdentity:
    organizer: str
    device_id: int
    name: str
    api_token: str


def parse_handshake(text: str) -> Handshake:
    """pretix's setup QR code / pasted JSON: ``{"handshake_version": 1, "url": …, "token": …}``."""
    try:
        data = json.loads(text)
    except ValueError:
        raise PretixError("The handshake is not valid JSON: paste the text of pretix's device setup code.") from None
    version = data.get("handshake_version", 1) if isinstance(data, dict) else 1
    if not isinstance(version, int) or isinstance(version, bool) or version > SUPPORTED_HANDSHAKE:
        raise PretixError(f"This handshake is version {version}; Check-in Desk understands version "
                          f"{SUPPORTED_HANDSHAKE}. Update Check-in Desk.")
    if not isinstance(data, dict) or not data.get("url") or not data.get("token"):
        raise PretixError("The handshake needs \"url\" and \"token\" (from pretix: Organizer → Devices → Connect).")
    return Handshake(str(data["url"]).rstrip("/"), str(data["token"]))


def initialize_device(handshake: Handshake, client: PretixClient | None = None) -> DeviceIdentity:
    """Exchange the one-time setup token for the device's API token."""
    own_client = client is None
    client = client or PretixClient(handshake.url)
    body = {
        "token": handshake.token, "hardware_brand": platform.system() or "PC",
        "hardware_model": platform.machine() or "unknown", "os_name": platform.system() or "unknown",
        "os_version": platform.release() or "unknown", "software_brand": "Check-in Desk",
        "software_version": __version__,
    }
    try:
        # Not retried: the setup token is single-use, a retry after a lost answer would be refused.
        response = client.request("POST", "device/initialize", json=body, retries=0)
    finally:
        if own_client:
            client.close()
    if response.status_code != 200:
        raise PretixError(f"pretix refused the device setup: {_first_error(response)}")
    data = response.json()
    return DeviceIdentity(data["organizer"], int(data["device_id"]), data.get("name") or "", data["api_token"])


def _first_error(response: httpx.Response) -> str:
    try:
        data = response.json()
    except ValueError:
        return f"HTTP {response.status_code}"
    for value in (data.values() if isinstance(data, dict) else [data]):
        return str(value[0]) if isinstance(value, list) and value else str(value)
    return f"HTTP {response.status_code}"
