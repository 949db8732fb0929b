"""Distinct short sounds for ok, warning and refused (QSoundEffect plays without blocking)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl

from checkin.resources import resource_path

if TYPE_CHECKING:  # QtMultimedia loads only when a sound is first played
    from PySide6.QtMultimedia import QSoundEffect

SEVERITIES = ("ok", "warning", "refused")
#: Besides the answers: the short click of the camera reading a code (a scanner beeps itself).
SOUNDS = (*SEVERITIES, "read")


class AnswerSounds(QObject):
    def __init__(self, enabled: bool = True, parent: QObject | None = None):
        super().__init__(parent)
        self.enabled = enabled
        self._effects: dict = {}
        self.last_played: str | None = None

    def play(self, severity: str) -> None:
        if not self.enabled or severity not in SOUNDS:
            return
        effect = self._effect(severity)
        if effect is not None:
            effect.play()
            self.last_played = severity

    def _effect(self, severity: str) -> QSoundEffect | None:
        if severity not in self._effects:
            # Imported on first use: QtMultimedia's backends take a moment to load.
            from PySide6.QtMultimedia import QSoundEffect

            effect = QSoundEffect(self)
            path = resource_path("sounds", f"{severity}.wav")
            effect.setSource(QUrl.fromLocalFile(str(path)) if path.exists() else QUrl())
            effect.setVolume(0.8)
            self._effects[severity] = effect if path.exists() else None
        return self._effects[severity]
