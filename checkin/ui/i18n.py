"""German and English through Qt Linguist: the language follows the system unless overridden."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from checkin.ui.translation_files import compiled_folder

LANGUAGES = ("en", "de")


def pick_language(override: str = "", system: str | None = None) -> str:
    """``override`` ('de'/'en') wins; else the system language if we ship it; else English."""
    for candidate in (override, system if system is not None else QLocale.system().name()):
        code = (candidate or "").split("_")[0].split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


class Translations:
    """Owns the installed translators; switching sends LanguageChange to every widget."""

    def __init__(self, app: QCoreApplication):
        self.app = app
        self.language = ""
        self._installed: list[QTranslator] = []

    def apply(self, language: str) -> bool:
        """Install ``language``; False if its compiled .qm file is missing (English is shown)."""
        self.remove()
        self.language = language
        # English needs its file too: it holds the plural forms ("1 guest", "2 guests").
        found = self._install(str(compiled_folder()), f"checkin_{language}")
        if language != "en":
            self._install(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), f"qtbase_{language}")
        QLocale.setDefault(QLocale(language))
        return found

    def remove(self) -> None:
        """Take this window's translators off the application (on close)."""
        for translator in self._installed:
            self.app.removeTranslator(translator)
        self._installed = []

    def _install(self, folder: str, name: str) -> bool:
        translator = QTranslator(self.app)
        if not translator.load(name, folder):
            return False
        self.app.installTranslator(translator)
        self._installed.append(translator)
        return True
