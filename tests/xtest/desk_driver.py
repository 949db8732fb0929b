"""Runs the real desk window on an X display and drives it with XTest keys; prints JSON.

    DISPLAY=:N QT_QPA_PLATFORM=xcb python -m tests.xtest.desk_driver DB_URL SCENARIO...

Started by tests/xtest/test_real_keys.py (one process per X keymap, since Qt reads the
keymap at start). Each scenario puts the focus somewhere, sends keys as a US-layout scanner
or a person would, waits, and reports what the desk did; the tests assert on that report.
"""
from __future__ import annotations

import json
import os
import random
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from checkin.app import build_desk_window
from checkin.scanning.wedge_check import TEST_CODE
from checkin.settings import Settings
from checkin.store.database import open_database
from checkin.sync.demo import create_demo_event
from checkin.ui.collector import UiThreadCollector
from tests.scanning.test_layout_recovery import give_codes
from tests.xtest.xkeys import XKeyboard

#: PySide6 6.12.0 drops a reference to True on every Signal.emit() from Python (and to None on
#: every processEvents()): after a few hundred emits Python deallocates True and aborts
#: ("bool_dealloc"). Extra references keep this long-running driver alive, and it leaves without
#: the interpreter's finalization (which would free them and abort all the same).
_PYSIDE_REFCOUNT_GUARD = [True, False, None] * 1_000_000

#: Codes of the scenarios: capitals, y/z, digits and the symbols that move between layouts.
CODES = ("Ab-Yz/09xY", "QWERTZ-yz/7-Zy", "Kyz+Q=/8aZ", "pretix-ZYX/abc")


def wait_until(app: QApplication, condition: Callable[[], bool], timeout_ms: int = 5000) -> bool:
    """Runs the event loop (checking every 5 ms) until ``condition`` holds or time is up."""
    clock = QElapsedTimer()
    clock.start()
    loop = QEventLoop()

    def check() -> None:  # a slot returns nothing: PySide mishandles slots returning bools
        if condition() or clock.elapsed() >= timeout_ms:
            loop.quit()

    poll = QTimer()
    poll.timeout.connect(check)
    poll.start(5)
    if not condition():
        loop.exec()
    poll.stop()
    return condition()


def settle(app: QApplication, ms: int) -> None:
    wait_until(app, lambda: False, ms)


class KeyTimes(QObject):
    """When the first key of a burst and its Enter reached the application (perf_counter)."""

    def __init__(self) -> None:
        super().__init__()
        self.first = self.enter = 0.0
        #: (X timestamp, text) of every key press, to tell in a failure what the desk was given.
        self.stamps: list[tuple[int, str]] = []

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.KeyPress:
            self.stamps.append((event.timestamp(), event.text()))
            if event.key() == Qt.Key.Key_Return:
                self.enter = self.enter or time.perf_counter()
            elif event.text():
                self.first = self.first or time.perf_counter()
        return False


