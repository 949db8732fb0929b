"""The background-operation API without widgets: lanes, progress, cancel, errors, changes."""
from __future__ import annotations

import threading
import time

import pytest
import shiboken6
from PySide6.QtCore import QObject

from checkin.ui.changes import CHECK_INS, NOTHING, Changes, ChangeNotifier
from checkin.ui.operations import Job, Op
from checkin.ui.taskman import Lane, TaskManager


@pytest.fixture
def tasks(qapp):
    manager = TaskManager()
    failures: list[BaseException] = []
    manager.on_unhandled = failures.append
    manager.failures = failures
    yield manager
    manager.shutdown()


@pytest.fixture
def parent(qapp):
    return QObject()


def test_the_writer_lane_runs_jobs_in_order_on_one_thread_off_the_ui_thread(qtbot, tasks, parent):
    ran, answered = [], []

    def write(number: int) -> int:
        time.sleep(0.002 * (5 - number % 5))  # earlier jobs take longer: a pool would reorder them
        ran.append((number, threading.get_ident()))
        return number

    for number in range(20):
        Op(parent, lambda _job, n=number: write(n), lane=Lane.WRITER).success(answered.append).run(tasks)
    qtbot.waitUntil(lambda: len(answered) == 20, timeout=10_000)
    assert answered == list(range(20)) and [n for n, _ in ran] == list(range(20))
    assert len({thread for _, thread in ran}) == 1 and ran[0][1] != threading.get_ident()
    assert tasks.pending == 0


def test_progress_arrives_on_the_ui_thread_in_order(qtbot, tasks, parent):
    progress, threads, done = [], [], []

    def work(job: Job) -> str:
        for step in range(1, 4):
            job.progress(step, 3)
        return "finished"

    def on_progress(step: int, total: int) -> None:
        progress.append((step, total))
        threads.append(threading.get_ident())

    Op(parent, work).progress(on_progress).success(done.append).run(tasks)
    qtbot.waitUntil(lambda: done == ["finished"], timeout=5000)
    assert progress == [(1, 3), (2, 3), (3, 3)] and set(threads) == {threading.get_ident()}


def test_a_cancelled_op_stops_at_its_next_check_and_reports_neither_success_nor_failure(qtbot, tasks, parent):
    started, calls = threading.Event(), []

    def work(job: Job) -> str:
        started.set()
        while True:
            job.check()
            time.sleep(0.001)

    op = Op(parent, work).success(lambda r: calls.append(("success", r))).failure(
        lambda e: calls.append(("failure", e))).cancelled(lambda: calls.append(("cancelled", None))).run(tasks)
    assert started.wait(5)
    op.cancel()
    qtbot.waitUntil(lambda: bool(calls), timeout=5000)
    assert calls == [("cancelled", None)] and tasks.failures == []


def test_an_error_is_handled_once_by_the_op_else_by_the_default_handler(qtbot, tasks, parent):
    handled = []

    def fail(_job: Job) -> None:
        raise ValueError("bad row")

    Op(parent, fail, lane=Lane.READER).failure(handled.append).run(tasks)
    Op(parent, fail, lane=Lane.POOL).success(handled.append).run(tasks)  # no failure handler
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=5000)
    assert [str(e) for e in handled] == ["bad row"]
    assert [str(e) for e in tasks.failures] == ["bad row"], "never lost in the pool, never shown twice"


def test_a_result_after_the_parent_is_deleted_is_dropped_but_the_change_is_still_published(qtbot, tasks):
    parent, release, calls, published = QObject(), threading.Event(), [], []
    tasks.notifier.changed.connect(lambda changes, initiator: published.append((changes, initiator)))
    Op(parent, lambda _job: release.wait(5), lane=Lane.WRITER, changes=CHECK_INS).success(calls.append).failure(
        calls.append).run(tasks)
    parent.deleteLater()
    qtbot.waitUntil(lambda: not _alive(parent), timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=5000)
    assert calls == [] and tasks.failures == []
    assert published == [(CHECK_INS, None)], "the write happened: views still hear of it"


def test_a_failure_after_the_parent_is_deleted_goes_to_the_default_handler(qtbot, tasks):
    parent, release, calls = QObject(), threading.Event(), []

    def fail(_job: Job) -> None:
        release.wait(5)
        raise OSError("printer gone")

    Op(parent, fail).failure(calls.append).run(tasks)
    parent.deleteLater()
    qtbot.waitUntil(lambda: not _alive(parent), timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=5000)
    assert calls == [] and [str(e) for e in tasks.failures] == ["printer gone"]


def test_changes_reach_only_views_they_concern_and_a_deleted_view_is_forgotten(qtbot, qapp):
    notifier = ChangeNotifier()
    search, editor, gone = QObject(), QObject(), QObject()
    heard: dict[str, list[Changes]] = {"search": [], "editor": [], "gone": []}
    notifier.subscribe(search, Changes(check_ins=True, registrations=True), heard["search"].append)
    notifier.subscribe(editor, Changes(layouts=True), heard["editor"].append)
    notifier.subscribe(gone, CHECK_INS, heard["gone"].append)
    gone.deleteLater()
    qtbot.waitUntil(lambda: not _alive(gone), timeout=5000)
    notifier.publish(CHECK_INS)
    notifier.publish(Changes(layouts=True))
    notifier.publish(NOTHING)
    assert heard == {"search": [CHECK_INS], "editor": [Changes(layouts=True)], "gone": []}


def test_a_view_that_fails_to_refresh_stops_no_view_after_it(qtbot, qapp, caplog):
    notifier = ChangeNotifier()
    broken, dashboard = QObject(), QObject()
    heard: list[Changes] = []

    def fail(_changes: Changes) -> None:
        raise RuntimeError("Internal C++ object (GuestDialog) already deleted.")

    notifier.subscribe(broken, CHECK_INS, fail)
    notifier.subscribe(dashboard, CHECK_INS, heard.append)
    notifier.publish(CHECK_INS)
    notifier.publish(CHECK_INS)
    assert heard == [CHECK_INS, CHECK_INS]
    assert "(GuestDialog) already deleted" in caplog.text


def test_changes_combine_and_say_whether_anything_changed():
    both = CHECK_INS | Changes(sync_state=True)
    assert both == Changes(check_ins=True, sync_state=True)
    assert both & Changes(sync_state=True, layouts=True) == Changes(sync_state=True)
    assert not NOTHING and both


def _alive(obj: QObject) -> bool:
    return shiboken6.isValid(obj)
