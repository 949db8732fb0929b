"""Uploads the local check-in log to pretix exactly once.

Accepted check-ins go to ``checkinrpc/redeem`` with ``force=true``, their original datetime,
type and nonce; refused scans to the list's ``failed_checkins``; an undo of an uploaded check-in
to ``checkinrpc/annul``. pretix dedupes all three by nonce, so a retry after a lost answer never
counts twice. A row is marked uploaded only after the server confirmed it.
"""
from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime

import httpx
from sqlalchemy import func, select, update
from sqlalchemy.orm import aliased

from checkin.core.decision import Outcome
from checkin.store.database import Database
from checkin.store.models import CheckIn, CheckInList, Registration, UploadState, utcnow
from checkin.sync.pretix.client import PretixClient, PretixError
from checkin.sync.pretix.connection import Connection
from checkin.sync.pretix.mapping import FAILED_REASON

CHUNK = 200


@dataclass(frozen=True)
class Pending:
    id: int
    nonce: str
    outcome: str
    direction: str
    happened_at: datetime
    code: str
    list_external_id: str | None
    walk_in: bool
    undone: bool
    target_state: str | None = None
    target_nonce: str | None = None
    explanation: str | None = None


@dataclass
class PushResult:
    uploaded: int = 0
    rejected: int = 0
    not_sent: int = 0
    errors: list[str] = field(default_factory=list)


#: (the row's new upload state, the error text to keep)
Sent = tuple[UploadState, str]


