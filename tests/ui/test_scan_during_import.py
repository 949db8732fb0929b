"""A scan in the desk window while the window imports a guest list is answered at once: the
import writes in short jobs on the writer lane, not in one job that holds it to the end."""
from __future__ import annotations

import threading

from sqlalchemy import func, select

from checkin.store.models import Event, Registration
from checkin.sync.files import importer, staging
from tests.ui.import_steps import dialog_at_last_step, guest_file
from tests.ui.conftest import make_window, window, window_settings  # noqa: F401 - fixtures

ROWS = 1000


def test_a_scan_during_a_window_import_is_answered_before_the_import_ends(qtbot, window, database, demo, tmp_path,
                                                                          monkeypatch):
    monkeypatch.setattr(importer, "_PART", 100)
    paused, scanned, waited_out = threading.Event(), threading.Event(), []
    stage = staging.Staging.stage

    def stage_and_pause_once(self, prepared, updates):  # noqa: ANN001, ANN202 - on the import's thread
        stage(self, prepared, updates)
        if not paused.is_set():
            paused.set()  # half-way: the import goes on only once the scan is answered
            waited_out.append(not scanned.wait(30))
    monkeypatch.setattr(staging.Staging, "stage", stage_and_pause_once)
    with database.reader() as session:
        code = session.scalar(select(Registration.code).where(Registration.event_id == demo.event_id).limit(1))
        event_name = session.get(Event, demo.event_id).name
    dialog = dialog_at_last_step(qtbot, database, guest_file(tmp_path / "gross.csv", ROWS), event_name, window)
    dialog.next_button.click()  # import
    qtbot.waitUntil(paused.is_set, timeout=30_000)
    with qtbot.waitSignal(window.controller.answered, timeout=10_000) as answer:
        window.scan(code)
    scanned.set()
    with qtbot.waitSignal(dialog.imported, timeout=60_000) as imported:
        pass
    assert waited_out == [False]  # the scan did not wait for the import
    assert answer.args[0] is not None and imported.args[0].imported == ROWS
    with database.reader() as session:
        assert session.scalar(select(func.count()).select_from(Registration).where(
            Registration.event_id == demo.event_id, Registration.family_name.like("Family%"))) == ROWS
