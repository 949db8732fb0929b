"""Desk processes racing on one database: each its own process, connection and desk id.

``python -m tests.store.venue_desks URL EVENT_ID LIST_ID DESK_NUMBER MODE CODES...`` opens the
database, prints READY, waits for one line on stdin (the start barrier: the parent releases all
desks at once), then works through the codes (MODE ``scan``: scan each code; ``search``: check
each in by registration id, as a search would) and prints one JSON line per answer.
"""
from __future__ import annotations

import json
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from checkin.store.database import open_database
from checkin.store.desk import DeskService, ScanResult
from checkin.store.models import Registration

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Answer:
    desk: int
    code: str
    outcome: str
    previous_desk: str | None
    seconds: float
    started: float
    finished: float


def desk_id(number: int) -> str:
    return f"00000000-0000-4000-8000-{number:012d}"


def start_desks(url: str, event_id: int, list_id: int, queues: list[list[str]], mode: str = "scan",
                first_desk: int = 1) -> list[subprocess.Popen]:
    """One process per queue; returns once every desk is connected and waiting at the barrier."""
    desks = [
        subprocess.Popen([sys.executable, "-m", "tests.store.venue_desks", url, str(event_id), str(list_id),
                          str(first_desk + n), mode, *queue], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True, cwd=ROOT)
        for n, queue in enumerate(queues)
    ]
    for desk in desks:
        line = desk.stdout.readline()
        if line.strip() != "READY":
            raise RuntimeError(f"desk did not start: {line!r} {desk.stderr.read()}")
    return desks


def release_and_collect(desks: list[subprocess.Popen], timeout_s: float = 600) -> list[Answer]:
    """Opens the barrier for all desks at once and gathers every answer they printed."""
    for desk in desks:
        desk.stdin.write("GO\n")
        desk.stdin.flush()
    answers = []
    for desk in desks:
        out, err = desk.communicate(timeout=timeout_s)
        if desk.returncode != 0:
            raise RuntimeError(f"desk failed ({desk.returncode}): {err}")
        answers += [Answer(**json.loads(line)) for line in out.splitlines() if line.strip()]
    return answers


def race(url: str, event_id: int, list_id: int, queues: list[list[str]], mode: str = "scan") -> list[Answer]:
    return release_and_collect(start_desks(url, event_id, list_id, queues, mode))


def _work(desk: DeskService, number: int, event_id: int, list_id: int, mode: str, codes: list[str]) -> None:
    with desk.database.reader() as session:
        ids = dict(session.execute(select(Registration.code, Registration.id)
                                   .where(Registration.event_id == event_id)).all())
    for code in codes:
        started = time.perf_counter()
        if mode == "scan":
            result = desk.scan(event_id, list_id, code)
        else:
            result = desk.check_in_registration(ids[code], list_id)
        finished = time.perf_counter()
        print(json.dumps(_answer(number, code, result, started, finished).__dict__), flush=True)


def _answer(number: int, code: str, result: ScanResult, started: float, finished: float) -> Answer:
    previous = result.decision.previous.desk if result.decision.previous else None
    return Answer(number, code, result.decision.outcome.value, previous, finished - started,
                  time.time() - (time.perf_counter() - started), time.time())


def main(url: str, event_id: str, list_id: str, number: str, mode: str, *codes: str) -> None:
    database = open_database(url, migrate=False)
    desk = DeskService(database, desk_id(int(number)), f"Desk {number}")
    with database.reader() as session:  # connected and warm before the barrier
        session.execute(select(Registration.id).limit(1)).all()
    print("READY", flush=True)
    sys.stdin.readline()
    _work(desk, int(number), int(event_id), int(list_id), mode, list(codes))
    database.dispose()


if __name__ == "__main__":
    main(*sys.argv[1:])
