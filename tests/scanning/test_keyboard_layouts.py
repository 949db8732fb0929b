"""Layout mix-ups between scanner and computer, on every code alphabet the desk meets."""
from __future__ import annotations

import base64
import random
import string

import pytest

from checkin.scanning.keyboard_layouts import LAYOUTS, MISMATCHES, meant, readings, typed_as, untypeable
from checkin.store.registrations import new_codes

#: pretix's RandomTicketSecretGenerator (pretix/base/secrets.py): no o, 0, 1, i, l.
PRETIX_RANDOM = "abcdefghjkmnpqrstuvwxyz23456789"


def pretix_random(rng: random.Random) -> str:
    return "".join(rng.choice(PRETIX_RANDOM) for _ in range(32))


def pretix_sig1(rng: random.Random) -> str:
    """Sig1TicketSecretGenerator: standard base64 of the signed bytes, reversed."""
    return base64.b64encode(rng.randbytes(rng.randrange(60, 90))).decode()[::-1]


def csv_code(rng: random.Random) -> str:
    parts = ["".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(4)) for _ in range(3)]
    return rng.choice("-/+=").join(parts) + rng.choice(["", "=", "/x", "+1"])


ALPHABETS = {"pretix_random": pretix_random, "pretix_sig1": pretix_sig1, "csv": csv_code,
             "ours": lambda rng: new_codes(1)[0]}


@pytest.mark.parametrize("alphabet", ALPHABETS)
@pytest.mark.parametrize(("scanner", "computer"), MISMATCHES)
def test_what_arrives_reads_back_to_the_code_whenever_it_can_be_known(alphabet, scanner, computer):
    rng = random.Random(f"{alphabet}{scanner}{computer}")
    for _ in range(300):
        code = ALPHABETS[alphabet](rng)
        arrived = typed_as(code, scanner, computer)
        if arrived is not None:
            assert code in readings(arrived, scanner, computer), (code, arrived)


@pytest.mark.parametrize("alphabet", ["pretix_random", "ours"])
@pytest.mark.parametrize(("scanner", "computer"), MISMATCHES)
def test_letter_and_digit_codes_always_come_back(alphabet, scanner, computer):
    rng = random.Random(alphabet)
    for _ in range(200):
        code = ALPHABETS[alphabet](rng)
        assert meant(typed_as(code, scanner, computer), scanner, computer) == code


def test_a_us_scanner_on_a_german_computer_as_the_desk_saw_it():
    assert typed_as("Ab-Yz/09xY", "us", "de") == "AbßZy-09xZ"
    assert meant("AbßZy-09xZ", "us", "de") == "Ab-Yz/09xY"
    # The other way round: a German scanner on a US computer.
    assert typed_as("Ab-Yz/09xY", "de", "us") == "Ab/Zy&09xZ"
    assert meant("Ab/Zy&09xZ", "de", "us") == "Ab-Yz/09xY"


def test_azerty_moves_letters_and_puts_digits_on_the_shift_level():
    assert typed_as("aqwz19", "us", "fr") == "qazw&ç"
    assert meant("qazw&ç", "us", "fr") == "aqwz19"
    assert typed_as("AQ19", "fr", "us") == "QA!("


def test_swiss_german_swaps_y_and_z_and_moves_symbols():
    assert typed_as("yz-/", "us", "ch") == "zy'-"
    assert meant("zy'-", "us", "ch") == "yz-/"


def test_dead_keys_compose_with_the_next_letter_and_otherwise_make_the_code_unknowable():
    # US '=' is German dead acute: "=e" shows as "é", and reads back.
    assert typed_as("x=e", "us", "de") == "xé"
    assert meant("xé", "us", "de") == "x=e"
    # Dead acute before a consonant or at the end: what shows depends on the input method.
    assert typed_as("ab=q", "us", "de") is None
    assert typed_as("abc=", "us", "de") is None
    # A French dead circumflex (US '[') before a vowel.
    assert typed_as("[q", "us", "fr") == "â"  # US q is the French a key
    assert meant("â", "us", "fr") == "[q"


def test_characters_a_layout_cannot_type_are_named_and_never_guessed():
    assert untypeable("ab€c", "us") == {"€"}
    assert typed_as("ab€c", "us", "de") is None
    assert meant("ß1", "us", "fr") is None  # no French key types ß
    # Swiss è is a key of its own and dead grave (US '+') then e: two readings, no guess.
    assert readings("xè", "us", "ch") == {"x{", "x+e"} and meant("xè", "us", "ch") is None


def test_every_layout_types_all_letters_and_digits():
    for layout in LAYOUTS.values():
        assert untypeable(string.ascii_letters + string.digits, layout.code) == set(), layout.code


def test_lone_dead_keys_can_be_modelled_as_input_methods_drop_them():
    # Seen under X with a German keymap (Qt, no compose table): US '+' (dead grave) before 'Q'
    # and '=' (dead acute) before '/' or 'K' vanish; the keys after them are typed as they are.
    assert typed_as("Kyz+Q=/8aZ", "us", "de", dead_keys="drop") == "KzyQ-8aY"
    assert typed_as("Zy-Qa/7+Xz=K9", "us", "de", dead_keys="drop") == "YzßQa-7XyK9"
    # With a compose table, letters that have an accented form take it.
    assert typed_as("x=e", "us", "de", dead_keys="compose") == "xé"
    assert typed_as("x=e", "us", "de", dead_keys="drop") == "xe"
