"""The secret pretix token: in the OS keyring, never in the database, the settings file or a log.

Where no keyring backend exists (a headless kiosk, a minimal Linux), the token goes to a
separate file readable only by this user (0600, in the settings folder), and connect says so
plainly. ``CHECKIN_PRETIX_TOKEN`` in the environment overrides both (for scripted runs).
A token is handed to ``connect`` in a file or on standard input, never on the command line,
where every user of the computer sees it (``ps``).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import TextIO

from checkin.settings import config_dir
from checkin.store.secrets import SecretStore
from checkin.sync.pretix.client import PretixError

KEYRING_SERVICE = "checkin-desk-pretix"
TOKEN_ENVIRONMENT = "CHECKIN_PRETIX_TOKEN"
FALLBACK_FILE_NAME = "pretix-tokens.json"


class CredentialStoreError(PretixError):
    """The token cannot be stored or found; the message says what to do."""


def keyring_account(url: str, organizer: str) -> str:
    return f"{url.rstrip('/')}#{organizer}"


class TokenStore:
    """Keeps tokens per account (server + organiser): the keyring first, else a private file."""

    def __init__(self, fallback_file: Path | None = None):
        self.fallback_file = fallback_file or config_dir() / FALLBACK_FILE_NAME
        self._secrets = SecretStore(KEYRING_SERVICE, self.fallback_file)

    def save(self, account: str, token: str) -> str:
        """Store the token; returns where it went, for the person to read."""
        if self._secrets.save(account, token):
            return "the system keyring"
        return (f"{self.fallback_file} (readable only by you; no system keyring is available: install or "
                "unlock one, then connect again to move the token there)")

    def load(self, account: str) -> str:
        if os.environ.get(TOKEN_ENVIRONMENT):
            return os.environ[TOKEN_ENVIRONMENT]
        token = self._secrets.load(account)
        if not token:
            raise CredentialStoreError("No pretix token is stored for this server on this computer: run "
                                       "'checkin pretix connect' again.")
        return token

    def forget(self, account: str) -> None:
        self._secrets.forget(account)

    def _read_file(self) -> dict[str, str]:
        return self._secrets.read_file()


def read_token_file(path: str, stdin: TextIO) -> str:
    """The token in the file ``path`` (its first line), or on standard input for ``-``."""
    try:
        text = stdin.readline() if path == "-" else Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CredentialStoreError(f"Cannot read the token from {path}: {getattr(error, 'strerror', None) or error}.") \
            from None
    token = text.strip().splitlines()[0].strip() if text.strip() else ""
    if not token:
        raise CredentialStoreError(f"No token in {'standard input' if path == '-' else path}.")
    return token
