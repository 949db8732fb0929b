"""Every statement of the scan and search paths finds its rows through an index: no statement
reads a whole table or sorts an event's registrations, whatever the event's size."""
from contextlib import contextmanager

from sqlalchemy import event as sqlalchemy_event

from checkin.core.decision import Outcome
from checkin.store.search import search
from checkin.sync.demo import create_demo_event

_FULL_READS = ("SCAN registration", "SCAN search_token", "SCAN check_in")


def _reads_too_much(statement: str, plan: str) -> bool:
    """A whole table read, or a sort that is not bounded by a short list of ids (the hits' check-ins)."""
    return any(word in plan for word in _FULL_READS) or ("TEMP B-TREE" in plan and " IN (" not in statement)


@contextmanager
def _statements(database):
    seen = []

    def remember(_connection, _cursor, statement, parameters, _context, executemany):  # noqa: ANN001, ANN202
        if not executemany and statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))

    sqlalchemy_event.listen(database.engine, "before_cursor_execute", remember)
    try:
        yield seen
    finally:
        sqlalchemy_event.remove(database.engine, "before_cursor_execute", remember)


def _plans(database, statements):
    with database.engine.connect() as connection:
        driver = connection.connection.driver_connection
        return [(statement, " / ".join(row[-1] for row in driver.execute(f"EXPLAIN QUERY PLAN {statement}", parameters)))
                for statement, parameters in statements]


def test_scans_and_searches_read_through_indexes(database, desk):
    with database.session() as session:
        event = create_demo_event(session, 3000, seed=11)
        other = create_demo_event(session, 50, seed=12, slug="other")
    with database.reader() as session:
        guest_code = search(session, event.event_id, "a")[0].code
    with _statements(database) as seen:
        assert desk.scan(event.event_id, event.list_ids[0], guest_code).decision.outcome is Outcome.OK
        assert desk.scan(event.event_id, event.list_ids[0], "no-such-code").decision.outcome is Outcome.UNKNOWN
        with database.reader() as session:
            other_code = search(session, other.event_id, "m")[0].code
            for query in ("m", "mül", "anna mül", guest_code[:4].upper(), "nobody@example", "zzzz"):
                search(session, event.event_id, query, list_id=event.list_ids[0])
        assert desk.scan(event.event_id, event.list_ids[0], other_code).decision.outcome is Outcome.OTHER_EVENT
    plans = _plans(database, seen)
    assert any("ix_registration_code_folded" in plan for _statement, plan in plans)
    assert any("sqlite_autoindex_registration_1 (event_id=? AND code=?)" in plan for _statement, plan in plans)
    assert [(statement, plan) for statement, plan in plans if _reads_too_much(statement, plan)] == []
