"""The desk window on a fresh database with the demo event, as a volunteer would see it."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from checkin.store.models import Registration
from tests.ui.keys import Keyboard

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session", autouse=True)
def compiled_translations() -> None:
    """The .qm files are built (CI builds them before the tests; locally we do it here)."""
    if not (ROOT / "resources" / "translations" / "checkin_de.qm").exists():
        subprocess.run([sys.executable, str(ROOT / "scripts" / "build_translations.py")], check=True)


@pytest.fixture
def window_settings(settings):
    settings.set("sounds", False)
    settings.set("desk_name", "Desk A")
    settings.set("language", "en")
    return settings


@pytest.fixture
def make_window(qtbot, database, window_settings):
    from PySide6.QtWidgets import QApplication

    from checkin.app import build_desk_window

    windows = []

    def make(**collaborators):
        window = build_desk_window(database, window_settings, QApplication.instance(), **collaborators)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.ready, timeout=10_000):
            window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()


@pytest.fixture
def window(make_window, demo):
    window = make_window()
    window.scan_field.setFocus()
    return window


@pytest.fixture
def keyboard() -> Keyboard:
    return Keyboard()


@pytest.fixture
def codes(database, demo):
    """Ticket codes of valid guests, of a cancelled and of an unpaid one."""
    with database.reader() as session:
        def of(status):  # noqa: ANN001, ANN202
            return list(session.scalars(select(Registration.code).where(
                Registration.event_id == demo.event_id, Registration.status == status).order_by(Registration.id)))
        return {"valid": of("valid"), "cancelled": of("cancelled"), "unpaid": of("unpaid")}


@pytest.fixture
def composed_desk(qtbot, make_window, database, window_settings, demo, tmp_path, codes):
    """The window as the app composes it (Tools and Help menus), and the first valid guest."""
    from tests.ui.every_dialog import desk_with_tools

    with database.reader() as session:
        first = session.scalar(select(Registration.id).where(Registration.code == codes["valid"][0]))
    return desk_with_tools(qtbot, make_window, database, window_settings, tmp_path, first)


def answers(window) -> list:  # noqa: ANN001
    """The ScanResults the desk answers from now on, collected as they come."""
    results = []
    window.controller.answered.connect(results.append)
    return results


def scan(qtbot, window, keyboard, *payloads: str) -> list:  # noqa: ANN001
    """Scanner bursts for ``payloads``; their ScanResults once all are answered."""
    results = answers(window)
    for payload in payloads:
        keyboard.scanner(payload)
    qtbot.waitUntil(lambda: len(results) == len(payloads))
    return results
