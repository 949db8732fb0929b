"""Every setting declared once (type, default, bounds, label, help, unit, group); stored as JSON per user."""
from __future__ import annotations

import json
import os
import re
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


# Where a setting appears in the settings dialog. INTERNAL ones the desk sets itself (never shown);
# a setting declared without a group lands under OTHER, so nothing new is ever hidden by mistake.
INTERNAL, OTHER = "internal", "other"


@dataclass(frozen=True)
class Group:
    key: str
    title: str


GROUPS: tuple[Group, ...] = (
    Group("desk", QT_TRANSLATE_NOOP("Settings", "Desk")),
    Group("scanner", QT_TRANSLATE_NOOP("Settings", "Scanner")),
    Group("badges", QT_TRANSLATE_NOOP("Settings", "Badges & printing")),
    Group("pretix", QT_TRANSLATE_NOOP("Settings", "pretix")),
    Group("look", QT_TRANSLATE_NOOP("Settings", "Look")),
    Group(OTHER, QT_TRANSLATE_NOOP("Settings", "Other")),
)


@dataclass(frozen=True)
class Setting:
    """One setting. ``label``, ``description`` (one line of help) and ``unit`` are shown through
    ``QCoreApplication.translate("Settings", …)``; mark them with QT_TRANSLATE_NOOP."""

    key: str
    type: type
    default: Any
    label: str
    description: str = ""
    # Bounds for numbers: the settings dialog keeps to them, and a value outside (an edited file) is clamped.
    minimum: float | None = None
    maximum: float | None = None
    unit: str = ""
    group: str = OTHER
    # The name of a list the value is chosen from (the dialog knows "language", "camera", "stock", "layout",
    # "printer", "cups_queue"); empty: edited by its type.
    choices: str = ""
    # For text: a regular expression the whole value must match (the dialog refuses other input).
    pattern: str = ""

    def clamp(self, value: Any) -> Any:
        """The value within the bounds; text that breaks the pattern (an edited file) becomes the default."""
        if self.pattern and re.fullmatch(self.pattern, str(value)) is None:
            return self.default
        if self.minimum is not None:
            value = max(value, self.type(self.minimum))
        if self.maximum is not None:
            value = min(value, self.type(self.maximum))
        return value


# Printable characters only (a scanner's prefix must not hold a control character the dialog cannot show).
PRINTABLE = r"[^\x00-\x1f\x7f]{0,%d}"
MS, S = QT_TRANSLATE_NOOP("Settings", "ms"), QT_TRANSLATE_NOOP("Settings", "s")
MIN = QT_TRANSLATE_NOOP("Settings", "min")
BACKUPS, CHARACTERS = QT_TRANSLATE_NOOP("Settings", "backups"), QT_TRANSLATE_NOOP("Settings", "characters")

