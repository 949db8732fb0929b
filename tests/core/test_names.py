from checkin.core.names import display_name


def test_title_given_and_family_name_those_present():
    assert display_name("Dr.", "Anna", "Müller") == "Dr. Anna Müller"
    assert display_name("", "Anna", None) == "Anna"
    assert display_name(None, None, "王") == "王"


def test_the_fallback_names_a_guest_without_any_name():
    assert display_name("", "", "", fallback="ABC123") == "ABC123"
    assert display_name(None, None, None) == ""
