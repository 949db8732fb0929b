"""Import a guest list in steps: columns (guessed or remembered, with a preview), ticket types and
statuses (the file's spellings and status words onto the event's), warnings before writing, then
the summary, which stays until closed. Reading, checking and writing run off the UI thread with
progress and Cancel. All or nothing: problems are listed, a cancelled import writes nothing."""
from __future__ import annotations

import threading
from functools import partial
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox, QDialog, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
    QStackedWidget, QTableView, QVBoxLayout, QWidget,
)

from checkin.store.database import Database
from checkin.sync.files.errors import FileImportError
from checkin.sync.files.importer import ImportRequest, ImportSummary, import_table
from checkin.sync.files.mapping import CONTEXT as FIELDS_CONTEXT
from checkin.sync.files.mapping import FIELDS, HEADER_HINTS, ColumnMapping, check_mapping, mapping_for
from checkin.sync.files.preflight import Preflight, preflight
from checkin.sync.files.suspicious import repaired
from checkin.sync.files.table import Table, column_letter, read_table
from checkin.ui.changes import NOTHING, Changes
from checkin.ui.import_pages import SummaryPage, TypesPage, WarningsPage
from checkin.ui.import_preview_model import ImportPreviewModel
from checkin.ui.operations import Cancel, Job, Op
from checkin.ui.taskman import Lane, TaskManager, tasks_of

NOT_IMPORTED = -1
#: An import adds guests and may create the event.
IMPORTED = Changes(registrations=True, event_setup=True)

translate = QCoreApplication.translate


class CancelUntilWritten(Cancel):
    """Cancel stops an import until its last part is staged; then publishing is under way and a
    late Cancel is ignored, so "cancelled" always means that nothing was kept."""

    def __init__(self):
        super().__init__()
        self._lock = threading.Lock()
        self._closed = False

    def cancel(self) -> None:
        with self._lock:
            if not self._closed:
                self.set()

    def close(self) -> None:
        with self._lock:
            self._closed = True


