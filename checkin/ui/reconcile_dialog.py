"""After the event: the pretix reconciliation in the app. Syncs and compares off the UI thread,
then lists each finding under its section; the report can be saved as PDF or CSV. An event
with no pretix connection gets an explanation and, where the app can connect, the way there."""
from __future__ import annotations

from collections.abc import Callable
from functools import partial
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QLabel, QPushButton, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from checkin.reports.reconcile_report import SECTION_TITLES, write_report
from checkin.sync.pretix.reconcile import Reconciliation
from checkin.sync.pretix.reconcile_event import NotConnectedError
from checkin.ui.changes import Changes
from checkin.ui.operations import Op
from checkin.ui.taskman import Lane, TaskManager, tasks_of

escape_text = partial(escape, quote=False)  # rich text: only < > & matter
#: Reconciling uploads what waits and pulls the server's state first.
RECONCILED = Changes(check_ins=True, registrations=True, sync_state=True)


class ReconcileDialog(QDialog):
    finished_reconciling = Signal(object)
    #: The organiser chose to connect this event to pretix (the dialog closes; the tool opens the connect dialog).
    connect_requested = Signal()

    def __init__(self, work: Callable[[], Reconciliation], parent: QWidget | None = None,
                 tasks: TaskManager | None = None, can_connect: bool = False):
        super().__init__(parent)
        self.can_connect = can_connect
        self.setWindowTitle(self.tr("Reconcile with pretix"))
        self.report: Reconciliation | None = None
        self.status = QLabel(self.tr("Uploading, downloading and comparing with the server…"))
        self.status.setWordWrap(True)
        self.status.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Finding"), self.tr("Order or code"), self.tr("Detail")])
        self.tree.setAccessibleName(self.tr("Reconciliation findings"))
        self.save = QPushButton(self.tr("&Save report…"))
        self.save.setEnabled(False)
        self.save.clicked.connect(self.choose_report_file)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.save, QDialogButtonBox.ButtonRole.ActionRole)
        self.connect_button = buttons.addButton(self.tr("&Connect to pretix…"),
                                                QDialogButtonBox.ButtonRole.ActionRole)
        self.connect_button.hide()
        self.connect_button.clicked.connect(self._connect)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.status, self.tree, buttons):
            layout.addWidget(widget)
        self.resize(760, 520)
        self.tasks = tasks or tasks_of(parent)
        Op(self, lambda _job: work(), lane=Lane.POOL, changes=RECONCILED).success(self._show).failure(
            self._failed).run(self.tasks)

    def _show(self, report: Reconciliation) -> None:
        self.report = report
        self._fill(report)
        self.save.setEnabled(True)
        self.finished_reconciling.emit(report)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, NotConnectedError):
            self._explain_not_connected()
        else:
            self.status.setText(self.tr("Reconciliation failed: {0}").format(str(error)))
        self.finished_reconciling.emit(error)

    def _explain_not_connected(self) -> None:
        """No server to compare with: say what reconciling needs and how to get there, not an empty table."""
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.status.setText(self._not_connected_text())
        self.tree.hide()
        self.save.hide()
        self.connect_button.setVisible(self.can_connect)
        if self.can_connect:
            self.connect_button.setDefault(True)
            self.connect_button.setFocus()
        self.resize(620, 320)

    def _not_connected_text(self) -> str:
        steps = (self.tr("To connect it: in pretix, open your organiser account → Devices → “Connect a device”, "
                         "then click “Connect to pretix…” below and scan or paste the setup code pretix shows. "
                         "Reconcile again once the desk has downloaded the event.") if self.can_connect else
                 self.tr("Connect this desk to the event's pretix server first (in pretix: your organiser "
                         "account → Devices → “Connect a device”), then reconcile again."))
        return "<h3>%s</h3><p>%s</p><p>%s</p>" % (
            escape_text(self.tr("This event is not connected to pretix")),
            escape_text(self.tr("Reconciling compares the check-ins of every desk with the pretix server after the event: "
                           "what was uploaded, what still waits, and who is checked in on one side only. An event "
                           "imported from a guest file has no server to compare with.")), escape_text(steps))

    def _connect(self) -> None:
        self.connect_requested.emit()
        self.accept()

    def _fill(self, report: Reconciliation) -> None:
        self.status.setText(self.tr("{0} — {1}: {2} uploaded and accepted, {3} waiting for upload, "
                                    "{4} entries on pretix.").format(
            report.event, report.check_in_list, report.uploaded, report.pending_upload, report.server_check_ins))
        self.tree.clear()
        for section, title in SECTION_TITLES.items():
            findings = getattr(report, section)
            top = QTreeWidgetItem([f"{title}: {len(findings)}"])
            for finding in findings:
                top.addChild(QTreeWidgetItem([finding.name or "—", finding.order or finding.code[:24], finding.detail]))
            self.tree.addTopLevelItem(top)
            top.setExpanded(bool(findings) and section != "no_shows")

    def choose_report_file(self) -> None:
        dialog = QFileDialog(self, self.tr("Save the reconciliation report"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([self.tr("PDF report (*.pdf)"), self.tr("CSV table (*.csv)")])
        dialog.fileSelected.connect(self.write_report)
        dialog.open()

    def write_report(self, path: str) -> None:
        target = Path(path)
        if target.suffix.lower() not in (".pdf", ".csv"):
            target = target.with_suffix(".pdf")
        write_report(self.report, target)
        self.status.setText(self.tr("Report written to {0}").format(str(target)))
