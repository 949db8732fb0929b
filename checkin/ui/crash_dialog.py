"""Crash safety: an unhandled exception on the UI thread or on a worker thread is logged
(masked), and a dialog shows the diagnostics; the desk keeps running. Check-ins are committed
by the desk service before any answer reaches the window, so a failing view costs none."""
from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from checkin.diagnostics import diagnostics

log = logging.getLogger("checkin.crash")


class CrashDialog(QDialog):
    def __init__(self, report: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Something went wrong"))
        self.message = QLabel(self.tr("An error occurred. Check-ins confirmed so far are saved and the desk "
                                      "keeps running. Please send the diagnostics below to your organiser."), self)
        self.message.setWordWrap(True)
        self.report = QPlainTextEdit(report, self)
        self.report.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = buttons.addButton(self.tr("Copy diagnostics"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.report.toPlainText()))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.message, self.report, buttons):
            layout.addWidget(widget)
        self.resize(720, 480)


class LoggedTraceback(logging.Handler):
    """A ``checkin`` logger reporting an error with its traceback (a background task that failed
    with no one to tell, say) counts as unhandled too."""

    def __init__(self, report: Callable[[str], None]):
        super().__init__(logging.ERROR)
        self.report = report

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info and record.exc_info[0] is not None and record.name != log.name:
            self.report(record.exc_info[0].__name__)


class CrashGuard(QObject):
    """Installs ``sys.excepthook`` and ``threading.excepthook`` (and watches the ``checkin``
    loggers for tracebacks); one dialog at a time."""

    #: Emitted from whichever thread failed; delivered (queued) on the UI thread.
    crashed = Signal(str)

    def __init__(self, database_url: str, parent_widget: Callable[[], QWidget | None] = lambda: None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.database_url, self.parent_widget = database_url, parent_widget
        self.dialog: CrashDialog | None = None
        self.count = 0
        self._previous: tuple | None = None
        self._logged = LoggedTraceback(self.crashed.emit)
        # Queued even on the UI thread: the dialog reads the log after the record is written.
        self.crashed.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook, threading.excepthook = self.on_exception, self.on_thread_exception
        logging.getLogger("checkin").addHandler(self._logged)

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None
            logging.getLogger("checkin").removeHandler(self._logged)

    def on_exception(self, kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt) and self._previous is not None:
            self._previous[0](kind, error, trace)
            return
        log.critical("unhandled %s on %s", kind.__name__, threading.current_thread().name,
                     exc_info=(kind, error, trace))
        self.crashed.emit(kind.__name__)

    def on_thread_exception(self, args: threading.ExceptHookArgs) -> None:
        log.critical("unhandled %s on thread %s", args.exc_type.__name__, getattr(args.thread, "name", "?"),
                     exc_info=(args.exc_type, args.exc_value, args.exc_traceback))
        self.crashed.emit(args.exc_type.__name__)

    @Slot(str)
    def _show(self, _kind: str) -> None:
        self.count += 1
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.report.setPlainText(diagnostics(self.database_url))  # a later error: fresh log lines
            return
        self.dialog = CrashDialog(diagnostics(self.database_url), self.parent_widget())
        self.dialog.open()
