"""Tools menu: import guests from a CSV or XLSX file into the desk's event."""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from checkin.store.database import Database
from checkin.ui.import_dialog import ImportDialog
from checkin.ui.tool_host import DeskHandle, ShownDialogs, menu_action


class GuestImport(QObject):
    def __init__(self, database: Database, shown: ShownDialogs, parent: QObject):
        super().__init__(parent)
        self.database, self.shown = database, shown
        self.desk: DeskHandle | None = None
        self.action = menu_action(self, lambda: self.tr("&Import guests from a file…"), self.choose_file)

    def choose_file(self) -> None:
        dialog = QFileDialog(self.desk.parent, self.tr("Import guests"))
        dialog.setNameFilter(self.tr("Guest lists (*.csv *.txt *.tsv *.xlsx)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.import_file)
        self.shown.show(dialog, modal=True)

    def import_file(self, path: str) -> None:
        controller = self.desk.controller
        event_name = controller.setup.event_name if controller.setup else ""
        dialog = ImportDialog(self.database, path, event_name, self.desk.parent)
        dialog.imported.connect(lambda _summary: controller.load())
        self.shown.show(dialog, modal=True)
