"""The texts a pretix layout's ``content`` names, computed offline from what the pull kept.

pretix evaluates them from its database (``pretix.base.pdf.DEFAULT_VARIABLES``); the desk has
the order position as pretix's API sent it, the event and the product name. Dates use pretix's
English formats. Fields the pull does not keep (the invoice address, a variation's name) come
out empty, as pretix prints them for an order without them.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from checkin.badges.guest import BadgeGuest

_PLACEHOLDER = re.compile(r"\{([-a-zA-Z0-9:_]+)\}")
#: Names pretix fills per guest that are simply empty when the guest has none (no warning).
_OPTIONAL = ("question_", "attendee_name_", "invoice_", "seat")


@dataclass(frozen=True)
class EventFacts:
    name: str = ""
    location: str = ""
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    timezone: str = "Europe/Berlin"
    organizer: str = ""


@dataclass(frozen=True)
class PretixGuest:
    """A guest with the pretix order position (as the pull stored it) and the product's pretix id."""

    guest: BadgeGuest
    position: Mapping[str, Any] = field(default_factory=dict)
    item_id: str = ""


def _local(moment: datetime | None, zone: str) -> datetime | None:
    return moment.astimezone(ZoneInfo(zone)) if moment else None


def _short_date(moment: datetime | None) -> str:
    return moment.strftime("%m/%d/%Y") if moment else ""


def _short_datetime(moment: datetime | None) -> str:
    return f"{_short_date(moment)} {_time(moment)}" if moment else ""


def _time(moment: datetime | None) -> str:
    return moment.strftime("%H:%M") if moment else ""


def _long_date(moment: datetime | None) -> str:
    return f"{moment:%B} {moment.day}, {moment.year}" if moment else ""


def _event_values(event: EventFacts) -> dict[str, str]:
    begin, end = _local(event.starts_at, event.timezone), _local(event.ends_at, event.timezone)
    return {
        "event_name": event.name, "event_series_name": event.name, "event_location": event.location,
        "event_date": _long_date(begin), "event_begin": _short_datetime(begin), "event_begin_date": _short_date(begin),
        "event_begin_time": _time(begin), "event_begin_weekday": f"{begin:%A}" if begin else "",
        "event_end": _short_datetime(end), "event_end_date": _short_date(end), "event_end_time": _time(end),
        "event_end_weekday": f"{end:%A}" if end else "", "organizer": event.organizer,
        **_now_values(event.timezone),
    }


def _now_values(zone: str) -> dict[str, str]:
    now = datetime.now(ZoneInfo(zone))
    return {"now_date": _short_date(now), "now_datetime": _short_datetime(now), "now_time": _time(now)}


def _name_values(position: Mapping[str, Any], guest: BadgeGuest) -> dict[str, str]:
    parts = {key: str(value) for key, value in (position.get("attendee_name_parts") or {}).items()
             if not key.startswith("_") and value}
    if not parts:
        parts = {"given_name": guest.given_name, "family_name": guest.family_name}
    values = {f"attendee_name_{key}": value for key, value in parts.items()}
    values["attendee_name"] = str(position.get("attendee_name") or guest.name)
    values["attendee_name_given_name_family_name"] = " ".join(
        part for part in (parts.get("given_name"), parts.get("family_name")) if part)
    return values


def _answers(position: Mapping[str, Any]) -> dict[str, str]:
    values = {}
    for answer in position.get("answers") or []:
        if isinstance(answer, Mapping):
            text = str(answer.get("answer") or "")
            values[f"question_{answer.get('question_identifier')}"] = text
            values[f"question_{answer.get('question')}"] = text
    return values


def _seat(position: Mapping[str, Any]) -> dict[str, str]:
    seat = position.get("seat") or {}
    if not isinstance(seat, Mapping):
        return {}
    return {"seat": str(seat.get("name") or ""), "seat_zone": str(seat.get("zone_name") or ""),
            "seat_row": str(seat.get("row_name") or ""), "seat_number": str(seat.get("seat_number") or "")}


def _position_values(position: Mapping[str, Any], guest: BadgeGuest) -> dict[str, str]:
    def text(key: str) -> str:
        value = position.get(key)
        return "" if value is None else str(value)

    order = text("order")
    return {
        "secret": guest.code, "order": order, "positionid": text("positionid"),
        "order_positionid": f"{order}-{text('positionid')}" if order else "", "item": guest.ticket_type,
        "itemvar": guest.ticket_type, "attendee_company": text("company") or guest.company,
        "company": text("company") or guest.company, "attendee_email": text("attendee_email"),
        "attendee_street": text("street"), "attendee_zipcode": text("zipcode"), "attendee_city": text("city"),
        "attendee_state": text("state"), "attendee_country": text("country"),
        "pseudonymization_id": text("pseudonymization_id"), "price": text("price"),
    }


def pretix_values(item: PretixGuest, event: EventFacts) -> dict[str, str]:
    """Every content name we can fill for this guest, as pretix would fill it."""
    position, guest = item.position, item.guest
    return {**_event_values(event), **_position_values(position, guest), **_name_values(position, guest),
            **_seat(position), **_answers(position)}


def content_text(element: Mapping[str, Any], values: Mapping[str, str],
                 unknown: Callable[[str], None]) -> str:
    """The text of a text element, as pretix's ``_get_text_content``; ``unknown`` hears of names we
    cannot fill (a plugin's, or metadata the desk does not have)."""
    content = element.get("content") or ""
    if not content:
        return "(error)"
    if content in ("other", "other_i18n"):
        text = str(element.get("text", "")) if content == "other" else _i18n(element.get("text_i18n"))
        return _PLACEHOLDER.sub(lambda match: _placeholder(match, values, unknown), text)
    if content in values:
        return values[content]
    if not content.startswith(_OPTIONAL):
        unknown(content)
    return ""


def _placeholder(match: re.Match, values: Mapping[str, str], unknown: Callable[[str], None]) -> str:
    name = match.group(1)
    if name in values:
        return values[name]
    if name.startswith(_OPTIONAL):
        return ""
    if name.startswith(("meta:", "itemmeta:")):
        unknown(name)
        return ""
    return match.group(0)  # pretix too leaves what is no variable as it was written


def _i18n(value: Any) -> str:
    if isinstance(value, Mapping):
        return str(value.get("en") or next(iter(value.values()), ""))
    return str(value or "")
