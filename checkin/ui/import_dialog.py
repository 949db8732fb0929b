"""Import a guest list: the file is read off the UI thread, each field gets a column (guessed
or remembered), a preview shows the first rows as they would be imported, and the import
itself runs off the UI thread too. All or nothing: problems are listed, nothing is written."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QTableView,
    QVBoxLayout, QWidget,
)

from checkin.store.database import Database
from checkin.sync.files.errors import FileImportError
from checkin.sync.files.importer import ImportRequest, ImportSummary, import_table
from checkin.sync.files.mapping import CONTEXT as FIELDS_CONTEXT
from checkin.sync.files.mapping import FIELDS, HEADER_HINTS, ColumnMapping, check_mapping, mapping_for
from checkin.sync.files.table import Table, column_letter, read_table
from checkin.ui.changes import NOTHING, Changes
from checkin.ui.import_preview_model import ImportPreviewModel
from checkin.ui.operations import Job, Op
from checkin.ui.taskman import Lane, TaskManager, tasks_of

NOT_IMPORTED = -1
#: An import adds guests and may create the event.
IMPORTED = Changes(registrations=True, event_setup=True)

translate = QCoreApplication.translate


class ImportDialog(QDialog):
    loaded = Signal()
    failed = Signal(str)
    imported = Signal(object)  # ImportSummary

    def __init__(self, database: Database, path: Path, event_name: str = "", parent: QWidget | None = None,
                 tasks: TaskManager | None = None):
        super().__init__(parent)
        self.database, self.path = database, Path(path)
        self.tasks = tasks or tasks_of(parent)
        self.table: Table | None = None
        self.setWindowTitle(self.tr("Import guests from {0}").format(self.path.name))
        self.status = QLabel(self.tr("Reading {0} …").format(self.path.name))
        self.status.setWordWrap(True)
        self.event_name = QLineEdit(event_name or self.path.stem.replace("_", " "))
        self.combos = {field.key: QComboBox() for field in FIELDS}
        self.preview = ImportPreviewModel(self)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setEnabled(False)
        self._lay_out()
        self._start(Lane.POOL, self._read, self._on_read)

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Event"), self.event_name)
        for field in FIELDS:
            form.addRow(translate(FIELDS_CONTEXT, field.label), self.combos[field.key])
            self.combos[field.key].currentIndexChanged.connect(self._mapping_changed)
        view = QTableView()
        view.setModel(self.preview)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        self.import_button.clicked.connect(self._import)
        columns = QHBoxLayout()
        columns.addLayout(form, 1)
        columns.addWidget(view, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(columns)
        layout.addWidget(buttons)
        self.resize(980, 560)

    def _start(self, lane: Lane, work: Callable[[Job], object], on_done: Callable[[object], None],
               changes: Changes = NOTHING) -> None:
        Op(self, work, lane=lane, changes=changes).success(on_done).failure(self._on_error).run(self.tasks)

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
        self.import_button.setEnabled(reason is None)
        self.status.setText(self._mapping_status(reason))

    def _mapping_status(self, reason: str | None) -> str:
        if reason is not None:
            return self.tr("Choose a column: {0}").format(translate(FIELDS_CONTEXT, reason))
        return self.tr("{0} guests · {1} · header in line {2} · the preview shows the first rows as they will be "
                       "imported.").format(len(self.table.rows), self.table.encoding.upper(), self.table.header_line)

    def _import(self) -> None:
        request = ImportRequest(self.table, self.event_name.text().strip() or self.path.stem, self.mapping())
        self.import_button.setEnabled(False)
        self.status.setText(self.tr("Importing …"))
        # On the writer lane: a scan meanwhile waits its turn instead of for SQLite's lock.
        self._start(Lane.WRITER, lambda _job: import_table(self.database, request), self._on_imported, IMPORTED)

    def _on_imported(self, summary: ImportSummary) -> None:
        self.status.setText(self.tr("Imported: {0} new, {1} updated, {2} unchanged.").format(
            summary.imported, summary.updated, summary.unchanged))
        self.imported.emit(summary)
        self.accept()

    def _on_error(self, error: BaseException) -> None:
        if isinstance(error, FileImportError):
            self._on_failed("\n".join(str(problem) for problem in error.problems[:10]))
        else:  # a bug or the database: still said, never lost in the pool
            self._on_failed(f"{type(error).__name__}: {error}")

    def _on_failed(self, message: str) -> None:
        self.status.setText(self.tr("Nothing was imported:") + "\n" + message)
        self.import_button.setEnabled(self.table is not None and check_mapping(self.mapping()) is None)
        self.failed.emit(message)
