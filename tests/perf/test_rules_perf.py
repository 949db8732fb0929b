"""What a list's check-in rules add to an offline scan (run: python -m pytest tests/perf/test_rules_perf.py -o addopts="" -s)."""
from __future__ import annotations

from sqlalchemy import select, update

from checkin.store.models import CheckInList, Registration
from checkin.sync.demo import create_demo_event
from checkin.sync.pretix.offline import pretix_desk
from tests.perf.harness import measure, report

TYPICAL = {"or": [
    {"inList": [{"var": "product"}, {"objectList": [{"lookup": ["product", "9", "Workshop"]}]}]},
    {"and": [{"<": [{"var": "entries_today"}, 1]},
             {"isAfter": [{"var": "now"}, {"buildTime": ["customtime", "00:00"]}, 0]}]},
]}
REPEAT = 600


def test_scan_with_rules_costs_little_more_than_without(database):
    with database.session() as session:
        demo = create_demo_event(session, 3 * REPEAT, seed=11)
        plain, ruled = demo.list_ids
        session.execute(update(CheckInList).values(all_ticket_types=True, allow_multiple_entries=True))
        session.execute(update(CheckInList).where(CheckInList.id == ruled).values(rules=TYPICAL))
        codes = list(session.scalars(select(Registration.code).where(Registration.status == "valid")
                                     .order_by(Registration.id)))
    desk = pretix_desk(database, "00000000-0000-4000-8000-0000000000d1", "Perf Desk")
    plain_codes, ruled_codes = iter(codes[::2]), iter(codes[1::2])
    baseline = measure("scan, list without rules", lambda: desk.scan(demo.event_id, plain, next(plain_codes)),
                       REPEAT - 10)
    with_rules = measure("scan, list with a typical rule", lambda: desk.scan(demo.event_id, ruled, next(ruled_codes)),
                         REPEAT - 10)
    regular, other = codes[-1], codes[-2]
    with database.session() as session:
        session.execute(update(CheckInList).where(CheckInList.id == ruled).values(
            rules={"<": [{"var": "entries_number"}, 100000]}))
    desk = pretix_desk(database, "00000000-0000-4000-8000-0000000000d1", "Perf Desk")  # reads the new rule
    for _ in range(200):  # a guest with a long history on the list, with and without a rule counting it
        desk.scan(demo.event_id, ruled, regular)
        desk.scan(demo.event_id, plain, other)
    long_plain = measure("200+ earlier entries, no rules", lambda: desk.scan(demo.event_id, plain, other), 200)
    long_history = measure("200+ earlier entries, counted by a rule",
                           lambda: desk.scan(demo.event_id, ruled, regular), 200)
    report("pretix check-in rules", [with_rules, long_plain, long_history], baseline)
