"""The desk's actions (toolbar and menus): walk-in, undo, entry/exit, list selector, language."""
from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QMenu, QToolBar

from checkin.core.decision import Direction
from checkin.store.desk_setup import DeskSetup
from checkin.ui.exit_mode import exit_icon
from checkin.ui.tool_host import ToolAction


class DeskToolbar(QToolBar):
    def __init__(self, window):  # noqa: ANN001 - MainWindow
        super().__init__(window)
        self.window_ = window
        self.setObjectName("deskToolbar")
        self.setMovable(False)
        controller = window.controller
        self.walk_in = self._action(window.dialogs.walk_in, "Ctrl+N")
        self.undo = self._action(window.request_undo, QKeySequence.StandardKey.Undo)
        self.direction = QActionGroup(self)
        self.entry = self._action(lambda: window.mode.set(Direction.ENTRY), "Ctrl+E", checkable=True)
        self.exit = self._action(lambda: window.mode.set(Direction.EXIT), "Ctrl+Shift+E", checkable=True)
        for action in (self.entry, self.exit):  # from any widget of the app, the scan and search fields too
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.exit.setIcon(exit_icon())
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.direction.addAction(self.entry)
        self.direction.addAction(self.exit)
        self.entry.setChecked(True)
        self.list_label = QLabel(self)
        self.lists = QComboBox(self)
        self.lists.setMinimumContentsLength(12)
        self.lists.activated.connect(lambda index: controller.choose_list(self.lists.itemData(index)))
        self.list_label.setBuddy(self.lists)
        for action in (self.walk_in, self.undo):
            self.addAction(action)
        self.addSeparator()
        self.addAction(self.entry)
        self.addAction(self.exit)
        self.addSeparator()
        self.addWidget(self.list_label)
        self.addWidget(self.lists)
        self.settings = self._action(window.dialogs.edit_settings, QKeySequence.StandardKey.Preferences)
        self.quit = self._action(window.close, QKeySequence.StandardKey.Quit)
        self.focus_scan = self._action(lambda: window.scan_field.setFocus(), "Ctrl+L")
        self.focus_search = self._action(self._show_search, QKeySequence.StandardKey.Find)
        self.show_dashboard = self._action(lambda: window.tabs.setCurrentWidget(window.dashboard), "Ctrl+D")
        self.guest_details = self._action(self._show_selected_guest, "Ctrl+I")
        self.languages = QActionGroup(self)
        self.language_actions = {code: self._action(lambda _c=False, code=code: window.set_language(code),
                                                    checkable=True) for code in ("", "de", "en")}
        for action in self.language_actions.values():
            self.languages.addAction(action)
        self.language_actions.get(window.settings.get("language"), self.language_actions[""]).setChecked(True)

    def _action(self, slot: Callable[[], None], shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
                checkable: bool = False) -> QAction:
        action = QAction(self)
        action.setCheckable(checkable)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def build_menus(self, extra_actions: Sequence[QAction]) -> dict[str, QMenu]:
        bar = self.window_.menuBar()
        self.menus = {key: bar.addMenu("") for key in ("desk", "view", "tools")}
        desk, view, tools = self.menus["desk"], self.menus["view"], self.menus["tools"]
        for action in (self.walk_in, self.undo, None, self.entry, self.exit, None, self.settings, None, self.quit):
            desk.addSeparator() if action is None else desk.addAction(action)
        for action in (self.focus_scan, self.focus_search, self.guest_details, self.show_dashboard):
            view.addAction(action)
        self.language_menu = view.addMenu("")
        for action in self.language_actions.values():
            self.language_menu.addAction(action)
        for action in extra_actions:
            tools.addAction(action)
        tools.menuAction().setVisible(bool(extra_actions))
        return self.menus

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Desk actions"))
        texts = {
            self.walk_in: self.tr("&Walk-in…"), self.undo: self.tr("&Undo last check-in…"),
            self.entry: self.tr("E&ntry"), self.exit: self.tr("E&xit"), self.settings: self.tr("&Settings…"),
            self.quit: self.tr("&Quit"), self.focus_scan: self.tr("Go to the &scan field"),
            self.focus_search: self.tr("&Find a guest"), self.show_dashboard: self.tr("Show the &dashboard"),
            self.guest_details: self.tr("Details of the selected &guest…"),
            self.language_actions[""]: self.tr("As the &system"),
            self.language_actions["de"]: "&Deutsch", self.language_actions["en"]: "&English",
        }
        for action, text in texts.items():
            action.setText(text)
        self.entry.setToolTip(self.tr("Scans record guests coming in"))
        self.exit.setToolTip(self.tr("Scans record guests leaving"))
        self.list_label.setText(self.tr(" Check-in &list: "))
        self.lists.setAccessibleName(self.tr("Check-in list"))
        if hasattr(self, "menus"):
            titles = {"desk": self.tr("&Desk"), "view": self.tr("&View"), "tools": self.tr("&Tools")}
            for key, menu in self.menus.items():
                menu.setTitle(titles[key])
            self.language_menu.setTitle(self.tr("&Language"))
            for action in self.menus["tools"].actions():  # built before the translation was installed
                if isinstance(action, ToolAction):
                    action.retranslate()

    def show_setup(self, setup: DeskSetup | None) -> None:
        self.lists.clear()
        for list_id, name in setup.lists if setup else ():
            self.lists.addItem(name, list_id)
        if setup is not None:
            self.lists.setCurrentIndex(max(0, self.lists.findData(setup.list_id)))
        for action in (self.walk_in, self.undo, self.entry, self.exit):
            action.setEnabled(setup is not None)

    def show_direction(self, direction: Direction) -> None:
        (self.exit if direction is Direction.EXIT else self.entry).setChecked(True)

    def _show_selected_guest(self) -> None:
        registration_id = self.window_.search.selected_id()
        if registration_id is not None:
            self.window_.dialogs.show_guest(registration_id)

    def _show_search(self) -> None:
        self.window_.tabs.setCurrentWidget(self.window_.search)
        self.window_.search.box.setFocus()
        self.window_.search.box.selectAll()
