"""Why the rules refused an entry, in words a volunteer can repeat to the guest.

Follows pretix's own choice (``_logic_explain``): every comparison is evaluated, the rule is
brought into "(a AND b) OR (c AND d)" form, and of the ways in that failed, the one whose
failed conditions the guest could most plausibly change is told (the number of entries
before the time of day, the time of day before the ticket type). A rule too unusual to
explain (a negation, a comparison without a variable) gets a plain general sentence.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from checkin.sync.pretix.rules import RuleError, Situation, entries_counted, evaluate, operation, variable

GENERAL = "the check-in list's rules do not admit this ticket now"
_COUNTED = ("entries_since", "entries_before", "entries_days_since", "entries_days_before")
_WEIGHT = {"minutes_since_first_entry": 80, "minutes_since_last_entry": 90, "entries_days": 100,
           "entries_days_since": 105, "entries_days_before": 105, "entries_since": 110, "entries_before": 110,
           "entries_number": 120, "entries_today": 140, "now_isoweekday": 210}
_OPERATOR_WEIGHT = {"==": 2, "<": 1, "<=": 1, ">": 1, ">=": 1, "!=": 3}
_LABEL = {"minutes_since_last_entry": "time since the last entry", "minutes_since_first_entry":
          "time since the first entry", "entries_days": "number of days with an entry", "entries_number":
          "number of entries", "entries_today": "number of entries today", "entries_since":
          "number of entries since {time}", "entries_before": "number of entries before {time}",
          "entries_days_since": "number of days with an entry since {time}", "entries_days_before":
          "number of days with an entry before {time}", "now_isoweekday": "weekday"}
_WEEKDAYS = {1: "Monday", 2: "Tuesday", 3: "Wednesday", 4: "Thursday", 5: "Friday", 6: "Saturday", 7: "Sunday"}


def explain(rules: dict, situation: Situation) -> str:
    """What failed, e.g. "maximum number of entries today reached (1 so far)"; for a refused entry only."""
    leaves: dict[str, tuple[bool, str, tuple[int, float]]] = {}
    try:
        paths = _paths(_dnf(_leaves_replaced(rules, situation, leaves)))
    except (RuleError, _Unexplainable, LookupError, TypeError, ValueError):  # a refusal is never lost for words
        return GENERAL
    weights = [max([leaves[name][2] for name in path if not leaves[name][0]] or [(0, 0)]) for path in paths]
    best = min(weights)
    candidates = sorted((path for path, weight in zip(paths, weights) if weight == best),
                        key=lambda path: sum(1 for name in path if not leaves[name][0]))
    texts = [leaves[name][1] for name in candidates[0] if not leaves[name][0]]
    return ", ".join(texts) or GENERAL


class _Unexplainable(Exception):
    pass


def _leaves_replaced(rule: object, situation: Situation, leaves: dict) -> dict:
    """The rule with every comparison replaced by a named leaf holding its result and its words."""
    if isinstance(rule, bool):
        name = f"v{len(leaves)}"
        leaves[name] = (rule, GENERAL, (100000, 0))
        return {"var": name}
    if not isinstance(rule, dict):
        raise _Unexplainable
    operator, values = operation(rule)
    if operator in ("and", "or"):
        return {operator: [_leaves_replaced(value, situation, leaves) for value in values]}
    result = bool(evaluate(rule, situation))
    name = f"v{len(leaves)}"
    text, weight = ("", (0, 0)) if result else _words(operator, values, situation)
    leaves[name] = (result, text, weight)
    return {"var": name}


def _words(operator: str, values: list, situation: Situation) -> tuple[str, tuple[int, float]]:
    """The sentence and pretix's weight (how rigid, how far off) for one failed comparison."""
    left = values[0] if values and isinstance(values[0], dict) else {}
    if "var" in left:
        name = left["var"][0] if isinstance(left["var"], list) else left["var"]
    elif any(kind in left for kind in _COUNTED):
        name = next(kind for kind in _COUNTED if kind in left)
    else:
        raise _Unexplainable
    rhs = [evaluate(value, situation) for value in values[1:]]
    if name == "now":
        return _time_words(operator, rhs, situation)
    if name == "entry_status":
        status = {"present": "the guest is not inside (checked out or never entered)",
                  "absent": "the guest is already inside"}
        wanted = str(rhs[0]) if rhs else ""
        return status.get(wanted, f"entry status is not {wanted}") if operator == "==" else \
            f"entry status is {wanted}", (20, 0)
    if name in ("product", "variation"):
        return "this ticket type is not allowed here", (1000, 0)
    if name == "gate":
        return "wrong entrance for this ticket", (500, 0)
    if name not in _WEIGHT:
        raise _Unexplainable
    return _count_words(name, operator, left, rhs, situation)


