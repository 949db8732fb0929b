"""Import a guest list: the file is read off the UI thread, each field gets a column (guessed
or remembered), a preview shows the first rows as they would be imported, and the import
itself runs off the UI thread too. All or nothing: problems are listed, nothing is written."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QTableView,
    QVBoxLayout, QWidget,
)

from checkin.store.database import Database
from checkin.sync.files.errors import FileImportError
from checkin.sync.files.importer import ImportRequest, ImportSummary, import_table
from checkin.sync.files.mapping import FIELDS, HEADER_HINTS, ColumnMapping, check_mapping, mapping_for
from checkin.sync.files.table import Table, column_letter, read_table
from checkin.ui.import_preview_model import ImportPreviewModel

NOT_IMPORTED = -1


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(str)


class _Task(QRunnable):
    """Runs ``work`` on a pool thread; the result or a FileImportError's text comes back by signal."""

    def __init__(self, work: Callable[[], object]):
        super().__init__()
        self.work, self.signals = work, _Signals()

    def run(self) -> None:
        try:
            result = self.work()
        except FileImportError as error:
            self.signals.failed.emit("\n".join(str(problem) for problem in error.problems[:10]))
        else:
            self.signals.done.emit(result)


class ImportDialog(QDialog):
    loaded = Signal()
    failed = Signal(str)
    imported = Signal(object)  # ImportSummary

    def __init__(self, database: Database, path: Path, event_name: str = "", parent: QWidget | None = None,
                 pool: QThreadPool | None = None):
        super().__init__(parent)
        self.database, self.path, self.pool = database, Path(path), pool or QThreadPool.globalInstance()
        self.table: Table | None = None
        self._tasks: list[_Task] = []  # kept alive until their signals arrive
        self.setWindowTitle(self.tr("Import guests from %1").replace("%1", self.path.name))
        self.status = QLabel(self.tr("Reading %1 …").replace("%1", self.path.name))
        self.status.setWordWrap(True)
        self.event_name = QLineEdit(event_name or self.path.stem.replace("_", " "))
        self.combos = {field.key: QComboBox() for field in FIELDS}
        self.preview = ImportPreviewModel(self)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setEnabled(False)
        self._lay_out()
        self._start(lambda: self._read(), self._on_read)

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Event"), self.event_name)
        for field in FIELDS:
            form.addRow(self.tr(field.label), self.combos[field.key])
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

    def _start(self, work: Callable[[], object], on_done: Callable[[object], None]) -> None:
        task = _Task(work)
        task.signals.done.connect(on_done)
        task.signals.failed.connect(self._on_failed)
        self._tasks.append(task)
        self.pool.start(task)

    def _read(self) -> tuple[Table, ColumnMapping]:  # on a pool thread: its own session
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
        table = self.table
        self.status.setText(reason and self.tr("Choose a column: %1").replace("%1", reason) or self.tr(
            "%1 guests · %2 · header in line %3 · the preview shows the first rows as they will be imported.")
            .replace("%1", str(len(table.rows))).replace("%2", table.encoding.upper())
            .replace("%3", str(table.header_line)))

    def _import(self) -> None:
        request = ImportRequest(self.table, self.event_name.text().strip() or self.path.stem, self.mapping())
        self.import_button.setEnabled(False)
        self.status.setText(self.tr("Importing …"))
        self._start(lambda: import_table(self.database, request), self._on_imported)

    def _on_imported(self, summary: ImportSummary) -> None:
        self.status.setText(self.tr("Imported: %1 new, %2 updated, %3 unchanged.").replace(
            "%1", str(summary.imported)).replace("%2", str(summary.updated)).replace("%3", str(summary.unchanged)))
        self.imported.emit(summary)
        self.accept()

    def _on_failed(self, message: str) -> None:
        self.status.setText(self.tr("Nothing was imported:") + "\n" + message)
        self.import_button.setEnabled(self.table is not None and check_mapping(self.mapping()) is None)
        self.failed.emit(message)
