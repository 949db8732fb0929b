"""The pure rules under the import's ticket-type step and its warnings (fast; the dialog tests in
test_import_steps.py run the same rules through real widgets and a real database)."""
from __future__ import annotations

from checkin.sync.files.suspicious import MOJIBAKE, NO_NAME, QUESTION_MARKS, SAME_EMAIL, find_suspicious, unmangle
from checkin.sync.files.table import Table
from checkin.sync.files.type_mapping import CREATE_NEW, guess_type, propose, spellings_in

EVENT_TYPES = ("Participant", "Press", "Speaker", "Aussteller")


def test_guess_folds_case_and_diacritics_and_knows_german_and_english():
    assert guess_type(" TEILNEHMÉR ", EVENT_TYPES) == "Participant"
    assert guess_type("Presse", EVENT_TYPES) == "Press"
    assert guess_type("Referenten", EVENT_TYPES) == "Speaker"
    assert guess_type("Exhibitors", EVENT_TYPES) == "Aussteller"
    assert guess_type("Catering", EVENT_TYPES) == CREATE_NEW


def test_a_remembered_choice_wins_unless_its_type_is_gone():
    remembered = {"VIP": "Press", "Gast": "Deleted type"}
    assert propose(["VIP", "Gast"], EVENT_TYPES, remembered) == {"VIP": "Press", "Gast": "Participant"}


def test_spellings_are_counted_without_blanks():
    assert spellings_in(["Presse", " Presse ", "", "VIP"]) == {"Presse": 2, "VIP": 1}


def test_unmangle_repairs_utf8_read_as_cp1252_and_leaves_real_text_alone():
    assert unmangle("MÃ¼ller · GrÃ¶ÃŸe") == "Müller · Größe"
    assert unmangle("Müller · Ångström") == "Müller · Ångström"


def test_suspicious_values_are_counted_with_examples():
    rows = [(2, ["MÃ¼ller", "a@x.org"]), (3, ["M?ller", "b@x.org"]), (4, ["", "c@x.org"]), (5, ["Ann", "A@x.org"])]
    found = {s.kind: s for s in find_suspicious(Table("t.csv", ["Name", "Mail"], rows, 1),
                                                {"family_name": 0, "email": 1})}
    assert {kind: s.count for kind, s in found.items()} == {MOJIBAKE: 1, QUESTION_MARKS: 1, NO_NAME: 1, SAME_EMAIL: 1}
    assert found[MOJIBAKE].examples == [(2, "MÃ¼ller → Müller")]
    assert found[SAME_EMAIL].examples == [(5, "A@x.org · Ann")]
