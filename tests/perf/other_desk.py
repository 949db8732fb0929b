"""Another desk in its own process, for test_live_perf: scans each code read from stdin and prints
the ``time.perf_counter()`` right after its commit (CLOCK_MONOTONIC: comparable across processes).

``python -m tests.perf.other_desk URL EVENT_ID LIST_ID``; prints READY once connected.
"""
import sys
import time

from checkin.store.database import open_database
from checkin.store.desk import DeskService


def main(url: str, event_id: int, list_id: int) -> None:
    database = open_database(url, migrate=False)
    desk = DeskService(database, "00000000-0000-4000-8000-0000000000b2", "Desk B")
    print("READY", flush=True)
    for line in sys.stdin:
        outcome = desk.scan(event_id, list_id, line.strip()).decision.outcome.value
        print(f"{time.perf_counter()} {outcome}", flush=True)
    database.dispose()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
