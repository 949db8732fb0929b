"""scripts/screenshots.py regenerates the committed screenshots of the real window under Xvfb."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import skip_or_fail

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_screenshots_are_taken_of_the_real_window_at_1366x768(tmp_path):
    if shutil.which("Xvfb") is None:
        skip_or_fail("Xvfb is not installed (Debian package xvfb)")
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "screenshots.py"), "--out", str(tmp_path),
                           "--languages", "en"],
                          capture_output=True, text=True, timeout=240, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    from PySide6.QtGui import QImage

    names = sorted(p.name for p in tmp_path.glob("*.png"))
    scenes = ("ok", "refused", "duplicate", "search", "dashboard", "connect", "camera", "exit-mode", "undo",
              "settings-desk", "settings-scanner", "settings-badges", "settings-pretix", "settings-look",
              "reconcile-offline", "import-types", "import-warnings", "import-summary", "badge-batch",
              "guest-badge", "card-badge", "badge-editor", "venue-offline", "venue-merged")
    assert names == sorted(f"{scene}-{lang}.png" for scene in scenes for lang in ("en",))
    image = QImage(str(tmp_path / "ok-en.png"))
    # The window fills the 1366×768 screen less its frame (it fits itself inside the screen).
    assert 1366 - 16 <= image.width() <= 1366 and 768 - 60 <= image.height() <= 768, image.size()
    green = image.pixelColor(300, 500)  # inside the answer card
    assert green.green() > 100 and green.red() < 80, green.name()
    committed = {p.name for p in (ROOT / "docs" / "screenshots").glob("*.png")}
    assert set(names) <= committed
