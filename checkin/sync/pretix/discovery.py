"""What a pretix server offers before anything is stored: who we are there (a device set up by its
handshake, or an organiser API token), and the organisers, events and check-in lists to choose from.

The app's connect dialog walks through these one step at a time, then calls
:func:`checkin.sync.pretix.setup.connect_and_pull`; ``checkin pretix connect`` names everything
up front (:func:`checkin.sync.pretix.setup.connect`). Both end in ``connect_access``.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from checkin.sync.pretix.client import PretixAuthError, PretixClient, PretixError, PretixUnavailable, i18n
from checkin.sync.pretix.connection import authorization
from checkin.sync.pretix.credentials import CredentialStoreError, TokenStore
from checkin.sync.pretix.handshake import Handshake, initialize_device
from checkin.sync.pretix.metadata import fetch_all


@dataclass(frozen=True)
class Access:
    """Credentials that work on one server; ``organizer`` is set for a device (it belongs to one)."""

    url: str
    auth_kind: str  # "device" or "token"
    token: str = field(repr=False)
    organizer: str = ""
    device_id: int | None = None
    #: Where a device's token is remembered under its setup code until the connect is done.
    setup_account: str = ""

    def client(self, **options: object) -> PretixClient:
        return PretixClient(self.url, authorization(self.auth_kind, self.token), **options)


@dataclass(frozen=True)
class Choice:
    """One organiser, event or check-in list; ``key`` is the slug (or the list's pretix id as text)."""

    key: str
    name: str
    detail: str = ""


def normalise_url(text: str) -> str:
    """What people paste: ``pretix.eu``, ``https://pretix.eu/``, even ``…/api/v1/`` → the server's base URL."""
    url = text.strip()
    if url and "://" not in url:
        url = "https://" + url
    url = url.rstrip("/").removesuffix("/api/v1")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or " " in url:
        raise PretixError(f"'{text.strip()}' is not a web address: give the pretix server, e.g. https://pretix.eu.")
    return url


def device_access(handshake: Handshake, client_options: dict | None = None,
                  tokens: TokenStore | None = None) -> Access:
    """Use the one-time setup token for the device's API token.

    With ``tokens``, that token is kept (in the keyring) under the setup code until a connect
    is done: the same code scanned again after Cancel or a failed step gives the same device,
    where pretix alone would answer "already used" and the device would have to be set up anew.
    """
    account = f"setup#{handshake.url}#{hashlib.sha256(handshake.token.encode()).hexdigest()[:24]}"
    remembered = _remembered_device(tokens, account) if tokens is not None else None
    if remembered is not None:
        return remembered
    with PretixClient(handshake.url, **(client_options or {})) as client:
        identity = initialize_device(handshake, client)
    if tokens is not None:
        tokens.save(account, json.dumps({"token": identity.api_token, "organizer": identity.organizer,
                                         "device_id": identity.device_id}))
    return Access(handshake.url, "device", identity.api_token, identity.organizer, identity.device_id,
                  account if tokens is not None else "")


def _remembered_device(tokens: TokenStore, account: str) -> Access | None:
    try:
        data = json.loads(tokens.load(account))
        url = account.split("#")[1]
        return Access(url, "device", data["token"], data["organizer"], int(data["device_id"]), account)
    except (CredentialStoreError, ValueError, TypeError, KeyError, IndexError):
        return None


def token_access(url: str, token: str) -> Access:
    url, token = normalise_url(url), token.strip()  # the address first: it is the first field
    if not token:
        raise PretixError("Give the organiser's API token (Organizer → Teams → API tokens).")
    return Access(url, "token", token)


def organizers(access: Access, client_options: dict | None = None,
               tokens: TokenStore | None = None) -> list[Choice]:
    """The organisers these credentials may act for (also checks that the server takes them);
    a remembered device the server refuses is forgotten from ``tokens``."""
    try:
        with access.client(**(client_options or {})) as client:
            rows = list(fetch_all(client, "organizers/"))
    except PretixAuthError:
        if access.setup_account and tokens is not None:  # a remembered device that was revoked meanwhile: forget it
            tokens.forget(access.setup_account)
        raise PretixAuthError(_refused(access)) from None
    except PretixUnavailable:
        raise
    except PretixError:  # a 404 or an unexpected page: some other web server
        raise PretixError(f"There is no pretix at {access.url}: check the address.") from None
    choices = [Choice(row["slug"], row.get("name") or row["slug"]) for row in rows]
    if access.organizer:
        choices = [choice for choice in choices if choice.key == access.organizer]
    if not choices:
        raise PretixError(f"pretix at {access.url} shows these credentials no organiser: check the token's team.")
    return choices


def events(access: Access, organizer: str, client_options: dict | None = None) -> list[Choice]:
    """The organiser's events, the next or newest first."""
    with access.client(**(client_options or {})) as client:
        rows = list(fetch_all(client, f"organizers/{organizer}/events/"))
    rows.sort(key=lambda row: row.get("date_from") or "", reverse=True)
    return [Choice(row["slug"], i18n(row.get("name")) or row["slug"], (row.get("date_from") or "")[:10])
            for row in rows]


def check_in_lists(access: Access, organizer: str, event_slug: str,
                   client_options: dict | None = None) -> list[Choice]:
    with access.client(**(client_options or {})) as client:
        rows = list(fetch_all(client, f"organizers/{organizer}/events/{event_slug}/checkinlists/"))
    return [Choice(str(row["id"]), row.get("name") or f"List {row['id']}") for row in rows]


def _refused(access: Access) -> str:
    if access.auth_kind == "device":
        return (f"pretix at {access.url} no longer accepts this device: connect it again with a new setup code "
                "(Organizer → Devices).")
    return (f"pretix at {access.url} did not accept this API token: copy it again from Organizer → Teams → "
            "API tokens.")
