"""Edits the settings a desk volunteer or organiser may change (declared in checkin.settings)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from checkin.settings import SETTINGS, Setting, Settings
from checkin.ui.camera_panel import camera_choice

#: Internal settings the desk sets itself (the event and list are chosen in the window).
HIDDEN = {"desk_id", "window_geometry"}


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Settings"))
        self.editors: dict[str, QWidget] = {}
        form = QFormLayout(self)
        labels = self._labels()
        for setting in SETTINGS:
            if setting.key in HIDDEN:
                continue
            editor = self._editor(setting, settings.get(setting.key))
            label = labels.get(setting.key) or QCoreApplication.translate("Settings", setting.label)
            editor.setAccessibleName(label)
            editor.setToolTip(QCoreApplication.translate("Settings", setting.description))
            self.editors[setting.key] = editor
            form.addRow(label + ":", editor)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.check_scanner = buttons.addButton(self.tr("Check scanner…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.check_scanner.clicked.connect(self.open_scanner_check)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _labels(self) -> dict[str, str]:
        return {
            "desk_name": self.tr("Desk name"), "scanner_prefix": self.tr("Scanner prefix"),
            "scanner_suffix": self.tr("Scanner suffix"),
            "scanner_max_key_interval_ms": self.tr("Scanner key interval (ms)"),
            "scanner_typical_interval_ms": self.tr("Scanner typical key interval (ms)"),
            "scanner_min_length": self.tr("Scanner minimum length"),
            "scanner_end_pause_ms": self.tr("Scanner end pause (ms)"),
            "answer_timeout_s": self.tr("Answer stays (s, 0 = until the next scan)"),
            "sounds": self.tr("Sounds"), "language": self.tr("Language"), "font_scale": self.tr("Font scale"),
            "high_contrast": self.tr("High contrast"), "print_on_check_in": self.tr("Print badge on check-in"),
            "sync_interval_s": self.tr("pretix sync every (s)"),
            "online_timeout_s": self.tr("Online check-in timeout (s)"),
            "online_slow_s": self.tr("Slow answer from pretix (s)"),
            "online_retry_s": self.tr("Try online again after (s)"),
            "backup_interval_min": self.tr("Backup every (min)"), "backups_kept": self.tr("Backups kept"),
        }

    def _editor(self, setting: Setting, value: object) -> QWidget:
        key, kind = setting.key, setting.type
        if key == "language":
            combo = QComboBox(self)
            for code, name in (("", self.tr("As the system")), ("de", "Deutsch"), ("en", "English")):
                combo.addItem(name, code)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            return combo
        if key == "camera_device":
            return camera_choice(value, self)
        if kind is bool:
            box = QCheckBox(self)
            box.setChecked(bool(value))
            return box
        if kind is int:
            spin = QSpinBox(self)
            spin.setRange(int(_bound(setting.minimum, 0)), int(_bound(setting.maximum, 100_000)))
            spin.setValue(int(value))
            return spin
        if kind is float:
            spin = QDoubleSpinBox(self)
            spin.setRange(_bound(setting.minimum, 0.0), _bound(setting.maximum, 1000.0))
            spin.setSingleStep(0.1)
            spin.setValue(float(value))
            return spin
        line = QLineEdit(str(value), self)
        return line

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


def _bound(declared: float | None, otherwise: float) -> float:
    return otherwise if declared is None else declared
