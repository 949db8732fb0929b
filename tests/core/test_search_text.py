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
