"""The answer card's words for a scan the list's entry rules refused, offline and online."""
from __future__ import annotations

from checkin.core.decision import Decision, Guest, Outcome
from checkin.ui.answer_text import advice, headline

GUEST = Guest(code="abc", name="Zoë Dvořák")


def test_an_offline_rules_refusal_names_the_rule_that_failed(qapp):
    decision = Decision(Outcome.ENTRY_NOT_PERMITTED, "Entry not permitted: only allowed after 11:00.", GUEST,
                        extra={"rules_reason": "only allowed after 11:00"})
    assert headline(decision) == "Entry not permitted"
    assert advice(decision, "Europe/Berlin") == "The list's entry rules refuse this ticket now: only allowed after 11:00."


def test_an_online_rules_refusal_shows_pretix_words(qapp):
    decision = Decision(Outcome.ENTRY_NOT_PERMITTED, "Maximum number of entries today exceeded", GUEST,
                        extra={"online": True})
    assert headline(decision) == "Entry not permitted"
    assert advice(decision, "Europe/Berlin") == "Maximum number of entries today exceeded"
