"""Tools menu: the badge layout editor, the badge batch window and the choice of badge printer."""
from __future__ import annotations

from PySide6.QtCore import QObject

from checkin.settings import Settings
from checkin.store.database import Database
from checkin.ui.badge_batch import BadgeBatchWindow
from checkin.ui.badge_editor import BadgeEditor
from checkin.ui.badge_printing import BadgePrinterBackend, BadgePrintService
from checkin.ui.tool_host import DeskHandle, ShownDialogs, menu_action


class BadgeTools(QObject):
    def __init__(self, database: Database, settings: Settings, badge_printer: BadgePrintService | None,
                 shown: ShownDialogs, parent: QObject):
        super().__init__(parent)
        self.database, self.settings, self.badge_printer, self.shown = database, settings, badge_printer, shown
        self.desk: DeskHandle | None = None
        self.layout_action = menu_action(self, lambda: self.tr("Badge &layout…"), self.edit_badge_layout)
        self.batch_action = menu_action(self, lambda: self.tr("Print &badges…"), self.open_batch)
        self.printer_action = menu_action(self, lambda: self.tr("Choose the badge &printer…"), self.choose_printer)

    def edit_badge_layout(self) -> None:
        setup = self.desk.controller.setup
        self.shown.show(BadgeEditor(self.settings, self.database, setup.event_id if setup else None,
                                    ticket_types=[name for _id, name in setup.ticket_types] if setup else ()))

    def choose_printer(self) -> None:
        self.badge_printer.choose_printer(self.desk.parent)

    def open_batch(self) -> None:
        setup = self.desk.controller.setup
        if setup is None:
            self.shown.inform(self.desk.parent, self.tr("Print badges"),
                              self.tr("No event is open: open the demo event or import one first."))
            return
        self.shown.show(BadgeBatchWindow(self.database, self.settings, setup.event_id, self.batch_printer,
                                         self.desk.parent))

    def batch_printer(self) -> BadgePrinterBackend | None:
        """The desk's badge printer, asked for when a batch prints (the choice may have changed)."""
        return self.badge_printer.backend_factory(self.settings) if self.badge_printer is not None else None
