"""Render the app icon's PNG sizes (and the Windows .ico) from resources/icons/checkin-desk.svg.

    python scripts/build_icons.py

Run it after editing the SVG; the PNGs and the .ico are committed, so builds need no SVG renderer.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> Path:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    path = ICONS / f"checkin-desk-{size}.png"
    image.save(str(path))
    return path


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "checkin-desk.svg"))
    pngs = [render(renderer, size) for size in SIZES]
    Image.open(pngs[-1]).save(ICONS / "checkin-desk.ico", sizes=[(s, s) for s in SIZES if s <= 256])
    for path in [*pngs, ICONS / "checkin-desk.ico"]:
        print(f"built {path.relative_to(ICONS.parents[1])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
