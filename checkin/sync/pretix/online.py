"""Online mode: redeem on the server first, so two desks never admit the same guest twice.

While pretix answers fast, every scan is redeemed online (force=false). After an error or a slow
answer the desk switches to offline decisions by itself, and back once the server answers
again. A scan whose online attempt timed out keeps that attempt's nonce offline: if the server
did get it, the later upload is recognised as the same check-in and never counts twice.
"""
from __future__ import annotations

import time
from collections.abc import Callable

from sqlalchemy import update

from checkin.core.decision import Decision, Direction, Guest, Outcome
from checkin.core.payload import PayloadError, normalise_payload
from checkin.store.desk import ScanResult, guest_of
from checkin.store.models import CheckIn, CheckInList, new_nonce, utcnow
from checkin.store.registrations import find_by_code
from checkin.sync.pretix.client import PretixClient, PretixError
from checkin.sync.pretix.connection import Connection
from checkin.sync.pretix.mapping import SERVER_REASON
from checkin.sync.pretix.offline import PretixDeskService
from checkin.sync.pretix.push import UPLOADED

StateListener = Callable[[bool, str], None]


class OnlineDeskService:
    """Same ``scan`` signature as DeskService; other calls go to the offline service unchanged."""

    def __init__(self, offline: PretixDeskService, client: PretixClient, connection: Connection, *,
                 timeout: float = 2.0, slow: float = 1.0, retry_after: float = 30.0,
                 monotonic: Callable[[], float] = time.monotonic, on_state: StateListener | None = None):
        self.offline = offline
        self.client = client
        self.connection = connection
        self.timeout, self.slow, self.retry_after = timeout, slow, retry_after
        self.monotonic = monotonic
        self.on_state = on_state or (lambda online, text: None)
        self.online = True
        self.reason = ""
        self._offline_since = 0.0

    def __getattr__(self, name: str):  # noqa: ANN204 - check_in_registration, walk_in, undo… stay offline-first
        return getattr(self.offline, name)

    def scan(self, event_id: int, list_id: int, payload: str | bytes, direction: Direction = Direction.ENTRY,
             source: str = "scan") -> ScanResult:
        if not self._should_try_online():
            return self.offline.scan(event_id, list_id, payload, direction, source)
        try:
            code = normalise_payload(payload, self.offline.payload_rules)
        except PayloadError:
            return self.offline.scan(event_id, list_id, payload, direction, source)
        nonce = new_nonce()
        started = self.monotonic()
        try:
            answer = self._redeem(list_id, code, direction, nonce)
        except PretixError as error:
            self._go_offline(str(error))
            return self._offline_with_nonce(event_id, list_id, payload, direction, source, nonce)
        if self.monotonic() - started > self.slow:
            self._go_offline(f"pretix answered slowly ({self.monotonic() - started:.1f} s)")
        else:
            self._go_online()
        return self._record(event_id, list_id, code, direction, source, nonce, answer)

    def check_connection(self) -> bool:
        """A quick probe (from the sync worker): back online as soon as the server answers."""
        try:
            started = self.monotonic()
            self.client.get_json(self.connection.event_path)
        except PretixError as error:
            self._go_offline(str(error))
            return False
        if self.monotonic() - started > self.slow:
            self._go_offline("pretix answers slowly")
            return False
        self._go_online()
        return True

    def _should_try_online(self) -> bool:
        return self.online or self.monotonic() - self._offline_since >= self.retry_after

    def _redeem(self, list_id: int, code: str, direction: Direction, nonce: str) -> dict:
        with self.offline.database.reader() as session:
            external = session.get(CheckInList, list_id).external_id
        body = {"secret": code, "lists": [int(external)], "force": False, "type": direction.value,
                "datetime": self.offline.clock().isoformat(), "nonce": nonce, "questions_supported": False,
                "source_type": "barcode"}
        response = self.client.request("POST", f"organizers/{self.connection.organizer}/checkinrpc/redeem/",
                                       json=body, retries=0, timeout=self.timeout)
        try:
            data = response.json()
        except ValueError:
            raise PretixError(f"pretix sent a damaged answer (HTTP {response.status_code})") from None
        if response.status_code not in (200, 201, 400, 404) or not isinstance(data, dict) or "status" not in data:
            raise PretixError(f"pretix answered HTTP {response.status_code}")
        return data

    def _record(self, event_id: int, list_id: int, code: str, direction: Direction, source: str, nonce: str,
                answer: dict) -> ScanResult:
        ok = answer["status"] == "ok"
        outcome = Outcome.OK if ok else Outcome(SERVER_REASON.get(answer.get("reason"), "invalid_code"))
        with self.offline.database.session() as session:
            registration = find_by_code(session, event_id, code)
            guest = guest_of(registration) if registration else _server_guest(code, answer)
            message = (f"{'Welcome' if direction is Direction.ENTRY else 'Goodbye'}, {guest.name}." if ok else
                       answer.get("reason_explanation") or _REASON_TEXT.get(outcome, "Refused by pretix."))
            row = CheckIn(nonce=nonce, event_id=event_id, registration_id=registration.id if registration else None,
                          raw_code=code, check_in_list_id=list_id, desk_id=self.offline.desk_id,
                          direction=direction.value, happened_at=self.offline.clock(), source=source,
                          outcome=outcome.value, upload_state=UPLOADED, uploaded_at=utcnow())
            session.add(row)
            session.flush()
        decision = Decision(outcome, message, guest, None, direction, {"online": True})
        return ScanResult(decision, row.id, nonce, registration.id if registration else None, code)

    def _offline_with_nonce(self, event_id: int, list_id: int, payload: str | bytes, direction: Direction,
                            source: str, nonce: str) -> ScanResult:
        result = self.offline.scan(event_id, list_id, payload, direction, source)
        if result.check_in_id is None:
            return result
        with self.offline.database.session() as session:
            session.execute(update(CheckIn).where(CheckIn.id == result.check_in_id).values(nonce=nonce))
        return ScanResult(result.decision, result.check_in_id, nonce, result.registration_id, result.code)

    def _go_offline(self, reason: str) -> None:
        self._offline_since = self.monotonic()
        if self.online or reason != self.reason:
            self.online, self.reason = False, reason
            self.on_state(False, reason)

    def _go_online(self) -> None:
        if not self.online:
            self.online, self.reason = True, ""
            self.on_state(True, "")


_REASON_TEXT = {
    Outcome.ALREADY_CHECKED_IN: "Already checked in (pretix).", Outcome.CANCELLED: "This ticket is cancelled.",
    Outcome.UNPAID: "This order is not paid.", Outcome.NOT_VALID_FOR_LIST: "This ticket is not valid here.",
    Outcome.REVOKED: "This ticket code has been revoked.", Outcome.UNKNOWN: "Unknown code (pretix).",
    Outcome.ENTRY_NOT_PERMITTED: "Entry not permitted by the list's rules (pretix).",
}


def _server_guest(code: str, answer: dict) -> Guest:
    position = answer.get("position") or {}
    texts = [text for text in answer.get("checkin_texts") or [] if text]
    return Guest(code=code, name=position.get("attendee_name") or code, company=position.get("company") or "",
                 attention=bool(answer.get("require_attention")), attention_text="\n".join(texts))
