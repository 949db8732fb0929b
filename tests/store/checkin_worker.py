"""Checks guests in as fast as it can, printing each nonce once the desk has confirmed it.

Run by test_durability.py, which kills this process with SIGKILL at a random moment.
"""
import sys

from sqlalchemy import select

from checkin.store.database import open_database
from checkin.store.desk import DeskService
from checkin.store.models import CheckInList, Registration


def main(url: str) -> None:
    database = open_database(url)
    with database.reader() as session:
        list_id = session.scalar(select(CheckInList.id).order_by(CheckInList.id).limit(1))
        guests = session.execute(select(Registration.event_id, Registration.code).order_by(Registration.id)).all()
    desk = DeskService(database, "00000000-0000-4000-8000-00000000dead", "Killed desk")
    print("READY", flush=True)
    for event_id, code in guests * 2:  # every guest twice: the second scan must be refused
        result = desk.scan(event_id, list_id, code)
        print(f"DONE {result.nonce} {result.decision.outcome.value} {code}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
