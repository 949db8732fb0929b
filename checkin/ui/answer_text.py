"""The words of the answer card, translated, for every outcome of a scan."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QCoreApplication

from checkin.core.decision import NOT_AFTER, NOT_BEFORE, OTHER_EVENT_NAME, Decision, Direction, Outcome
from checkin.scanning.layout_recovery import COMPUTER_LAYOUT, SCANNER_LAYOUT
from checkin.ui.rule_words import rules_sentence

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls


def headline(decision: Decision) -> str:
    if decision.exit_without_entry:
        return translate("Answer", "Never checked in")
    if decision.outcome is Outcome.OK:
        if decision.direction is Direction.EXIT:
            return translate("Answer", "Goodbye!")
        return translate("Answer", "Welcome!")
    headlines = {
        Outcome.ALREADY_CHECKED_IN: translate("Answer", "Already checked in"),
        Outcome.UNKNOWN: translate("Answer", "Unknown code"),
        Outcome.INVALID_CODE: translate("Answer", "Not a ticket code"),
        Outcome.OTHER_EVENT: translate("Answer", "Ticket for another event"),
        Outcome.REVOKED: translate("Answer", "Ticket revoked"),
        Outcome.CANCELLED: translate("Answer", "Registration cancelled"),
        Outcome.UNPAID: translate("Answer", "Not paid"),
        Outcome.NOT_VALID_FOR_LIST: translate("Answer", "Not valid for this list"),
        Outcome.NOT_YET_VALID: translate("Answer", "Not valid yet"),
        Outcome.NO_LONGER_VALID: translate("Answer", "No longer valid"),
        Outcome.ENTRY_NOT_PERMITTED: translate("Answer", "Entry not permitted"),
    }
    return headlines.get(decision.outcome, decision.outcome.value)


def advice(decision: Decision, timezone: str) -> str:
    """One line under the guest: what happened before, or what the desk should do now."""
    if decision.outcome is Outcome.ALREADY_CHECKED_IN and decision.previous is not None:
        return translate("Answer", "Checked in at {time} at desk {desk}. Do not let the ticket in twice.").format(
            time=local_time(decision.previous.happened_at, timezone), desk=decision.previous.desk)
    if decision.exit_without_entry:
        return translate("Answer", "{name} was never checked in. Is this desk in exit mode by mistake?").format(
            name=decision.guest.name if decision.guest else "?")
    if decision.outcome is Outcome.ENTRY_NOT_PERMITTED and decision.extra.get("rules_reasons"):
        return translate("Answer", "The list's entry rules refuse this ticket now: {reason}.").format(
            reason=rules_sentence(decision.extra["rules_reasons"]))
    specific = _from_details(decision, timezone)
    if specific:
        return specific
    hints = {
        Outcome.OK: (translate("Answer", "Exit recorded.") if decision.direction is Direction.EXIT
                     else translate("Answer", "Entry recorded.")),
        Outcome.UNKNOWN: translate("Answer", "No registration has this code. Search the guest by name instead."),
        Outcome.INVALID_CODE: translate("Answer", "This is not a ticket code. Scan the QR code on the ticket."),
        Outcome.OTHER_EVENT: translate("Answer", "This ticket belongs to another event."),
        Outcome.REVOKED: translate("Answer", "The ticket was re-issued. Ask the guest for the newest ticket."),
        Outcome.CANCELLED: translate("Answer", "This registration was cancelled. Send the guest to the organisers."),
        Outcome.UNPAID: translate("Answer", "This registration is not paid. Send the guest to the organisers."),
        Outcome.NOT_VALID_FOR_LIST: translate("Answer", "The ticket type does not admit to this list."),
        Outcome.NOT_YET_VALID: translate("Answer", "The ticket is not valid yet."),
        Outcome.NO_LONGER_VALID: translate("Answer", "The ticket is no longer valid."),
    }
    # Only a text the desk cannot know in advance (pretix's own words online) is shown as it came.
    return hints.get(decision.outcome, decision.message)


def _from_details(decision: Decision, timezone: str) -> str:
    """The advice built from the decision's details (which event, from or until when), in the
    desk's language, never from its English message; "" when it has none."""
    extra = decision.extra
    if decision.outcome is Outcome.OTHER_EVENT and extra.get(OTHER_EVENT_NAME):
        return translate("Answer", "This ticket belongs to another event: {event}.").format(
            event=extra[OTHER_EVENT_NAME])
    if decision.outcome is Outcome.NOT_YET_VALID and extra.get(NOT_BEFORE):
        return translate("Answer", "The ticket is valid from {time}.").format(
            time=local_time(datetime.fromisoformat(extra[NOT_BEFORE]), timezone))
    if decision.outcome is Outcome.NO_LONGER_VALID and extra.get(NOT_AFTER):
        return translate("Answer", "The ticket was valid until {time}.").format(
            time=local_time(datetime.fromisoformat(extra[NOT_AFTER]), timezone))
    return ""


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


def layout_mix_up(decision: Decision) -> tuple[str, str] | None:
    """(scanner's layout, computer's layout) when the code was read back through a mix-up."""
    scanner, computer = decision.extra.get(SCANNER_LAYOUT), decision.extra.get(COMPUTER_LAYOUT)
    return (scanner, computer) if scanner and computer else None


def layout_hint(decision: Decision) -> str:
    """How to fix a scanner that types with another keyboard layout than the computer's."""
    mix_up = layout_mix_up(decision)
    return layout_advice(*mix_up) if mix_up else ""


def layout_advice(scanner_layout: str, computer_layout: str) -> str:
    """The plain sentence for a scanner typing with ``scanner_layout`` on ``computer_layout``."""
    scanner, computer = layout_name(scanner_layout), layout_name(computer_layout)
    return translate("Answer", "This scanner types with a {scanner} keyboard layout but this computer uses {computer}: "
                     "set the scanner to {computer} (or the computer to {scanner}).").format(
        scanner=scanner, computer=computer)


def layout_name(code: str) -> str:
    names = {"us": translate("Answer", "US"), "de": translate("Answer", "German"),
             "fr": translate("Answer", "French"), "ch": translate("Answer", "Swiss German")}
    return names.get(code, code)
