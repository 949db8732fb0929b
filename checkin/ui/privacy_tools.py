"""Tools menu: the GDPR purge of the desk's event, and the start-up reminder of overdue retention dates."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from checkin.reports.attendance_report import purge_aggregates
from checkin.settings import Settings
from checkin.store.database import Database
from checkin.store.desk_setup import DeskSetup
from checkin.store.models import utcnow
from checkin.store.purge import purge_event, retention_overdue, write_receipt
from checkin.ui.tool_host import DeskHandle, ShownDialogs, menu_action


class PersonalDataTools(QObject):
    def __init__(self, database: Database, settings: Settings, shown: ShownDialogs, parent: QObject,
                 clock: Callable[[], datetime] = utcnow):
        super().__init__(parent)
        self.database, self.settings, self.shown, self.clock = database, settings, shown, clock
        self.desk: DeskHandle | None = None
        self._reminded = False
        self.action = menu_action(self, lambda: self.tr("&Remove personal data of this event (GDPR)…"),
                                  self.confirm_purge)

    def confirm_purge(self) -> None:
        setup = self.desk.controller.setup
        if setup is None:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Remove personal data"),
                          self.tr("Remove all personal data of “{0}” from this database? Counts are kept for "
                                  "reports; names, e-mail addresses and codes are gone for good.")
                          .format(setup.event_name),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self.desk.parent)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(lambda _r: self._purge(setup.event_slug)
                             if box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes else None)
        self.shown.show(box, modal=True)

    def _purge(self, event_slug: str) -> None:
        def purge() -> tuple[str, bool]:
            receipt = purge_event(self.database, event_slug, self.settings.desk_identity(),
                                  keep_aggregates=purge_aggregates)
            return str(write_receipt(receipt, None)), receipt.compacted

        self.desk.controller.run(purge, self._purged)

    def _purged(self, outcome: tuple[str, bool]) -> None:
        receipt_path, compacted = outcome
        if compacted:
            self.shown.inform(self.desk.parent, self.tr("Personal data removed"),
                              self.tr("The personal data of this event was removed. Deletion receipt: {0}")
                              .format(receipt_path))
        else:
            self._not_compacted(receipt_path)
        self.desk.controller.load()

    def _not_compacted(self, receipt_path: str) -> None:
        """Like the CLI's NOT DONE: the names are still in the file while another desk reads it."""
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Personal data NOT fully removed"),
                          self.tr("NOT DONE: the names are deleted from the tables but still in the database "
                                  "file, because another desk is reading it."), QMessageBox.StandardButton.Ok,
                          self.desk.parent)
        box.setInformativeText(self.tr("Close the other desks; the next start of Check-in Desk then removes "
                                       "them from the file. Deletion receipt: {0}").format(receipt_path))
        self.shown.show(box, modal=True)

    def remind_once(self, _setup: DeskSetup | None) -> None:
        """When the desk is first ready: name the events whose retention date has passed."""
        if not self._reminded:
            self._reminded = True
            self.desk.controller.run(self._overdue, self._remind)

    def _overdue(self) -> list[tuple[str, str]]:
        now = self.clock()
        with self.database.reader() as session:
            return [(event.name, event.retention_until.isoformat()) for event in retention_overdue(session, now)]

    def _remind(self, overdue: list[tuple[str, str]]) -> None:
        if overdue:
            events = "\n".join(f"• {name} ({until})" for name, until in overdue)
            self.shown.inform(self.desk.parent, self.tr("Retention period over"),
                              self.tr("Personal data of these events is kept past its retention date:\n{0}\n\n"
                                      "Remove it with Tools → Remove personal data.").format(events))