class Pusher:
    """Pushes one event's pending check-ins; concurrent across guests, in order for each guest."""

    def __init__(self, client: PretixClient, database: Database, connection: Connection, event_id: int, *,
                 lanes: int = 4, progress: Callable[[int], None] | None = None):
        self.client = client
        self.database = database
        self.connection = connection
        self.event_id = event_id
        self.lanes = lanes
        self.progress = progress or (lambda done: None)
        self.redeem_path = f"organizers/{connection.organizer}/checkinrpc/"

    def push(self) -> PushResult:
        """Upload everything pending; on a failure the rows already confirmed stay marked (see ``result``)."""
        self.result = result = PushResult()
        for kind in ("check_ins", "undos"):  # undos after, so they see their check-in's new state
            rows = self._pending(undos=kind == "undos")
            for start in range(0, len(rows), CHUNK):
                self._push_chunk(rows[start:start + CHUNK], result)
        return result

    def _push_chunk(self, rows: list[Pending], result: PushResult) -> None:
        lanes: dict[int, list[Pending]] = {}
        for row in rows:  # one guest's rows stay in one lane, in the order they happened
            lanes.setdefault(hash(row.code) % self.lanes, []).append(row)
        outcomes: dict[int, Sent] = {}
        failure: Exception | None = None
        with ThreadPoolExecutor(self.lanes, thread_name_prefix="pretix-push") as pool:
            for future in [pool.submit(self._send_lane, lane, outcomes) for lane in lanes.values()]:
                try:
                    future.result()
                except PretixError as error:
                    failure = failure or error
        self._record(outcomes, result)
        if failure is not None:
            raise failure

    def _send_lane(self, rows: list[Pending], outcomes: dict[int, Sent]) -> None:
        for row in rows:
            outcomes[row.id] = self._send(row)  # dict assignment is atomic; one key per row

    def _send(self, row: Pending) -> Sent:
        if row.outcome == Outcome.UNDO:
            return self._annul(row)
        if row.outcome == Outcome.OK:
            if row.undone:
                return UploadState.NOT_SENT, "undone before it was uploaded"
            if row.walk_in:
                return UploadState.LOCAL, "walk-in: pretix has no order for this guest"
            return self._redeem(row)
        return self._failed_checkin(row)

    def _redeem(self, row: Pending) -> Sent:
        body = {"secret": row.code, "lists": [int(row.list_external_id)], "force": True, "type": row.direction,
                "datetime": row.happened_at.isoformat(), "nonce": row.nonce, "questions_supported": False,
                "source_type": "barcode"}
        response = self.client.request("POST", self.redeem_path + "redeem/", json=body)
        data = _json(response)
        if response.status_code in (200, 201) and data.get("status") == "ok":
            return UploadState.UPLOADED, ""
        if response.status_code in (400, 404):
            return UploadState.REJECTED, f"pretix refused even when forced: {data.get('reason') or response.status_code}"
        raise PretixError(f"pretix answered a check-in upload with HTTP {response.status_code}.")

    def _failed_checkin(self, row: Pending) -> Sent:
        if not row.code:
            return UploadState.LOCAL, "nothing was scanned"
        body = {"error_reason": FAILED_REASON.get(row.outcome, "error"), "raw_barcode": row.code,
                "datetime": row.happened_at.isoformat(), "type": row.direction, "nonce": row.nonce}
        if row.explanation:
            body["error_explanation"] = row.explanation
        path = f"{self.connection.event_path}checkinlists/{row.list_external_id}/failed_checkins/"
        response = self.client.request("POST", path, json=body)
        if response.status_code in (200, 201):
            return UploadState.UPLOADED, ""
        if response.status_code == 400:
            return UploadState.REJECTED, f"pretix refused the refused scan: {response.text[:200]}"
        raise PretixError(f"pretix answered a refused-scan upload with HTTP {response.status_code}.")

    def _annul(self, row: Pending) -> Sent:
        if row.target_state in (UploadState.PENDING, UploadState.NOT_SENT):
            return UploadState.NOT_SENT, "the check-in was undone before it was uploaded"
        if row.target_state != UploadState.UPLOADED:
            return UploadState.LOCAL, "the undone check-in was never on the server"
        body = {"nonce": row.target_nonce, "lists": [int(row.list_external_id)],
                "datetime": row.happened_at.isoformat()}
        response = self.client.request("POST", self.redeem_path + "annul/", json=body)
        if response.status_code == 200:
            return UploadState.UPLOADED, ""
        if response.status_code in (400, 404):
            reason = (_json(response).get("non_field_errors") or [response.text[:200]])[0]
            return UploadState.REJECTED, f"pretix kept the check-in: {reason}"
        raise PretixError(f"pretix answered an undo upload with HTTP {response.status_code}.")

    def _pending(self, *, undos: bool) -> list[Pending]:
        target = aliased(CheckIn)
        statement = (
            select(CheckIn.id, CheckIn.nonce, CheckIn.outcome, CheckIn.direction, CheckIn.happened_at,
                   CheckIn.raw_code, CheckInList.external_id, Registration.walk_in, CheckIn.reverted_by_id,
                   target.upload_state, target.nonce, CheckIn.explanation)
            .join(CheckInList, CheckInList.id == CheckIn.check_in_list_id)
            .outerjoin(Registration, Registration.id == CheckIn.registration_id)
            .outerjoin(target, target.reverted_by_id == CheckIn.id)
            .where(CheckIn.event_id == self.event_id, CheckIn.upload_state == UploadState.PENDING.value,
                   (CheckIn.outcome == Outcome.UNDO) if undos else (CheckIn.outcome != Outcome.UNDO))
            .order_by(CheckIn.happened_at, CheckIn.id)
        )
        with self.database.reader() as session:
            return [Pending(id_, nonce, outcome, direction, happened, code, list_id, bool(walk_in),
                            reverted is not None, target_state, target_nonce, explanation)
                    for id_, nonce, outcome, direction, happened, code, list_id, walk_in, reverted, target_state,
                    target_nonce, explanation in session.execute(statement)]

    def _record(self, outcomes: dict[int, Sent], result: PushResult) -> None:
        if not outcomes:
            return
        now = utcnow()
        by_state: dict[Sent, list[int]] = {}
        for row_id, outcome in outcomes.items():
            by_state.setdefault(outcome, []).append(row_id)
        with self.database.session() as session:
            for (state, error), ids in by_state.items():
                session.execute(update(CheckIn).where(CheckIn.id.in_(ids)).values(
                    upload_state=state.value, upload_error=error, uploaded_at=now if state == UploadState.UPLOADED else None))
        for state, _error in outcomes.values():
            result.uploaded += state == UploadState.UPLOADED
            result.rejected += state == UploadState.REJECTED
            result.not_sent += state in (UploadState.NOT_SENT, UploadState.LOCAL)
        self.progress(result.uploaded)


def _json(response: httpx.Response) -> dict:
    try:
        data = response.json()
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def pending_count(database: Database, event_id: int) -> int:
    with database.reader() as session:
        return session.scalar(select(func.count(CheckIn.id)).where(
            CheckIn.event_id == event_id, CheckIn.upload_state == UploadState.PENDING.value)) or 0
