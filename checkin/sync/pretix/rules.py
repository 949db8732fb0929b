"""pretix's custom check-in rules (the list's ``rules``, JSON logic), evaluated offline.

The same operators and variables as pretix's server (``pretix.base.services.checkin``: its
logic environment and ``LazyRuleVars``), with its JSON-logic coercions (``"3" == 3``,
``None < 1`` is false). Rules apply to entries only, and count the guest's accepted entries on
this list (ours and those other devices uploaded before the last pull).

An operator or variable this desk does not know raises :class:`RuleError`: the caller refuses
the entry, as pretix does when evaluating its rules fails; guessing could admit someone the
server would turn away.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from functools import reduce
from zoneinfo import ZoneInfo

from checkin.core.decision import Direction


class RuleError(ValueError):
    """The rules cannot be evaluated here (an unknown operator or variable, a malformed rule)."""


@dataclass(frozen=True)
class Entry:
    """One accepted check-in of the guest on the list (not undone)."""

    happened_at: datetime
    direction: Direction = Direction.ENTRY


@dataclass(frozen=True)
class EventTimes:
    """What ``buildTime`` refers to, and the zone in which a day and a weekday begin."""

    zone: ZoneInfo
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    admission_at: datetime | None = None


@dataclass(frozen=True)
class Situation:
    """Everything the rules may ask about one scan."""

    now: datetime
    event: EventTimes
    product: int | None = None
    variation: int | None = None
    gate: int | None = None
    #: The guest's accepted check-ins on this list, oldest first.
    history: Sequence[Entry] = field(default_factory=tuple)

    @property
    def entries(self) -> list[datetime]:
        return [entry.happened_at for entry in self.history if entry.direction is Direction.ENTRY]

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.event.zone)


VARIABLES = ("product", "variation", "gate", "now", "now_isoweekday", "entries_number", "entries_today",
             "entries_days", "minutes_since_last_entry", "minutes_since_first_entry", "entry_status")


def variable(situation: Situation, name: str) -> object:
    """The value pretix gives a ``var``; an unknown name is a RuleError."""
    entries = situation.entries
    if name in ("product", "variation", "gate", "now"):
        return getattr(situation, name)
    if name == "now_isoweekday":
        return situation.local(situation.now).isoweekday()
    if name == "entries_number":
        return len(entries)
    if name == "entries_today":
        midnight = situation.local(situation.now).replace(hour=0, minute=0, second=0, microsecond=0)
        return sum(1 for moment in entries if moment >= midnight)
    if name == "entries_days":
        return len({situation.local(moment).date() for moment in entries})
    if name in ("minutes_since_last_entry", "minutes_since_first_entry"):
        if not entries:  # pretix's -1: "no entry yet", the same on every platform
            return -1
        since = entries[-1] if name == "minutes_since_last_entry" else entries[0]
        return (situation.now - since).total_seconds() // 60
    if name == "entry_status":
        last = situation.history[-1] if situation.history else None
        return "present" if last is not None and last.direction is Direction.ENTRY else "absent"
    raise RuleError(f"unknown variable '{name}'")


def entries_counted(situation: Situation, kind: str, cutoff: datetime) -> int:
    """``entries_since`` / ``entries_before`` and their ``_days_`` forms (distinct local days)."""
    if not isinstance(cutoff, datetime):
        raise RuleError(f"'{kind}' needs a time")
    before = kind.endswith("_before")
    moments = [moment for moment in situation.entries if (moment < cutoff if before else moment >= cutoff)]
    if kind.startswith("entries_days"):
        return len({situation.local(moment).date() for moment in moments})
    return len(moments)


def build_time(situation: Situation, kind: object = None, value: object = None) -> datetime:
    """pretix's ``buildTime``: a fixed moment, a time of today (event's zone) or an event date."""
    event = situation.event
    if kind == "custom":
        return _moment(value, event.zone)
    if kind == "customtime":
        parsed = _time_of_day(value)
        return situation.local(situation.now).replace(hour=parsed.hour, minute=parsed.minute, second=parsed.second,
                                                      microsecond=parsed.microsecond)
    chosen = {"date_from": event.starts_at, "date_to": event.ends_at or event.starts_at,
              "date_admission": event.admission_at or event.starts_at}.get(kind)  # type: ignore[arg-type]
    if kind not in ("date_from", "date_to", "date_admission"):
        raise RuleError(f"unknown time '{kind}'")
    if chosen is None:
        raise RuleError(f"the event has no {kind}")
    return chosen


def _moment(value: object, zone: ZoneInfo) -> datetime:
    try:
        parsed = datetime.fromisoformat(str(value))
    except ValueError:
        raise RuleError(f"'{value}' is not a date and time") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=zone)


def _time_of_day(value: object) -> time:
    text = str(value)
    try:
        return time.fromisoformat(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text).time()
    except ValueError:
        raise RuleError(f"'{value}' is not a time of day") from None


def soft_equals(a: object, b: object) -> bool:
    """JSON logic's ``==`` (JavaScript's coercion, as pretix implements it)."""
    if isinstance(a, str) or isinstance(b, str):
        return str(a) == str(b)
    if isinstance(a, bool) or isinstance(b, bool):
        return bool(a) is bool(b)
    return a == b


def less(a: object, b: object, *more: object) -> bool:
    if {type(a), type(b)} & {int, float}:
        try:
            a, b = float(a), float(b)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return False  # NaN compares false
    try:
        result = a < b  # type: ignore[operator]
    except TypeError:
        raise RuleError(f"cannot compare {a!r} with {b!r}") from None
    return result and (not more or less(b, *more))


def less_or_equal(a: object, b: object, *more: object) -> bool:
    return (less(a, b) or soft_equals(a, b)) and (not more or less_or_equal(b, *more))


def is_before(first: datetime, second: datetime, tolerance: object = None) -> bool:
    try:
        if tolerance:
            return first < second + timedelta(minutes=float(tolerance))  # type: ignore[arg-type]
        return first < second
    except (TypeError, ValueError):
        raise RuleError(f"cannot compare {first!r} with {second!r}") from None


def in_list(a: object, b: object) -> bool:
    try:
        return a in b  # type: ignore[operator]
    except TypeError:
        raise RuleError(f"'inList' needs a list, not {b!r}") from None


_OPERATIONS: dict[str, Callable[..., object]] = {
    "==": soft_equals,
    "!=": lambda a, b: not soft_equals(a, b),
    "<": less,
    "<=": less_or_equal,
    ">": lambda a, b: less(b, a),
    ">=": lambda a, b: less(b, a) or soft_equals(a, b),
    "!": lambda a: not a,
    "!!": bool,
    # pretix reduces and/or after evaluating every argument: an error anywhere is an error.
    "and": lambda *args: reduce(lambda total, arg: total and arg, args, True),
    "or": lambda *args: reduce(lambda total, arg: total or arg, args, False),
    "inList": in_list,
    "objectList": lambda *items: list(items),
    "lookup": lambda _model, pk, _label=None: int(pk),
    "isBefore": is_before,
    "isAfter": lambda first, second, tolerance=None: is_before(second, first, tolerance),
}
_ENTRY_COUNTS = ("entries_since", "entries_before", "entries_days_since", "entries_days_before")
OPERATORS = frozenset(_OPERATIONS) | {"var", "buildTime", *_ENTRY_COUNTS}


def evaluate(rule: object, situation: Situation) -> object:
    """The value of a rule (truthy: the entry is permitted); RuleError if it cannot be evaluated."""
    if not isinstance(rule, dict):
        return rule
    operator, values = operation(rule)
    arguments = [evaluate(value, situation) for value in values]
    try:
        if operator == "var":
            return variable(situation, str(arguments[0]) if arguments else "")
        if operator == "buildTime":
            return build_time(situation, *arguments)
        if operator in _ENTRY_COUNTS:
            return entries_counted(situation, operator, *arguments)
        return _OPERATIONS[operator](*arguments)
    except TypeError as error:  # a wrong number of arguments
        raise RuleError(f"'{operator}' got the wrong arguments: {error}") from None
    except ValueError as error:
        if isinstance(error, RuleError):
            raise
        raise RuleError(f"'{operator}': {error}") from None


def operation(rule: dict) -> tuple[str, list]:
    """A rule's operator and its arguments (a single argument may be written without a list)."""
    keys = [key for key in rule if not str(key).startswith("__")]
    if len(keys) != 1:
        raise RuleError(f"a rule needs exactly one operator, not {keys}")
    operator = keys[0]
    if operator not in OPERATORS:
        raise RuleError(f"unknown operator '{operator}'")
    values = rule[operator]
    return operator, list(values) if isinstance(values, (list, tuple)) else [values]


def permits(rules: object, situation: Situation) -> bool:
    """Whether the list's rules let this entry in; no rules (``{}``/None) permit everything."""
    if not rules:
        return True
    return bool(evaluate(rules, situation))
