"""pretix JSON → the fields of our models."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from checkin.core.decision import GuestStatus
from checkin.sync.pretix.client import i18n

#: pretix order status → ours. Pending counts as unpaid unless the order is valid while pending.
_ORDER_STATUS = {"p": GuestStatus.VALID, "n": GuestStatus.UNPAID, "c": GuestStatus.CANCELLED,
                 "e": GuestStatus.CANCELLED}


def moment(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def event_fields(data: dict) -> dict[str, Any]:
    return {
        "name": i18n(data.get("name")) or data["slug"], "starts_at": moment(data.get("date_from")),
        "ends_at": moment(data.get("date_to")), "location": i18n(data.get("location"))[:255],
        "timezone": data.get("timezone") or "Europe/Berlin",
    }


def list_fields(data: dict) -> dict[str, Any]:
    return {
        "external_id": str(data["id"]), "name": data.get("name") or f"List {data['id']}",
        "all_ticket_types": bool(data.get("all_products", True)),
        "allow_multiple_entries": bool(data.get("allow_multiple_entries")),
        "allow_entry_after_exit": bool(data.get("allow_entry_after_exit", True)),
        "include_unpaid": bool(data.get("include_pending")),
        "rules": data.get("rules") or None,
    }


def registration_fields(order: dict, position: dict, ticket_types: dict[str, int],
                        item_texts: dict[str, str]) -> dict[str, Any]:
    """One order position as a registration; the code is the position's secret."""
    parts = position.get("attendee_name_parts") or {}
    given, family = parts.get("given_name", ""), parts.get("family_name", "")
    if not (given or family):
        family = position.get("attendee_name") or ""
    item = str(position.get("item"))
    texts = [text for text in (order.get("checkin_text"), item_texts.get(item)) if text]
    return {
        "source": "pretix", "external_id": str(position["id"]), "code": position["secret"],
        "title": (parts.get("title") or "")[:120], "given_name": given[:255], "family_name": family[:255],
        "company": (position.get("company") or "")[:255],
        "email": position.get("attendee_email") or order.get("email") or "",
        "ticket_type_id": ticket_types.get(item), "status": _status(order, position).value,
        "attention": bool(order.get("checkin_attention")) or bool(item_texts.get(f"attention:{item}")),
        "attention_text": "\n".join(texts), "valid_from": moment(position.get("valid_from")),
        "valid_until": moment(position.get("valid_until")),
        "raw": {**position, "order": order.get("code"), "order_status": order.get("status")},
    }


def _status(order: dict, position: dict) -> GuestStatus:
    if position.get("canceled") or position.get("blocked"):
        return GuestStatus.CANCELLED
    if order.get("status") == "n" and order.get("valid_if_pending"):
        return GuestStatus.VALID
    return _ORDER_STATUS.get(order.get("status"), GuestStatus.CANCELLED)


#: Our refusal outcomes → pretix's failed check-in error_reason.
FAILED_REASON = {
    "unknown": "invalid", "invalid_code": "invalid", "other_event": "invalid", "already_checked_in": "already_redeemed",
    "cancelled": "canceled", "unpaid": "unpaid", "not_valid_for_list": "product", "revoked": "revoked",
    "not_yet_valid": "invalid_time", "no_longer_valid": "invalid_time", "entry_not_permitted": "rules",
}

#: pretix's refusal reasons (online redeem) → our outcomes.
SERVER_REASON = {
    "already_redeemed": "already_checked_in", "canceled": "cancelled", "blocked": "cancelled",
    "unpaid": "unpaid", "unapproved": "unpaid", "product": "not_valid_for_list", "rules": "entry_not_permitted",
    "revoked": "revoked", "invalid": "unknown", "ambiguous": "unknown", "invalid_time": "not_yet_valid",
    "error": "invalid_code", "incomplete": "not_valid_for_list",
}
