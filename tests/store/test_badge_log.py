"""The print log per guest and the batch selection."""
from __future__ import annotations

from datetime import timedelta

import pytest

from checkin.core.search_text import fold
from checkin.store.badge_log import (PRINTED, PrintTarget, UnknownTicketTypeError, badge_guest, claim_print,
                                     finish_print, longest_guests, print_history, printed_registration_ids,
                                     record_printed, select_batch)
from checkin.store.models import Registration, utcnow
from checkin.store.registrations import insert_registrations

TARGET = PrintTarget("00000000-0000-4000-8000-000000000001", "Desk A", "classic", "durable-1445", "cups:Badges")


def test_batch_sorted_by_surname_or_company(database, demo):
    with database.reader() as session:
        by_surname = select_batch(session, demo.event_id)
        by_company = select_batch(session, demo.event_id, sort="company")
        valid = session.query(Registration).filter_by(event_id=demo.event_id, status="valid").count()
    assert len(by_surname) == valid > 0
    surnames = [fold(guest.family_name) for guest in by_surname]
    assert surnames == sorted(surnames)
    companies = [guest.company for guest in by_company]
    with_company = [company for company in companies if company]
    assert companies[:len(with_company)] == with_company, "guests without a company come last"
    assert with_company == sorted(with_company, key=fold)
    assert with_company.index("Škoda Auto") < with_company.index("Stadtwerke München"), "accents do not sort last"


def test_batch_by_ticket_type_is_case_insensitive(database, demo):
    with database.reader() as session:
        speakers = select_batch(session, demo.event_id, ticket_type="speaker")
        assert speakers and {guest.ticket_type for guest in speakers} == {"Speaker"}
        with pytest.raises(UnknownTicketTypeError, match="known: Participant, Press, Speaker, Staff"):
            select_batch(session, demo.event_id, ticket_type="Sponsor")


def test_a_badge_is_claimed_once_and_reprints_are_explicit(database, demo):
    with database.reader() as session:
        guest = select_batch(session, demo.event_id)[0]
    with database.session() as session:
        first = claim_print(session, guest.registration_id, TARGET)
        assert first is not None
        assert claim_print(session, guest.registration_id, TARGET) is None, "a running claim blocks a second"
        finish_print(session, first)
        assert claim_print(session, guest.registration_id, TARGET) is None
        reprint = claim_print(session, guest.registration_id, TARGET, reprint=True)
        finish_print(session, reprint)
    with database.reader() as session:
        history = print_history(session, guest.registration_id)
        assert [(r.status, r.reprint, r.desk_name, r.layout) for r in history] == [
            (PRINTED, False, "Desk A", "classic"), (PRINTED, True, "Desk A", "classic")]
        assert guest.registration_id not in {g.registration_id for g in
                                             select_batch(session, demo.event_id, only_unprinted=True)}


def test_failed_and_stale_prints_do_not_block(database, demo):
    with database.reader() as session:
        guest = select_batch(session, demo.event_id)[0]
    with database.session() as session:
        failed = claim_print(session, guest.registration_id, TARGET)
        finish_print(session, failed, "printer out of paper")
        assert printed_registration_ids(session, demo.event_id) == set()
        stale = claim_print(session, guest.registration_id, TARGET, when=utcnow() - timedelta(minutes=30))
        assert stale is not None
        assert claim_print(session, guest.registration_id, TARGET) is not None
    with database.reader() as session:
        history = print_history(session, guest.registration_id)
        assert [(r.status, r.error) for r in history if r.status == "failed"] == [("failed", "printer out of paper")]


def test_record_printed_logs_a_batch(database, demo):
    with database.reader() as session:
        guests = select_batch(session, demo.event_id)[:5]
    with database.session() as session:
        assert record_printed(session, [g.registration_id for g in guests], TARGET) == 5
        assert record_printed(session, [guests[0].registration_id], TARGET) == 1
    with database.reader() as session:
        assert len(select_batch(session, demo.event_id, only_unprinted=True)) == len(
            select_batch(session, demo.event_id)) - 5
        assert [r.reprint for r in print_history(session, guests[0].registration_id)] == [False, True]


def test_guest_fields_and_longest_names_for_previews(database, demo):
    with database.session() as session:
        [long_id] = insert_registrations(session, demo.event_id, [{
            "source": "test", "code": "LONGNAME1", "given_name": "Maximilian-Alexander", "family_name":
            "von Hohenzollern-Sigmaringen-Wittelsbach", "company": "X", "raw": {"answers": {"t_shirt": "XL"}}}])
    with database.reader() as session:
        guest = badge_guest(session, long_id)
        assert guest.values()["custom.t_shirt"] == "XL"
        assert guest.event.startswith("Demo")
        assert longest_guests(session, demo.event_id)[0].registration_id == long_id
        with pytest.raises(LookupError):
            badge_guest(session, 999999)
