"""Backups while the desk runs: one at start, then every few minutes (settings
``backup_interval_min``, ``backups_kept``), on the task manager's pool so no scan waits."""
from __future__ import annotations

import logging
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from sqlalchemy.engine import make_url

from checkin.settings import Settings
from checkin.store.backup import take_backup
from checkin.ui.operations import Op
from checkin.ui.taskman import Lane, tasks_of

log = logging.getLogger(__name__)


class BackupScheduler(QObject):
    taken = Signal(object)  # the Path of the new backup
    failed = Signal(str)

    def __init__(self, database_url: str, settings: Settings, parent: QObject | None = None,
                 folder: Path | None = None):
        super().__init__(parent)
        self.database_url, self.settings, self.folder = database_url, settings, folder
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.backup_now)

    @property
    def applies(self) -> bool:
        """Only SQLite files are copied here; a PostgreSQL server has its own backups."""
        parsed = make_url(self.database_url)
        return parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:")

    def start(self) -> bool:
        if not self.applies:
            return False
        self.apply_settings()
        self.backup_now()
        return True

    def apply_settings(self) -> None:
        if self.applies:
            self.timer.start(self.settings.get("backup_interval_min") * 60_000)

    def backup_now(self) -> None:
        take = partial(take_backup, self.database_url, self.folder, self.settings.get("backups_kept"))
        Op(self, lambda _job: take(), lane=Lane.POOL).success(self._taken).failure(self._failed).run(tasks_of(self))

    def stop(self) -> None:
        """No new backups; one in flight finishes with the app's task manager."""
        self.timer.stop()

    def _taken(self, path: Path) -> None:
        log.info("backup written: %s", path.name)
        self.taken.emit(path)

    def _failed(self, error: BaseException) -> None:
        log.error("backup failed: %s", error)
        self.failed.emit(str(error))
