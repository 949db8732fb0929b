"""Opens the real desk window on an X display (with whatever window manager and panel run
there), waits until the window manager has framed it, and prints its geometry as JSON; with
``--screenshot FILE`` it also saves the whole screen.

    DISPLAY=:N QT_QPA_PLATFORM=xcb python -m tests.xtest.window_driver DB_URL [--screenshot FILE]
"""
from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QRect, QTimer
from PySide6.QtWidgets import QApplication

from checkin.app import build_desk_window
from checkin.settings import Settings
from checkin.store.database import open_database
from checkin.sync.demo import create_demo_event


def rect(value: QRect) -> list[int]:
    return [value.x(), value.y(), value.width(), value.height()]


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main(url: str, screenshot: str | None) -> dict:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    database = open_database(url)
    with database.session() as session:
        create_demo_event(session, 50, seed=3)
    settings = Settings(Path(tempfile.mkdtemp()) / "settings.json")
    settings.set("sounds", False)
    settings.set("language", "en")
    window = build_desk_window(database, settings, app)
    window.show()
    wait(1500)  # framed by the window manager, fitted again with the real title bar
    status = window.statusBar()
    report = {"available": rect(window.screen().availableGeometry()), "screen": rect(window.screen().geometry()),
              "frame": rect(window.frameGeometry()), "inner": rect(window.geometry()),
              "status_bar": rect(QRect(status.mapToGlobal(status.rect().topLeft()), status.size())),
              "status_visible": status.isVisible()}
    if screenshot:
        window.screen().grabWindow(0).save(screenshot)
    window.close()
    database.dispose()
    return report


if __name__ == "__main__":
    arguments = sys.argv[1:]
    shot = arguments[arguments.index("--screenshot") + 1] if "--screenshot" in arguments else None
    print(json.dumps(main(arguments[0], shot)))
