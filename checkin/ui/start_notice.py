"""What the desk shows while it opens its venue database at start: a server that does not answer
costs up to ``venue_timeout_s`` before the window can show (it then starts on its copy), and the
volunteer sees that something happens meanwhile."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import QApplication, QSplashScreen

from checkin.settings import Settings
from checkin.store.database import describe
from checkin.ui.i18n import Translations, pick_language

_SIZE = (560, 90)


class StartNotice:
    """A splash naming the venue database being reached; nothing for a local file (it opens at once)."""

    def __init__(self, app: QApplication, url: str, settings: Settings):
        self.translations = Translations(app)
        self.translations.apply(pick_language(settings.get("language")))
        pixmap = QPixmap(*_SIZE)
        pixmap.fill(QColor("#ffffff"))
        self.splash = QSplashScreen(pixmap)
        self.splash.setObjectName("startNotice")
        self.splash.show()
        self.splash.showMessage(self.text(url), Qt.AlignmentFlag.AlignCenter, QColor("#202020"))
        app.processEvents()  # painted before the connection attempt holds the UI thread

    @staticmethod
    def text(url: str) -> str:
        text = QCoreApplication.translate("StartNotice", "Check-in Desk: connecting to the venue database {0} …")
        return text.format(describe(url))

    def close(self) -> None:
        self.splash.close()
        self.splash.deleteLater()
        self.translations.remove()  # the window installs its own

