"""An X server of the tests' own (Xvfb on a free display), its keymap, and the desk driver."""
from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import skip_or_fail

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def x_display() -> Iterator[str]:
    """A fresh Xvfb on a display number it picks itself (``-displayfd``), stopped afterwards.

    ``-noreset``: without it the server resets its keymap whenever the last client leaves
    (``setxkbmap`` is such a client), and every keymap change would be lost at once.
    """
    missing = [tool for tool in ("Xvfb", "setxkbmap", "xkbcomp") if shutil.which(tool) is None]
    if missing:
        skip_or_fail(f"real X key tests need {', '.join(missing)} (Debian: xvfb x11-xkb-utils)")
    if importlib.util.find_spec("Xlib") is None:
        skip_or_fail("real X key tests need python-xlib (the test extra)")
    # CHECKIN_TEST_XVFB_DISPLAY=N: a display number of one's own (engineers sharing a machine).
    own = os.environ.get("CHECKIN_TEST_XVFB_DISPLAY")
    where = [f":{own}"] if own else ["-displayfd", "1"]
    server = subprocess.Popen(["Xvfb", *where, "-screen", "0", "1366x768x24", "-nolisten", "tcp",
                               "-noreset"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        number = own or server.stdout.readline().strip()
        if not number:
            skip_or_fail("Xvfb did not start")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(10)
        server.stdout.close()


@pytest.fixture(scope="session")
def run_desk(x_display: str, tmp_path_factory: pytest.TempPathFactory) -> Callable[[str, list[str]], dict]:
    """Runs the desk window under ``x_display`` with an X keymap and scenarios; its JSON report."""

    def run(keymap: str, scenarios: list[str], database_url: str | None = None) -> dict:
        """``database_url``: an existing database to open (default: a fresh one with the demo event)."""
        subprocess.run(["setxkbmap", "-display", x_display, keymap], check=True)
        folder = tmp_path_factory.mktemp(f"desk-{keymap}")
        env = {**os.environ, "DISPLAY": x_display, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(ROOT),
               "CHECKIN_CONFIG_DIR": str(folder / "config"), "CHECKIN_DATA_DIR": str(folder / "data")}
        url = database_url or f"sqlite:///{folder / 'desk.sqlite3'}"
        done = subprocess.run([sys.executable, "-m", "tests.xtest.desk_driver", url, *scenarios], env=env, cwd=ROOT,
                              capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr[-3000:]
        return json.loads(done.stdout.strip().splitlines()[-1])

    return run
