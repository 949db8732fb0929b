"""One sync of a connected event, as pretixSCAN does it: upload first, then download."""
from __future__ import annotations

from dataclasses import dataclass

from checkin.store.database import Database
from checkin.store.models import Event
from checkin.sync.pretix.client import PretixError
from checkin.sync.pretix.connection import connected_events, load_connection
from checkin.sync.pretix.credentials import TokenStore
from checkin.sync.pretix.pull import Progress, Puller
from checkin.sync.pretix.push import Pusher, pending_count


@dataclass(frozen=True)
class SyncSummary:
    event_id: int
    event: str
    uploaded: int = 0
    rejected: int = 0
    pulled: int = 0
    full_pull: bool = False
    pending_upload: int = 0
    error: str = ""

    def as_json(self) -> dict:
        return {"event": self.event, "uploaded": self.uploaded, "rejected": self.rejected, "pulled": self.pulled,
                "full_pull": self.full_pull, "pending_upload": self.pending_upload, "error": self.error or None}


class NotConnectedError(PretixError):
    """The event is not connected to a pretix server."""


def sync_event(database: Database, tokens: TokenStore, event_id: int, *, client_options: dict | None = None,
               progress: Progress | None = None, pull_options: dict | None = None) -> SyncSummary:
    """Push then pull; a failure is reported in the summary, and nothing local is lost or dropped.

    ``pull_options`` tune the Puller (``batch_pages``, ``concurrency``).
    """
    with database.reader() as session:
        connection = load_connection(session, event_id)
        slug = session.get(Event, event_id).slug
    if connection is None:
        raise NotConnectedError(f"Event '{slug}' is not connected to pretix: run 'checkin pretix connect' first.")
    pulled, full, error = 0, False, ""
    pusher = None
    try:
        with connection.client(tokens, **(client_options or {})) as client:
            pusher = Pusher(client, database, connection, event_id)
            pusher.push()
            result = Puller(client, database, connection, progress=progress, **(pull_options or {})).pull()
            pulled, full = result.positions, result.full
    except PretixError as failure:
        error = str(failure)
    pushed = getattr(pusher, "result", None)
    return SyncSummary(event_id, slug, pushed.uploaded if pushed else 0, pushed.rejected if pushed else 0, pulled,
                       full, pending_count(database, event_id), error)


def sync_all(database: Database, tokens: TokenStore, event_ids: list[int] | None = None,
             **options: object) -> list[SyncSummary]:
    if event_ids is None:
        with database.reader() as session:
            event_ids = [event.id for event in connected_events(session)]
    return [sync_event(database, tokens, event_id, **options) for event_id in event_ids]
