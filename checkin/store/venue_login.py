"""Joining a venue database: where it is, who logs in, and the password kept like the pretix token.

The desk remembers the venue database it joined (the ``venue_database`` setting: the URL
*without* the password) and opens it at the next start unless ``--db`` or ``CHECKIN_DB`` says
otherwise. The password lives in the OS keyring, or where there is none in a file readable
only by this user; never in the settings file, a log or the window.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL, make_url

try:
    import psycopg
except ImportError:  # a desk without the "postgres" extra cannot join a venue database
    psycopg = None

from checkin.settings import Settings, config_dir
from checkin.store.secrets import SecretStore

KEYRING_SERVICE = "checkin-desk-venue-database"
FALLBACK_FILE_NAME = "venue-passwords.json"
SETTING = "venue_database"
DRIVER = "postgresql+psycopg"


@dataclass(frozen=True)
class VenueLogin:
    host: str
    port: int
    database: str
    user: str

    def problem(self) -> str | None:
        """What is missing, in words (None: complete)."""
        for value, name in ((self.host, "host"), (self.database, "database"), (self.user, "user")):
            if not value.strip():
                return f"missing {name}"
            if any(character.isspace() for character in value.strip()):
                return f"the {name} contains a space"
        return None if 0 < self.port < 65536 else "the port must be between 1 and 65535"

    def url(self, password: str = "") -> str:
        return URL.create(DRIVER, username=self.user.strip(), password=password or None, host=self.host.strip(),
                          port=self.port, database=self.database.strip()).render_as_string(hide_password=False)

    @property
    def account(self) -> str:
        """The password's name in the keyring: the URL without it."""
        return self.url()

    @classmethod
    def from_url(cls, url: str) -> VenueLogin:
        parsed = make_url(url)
        return cls(parsed.host or "", parsed.port or 5432, parsed.database or "", parsed.username or "")


class VenuePasswords:
    """The venue database's password: the keyring first, else a private file (0600)."""

    def __init__(self, fallback_file: Path | None = None):
        self.fallback_file = fallback_file or config_dir() / FALLBACK_FILE_NAME
        self._secrets = SecretStore(KEYRING_SERVICE, self.fallback_file)

    def save(self, account: str, password: str) -> str:
        """Keep the password; returns where it went."""
        return "the system keyring" if self._secrets.save(account, password) else str(self.fallback_file)

    def load(self, account: str) -> str:
        return self._secrets.load(account) or ""


def remember(settings: Settings, login: VenueLogin, password: str, passwords: VenuePasswords) -> str:
    """This desk opens ``login``'s database from now on; returns where the password went."""
    where = passwords.save(login.account, password)
    settings.set(SETTING, login.account)
    settings.save()
    return where


def remembered_url(settings: Settings, passwords: VenuePasswords) -> str | None:
    """The joined venue database's URL with its password, or None (none joined)."""
    account = settings.get(SETTING)
    if not account:
        return None
    login = VenueLogin.from_url(account)
    return login.url(passwords.load(account))


def driver_available() -> bool:
    """Whether psycopg 3 (the "postgres" extra) is installed."""
    return psycopg is not None
