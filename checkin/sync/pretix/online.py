"""Online mode: redeem on the server first, so two desks never admit the same guest twice.

While pretix answers fast, every scan is redeemed online (force=false). After an error or a slow
answer the desk switches to offline decisions by itself, and back once the server answers
again (asked again after ``retry_after`` seconds). :class:`PretixOnline` is the desk service's
online authority: it only asks; the desk service writes the row, with the attempt's nonce
whether the server answered or not, so a request the server did get is recognised at upload.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from checkin.core.decision import Direction, Guest, Outcome
from checkin.store.database import Database
from checkin.store.desk_collaborators import OnlineAnswer
from checkin.store.models import CheckInList
from checkin.sync.pretix.client import PretixClient, PretixError
from checkin.sync.pretix.connection import Connection
from checkin.sync.pretix.mapping import SERVER_REASON

#: Told (online?, why not) whenever the desk switches; the status bar shows it.
StateListener = Callable[[bool, str], None]


@dataclass
class OnlineTiming:
    """Seconds: give up on an answer, call an answer slow (go offline after it), ask again when offline.

    Shared and edited in place by the settings dialog: the next scan uses the new values."""

    timeout: float = 2.0
    slow: float = 1.0
    retry_after: float = 30.0


class PretixOnline:
    """The desk's online authority on a pretix server (see :class:`checkin.store.desk.OnlineAuthority`)."""

    def __init__(self, database: Database, client: PretixClient, connection: Connection, *,
                 timing: OnlineTiming | None = None, monotonic: Callable[[], float] = time.monotonic,
                 on_state: StateListener | None = None):
        self.database = database
        self.client = client
        self.connection = connection
        self.timing = timing or OnlineTiming()
        self.monotonic = monotonic
        self.on_state = on_state or _ignore_state
        self.online = True
        self.reason = ""
        self._offline_since = 0.0

    def redeem(self, list_id: int, code: str, direction: Direction, nonce: str,
               happened_at: datetime) -> OnlineAnswer | None:
        if not self._should_try_online():
            return None
        started = self.monotonic()
        try:
            data = self._ask(list_id, code, direction, nonce, happened_at)
        except PretixError as error:
            self._go_offline(str(error))
            return None
        elapsed = self.monotonic() - started
        if elapsed > self.timing.slow:
            self._go_offline(f"pretix answered slowly ({elapsed:.1f} s)")
        else:
            self._go_online()
        return answer_of(code, data)

    def _should_try_online(self) -> bool:
        return self.online or self.monotonic() - self._offline_since >= self.timing.retry_after

    def _ask(self, list_id: int, code: str, direction: Direction, nonce: str, happened_at: datetime) -> dict:
        with self.database.reader() as session:
            external = session.get(CheckInList, list_id).external_id
        body = {"secret": code, "lists": [int(external)], "force": False, "type": direction.value,
                "datetime": happened_at.isoformat(), "nonce": nonce, "questions_supported": False,
                "source_type": "barcode"}
        response = self.client.request("POST", f"organizers/{self.connection.organizer}/checkinrpc/redeem/",
                                       json=body, retries=0, timeout=self.timing.timeout)
        try:
            data = response.json()
        except ValueError:
            raise PretixError(f"pretix sent a damaged answer (HTTP {response.status_code})") from None
        if response.status_code not in (200, 201, 400, 404) or not isinstance(data, dict) or "status" not in data:
            raise PretixError(f"pretix answered HTTP {response.status_code}")
        return data

    def _go_offline(self, reason: str) -> None:
        self._offline_since = self.monotonic()
        if self.online or reason != self.reason:
            self.online, self.reason = False, reason
            self.on_state(False, reason)

    def _go_online(self) -> None:
        if not self.online:
            self.online, self.reason = True, ""
            self.on_state(True, "")


def answer_of(code: str, data: dict[str, Any]) -> OnlineAnswer:
    """pretix's redeem answer in the desk's terms."""
    ok = data["status"] == "ok"
    outcome = Outcome.OK if ok else Outcome(SERVER_REASON.get(data.get("reason"), "invalid_code"))
    text = "" if ok else data.get("reason_explanation") or _REASON_TEXT.get(outcome, "Refused by pretix.")
    return OnlineAnswer(outcome, text, _server_guest(code, data))


def _ignore_state(online: bool, reason: str) -> None:
    """No status bar to tell (the CLI, tests)."""


_REASON_TEXT = {
    Outcome.ALREADY_CHECKED_IN: "Already checked in (pretix).", Outcome.CANCELLED: "This ticket is cancelled.",
    Outcome.UNPAID: "This order is not paid.", Outcome.NOT_VALID_FOR_LIST: "This ticket is not valid here.",
    Outcome.REVOKED: "This ticket code has been revoked.", Outcome.UNKNOWN: "Unknown code (pretix).",
    Outcome.ENTRY_NOT_PERMITTED: "Entry not permitted by the list's rules (pretix).",
}


def _server_guest(code: str, answer: dict[str, Any]) -> Guest:
    position = answer.get("position") or {}
    texts = [text for text in answer.get("checkin_texts") or [] if text]
    return Guest(code=code, name=position.get("attendee_name") or code, company=position.get("company") or "",
                 attention=bool(answer.get("require_attention")), attention_text="\n".join(texts))
