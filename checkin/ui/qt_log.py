"""Qt's own warnings (a missing plugin, a failed font, a printing error) go to the desk's log
file too, so the diagnostics show them; the previous handler is restored on stop."""
from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

log = logging.getLogger("qt")

LEVELS = {QtMsgType.QtInfoMsg: logging.INFO, QtMsgType.QtWarningMsg: logging.WARNING,
          QtMsgType.QtCriticalMsg: logging.ERROR, QtMsgType.QtFatalMsg: logging.CRITICAL}


class QtMessagesToLog:
    def __init__(self) -> None:
        self._previous: Callable | None = None
        self._installed = False

    def install(self) -> None:
        self._previous = qInstallMessageHandler(self.handle)
        self._installed = True

    def uninstall(self) -> None:
        if self._installed:
            qInstallMessageHandler(self._previous)
            self._installed = False

    def handle(self, kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if kind in LEVELS:  # debug messages stay out: Qt is chatty
            log.log(LEVELS[kind], "%s", message)
        if self._previous is not None:
            self._previous(kind, context, message)
