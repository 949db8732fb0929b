"""Fixtures of the desk window on a venue PostgreSQL behind a link the test cuts (imported by the
tests that use them)."""
from __future__ import annotations

from collections.abc import Iterator

import pytest

from checkin.store.database import Database, open_database
from tests.store.venue_link import VenueLink


@pytest.fixture
def link(postgres_server) -> Iterator[VenueLink]:
    link = VenueLink(postgres_server.create_database())
    yield link
    link.cut()


@pytest.fixture
def database(link) -> Iterator[Database]:
    """The window's database: the venue server through the link the test cuts."""
    db = open_database(link.url(), connect_timeout_s=1)
    yield db
    db.dispose()


@pytest.fixture
def window_settings(window_settings):
    window_settings.set("venue_retry_s", 1.0)  # the desk asks the server again after a second
    return window_settings
