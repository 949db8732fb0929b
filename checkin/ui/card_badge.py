"""The badge of the guest just checked in, on the answer card, with "Print badge".

It sits in the card's layout (the card itself is unchanged) and shows only while the card shows
that check-in: a new answer, a message or the card clearing itself hides it. The button never
takes the keyboard, so the next scan still goes to the scan field. The badge is rendered only
once the card has shown the guest for a moment: a queue scanned back to back renders no badge for
guests already gone, and the renders never compete with the next scan for the processor.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from checkin.core.decision import Decision
from checkin.store.desk import ScanResult
from checkin.ui.answer_card import AnswerCard
from checkin.ui.guest_badge import BadgeRequest, GuestBadgePreview


#: How long the card shows a check-in before its badge is rendered.
RENDER_AFTER_MS = 400


class CardBadge(QWidget):
    print_requested = Signal(int)  # registration id

    def __init__(self, card: AnswerCard, request_for: Callable[[int], BadgeRequest], can_print: bool):
        super().__init__(card)
        self.card, self.request_for = card, request_for
        self.decision: Decision | None = None
        self.registration_id: int | None = None
        self.preview: GuestBadgePreview | None = None
        self.print_button = QPushButton(self.tr("Print badge"), self)
        self.print_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the scanner
        self.print_button.setEnabled(can_print)
        self.print_button.clicked.connect(lambda: self.print_requested.emit(self.registration_id))
        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.timeout.connect(self._render)
        self._column = QVBoxLayout(self)
        self._column.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignRight)
        card.layout().addWidget(self, 0, Qt.AlignmentFlag.AlignTop)
        card.painted.connect(lambda _seconds: self._follow_card())
        self.hide()

    def show_for(self, result: ScanResult) -> None:
        """After the card shows ``result``: the guest's badge for a check-in, else nothing."""
        self._render_timer.stop()
        if not result.decision.accepted or result.registration_id is None:
            self.hide()
            return
        if self.preview is not None:
            self.preview.deleteLater()
            self.preview = None
        self.decision, self.registration_id = self.card.decision, result.registration_id
        self.show()
        self._render_timer.start(RENDER_AFTER_MS)

    def _render(self) -> None:
        if self.isVisible() and self.registration_id is not None:
            self.preview = GuestBadgePreview(self.request_for(self.registration_id), self)
            self._column.insertWidget(0, self.preview)

    def _follow_card(self) -> None:
        if self.isVisible() and self.card.decision is not self.decision:
            self._render_timer.stop()
            self.hide()
