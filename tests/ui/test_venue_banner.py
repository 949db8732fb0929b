"""The desk window on a venue PostgreSQL whose link is cut: it says so loudly (banner, status bar,
the warning sound once), goes on answering scans from its copy, and reports the merge."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from checkin.store.models import CheckIn
from tests.ui.venue_window import database, link, window_settings  # noqa: F401 - fixtures

pytestmark = pytest.mark.postgres


def test_a_cut_link_shows_the_banner_once_and_the_desk_goes_on(qtbot, window, link, codes):
    played: list[str] = []
    window.sounds.play = played.append
    answers: list = []
    window.controller.answered.connect(answers.append)
    banner = window.findChild(QLabel, "venueBanner")
    first, second, third = codes["valid"][:3]
    window.scan(first)
    qtbot.waitUntil(lambda: len(answers) == 1 and banner.maintained >= 2, timeout=10_000)  # the copy took it
    link.cut()
    window.scan(second)
    qtbot.waitUntil(lambda: len(answers) == 2, timeout=10_000)
    assert answers[1].offline and answers[1].decision.accepted
    qtbot.waitUntil(banner.isVisible, timeout=5_000)
    assert "does not answer" in banner.text() and "merged when the database answers again: 1." in banner.text()
    line = window.findChild(QLabel, "venueLine")
    assert line.isVisible() and "offline" in line.text().lower()
    window.scan(first)
    qtbot.waitUntil(lambda: len(answers) == 3, timeout=10_000)
    assert answers[2].offline and not answers[2].decision.accepted, "the copy knew the first scan"
    window.scan(third)
    qtbot.waitUntil(lambda: len(answers) == 4, timeout=10_000)
    qtbot.waitUntil(lambda: "answers again: 3." in banner.text(), timeout=5_000)
    # ok; the warning once, as the server stops answering; ok offline; "already checked in"; ok.
    assert played == ["ok", "warning", "ok", "warning", "ok"], "the sound once, not at every offline scan"
    link.mend()
    qtbot.waitUntil(lambda: "from this desk merged" in banner.text(), timeout=15_000)
    assert "Check-ins from this desk merged: 3." in banner.text() and not line.isVisible()
    with window.database.reader() as session:
        assert len(session.scalars(select(CheckIn.nonce).where(
            CheckIn.nonce.in_([a.nonce for a in answers]))).all()) == 4
