"""The organiser's actions in the Tools menu, which are not front-desk work: connecting a pretix
server, badge layout and printer, importing a guest file, and the GDPR purge with its start-up reminder.

The window does not know these exist; the composition root hands their actions in. Every
database job runs on the window's lane and answers by callback on the UI thread.
"""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from checkin.settings import Settings
from checkin.store.database import Database
from checkin.store.models import utcnow


class OrganiserTools(QObject):
    def __init__(self, database: Database, settings: Settings, badge_printer, parent: QObject,  # noqa: ANN001
                 clock=utcnow, pretix=None):  # noqa: ANN001 - pretix: the window's PretixSync
        super().__init__(parent)
        self.database, self.settings, self.badge_printer, self.clock = database, settings, badge_printer, clock
        self.pretix = pretix
        self.window = None
        self._open: list[QWidget] = []  # editors and dialogs kept alive while shown
        self.connect_server = self._action(self.tr("&Connect to a pretix server…"), self.connect_to_server)
        self.badge_layout = self._action(self.tr("Badge &layout…"), self.edit_badge_layout)
        self.badge_printer_action = self._action(self.tr("Choose the badge &printer…"), self.choose_printer)
        self.import_guests = self._action(self.tr("&Import guests from a file…"), self.choose_import_file)
        self.reconcile = self._action(self.tr("&Reconcile with pretix…"), self.reconcile_with_pretix)
        self.purge = self._action(self.tr("&Remove personal data of this event (GDPR)…"), self.confirm_purge)

    def actions(self) -> list[QAction]:
        server = [self.connect_server] if self.pretix is not None else []
        return [*server, self.import_guests, self.badge_layout, self.badge_printer_action, self.reconcile, self.purge]

    def first_run_handlers(self) -> dict:
        return {"import": self.choose_import_file, "server": self.connect_to_server if self.pretix else None}

    def attach(self, window) -> None:  # noqa: ANN001 - MainWindow
        """Act on the event the window has open; remind of an overdue retention date once it is ready."""
        self.window = window
        window.ready.connect(self._check_retention_once)

    # -- badges ---------------------------------------------------------------------------
    def edit_badge_layout(self) -> None:
        from checkin.ui.badge_editor import BadgeEditor

        setup = self.window.controller.setup
        self._show(BadgeEditor(self.settings, self.database, setup.event_id if setup else None))

    def choose_printer(self) -> None:
        self.badge_printer.choose_printer(self.window)

    # -- import ---------------------------------------------------------------------------
    def choose_import_file(self) -> None:
        dialog = QFileDialog(self.window, self.tr("Import guests"))
        dialog.setNameFilter(self.tr("Guest lists (*.csv *.txt *.tsv *.xlsx)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.import_file)
        self._show(dialog, modal=True)

    def import_file(self, path: str) -> None:
        from checkin.ui.import_dialog import ImportDialog

        setup = self.window.controller.setup
        dialog = ImportDialog(self.database, path, setup.event_name if setup else "", self.window)
        dialog.imported.connect(lambda _summary: self.window.controller.load())
        self._show(dialog, modal=True)

    # -- pretix ----------------------------------------------------------------------------
    def connect_to_server(self) -> None:
        """The connect dialog; while it is open, a scanned setup code goes to it, not to the desk."""
        from checkin.ui.connect_dialog import ConnectDialog

        dialog = ConnectDialog(self.database, self.pretix.tokens, self.window)
        dialog.connected.connect(self._connected)
        dialog.stopped.connect(self._connect_stopped)
        self.window.scan_taker = dialog.take_scan
        dialog.finished.connect(lambda _result: self._after_connect_dialog(dialog))
        self._show(dialog, modal=True)

    def _after_connect_dialog(self, dialog) -> None:  # noqa: ANN001
        if self.window.scan_taker == dialog.take_scan:
            self.window.scan_taker = None
        if self.window.controller.setup is None and not dialog.download_started:
            self.window.dialogs.first_run()  # cancelled on a desk without an event: the three choices again

    def _connected(self, result, summary) -> None:  # noqa: ANN001 - ConnectResult, SyncSummary
        self.settings.set("event_slug", result.event_slug)
        self.settings.set("check_in_list_id", result.list_id)
        self.settings.save()
        self.window.controller.load(result.event_slug, result.list_id)
        self.pretix.start_if_connected()
        self.window.status.showMessage(self.tr("Connected to “%1”: %2 registrations downloaded.")
                                       .replace("%1", result.event_name).replace("%2", str(summary.pulled)), 15_000)

    def _connect_stopped(self) -> None:
        self.window.status.showMessage(self.tr("Connecting to pretix was stopped. What was downloaded is kept; "
                                               "a connected event goes on syncing in the background."), 15_000)
        self.pretix.start_if_connected()

    def reconcile_with_pretix(self, tokens=None) -> None:  # noqa: ANN001 - a TokenStore (tests pass theirs)
        from checkin.sync.pretix.credentials import TokenStore
        from checkin.sync.pretix.reconcile_event import reconcile_event
        from checkin.ui.reconcile_dialog import ReconcileDialog

        setup = self.window.controller.setup
        if setup is None:
            return
        tokens = tokens or TokenStore()
        self._show(ReconcileDialog(lambda: reconcile_event(self.database, tokens, setup.event_id, setup.list_id),
                                   self.window))

    # -- GDPR -----------------------------------------------------------------------------
    def confirm_purge(self) -> None:
        setup = self.window.controller.setup
        if setup is None:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Remove personal data"),
                          self.tr("Remove all personal data of “%1” from this database? Counts are kept for "
                                  "reports; names, e-mail addresses and codes are gone for good.")
                          .replace("%1", setup.event_name),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self.window)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(lambda _r: self._purge(setup.event_slug)
                             if box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes else None)
        self._show(box, modal=True)

    def _purge(self, event_slug: str) -> None:
        from checkin.commands.privacy import write_receipt
        from checkin.store.purge import purge_event

        def purge() -> str:
            receipt = purge_event(self.database, event_slug, self.settings.desk_identity(), keep_aggregates=True)
            return str(write_receipt(receipt, None))

        self.window.controller.run(purge, self._purged)

    def _purged(self, receipt_path: str) -> None:
        self._inform(self.tr("Personal data removed"),
                     self.tr("The personal data of this event was removed. Deletion receipt: %1")
                     .replace("%1", receipt_path))
        self.window.controller.load()

    def _check_retention_once(self, _setup) -> None:  # noqa: ANN001
        self.window.ready.disconnect(self._check_retention_once)
        self.window.controller.run(self._overdue, self._remind)

    def _overdue(self) -> list[tuple[str, str]]:
        from checkin.store.purge import retention_overdue

        now: datetime = self.clock()
        with self.database.reader() as session:
            return [(event.name, event.retention_until.isoformat()) for event in retention_overdue(session, now)]

    def _remind(self, overdue: list[tuple[str, str]]) -> None:
        if overdue:
            events = "\n".join(f"• {name} ({until})" for name, until in overdue)
            self._inform(self.tr("Retention period over"),
                         self.tr("Personal data of these events is kept past its retention date:\n%1\n\n"
                                 "Remove it with Tools → Remove personal data.").replace("%1", events))

    # -- helpers --------------------------------------------------------------------------
    def _inform(self, title: str, text: str) -> None:
        self._show(QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok,
                               self.window), modal=True)

    def _show(self, widget: QWidget, modal: bool = False) -> None:
        """Dialogs open with open(), never exec(): scans arriving meanwhile are still answered."""
        self._open = [w for w in self._open if w.isVisible()] + [widget]
        widget.open() if modal else widget.show()

    def _action(self, text: str, slot) -> QAction:  # noqa: ANN001
        action = QAction(text, self)
        action.triggered.connect(lambda _checked=False: slot())
        return action
