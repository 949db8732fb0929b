"""Where the pretix token lives: the keyring, else a private file; never both, never elsewhere."""
from __future__ import annotations

import stat

import keyring
import pytest

from checkin.sync.pretix.credentials import CredentialStoreError, TokenStore
from tests.fakes import MemoryKeyring


class LockedKeyring(MemoryKeyring):
    """A keyring that exists but refuses (locked, or access denied by the user)."""

    def set_password(self, service: str, account: str, password: str) -> None:
        raise keyring.errors.KeyringLocked("the keyring is locked")

    def get_password(self, service: str, account: str) -> str | None:
        raise keyring.errors.KeyringLocked("the keyring is locked")


def test_locked_keyring_falls_back_to_a_private_file_and_moves_back_when_unlocked(tmp_path):
    keyring.set_keyring(LockedKeyring())
    tokens = TokenStore(tmp_path / "tokens.json")
    assert "readable only by you" in tokens.save("https://p#org", "s3cret")
    assert stat.S_IMODE((tmp_path / "tokens.json").stat().st_mode) == 0o600
    assert tokens.load("https://p#org") == "s3cret"

    unlocked = MemoryKeyring()
    keyring.set_keyring(unlocked)
    assert tokens.save("https://p#org", "s3cret") == "the system keyring"
    assert "s3cret" not in (tmp_path / "tokens.json").read_text()
    assert tokens.load("https://p#org") == "s3cret"
    tokens.forget("https://p#org")
    with pytest.raises(CredentialStoreError, match="pretix connect"):
        tokens.load("https://p#org")


def test_environment_token_wins_for_scripted_runs(tmp_path, monkeypatch):
    monkeypatch.setenv("CHECKIN_PRETIX_TOKEN", "from-env")
    assert TokenStore(tmp_path / "tokens.json").load("https://p#org") == "from-env"
