from datetime import datetime, timedelta, timezone

import pytest

from checkin.core.decision import (
    Direction, Guest, GuestStatus, History, ListRules, Outcome, PriorCheckIn, Severity, decide,
)

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)
ANNA = Guest(code="abc", name="Anna Müller", ticket_type_id=1, ticket_type="Participant")
DAY_ONE = ListRules(name="Day 1")
ENTERED = PriorCheckIn(NOW - timedelta(minutes=5), "Desk B", Direction.ENTRY)
LEFT = PriorCheckIn(NOW - timedelta(minutes=1), "Desk C", Direction.EXIT)


def test_valid_guest_is_admitted():
    decision = decide(ANNA, DAY_ONE, History(), NOW)
    assert decision.outcome is Outcome.OK
    assert decision.severity is Severity.OK
    assert "Anna Müller" in decision.message


def test_unknown_code():
    decision = decide(None, DAY_ONE, History(), NOW)
    assert decision.outcome is Outcome.UNKNOWN
    assert decision.severity is Severity.REFUSED


def test_second_entry_is_refused_with_when_and_where():
    decision = decide(ANNA, DAY_ONE, History(last=ENTERED, first_entry=ENTERED), NOW)
    assert decision.outcome is Outcome.ALREADY_CHECKED_IN
    assert decision.previous == ENTERED
    assert "Desk B" in decision.message
    assert decision.severity is Severity.WARNING
    assert not decision.accepted


def test_multiple_entries_allowed_when_the_list_says_so():
    rules = ListRules(allow_multiple_entries=True)
    assert decide(ANNA, rules, History(last=ENTERED, first_entry=ENTERED), NOW).outcome is Outcome.OK


@pytest.mark.parametrize(("entry_after_exit", "expected"), [(True, Outcome.OK), (False, Outcome.ALREADY_CHECKED_IN)])
def test_entry_after_exit_follows_the_list(entry_after_exit, expected):
    rules = ListRules(allow_entry_after_exit=entry_after_exit)
    assert decide(ANNA, rules, History(last=LEFT, first_entry=ENTERED), NOW).outcome is expected


def test_exit_is_recorded_even_without_entry_but_warns():
    decision = decide(ANNA, DAY_ONE, History(), NOW, Direction.EXIT)
    assert decision.outcome is Outcome.OK and decision.accepted
    assert decision.direction is Direction.EXIT
    assert decision.exit_without_entry
    assert decision.severity is Severity.WARNING
    assert decision.message == "Anna Müller was never checked in. Is this desk in exit mode by mistake?"


def test_exit_after_entry_is_a_plain_goodbye():
    decision = decide(ANNA, DAY_ONE, History(last=ENTERED, first_entry=ENTERED), NOW, Direction.EXIT)
    assert decision.severity is Severity.OK and not decision.exit_without_entry
    assert decision.message == "Goodbye, Anna Müller."


def test_cancelled_is_refused_before_anything_else():
    guest = Guest(code="x", name="X", status=GuestStatus.CANCELLED, ticket_type_id=9)
    rules = ListRules(ticket_type_ids=frozenset({1}))
    assert decide(guest, rules, History(last=ENTERED, first_entry=ENTERED), NOW).outcome is Outcome.CANCELLED


def test_unpaid_is_refused_unless_the_list_includes_unpaid():
    guest = Guest(code="x", name="X", status=GuestStatus.UNPAID)
    assert decide(guest, DAY_ONE, History(), NOW).outcome is Outcome.UNPAID
    assert decide(guest, ListRules(include_unpaid=True), History(), NOW).outcome is Outcome.OK


def test_ticket_type_not_on_the_list():
    rules = ListRules(name="Day 2", ticket_type_ids=frozenset({2, 3}))
    decision = decide(ANNA, rules, History(), NOW)
    assert decision.outcome is Outcome.NOT_VALID_FOR_LIST
    assert "Participant" in decision.message and "Day 2" in decision.message


def test_revoked_secret_is_refused():
    guest = Guest(code="x", name="X", revoked=True)
    assert decide(guest, DAY_ONE, History(), NOW).outcome is Outcome.REVOKED


@pytest.mark.parametrize(
    ("guest_window", "list_window", "expected"),
    [
        ((NOW + timedelta(hours=1), None), (None, None), Outcome.NOT_YET_VALID),
        ((None, None), (NOW + timedelta(minutes=1), None), Outcome.NOT_YET_VALID),
        ((None, NOW - timedelta(seconds=1)), (None, None), Outcome.NO_LONGER_VALID),
        ((None, None), (None, NOW - timedelta(days=1)), Outcome.NO_LONGER_VALID),
        ((NOW - timedelta(hours=1), NOW + timedelta(hours=1)), (NOW - timedelta(days=1), NOW + timedelta(days=1)),
         Outcome.OK),
    ],
)
def test_validity_windows(guest_window, list_window, expected):
    guest = Guest(code="x", name="X", valid_from=guest_window[0], valid_until=guest_window[1])
    rules = ListRules(opens_at=list_window[0], closes_at=list_window[1])
    assert decide(guest, rules, History(), NOW).outcome is expected


def test_attention_turns_an_accepted_scan_amber():
    guest = Guest(code="x", name="X", attention=True, attention_text="VIP")
    decision = decide(guest, DAY_ONE, History(), NOW)
    assert decision.accepted
    assert decision.severity is Severity.WARNING


def test_validity_refusals_carry_the_moment_for_the_desk_to_say_in_its_language():
    from datetime import datetime, timezone

    from checkin.core.decision import NOT_AFTER, NOT_BEFORE, Guest, History, ListRules, Outcome, decide

    opens, closes = datetime(2030, 5, 1, 8, tzinfo=timezone.utc), datetime(2030, 5, 3, 18, tzinfo=timezone.utc)
    rules = ListRules(opens_at=opens, closes_at=closes)
    early = decide(Guest("c", "Ann"), rules, History(), datetime(2030, 4, 30, tzinfo=timezone.utc))
    late = decide(Guest("c", "Ann"), rules, History(), datetime(2030, 5, 4, tzinfo=timezone.utc))
    assert early.outcome is Outcome.NOT_YET_VALID and early.extra == {NOT_BEFORE: opens.isoformat()}
    assert late.outcome is Outcome.NO_LONGER_VALID and late.extra == {NOT_AFTER: closes.isoformat()}
