"""The desk on a venue PostgreSQL that stopped answering, loudly: a banner above the scan field,
a line in the status bar and the warning sound once, while the desk decides on its own copy
(:mod:`checkin.store.venue_desk`); and what the merge did once the server is back.

:func:`with_venue_copy` wraps the window's desk-service factory (the same factory builds the
desk on the copy: one set of rules), :class:`VenueBanner` shows the state and keeps the copy
current: every :data:`MAINTAIN_MS` and soon after any check-in it runs the desk's ``maintain()``
(a refresh online, beside the scans on the pool lane; offline, a probe of the server there every
``venue_retry_s`` and, once it answers, the merge on the writer lane after the scans queued there).
"""
from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from checkin.settings import Settings
from checkin.store.database import Database
from checkin.store.desk_setup import DeskSetup
from checkin.store.venue_copy import VenueCopy
from checkin.store.venue_desk import VenueDesk, VenueLater, VenueState
from checkin.ui.changes import CHECK_INS, NOTHING, REGISTRATIONS
from checkin.ui.operations import Op
from checkin.ui.taskman import Lane
from checkin.ui.throttle import Throttle

log = logging.getLogger(__name__)

# How often the copy is brought up to date (and, offline, whether the server answers again is asked
# no more often than the ``venue_retry_s`` setting says).
MAINTAIN_MS = 2000
# After a check-in (this desk's or another's), the copy takes it in at most this much later.
AFTER_SCAN_MS = 1000
# How long "back on the venue database" stays when nothing needs reconciling.
BACK_SHOWN_MS = 15_000

_OFFLINE_STYLE = "background: #b3001b; color: #ffffff; font-weight: bold; padding: 8px;"
_BACK_STYLE = "background: #1b5e20; color: #ffffff; font-weight: bold; padding: 8px;"
_CONFLICT_STYLE = "background: #8a4b00; color: #ffffff; font-weight: bold; padding: 8px;"


class VenueLink:
    """Between the factory (the writer lane builds the desk there), the desk's reads (the reader lane)
    and the banner (UI thread). ``started_offline``: the desk window started without the server."""

    def __init__(self, venue_url: str | None = None, started_offline: VenueState | None = None) -> None:
        self.venue_url = venue_url
        self.desk: VenueDesk | None = None
        self.deliver: Callable[[VenueState], None] | None = None
        self.started_offline = started_offline
        self._copy: VenueCopy | None = None
        self._lock = threading.Lock()

    def copy(self) -> VenueCopy:
        """The desk's copy of the venue database, opened once by whichever lane needs it first."""
        with self._lock:
            if self._copy is None:
                self._copy = VenueCopy.open(self.venue_url)
            return self._copy

    @property
    def offline(self) -> bool:
        return self.desk.offline if self.desk is not None else self.started_offline is not None

    def reading(self, venue: Database) -> Database:
        """Where the desk reads (its event, search, guests, counts): the copy while the server does not answer."""
        return self.copy().local if self.venue_url and self.offline else venue

    def offline_since(self) -> datetime | None:
        """A new desk (the first, or one for another event) starts offline when the last one was."""
        if self.desk is not None:
            return self.desk.state.since if self.desk.offline else None
        return self.started_offline.since if self.started_offline is not None else None

    def on_state(self, state: VenueState) -> None:
        """On the writer lane: handed to the banner, which posts it to the UI thread."""
        if self.deliver is not None:
            self.deliver(state)


def with_venue_copy(factory: Callable[..., Any], database: Database, settings: Settings,
                    link: VenueLink) -> Callable[..., Any]:
    """The desk-service factory of a desk on PostgreSQL: the same service, with its copy to fall back on."""

    link.venue_url = database.url

    def build(setup: DeskSetup, *desk_args: Any, **options: Any) -> Any:
        since = link.offline_since()
        venue: Any = VenueLater(lambda: factory(setup, *desk_args, **options), desk_args[0], desk_args[1],
                                desk_args[2], options["payload_rules"])
        if since is None:
            venue = venue.build()
        copy = link.copy()
        # Scans never try the server again themselves (retry_s infinite): the banner probes off their lane.
        desk = VenueDesk(venue, lambda: factory(setup, copy.local, *desk_args[1:], **options), copy,
                         setup.event_id, math.inf, on_state=link.on_state, offline_since=since)
        link.desk = desk
        if desk.offline:
            link.on_state(desk.state)  # the banner counts this desk's queue from the start
        return desk
    return build


