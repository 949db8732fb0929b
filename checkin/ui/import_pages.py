"""The import dialog's later steps: ticket types, warnings before writing, the summary."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QHeaderView, QLabel, QProgressBar, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from checkin.sync.files.importer import ImportSummary
from checkin.sync.files.preflight import Preflight
from checkin.sync.files.suspicious import MOJIBAKE, NO_NAME, QUESTION_MARKS, SAME_EMAIL, Suspicion
from checkin.sync.files.type_mapping import CREATE_NEW


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class TypesPage(QWidget):
    """One row per spelling in the file: how many guests, and which of the event's types it is."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.intro = _heading("")
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("In the file"), self.tr("Guests"), self.tr("Ticket type")])
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.combos: dict[str, QComboBox] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table)

    def show_preflight(self, preflight: Preflight) -> None:
        self.combos = {}
        self.table.setRowCount(len(preflight.spellings))
        for row, (spelling, guests) in enumerate(sorted(preflight.spellings.items(), key=lambda i: (-i[1], i[0]))):
            self.table.setItem(row, 0, _item(spelling))
            self.table.setItem(row, 1, _item(f"{guests:,}", Qt.AlignmentFlag.AlignRight))
            self.combos[spelling] = combo = self._combo(spelling, preflight.event_types)
            combo.setCurrentIndex(combo.findData(preflight.choices.get(spelling, CREATE_NEW)))
            self.table.setCellWidget(row, 2, combo)
        new = sum(1 for choice in preflight.choices.values() if choice == CREATE_NEW)
        self.intro.setText(self.tr(
            "The file names {0} ticket types. Choose the event's ticket type for each; "
            "\"Create new type\" adds it to the event ({1} would be new). "
            "Your choice is remembered for the next file with these columns.")
            .replace("{0}", str(len(preflight.spellings))).replace("{1}", str(new)))

    def _combo(self, spelling: str, event_types: tuple[str, ...]) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(self.tr("Ticket type for {0}").replace("{0}", spelling))
        for name in event_types:
            combo.addItem(name, name)
        combo.addItem(self.tr("Create new type \"{0}\"").replace("{0}", spelling), CREATE_NEW)
        return combo

    def choices(self) -> dict[str, str]:
        return {spelling: combo.currentData() for spelling, combo in self.combos.items()}


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

    def show_summary(self, summary: ImportSummary, warnings: int, event_name: str) -> None:
        rows = ((self.tr("New guests"), summary.imported), (self.tr("Updated"), summary.updated),
                (self.tr("Unchanged"), summary.unchanged),
                (self.tr("No longer in the file (kept)"), len(summary.missing)),
                (self.tr("Warnings shown before the import"), warnings))
        cells = "".join(f"<tr><td>{label}</td><td align='right'>&nbsp;&nbsp;<b>{count:,}</b></td></tr>"
                        for label, count in rows)
        new_types = _escape(", ".join(summary.ticket_types_created))
        created = self.tr("New ticket types: {0}").replace("{0}", new_types)
        created = f"<p>{created}</p>" if new_types else ""
        title = self.tr("Imported into \"{0}\".").replace("{0}", _escape(event_name))
        self.text.setText(f"<h3>{title}</h3><table>{cells}</table>{created}")
