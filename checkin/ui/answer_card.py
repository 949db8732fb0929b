"""The answer card: readable from 1.5 m, colour plus icon plus headline plus sound.

Colour is never the only signal: each severity has its own drawn icon and its own words,
and (when sounds are on) its own sound. The card keeps the answer until the next one, or
until the configured timeout.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from checkin.core.decision import Decision, Severity
from checkin.ui import answer_text

#: (background, text) per severity; the high-contrast set is for bright halls and weak eyes.
#: "exit" is the desk in exit mode (waiting, or a guest leaving): its own colour, never green.
PALETTES = {
    False: {"ok": ("#1e7b34", "#ffffff"), "warning": ("#f2b600", "#000000"), "refused": ("#b3001b", "#ffffff"),
            "idle": ("#eef1f4", "#1d232a"), "exit": ("#3d2a91", "#ffffff")},
    True: {"ok": ("#004d00", "#ffffff"), "warning": ("#ffd800", "#000000"), "refused": ("#7a0000", "#ffffff"),
           "idle": ("#ffffff", "#000000"), "exit": ("#1c0066", "#ffffff")},
}


class SeverityIcon(QWidget):
    """A check mark in a circle, an exclamation mark in a triangle, a cross in a circle, and
    for exit mode an arrow leaving through a door."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.severity = "idle"
        self.colour = QColor("#000000")
        self.setFixedSize(120, 120)

    def show_severity(self, severity: str, colour: str) -> None:
        self.severity, self.colour = severity, QColor(colour)
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802, ANN001 - Qt API
        if self.severity == "idle":
            return
        painter = QPainter(self)
        self.draw(painter)
        painter.end()

    def draw(self, painter: QPainter) -> None:
        """The symbol in a 120 × 120 box (also drawn into the scan field's icon)."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.colour, 11, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                            Qt.PenJoinStyle.RoundJoin))
        symbols = {"exit": _draw_exit, "warning": _draw_warning, "ok": _draw_tick}
        symbols.get(self.severity, _draw_cross)(painter)


def _draw_exit(painter: QPainter) -> None:
    """A door frame open to the right, an arrow leaving through it."""
    painter.drawPolyline(QPolygonF([QPointF(70, 30), QPointF(70, 10), QPointF(10, 10), QPointF(10, 110),
                                    QPointF(70, 110), QPointF(70, 90)]))
    painter.drawLine(QPointF(40, 60), QPointF(110, 60))
    painter.drawPolyline(QPolygonF([QPointF(88, 38), QPointF(110, 60), QPointF(88, 82)]))


def _draw_warning(painter: QPainter) -> None:
    painter.drawPolygon(QPolygonF([QPointF(60, 10), QPointF(112, 106), QPointF(8, 106)]))
    painter.drawLine(QPointF(60, 44), QPointF(60, 74))
    painter.drawPoint(QPointF(60, 92))


def _draw_tick(painter: QPainter) -> None:
    painter.drawEllipse(QRectF(8, 8, 104, 104))
    path = QPainterPath()
    path.moveTo(34, 62), path.lineTo(52, 80), path.lineTo(86, 42)
    painter.drawPath(path)


def _draw_cross(painter: QPainter) -> None:
    painter.drawEllipse(QRectF(8, 8, 104, 104))
    path = QPainterPath()
    path.moveTo(40, 40), path.lineTo(80, 80), path.moveTo(80, 40), path.lineTo(40, 80)
    painter.drawPath(path)


class AnswerCard(QFrame):
    #: The card was painted (for benchmarks and tests: "the answer is on screen").
    painted = Signal(float)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("answerCard")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.high_contrast = False
        self.severity = "idle"
        #: In exit mode the whole card says so: a banner, and its own colour when waiting or saying goodbye.
        self.exit_mode = False
        self.decision: Decision | None = None
        self._timezone = "UTC"
        #: Layout mix-ups the desk was told how to fix (once each), and the answer that told it.
        self._mix_ups_told: set[tuple[str, str]] = set()
        self._telling: Decision | None = None
        self._clear_timer = QTimer(self)
        self._clear_timer.setSingleShot(True)
        self._clear_timer.timeout.connect(self.clear)
        self._build()
        self.clear()

    def _build(self) -> None:
        self.mode_banner = self._label(20, bold=True, name="modeBanner")
        self.mode_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.mode_banner.hide()
        self.icon = SeverityIcon(self)
        self.headline = self._label(30, bold=True, name="headline")
        self.name = self._label(26, bold=True, name="name")
        self.details = self._label(16, name="details")
        self.attention = self._label(18, bold=True, name="attention")
        self.advice = self._label(14, name="advice")
        top = QHBoxLayout()
        top.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        for label in (self.headline, self.name, self.details, self.attention, self.advice):
            text.addWidget(label)
        text.addStretch(1)
        top.addLayout(text, 1)
        whole = QVBoxLayout()
        whole.addWidget(self.mode_banner)
        whole.addLayout(top, 1)
        self.setLayout(whole)
        self.setAccessibleName(self.tr("Answer"))

    def _label(self, points: int, bold: bool = False, name: str = "") -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        font = QFont(label.font())
        font.setPointSizeF(points)
        font.setBold(bold)
        label.setFont(font)
        label.setProperty("basePointSize", points)
        return label

    def set_timezone(self, timezone: str) -> None:
        self._timezone = timezone

    def show_decision(self, decision: Decision, timeout_s: int = 0) -> None:
        self.decision = decision
        self.severity = decision.severity.value
        guest = decision.guest
        self.headline.setText(answer_text.headline(decision))
        self.name.setText(guest.name if guest else "")
        self.details.setText(answer_text.ticket_line(decision))
        attention = guest.attention_text if guest and guest.attention else ""
        if guest and guest.attention and not attention:
            attention = self.tr("Attention: see the notes.")
        self.attention.setText(("⚠ " + attention) if attention else "")
        self.advice.setText("\n".join(filter(None, (self._layout_hint(decision),
                                                    answer_text.advice(decision, self._timezone)))))
        for label in (self.name, self.details, self.attention):
            label.setVisible(bool(label.text()))
        self._restyle()
        self.setAccessibleDescription(" ".join(filter(None, (self.headline.text(), self.name.text(),
                                                             self.attention.text(), self.advice.text()))))
        if timeout_s > 0:
            self._clear_timer.start(timeout_s * 1000)
        else:
            self._clear_timer.stop()

    def _layout_hint(self, decision: Decision) -> str:
        """The fix for a scanner's layout, on the first answer that needed it (and its repaints)."""
        mix_up = answer_text.layout_mix_up(decision)
        if mix_up is None or (mix_up in self._mix_ups_told and decision is not self._telling):
            return ""
        self._mix_ups_told.add(mix_up)
        self._telling = decision
        return answer_text.layout_hint(decision)

    def show_message(self, severity: Severity | str, headline: str, detail: str = "") -> None:
        """An answer that is not a scan (e.g. an undo, an error)."""
        self.decision = None
        self.severity = Severity(severity).value
        self.headline.setText(headline)
        self.advice.setText(detail)
        for label in (self.name, self.details, self.attention):
            label.clear()
            label.hide()
        self._restyle()

    def set_exit_mode(self, exit_mode: bool) -> None:
        self.exit_mode = exit_mode
        self.mode_banner.setVisible(exit_mode)
        self.retranslate()
        self._restyle()

    def clear(self) -> None:
        self.decision = None
        self.severity = "idle"
        if self.exit_mode:
            self.headline.setText(self.tr("EXIT: ready to scan guests leaving"))
            self.advice.setText(self.tr("Scans now record guests leaving, not arriving. Ctrl+E returns to entry."))
        else:
            self.headline.setText(self.tr("Ready to scan"))
            self.advice.setText(self.tr("Scan a ticket, type its code, or search a guest by name."))
        for label in (self.name, self.details, self.attention):
            label.clear()
            label.hide()
        self._restyle()

    def retranslate(self) -> None:
        self.mode_banner.setText(self.tr("EXIT MODE · scans record guests leaving · Ctrl+E: entry"))
        if self.decision is not None:
            self.show_decision(self.decision)
        elif self.severity == "idle":
            self.clear()

    def set_high_contrast(self, enabled: bool) -> None:
        self.high_contrast = enabled
        self._restyle()

    def look(self) -> str:
        """The palette and icon: the severity's, but exit mode's own while waiting or saying goodbye."""
        return "exit" if self.exit_mode and self.severity in ("idle", "ok") else self.severity

    def _restyle(self) -> None:
        palette = PALETTES[self.high_contrast]
        background, foreground = palette[self.look()]
        exit_background, exit_foreground = palette["exit"]
        border = "4px solid #000000" if self.high_contrast else "0px"
        self.setStyleSheet(
            f"QFrame#answerCard {{ background: {background}; border: {border}; border-radius: 10px; }}"
            f"QFrame#answerCard QLabel {{ color: {foreground}; background: transparent; }}"
            "QFrame#answerCard QLabel#attention { background: #fff36b; color: #000000; "
            "border: 3px solid #000000; border-radius: 6px; padding: 6px; }"
            f"QFrame#answerCard QLabel#modeBanner {{ background: {exit_background}; color: {exit_foreground}; "
            f"border: 3px solid {exit_foreground}; border-radius: 6px; padding: 6px; }}"
        )
        self.icon.show_severity(self.look(), foreground)
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt API
        super().paintEvent(event)
        self.painted.emit(time.perf_counter())
