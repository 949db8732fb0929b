"""Several desks, one truth: exactly one ok per guest, enforced by the venue PostgreSQL.

Real desk processes, each with its own connection and desk id, released together on a barrier
and scanning the same guests in shuffled orders. Nothing here depends on Python timing: the
loser waits on the registration's row lock and then reads the winner's row.
"""
import random
import threading
from collections import Counter

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from checkin.core.decision import Outcome
from checkin.store.database import open_database
from checkin.store.desk import DeskService
from checkin.store.models import CheckIn, Registration
from checkin.sync.demo import create_demo_event
from tests.store.venue_desks import desk_id, race

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

DESKS = 4
GUESTS = 100


def _valid_codes(database, event_id: int, count: int) -> list[str]:
    with database.reader() as session:
        return session.scalars(select(Registration.code).where(
            Registration.event_id == event_id, Registration.status == "valid").order_by(Registration.id).limit(count)
        ).all()


def _shuffled(codes: list[str], desks: int) -> list[list[str]]:
    return [random.Random(seed).sample(codes, len(codes)) for seed in range(desks)]


def _assert_exactly_one_ok_each(database, answers, codes) -> None:
    oks = Counter(a.code for a in answers if a.outcome == "ok")
    assert oks == Counter(codes), "every guest admitted exactly once across the desks"
    losers = [a for a in answers if a.outcome != "ok"]
    assert len(losers) == len(codes) * (DESKS - 1)
    assert {a.outcome for a in losers} == {"already_checked_in"}
    winner_of = {a.code: f"Desk {a.desk}" for a in answers if a.outcome == "ok"}
    # The loser names the winner's desk: it read the winner's row, not a stale snapshot.
    assert all(a.previous_desk == winner_of[a.code] for a in losers)
    with database.reader() as session:
        in_log = dict(session.execute(select(CheckIn.raw_code, func.count()).where(CheckIn.outcome == "ok")
                                      .group_by(CheckIn.raw_code)).all())
    assert in_log == {code: 1 for code in codes}


@pytest.fixture
def venue(pg_database):
    with pg_database.session() as session:
        demo = create_demo_event(session, GUESTS + 20, seed=17)
    return pg_database, demo, _valid_codes(pg_database, demo.event_id, GUESTS)


@pytest.mark.parametrize("mode", ["scan", "search"])
def test_four_desk_processes_on_the_same_100_guests_admit_each_once(venue, mode):
    database, demo, codes = venue
    assert len(codes) == GUESTS
    answers = race(database.url, demo.event_id, demo.list_ids[0], _shuffled(codes, DESKS), mode)
    _assert_exactly_one_ok_each(database, answers, codes)


def test_a_server_defaulting_to_repeatable_read_still_admits_each_once(venue, postgres_server):
    """Under REPEATABLE READ the history read would use a snapshot from before the lock wait and
    admit the guest a second time; the desk pins its writes to READ COMMITTED."""
    database, demo, codes = venue
    name = make_url(database.url).database
    admin = open_database(postgres_server.admin_url.replace("postgresql://", "postgresql+psycopg://"), migrate=False)
    with admin.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql(f'ALTER DATABASE "{name}" SET default_transaction_isolation = \'repeatable read\'')
    admin.dispose()
    answers = race(database.url, demo.event_id, demo.list_ids[0], _shuffled(codes[:40], DESKS))
    _assert_exactly_one_ok_each(database, answers, codes[:40])


def _in_threads(count: int, work) -> None:
    barrier = threading.Barrier(count)
    errors: list[BaseException] = []

    def run(n: int) -> None:
        barrier.wait()
        try:
            work(n)
        except BaseException as error:  # noqa: BLE001 - reported by the assert below
            errors.append(error)

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []


def test_undo_at_two_desks_at_once_undoes_once_and_a_rescan_admits_once(venue):
    database, demo, codes = venue
    desks = [DeskService(database, desk_id(n), f"Desk {n}") for n in (1, 2)]
    list_id = demo.list_ids[0]
    first = desks[0].scan(demo.event_id, list_id, codes[0])
    results = []
    _in_threads(2, lambda n: results.append(desks[n].undo(first.check_in_id)))
    assert sorted(r is None for r in results) == [False, True], "one undo row, the other desk told it is done"
    rescans = []
    _in_threads(2, lambda n: rescans.append(desks[n].scan(demo.event_id, list_id, codes[0]).decision.outcome))
    assert sorted(o.value for o in rescans) == ["already_checked_in", "ok"]
    with database.reader() as session:
        outcomes = Counter(session.scalars(select(CheckIn.outcome).where(CheckIn.raw_code == codes[0])).all())
    assert outcomes == {Outcome.OK.value: 2, Outcome.UNDO.value: 1, Outcome.ALREADY_CHECKED_IN.value: 1}
