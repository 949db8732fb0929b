"""Why the rules refused an entry, in words a volunteer can repeat to the guest.

Follows pretix's own choice (``_logic_explain``): every comparison is evaluated, the rule is
brought into "(a AND b) OR (c AND d)" form, and of the ways in that failed, the one whose
failed conditions the guest could most plausibly change is told (the number of entries
before the time of day, the time of day before the ticket type). A rule too unusual to
explain (a negation, a comparison without a variable) gets a plain general sentence.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from checkin.sync.pretix import rule_words as words
from checkin.sync.pretix.rule_words import GENERAL, Reason, sentence
from checkin.sync.pretix.rules import RuleError, Situation, entries_counted, evaluate, operation, variable

__all__ = ["GENERAL", "explain", "explain_reasons"]
_COUNTED = ("entries_since", "entries_before", "entries_days_since", "entries_days_before")
_WEIGHT = {"minutes_since_first_entry": 80, "minutes_since_last_entry": 90, "entries_days": 100,
           "entries_days_since": 105, "entries_days_before": 105, "entries_since": 110, "entries_before": 110,
           "entries_number": 120, "entries_today": 140, "now_isoweekday": 210}
_OPERATOR_WEIGHT = {"==": 2, "<": 1, "<=": 1, ">": 1, ">=": 1, "!=": 3}


def explain(rules: dict, situation: Situation) -> str:
    """What failed, e.g. "maximum number of entries today reached (1 so far)"; for a refused entry only."""
    return sentence(explain_reasons(rules, situation))


def explain_reasons(rules: dict, situation: Situation) -> list[Reason]:
    """The failed conditions of the way in pretix would tell about, as templates to translate."""
    leaves: dict[str, tuple[bool, Reason | None, tuple[int, float]]] = {}
    try:
        paths = _paths(_dnf(_leaves_replaced(rules, situation, leaves)))
    except (RuleError, _Unexplainable, LookupError, TypeError, ValueError):  # a refusal is never lost for words
        return [Reason(GENERAL, {})]
    weights = [max([leaves[name][2] for name in path if not leaves[name][0]] or [(0, 0)]) for path in paths]
    best = min(weights)
    candidates = sorted((path for path, weight in zip(paths, weights) if weight == best),
                        key=lambda path: sum(1 for name in path if not leaves[name][0]))
    return [leaves[name][1] for name in candidates[0] if not leaves[name][0]] or [Reason(GENERAL, {})]


class _Unexplainable(Exception):
    pass


def _leaves_replaced(rule: object, situation: Situation, leaves: dict) -> dict:
    """The rule with every comparison replaced by a named leaf holding its result and its words."""
    if isinstance(rule, bool):
        name = f"v{len(leaves)}"
        leaves[name] = (rule, Reason(GENERAL, {}), (100000, 0))
        return {"var": name}
    if not isinstance(rule, dict):
        raise _Unexplainable
    operator, values = operation(rule)
    if operator in ("and", "or"):
        return {operator: [_leaves_replaced(value, situation, leaves) for value in values]}
    result = bool(evaluate(rule, situation))
    name = f"v{len(leaves)}"
    reason, weight = (None, (0, 0)) if result else _words(operator, values, situation)
    leaves[name] = (result, reason, weight)
    return {"var": name}


def _words(operator: str, values: list, situation: Situation) -> tuple[Reason, tuple[int, float]]:
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
        wanted = str(rhs[0]) if rhs else ""
        template = {"present": words.NOT_INSIDE, "absent": words.INSIDE}.get(wanted) if operator == "==" else None
        return Reason(template or GENERAL, {}), (20, 0)
    if name in ("product", "variation"):
        return Reason(words.PRODUCT, {}), (1000, 0)
    if name == "gate":
        return Reason(words.GATE, {}), (500, 0)
    if name not in _WEIGHT:
        raise _Unexplainable
    return _count_words(name, operator, left, rhs, situation)


def _count_words(name: str, operator: str, left: dict, rhs: list, situation: Situation) -> tuple[Reason, tuple]:
    params: dict = {"label": name}
    if name in _COUNTED:
        cutoff = evaluate(operation(left)[1][0], situation)
        params["time"] = _when(cutoff, situation)
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
    return _count_reason(name, operator, params, value, limit), weight


def _count_reason(name: str, operator: str, params: dict, value: object, limit: object) -> Reason:
    if name == "now_isoweekday":
        return Reason(words.ONLY_ON, {"day": limit}) if operator == "==" else Reason(words.NOT_ON, {"day": value})
    if operator not in ("<", "<=", ">", ">="):
        return Reason(words.IS_NOT if operator == "==" else words.IS, {**params, "limit": _number(limit)})
    most = operator in ("<", "<=")
    if name.startswith("minutes_since"):
        if value == -1:
            return Reason(words.NO_ENTRY_YET, params)
        return Reason(words.MAX_MINUTES if most else words.MIN_MINUTES, {**params, "minutes": _number(value)})
    return Reason(words.MAX_COUNT if most else words.MIN_COUNT, {**params, "count": _number(value)})


def _number(value: object) -> object:
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _technical(operator: str, limit: object) -> bool:
    """Comparisons with pretix's -1 ("no entry yet") say nothing a guest could act on."""
    if not isinstance(limit, (int, float)):
        return False
    return ((operator == "<" and limit <= 0) or (operator in ("<=", ">=") and limit < 0)
            or (operator == ">" and limit <= 0) or (operator in ("==", "!=") and limit == -1))


def _time_words(operator: str, rhs: list, situation: Situation) -> tuple[Reason, tuple[int, float]]:
    compare_to = rhs[0] if rhs else None
    if not isinstance(compare_to, datetime):
        raise _Unexplainable
    tolerance = timedelta(minutes=float(rhs[1])) if len(rhs) > 1 and rhs[1] else timedelta(0)
    compare_to = compare_to + tolerance if operator == "isBefore" else compare_to - tolerance
    weight = (200, abs(situation.now - compare_to).total_seconds())
    if operator not in ("isBefore", "isAfter"):
        raise _Unexplainable
    return Reason(words.BEFORE if operator == "isBefore" else words.AFTER, {"time": _when(compare_to, situation)}), weight


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
