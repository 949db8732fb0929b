"""Check-ins other devices uploaded to pretix, copied into the local log at each pull.

So an offline desk still answers "already checked in" for a guest another desk admitted
before the last sync. Our own uploads come back too; they are recognised and not copied.
"""
from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from checkin.core.decision import Outcome
from checkin.store.desk import ensure_desk
from checkin.store.models import CheckIn, CheckInList, Registration, UploadState
from checkin.sync.pretix.mapping import moment

def server_desk(session: Session, url: str) -> str:
    """The desk that stands for "checked in elsewhere, seen on the server"."""
    desk_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"pretix-server:{url}"))
    ensure_desk(session, desk_id, "pretix (other device)")
    return desk_id


def import_server_check_ins(session: Session, event_id: int, desk_id: str, orders: list[dict]) -> int:
    found = [(position["secret"], check_in) for order in orders for position in order.get("positions", [])
             for check_in in position.get("checkins") or [] if check_in.get("successful", True)]
    if not found:
        return 0
    nonces = {f"pretix-{check_in['id']}" for _, check_in in found}
    known = set(session.scalars(select(CheckIn.nonce).where(CheckIn.nonce.in_(nonces))))
    lists = dict(session.execute(select(CheckInList.external_id, CheckInList.id)
                                 .where(CheckInList.event_id == event_id)).all())
    codes = {code for code, _ in found}
    registrations = dict(session.execute(select(Registration.code, Registration.id).where(
        Registration.event_id == event_id, Registration.code.in_(codes))).all())
    ours = _own_uploads(session, list(registrations.values()))
    rows = []
    for code, check_in in found:
        nonce, list_id = f"pretix-{check_in['id']}", lists.get(str(check_in.get("list")))
        happened = moment(check_in["datetime"])
        registration_id = registrations.get(code)
        if nonce in known or list_id is None or registration_id is None:
            continue
        if (registration_id, list_id, check_in.get("type", "entry"), _second(happened)) in ours:
            continue
        rows.append({"nonce": nonce, "event_id": event_id, "registration_id": registration_id, "raw_code": code,
                     "check_in_list_id": list_id, "desk_id": desk_id, "direction": check_in.get("type", "entry"),
                     "happened_at": happened, "source": "server", "outcome": Outcome.OK.value,
                     "upload_state": UploadState.SERVER.value})
    if rows:
        session.execute(insert(CheckIn), rows)
    return len(rows)


def _own_uploads(session: Session, registration_ids: list[int]) -> set[tuple]:
    rows = session.execute(select(CheckIn.registration_id, CheckIn.check_in_list_id, CheckIn.direction,
                                  CheckIn.happened_at)
                           .where(CheckIn.registration_id.in_(registration_ids), CheckIn.outcome == Outcome.OK.value,
                                  CheckIn.source != "server"))
    return {(registration_id, list_id, direction, _second(happened)) for registration_id, list_id, direction, happened
            in rows}


def _second(moment_: datetime) -> datetime:
    return moment_.replace(microsecond=0)