SETTINGS: tuple[Setting, ...] = (
    Setting("desk_id", str, "", "Desk id", "Stable id of this installation; created on first start.", group=INTERNAL),
    Setting("window_geometry", str, "", "Window size and place", "Remembered when the desk window closes.",
            group=INTERNAL),
    Setting("venue_database", str, "", "Venue database", "The venue PostgreSQL this desk joined (no password); "
            "opened at start unless --db or CHECKIN_DB names another.", group=INTERNAL),
    # -- desk
    Setting("desk_name", str, "", QT_TRANSLATE_NOOP("Settings", "Desk name"),
            QT_TRANSLATE_NOOP("Settings", "Shown on every check-in this desk records."),
            group="desk", pattern=PRINTABLE % 40),
    Setting("exit_mode_idle_min", int, 5, QT_TRANSLATE_NOOP("Settings", "Exit mode ends after idle"),
            QT_TRANSLATE_NOOP("Settings", "A desk in exit mode returns to entry after this long without a scan; "
                              "0 never returns."),
            0, 240, MIN, "desk"),
    Setting("answer_timeout_s", int, 0, QT_TRANSLATE_NOOP("Settings", "Answer stays"),
            QT_TRANSLATE_NOOP("Settings", "0 keeps the answer until the next scan."),
            0, 600, S, "desk"),
    Setting("sounds", bool, True, QT_TRANSLATE_NOOP("Settings", "Sounds"),
            QT_TRANSLATE_NOOP("Settings", "Distinct sounds for ok, warning and refused."),
            group="desk"),
    Setting("walk_in_ticket_type", str, "", QT_TRANSLATE_NOOP("Settings", "Walk-in ticket type"),
            QT_TRANSLATE_NOOP("Settings", "The ticket type a walk-in guest gets unless you pick another; "
                              "empty means the event's most common type."),
            group="desk", pattern=PRINTABLE % 80),
    Setting("backup_interval_min", int, 10, QT_TRANSLATE_NOOP("Settings", "Backup every"),
            QT_TRANSLATE_NOOP("Settings", "The desk copies its database at start, then this often."),
            1, 240, MIN, "desk"),
    Setting("backups_kept", int, 24, QT_TRANSLATE_NOOP("Settings", "Backups kept"),
            QT_TRANSLATE_NOOP("Settings", "The newest this many stay; older ones are deleted."),
            1, 1000, BACKUPS, "desk"),
    Setting("venue_timeout_s", float, 2.0, QT_TRANSLATE_NOOP("Settings", "Venue database timeout"),
            QT_TRANSLATE_NOOP("Settings", "A venue PostgreSQL that does not answer within this long: the desk "
                              "goes on with its own copy."),
            2.0, 30.0, S, "desk"),  # 2 s: the least libpq and psycopg wait for a connection
    Setting("venue_retry_s", float, 5.0, QT_TRANSLATE_NOOP("Settings", "Try the venue database again after"),
            QT_TRANSLATE_NOOP("Settings", "While on its own copy, the desk asks the venue database again this "
                              "often and then merges."),
            1.0, 600.0, S, "desk"),
    # -- scanner
    Setting("scanner_prefix", str, "", QT_TRANSLATE_NOOP("Settings", "Scanner prefix"),
            QT_TRANSLATE_NOOP("Settings", "Characters the scanner sends before each code."),
            group="scanner", pattern=PRINTABLE % 16),
    Setting("scanner_suffix", str, "", QT_TRANSLATE_NOOP("Settings", "Scanner suffix"),
            QT_TRANSLATE_NOOP("Settings", "Characters the scanner sends after each code."),
            group="scanner", pattern=PRINTABLE % 16),
    Setting("scanner_max_key_interval_ms", int, 60, QT_TRANSLATE_NOOP("Settings", "Longest pause inside a code"),
            QT_TRANSLATE_NOOP("Settings", "A longer pause between two keys ends the code: scanners never pause."),
            5, 500, MS, "scanner"),
    Setting("scanner_typical_interval_ms", int, 15, QT_TRANSLATE_NOOP("Settings", "Typical scanner key interval"),
            QT_TRANSLATE_NOOP("Settings", "Slower bursts are a person typing (a scanner types a key every 1–10 ms)."),
            1, 200, MS, "scanner"),
    Setting("scanner_min_length", int, 6, QT_TRANSLATE_NOOP("Settings", "Shortest code"),
            QT_TRANSLATE_NOOP("Settings", "Shorter bursts of keys are typing, not a scan."),
            1, 100, CHARACTERS, "scanner"),
    Setting("scanner_end_pause_ms", int, 120, QT_TRANSLATE_NOOP("Settings", "End pause"),
            QT_TRANSLATE_NOOP("Settings", "For scanners that send no Enter or Tab: a pause this long ends the code."),
            20, 2000, MS, "scanner"),
    Setting("camera_preview", bool, False, QT_TRANSLATE_NOOP("Settings", "Scan with the camera"),
            QT_TRANSLATE_NOOP("Settings", "Webcam reads QR codes; its picture shows in the desk window (Ctrl+K)."),
            group="scanner"),
    Setting("camera_device", str, "", QT_TRANSLATE_NOOP("Settings", "Camera"),
            QT_TRANSLATE_NOOP("Settings", "The webcam that reads QR codes."),
            group="scanner", choices="camera"),
    Setting("camera_repeat_s", float, 3.0, QT_TRANSLATE_NOOP("Settings", "Camera reads a code again after"),
            QT_TRANSLATE_NOOP("Settings",
                              "Only once the code was out of view this long: a ticket held up is one scan."),
            1.0, 60.0, S, "scanner"),
    # -- badges & printing
    Setting("print_on_check_in", bool, False, QT_TRANSLATE_NOOP("Settings", "Print badge on check-in"),
            QT_TRANSLATE_NOOP("Settings", "Prints each guest's badge once, at their first check-in."),
            group="badges"),
    Setting("badge_stock", str, "durable-1445", QT_TRANSLATE_NOOP("Settings", "Badge stock"),
            QT_TRANSLATE_NOOP("Settings", "The labels or sheets the badges print on."),
            group="badges", choices="stock"),
    Setting("badge_layout", str, "", QT_TRANSLATE_NOOP("Settings", "Badge layout"),
            QT_TRANSLATE_NOOP("Settings", "A built-in layout, your own, or one of the event's from pretix."),
            group="badges", choices="layout"),
    Setting("badge_printer", str, "", QT_TRANSLATE_NOOP("Settings", "Badge printer"),
            QT_TRANSLATE_NOOP("Settings", "Badges print here without asking."),
            group="badges", choices="printer"),
    Setting("badge_cups_queue", str, "", QT_TRANSLATE_NOOP("Settings", "CUPS queue"),
            QT_TRANSLATE_NOOP("Settings", "Sends badges straight to this CUPS queue instead of the printer above."),
            group="badges", choices="cups_queue"),
    # -- pretix
    Setting("sync_interval_s", int, 60, QT_TRANSLATE_NOOP("Settings", "Sync with pretix every"),
            QT_TRANSLATE_NOOP("Settings", "How often a connected desk uploads its check-ins and downloads changes."),
            10, 3600, S, "pretix"),
    Setting("online_timeout_s", float, 2.0, QT_TRANSLATE_NOOP("Settings", "Online check-in timeout"),
            QT_TRANSLATE_NOOP("Settings", "How long a scan waits for pretix before the desk decides offline."),
            0.5, 30.0, S, "pretix"),
    Setting("online_slow_s", float, 1.0, QT_TRANSLATE_NOOP("Settings", "Slow answer"),
            QT_TRANSLATE_NOOP("Settings", "Slower answers from pretix switch the desk to offline decisions."),
            0.1, 30.0, S, "pretix"),
    Setting("online_retry_s", float, 30.0, QT_TRANSLATE_NOOP("Settings", "Try online again after"),
            QT_TRANSLATE_NOOP("Settings", "After going offline, the desk asks pretix again after this long."),
            1.0, 3600.0, S, "pretix"),
    # -- look
    Setting("language", str, "", QT_TRANSLATE_NOOP("Settings", "Language"),
            QT_TRANSLATE_NOOP("Settings", "“As the system” follows the computer's language."),
            group="look", choices="language"),
    Setting("font_scale", float, 1.0, QT_TRANSLATE_NOOP("Settings", "Font scale"),
            QT_TRANSLATE_NOOP("Settings", "Enlarges all text of the desk window."),
            0.5, 3.0, "×", "look"),
    Setting("high_contrast", bool, False, QT_TRANSLATE_NOOP("Settings", "High contrast"),
            QT_TRANSLATE_NOOP("Settings", "Black on white with strong colours, for bright halls and weak eyes."),
            group="look"),
)
_BY_KEY = {setting.key: setting for setting in SETTINGS}


def default_of(key: str) -> Any:
    """A setting's declared default (for code that runs without the user's settings)."""
    return _BY_KEY[key].default


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


def settings_in(group: str) -> list[Setting]:
    """The settings the dialog shows under ``group``, in the order they are declared."""
    return [setting for setting in SETTINGS if setting.group == group]
