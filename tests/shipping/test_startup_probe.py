"""The start-up probe that times the cold start to window (scripts/measure_startup.py)."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from checkin.ui.startup_probe import PROBE_VARIABLE, SHOWN_LINE


@pytest.mark.slow
def test_desk_prints_when_its_window_is_shown_and_quits(tmp_path):
    env = {**os.environ, PROBE_VARIABLE: "1", "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run([sys.executable, "-m", "checkin", "demo", "--guests", "3"], env=env, check=True,
                   capture_output=True, timeout=120)
    done = subprocess.run([sys.executable, "-m", "checkin"], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [SHOWN_LINE]
