"""pretix on PostgreSQL, for the big benchmarks: pretix on SQLite needs ~200 ms a page at 5,000
orders and far more at 100,000 (every page re-sorts and re-counts the whole table), which measures
SQLite, not us; real pretix installations run on PostgreSQL.

Each server gets its own database, cloned (``CREATE DATABASE … TEMPLATE``) from a schema database
built once per pinned pretix version, and dropped when the server stops.
"""
from __future__ import annotations

import uuid
from collections.abc import Callable
from urllib.parse import urlsplit


class PretixPostgres:
    """One pretix database on the PostgreSQL server at ``admin_url`` (a superuser URL, as
    tests/postgres_server.py starts)."""

    def __init__(self, admin_url: str):
        self.admin_url = admin_url
        parts = urlsplit(admin_url)
        self.host, self.port, self.user = parts.hostname or "127.0.0.1", parts.port or 5432, parts.username or ""
        self.password = parts.password or ""
        self.name = ""

    def config(self, name: str) -> str:
        """The ``[database]`` section of pretix.cfg for database ``name``."""
        return (f"[database]\nbackend=postgresql\nname={name}\nuser={self.user}\npassword={self.password}\n"
                f"host={self.host}\nport={self.port}\n")

    def create(self, schema_key: str, build_schema: Callable[[str], None]) -> str:
        """A fresh database with pretix's schema; ``build_schema(name)`` fills an empty one (first time only)."""
        template = f"pretix_schema_{schema_key}"
        if not self._exists(template):
            building = f"{template}_build"
            self._execute(f'DROP DATABASE IF EXISTS "{building}"')
            self._execute(f'CREATE DATABASE "{building}"')
            build_schema(building)
            self._execute(f'ALTER DATABASE "{building}" RENAME TO "{template}"')
        self.name = f"pretix_{uuid.uuid4().hex[:12]}"
        self._execute(f'CREATE DATABASE "{self.name}" TEMPLATE "{template}"')
        return self.name

    def drop(self) -> None:
        if self.name:
            self._execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
            self.name = ""

    def _exists(self, name: str) -> bool:
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True) as connection:
            return connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone() is not None

    def _execute(self, statement: str) -> None:
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True) as connection:
            connection.execute(statement)
