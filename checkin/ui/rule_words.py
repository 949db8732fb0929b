"""The entry rules' reasons in the desk's language (the templates live in sync.pretix.rule_words).

Every English template, label and weekday is written out here once, so lupdate finds them.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from checkin.sync.pretix.rule_words import Reason, sentence

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls


def _texts() -> dict[str, str]:
    return {
        "the check-in list's rules do not admit this ticket now":
            translate("RuleWords", "the check-in list's rules do not admit this ticket now"),
        "only allowed before {time}": translate("RuleWords", "only allowed before {time}"),
        "only allowed after {time}": translate("RuleWords", "only allowed after {time}"),
        "this ticket type is not allowed here": translate("RuleWords", "this ticket type is not allowed here"),
        "wrong entrance for this ticket": translate("RuleWords", "wrong entrance for this ticket"),
        "the guest is not inside (checked out or never entered)":
            translate("RuleWords", "the guest is not inside (checked out or never entered)"),
        "the guest is already inside": translate("RuleWords", "the guest is already inside"),
        "maximum {label} reached ({count} so far)": translate("RuleWords", "maximum {label} reached ({count} so far)"),
        "minimum {label} not reached ({count} so far)":
            translate("RuleWords", "minimum {label} not reached ({count} so far)"),
        "maximum {label} reached ({minutes} min)": translate("RuleWords", "maximum {label} reached ({minutes} min)"),
        "minimum {label} not reached ({minutes} min)":
            translate("RuleWords", "minimum {label} not reached ({minutes} min)"),
        "{label}: no entry yet": translate("RuleWords", "{label}: no entry yet"),
        "{label} is not {limit}": translate("RuleWords", "{label} is not {limit}"),
        "{label} is {limit}": translate("RuleWords", "{label} is {limit}"),
        "only on {day}": translate("RuleWords", "only on {day}"),
        "not on {day}": translate("RuleWords", "not on {day}"),
        "time since the last entry": translate("RuleWords", "time since the last entry"),
        "time since the first entry": translate("RuleWords", "time since the first entry"),
        "number of days with an entry": translate("RuleWords", "number of days with an entry"),
        "number of entries": translate("RuleWords", "number of entries"),
        "number of entries today": translate("RuleWords", "number of entries today"),
        "number of entries since {time}": translate("RuleWords", "number of entries since {time}"),
        "number of entries before {time}": translate("RuleWords", "number of entries before {time}"),
        "number of days with an entry since {time}": translate("RuleWords", "number of days with an entry since {time}"),
        "number of days with an entry before {time}":
            translate("RuleWords", "number of days with an entry before {time}"),
        "weekday": translate("RuleWords", "weekday"),
        "Monday": translate("RuleWords", "Monday"),
        "Tuesday": translate("RuleWords", "Tuesday"),
        "Wednesday": translate("RuleWords", "Wednesday"),
        "Thursday": translate("RuleWords", "Thursday"),
        "Friday": translate("RuleWords", "Friday"),
        "Saturday": translate("RuleWords", "Saturday"),
        "Sunday": translate("RuleWords", "Sunday"),
    }


def known_texts() -> set[str]:
    return set(_texts())


def rules_sentence(reasons: list) -> str:
    """``extra["rules_reasons"]`` as one translated sentence; unknown texts stay in English."""
    texts = _texts()
    return sentence([Reason(str(template), dict(params)) for template, params in reasons],
                    lambda text: texts.get(text, text))
