"""The words of the answer card, translated, for every outcome of a scan."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QCoreApplication

from checkin.core.decision import Decision, Direction, Outcome


def _tr(text: str) -> str:
    return QCoreApplication.translate("Answer", text)


def headline(decision: Decision) -> str:
    if decision.outcome is Outcome.OK:
        return _tr("Welcome!") if decision.direction is Direction.ENTRY else _tr("Goodbye!")
    headlines = {
        Outcome.ALREADY_CHECKED_IN: _tr("Already checked in"),
        Outcome.UNKNOWN: _tr("Unknown code"),
        Outcome.INVALID_CODE: _tr("Not a ticket code"),
        Outcome.OTHER_EVENT: _tr("Ticket for another event"),
        Outcome.REVOKED: _tr("Ticket revoked"),
        Outcome.CANCELLED: _tr("Registration cancelled"),
        Outcome.UNPAID: _tr("Not paid"),
        Outcome.NOT_VALID_FOR_LIST: _tr("Not valid for this list"),
        Outcome.NOT_YET_VALID: _tr("Not valid yet"),
        Outcome.NO_LONGER_VALID: _tr("No longer valid"),
    }
    return headlines.get(decision.outcome, decision.outcome.value)


def advice(decision: Decision, timezone: str) -> str:
    """One line under the guest: what happened before, or what the desk should do now."""
    if decision.outcome is Outcome.ALREADY_CHECKED_IN and decision.previous is not None:
        return _tr("Checked in at {time} at desk {desk}. Do not let the ticket in twice.").format(
            time=local_time(decision.previous.happened_at, timezone), desk=decision.previous.desk)
    hints = {
        Outcome.OK: _tr("Entry recorded.") if decision.direction is Direction.ENTRY else _tr("Exit recorded."),
        Outcome.UNKNOWN: _tr("No registration has this code. Search the guest by name instead."),
        Outcome.INVALID_CODE: _tr("This is not a ticket code. Scan the QR code on the ticket."),
        Outcome.OTHER_EVENT: _tr("This ticket belongs to another event: {message}"),
        Outcome.REVOKED: _tr("The ticket was re-issued. Ask the guest for the newest ticket."),
        Outcome.CANCELLED: _tr("This registration was cancelled. Send the guest to the organisers."),
        Outcome.UNPAID: _tr("This registration is not paid. Send the guest to the organisers."),
        Outcome.NOT_VALID_FOR_LIST: _tr("The ticket type does not admit to this list."),
        Outcome.NOT_YET_VALID: _tr("The ticket is not valid yet: {message}"),
        Outcome.NO_LONGER_VALID: _tr("The ticket is no longer valid: {message}"),
    }
    return hints.get(decision.outcome, "{message}").format(message=decision.message)


def local_time(moment: datetime, timezone: str) -> str:
    """A moment as the event's local clock shows it: the time today, else date and time."""
    try:
        zone = ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    local = moment.astimezone(zone)
    today = datetime.now(zone).date()
    return local.strftime("%H:%M") if local.date() == today else local.strftime("%Y-%m-%d %H:%M")


def ticket_line(decision: Decision) -> str:
    guest = decision.guest
    if guest is None:
        return ""
    return " · ".join(part for part in (guest.company, guest.ticket_type) if part)
