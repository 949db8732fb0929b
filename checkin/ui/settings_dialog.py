"""Edits the settings a desk volunteer or organiser may change, one tab per group, built from the
declarations in checkin.settings: a setting declared with a group shows up here by itself, with
its label, unit and one line of help. Lists that take a moment to find (layouts, printers, CUPS
queues) are gathered off the UI thread and filled in when they arrive."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout,
                               QLabel, QLineEdit, QPushButton, QScrollArea, QSizePolicy, QSpinBox, QTabWidget,
                               QVBoxLayout, QWidget)

from checkin.badges.library import default_layout_key
from checkin.badges.stock import STOCKS
from checkin.settings import GROUPS, Setting, Settings, settings_in
from checkin.ui.operations import Op
from checkin.ui.setting_choices import BUILT_IN, OWN, ChoiceLists, gather_choices
from checkin.ui.setting_editors import editor_for, first_entry, keep_choice
from checkin.ui.stock_preview import StockPreview
from checkin.ui.taskman import Lane, TaskManager, tasks_of

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls
# The dialog keeps to this share of the screen (1366 × 768 included), scrolling a page that is taller.
SCREEN_SHARE = 0.9


class SettingsDialog(QDialog):
    # The layouts, printers and CUPS queues are in their lists.
    choices_loaded = Signal()

    def __init__(self, settings: Settings, parent: QWidget | None = None,
                 choices: Callable[[], ChoiceLists] = gather_choices, tasks: TaskManager | None = None):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Settings"))
        self.editors: dict[str, QWidget] = {}
        self.tabs = QTabWidget(self)
        self.stock_preview: StockPreview | None = None
        self.check_scanner = QPushButton(self.tr("Check scanner…"), self)
        self.check_scanner.clicked.connect(self.open_scanner_check)
        self.check_scanner.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._add_tabs()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)
        self._connect_stock()
        self._fit_screen()
        Op(self, lambda _job: choices(), lane=Lane.POOL).success(self.fill_choices).run(tasks or tasks_of(parent))

    # -- building -----------------------------------------------------------------------
    def _add_tabs(self) -> None:
        """A tab per group that has settings, in the order GROUPS declares them."""
        for group in GROUPS:
            if settings_in(group.key):
                # "&&": a tab's "&" would underline the next letter ("Badges & printing")
                self.tabs.addTab(self._page(group.key), translate("Settings", group.title).replace("&", "&&"))

    def _page(self, group: str) -> QScrollArea:
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for setting in settings_in(group):
            label = QLabel(translate("Settings", setting.label) + ":", page)
            label.setBuddy(self._editor(setting, page))
            form.addRow(label, self._field(setting, page))
        if group == "scanner":
            form.addRow("", self.check_scanner)
        scroll = QScrollArea(self)
        scroll.setWidget(page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        return scroll

    def _editor(self, setting: Setting, parent: QWidget) -> QWidget:
        editor = editor_for(setting, self.settings.get(setting.key), parent)
        help_text = translate("Settings", setting.description)
        editor.setAccessibleName(translate("Settings", setting.label))
        editor.setAccessibleDescription(help_text)
        editor.setToolTip(help_text)
        self.editors[setting.key] = editor
        return editor

    def _field(self, setting: Setting, parent: QWidget) -> QWidget:
        """The editor, its line of help below it, and for the stock a picture of it."""
        field = QWidget(parent)
        column = QVBoxLayout(field)
        column.setContentsMargins(0, 0, 0, 4)
        column.setSpacing(1)
        column.addWidget(self.editors[setting.key], 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(_help_label(translate("Settings", setting.description), field))
        if setting.choices == "stock":
            self.stock_preview = StockPreview(field)
            column.addWidget(self.stock_preview)
        return field

    def _connect_stock(self) -> None:
        stock = self.editors.get("badge_stock")
        if isinstance(stock, QComboBox):
            stock.currentIndexChanged.connect(self._stock_chosen)
            self._stock_chosen()

    def _stock_chosen(self) -> None:
        stock = STOCKS.get(self.editors["badge_stock"].currentData())
        if self.stock_preview is not None:
            self.stock_preview.set_stock(stock)
        layout = self.editors.get("badge_layout")
        if isinstance(layout, QComboBox) and stock is not None:  # "automatic" names the layout it picks
            layout.setItemText(0, first_entry("layout") + f" ({default_layout_key(stock)})")

    def preferred_size(self) -> QSize:
        """Wide enough for the widest page and tall enough for the longest one, without scrolling."""
        pages = [self.tabs.widget(index).widget() for index in range(self.tabs.count())]
        width = max([page.sizeHint().width() for page in pages] + [640]) + 40  # the scroll bar, when it shows
        # Wrapped help lines are as tall as the width they get: ask each page at the width it will have.
        tallest = max(max(page.heightForWidth(width - 40), page.minimumSizeHint().height()) for page in pages)
        margins = self.layout().contentsMargins()
        chrome = (self.tabs.tabBar().sizeHint().height() + self.buttons.sizeHint().height() + margins.top()
                  + margins.bottom() + 2 * self.layout().spacing() + 16)
        return QSize(width, tallest + chrome)

    def _fit_screen(self) -> None:
        """The preferred size where the screen allows; on a small screen the pages scroll."""
        wanted, screen = self.preferred_size(), (self.parentWidget() or self).screen().availableGeometry()
        self.resize(min(wanted.width(), int(screen.width() * SCREEN_SHARE)),
                    min(wanted.height(), int(screen.height() * SCREEN_SHARE)))

    # -- lists gathered off the UI thread -------------------------------------------------
    def fill_choices(self, lists: ChoiceLists) -> None:
        suffixes = {BUILT_IN: self.tr("built-in"), OWN: self.tr("yours")}
        self._fill("badge_layout", [(f"{_layout_name(key)} ({suffixes.get(origin, origin)})", key)
                                    for key, origin in lists.layouts])
        self._fill("badge_printer", [(name, name) for name in lists.printers])
        self._fill("badge_cups_queue", [(name, name) for name in lists.cups_queues])
        self._stock_chosen()
        self.choices_loaded.emit()

    def _fill(self, key: str, items: list[tuple[str, str]]) -> None:
        combo = self.editors.get(key)
        if not isinstance(combo, QComboBox):
            return
        value, first = combo.currentData(), combo.itemText(0)
        combo.clear()
        combo.addItem(first, "")
        for text, data in items:
            combo.addItem(text, data)
        keep_choice(combo, value)

    # -- values ---------------------------------------------------------------------------
    def values(self) -> dict:
        values = {}
        for key, editor in self.editors.items():
            if isinstance(editor, QComboBox):
                values[key] = editor.currentData()
            elif isinstance(editor, QCheckBox):
                values[key] = editor.isChecked()
            elif isinstance(editor, (QSpinBox, QDoubleSpinBox)):
                values[key] = editor.value()
            else:
                values[key] = editor.text()
        return values

    def open_scanner_check(self) -> QDialog:
        # Imported when asked for: its QR library would add ~25 ms to every start of the desk.
        from checkin.ui.scanner_check import ScannerCheckDialog

        dialog = ScannerCheckDialog(self)
        dialog.settings_chosen.connect(self.set_values)
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.open()
        return dialog

    def set_values(self, values: dict) -> None:
        """Put values into the editors (the scanner check's findings); Save keeps them."""
        for key, value in values.items():
            editor = self.editors.get(key)
            if isinstance(editor, (QSpinBox, QDoubleSpinBox)):
                editor.setValue(value)
            elif isinstance(editor, QLineEdit):
                editor.setText(str(value))

    def accept(self) -> None:
        for key, value in self.values().items():
            self.settings.set(key, value)
        self.settings.save()
        super().accept()


def _help_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.9)
    label.setFont(font)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def _layout_name(key: str) -> str:
    return key.split(":", 1)[1] if ":" in key else key
