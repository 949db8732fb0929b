"""The guest's badge as it will print (the desk's stock and layout, or pretix's layout for the
guest's product), shown in guest details beside "Print badge". Read and rendered off the UI thread.
"""
from __future__ import annotations

import io
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QWidget

from checkin.badges.library import layout_for
from checkin.badges.pretix_printing import PretixChoice, pretix_choice
from checkin.badges.render import BadgeRenderer
from checkin.badges.stock import get_stock
from checkin.settings import Settings
from checkin.store.badge_log import badge_guest
from checkin.store.database import Database
from checkin.ui.badge_pdf import pdf_pages
from checkin.ui.badge_preview import single_label
from checkin.ui.operations import Job, Op
from checkin.ui.taskman import Lane, tasks_of

GUEST_BADGE_DPI = 110
#: The preview's largest side on screen, in pixels (a 90 mm badge at about 100 dpi).
MAX_SIDE = 360


@dataclass(frozen=True)
class BadgeRequest:
    database: Database
    settings: Settings
    registration_id: int


def render_guest_badge(_job: Job, request: BadgeRequest) -> QImage | None:
    """The badge image; None when pretix prints no badge for the guest's product."""
    stock, named = get_stock(request.settings.get("badge_stock")), request.settings.get("badge_layout")
    with request.database.reader() as session:
        guest = badge_guest(session, request.registration_id)
        pretix = pretix_choice(session, guest, named)
    if pretix is not None and pretix.layout is None:
        return None
    if pretix is None:
        pdf, _result = BadgeRenderer(layout_for(stock, named), single_label(stock)).render_bytes([guest])
    else:
        pdf = _pretix_pdf(pretix)
    return pdf_pages(pdf, GUEST_BADGE_DPI, limit=1)[0]


def _pretix_pdf(pretix: PretixChoice) -> bytes:
    buffer = io.BytesIO()
    pretix.render(buffer)
    return buffer.getvalue()


class GuestBadgePreview(QLabel):
    """Shows "Rendering the badge…", then the badge, or why there is none."""

    def __init__(self, request: BadgeRequest, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("guestBadge")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setText(self.tr("Rendering the badge…"))
        self.setMinimumWidth(MAX_SIDE)  # the dialog opens at its final width, not growing once the badge is there
        self.image: QImage | None = None
        Op(self, lambda job: render_guest_badge(job, request), lane=Lane.POOL).success(self._show).failure(
            self._failed).run(tasks_of(parent))

    def _show(self, image: QImage | None) -> None:
        if image is None:
            self.setText(self.tr("pretix prints no badge for this guest's product."))
            return
        self.image = image
        self.setAccessibleName(self.tr("Badge preview"))
        pixmap = QPixmap.fromImage(image).scaled(MAX_SIDE, MAX_SIDE, Qt.AspectRatioMode.KeepAspectRatio,
                                                 Qt.TransformationMode.SmoothTransformation)
        self.setWordWrap(False)  # a word-wrapped label sizes itself by its text, not by its picture
        self.setPixmap(pixmap)
        self.setMinimumSize(pixmap.size())

    def _failed(self, error: BaseException) -> None:
        self.setText(self.tr("No badge preview: {0}").format(error))
