"""The answer card's words for a scan the list's entry rules refused, offline and online, in English and German."""
from __future__ import annotations

import pytest

from checkin.core.decision import Decision, Guest, Outcome
from checkin.sync.pretix import rule_words
from checkin.ui.answer_text import advice, headline
from checkin.ui.i18n import Translations
from checkin.ui.rule_words import known_texts

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


def test_every_reason_the_rules_can_give_has_a_translatable_text(qapp):
    every = {*rule_words.TEMPLATES, *rule_words.LABELS.values(), *rule_words.WEEKDAYS}
    assert every == known_texts()
