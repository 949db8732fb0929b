"""Help → About: the version, the database in use, and the licences of the bundled fonts and
the main libraries."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from checkin import __version__
from checkin.about import build_kind, font_licences, library_rows
from checkin.ui.app_icon import app_icon


class AboutDialog(QDialog):
    def __init__(self, database_description: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Check-in Desk"))
        self.setWindowIcon(app_icon())
        icon = QLabel(self)
        icon.setPixmap(app_icon().pixmap(96, 96))
        self.heading = QLabel(self.tr("<b>Check-in Desk</b> {0} ({1})").format(
            __version__, QCoreApplication.translate("About", build_kind())), self)
        self.database = QLabel(self.tr("Database: {0}").format(database_description), self)
        self.database.setWordWrap(True)
        self.licences = QTextBrowser(self)
        self.licences.setHtml(self._licences_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (icon, self.heading, self.database, self.licences, buttons):
            layout.addWidget(widget)
        self.resize(640, 560)

    def _licences_html(self) -> str:
        library, version, licence = self.tr("Library"), self.tr("Version"), self.tr("Licence")
        libraries, fonts = self.tr("Libraries"), self.tr("Bundled fonts")
        own = self.tr("Check-in Desk itself is licensed under the Apache License 2.0.")
        rows = "".join(f"<tr><td>{escape(name)}</td><td>{escape(number)}</td><td>{escape(terms)}</td></tr>"
                       for name, number, terms in library_rows())
        header = f"<tr><th align='left'>{library}</th><th align='left'>{version}</th><th align='left'>{licence}</th></tr>"
        return (f"<h3>{libraries}</h3><table cellspacing='4'>{header}{rows}</table>"
                f"<h3>{fonts}</h3><pre>{escape(font_licences())}</pre><p>{own}</p>")
