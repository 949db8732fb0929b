"""What every sub-command shares: exit codes, the usage error, the context, and how to answer."""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from contextlib import closing
from functools import cached_property
from pathlib import Path
from typing import TypeVar

from sqlalchemy.orm import Session

from checkin.settings import Settings
from checkin.store.database import Database, open_database
from checkin.store.offline_merge import MergeReport
from checkin.store.desk_choice import remembered
from checkin.store.events import NoEventError, find_event, find_list
from checkin.store.models import CheckInList, Event
from checkin.store.venue_copy import VenueCopy, has_copy
from checkin.store.venue_desk import merge_queue

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_REFUSED = 0, 1, 2, 3

T = TypeVar("T")


class UsageError(Exception):
    """The command line names something that does not exist (exit code 2)."""


class CommandContext:
    """What commands share: the settings, and the database opened on first use."""

    def __init__(self, args: argparse.Namespace):
        self.args = args

    @cached_property
    def settings(self) -> Settings:
        return Settings()

    @cached_property
    def database(self) -> Database:
        """The database; on a venue PostgreSQL, what this desk recorded on its copy meanwhile is merged first."""
        database = open_database(self.args.db, connect_timeout_s=self.settings.get("venue_timeout_s"))
        if not database.is_sqlite and has_copy(database.url):
            with closing(VenueCopy.open(database.url)) as copy:
                say_merged(merge_queue(copy, database))
        return database

    def close(self) -> None:
        """Let go of the database, if a command opened it (its server connections close now, not at exit)."""
        if "database" in self.__dict__:
            self.database.dispose()

    def event_and_list(self, session: Session, list_id: int | None = None) -> tuple[Event, CheckInList]:
        """``--event``, else the event this desk chose in this database, else the newest; the list
        likewise (``--list``, the remembered one of that event, the first)."""
        choice = remembered(session, self.settings.desk_identity()[0])
        slug = self.args.event or (choice[0] if choice else None)
        remembered_list = choice[1] if choice and choice[0] == slug else 0
        try:
            event = find_event(session, slug)
            return event, find_list(session, event, list_id or remembered_list or None)
        except NoEventError as error:
            raise UsageError(str(error)) from None

    def event_slug(self) -> str | None:
        """For commands that take a slug: ``--event``, else this desk's choice in this database (None: the newest)."""
        if self.args.event:
            return self.args.event
        with self.database.reader() as session:
            choice = remembered(session, self.settings.desk_identity()[0])
        return choice[0] if choice else None

    @staticmethod
    def print_json(value: object) -> None:
        print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def say_merged(report: MergeReport) -> None:
    """On stderr (stdout may be JSON): what this desk recorded offline reached the venue database."""
    if report.merged:
        print(f"checkin: merged {report.merged} check-ins this desk recorded while the venue database did not "
              "answer", file=sys.stderr)
    for double in report.double_admissions:
        desks = ", ".join(f"{a.desk} {a.happened_at:%H:%M:%S}{' (offline)' if a.merged_at else ''}"
                          for a in double.admissions)
        print(f"checkin: admitted twice: {double.name} ({double.code}) on {double.list_name}: {desks} "
              "(see 'checkin conflicts')", file=sys.stderr)


def fail(message: str) -> int:
    """One line on stderr, never a traceback."""
    print(f"checkin: {message}", file=sys.stderr)
    return EXIT_FAILURE


def attempt(work: Callable[[], T], out: Path) -> T | int:
    """``work()``'s result; an unknown event or list is a usage error, an unwritable ``out`` an exit code."""
    try:
        return work()
    except LookupError as error:
        raise UsageError(str(error).rstrip(".")) from None
    except OSError as error:
        return fail(f"cannot write {out}: {error.strerror or error}")


def show(args: argparse.Namespace, context: CommandContext, summary: dict, text: str) -> int:
    if args.json:
        context.print_json(summary)
    else:
        print(text)
    return EXIT_OK
