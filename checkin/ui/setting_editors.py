"""One editor per declared setting, chosen by what the declaration says: a list to choose from
(``choices``), else its type. Numbers keep to their bounds and show their unit; text keeps to its
pattern; so a value the desk cannot use cannot be typed in."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QLineEdit, QSpinBox, QWidget

from checkin.badges.stock import CONTEXT as STOCK_CONTEXT
from checkin.badges.stock import STOCKS
from checkin.settings import Setting
from checkin.ui.camera_panel import camera_choice

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls

# Without declared bounds a number still has some (a spin box needs them).
FALLBACK_MAXIMUM = 100_000


def editor_for(setting: Setting, value: object, parent: QWidget) -> QWidget:
    if setting.choices in CHOICE_EDITORS:
        return CHOICE_EDITORS[setting.choices](str(value), parent)
    if setting.type is bool:
        box = QCheckBox(parent)
        box.setChecked(bool(value))
        return box
    if setting.type is int:
        return _int_editor(setting, int(value), parent)
    if setting.type is float:
        return _float_editor(setting, float(value), parent)
    return _text_editor(setting, str(value), parent)


def _int_editor(setting: Setting, value: int, parent: QWidget) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setRange(int(_bound(setting.minimum, 0)), int(_bound(setting.maximum, FALLBACK_MAXIMUM)))
    spin.setSuffix(_suffix(setting))
    spin.setValue(value)
    return spin


def _float_editor(setting: Setting, value: float, parent: QWidget) -> QDoubleSpinBox:
    spin = QDoubleSpinBox(parent)
    spin.setRange(_bound(setting.minimum, 0.0), _bound(setting.maximum, FALLBACK_MAXIMUM))
    spin.setDecimals(1)
    spin.setSingleStep(0.1 if spin.maximum() <= 60 else 1.0)
    spin.setSuffix(_suffix(setting))
    spin.setValue(value)
    return spin


def _text_editor(setting: Setting, value: str, parent: QWidget) -> QLineEdit:
    line = QLineEdit(value, parent)
    line.setMinimumWidth(line.fontMetrics().averageCharWidth() * 30)
    if setting.pattern:
        line.setValidator(QRegularExpressionValidator(QRegularExpression(setting.pattern), line))
    return line


def _suffix(setting: Setting) -> str:
    return " " + translate("Settings", setting.unit) if setting.unit else ""


def _bound(declared: float | None, otherwise: float) -> float:
    return otherwise if declared is None else declared


def keep_choice(combo: QComboBox, value: str) -> None:
    """Select ``value``; one that is not in the list (a printer unplugged, a layout deleted) stays, marked."""
    if combo.findData(value) < 0:
        combo.addItem(translate("SettingEditors", "{0} (not found)").replace("{0}", value), value)
    combo.setCurrentIndex(combo.findData(value))


def language_choice(value: str, parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    for code, name in (("", translate("SettingEditors", "As the system")), ("de", "Deutsch"), ("en", "English")):
        combo.addItem(name, code)
    keep_choice(combo, value)
    return combo


def stock_choice(value: str, parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    for name, stock in STOCKS.items():
        combo.addItem(QCoreApplication.translate(STOCK_CONTEXT, stock.title), name)
    keep_choice(combo, value)
    return combo


def waiting_choice(first: str) -> Callable[[str, QWidget], QComboBox]:
    """A list filled once the dialog has gathered it off the UI thread; until then, the first entry
    and the current value."""
    def make(value: str, parent: QWidget) -> QComboBox:
        combo = QComboBox(parent)
        combo.addItem(first_entry(first), "")
        if value:
            combo.addItem(value, value)
        combo.setCurrentIndex(combo.findData(value))
        return combo
    return make


def first_entry(choices: str) -> str:
    """What the empty value means, for each list that is gathered later."""
    return {"layout": translate("SettingEditors", "Automatic: suits the stock"),
            "printer": translate("SettingEditors", "None chosen yet"),
            "cups_queue": translate("SettingEditors", "None: print to the badge printer above")}[choices]


CHOICE_EDITORS: dict[str, Callable[[str, QWidget], QComboBox]] = {
    "language": language_choice, "camera": camera_choice, "stock": stock_choice,
    "layout": waiting_choice("layout"), "printer": waiting_choice("printer"),
    "cups_queue": waiting_choice("cups_queue"),
}
