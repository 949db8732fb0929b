"""The desk's log: a rotating file in the user log folder, private to the user, with personal
data masked on the way in (names, e-mail addresses, ticket codes), so a log or the diagnostics
can be sent to a helper without a data-protection incident."""
from __future__ import annotations

import logging
import os
import re
from collections import deque
from logging.handlers import RotatingFileHandler
from pathlib import Path

from platformdirs import user_log_dir

APP_DIR_NAME = "checkin-desk"
LOG_FILE_NAME = "checkin.log"
MAX_BYTES, BACKUP_COUNT = 1_000_000, 5
HIDDEN = "‹hidden›"

#: (pattern, replacement) in order: parameter dumps first, then e-mails, labelled values,
#: quoted text (names in messages and reprs; source file paths in tracebacks stay), codes.
MASKS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\[parameters: .*?\](?=\s*(\(|$))", re.MULTILINE), f"[parameters: {HIDDEN}]"),
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "‹e-mail›"),
    (re.compile(r"\b(name|given_name|family_name|company|email|e-mail|code|secret|attendee)(\s*[=:]\s*)"
                r"(?!['\"])[^\s,;)]+", re.IGNORECASE), rf"\1\2{HIDDEN}"),
    (re.compile(r"'(?![^'\n]*\.py')[^'\n]{1,300}'"), f"'{HIDDEN}'"),
    (re.compile(r"\"(?![^\"\n]*\.py\")[^\"\n]{1,300}\""), f'"{HIDDEN}"'),
    (re.compile(r"\b(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{8,}\b"), "‹code›"),
)


class Personal:
    """Wrap a personal value passed to a log call: ``log.info("checked in %s", Personal(name))``."""

    def __init__(self, value: object):
        self._value = value

    def __str__(self) -> str:
        return HIDDEN

    __repr__ = __str__


def mask(text: str) -> str:
    """``text`` with personal data replaced; the user's home folder becomes ``~``."""
    home = str(Path.home())
    if len(home) > 1:
        text = text.replace(home, "~")
    for pattern, replacement in MASKS:
        text = pattern.sub(replacement, text)
    return text


class MaskingFormatter(logging.Formatter):
    """Masks the whole formatted record, tracebacks included."""

    def format(self, record: logging.LogRecord) -> str:
        return mask(super().format(record))


def log_dir() -> Path:
    return Path(os.environ.get("CHECKIN_LOG_DIR") or user_log_dir(APP_DIR_NAME, appauthor=False))


def log_file() -> Path:
    return log_dir() / LOG_FILE_NAME


class PrivateRotatingFileHandler(RotatingFileHandler):
    """Every file it opens, the rotated ones included, is readable by the user only (0600)."""

    def _open(self):  # noqa: ANN202 - a text stream, as in logging
        descriptor = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.chmod(self.baseFilename, 0o600)
        return open(descriptor, self.mode, encoding=self.encoding, errors=self.errors)


def setup_logging(folder: Path | None = None, level: int = logging.INFO) -> Path:
    """Send the ``checkin`` loggers (and warnings) to the rotating file; returns its path."""
    folder = folder or log_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(folder, 0o700)
    handler = PrivateRotatingFileHandler(folder / LOG_FILE_NAME, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT,
                                         encoding="utf-8")
    handler.setFormatter(MaskingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    stop_logging()
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(min(root.level or level, level))
    logging.captureWarnings(True)
    return folder / LOG_FILE_NAME


def stop_logging() -> None:
    """Close the log file (at exit, or before a new one is set up)."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, PrivateRotatingFileHandler)]:
        root.removeHandler(handler)
        handler.close()
    logging.captureWarnings(False)


def last_lines(count: int = 200, path: Path | None = None) -> list[str]:
    """The last ``count`` lines of the log, masked again (a file from an older version may hold more)."""
    path = path or log_file()
    if not path.exists():
        return []
    with path.open(encoding="utf-8", errors="replace") as file:
        return [mask(line.rstrip("\n")) for line in deque(file, maxlen=count)]
