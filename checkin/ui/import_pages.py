"""The import dialog's later steps: ticket types and statuses, warnings before writing, the summary."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QHeaderView, QLabel, QProgressBar, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from checkin.sync.files.importer import ImportSummary
from checkin.sync.files.preflight import Preflight
from checkin.sync.files.status_mapping import STATUSES, UNKNOWN
from checkin.sync.files.suspicious import MOJIBAKE, NO_NAME, QUESTION_MARKS, SAME_EMAIL, Suspicion
from checkin.sync.files.type_mapping import CREATE_NEW


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


#: A mapping table shows at least this many rows without scrolling (if it has them).
MIN_VISIBLE_ROWS = 5


def _mapping_table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, 3)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, counts: Mapping[str, int], combo_for: Callable[[str], QComboBox],
          first: Callable[[str], bool] = lambda _value: False) -> None:
    """One row per value, those ``first`` picks (still to choose) then the most frequent first:
    the value, its guests, and its combo box."""
    table.setRowCount(len(counts))
    for row, (value, guests) in enumerate(sorted(counts.items(), key=lambda i: (not first(i[0]), -i[1], i[0]))):
        table.setItem(row, 0, _item(value))
        table.setItem(row, 1, _item(f"{guests:,}", Qt.AlignmentFlag.AlignRight))
        table.setCellWidget(row, 2, combo_for(value))
    # As tall as its rows (no empty band below a short list), and at least a few rows tall (a
    # short list never hides behind a scroll bar when a long one shares the page).
    height = table.horizontalHeader().sizeHint().height() + table.verticalHeader().length() + 2 * table.frameWidth()
    table.setMaximumHeight(height)
    table.setMinimumHeight(min(height, table.horizontalHeader().sizeHint().height()
                               + MIN_VISIBLE_ROWS * table.verticalHeader().defaultSectionSize()
                               + 2 * table.frameWidth()))


class TypesPage(QWidget):
    """One row per spelling in the file: how many guests, and which of the event's types it is;
    below, one row per status word in the file and which of the event's statuses it is."""

    #: A status choice changed: the dialog looks again whether every word has one.
    statuses_changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.intro = _heading("")
        self.table = _mapping_table([self.tr("In the file"), self.tr("Guests"), self.tr("Ticket type")])
        self.combos: dict[str, QComboBox] = {}
        self.status_intro = _heading("")
        self.status_table = _mapping_table([self.tr("In the file"), self.tr("Guests"), self.tr("Status at the desk")])
        self.status_combos: dict[str, QComboBox] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.status_intro)
        layout.addWidget(self.status_table, 1)
        layout.addStretch(0)

    def show_preflight(self, preflight: Preflight) -> None:
        """Fill both tables; a value shown before keeps the choice made for it (a repair of the
        encoding checks the file again, and must not undo the organiser's clicks)."""
        preflight = self._keeping_choices(preflight)
        self.combos, self.status_combos = {}, {}
        _fill(self.table, preflight.spellings, lambda spelling: self._type_combo(spelling, preflight))
        _fill(self.status_table, preflight.statuses, lambda word: self._status_combo(word, preflight),
              first=lambda word: preflight.status_choices.get(word, UNKNOWN) == UNKNOWN)
        for widget in (self.intro, self.table):
            widget.setVisible(bool(preflight.spellings))
        for widget in (self.status_intro, self.status_table):
            widget.setVisible(bool(preflight.statuses))
        self.status_intro.setText(self.tr(
            "The file's status column holds {0} different values. Choose what each means at the desk: "
            "cancelled guests are refused, unpaid ones too unless the check-in list admits them. "
            "Your choice is remembered for the next file with these columns.")
            .replace("{0}", str(len(preflight.statuses))))
        new = sum(1 for choice in preflight.choices.values() if choice == CREATE_NEW)
        self.intro.setText(self.tr(
            "The file names {0} ticket types. Choose the event's ticket type for each; "
            "\"Create new type\" adds it to the event ({1} would be new). "
            "Your choice is remembered for the next file with these columns.")
            .replace("{0}", str(len(preflight.spellings))).replace("{1}", str(new)))

    def _keeping_choices(self, preflight: Preflight) -> Preflight:
        types = {spelling: choice for spelling, choice in self.choices().items()
                 if spelling in preflight.spellings and (choice == CREATE_NEW or choice in preflight.event_types)}
        statuses = {word: status for word, status in self.statuses().items()
                    if word in preflight.statuses and status != UNKNOWN}
        return replace(preflight, choices={**preflight.choices, **types},
                       status_choices={**preflight.status_choices, **statuses})

    def _type_combo(self, spelling: str, preflight: Preflight) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(self.tr("Ticket type for {0}").replace("{0}", spelling))
        for name in preflight.event_types:
            combo.addItem(name, name)
        combo.addItem(self.tr("Create new type \"{0}\"").replace("{0}", spelling), CREATE_NEW)
        combo.setCurrentIndex(combo.findData(preflight.choices.get(spelling, CREATE_NEW)))
        self.combos[spelling] = combo
        return combo

    def _status_combo(self, word: str, preflight: Preflight) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(self.tr("Status for {0}").replace("{0}", word))
        combo.addItem(self.tr("— choose —"), UNKNOWN)
        labels = {"valid": self.tr("Valid: admitted"), "unpaid": self.tr("Unpaid: refused unless the list admits it"),
                  "cancelled": self.tr("Cancelled: refused")}
        for status in STATUSES:
            combo.addItem(labels[status], status)
        combo.setCurrentIndex(max(0, combo.findData(preflight.status_choices.get(word, UNKNOWN))))
        combo.currentIndexChanged.connect(self.statuses_changed)
        self.status_combos[word] = combo
        return combo

    def choices(self) -> dict[str, str]:
        return {spelling: combo.currentData() for spelling, combo in self.combos.items()}

    def statuses(self) -> dict[str, str]:
        """Each status word of the file → the event status chosen (UNKNOWN: not yet chosen)."""
        return {word: combo.currentData() for word, combo in self.status_combos.items()}

    def unchosen_statuses(self) -> list[str]:
        return [word for word, status in self.statuses().items() if status == UNKNOWN]


