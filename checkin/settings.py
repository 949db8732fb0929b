"""Every setting declared once, with its type, default and label; stored as JSON per user."""
from __future__ import annotations

import json
import os
import socket
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from platformdirs import user_config_dir

APP_DIR_NAME = "checkin-desk"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name Qt's lupdate looks for
    """Marks a label or description for translation where it is declared (no Qt here).

    lupdate collects it into the .ts files; the settings dialog shows it through
    ``QCoreApplication.translate("Settings", text)``.
    """
    return text


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any
    label: str
    description: str = ""
    #: Bounds for numbers: the settings dialog keeps to them, and a value outside (an edited file) is clamped.
    minimum: float | None = None
    maximum: float | None = None

    def clamp(self, value: Any) -> Any:
        if self.minimum is not None:
            value = max(value, self.type(self.minimum))
        if self.maximum is not None:
            value = min(value, self.type(self.maximum))
        return value


SETTINGS: tuple[Setting, ...] = (
    Setting("desk_id", str, "", "Desk id", "Stable id of this installation; created on first start."),
    Setting("desk_name", str, "", "Desk name", "Shown on every check-in this desk records."),
    Setting("window_geometry", str, "", "Window size and place", "Remembered when the desk window closes."),
    Setting("scanner_prefix", str, "", "Scanner prefix", "Characters the scanner sends before each code."),
    Setting("scanner_suffix", str, "", "Scanner suffix", "Characters the scanner sends after each code."),
    Setting("scanner_max_key_interval_ms", int, 60, "Scanner key interval (ms)",
            "A pause longer than this ends a burst of keys: scanners never pause inside a code.", 5, 500),
    Setting("scanner_typical_interval_ms", int, 15, "Scanner typical key interval (ms)",
            "Bursts whose median key interval is longer than this are a person typing, not a scanner "
            "(wedge scanners type a key every 1–10 ms, evenly; people ~30 ms or more, unevenly).", 1, 200),
    Setting("scanner_min_length", int, 6, "Scanner minimum length", "Shorter bursts are typing.", 1, 100),
    Setting("scanner_end_pause_ms", int, 120, "Scanner end pause (ms)",
            "For scanners that send no Enter/Tab: a pause this long ends the code."),
    Setting("exit_mode_idle_min", int, 5, QT_TRANSLATE_NOOP("Settings", "Exit mode ends after idle (min)"),
            QT_TRANSLATE_NOOP("Settings", "A desk in exit mode returns to entry after this many minutes without a "
                              "scan, so a desk left in exit mode does not turn arriving guests away; 0 never "
                              "returns."), 0, 240),
    Setting("answer_timeout_s", int, 0, "Answer stays (s)", "0 keeps the answer until the next scan."),
    Setting("sounds", bool, True, "Sounds", "Distinct sounds for ok, warning and refused."),
    Setting("language", str, "", "Language", "Empty follows the system; 'de' or 'en' override it."),
    Setting("font_scale", float, 1.0, "Font scale", "Enlarges all text of the desk window.", 0.5, 3.0),
    Setting("high_contrast", bool, False, "High contrast", "Black on white with strong colours."),
    Setting("print_on_check_in", bool, False, "Print badge on check-in", "Prints each guest's badge once."),
    Setting("badge_stock", str, "durable-1445", "Badge stock", "Label or sheet stock the badges print on."),
    Setting("badge_layout", str, "", "Badge layout", "Built-in layout name, user:NAME or a .json file; "
            "empty picks one that suits the stock."),
    Setting("badge_printer", str, "", "Badge printer", "Printer for badges; chosen once, then used silently."),
    Setting("badge_cups_queue", str, "", "CUPS queue", "Print badges straight to this CUPS queue with lp "
            "(Linux/macOS) instead of through the system print dialog's printer."),
    Setting("sync_interval_s", int, 60, "pretix sync every (s)", "How often a desk connected to pretix uploads "
            "its check-ins and downloads changes.", 10, 3600),
    Setting("online_timeout_s", float, 2.0, "Online check-in timeout (s)", "How long a scan waits for pretix "
            "before the desk decides offline.", 0.5, 30.0),
    Setting("online_slow_s", float, 1.0, "Slow answer (s)", "pretix answers slower than this switch the desk to "
            "offline decisions.", 0.1, 30.0),
    Setting("online_retry_s", float, 30.0, "Try online again after (s)", "After going offline, the desk asks "
            "pretix again after this long.", 1.0, 3600.0),
    Setting("camera_device", str, "", QT_TRANSLATE_NOOP("Settings", "Camera"),
            QT_TRANSLATE_NOOP("Settings", "The webcam that reads QR codes; empty means the system's default camera.")),
    Setting("camera_preview", bool, False, QT_TRANSLATE_NOOP("Settings", "Scan with the camera"),
            QT_TRANSLATE_NOOP("Settings", "Webcam reads QR codes; its picture shows in the desk window (Ctrl+K).")),
    Setting("camera_repeat_s", float, 3.0, QT_TRANSLATE_NOOP("Settings", "Camera reads a code again after (s)"),
            QT_TRANSLATE_NOOP("Settings",
                              "Only once the code was out of view this long: a ticket held up is one scan."), 1.0, 60.0),
    Setting("backup_interval_min", int, 10, "Backup every (min)", "The desk copies its SQLite database at start "
            "and then this often into the backups folder of the user data folder.", 1, 240),
    Setting("backups_kept", int, 24, "Backups kept", "The newest this many backups stay; older ones are "
            "deleted.", 1, 1000),
)
_BY_KEY = {setting.key: setting for setting in SETTINGS}


def config_dir() -> Path:
    return Path(os.environ.get("CHECKIN_CONFIG_DIR") or user_config_dir(APP_DIR_NAME, appauthor=False))


class Settings:
    """The values of :data:`SETTINGS` for this user, read from and saved to ``settings.json``."""

    def __init__(self, path: Path | None = None):
        self.path = path or config_dir() / "settings.json"
        self._values: dict[str, Any] = {}
        if self.path.exists():
            try:
                loaded = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                loaded = {}  # a damaged settings file must not keep the desk from starting
            self._values = {key: value for key, value in loaded.items() if key in _BY_KEY}

    def get(self, key: str) -> Any:
        setting = _BY_KEY[key]
        value = self._values.get(key, setting.default)
        try:
            return setting.clamp(setting.type(value))
        except (TypeError, ValueError):
            return setting.default

    def set(self, key: str, value: Any) -> None:
        setting = _BY_KEY[key]
        self._values[key] = setting.type(value)

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps(self._values, indent=2, sort_keys=True), encoding="utf-8")
        os.replace(temporary, self.path)

    def desk_identity(self) -> tuple[str, str]:
        """This installation's (desk id, desk name), created and saved on first use."""
        if not self.get("desk_id"):
            self.set("desk_id", str(uuid.uuid4()))
            if not self.get("desk_name"):
                self.set("desk_name", socket.gethostname() or "Desk")
            self.save()
        return self.get("desk_id"), self.get("desk_name") or "Desk"
