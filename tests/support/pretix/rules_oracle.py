"""Runs inside the pretix venv: pretix's own check-in rule logic as an oracle for our evaluator.

    python rules_oracle.py < cases.json > answers.json

Each case gives a rule, the moment, the event's zone and dates, the plain variables and the
guest's entries; the answer is what pretix's logic environment (``_get_logic_environment``)
decides and what ``_logic_explain`` says. The variables stand in for ``LazyRuleVars`` (which
needs a database); ``entries_since`` and its kin count the given entries as pretix's queries do.
"""
import json
import os
import sys
from datetime import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import django


class RuleVars(dict):
    """What LazyRuleVars answers: names by item access (KeyError when unknown), counts by method."""

    def __init__(self, values, entries, zone):
        super().__init__(values)
        self.entries = entries
        self.zone = zone

    def entries_since(self, cutoff):
        return sum(1 for moment in self.entries if moment >= cutoff)

    def entries_before(self, cutoff):
        return sum(1 for moment in self.entries if moment < cutoff)

    def entries_days_since(self, cutoff):
        return len({moment.astimezone(self.zone).date() for moment in self.entries if moment >= cutoff})

    def entries_days_before(self, cutoff):
        return len({moment.astimezone(self.zone).date() for moment in self.entries if moment < cutoff})


def _moment(text):
    return datetime.fromisoformat(text) if text else None


def answer(case):
    from pretix.base.services.checkin import _get_logic_environment, _logic_explain

    zone = ZoneInfo(case["zone"])
    now = _moment(case["now"])
    event = SimpleNamespace(timezone=zone, date_from=_moment(case["date_from"]), date_to=_moment(case["date_to"]),
                            date_admission=_moment(case["date_admission"]))
    values = {**case["vars"], "now": now}
    data = RuleVars(values, [_moment(moment) for moment in case["entries"]], zone)
    try:
        permitted = bool(_get_logic_environment(event, data, now).apply(case["rule"], data))
    except Exception as error:  # pretix refuses: "Evaluation of custom rules has failed."
        return {"permitted": None, "error": str(error)}
    if permitted:
        return {"permitted": True, "explanation": None}
    try:
        return {"permitted": False, "explanation": str(_logic_explain(case["rule"], event, data, now))}
    except Exception as error:  # the server would answer HTTP 500
        return {"permitted": False, "explanation": None, "error": str(error)}


def main():
    django.setup()
    from django.utils import translation

    translation.activate("en")
    json.dump([answer(case) for case in json.load(sys.stdin)], sys.stdout)


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "checkin_pretix_settings")
    main()
