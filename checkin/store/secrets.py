"""Secrets kept apart from the database, the settings file and the logs: the pretix token, the
venue database's password. The OS keyring first; where there is none (a headless kiosk, a
minimal Linux) or it refuses (locked), a file readable only by this user (0600). A secret saved
once the keyring works again moves there and leaves the file.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from types import ModuleType


class SecretStore:
    """Secrets per account under one keyring service, with ``fallback_file`` where no keyring works."""

    def __init__(self, service: str, fallback_file: Path):
        self.service, self.fallback_file = service, fallback_file

    def save(self, account: str, secret: str) -> bool:
        """Keep the secret; True when it went to the keyring, False when to the private file."""
        keyring = _keyring()
        if keyring is not None:
            try:
                keyring.set_password(self.service, account, secret)
                self._drop_from_file(account)
                return True
            except Exception:  # noqa: BLE001 - every backend raises its own errors (locked, denied)
                pass
        self._write_file({**self.read_file(), account: secret})
        return False

    def load(self, account: str) -> str | None:
        keyring = _keyring()
        secret = None
        if keyring is not None:
            try:
                secret = keyring.get_password(self.service, account)
            except Exception:  # noqa: BLE001
                secret = None
        return secret or self.read_file().get(account)

    def forget(self, account: str) -> None:
        keyring = _keyring()
        if keyring is not None:
            try:
                keyring.delete_password(self.service, account)
            except Exception:  # noqa: BLE001 - nothing stored is fine
                pass
        self._drop_from_file(account)

    def read_file(self) -> dict[str, str]:
        try:
            data = json.loads(self.fallback_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _drop_from_file(self, account: str) -> None:
        secrets = self.read_file()
        if secrets.pop(account, None) is not None:
            self._write_file(secrets)

    def _write_file(self, secrets: dict[str, str]) -> None:
        self.fallback_file.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.fallback_file.with_suffix(".tmp")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump(secrets, handle)
        os.chmod(temporary, 0o600)
        os.replace(temporary, self.fallback_file)


def _keyring() -> ModuleType | None:
    """The keyring module, or None where no backend exists."""
    import keyring
    from keyring.backends import fail

    return None if isinstance(keyring.get_keyring(), fail.Keyring) else keyring