def _item(text: str, alignment: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled)
    item.setTextAlignment(alignment | Qt.AlignmentFlag.AlignVCenter)
    return item


class WarningsPage(QWidget):
    """The suspicious values with counts and example rows; a button repairs mojibake."""

    repair_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.text = _heading("")
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.repair = QPushButton(self.tr("Repair the encoding (Ã¼ → ü)"))
        self.repair.clicked.connect(self.repair_requested)
        self.progress = QProgressBar()
        self.progress.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.repair, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.progress)

    def show_suspicions(self, suspicions: list[Suspicion], guests: int) -> None:
        self.repair.setVisible(any(s.kind == MOJIBAKE for s in suspicions))
        intro = self.tr("Guests in the file: {0}.").replace("{0}", f"{guests:,}")
        if not suspicions:
            none = self.tr("No suspicious values found.")
            self.text.setText(f"<p>{intro}</p><p>{none}</p>")
            return
        check = self.tr("Please check these values before importing:")
        parts = [f"<p>{intro} {check}</p>"]
        parts.extend(self._describe(s) for s in suspicions)
        self.text.setText("".join(parts))

    def _describe(self, suspicion: Suspicion) -> str:
        what = {  # "label: count", so one text fits one name and 1,000 names alike
            MOJIBAKE: self.tr("Names garbled by a wrong encoding (\"MÃ¼ller\" for \"Müller\"): {0}"),
            QUESTION_MARKS: self.tr("Names with \"?\" (letters were lost before the file was saved): {0}"),
            NO_NAME: self.tr("Rows without a name (the import stops at them: fix the file): {0}"),
            SAME_EMAIL: self.tr("E-mail addresses of an earlier row (without an ID column the import stops "
                                "at them): {0}"),
        }[suspicion.kind].replace("{0}", f"{suspicion.count:,}")
        line_text = self.tr("Line {0}")
        examples = "".join(f"<li>{line_text.replace('{0}', str(line))}: {_escape(text)}</li>"
                           for line, text in suspicion.examples)
        return f"<p><b>{what}</b></p><ul>{examples}</ul>"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class SummaryPage(QWidget):
    """What the import did, until the organiser closes the dialog."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.text = _heading("")
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)

    def show_summary(self, summary: ImportSummary, warnings: int, event_name: str,
                     words: Mapping[str, int] | None = None) -> None:
        """``words``: the file's status words with their guests, to count the refused ones."""
        by_status = {status: sum(count for word, count in (words or {}).items() if summary.statuses.get(word) == status)
                     for status in ("cancelled", "unpaid")}
        rows = ((self.tr("New guests"), summary.imported), (self.tr("Updated"), summary.updated),
                (self.tr("Unchanged"), summary.unchanged),
                (self.tr("No longer in the file (kept)"), len(summary.missing)),
                (self.tr("Warnings shown before the import"), warnings),
                *(((self.tr("Cancelled in the file (refused at the desk)"), by_status["cancelled"]),)
                  if by_status["cancelled"] else ()),
                *(((self.tr("Unpaid in the file (refused unless the list admits them)"), by_status["unpaid"]),)
                  if by_status["unpaid"] else ()))
        cells = "".join(f"<tr><td>{label}</td><td align='right'>&nbsp;&nbsp;<b>{count:,}</b></td></tr>"
                        for label, count in rows)
        new_types = _escape(", ".join(summary.ticket_types_created))
        created = self.tr("New ticket types: {0}").replace("{0}", new_types)
        created = f"<p>{created}</p>" if new_types else ""
        title = self.tr("Imported into \"{0}\".").replace("{0}", _escape(event_name))
        self.text.setText(f"<h3>{title}</h3><table>{cells}</table>{created}")
