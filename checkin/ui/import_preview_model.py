"""The first rows of a guest list as they would be imported under the current column mapping."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt

from checkin.sync.files.mapping import CONTEXT, FIELDS, ColumnMapping
from checkin.sync.files.table import Table

PREVIEW_ROWS = 50
Index = QModelIndex | QPersistentModelIndex


class ImportPreviewModel(QAbstractTableModel):
    """Columns are the mapped fields in FIELDS order; rows the first data rows of the file."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._table: Table | None = None
        self._mapping: ColumnMapping = {}
        self._fields = []

    def set_table(self, table: Table, mapping: ColumnMapping) -> None:
        self.beginResetModel()
        self._table, self._mapping = table, dict(mapping)
        self._fields = [field for field in FIELDS if field.key in self._mapping]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        if parent.isValid() or self._table is None:
            return 0
        return min(PREVIEW_ROWS, len(self._table.rows))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._fields)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or self._table is None or role not in (Qt.ItemDataRole.DisplayRole,
                                                                       Qt.ItemDataRole.ToolTipRole):
            return None
        _line, cells = self._table.rows[index.row()]
        return cells[self._mapping[self._fields[index.column()].key]]

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole or self._table is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate(CONTEXT, self._fields[section].label)
        return QCoreApplication.translate("ImportPreview", "Line {0}").format(str(self._table.rows[section][0]))
