"""10,000 hostile payloads through the desk's scan: each gets a decision, none a traceback."""
from __future__ import annotations

from sqlalchemy import func, select

from checkin.core.decision import Outcome
from checkin.core.payload import PayloadRules
from checkin.store.code_signing import enable_signing
from checkin.store.database import Database
from checkin.store.desk import DeskService
from checkin.store.models import CheckIn, Event, Registration
from checkin.sync.demo import DemoSummary
from tests.abuse.payloads import PayloadFuzzer

SEED = 20261206
FAST_RUN = 10_000


def fuzz_scans(desk: DeskService, demo: DemoSummary, codes: list[str], count: int, seed: int) -> list[str]:
    """Scan ``count`` fuzzed payloads; the failures as ``payload: exception`` lines."""
    failures = []
    for payload in PayloadFuzzer(seed, codes).payloads(count):
        try:
            result = desk.scan(demo.event_id, demo.list_ids[0], payload)
            if not result.decision.message and result.decision.outcome is not Outcome.OK:
                failures.append(f"{payload[:60]!r}: refused without a reason")
        except Exception as error:  # noqa: BLE001 - the point is to catch anything
            failures.append(f"{payload[:60]!r}: {type(error).__name__}: {error}")
    return failures


def known_codes(database: Database, event_id: int) -> list[str]:
    with database.reader() as session:
        return list(session.scalars(select(Registration.code).where(Registration.event_id == event_id)))


def test_ten_thousand_fuzzed_payloads_all_get_a_decision(database: Database, demo: DemoSummary, clock):
    with database.session() as session:
        enable_signing(session.get(Event, demo.event_id))  # the signature check parses payloads too
    desk = DeskService(database, "00000000-0000-4000-8000-0000000000f1", "Fuzz", clock=clock,
                       payload_rules=PayloadRules(prefix="]Q1", suffix="#"))
    failures = fuzz_scans(desk, demo, known_codes(database, demo.event_id), FAST_RUN, SEED)
    assert failures == [], f"{len(failures)} of {FAST_RUN} payloads failed:\n" + "\n".join(failures[:20])
    with database.reader() as session:
        logged = session.scalar(select(func.count()).select_from(CheckIn))
        accepted = session.scalar(select(func.count()).select_from(CheckIn).where(CheckIn.outcome == "ok"))
    assert logged > FAST_RUN * 0.8  # refusals are recorded too, not silently dropped
    assert 0 < accepted <= demo.guests  # each guest admitted at most once