class Driver:
    def __init__(self, app: QApplication, url: str, demo: bool = True):
        self.app = app
        self.database = open_database(url)
        self.ids: dict[str, int] = {}
        if demo:
            with self.database.session() as session:
                self.demo = create_demo_event(session, 50, seed=7)
            self.ids = dict(zip(CODES, give_codes(self.database, self.demo.event_id, *CODES)))
        settings = Settings(Path(tempfile.mkdtemp()) / "settings.json")
        settings.set("sounds", False)
        settings.set("language", os.environ.get("DRIVER_LANGUAGE", "en"))
        self.window = build_desk_window(self.database, settings, app)
        self.answers: list = []
        self.window.controller.answered.connect(self.answers.append)
        self.window.show()
        wait_until(app, lambda: self.window.controller.ready, 20_000)
        self.keys = XKeyboard(os.environ["DISPLAY"])

    def focus(self, widget: QWidget) -> bool:
        widget.window().activateWindow()
        widget.window().raise_()
        widget.setFocus()
        return wait_until(self.app, lambda: QApplication.focusWidget() is widget)

    def send(self, action: Callable[[], None]) -> None:
        """Keys go out from another thread while this one runs the event loop, as with a real device."""
        sender = threading.Thread(target=action)
        sender.start()
        wait_until(self.app, lambda: not sender.is_alive(), 30_000)
        sender.join()
        settle(self.app, 10)

    def scan(self, code: str, terminator: str | None, count: int = 1) -> list[dict]:
        self.answers.clear()
        times = KeyTimes()
        self.app.installEventFilter(times)
        self.send(lambda: self.keys.type(code, 4, terminator))
        wait_until(self.app, lambda: len(self.answers) >= count, 5000)
        settle(self.app, 400)  # a split-off second code would come now
        self.app.removeEventFilter(times)
        self.last_stamps = times.stamps
        return [self.answer(result) for result in self.answers]

    def answer(self, result) -> dict:  # noqa: ANN001 - ScanResult
        return {"code": result.code, "outcome": result.decision.outcome.value,
                "registration_id": result.registration_id, "extra": dict(result.decision.extra),
                "card": self.window.card.severity, "advice": self.window.card.advice.text()}

    # -- scenarios --------------------------------------------------------------------------
    def scan_field(self, code: str) -> dict:
        focused = self.focus(self.window.scan_field)
        answers = self.scan(code, "\r")
        return {"focused": focused, "answers": answers, "field": self.window.scan_field.text(),
                "keys": self.last_stamps}

    def search_box(self, code: str) -> dict:
        box = self.window.search.box
        focused = self.focus(box)
        self.send(lambda: self.keys.type("Kow", 160))
        settle(self.app, 300)
        answers = self.scan(code, "\t")
        return {"focused": focused, "answers": answers, "field": box.text(), "keys": self.last_stamps}

    def dialog(self, code: str) -> dict:
        self.window.dialogs.walk_in()
        dialog = self.window.dialogs.current
        wait_until(self.app, dialog.isVisible)
        focused = self.focus(dialog.given_name)
        answers = self.scan(code, None)
        result = {"focused": focused, "answers": answers, "field": dialog.given_name.text(),
                  "dialog_open": dialog.isVisible()}
        dialog.reject()
        return result

    def fast_person(self, name: str) -> dict:
        box = self.window.search.box
        box.clear()
        focused = self.focus(box)
        rng = random.Random(name)
        delays = [max(8, round(rng.gauss(30, 12))) for _ in name]
        self.answers.clear()
        self.send(lambda: self.keys.type(name, 30, None, delays))
        settle(self.app, 500)
        return {"focused": focused, "answers": [self.answer(r) for r in self.answers], "field": box.text(),
                "delays": delays}

    def bench(self, codes: str) -> dict:
        """Scans each of ``codes`` (comma-separated) as a 4 ms/key US scanner with Enter; the
        times from its first key and from its Enter reaching the app to the card painted."""
        self.focus(self.window.scan_field)
        times = KeyTimes()
        self.app.installEventFilter(times)  # installed last: sees the keys before the wedge filter
        painted: list[float] = []
        answered: list[float] = []
        self.window.card.painted.connect(painted.append)
        self.window.controller.answered.connect(lambda _result: answered.append(time.perf_counter()))
        rows: dict[str, list[float]] = {"first_key": [], "enter": [], "outcomes": []}
        for code in codes.split(","):
            times.first = times.enter = 0.0
            painted.clear()
            answered.clear()
            self.answers.clear()
            self.send(lambda c=code: self.keys.type(c, 4, "\r"))
            wait_until(self.app, lambda: bool(answered) and bool(painted) and painted[-1] > answered[0], 5000)
            settle(self.app, 30)
            rows["first_key"].append(painted[-1] - times.first)
            rows["enter"].append(painted[-1] - times.enter)
            rows["outcomes"].append(self.answers[0].decision.outcome.value if self.answers else "none")
        self.app.removeEventFilter(times)
        return rows

    def scanner_check(self, code: str, screenshot: str = "") -> dict:
        """Settings → Check scanner…, then the scanner scans ``code`` (the test code)."""
        self.window.dialogs.edit_settings()
        settings_dialog = self.window.dialogs.current
        check = settings_dialog.open_scanner_check()
        focused = wait_until(self.app, check.isVisible) and self.focus(check)
        self.answers.clear()
        self.send(lambda: self.keys.type(code, 4, "\r"))
        wait_until(self.app, lambda: check.report is not None, 3000)
        result = {"focused": focused, "answers": [self.answer(r) for r in self.answers],
                  "findings": check.findings.text()}
        if screenshot:
            self.screenshot(screenshot)
        check.reject()
        settings_dialog.reject()
        return result

    def scanner_check_shot(self, path: str) -> dict:
        """The scanner check after a scan of the test code, photographed to ``path``."""
        return self.scanner_check(TEST_CODE, path)

    def screenshot(self, path: str) -> dict:
        """The whole screen (window manager decorations included) as a volunteer sees it."""
        settle(self.app, 500)
        self.app.primaryScreen().grabWindow(0).save(path)
        return {"path": path}


def main(argv: list[str]) -> int:
    app = QApplication([])
    collector = UiThreadCollector(app)  # as the app does: pool threads must not collect Qt objects
    driver = Driver(app, argv[0], demo=not argv[1].startswith("bench:"))
    report: dict = {"ids": driver.ids}
    for scenario in argv[1:]:
        name, _, argument = scenario.partition(":")
        report[scenario] = getattr(driver, name)(argument)
    print(json.dumps(report), flush=True)
    driver.keys.close()
    driver.window.close()
    driver.database.dispose()
    collector.stop()
    return 0


if __name__ == "__main__":
    code = main(sys.argv[1:])
    sys.stdout.flush()
    os._exit(code)  # see _PYSIDE_REFCOUNT_GUARD
