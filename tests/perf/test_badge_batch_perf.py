"""1,000 badges to PDF through the batch window's operation, against ``checkin badges`` (in-process,
the same database, stock and layout) measured in the same run; and how long the UI thread went
without handling an event while the window's batch ran (the desk keeps scanning meanwhile).

    PYTHONPATH=$PWD python -m pytest tests/perf/test_badge_batch_perf.py -o addopts="" -s
"""
from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from sqlalchemy import insert

from checkin.cli import main as checkin_cli
from checkin.store.models import Registration, TicketType
from checkin.ui.badge_batch import BadgeBatchWindow
from tests.perf.harness import Timing, report

COUNT, REPEAT = 1000, 5
STOCK, LAYOUT, TYPE = "durable-1445", "classic", "Bench"


def _bench_guests(database, event_id: int) -> None:  # noqa: ANN001
    with database.session() as session:
        session.execute(insert(TicketType), [{"event_id": event_id, "name": TYPE}])
        type_id = session.query(TicketType.id).filter_by(event_id=event_id, name=TYPE).scalar()
        session.execute(insert(Registration), [
            {"event_id": event_id, "source": "bench", "code": f"BENCH{n:08d}", "given_name": f"Guest {n}",
             "family_name": f"Benchmark {n:04d}", "company": "Siemens AG", "ticket_type_id": type_id}
            for n in range(COUNT)])


def _window_batch(qtbot, window: BadgeBatchWindow, out) -> tuple[float, float]:  # noqa: ANN001
    """Seconds for the batch, and the longest the UI thread went without a 10 ms timer tick."""
    ticks: list[float] = []
    timer = QTimer(interval=10, timeout=lambda: ticks.append(time.perf_counter()))
    timer.start()
    started = time.perf_counter()
    window.save_batch(out)
    qtbot.waitUntil(lambda: window.running is None, timeout=300_000)
    elapsed = time.perf_counter() - started
    timer.stop()
    gaps = [later - earlier for earlier, later in zip([started, *ticks], ticks)]
    return elapsed, max(gaps, default=elapsed)


def test_thousand_badges_through_the_window_vs_the_command(qtbot, database, db_url, demo, settings, tmp_path):
    _bench_guests(database, demo.event_id)
    settings.set("badge_stock", STOCK)
    settings.set("badge_layout", LAYOUT)
    window = BadgeBatchWindow(database, settings, demo.event_id, lambda: None)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.save_button.isEnabled(), timeout=30_000)
    window.ticket_type.setCurrentIndex(window.ticket_type.findText(TYPE))
    window.only_unprinted.setChecked(False)
    window.mark.setChecked(False)
    qtbot.waitUntil(lambda: window.badges == COUNT, timeout=30_000)
    through_window, command, stalls = Timing("1,000 badges: batch window's Op"), Timing("checkin badges"), []
    for run in range(REPEAT):
        seconds, stall = _window_batch(qtbot, window, tmp_path / f"window-{run}.pdf")
        through_window.seconds.append(seconds)
        stalls.append(stall)
        started = time.perf_counter()
        assert checkin_cli(["--db", db_url, "badges", "--out", str(tmp_path / f"cli-{run}.pdf"), "--stock", STOCK,
                            "--layout", LAYOUT, "--ticket-type", TYPE]) == 0
        command.seconds.append(time.perf_counter() - started)
    report("badges: 1,000 to PDF, window vs command", [through_window], command,
           longest_ui_stall_ms=round(max(stalls) * 1000, 1))