class VenueBanner(QLabel):
    """The banner; its status-bar line and the maintenance timer come with it."""

    def __init__(self, window: Any, link: VenueLink):
        super().__init__(window)
        self.setObjectName("venueBanner")
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.window_, self.link, self.tasks = window, link, window.tasks
        self.state: VenueState | None = None
        self.line = QLabel(window.status)
        self.line.setObjectName("venueLine")
        self.line.setStyleSheet(f"QLabel#venueLine {{ {_OFFLINE_STYLE} padding: 0 6px; }}")
        window.status.addPermanentWidget(self.line)
        self.line.hide()
        self.hide()
        link.deliver = lambda state: self.tasks.post(self.show_state, state)
        self._back = QTimer(self)
        self._back.setSingleShot(True)
        self._back.timeout.connect(self._hide_back)
        self._maintain = QTimer(self)
        self._maintain.timeout.connect(self.maintain)
        self._maintain.start(MAINTAIN_MS)
        self._busy = False
        self._probed = 0.0
        # Maintenance runs finished (tests wait on it).
        self.maintained = 0
        # The copy follows at once: the event as soon as it is loaded, then every check-in (this desk's,
        # and the other desks' as their live notices arrive) within a second.
        self._soon = Throttle(AFTER_SCAN_MS, self.maintain, self)
        window.controller.setup_changed.connect(lambda _setup: self.maintain())
        self.tasks.notifier.subscribe(self, CHECK_INS | REGISTRATIONS, lambda _changes: self._soon.request())
        if link.started_offline is not None:
            self.show_state(link.started_offline)  # red from the start: the desk opened on its copy

    def maintain(self) -> None:
        """Online: refresh the copy (pool lane). Offline: every ``venue_retry_s`` ask whether the server
        answers on the pool lane (a dead one costs ``venue_timeout_s`` there), and merge only once it does."""
        desk = self.link.desk
        if desk is None or self._busy:
            return
        if not desk.offline:
            self._run_maintain(desk, force=False)
            return
        now = time.monotonic()
        if now - self._probed < self.window_.settings.get("venue_retry_s"):
            return
        self._busy, self._probed = True, now
        Op(self, lambda _job: desk.probe(), lane=Lane.POOL).success(
            lambda answers: self._run_maintain(desk, force=True) if answers else self._probe_done()).failure(
            self._maintain_failed).run(self.tasks)

    def _run_maintain(self, desk: VenueDesk, force: bool) -> None:
        """The refresh runs beside the scans (the pool lane; the copy's lock keeps it apart from offline
        writes); the merge after an outage runs on the writer lane, after the scans queued there."""
        self._busy = True
        Op(self, lambda _job: desk.maintain(force), lane=Lane.WRITER if force else Lane.POOL,
           changes=lambda state: CHECK_INS if state.merged else NOTHING).success(
            self._maintained).failure(self._maintain_failed).run(self.tasks)

    def _probe_done(self) -> None:
        self._busy = False
        self.maintained += 1

    def _maintained(self, state: VenueState) -> None:
        self._busy = False
        self.maintained += 1
        if state != self.state:
            self.show_state(state)

    def _maintain_failed(self, error: BaseException) -> None:
        """Not a lost server (that is a state): the copy could not be refreshed. Scans go on; logged."""
        self._busy = False
        self.maintained += 1
        log.warning("the venue copy could not be kept current", exc_info=error)

    def show_state(self, state: VenueState) -> None:
        was_offline = self.state is not None and self.state.offline
        self.state = state
        if state.offline and not was_offline:
            self.window_.sounds.play("warning")  # once, when the server stops answering
        self._show()

    def _show(self) -> None:
        state = self.state
        if state is None:
            return
        if state.offline:
            self._back.stop()
            self.setStyleSheet(f"QLabel#venueBanner {{ {_OFFLINE_STYLE} }}")
            self.setText(self.offline_text(state))
            self.line.setText(self.tr("Venue database offline: {0} waiting").format(state.queued))
            self.line.show()
            self.show()
        elif state.merged is not None:
            self.line.hide()
            doubles = len(state.merged.double_admissions)
            self.setStyleSheet(f"QLabel#venueBanner {{ {_CONFLICT_STYLE if doubles else _BACK_STYLE} }}")
            self.setText(self.back_text(state))
            self.show()
            if not doubles:  # a double admission stays until the organiser has seen it
                self._back.start(BACK_SHOWN_MS)
        else:
            self.line.hide()
            self._hide_back()

    def _hide_back(self) -> None:
        if self.state is None or not self.state.offline:
            self.hide()

    def offline_text(self, state: VenueState) -> str:
        since = state.since.astimezone(self._zone()).strftime("%H:%M") if state.since else ""
        return "\n".join((
            self.tr("The venue database does not answer (since {0}).").format(since),
            self.tr("This desk goes on with its own copy: keep scanning. Check-ins waiting to be merged when "
                    "the database answers again: {0}.").format(state.queued),
            self.tr("Walk-ins and undo need the venue database; search works on the copy.")))

    def _zone(self) -> ZoneInfo | None:
        """The event's time zone, as the status bar's clock shows (None: the computer's)."""
        try:
            return ZoneInfo(self.window_.status.timezone) if self.window_.status.timezone else None
        except (ZoneInfoNotFoundError, ValueError):
            return None

    def back_text(self, state: VenueState) -> str:
        report = state.merged
        lines = [self.tr("The venue database answers again. Check-ins from this desk merged: {0}.").format(
            report.merged)]
        if report.double_admissions:
            names = ", ".join(double.name for double in report.double_admissions[:3])
            lines.append(self.tr("Admitted at two desks meanwhile ({0}): {1}. Both admissions are kept; "
                                 "the organiser lists them with 'checkin conflicts'.").format(
                len(report.double_admissions), names))
        return "\n".join(lines)

    def mousePressEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        if self.state is not None and not self.state.offline:
            self.hide()  # a click puts the "back again" message away
        super().mousePressEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self._show()
        super().changeEvent(event)


def watch_venue_link(window: QWidget, link: VenueLink) -> VenueBanner | None:
    """The banner for a desk window on PostgreSQL (None on SQLite: there is no venue to lose)."""
    if window.database.is_sqlite:
        return None
    banner = VenueBanner(window, link)
    window.add_banner(banner)
    return banner