def _count_words(name: str, operator: str, left: dict, rhs: list, situation: Situation) -> tuple[str, tuple]:
    label = _LABEL[name]
    if name in _COUNTED:
        cutoff = evaluate(operation(left)[1][0], situation)
        label = label.format(time=_when(cutoff, situation))
        value = entries_counted(situation, name, cutoff)
    else:
        value = variable(situation, name)
    limit = rhs[0] if rhs else None
    penalty = 1000 if name.startswith("minutes_since") and _technical(operator, limit) else 0
    try:
        distance = abs(float(limit) - float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        distance = 0.0
    weight = (_WEIGHT[name] + _OPERATOR_WEIGHT.get(operator, 0) + penalty, distance)
    now_text = _value_text(name, value)
    if operator in ("<", "<="):
        return f"maximum {label} reached ({now_text})", weight
    if operator in (">", ">="):
        return f"minimum {label} not reached ({now_text})", weight
    if name == "now_isoweekday":
        day = _WEEKDAYS.get(limit, limit)  # type: ignore[call-overload]
        return (f"only on {day}" if operator == "==" else f"not on {day}"), weight
    verb = "is not" if operator == "==" else "is"
    return f"{label} {verb} {_value_text(name, limit)} ({now_text})", weight


def _technical(operator: str, limit: object) -> bool:
    """Comparisons with pretix's -1 ("no entry yet") say nothing a guest could act on."""
    if not isinstance(limit, (int, float)):
        return False
    return ((operator == "<" and limit <= 0) or (operator in ("<=", ">=") and limit < 0)
            or (operator == ">" and limit <= 0) or (operator in ("==", "!=") and limit == -1))


def _value_text(name: str, value: object) -> str:
    if name.startswith("minutes_since"):
        return "no entry yet" if value == -1 else f"{int(value)} min"  # type: ignore[call-overload]
    if name == "now_isoweekday":
        return _WEEKDAYS.get(value, str(value))  # type: ignore[call-overload]
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value} so far" if name.startswith("entries") else str(value)


def _time_words(operator: str, rhs: list, situation: Situation) -> tuple[str, tuple[int, float]]:
    compare_to = rhs[0] if rhs else None
    if not isinstance(compare_to, datetime):
        raise _Unexplainable
    tolerance = timedelta(minutes=float(rhs[1])) if len(rhs) > 1 and rhs[1] else timedelta(0)
    compare_to = compare_to + tolerance if operator == "isBefore" else compare_to - tolerance
    weight = (200, abs(situation.now - compare_to).total_seconds())
    if operator == "isBefore":
        return f"only allowed before {_when(compare_to, situation)}", weight
    if operator == "isAfter":
        return f"only allowed after {_when(compare_to, situation)}", weight
    raise _Unexplainable


def _when(moment: datetime, situation: Situation) -> str:
    local = situation.local(moment)
    near = abs(situation.now - moment) < timedelta(hours=12)
    return local.strftime("%H:%M") if near else local.strftime("%Y-%m-%d %H:%M")


def _dnf(rule: dict) -> dict:
    """(a OR b) AND c → (a AND c) OR (b AND c), until no OR sits under an AND (pretix's convert_to_dnf)."""
    if "var" in rule:
        return rule
    operator, values = next(iter(rule.items()))
    values = [_dnf(value) for value in values]
    if operator == "and":
        split = next((value for value in values if "or" in value), None)
        if split is not None:
            others = [value for value in values if value is not split]
            return _dnf({"or": [{"and": [*others, choice]} for choice in split["or"]]})
    flat: list[dict] = []
    for value in values:
        flat.extend(value[operator] if operator in value else [value])
    return {operator: flat}


def _paths(rule: dict) -> list[list[str]]:
    """The ways in: each a list of leaf names that must all hold."""
    if "var" in rule:
        return [[rule["var"]]]
    if "and" in rule:
        return [[leaf["var"] for leaf in rule["and"]]]
    return [[leaf["var"] for leaf in choice["and"]] if "and" in choice else [choice["var"]] for choice in rule["or"]]
