"""The app icon in every size shipped (resources/icons), for windows and dialogs."""
from __future__ import annotations

from PySide6.QtGui import QIcon

from checkin.resources import resource_path

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(resource_path("icons", f"checkin-desk-{size}.png")))
    return icon
