"""The lists some settings are chosen from that take a moment to find: the badge layouts (the
built-in ones, the organiser's own files, the event's pretix layouts in the database), the
system's printers and the CUPS queues (``lpstat``). Gathered off the UI thread by the settings
dialog, then put into its combo boxes."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtPrintSupport import QPrinterInfo

from checkin.badges import cups
from checkin.badges.library import layout_entries
from checkin.badges.pretix_layout import PREFIX
from checkin.badges.pretix_selection import pretix_layout_names
from checkin.store.database import Database

BUILT_IN, OWN, PRETIX = "built-in", "own", "pretix"


@dataclass(frozen=True)
class ChoiceLists:
    # (setting value, where it comes from: BUILT_IN, OWN or PRETIX)
    layouts: list[tuple[str, str]]
    printers: list[str]
    cups_queues: list[str]


def gather_choices(database: Database | None = None, event_id: int | None = None) -> ChoiceLists:
    """On a worker thread: reads layout files, the event's pretix layouts, asks CUPS (up to seconds)."""
    layouts = [(entry.key, BUILT_IN if entry.builtin else OWN) for entry in layout_entries()]
    if database is not None and event_id is not None:
        with database.reader() as session:
            layouts += [(PREFIX + name, PRETIX) for name in pretix_layout_names(session, event_id)]
    return ChoiceLists(layouts, list(QPrinterInfo.availablePrinterNames()), cups.queues())
