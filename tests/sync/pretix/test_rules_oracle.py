"""Our rule evaluator against pretix's own code: every case of the unit-test table goes through
pretix's logic environment and ``_logic_explain`` (in the pretix venv) and must get the same
verdict, and a refusal must name the same rule(s)."""
from __future__ import annotations

import re

import httpx
import pytest

from checkin.sync.pretix.rules import VARIABLES, RuleError, Situation, permits, variable
from checkin.sync.pretix.rules_explain import explain
from tests.sync.pretix.test_rules import CASES, EXPLAINED, situation

pytestmark = pytest.mark.slow

#: Our labels and pretix's, as one key per failed condition (pretix's wording is terser).
_LABELS = ("number of days with an entry since", "number of days with an entry before", "number of days with an entry",
           "number of entries since", "number of entries before", "number of entries today", "number of entries",
           "time since last entry", "time since first entry")


def subject(text: str) -> str:
    """Which condition a sentence is about, and which way it failed."""
    text = text.lower().replace("the last", "last").replace("the first", "first").replace("week day", "weekday")
    for words, key in (("only allowed before", "before"), ("only allowed after", "after"), ("ticket type", "product"),
                       ("entrance", "gate"), ("checked out", "present"), ("not inside", "present"),
                       ("already", "absent"), ("weekday", "weekday"), ("only on", "weekday"), ("not on", "weekday")):
        if words in text:
            return key
    label = next((label for label in _LABELS if label in text), None)
    if label is None:
        return "general"
    way = "max" if "maximum" in text else "min" if "minimum" in text else "equal"
    return f"{way} {label}"


def subjects(text: str) -> list[str]:
    return [subject(part) for part in re.split(r", (?=[A-Za-z])", text)]


def as_case(rule: object, case: Situation) -> dict:
    times = case.event
    return {"rule": rule, "now": case.now.isoformat(), "zone": times.zone.key,
            "date_from": times.starts_at and times.starts_at.isoformat(),
            "date_to": times.ends_at and times.ends_at.isoformat(),
            "date_admission": times.admission_at and times.admission_at.isoformat(),
            "vars": {name: variable(case, name) for name in VARIABLES if name != "now"},
            "entries": [moment.isoformat() for moment in case.entries]}


def ours(rule: object, case: Situation) -> bool | None:
    try:
        return permits(rule, case)
    except RuleError:
        return None


TABLE = [(name, rule, situation(**changes)) for name, rule, changes, _ in CASES if rule]
TABLE += [(f"explained: {words}", rule, situation(**changes)) for rule, changes, words in EXPLAINED]
STORABLE = [{"isAfter": [{"var": "now"}, {"buildTime": ["tomorrow"]}]}, {"inList": [{"var": "product"}, 3]}]


@pytest.fixture(scope="module")
def pretix_answers(pretix_server) -> list[dict]:
    """One run of pretix's logic for both tests (starting Django takes seconds)."""
    cases = [as_case(rule, case) for _, rule, case in TABLE] + [as_case(rule, situation(product=3))
                                                                 for rule in STORABLE]
    return pretix_server.rules_oracle(cases)


def test_every_case_gets_pretix_verdict_and_names_the_same_rule(pretix_answers):
    answers = pretix_answers[:len(TABLE)]
    differences = []
    for (name, rule, case), pretix in zip(TABLE, answers):
        verdict = ours(rule, case)
        if verdict != pretix["permitted"]:
            differences.append(f"{name}: ours {verdict}, pretix {pretix}")
        elif verdict is False and subjects(explain(rule, case)) != subjects(pretix["explanation"]):
            differences.append(f"{name}: ours '{explain(rule, case)}', pretix '{pretix['explanation']}'")
    assert not differences, "\n".join(differences)


def test_what_we_cannot_evaluate_pretix_refuses_too_or_never_stores(pretix_server, pretix_answers):
    """Rules we refuse to guess about: pretix's own logic fails on those it lets an organiser save, and
    its validation refuses to save the others (pretix's logic would evaluate ``+``; we never see it)."""
    refused_on_save = [{"+": [1, 2]}, {"==": [{"var": "seat_row"}, 3]}]
    case = situation(product=3)
    assert [ours(rule, case) for rule in STORABLE + refused_on_save] == [None] * 4
    assert [answer["permitted"] for answer in pretix_answers[len(TABLE):]] == [None, None]
    for rule in refused_on_save:
        response = httpx.post(f"{pretix_server.url}/api/v1/organizers/{pretix_server.organizer}/events/conf/"
                              "checkinlists/", json={"name": "never stored", "rules": rule},
                              headers=pretix_server.auth, timeout=60)
        assert response.status_code == 400, response.text
