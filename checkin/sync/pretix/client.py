"""A small pretix REST client: timeouts, retries with backoff, and errors people can read."""
from __future__ import annotations

import random
import ssl
import time
from collections.abc import Callable
from typing import Any

import httpx

from checkin import __version__

#: pretix caps pages at 50 results, whatever page_size asks for.
PAGE_SIZE = 50
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


class PretixError(RuntimeError):
    """Talking to pretix failed; the message is one line for a person."""


class PretixUnavailable(PretixError):
    """The server did not answer (network, timeout, 5xx) even after retries; try again later."""


class PretixAuthError(PretixError):
    """The token was refused (revoked device, deleted team token, missing permission)."""


class PretixClient:
    """The API of one pretix server under ``url``; safe to use from several threads at once."""

    def __init__(self, url: str, authorization: str | None = None, *, timeout: float = 10.0, retries: int = 4,
                 backoff: float = 0.5, sleep: Callable[[float], None] = time.sleep,
                 transport: httpx.BaseTransport | None = None, max_connections: int = 8):
        self.url = url.rstrip("/")
        self.retries = retries
        self.backoff = backoff
        self.sleep = sleep
        headers = {"Accept": "application/json", "User-Agent": f"CheckinDesk/{__version__}"}
        if authorization:
            headers["Authorization"] = authorization
        self._http = httpx.Client(
            base_url=f"{self.url}/api/v1/", headers=headers, transport=transport,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)),
            limits=httpx.Limits(max_connections=max_connections, max_keepalive_connections=max_connections),
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> PretixClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def request(self, method: str, path: str, *, json: Any = None, params: dict | None = None,
                retries: int | None = None, timeout: float | None = None) -> httpx.Response:
        """Send, retrying network errors, timeouts and 5xx with exponential backoff and jitter.

        Only idempotent calls come through here: GETs, and POSTs that pretix dedupes by nonce.
        A 4xx answer is returned for the caller to read, except 401/403 which raise.
        """
        attempts = 1 + (self.retries if retries is None else retries)
        problem = ""
        for attempt in range(attempts):
            if attempt:
                self.sleep(self.backoff * 2 ** (attempt - 1) * (1 + random.random() / 2))
            try:
                response = self._http.request(method, path, json=json, params=params,
                                              timeout=httpx.USE_CLIENT_DEFAULT if timeout is None else timeout)
                response.read()
            except httpx.TimeoutException:
                problem = "the server did not answer in time"
                continue
            except httpx.RequestError as error:  # transport failures, and bodies that arrive damaged
                tls = _tls_failure(error)
                if tls:  # a certificate does not get better by asking again
                    raise PretixUnavailable(f"pretix at {self.url} failed the secure connection (TLS): {tls}.") from None
                problem = ("nothing answered at this address" if isinstance(error, httpx.ConnectError)
                           else f"the connection failed ({type(error).__name__})")
                continue
            if response.status_code in RETRY_STATUSES:
                problem = f"the server answered HTTP {response.status_code}"
                continue
            if response.status_code in (401, 403):
                raise PretixAuthError(_auth_message(self.url, path, response))
            return response
        raise PretixUnavailable(f"pretix at {self.url} is unreachable: {problem} (after {attempts} attempts).")

    def get_json(self, path: str, params: dict | None = None) -> tuple[dict, httpx.Headers]:
        """A GET that must succeed and return JSON (retried if the body arrives damaged)."""
        for _ in range(1 + self.retries):
            response = self.request("GET", path, params=params)
            if response.status_code == 404:
                raise PretixError(f"pretix at {self.url} has no {path.rstrip('/')} (HTTP 404): check organiser, "
                                  "event and list.")
            if response.status_code >= 400:
                raise PretixError(f"pretix refused GET {path}: HTTP {response.status_code} {response.text[:200]}")
            try:
                return response.json(), response.headers
            except ValueError:
                continue
        raise PretixUnavailable(f"pretix at {self.url} keeps sending damaged answers to {path}.")


def _tls_failure(error: BaseException) -> str:
    """The TLS reason behind a transport error ("certificate verify failed: …"), or ""."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, ssl.SSLError):
            return getattr(seen, "verify_message", None) or seen.reason or str(seen)
        seen = seen.__cause__ or seen.__context__
    return ""


def _auth_message(url: str, path: str, response: httpx.Response) -> str:
    try:
        detail = response.json().get("detail", "")
    except (ValueError, AttributeError):
        detail = ""
    reason = f": {detail}" if detail else ""
    if response.status_code == 403:
        return (f"pretix at {url} does not let this token use {path.rstrip('/')} (HTTP 403{reason}): check the "
                "organiser and event names and the token's permissions.")
    return (f"pretix at {url} refused the access token (HTTP 401{reason}). The device may have been revoked or "
            "the token deleted: connect again with a new token. Local data is kept.")


def i18n(value: Any, language: str = "en") -> str:
    """pretix's translated strings are {"en": …, "de": …}; pick one, falling back to any."""
    if isinstance(value, dict):
        return str(value.get(language) or next((v for v in value.values() if v), ""))
    return "" if value is None else str(value)
