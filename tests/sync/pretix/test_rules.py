"""pretix's check-in rules evaluated offline: a table of rules × situations, and the words of a refusal."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from checkin.core.decision import Direction
from checkin.sync.pretix.rules import Entry, EventTimes, RuleError, Situation, permits
from checkin.sync.pretix.rules_explain import GENERAL, explain

BERLIN = ZoneInfo("Europe/Berlin")
#: Monday 23 November 2026, 10:30 in Berlin (09:30 UTC).
NOW = datetime(2026, 11, 23, 10, 30, tzinfo=BERLIN)
EVENT = EventTimes(BERLIN, starts_at=datetime(2026, 11, 23, 9, 0, tzinfo=BERLIN),
                   ends_at=datetime(2026, 11, 24, 18, 0, tzinfo=BERLIN))


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=BERLIN)


def entries(*moments: datetime) -> tuple[Entry, ...]:
    return tuple(Entry(moment) for moment in moments)


def var(name: str) -> dict:
    return {"var": name}


def now_is(operator: str, kind: str, value: str | None = None, tolerance: int | None = None) -> dict:
    build = {"buildTime": [kind, value] if value is not None else [kind]}
    return {operator: [var("now"), build, *([tolerance] if tolerance is not None else [])]}


def products(*ids: int) -> dict:
    return {"inList": [var("product"), {"objectList": [{"lookup": ["product", str(i), f"P{i}"]} for i in ids]}]}


ONCE_A_DAY = {"<": [var("entries_today"), 1]}
SINCE_TEN = {"buildTime": ["custom", "2026-11-23T10:00:00+01:00"]}

CASES = [
    # (rule, situation changes, permitted)
    ("no entry yet today", ONCE_A_DAY, {}, True),
    ("entered yesterday evening", ONCE_A_DAY, {"history": entries(at(22, 23, 30))}, True),
    # 00:10 in Berlin is still the 22nd in UTC: "today" is the event's day, not UTC's.
    ("entered just after local midnight", ONCE_A_DAY, {"history": entries(at(23, 0, 10))}, False),
    ("an exit is not an entry", ONCE_A_DAY, {"history": (Entry(at(23, 9), Direction.EXIT),)}, True),
    ("second entry overall", {"<=": [var("entries_number"), 1]}, {"history": entries(at(20, 9))}, True),
    ("third entry overall", {"<=": [var("entries_number"), 1]}, {"history": entries(at(20, 9), at(21, 9))},
     False),
    ("two days of entries, limit two days", {"<": [var("entries_days"), 2]},
     {"history": entries(at(21, 9), at(22, 9))}, False),
    ("two entries on one day", {"<": [var("entries_days"), 2]}, {"history": entries(at(22, 9), at(22, 15))}, True),
    ("product on the list", products(3, 5), {"product": 5}, True),
    ("product not on the list", products(3, 5), {"product": 4}, False),
    ("variation matches", {"==": [var("variation"), 7]}, {"variation": 7}, True),
    ("no variation", {"==": [var("variation"), 7]}, {}, False),
    ("None is not less than 1", {"<": [var("variation"), 1]}, {}, False),
    ("right gate", {"==": [var("gate"), 2]}, {"gate": 2}, True),
    ("a desk without a gate", {"==": [var("gate"), 2]}, {}, False),
    ("after 09:00 today", now_is("isAfter", "customtime", "09:00"), {}, True),
    ("after 11:00 with 45 minutes' grace", now_is("isAfter", "customtime", "11:00:00", 45), {}, True),
    ("after 11:00 with 15 minutes' grace", now_is("isAfter", "customtime", "11:00", 15), {}, False),
    ("before 10:00", now_is("isBefore", "custom", "2026-11-23T10:00:00+01:00"), {}, False),
    ("before 10:00 with 31 minutes' grace", now_is("isBefore", "custom", "2026-11-23T09:00:00Z", 31), {}, True),
    ("before the event ends", now_is("isBefore", "date_to"), {}, True),
    ("after admission (falls back to the start)", now_is("isAfter", "date_admission"), {}, True),
    ("after admission at 11:00", now_is("isAfter", "date_admission"),
     {"event": EventTimes(BERLIN, EVENT.starts_at, EVENT.ends_at, at(23, 11))}, False),
    ("a one-day event ends when it starts", now_is("isBefore", "date_to"),
     {"event": EventTimes(BERLIN, at(23, 9))}, False),
    ("on a Monday", {"==": [var("now_isoweekday"), 1]}, {}, True),
    ("a weekday written as text", {"==": [var("now_isoweekday"), "1"]}, {}, True),
    ("on a Saturday", {"==": [var("now_isoweekday"), 6]}, {}, False),
    ("Monday in Berlin is Sunday in UTC at 00:30", {"==": [var("now_isoweekday"), 1]},
     {"now": at(23, 0, 30)}, True),
    ("30 minutes since the last entry: 20", {">": [var("minutes_since_last_entry"), 30]},
     {"history": entries(at(23, 10, 10))}, False),
    ("first entry or 30 minutes later", {"or": [{"==": [var("minutes_since_last_entry"), -1]},
                                                 {">": [var("minutes_since_last_entry"), 30]}]}, {}, True),
    ("within two hours of the first entry", {"<": [var("minutes_since_first_entry"), 120]},
     {"history": entries(at(23, 8, 31), at(23, 10))}, True),
    ("two hours after the first entry", {"<": [var("minutes_since_first_entry"), 120]},
     {"history": entries(at(23, 8, 30))}, False),
    ("checked out again", {"==": [var("entry_status"), "absent"]},
     {"history": (Entry(at(23, 9)), Entry(at(23, 10), Direction.EXIT))}, True),
    ("still inside", {"==": [var("entry_status"), "absent"]}, {"history": entries(at(23, 9))}, False),
    ("entries since 10:00", {"<": [{"entries_since": [SINCE_TEN]}, 1]}, {"history": entries(at(23, 10, 5))}, False),
    ("entries since 10:00, earlier one", {"<": [{"entries_since": [SINCE_TEN]}, 1]},
     {"history": entries(at(23, 9, 55))}, True),
    ("entries before 10:00", {">=": [{"entries_before": SINCE_TEN}, 1]}, {"history": entries(at(23, 9, 55))}, True),
    ("days since 10:00 on the 21st",
     {"<": [{"entries_days_since": [{"buildTime": ["custom", "2026-11-21T10:00:00+01:00"]}]}, 2]},
     {"history": entries(at(21, 9), at(21, 11), at(22, 11))}, False),
    ("days before the 22nd",
     {"==": [{"entries_days_before": [{"buildTime": ["custom", "2026-11-22T00:00:00+01:00"]}]}, 1]},
     {"history": entries(at(21, 9), at(21, 11), at(22, 11))}, True),
    ("not on a Monday", {"!": [{"==": [var("now_isoweekday"), 1]}]}, {}, False),
    ("regular tickets once a day, workshop any time",
     {"or": [products(9), {"and": [products(3), ONCE_A_DAY]}]}, {"product": 3, "history": entries(at(23, 9))}, False),
    ("workshop any time", {"or": [products(9), {"and": [products(3), ONCE_A_DAY]}]},
     {"product": 9, "history": entries(at(23, 9))}, True),
    ("empty rules", {}, {}, True),
    ("an empty AND", {"and": []}, {}, True),
]


def situation(**changes) -> Situation:
    return Situation(**{"now": NOW, "event": EVENT, **changes})


@pytest.mark.parametrize(("rule", "changes", "permitted"), [case[1:] for case in CASES],
                         ids=[case[0] for case in CASES])
def test_rules_decide_as_pretix_does(rule, changes, permitted):
    assert permits(rule, situation(**changes)) is permitted


@pytest.mark.parametrize("rule", [
    {"+": [1, 2]},
    {"==": [var("seat_row"), 3]},
    {"isAfter": [var("now"), {"buildTime": ["tomorrow"]}]},
    {"isAfter": [var("now"), {"buildTime": ["custom", "next week"]}]},
    {"==": [1, 1], "<": [1, 2]},
    {"inList": [var("product"), 3]},
], ids=["unknown operator", "unknown variable", "unknown time", "unparsable time", "two operators", "not a list"])
def test_what_cannot_be_evaluated_is_an_error_never_an_admission(rule):
    with pytest.raises(RuleError):
        permits(rule, situation(product=3))


def test_an_error_anywhere_is_an_error_even_when_another_branch_admits():
    # pretix evaluates every argument of AND/OR before combining them.
    with pytest.raises(RuleError):
        permits({"or": [True, {"==": [var("seat_row"), 3]}]}, situation())


EXPLAINED = [
    (ONCE_A_DAY, {"history": entries(at(23, 9))}, "maximum number of entries today reached (1 so far)"),
    (now_is("isAfter", "customtime", "11:00"), {}, "only allowed after 11:00"),
    (now_is("isBefore", "custom", "2026-11-20T18:00:00+01:00"), {}, "only allowed before 2026-11-20 18:00"),
    (products(3), {"product": 4}, "this ticket type is not allowed here"),
    ({"==": [var("gate"), 2]}, {"gate": 1}, "wrong entrance for this ticket"),
    ({"==": [var("now_isoweekday"), 6]}, {}, "only on Saturday"),
    ({">": [var("minutes_since_last_entry"), 30]}, {"history": entries(at(23, 10, 10))},
     "minimum time since the last entry not reached (20 min)"),
    ({"==": [var("entry_status"), "absent"]}, {"history": entries(at(23, 9))}, "the guest is already inside"),
    ({"<": [{"entries_since": [SINCE_TEN]}, 1]}, {"history": entries(at(23, 10, 5))},
     "maximum number of entries since 10:00 reached (1 so far)"),
    # Two ways in failed: the product (rigid) and the entries today; pretix tells the one the guest can change.
    ({"or": [products(9), ONCE_A_DAY]}, {"product": 3, "history": entries(at(23, 9))},
     "maximum number of entries today reached (1 so far)"),
    ({"and": [now_is("isAfter", "customtime", "11:00"), ONCE_A_DAY]}, {"history": entries(at(23, 9))},
     "only allowed after 11:00, maximum number of entries today reached (1 so far)"),
    ({"!": [{"==": [var("now_isoweekday"), 1]}]}, {}, GENERAL),
]


@pytest.mark.parametrize(("rule", "changes", "words"), EXPLAINED)
def test_a_refusal_says_which_rule_failed(rule, changes, words):
    case = situation(**changes)
    assert not permits(rule, case)
    assert explain(rule, case) == words


def test_the_words_of_a_nested_rule_follow_the_failed_way_in():
    rule = {"and": [now_is("isAfter", "customtime", "09:00"),
                    {"or": [products(9), {"and": [products(3), ONCE_A_DAY]}]}]}
    case = situation(product=3, history=entries(at(23, 9)), now=NOW + timedelta(minutes=1))
    assert not permits(rule, case)
    assert explain(rule, case) == "maximum number of entries today reached (1 so far)"


def test_utc_moments_and_local_moments_compare_alike():
    rule = now_is("isBefore", "custom", "2026-11-23T09:31:00+00:00")
    assert permits(rule, situation(now=datetime(2026, 11, 23, 9, 30, tzinfo=timezone.utc)))


@pytest.mark.parametrize("rule", [
    {"==": [{"var": []}, 1]},
    {"<": [{"entries_since": []}, 1]},
    {"==": [3, 4]},
])
def test_a_rule_too_odd_to_explain_still_gets_a_sentence(rule):
    case = situation()
    try:
        refused = not permits(rule, case)
    except RuleError:
        refused = True
    assert refused and explain(rule, case) == GENERAL


def test_a_time_without_zone_is_the_event_local_time():
    # pretix's editor always writes a zone; one typed into the API without is read as the event's clock.
    assert not permits(now_is("isBefore", "custom", "2026-11-23T10:00:00"), situation())
    assert permits(now_is("isBefore", "custom", "2026-11-23T10:31:00"), situation())
