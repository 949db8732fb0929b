"""At 1366×768 with a real window manager (openbox: a title bar) and a panel (a dock with a
strut), the desk window's frame and status bar stay on the screen, inside the work area."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import skip_or_fail

ROOT = Path(__file__).resolve().parents[2]
PANEL_HEIGHT = 32


@pytest.fixture
def openbox(x_display: str) -> Iterator[None]:
    if shutil.which("openbox") is None:
        skip_or_fail("the window-manager test needs openbox (Debian: openbox)")
    manager = subprocess.Popen(["openbox", "--sm-disable"], env={**os.environ, "DISPLAY": x_display},
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    yield
    manager.terminate()
    manager.wait(10)


@pytest.fixture
def panel(x_display: str, openbox: None) -> Iterator[None]:
    """A bottom panel as desktops have one: a dock window reserving PANEL_HEIGHT pixels."""
    from Xlib import X, display

    screen_display = display.Display(x_display)
    root = screen_display.screen().root
    width, height = screen_display.screen().width_in_pixels, screen_display.screen().height_in_pixels
    window = root.create_window(0, height - PANEL_HEIGHT, width, PANEL_HEIGHT, 0, X.CopyFromParent)
    atom = screen_display.intern_atom
    window.change_property(atom("_NET_WM_WINDOW_TYPE"), atom("ATOM"), 32, [atom("_NET_WM_WINDOW_TYPE_DOCK")])
    window.change_property(atom("_NET_WM_STRUT_PARTIAL"), atom("CARDINAL"), 32,
                           [0, 0, 0, PANEL_HEIGHT, 0, 0, 0, 0, 0, 0, 0, width - 1])
    window.map()
    screen_display.sync()
    time.sleep(0.5)
    yield
    window.destroy()
    screen_display.close()


def test_the_window_and_its_status_bar_fit_1366x768_with_title_bar_and_panel(x_display, panel, tmp_path):
    shot = os.environ.get("CHECKIN_WINDOW_SCREENSHOT") or str(tmp_path / "screen.png")
    env = {**os.environ, "DISPLAY": x_display, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(ROOT),
           "CHECKIN_CONFIG_DIR": str(tmp_path / "config"), "CHECKIN_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "-m", "tests.xtest.window_driver", f"sqlite:///{tmp_path / 'd.sqlite3'}",
                           "--screenshot", shot], env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    ax, ay, aw, ah = report["available"]
    assert ah == 768 - PANEL_HEIGHT, "the panel's strut reached Qt (the work area)"
    fx, fy, fw, fh = report["frame"]
    assert report["inner"][1] > fy, "openbox put a title bar above the window"
    assert ax <= fx and ay <= fy and fx + fw <= ax + aw and fy + fh <= ay + ah, report
    sx, sy, sw, sh = report["status_bar"]
    assert report["status_visible"] and sy + sh <= ay + ah, "the status bar is above the panel"
    assert Path(shot).stat().st_size > 0
