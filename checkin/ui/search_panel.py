"""Find a guest by name as you type; arrow keys and Enter check the selected guest in.

Queries run on the database lane. While one is running, newer text only replaces the
queued text, so a fast typist never piles up queries and the last text always wins.
"""
from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSortFilterProxyModel, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from checkin.ui.search_model import COMPANY, ID_ROLE, IN, NAME, SEARCH_LIMIT, SORT_ROLE, STATUS, TICKET, SearchModel

DEBOUNCE_MS = 0  # no wait: queries already coalesce (newer text replaces the queued one)
#: No column but the name grows past this; the rest of a long company name is in the tooltip.
COLUMN_CAP_PX = 200
_NAVIGATION = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}


class SearchPanel(QWidget):
    check_in_requested = Signal(int)
    details_requested = Signal(int)
    #: The rows for a text are on screen (perf_counter when shown, the text).
    results_shown = Signal(float, str)

    def __init__(self, search: Callable[[str, Callable[[list], None]], None], parent: QWidget | None = None):
        super().__init__(parent)
        self._search = search
        self._queued: str | None = None
        self._running = False
        self.shown_text = ""
        self.model = SearchModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._start_query)
        self._build()

    def _build(self) -> None:
        self.label = QLabel(self)
        self.box = QLineEdit(self)
        self.box.setClearButtonEnabled(True)
        self.box.textChanged.connect(lambda _text: self._debounce.start())
        self.box.installEventFilter(self)
        self.label.setBuddy(self.box)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(IN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.table.installEventFilter(self)
        self.table.doubleClicked.connect(lambda _index: self._emit_selected(self.details_requested))
        self.status = QLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.label, self.box, self.table, self.status):
            layout.addWidget(widget)
        self.retranslate()

    def _fit_columns(self) -> None:
        """Columns as wide as their text, the name taking the rest; a text wider than the cap
        ends in "…" and is read whole in the cell's tooltip."""
        header = self.table.horizontalHeader()
        for column in (COMPANY, TICKET, STATUS):
            header.resizeSection(column, min(COLUMN_CAP_PX, max(self.table.sizeHintForColumn(column),
                                                                header.sectionSizeHint(column))))

    def retranslate(self) -> None:
        self.label.setText(self.tr("&Search guests (name, company, e-mail or code):"))
        self.box.setPlaceholderText(self.tr("Type a name…"))
        self.box.setAccessibleName(self.tr("Search guests"))
        self.table.setAccessibleName(self.tr("Search results"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)
        self._update_status()

    def set_timezone(self, timezone: str) -> None:
        self.model.timezone = timezone

    def refresh(self) -> None:
        """Run the current text again (after a check-in changed who is in)."""
        if self.box.text().strip():
            self._start_query()

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.proxy.index(index.row(), 0).data(ID_ROLE)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() != QEvent.Type.KeyPress:
            return False
        key = QKeyEvent(event).key() if not isinstance(event, QKeyEvent) else event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.proxy.rowCount():
            self._emit_selected(self.check_in_requested)
            return True
        if watched is self.box and key in _NAVIGATION and self.proxy.rowCount():
            self.table.setFocus()
            self.table.keyPressEvent(event)
            return True
        return False

    def _emit_selected(self, signal: SignalInstance) -> None:
        registration_id = self.selected_id()
        if registration_id is not None:
            signal.emit(registration_id)

    def _start_query(self) -> None:
        text = self.box.text().strip()
        if self._running:
            self._queued = text
            return
        if not text:
            self._show([], "")
            return
        self._running = True
        self._search(text, lambda rows: self._finished(text, rows))

    def _finished(self, text: str, rows: list) -> None:
        self._running = False
        if self._queued is not None and self._queued != text:
            self._queued = None
            self._start_query()
            return
        self._queued = None
        self._show(rows, text)

    def _show(self, rows: list, text: str) -> None:
        current = self.selected_id()
        self.model.set_rows(rows)
        self.shown_text = text
        self._reselect(current)
        self._fit_columns()
        self._update_status()
        self.results_shown.emit(time.perf_counter(), text)

    def _reselect(self, registration_id: int | None) -> None:
        row = next((r for r in range(self.proxy.rowCount())
                    if self.proxy.index(r, 0).data(ID_ROLE) == registration_id), 0)
        if self.proxy.rowCount():
            self.table.selectRow(row)

    def _update_status(self) -> None:
        if not self.shown_text:
            self.status.setText(self.tr("Enter checks in the selected guest; double-click shows details."))
        elif self.proxy.rowCount() >= SEARCH_LIMIT:
            self.status.setText(self.tr("The first %n guests are shown: type more to narrow the search.", "",
                                        self.proxy.rowCount()))
        else:
            self.status.setText(self.tr("%n guest(s) found.", "", self.proxy.rowCount()))
