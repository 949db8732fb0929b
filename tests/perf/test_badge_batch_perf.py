"""1,000 badges to PDF through the batch window's operation, against ``checkin badges`` (in-process,
the same database, stock and layout) measured in the same run; and how long the UI thread went
without handling an event while the window's batch ran (the desk keeps scanning meanwhile): the
longest gap between the ticks of a 10 ms timer, and the 99th percentile of those gaps. The window
renders in a child process (checkin.badges.batch_process); for comparison, alternating in the same
run, it also renders on its pool thread as it did before.

    PYTHONPATH=$PWD python -m pytest tests/perf/test_badge_batch_perf.py -o addopts="" -s
"""
from __future__ import annotations

import gc
import os
import time

from PySide6.QtCore import QTimer
from sqlalchemy import insert

from checkin.cli import main as checkin_cli
from checkin.store.models import Registration, TicketType
from checkin.ui import badge_batch_jobs
from checkin.ui.badge_batch import BadgeBatchWindow
from checkin.ui.taskman import Lane
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


def _window_batch(qtbot, window: BadgeBatchWindow, out) -> tuple[float, list[float]]:  # noqa: ANN001
    """Seconds for the batch, and the gaps between the ticks of a 10 ms timer on the UI thread.

    It starts from a settled window and heap: the first sheet's preview (refreshed after each
    batch) is shown, and the garbage of the command's run on this same thread is collected (the
    desk's UI thread never runs a command; left alone, its garbage cost the next batch's first
    young collection 200 ms and more)."""
    assert window.tasks.wait(60_000, Lane.POOL)
    qtbot.wait(50)
    gc.collect()
    ticks: list[float] = []
    timer = QTimer(interval=10, timeout=lambda: ticks.append(time.perf_counter()))
    timer.start()
    started = time.perf_counter()
    window.save_batch(out)
    qtbot.waitUntil(lambda: window.running is None, timeout=300_000)
    elapsed = time.perf_counter() - started
    timer.stop()
    return elapsed, [later - earlier for earlier, later in zip([started, *ticks], ticks)] or [elapsed]


def _on_this_thread(batch, target: str, tick, _check) -> int:  # noqa: ANN001 - the window before
    return batch.write(target, tick)


def _stalls(name: str, gaps: list[list[float]]) -> dict:
    every = sorted(gap for run in gaps for gap in run)
    return {f"{name}_longest_ui_stall_ms": round(every[-1] * 1000, 1),
            f"{name}_p99_ui_gap_ms": round(every[int(0.99 * (len(every) - 1))] * 1000, 1),
            f"{name}_stall_per_run_ms": [round(max(run) * 1000) for run in gaps]}


def test_thousand_badges_through_the_window_vs_the_command(qtbot, database, db_url, demo, settings, tmp_path,
                                                           monkeypatch):
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
    through_window, command = Timing("1,000 badges: batch window's Op"), Timing("checkin badges")
    on_a_thread = Timing("window, rendering on its pool thread")
    in_child = badge_batch_jobs.render_in_child
    gaps: dict[bool, list[list[float]]] = {True: [], False: []}
    for run in range(REPEAT):
        for child, timing in ((True, through_window), (False, on_a_thread)):
            monkeypatch.setattr(badge_batch_jobs, "render_in_child", in_child if child else _on_this_thread)
            seconds, run_gaps = _window_batch(qtbot, window, tmp_path / f"window-{run}-{child}.pdf")
            timing.seconds.append(seconds)
            gaps[child].append(run_gaps)
        started = time.perf_counter()
        assert checkin_cli(["--db", db_url, "badges", "--out", str(tmp_path / f"cli-{run}.pdf"), "--stock", STOCK,
                            "--layout", LAYOUT, "--ticket-type", TYPE]) == 0
        command.seconds.append(time.perf_counter() - started)
    report("badges: 1,000 to PDF, window vs command", [through_window, on_a_thread], command,
           **_stalls("child_process", gaps[True]), **_stalls("pool_thread", gaps[False]),
           load_average=os.getloadavg()[0])
