"""The badge of the guest just checked in, on the answer card, with "Print badge".

It sits in the card's layout (the card itself is unchanged) and shows only while the card shows
that check-in: a new answer, a message or the card clearing itself hides it. The button never
takes the keyboard, so the next scan still goes to the scan field.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from checkin.core.decision import Decision
from checkin.store.desk import ScanResult
from checkin.ui.answer_card import AnswerCard
from checkin.ui.guest_badge import BadgeRequest, GuestBadgePreview


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
        self._column = QVBoxLayout(self)
        self._column.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignRight)
        card.layout().addWidget(self, 0, Qt.AlignmentFlag.AlignTop)
        card.painted.connect(lambda _seconds: self._follow_card())
        self.hide()

    def show_for(self, result: ScanResult) -> None:
        """After the card shows ``result``: the guest's badge for a check-in, else nothing."""
        if not result.decision.accepted or result.registration_id is None:
            self.hide()
            return
        if self.preview is not None:
            self.preview.deleteLater()
        self.decision, self.registration_id = self.card.decision, result.registration_id
        self.preview = GuestBadgePreview(self.request_for(result.registration_id), self)
        self._column.insertWidget(0, self.preview)
        self.show()

    def _follow_card(self) -> None:
        if self.isVisible() and self.card.decision is not self.decision:
            self.hide()
