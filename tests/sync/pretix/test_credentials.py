"""Where the pretix token lives: the keyring, else a private file; never both, never elsewhere."""
from __future__ import annotations

import io
import stat

import keyring
import pytest

from checkin.cli import EXIT_FAILURE, EXIT_USAGE, main
from checkin.sync.pretix.credentials import CredentialStoreError, TokenStore, read_token_file
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


def test_a_token_is_read_from_a_file_or_standard_input(tmp_path):
    (tmp_path / "token").write_text("  s3cret-token \n# a comment line is ignored\n")
    assert read_token_file(str(tmp_path / "token"), io.StringIO()) == "s3cret-token"
    assert read_token_file("-", io.StringIO("from-stdin\n")) == "from-stdin"
    with pytest.raises(CredentialStoreError, match="No token in standard input"):
        read_token_file("-", io.StringIO("\n"))
    with pytest.raises(CredentialStoreError, match="Cannot read the token"):
        read_token_file(str(tmp_path / "missing"), io.StringIO())


def test_connect_without_a_token_source_says_how_to_give_one(db_url, monkeypatch, capsys):
    monkeypatch.delenv("CHECKIN_PRETIX_TOKEN", raising=False)
    assert main(["--db", db_url, "pretix", "connect", "--url", "http://127.0.0.1:9", "--organizer", "o",
                 "--event", "e"]) == EXIT_USAGE
    assert "--token-file" in capsys.readouterr().err


def test_a_token_on_the_command_line_still_works_but_warns(db_url, monkeypatch, capsys):
    monkeypatch.delenv("CHECKIN_PRETIX_TOKEN", raising=False)
    # Port 9 refuses: the token was taken (the connection is what fails), with the warning first.
    assert main(["--db", db_url, "pretix", "connect", "--url", "http://127.0.0.1:9", "--organizer", "o",
                 "--event", "e", "--token", "visible"]) == EXIT_FAILURE
    err = capsys.readouterr().err
    assert "visible to every user" in err and "--token-file" in err
