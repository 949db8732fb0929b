"""A badge batch rendered in a child process: progress comes back, a cancel stops the child, an
error in the child is raised in the caller, a child that dies is said."""
from __future__ import annotations

import multiprocessing
import os
import signal

import pytest
from pypdf import PdfReader

from checkin.badges.batch import Batch, BatchChoice
from checkin.badges.batch_process import RendererStopped, render_in_child
from checkin.badges.layout import LayoutError
from checkin.badges.stock import get_stock
from checkin.core.badge_guest import BadgeGuest

STOCK = "durable-1445"


def _batch(count: int, layout: str = "classic") -> Batch:
    guests = [BadgeGuest(code=f"C{n:06d}", given_name="Zoë", family_name=f"Łukasiewicz {n}", company="Müller & Co")
              for n in range(count)]
    return Batch(BatchChoice(STOCK, layout), get_stock(STOCK), guests)


def test_the_child_writes_the_pdf_and_reports_progress(tmp_path):
    ticks: list[tuple[int, int]] = []
    out = tmp_path / "b.pdf"
    pages = render_in_child(_batch(45), str(out), lambda done, total: ticks.append((done, total)), lambda: None)
    assert pages == len(PdfReader(out).pages) == 5  # 10 a sheet
    assert ticks[0] == (0, 45) and ticks[-1] == (45, 45) and (20, 45) in ticks
    assert "Łukasiewicz 44" in PdfReader(out).pages[-1].extract_text()


class Stop(Exception):
    pass


def test_a_cancel_stops_the_child(tmp_path):
    children: list[int] = []

    def tick(done: int, _total: int) -> None:
        children.extend(child.pid for child in multiprocessing.active_children())
        if done:
            raise Stop

    with pytest.raises(Stop):
        render_in_child(_batch(2000), str(tmp_path / "b.pdf"), tick, lambda: None)
    assert children
    for pid in set(children):
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def test_an_error_in_the_child_is_raised_here(tmp_path):
    with pytest.raises(LayoutError):
        render_in_child(_batch(3, layout="no-such-layout"), str(tmp_path / "b.pdf"), lambda *_: None, lambda: None)


def test_a_child_that_dies_is_said(tmp_path):
    def kill_it(done: int, _total: int) -> None:
        for child in multiprocessing.active_children():
            os.kill(child.pid, signal.SIGKILL)

    with pytest.raises(RendererStopped, match="stopped unexpectedly"):
        render_in_child(_batch(2000), str(tmp_path / "b.pdf"), kill_it, lambda: None)
