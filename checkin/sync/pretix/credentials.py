"""The secret pretix token: in the OS keyring, never in the database, the settings file or a log.

Where no keyring backend exists (a headless kiosk, a minimal Linux), the token goes to a
separate file readable only by this user (0600, in the settings folder), and connect says so
plainly. ``CHECKIN_PRETIX_TOKEN`` in the environment overrides both (for scripted runs).
A token is handed to ``connect`` in a file or on standard input, never on the command line,
where every user of the computer sees it (``ps``).
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from types import ModuleType
from typing import TextIO

from checkin.settings import config_dir
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

    def save(self, account: str, token: str) -> str:
        """Store the token; returns where it went, for the person to read."""
        keyring = _keyring()
        if keyring is not None:
            try:
                keyring.set_password(KEYRING_SERVICE, account, token)
                self._drop_from_file(account)
                return "the system keyring"
            except Exception:  # noqa: BLE001 - every backend raises its own errors (locked, denied)
                pass
        self._write_file({**self._read_file(), account: token})
        return (f"{self.fallback_file} (readable only by you; no system keyring is available: install or "
                "unlock one, then connect again to move the token there)")

    def load(self, account: str) -> str:
        if os.environ.get(TOKEN_ENVIRONMENT):
            return os.environ[TOKEN_ENVIRONMENT]
        keyring = _keyring()
        token = None
        if keyring is not None:
            try:
                token = keyring.get_password(KEYRING_SERVICE, account)
            except Exception:  # noqa: BLE001
                token = None
        token = token or self._read_file().get(account)
        if not token:
            raise CredentialStoreError("No pretix token is stored for this server on this computer: run "
                                       "'checkin pretix connect' again.")
        return token

    def forget(self, account: str) -> None:
        keyring = _keyring()
        if keyring is not None:
            try:
                keyring.delete_password(KEYRING_SERVICE, account)
            except Exception:  # noqa: BLE001 - nothing stored is fine
                pass
        self._drop_from_file(account)

    def _read_file(self) -> dict[str, str]:
        try:
            data = json.loads(self.fallback_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _drop_from_file(self, account: str) -> None:
        tokens = self._read_file()
        if tokens.pop(account, None) is not None:
            self._write_file(tokens)

    def _write_file(self, tokens: dict[str, str]) -> None:
        self.fallback_file.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.fallback_file.with_suffix(".tmp")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump(tokens, handle)
        os.chmod(temporary, 0o600)
        os.replace(temporary, self.fallback_file)


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


def _keyring() -> ModuleType | None:
    """The keyring module, or None where no backend exists."""
    import keyring
    from keyring.backends import fail

    return None if isinstance(keyring.get_keyring(), fail.Keyring) else keyring
