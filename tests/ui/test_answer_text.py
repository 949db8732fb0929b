"""The answer card's words for a scan the list's entry rules refused, offline and online, in English and German."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication

from checkin.core.decision import Decision, Guest, Outcome
from checkin.sync.pretix import rule_words
from checkin.ui.answer_text import advice, headline
from checkin.ui.i18n import Translations

GUEST = Guest(code="abc", name="Zoë Dvořák")
REASONS = [[rule_words.AFTER, {"time": "11:00"}],
           [rule_words.MAX_COUNT, {"label": "entries_today", "count": 1}],
           [rule_words.ONLY_ON, {"day": 6}]]
OFFLINE = Decision(Outcome.ENTRY_NOT_PERMITTED, "Entry not permitted: …", GUEST,
                   extra={"rules_reason": "…", "rules_reasons": REASONS})


@pytest.fixture
def german(qapp):
    translations = Translations(qapp)
    assert translations.apply("de")
    yield
    translations.remove()


def test_an_offline_rules_refusal_names_the_rules_that_failed(qapp):
    assert headline(OFFLINE) == "Entry not permitted"
    assert advice(OFFLINE, "Europe/Berlin") == (
        "The list's entry rules refuse this ticket now: only allowed after 11:00, "
        "maximum number of entries today reached (1 so far), only on Saturday.")


def test_the_reasons_read_in_german_too(german):
    assert headline(OFFLINE) == "Einlass nicht erlaubt"
    assert advice(OFFLINE, "Europe/Berlin") == (
        "Die Einlassregeln der Liste lassen dieses Ticket jetzt nicht ein: erst nach 11:00 erlaubt, "
        "Anzahl der Einlässe heute: Höchstwert erreicht (bisher 1), nur am Samstag.")


def test_an_online_rules_refusal_shows_pretix_words(qapp):
    decision = Decision(Outcome.ENTRY_NOT_PERMITTED, "Maximum number of entries today exceeded", GUEST,
                        extra={"online": True})
    assert headline(decision) == "Entry not permitted"
    assert advice(decision, "Europe/Berlin") == "Maximum number of entries today exceeded"


def test_every_reason_the_rules_can_give_is_translated_from_its_one_declaration(german):
    """The templates are marked where sync.pretix.rule_words declares them: lupdate found each."""
    every = {*rule_words.TEMPLATES, *rule_words.LABELS.values(), *rule_words.WEEKDAYS}
    untranslated = {text for text in every if QCoreApplication.translate(rule_words.CONTEXT, text) == text}
    assert len(every) == 33 and untranslated == set()


@pytest.mark.parametrize(("decision", "english", "german_text"), [
    (Decision(Outcome.NOT_YET_VALID, "Not valid before 2030-05-01 08:00.", GUEST,
              extra={"not_before": "2030-05-01T08:00:00+00:00"}),
     "The ticket is valid from 2030-05-01 10:00.", "Das Ticket gilt erst ab 2030-05-01 10:00."),
    (Decision(Outcome.NO_LONGER_VALID, "No longer valid since 2020-05-01 18:00.", GUEST,
              extra={"not_after": "2020-05-01T16:00:00+00:00"}),
     "The ticket was valid until 2020-05-01 18:00.", "Das Ticket galt nur bis 2020-05-01 18:00."),
    (Decision(Outcome.OTHER_EVENT, "This ticket is for another event: Sommerfest.",
              extra={"other_event": "Sommerfest"}),
     "This ticket belongs to another event: Sommerfest.",
     "Dieses Ticket gehört zu einer anderen Veranstaltung: Sommerfest."),
])
def test_refusals_with_details_are_said_in_the_desks_language_not_spliced_from_english(
        qapp, decision, english, german_text):
    """The decision's English message is for logs and the CLI; the card builds its sentence from
    the details, in the event's time zone."""
    assert advice(decision, "Europe/Berlin") == english
    translations = Translations(qapp)
    assert translations.apply("de")
    try:
        assert advice(decision, "Europe/Berlin") == german_text
    finally:
        translations.remove()
