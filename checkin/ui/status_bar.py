"""The status bar: desk, database, server connection, the venue's sync owner, queued uploads and a clock."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar, QWidget

from checkin.store.sync_lock import OwnerState

# The owner's name and host are cut to this many characters (the tooltip has everything):
# the status bar's permanent part must fit a 1024 px screen.
OWNER_CHARS = 32


class DeskStatusBar(QStatusBar):
    def __init__(self, desk_name: str, database: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.desk_name, self.database = desk_name, database
        self.online: bool | None = None
        self.connection_text = ""
        self.queued = 0
        self.timezone = ""
        self.desk = QLabel(self)
        self.store = QLabel(self)
        self.connection = QLabel(self)
        # On a venue PostgreSQL: which desk syncs with pretix for all (hidden otherwise).
        self.sync_owner = QLabel(self)
        self.sync_owner.hide()
        self.owner: tuple[bool, OwnerState] | None = None
        self.uploads = QLabel(self)
        self.clock = QLabel(self)
        # What the desk must always see (server, queued uploads, time) is permanent, on the right:
        # messages never hide it. The desk and database names give way on a narrow (1024 px) screen.
        for label in (self.desk, self.store):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            self.addWidget(label, 1)
        for label in (self.connection, self.sync_owner, self.uploads, self.clock):
            self.addPermanentWidget(label)
        self._tick = QTimer(self)
        self._tick.timeout.connect(self._show_time)
        self._tick.start(1000)
        self.retranslate()

    def retranslate(self) -> None:
        self.desk.setText(self.tr("Desk: {0}").format(self.desk_name))
        self.store.setText(self.tr("Database: {0}").format(self.database))
        self.store.setToolTip(self.database)
        self.desk.setToolTip(self.desk.text())
        self._show_connection()
        self._show_owner()
        self._show_uploads()
        self._show_time()

    def set_sync_owner(self, mine: bool, state: OwnerState) -> None:
        """Which desk syncs for the venue (``mine``: this one), when it last synced, its last error."""
        self.owner = (mine, state)
        self._show_owner()

    def set_connection_state(self, online: bool | None, text: str) -> None:
        self.online, self.connection_text = online, text
        self._show_connection()

    def set_queued_uploads(self, count: int) -> None:
        self.queued = count
        self._show_uploads()

    def set_timezone(self, timezone: str) -> None:
        self.timezone = timezone
        self._show_time()

    def _show_connection(self) -> None:
        # A symbol as well as the words: the state is never told by colour alone.
        symbol = {True: "● ", False: "○ ", None: ""}[self.online]
        text = self.connection_text or self.tr("No server")
        if self.online is False:
            text = self.tr("Offline: {0}").format(text)
        self.connection.setText(symbol + text)
        self.connection.setAccessibleName(self.tr("Connection: {0}").format(text))

    def _show_owner(self) -> None:
        if self.owner is None:
            return
        mine, state = self.owner
        if mine:
            text = self.tr("Sync: this desk")
        elif state.held:
            who = state.name or self.tr("another desk")
            who = f"{who} ({state.host})" if state.host else who
            text = self.tr("Sync: {0}").format(who if len(who) <= OWNER_CHARS else who[:OWNER_CHARS - 1] + "…")
            if state.last_error:
                text += " · " + self.tr("failed {0}").format(self._local(state.last_error_at))
            elif state.last_pull_at is not None:
                text += " · " + self._local(state.last_pull_at)
        else:
            text = self.tr("Sync: nobody")
        self.sync_owner.setText(text)
        named = [f"{state.name} ({state.host})"] if state.held and not mine and state.name else []
        details = named + [self.tr("Syncs with pretix for every desk on this database.") if state.held or mine else
                   self.tr("No desk syncs with pretix now; a desk with the pretix token takes over within seconds.")]
        if state.last_pull_at is not None:
            details.append(self.tr("Last successful sync: {0}").format(self._local(state.last_pull_at)))
        if state.last_error:
            details.append(self.tr("Last error ({0}): {1}").format(self._local(state.last_error_at), state.last_error))
        self.sync_owner.setToolTip("\n".join(details))
        self.sync_owner.setAccessibleName(text)
        self.sync_owner.show()

    def _local(self, moment: datetime | None) -> str:
        if moment is None:
            return "–"
        return moment.astimezone(self._zone()).strftime("%H:%M:%S")

    def _zone(self) -> ZoneInfo | None:
        try:
            return ZoneInfo(self.timezone) if self.timezone else None
        except (ZoneInfoNotFoundError, ValueError):
            return None

    def _show_uploads(self) -> None:
        self.uploads.setText(self.tr("Queued uploads: {0}").format(self.queued))

    def _show_time(self) -> None:
        zone = self._zone()
        self.clock.setText(datetime.now(zone).strftime("%H:%M:%S") if zone else datetime.now().strftime("%H:%M:%S"))
