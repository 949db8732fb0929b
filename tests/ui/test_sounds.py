"""Each severity has its own sound; switched off, nothing plays."""
from __future__ import annotations

import hashlib

import pytest

from checkin.resources import resource_path
from checkin.ui.sounds import SEVERITIES, AnswerSounds


def test_the_three_sounds_are_distinct_files():
    digests = {hashlib.sha256(resource_path("sounds", f"{s}.wav").read_bytes()).hexdigest() for s in SEVERITIES}
    assert len(digests) == 3


# This machine has no audio device: Qt's null device refuses every format. The test checks which
# sound the desk chose, not the speaker.
@pytest.mark.qt_log_ignore("^QSoundEffect: playback of this format is not supported on the selected audio device$")
def test_sounds_play_per_severity_and_not_when_switched_off(qtbot):
    sounds = AnswerSounds(enabled=False)
    sounds.play("ok")
    assert sounds.last_played is None
    sounds.enabled = True
    for severity in SEVERITIES:
        sounds.play(severity)
        assert sounds.last_played == severity
        assert sounds._effects[severity].source().toLocalFile().endswith(f"{severity}.wav")
    sounds.play("idle")  # not a sound: ignored
    assert sounds.last_played == "refused"
