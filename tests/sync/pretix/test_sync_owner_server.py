"""The headless sync owner against the real pretix: ``checkin sync --watch`` on a venue PostgreSQL
pulls the event round after round, a check-in made on the server arrives, and SIGTERM ends it."""
from __future__ import annotations

import json
import signal

import pytest
from sqlalchemy import func, select

from checkin.store.models import CheckIn
from checkin.sync.pretix.owner import owner_state
from tests.sync.pretix.test_sync_owner import Lines, stop, watch

pytestmark = [pytest.mark.slow, pytest.mark.postgres]


@pytest.fixture
def database(pg_database):
    """The connected event (tests/sync/conftest.py) on the venue PostgreSQL."""
    return pg_database


def test_watch_owns_the_venues_sync_against_the_real_server(pretix_server, database, connected, paid_guests,
                                                            ):
    owner = watch(database.url, "--interval", "1", "--json", token=pretix_server.token)
    lines = Lines(owner)
    try:
        [first] = lines.wait_for(lambda line: '"owner":true' in line, 120)[:1]
        first = json.loads(first)
        assert first["ok"] and first["events"][0]["full_pull"] and first["pulled"] > 0, json.dumps(first)
        [guest] = paid_guests.take(1)
        main = pretix_server.seed["events"]["conf"]["lists"]["main"]
        pretix_server.api("POST", "checkinrpc/redeem/", json={"secret": guest["secret"], "lists": [main]})
        with database.reader() as session:
            before = session.scalar(select(func.count()).select_from(CheckIn))

        def arrived(_line: str) -> bool:
            with database.reader() as session:
                return session.scalar(select(func.count()).select_from(CheckIn)) == before + 1
        lines.wait_for(arrived, 60)
        state = owner_state(database)
        assert (state.held, state.name, state.kind, state.last_error) == (True, "checkin sync --watch", "watch", "")
        owner.send_signal(signal.SIGTERM)
        assert owner.wait(30) == 0
        assert not owner_state(database).held
    finally:
        stop(owner)
