"""The settings file read back as the desk reads it: numbers kept within their bounds and text
within its pattern, whatever an edited file says; every shown setting declared completely."""
from __future__ import annotations

import json

from checkin.settings import GROUPS, INTERNAL, SETTINGS, Settings


def test_an_edited_file_cannot_put_a_value_outside_the_declaration(settings):
    settings.path.parent.mkdir(parents=True, exist_ok=True)
    settings.path.write_text(json.dumps({"scanner_prefix": "\u0002]Q1", "desk_name": "Desk B",
                                         "scanner_max_key_interval_ms": 99_999, "font_scale": 0.01}))
    loaded = Settings(settings.path)
    assert loaded.get("scanner_prefix") == ""  # a control character: back to the default
    assert loaded.get("desk_name") == "Desk B"
    assert loaded.get("scanner_max_key_interval_ms") == 500 and loaded.get("font_scale") == 0.5


def test_every_shown_setting_has_a_known_group_help_and_bounds_for_numbers():
    groups = {group.key for group in GROUPS} | {INTERNAL}
    for setting in SETTINGS:
        assert setting.group in groups, setting.key
        if setting.group != INTERNAL:
            assert setting.label and setting.description, setting.key
            if setting.type in (int, float):
                assert setting.minimum is not None and setting.maximum is not None, setting.key
                assert setting.minimum <= setting.default <= setting.maximum, setting.key
