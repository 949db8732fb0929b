import pytest

from checkin.core.search_text import fold, index_tokens, query_words


@pytest.mark.parametrize(
    "spellings",
    [
        ("Müller", "Mueller", "Muller", "MÜLLER", "müller"),
        ("Weiß", "Weiss", "WEISS", "Weiẞ"),
        ("Šimůnek", "Simunek", "šimůnek"),
        ("Jørgensen", "Jorgensen"),
        ("Łukasz", "Lukasz"),
        ("Schön", "Schoen", "Schon"),
        ("Gülşen", "Gulsen", "Guelsen"),
    ],
)
def test_spellings_fold_to_one_key(spellings):
    assert len({fold(spelling) for spelling in spellings}) == 1


def test_cjk_names_are_found_by_a_later_character():
    tokens = index_tokens("王小明")
    assert {"王小明", "小明", "明"} <= tokens


def test_multi_word_names_are_found_as_typed_together():
    assert "vanderberg" in index_tokens("van der Berg")


def test_query_words_put_the_most_selective_first():
    assert query_words("an Müller") == ["mull" + "er", "an"]
    assert query_words("  ,, ") == []


def test_written_out_umlauts_fold_exactly_like_one_regex_pass():
    """The three str.replace calls must give what re.sub(r"([aou])e", r"\\1") gives, for any text."""
    import random
    import re

    from checkin.core.search_text import _umlauts_written_out

    rng = random.Random(7)
    one_pass = re.compile(r"([aou])e")
    for _ in range(20_000):
        text = "".join(rng.choice("aoueexu") for _ in range(rng.randint(0, 10)))
        assert _umlauts_written_out(text) == one_pass.sub(r"\1", text), text


@pytest.mark.parametrize(("organisation", "expected"), [
    ("Firma Müller GmbH & Co. KG", {"firma", "muller"}),
    ("Cluster Mikrosystemtechnik e.V.", {"cluster", "mikrosystemtechnik"}),
    ("Bosch", {"bosch"}),
    ("AG", {"ag"}),  # nothing but fillers: keep them, the name must be findable
    ("Fraunhofer-Institut für Produktionstechnik", {"fraunhofer", "institut", "produktionstechnik"}),
])
def test_organisations_are_indexed_without_legal_forms_and_fillers(organisation, expected):
    from checkin.core.search_text import organisation_tokens

    assert organisation_tokens(organisation) == expected


def test_match_rank_prefers_the_very_spelling_then_transliterations_then_prefixes():
    from checkin.core.search_text import EXACT, PREFIX, PREFIX_AS_WRITTEN, TRANSLITERATED, match_rank

    assert match_rank("müller", ["Müller", "Anna"]) == EXACT
    assert match_rank("MÜLLER", ["Anna", "müller"]) == EXACT
    assert match_rank("müller", ["Mueller"]) == TRANSLITERATED
    assert match_rank("mül", ["Müllerson"]) == PREFIX_AS_WRITTEN
    assert match_rank("mül", ["Mueller"]) == PREFIX
    assert match_rank("anna müller", ["Anna", "Mueller"]) == TRANSLITERATED  # the worse word counts
    assert match_rank("", ["Anna"]) == PREFIX
