"""What the desk shows while it opens its venue database at start: a server that does not answer
costs up to ``venue_timeout_s`` before the window can show (it then starts on its copy), and the
volunteer sees that something happens meanwhile."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QLabel

from checkin.settings import Settings
from checkin.store.database import describe
from checkin.ui.i18n import Translations, pick_language

_STYLE = "background: #ffffff; color: #202020; border: 1px solid #808080; padding: 24px 32px;"


class StartNotice:
    """A small window naming the venue database being reached (never waits for it to be painted:
    a QSplashScreen waits up to a second for the window system on every start)."""

    def __init__(self, app: QApplication, url: str, settings: Settings):
        self.translations = Translations(app)
        self.translations.apply(pick_language(settings.get("language")))
        self.splash = QLabel(self.text(url))
        self.splash.setObjectName("startNotice")
        self.splash.setWindowFlags(Qt.WindowType.SplashScreen | Qt.WindowType.FramelessWindowHint)
        self.splash.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.splash.setStyleSheet(_STYLE)
        self.splash.show()
        app.processEvents()  # shown (as far as the window system allows) before the connection attempt

    @staticmethod
    def text(url: str) -> str:
        text = QCoreApplication.translate("StartNotice", "Check-in Desk: connecting to the venue database …")
        return f"{text}\n{describe(url)}"

    def close(self) -> None:
        self.splash.close()
        self.splash.deleteLater()
        self.translations.remove()  # the window installs its own
