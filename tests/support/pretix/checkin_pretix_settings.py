"""Django settings for the pretix server our tests run: pretix's own settings, plus what a test
server on one machine needs. Imported by the pretix venv's Python, never by our code.

- Mail goes nowhere (pretix hard-codes an SMTP backend).
- On SQLite: WAL mode with IMMEDIATE transactions and a 30 s busy timeout, so several gunicorn
  workers writing at once queue instead of failing with "database is locked". On PostgreSQL (the
  big benchmarks; pretix.cfg says which) pretix's own settings are used unchanged.
- With CHECKIN_PRETIX_NO_MIGRATIONS=1 the schema is built from the models (as pretix's own test
  settings do): ~2 s instead of ~90 s of real migrations.
"""
import os

from pretix.settings import *  # noqa: F401,F403
from pretix.settings import DATABASES

EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"].setdefault("OPTIONS", {}).update({
        "timeout": 30,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    })
# Password hashing only matters for logins; the tests use API tokens.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


class _NoMigrations:
    """Every app "has no migrations", so ``migrate --run-syncdb`` creates tables from the models."""

    def __contains__(self, item):
        return True

    def __getitem__(self, item):
        return None

    def setdefault(self, key, default=None):
        return None


if os.environ.get("CHECKIN_PRETIX_NO_MIGRATIONS") == "1":
    MIGRATION_MODULES = _NoMigrations()
