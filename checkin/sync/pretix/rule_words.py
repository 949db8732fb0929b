"""The sentences that say which check-in rule refused an entry, as templates with parameters.

The English text is the template itself, marked for translation here and nowhere else; the answer
card translates the template, the label (which count or time) and the weekday, then fills in the
numbers (see ui.rule_words). A reason travels as ``[template, params]`` in the decision's ``extra["rules_reasons"]``.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from checkin.core.translatable import QT_TRANSLATE_NOOP

#: The translation context of every text below (lupdate needs it spelled out in each call).
CONTEXT = "RuleWords"

GENERAL = QT_TRANSLATE_NOOP("RuleWords", "the check-in list's rules do not admit this ticket now")
BEFORE = QT_TRANSLATE_NOOP("RuleWords", "only allowed before {time}")
AFTER = QT_TRANSLATE_NOOP("RuleWords", "only allowed after {time}")
PRODUCT = QT_TRANSLATE_NOOP("RuleWords", "this ticket type is not allowed here")
GATE = QT_TRANSLATE_NOOP("RuleWords", "wrong entrance for this ticket")
NOT_INSIDE = QT_TRANSLATE_NOOP("RuleWords", "the guest is not inside (checked out or never entered)")
INSIDE = QT_TRANSLATE_NOOP("RuleWords", "the guest is already inside")
MAX_COUNT = QT_TRANSLATE_NOOP("RuleWords", "maximum {label} reached ({count} so far)")
MIN_COUNT = QT_TRANSLATE_NOOP("RuleWords", "minimum {label} not reached ({count} so far)")
MAX_MINUTES = QT_TRANSLATE_NOOP("RuleWords", "maximum {label} reached ({minutes} min)")
MIN_MINUTES = QT_TRANSLATE_NOOP("RuleWords", "minimum {label} not reached ({minutes} min)")
NO_ENTRY_YET = QT_TRANSLATE_NOOP("RuleWords", "{label}: no entry yet")
IS_NOT = QT_TRANSLATE_NOOP("RuleWords", "{label} is not {limit}")
IS = QT_TRANSLATE_NOOP("RuleWords", "{label} is {limit}")
ONLY_ON = QT_TRANSLATE_NOOP("RuleWords", "only on {day}")
NOT_ON = QT_TRANSLATE_NOOP("RuleWords", "not on {day}")
TEMPLATES = (GENERAL, BEFORE, AFTER, PRODUCT, GATE, NOT_INSIDE, INSIDE, MAX_COUNT, MIN_COUNT, MAX_MINUTES,
             MIN_MINUTES, NO_ENTRY_YET, IS_NOT, IS, ONLY_ON, NOT_ON)

#: What a count or a time measures, by pretix's variable name.
LABELS = {
    "minutes_since_last_entry": QT_TRANSLATE_NOOP("RuleWords", "time since the last entry"),
    "minutes_since_first_entry": QT_TRANSLATE_NOOP("RuleWords", "time since the first entry"),
    "entries_days": QT_TRANSLATE_NOOP("RuleWords", "number of days with an entry"),
    "entries_number": QT_TRANSLATE_NOOP("RuleWords", "number of entries"),
    "entries_today": QT_TRANSLATE_NOOP("RuleWords", "number of entries today"),
    "entries_since": QT_TRANSLATE_NOOP("RuleWords", "number of entries since {time}"),
    "entries_before": QT_TRANSLATE_NOOP("RuleWords", "number of entries before {time}"),
    "entries_days_since": QT_TRANSLATE_NOOP("RuleWords", "number of days with an entry since {time}"),
    "entries_days_before": QT_TRANSLATE_NOOP("RuleWords", "number of days with an entry before {time}"),
    "now_isoweekday": QT_TRANSLATE_NOOP("RuleWords", "weekday"),
}
WEEKDAYS = (
    QT_TRANSLATE_NOOP("RuleWords", "Monday"),
    QT_TRANSLATE_NOOP("RuleWords", "Tuesday"),
    QT_TRANSLATE_NOOP("RuleWords", "Wednesday"),
    QT_TRANSLATE_NOOP("RuleWords", "Thursday"),
    QT_TRANSLATE_NOOP("RuleWords", "Friday"),
    QT_TRANSLATE_NOOP("RuleWords", "Saturday"),
    QT_TRANSLATE_NOOP("RuleWords", "Sunday"),
)


class Reason(NamedTuple):
    template: str
    params: dict

    def english(self) -> str:
        return render(self, lambda text: text)


def render(reason: Reason, translate: Callable[[str], str]) -> str:
    """The sentence, with ``translate`` applied to the template, the label and the weekday."""
    params = dict(reason.params)
    if "label" in params:
        params["label"] = translate(LABELS.get(params["label"], params["label"])).format(time=params.get("time", ""))
    if "day" in params:
        day = params["day"]
        params["day"] = translate(WEEKDAYS[day - 1]) if isinstance(day, int) and 1 <= day <= 7 else str(day)
    try:
        return translate(reason.template).format(**params)
    except (KeyError, IndexError, ValueError):  # a translation with a broken placeholder: the English one
        return reason.template.format(**params)


def sentence(reasons: list[Reason], translate: Callable[[str], str] = lambda text: text) -> str:
    return ", ".join(render(reason, translate) for reason in reasons) or translate(GENERAL)
