"""The badge batch window (Tools menu): choose the guests, stock and layout, see the first sheet,
save the batch as a PDF or print it, and mark it printed.

Everything slow runs as an :class:`Op` on the pool lane, and the rendering itself (the first
sheet too) in a child process (checkin.badges.batch_process), so the desk's UI thread never
competes with it for the interpreter lock. Not the reader lane (the desk's search
would wait for a sheet to render) nor the printer lane (a guest's badge printed on check-in would
wait for the whole batch). So the desk keeps scanning and printing meanwhile. Cancel stops a
batch between badges: no file is left, nothing is marked printed. Errors are dialogs.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QFileDialog, QFormLayout, QHBoxLayout, QLabel,
                               QMessageBox, QProgressBar, QPushButton, QVBoxLayout, QWidget)

from checkin.badges.batch import BatchChoice
from checkin.badges.stock import CONTEXT as STOCK_CONTEXT
from checkin.badges.stock import STOCKS
from checkin.settings import Settings
from checkin.store.database import Database
from checkin.ui.badge_batch_jobs import BatchDone, BatchJobs, BatchOptions, BatchPreview
from checkin.ui.badge_printing import BadgePrinterBackend
from checkin.ui.changes import REGISTRATIONS
from checkin.ui.operations import Job, Op
from checkin.ui.taskman import Lane, tasks_of

#: Wait this long after the last change of a choice before counting and previewing it again.
PREVIEW_DELAY_MS = 300


class BadgeBatchWindow(QDialog):
    """``printer`` gives the desk's badge printer (or None) when "Print" is pressed."""

    def __init__(self, database: Database, settings: Settings, event_id: int,
                 printer: Callable[[], BadgePrinterBackend | None], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print badges"))
        self.jobs, self.settings, self.printer = BatchJobs(database, settings, event_id), settings, printer
        self.tasks = tasks_of(parent)
        self.running: Op | None = None
        self.preview_op: Op | None = None
        self.badges = 0
        self._build()
        self._debounce = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS, timeout=self.refresh)
        Op(self, self.jobs.options, lane=Lane.READER).success(self._offer).failure(self._show_error).run(self.tasks)
        Op(self, self.jobs.warm_up, lane=Lane.POOL).failure(self._show_error).run(self.tasks)

    # --- building -------------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QHBoxLayout(self)
        layout.addLayout(self._choices(), 0)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.view.setMinimumSize(420, 420)
        layout.addWidget(self.view, 1)
        self._buffer = QBuffer(self)

    def _choices(self) -> QVBoxLayout:
        column, form = QVBoxLayout(), QFormLayout()
        self.ticket_type, self.layout_box, self.stock_box, self.sort = (QComboBox(self) for _ in range(4))
        self.ticket_type.addItem(self.tr("All ticket types"), None)
        self.sort.addItem(self.tr("Surname"), "surname")
        self.sort.addItem(self.tr("Company, then surname"), "company")
        for stock in STOCKS.values():
            self.stock_box.addItem(QCoreApplication.translate(STOCK_CONTEXT, stock.title), stock.name)
        self.stock_box.setCurrentIndex(max(0, self.stock_box.findData(self.settings.get("badge_stock"))))
        self.only_unprinted = QCheckBox(self.tr("Only guests whose badge was not printed"), self)
        self.only_unprinted.setChecked(True)
        self.mark = QCheckBox(self.tr("Mark these badges as printed"), self)
        self.mark.setChecked(True)
        form.addRow(self.tr("Ticket type:"), self.ticket_type)
        form.addRow("", self.only_unprinted)
        form.addRow(self.tr("Sort by:"), self.sort)
        form.addRow(self.tr("Badge stock:"), self.stock_box)
        form.addRow(self.tr("Layout:"), self.layout_box)
        form.addRow("", self.mark)
        column.addLayout(form)
        column.addLayout(self._status_rows())
        column.addStretch(1)
        column.addLayout(self._buttons())
        for box in (self.ticket_type, self.sort, self.stock_box, self.layout_box):
            box.currentIndexChanged.connect(self._choice_changed)
        self.only_unprinted.toggled.connect(self._choice_changed)
        return column

    def _status_rows(self) -> QVBoxLayout:
        rows = QVBoxLayout()
        self.count = QLabel(self.tr("Counting badges…"), self)
        self.count.setWordWrap(True)
        hint = QLabel(self.tr("On the right: the first sheet, as it will print."), self)
        hint.setWordWrap(True)
        rows.addWidget(hint)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.state = QLabel("", self)
        self.state.setWordWrap(True)
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for widget in (self.count, self.progress, self.state):
            rows.addWidget(widget)
        return rows

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save as PDF…"), self)
        self.print_button = QPushButton(self.tr("Print"), self)
        self.cancel_button = QPushButton(self.tr("Cancel batch"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        for button in (self.save_button, self.print_button, self.cancel_button):  # until the batch is counted
            button.setEnabled(False)
        self.save_button.clicked.connect(self.ask_for_file)
        self.print_button.clicked.connect(self.print_batch)
        self.cancel_button.clicked.connect(self.cancel_batch)
        self.close_button.clicked.connect(self.close)
        for button in (self.save_button, self.print_button, self.cancel_button, self.close_button):
            row.addWidget(button)
        return row

    def _offer(self, options: BatchOptions) -> None:
        for name in options.ticket_types:
            self.ticket_type.addItem(name, name)
        self.layout_box.blockSignals(True)
        self.layout_box.addItem(self.tr("Default"), "")
        self.layout_box.setItemData(0, self.tr("pretix's layout for each guest's product when the event has "
                                               "pretix layouts, else the built-in layout that suits the stock"),
                                    Qt.ItemDataRole.ToolTipRole)
        for key in options.layouts:
            self.layout_box.addItem(key, key)
        self.layout_box.setCurrentIndex(max(0, self.layout_box.findData(self.settings.get("badge_layout") or "")))
        self.layout_box.blockSignals(False)
        self.refresh()

    # --- the choice and its preview -------------------------------------------------------------
    def choice(self) -> BatchChoice:
        return BatchChoice(self.stock_box.currentData(), self.layout_box.currentData() or "",
                           self.ticket_type.currentData(), self.only_unprinted.isChecked(), self.sort.currentData())

    def _choice_changed(self) -> None:
        self.count.setText(self.tr("Counting badges…"))
        self._debounce.start()

    def refresh(self) -> None:
        """Count the badges of the current choice and render its first sheet, off the UI thread."""
        if self.preview_op is not None:
            self.preview_op.cancel()
        choice = self.choice()
        self.preview_op = Op(self, lambda job: self.jobs.preview(job, choice), lane=Lane.POOL).success(
            self._previewed).failure(self._preview_failed).run(self.tasks)

    def _previewed(self, preview: BatchPreview) -> None:
        self.badges = preview.badges
        self.count.setText(self.tr("%n badge(s) in this batch.", "", preview.badges) if preview.badges
                           else self.tr("No guest matches this choice: no badges to print."))
        self._show_pdf(preview.pdf)
        self._enable(True)

    def _show_pdf(self, pdf: bytes) -> None:
        self.document.close()
        self._buffer.close()
        self._buffer.setData(QByteArray(pdf))
        if pdf and self._buffer.open(QIODevice.OpenModeFlag.ReadOnly):
            self.document.load(self._buffer)

    def _preview_failed(self, error: BaseException) -> None:
        self.badges = 0
        self.count.setText(self.tr("This choice cannot print: {0}").format(error))
        self._show_pdf(b"")
        self._enable(True)

    # --- the batch ------------------------------------------------------------------------------
    def ask_for_file(self) -> None:
        """Ask for the PDF's name without blocking the desk (open(), not exec())."""
        dialog = QFileDialog(self, self.tr("Save the badges as PDF"), str(Path.home() / "badges.pdf"),
                             self.tr("PDF files (*.pdf)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.fileSelected.connect(lambda name: self.save_batch(Path(name)))
        dialog.open()

    def save_batch(self, path: Path) -> Op:
        choice = self.choice()
        return self._start(lambda job: self.jobs.save(job, choice, path))

    def print_batch(self) -> Op | None:
        backend = self.printer()
        if backend is None:
            self._show_error(self.tr("No badge printer is chosen for this desk: choose one in Tools → "
                                     "Choose the badge printer…, or save the batch as a PDF."))
            return None
        choice = self.choice()
        return self._start(lambda job: self.jobs.print(job, choice, backend))

    def cancel_batch(self) -> None:
        if self.running is not None:
            self.running.cancel()
            self.state.setText(self.tr("Cancelling…"))

    def _start(self, work: Callable[[Job], BatchDone]) -> Op:
        self._enable(False)
        self.progress.setRange(0, max(self.badges, 1))
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.state.setText(self.tr("Rendering the badges…"))
        self.running = Op(self, work, lane=Lane.POOL).success(self._written).failure(self._failed).cancelled(
            self._cancelled).progress(self._progressed)
        return self.running.run(self.tasks)

    def _written(self, done: BatchDone) -> None:
        """Written or printed: now, if asked, log it as printed (a write, so on the writer lane)."""
        if not self.mark.isChecked() or not done.registration_ids:
            self._finished(done)
            return
        self.state.setText(self.tr("Marking the badges as printed…"))
        self.cancel_button.setEnabled(False)  # written or printed: too late to take it back
        self.running = Op(self, lambda job: self.jobs.mark(job, done), lane=Lane.WRITER, changes=REGISTRATIONS
                          ).success(self._finished).failure(lambda error: self._mark_failed(done, error)).run(self.tasks)

    def _mark_failed(self, done: BatchDone, error: BaseException) -> None:
        self._stopped()
        self.state.setText(self.tr("Sent to {0}, but not marked as printed.").format(done.destination))
        self._show_error(self.tr("The badges were sent to {0}, but could not be marked as printed:\n\n{1}")
                         .format(done.destination, error))

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _finished(self, done: BatchDone) -> None:
        self._stopped()
        text = self.tr("%n badge(s) on {0} page(s) sent to {1}.", "", done.badges).format(done.pages, done.destination)
        self.state.setText(text + (" " + self.tr("They are marked as printed.") if done.marked else ""))
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        self._stopped()
        self.state.setText(self.tr("The batch failed; nothing was marked as printed."))
        self._show_error(self.tr("The badges were not printed or saved, and none is marked as printed.\n\n{0}")
                         .format(error))

    def _cancelled(self) -> None:
        self._stopped()
        self.state.setText(self.tr("Cancelled: no file was written and no badge is marked as printed."))

    def _stopped(self) -> None:
        self.running = None
        self.progress.setVisible(False)
        self._enable(True)

    def _enable(self, idle: bool) -> None:
        busy = self.running is not None
        for button in (self.save_button, self.print_button):
            button.setEnabled(idle and not busy and self.badges > 0)
        self.cancel_button.setEnabled(busy)

    def _show_error(self, error: BaseException | str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Badges"), str(error), QMessageBox.StandardButton.Ok, self)
        box.setObjectName("batch-error")
        box.open()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the window cancels a batch that is running (it leaves no file)."""
        if self.running is not None:
            self.running.cancel()
        super().closeEvent(event)
