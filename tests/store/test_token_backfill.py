"""A bulk load's search tokens, written by SQLite from the stored keys on a second thread, are the
same rows the one-batch path writes from Python, and a failure there fails the whole load."""
import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from checkin.store import registrations as registrations_module
from checkin.store.models import Event, Registration, SearchToken
from checkin.store.registrations import insert_registrations
from checkin.store.search import search

# Names, companies and addresses whose keys need escaping or cleaning on their way through JSON.
TRICKY = [
    {"given_name": "Zoë", "family_name": "O'Brien-Müller", "company": 'Firma "Zuckerhut" GmbH',
     "email": 'quote"d\\back@slash.example', "code": 'q"uo\\te'},
    {"given_name": "明", "family_name": "王", "company": "", "email": "", "code": "cjk-1"},
    {"given_name": "", "family_name": "", "company": "", "email": "", "code": "nothing-but-a-code"},
    {"given_name": "Tab", "family_name": "Stop", "company": "", "email": "ctl\x01char@x.example", "code": "c\x02tl"},
]


def _rows(count: int) -> list[dict]:
    rows = [{"given_name": f"Given{n}", "family_name": f"Family{n:05d}", "company": f"Company {n % 97} AG",
             "email": f"guest{n}@domain{n % 13}.example", "code": f"code-{n:05d}"} for n in range(count)]
    return [{"source": "test", **row} for row in rows + TRICKY]


def _event(session, slug: str) -> int:
    event = Event(source="test", slug=slug, name=slug)
    session.add(event)
    session.flush()
    return event.id


def _tokens_by_code(session, event_id: int) -> dict[str, set[tuple[int, str]]]:
    found: dict[str, set[tuple[int, str]]] = {}
    for code, kind, token in session.execute(
            select(Registration.code, SearchToken.kind, SearchToken.token)
            .join(Registration, Registration.id == SearchToken.registration_id)
            .where(SearchToken.event_id == event_id)):
        found.setdefault(code, set()).add((kind, token))
    return found


def test_bulk_tokens_equal_the_tokens_of_the_one_batch_path(database):
    rows = _rows(3 * registrations_module._BATCH + 17)
    with database.session() as session:
        bulk = _event(session, "bulk")
        insert_registrations(session, bulk, rows)
        one_by_one = _event(session, "batches")
        for start in range(0, len(rows), registrations_module._BATCH):  # one batch a call: no second thread
            insert_registrations(session, one_by_one, rows[start:start + registrations_module._BATCH])
    with database.reader() as session:
        expected, written = _tokens_by_code(session, one_by_one), _tokens_by_code(session, bulk)
        assert written == expected
        assert len(written) == len(rows) - 1  # a guest with nothing but a code has no token row
        assert written['q"uo\\te'] == {(0, "o"), (0, "brien"), (0, "obrienmuller"), (0, "muller"), (1, "zo"),
                                       (2, "firma"), (2, "zuckerhut"), (3, "quote"), (3, "d"), (3, "back"), (3, "slash")}
        assert all(kind < registrations_module.CODE for tokens in written.values() for kind, _token in tokens)
        # Codes are found through registration's folded-code index, whatever they contain.
        assert [h.code for h in search(session, bulk, "NOTHING-BUT")] == ["nothing-but-a-code"]
        assert [h.code for h in search(session, bulk, 'Q"UO\\')] == ['q"uo\\te']
        assert [h.code for h in search(session, bulk, "c\x02t")] == ["c\x02tl"]
        assert [h.family_name for h in search(session, bulk, "family03")][:3] == ["Family03000", "Family03001",
                                                                                 "Family03002"]
        assert [h.given_name for h in search(session, bulk, "王")] == ["明"]
        assert [h.code for h in search(session, bulk, "ctlchar@x")] == ["c\x02tl"]


def test_a_failing_token_batch_fails_the_whole_load_and_leaves_nothing(database):
    rows = _rows(2 * registrations_module._BATCH)
    with database.session() as session:
        event_id = _event(session, "fails")
        first_id = (session.scalar(select(func.max(Registration.id))) or 0) + 1
        # A token row already there for a guest of the second batch: the real statement on the
        # second thread hits the primary key, as a disk error or a bug would fail it.
        victim = registrations_module._BATCH + 5
        session.add(SearchToken(event_id=event_id, kind=0, token=f"family{victim:05d}",
                                registration_id=first_id + victim))
    with pytest.raises(IntegrityError):
        with database.session() as session:
            insert_registrations(session, event_id, rows)
    with database.reader() as session:
        assert session.scalar(select(func.count()).select_from(Registration)
                              .where(Registration.event_id == event_id)) == 0
        assert session.scalar(select(func.count()).select_from(SearchToken)
                              .where(SearchToken.event_id == event_id)) == 1
    with database.session() as session:  # the database takes the next load as usual
        insert_registrations(session, event_id, rows[:10])


def test_a_statement_of_the_caller_waits_for_the_token_statement_in_flight(database):
    from checkin.store.token_backfill import TokenBackfill

    with database.session() as session:
        event_id = _event(session, "guarded")
        ids = insert_registrations(session, event_id, _rows(100))  # one batch: written the plain way
        session.execute(SearchToken.__table__.delete().where(SearchToken.event_id == event_id))
        with TokenBackfill(session.connection(), registrations_module.INDEXED_BELOW) as backfill:
            backfill.add(ids[0], ids[-1])
            count = session.scalar(select(func.count()).select_from(SearchToken)
                                   .where(SearchToken.event_id == event_id))
            assert backfill._pending is None  # the listener waited before the count ran
        assert count == sum(len([k for k in r.search_keys.split() if int(k[0]) < registrations_module.CODE])
                            for r in session.scalars(select(Registration).where(Registration.event_id == event_id)))
        assert count > 300
