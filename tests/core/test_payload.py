import pytest

from checkin.core.payload import MAX_CODE_LENGTH, EmptyPayload, PayloadError, PayloadRules, is_blank, normalise_payload


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("abc123", "abc123"),
        ("  abc123  ", "abc123"),
        ("abc123\r\n", "abc123"),
        ("abc123\t", "abc123"),
        ("\nabc123\r", "abc123"),
        ("https://tickets.example.org/demo/ck/abc123", "abc123"),
        ("https://tickets.example.org/demo/ck/abc123/", "abc123"),
        ("https://tickets.example.org/check?code=abc%2B123&x=1", "abc+123"),
        ("HTTP://TICKETS.example.org/abc123", "abc123"),
        ("ftp://files.example.org/abc123", "ftp://files.example.org/abc123"),
        (b"abc123\r\n", "abc123"),
        ("'; DROP TABLE registration; --", "'; DROP TABLE registration; --"),
    ],
)
def test_normalise(raw, code):
    assert normalise_payload(raw) == code


def test_prefix_and_suffix_from_the_scanner_settings():
    rules = PayloadRules(prefix="]Q1", suffix="#")
    assert normalise_payload("]Q1abc123#\r\n", rules) == "abc123"
    assert normalise_payload("abc123", rules) == "abc123"


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("", "empty"),
        ("   \r\n\t", "empty"),
        ("x" * (MAX_CODE_LENGTH + 1), "too long"),
        ("x" * 10_000, "too long"),
        (b"\xff\xfe\x00garbage", "binary"),
        ("abc\x00def\x07", "control"),
        ("https://tickets.example.org/", "empty"),
    ],
)
def test_refused_payloads_say_why(raw, reason):
    with pytest.raises(PayloadError, match=reason):
        normalise_payload(raw)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("http://[abc/XYZ", "not a valid one"),
        ("https://[::1/x", "not a valid one"),
        ("https://[zz]/CODE", "not a valid one"),
        ("AB\udcffCD", "broken characters"),  # invalid UTF-8 from argv (surrogateescape)
        ("abc\ud800", "broken characters"),
        ("\u200b\u200b", "empty"),
        ("\ufeff\ufeff\r\n", "empty"),
        ("\u2060\u200e ", "empty"),
    ],
)
def test_what_parsing_would_raise_on_becomes_a_reason(raw, reason):
    with pytest.raises(PayloadError, match=reason):
        normalise_payload(raw)


def test_invisible_characters_around_a_code_are_dropped():
    assert normalise_payload("\ufeffabc123\u200b") == "abc123"


def test_invisible_only_payloads_are_blank_like_an_empty_one():
    assert is_blank("\u200b\ufeff \r\n")
    assert not is_blank("\u200babc")
    with pytest.raises(EmptyPayload):
        normalise_payload("\u200b")