class ImportDialog(QDialog):
    loaded = Signal()
    checked = Signal()  # the ticket types and warnings are on their pages
    failed = Signal(str)
    imported = Signal(object)  # ImportSummary
    cancelled = Signal()

    def __init__(self, database: Database, path: Path, event_name: str = "", parent: QWidget | None = None,
                 tasks: TaskManager | None = None):
        super().__init__(parent)
        self.database, self.path = database, Path(path)
        self.tasks = tasks or tasks_of(parent)
        self.table: Table | None = None
        self.preflight: Preflight | None = None
        self.writing: Op | None = None
        self.setWindowTitle(self.tr("Import guests from {0}").format(self.path.name))
        self.status = QLabel(self.tr("Reading {0} …").format(self.path.name))
        self.status.setWordWrap(True)
        self.event_name = QLineEdit(event_name or self.path.stem.replace("_", " "))
        self.combos = {field.key: QComboBox() for field in FIELDS}
        self.preview = ImportPreviewModel(self)
        self.pages = QStackedWidget()
        self.types, self.warnings, self.summary = TypesPage(), WarningsPage(), SummaryPage()
        self.back_button, self.next_button = QPushButton(self.tr("Back")), QPushButton(self.tr("Next"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.next_button.setEnabled(False)
        self._lay_out()
        self._show_page(self.pages.widget(0))
        self._start(Lane.POOL, self._read, self._on_read)

    def _lay_out(self) -> None:
        self.pages.addWidget(self._columns_page())
        for page in (self.types, self.warnings, self.summary):
            self.pages.addWidget(page)
        self.warnings.repair_requested.connect(self._repair)
        self.types.statuses_changed.connect(self._statuses_changed)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.cancel_button):
            buttons.addWidget(button)
        self.back_button.clicked.connect(self._back)
        self.next_button.clicked.connect(self._next)
        self.cancel_button.clicked.connect(self._cancel)
        self.next_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self.resize(1040, 600)

    def _columns_page(self) -> QWidget:
        form = QFormLayout()
        form.addRow(self.tr("Event"), self.event_name)
        for field in FIELDS:
            form.addRow(translate(FIELDS_CONTEXT, field.label), self.combos[field.key])
            self.combos[field.key].currentIndexChanged.connect(self._mapping_changed)
        view = QTableView()
        view.setModel(self.preview)
        # Headers are never clipped: each column is as wide as its header or its widest value.
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.preview_view = view
        page = QWidget()
        columns = QHBoxLayout(page)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.addLayout(form, 1)
        columns.addWidget(view, 2)
        return page

    def _start(self, lane: Lane, work: Callable[[Job], object], on_done: Callable[[object], None],
               changes: Changes = NOTHING) -> Op:
        return Op(self, work, lane=lane, changes=changes).success(on_done).failure(self._on_error).run(self.tasks)

    def _read(self, _job: Job) -> tuple[Table, ColumnMapping]:  # on a pool thread: its own session
        table = read_table(self.path, HEADER_HINTS)
        with self.database.reader() as session:
            return table, mapping_for(session, table.name, table.headers)

    def _on_read(self, result: tuple[Table, ColumnMapping]) -> None:
        self.table, mapping = result
        for key, combo in self.combos.items():
            combo.blockSignals(True)
            combo.addItem(self.tr("— not imported —"), NOT_IMPORTED)
            for index, header in enumerate(self.table.headers):
                combo.addItem(f"{column_letter(index)}: {header}", index)
            combo.setCurrentIndex(combo.findData(mapping.get(key, NOT_IMPORTED)))
            combo.blockSignals(False)
        self._mapping_changed()
        self.loaded.emit()

    def mapping(self) -> ColumnMapping:
        return {key: combo.currentData() for key, combo in self.combos.items()
                if combo.currentData() not in (None, NOT_IMPORTED)}

    def _mapping_changed(self) -> None:
        if self.table is None:
            return
        mapping = self.mapping()
        self.preview.set_table(self.table, mapping)
        reason = check_mapping(mapping)
        self.next_button.setEnabled(reason is None)
        self.status.setText(self.tr("Step 1 of 3: which column holds what?") + "\n" + self._mapping_status(reason))

    def _mapping_status(self, reason: str | None) -> str:
        if reason is not None:
            return self.tr("Choose a column: {0}").format(translate(FIELDS_CONTEXT, reason))
        return self.tr("{0} guests · {1} · header in line {2} · the preview shows the first rows as they will be "
                       "imported.").format(len(self.table.rows), self.table.encoding.upper(), self.table.header_line)

    # --- steps -------------------------------------------------------------------------------

    def _next(self) -> None:
        page = self.pages.currentWidget()
        if page is self.summary:
            self.accept()
        elif page is self.warnings and self.types.unchosen_statuses():  # after a repair: words to map
            self._show_page(self.types)
        elif page is self.warnings:
            self._import()
        elif page is self.types:
            self._show_page(self.warnings)
        else:
            self._check()

    def _back(self) -> None:
        if self.pages.currentWidget() is self.warnings and self._has_mapping_step():
            self._show_page(self.types)
        else:
            self._show_page(self.pages.widget(0))
            self._mapping_changed()

    def _cancel(self) -> None:
        if self.writing is not None:
            self.writing.cancel()
            self.status.setText(self.tr("Cancelling … nothing is kept."))
        else:
            self.reject()

    def _show_page(self, page: QWidget) -> None:
        self.pages.setCurrentWidget(page)
        first, last = page is self.pages.widget(0), page is self.summary
        self.back_button.setVisible(not first and not last)
        self.cancel_button.setVisible(not last)
        self.next_button.setText(self._next_text(page))
        self.status.setText({
            self.types: self._mapping_step_text(),
            self.warnings: self.tr("Step 3 of 3: check before anything is written."),
            self.summary: self.tr("Done: the guests are in the event. Close when you have read the summary."),
        }.get(page, self.status.text()))
        if page is self.types:
            self.next_button.setEnabled(not self.types.unchosen_statuses())

    def _has_mapping_step(self) -> bool:
        return self.preflight is not None and bool(self.preflight.spellings or self.preflight.statuses)

    def _mapping_step_text(self) -> str:
        text = self.tr("Step 2 of 3: which of the event's ticket types and statuses is each value in the file?")
        unchosen = self.types.unchosen_statuses()
        if unchosen:
            text += "\n" + self.tr("Choose a status for: {0}").format(", ".join(unchosen))
        return text

    def _statuses_changed(self) -> None:
        if self.pages.currentWidget() is self.types:
            self.next_button.setEnabled(not self.types.unchosen_statuses())
            self.status.setText(self._mapping_step_text())

    def _next_text(self, page: QWidget) -> str:
        if page is self.summary:
            return self.tr("Close")
        if page is self.warnings and self.table is not None:
            return self.tr("Import {0} guests").format(f"{len(self.table.rows):,}")
        return self.tr("Next")

    def _check(self) -> None:
        table, mapping, event_name = self.table, self.mapping(), self._event_name()
        self.next_button.setEnabled(False)
        self.status.setText(self.tr("Checking the file …"))

        def work(_job: Job) -> Preflight:
            with self.database.reader() as session:
                return preflight(session, table, mapping, event_name)
        self._start(Lane.POOL, work, self._on_checked)

    def _on_checked(self, result: Preflight) -> None:
        self.preflight = result
        self.types.show_preflight(result)
        self.warnings.show_suspicions(result.suspicions, len(self.table.rows))
        self.next_button.setEnabled(True)
        if self.pages.currentWidget() is not self.warnings:  # a repair stays where it was asked for
            self._show_page(self.types if self._has_mapping_step() else self.warnings)
        self.checked.emit()

    def _repair(self) -> None:
        self.table = repaired(self.table)
        self.preview.set_table(self.table, self.mapping())
        self._check()

    def _event_name(self) -> str:
        return self.event_name.text().strip() or self.path.stem

    def _import(self) -> None:
        request = ImportRequest(self.table, self._event_name(), self.mapping(), ticket_types=self.types.choices(),
                                statuses=self.types.statuses())

        token = CancelUntilWritten()

        def on_part(job: Job, done: int, total: int) -> None:
            job.check()
            if done == total:  # all parts are staged: publishing follows and Cancel no longer applies
                token.close()
                job.check()
            job.progress(done, total)

        tasks = self.tasks

        def work(job: Job) -> ImportSummary:
            request.on_part = lambda done, total: on_part(job, done, total)
            request.submit = partial(tasks.submit, Lane.WRITER)
            return import_table(self.database, request)
        for button in (self.back_button, self.next_button, self.warnings.repair):
            button.setEnabled(False)
        self.status.setText(self.tr("Importing … the desk keeps scanning meanwhile."))
        self.warnings.progress.setRange(0, 0)
        self.warnings.progress.show()
        # Checked on the pool, written on the writer lane one short transaction at a time: a
        # scan meanwhile waits for one of them, not for the whole import.
        self.writing = Op(self, work, lane=Lane.POOL, changes=IMPORTED, token=token).success(self._on_imported)
        self.writing.failure(self._on_error).progress(self._on_progress).cancelled(self._on_cancelled).run(self.tasks)

    def _on_progress(self, done: int, total: int) -> None:
        self.warnings.progress.setRange(0, total)
        self.warnings.progress.setValue(done)

    def _on_imported(self, summary: ImportSummary) -> None:
        self.writing = None
        warnings = sum(s.count for s in self.preflight.suspicions) if self.preflight else 0
        self.summary.show_summary(summary, warnings, self._event_name(),
                                  self.preflight.statuses if self.preflight else None)
        self.next_button.setEnabled(True)
        self._show_page(self.summary)
        self.imported.emit(summary)

    def _on_cancelled(self) -> None:
        self._writing_ended()
        self.status.setText(self.tr("Import cancelled: nothing was written."))
        self.cancelled.emit()

    def _writing_ended(self) -> None:
        self.writing = None
        self.warnings.progress.hide()
        for button in (self.back_button, self.next_button, self.warnings.repair):
            button.setEnabled(True)

    def _on_error(self, error: BaseException) -> None:
        if isinstance(error, FileImportError):
            self._on_failed("\n".join(str(problem) for problem in error.problems[:10]))
        else:  # a bug or the database: still said, never lost in the pool
            self._on_failed(f"{type(error).__name__}: {error}")

    def _on_failed(self, message: str) -> None:
        self._writing_ended()
        self.status.setText(self.tr("Nothing was imported:") + "\n" + message)
        self.next_button.setEnabled(self.table is not None and check_mapping(self.mapping()) is None)
        self.failed.emit(message)
