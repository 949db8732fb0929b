"""Tools menu: the badge layout editor and the choice of badge printer."""
from __future__ import annotations

from PySide6.QtCore import QObject

from checkin.settings import Settings
from checkin.store.database import Database
from checkin.ui.badge_editor import BadgeEditor
from checkin.ui.badge_printing import BadgePrintService
from checkin.ui.tool_host import DeskHandle, ShownDialogs, menu_action


class BadgeTools(QObject):
    def __init__(self, database: Database, settings: Settings, badge_printer: BadgePrintService | None,
                 shown: ShownDialogs, parent: QObject):
        super().__init__(parent)
        self.database, self.settings, self.badge_printer, self.shown = database, settings, badge_printer, shown
        self.desk: DeskHandle | None = None
        self.layout_action = menu_action(self, lambda: self.tr("Badge &layout…"), self.edit_badge_layout)
        self.printer_action = menu_action(self, lambda: self.tr("Choose the badge &printer…"), self.choose_printer)

    def edit_badge_layout(self) -> None:
        setup = self.desk.controller.setup
        self.shown.show(BadgeEditor(self.settings, self.database, setup.event_id if setup else None))

    def choose_printer(self) -> None:
        self.badge_printer.choose_printer(self.desk.parent)
