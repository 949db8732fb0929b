"""After the event: the pretix reconciliation in the app. Syncs and compares off the UI thread,
then lists each finding under its section; the report can be saved as PDF or CSV."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QLabel, QPushButton, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from checkin.reports.reconcile_report import SECTION_TITLES, write_report
from checkin.sync.pretix.reconcile import Reconciliation
from checkin.ui.changes import Changes
from checkin.ui.operations import Op
from checkin.ui.taskman import Lane, TaskManager, tasks_of

#: Reconciling uploads what waits and pulls the server's state first.
RECONCILED = Changes(check_ins=True, registrations=True, sync_state=True)


class ReconcileDialog(QDialog):
    finished_reconciling = Signal(object)

    def __init__(self, work: Callable[[], Reconciliation], parent: QWidget | None = None,
                 tasks: TaskManager | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reconcile with pretix"))
        self.report: Reconciliation | None = None
        self.status = QLabel(self.tr("Uploading, downloading and comparing with the server…"))
        self.status.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Finding"), self.tr("Order or code"), self.tr("Detail")])
        self.tree.setAccessibleName(self.tr("Reconciliation findings"))
        self.save = QPushButton(self.tr("&Save report…"))
        self.save.setEnabled(False)
        self.save.clicked.connect(self.choose_report_file)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.save, QDialogButtonBox.ButtonRole.ActionRole)
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
        self.status.setText(self.tr("Reconciliation failed: {0}").format(str(error)))
        self.finished_reconciling.emit(error)

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
