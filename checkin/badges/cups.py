"""Printing a PDF straight to a CUPS queue with ``lp`` (Linux and macOS), no Qt involved."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from checkin.badges.stock import Stock

LP_TIMEOUT_S = 30
_REQUEST_ID = re.compile(r"request id is (\S+)")


class CupsError(RuntimeError):
    """``lp`` is missing or refused the job; the message is the one to show."""


def lp_command(queue: str, pdf: Path | str, stock: Stock, *, copies: int = 1, title: str = "") -> list[str]:
    """The ``lp`` command that prints ``pdf`` on ``queue`` at the stock's exact size."""
    command = ["lp", "-d", queue, "-o", f"media={stock.media}", "-o", "fit-to-page=false", "-o", "scaling=100"]
    if copies != 1:
        command += ["-n", str(copies)]
    if title:
        command += ["-t", title]
    return command + ["--", str(pdf)]


def print_pdf(queue: str, pdf: Path | str, stock: Stock, *, title: str = "") -> str:
    """Send ``pdf`` to the CUPS queue; returns the job id (e.g. ``Badges-12``).

    A paused (disabled) queue takes a job and keeps it: nothing comes out, yet the badges would
    count as printed. So a paused queue is refused, and a job that went to a queue paused just
    then is taken back, both with an error that says so.
    """
    if not shutil.which("lp"):
        raise CupsError("the 'lp' command is missing: install CUPS (Debian: cups-client)")
    _refuse_paused(queue, "nothing was sent")
    job = _submit(queue, pdf, stock, title)
    if queue_paused(queue):
        _cancel(job)
        _refuse_paused(queue, "the job was taken back")
    return job


def _submit(queue: str, pdf: Path | str, stock: Stock, title: str) -> str:
    try:
        completed = subprocess.run(lp_command(queue, pdf, stock, title=title), capture_output=True, text=True,
                                   timeout=LP_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired:
        raise CupsError(f"CUPS did not answer within {LP_TIMEOUT_S} s (is cupsd running?)") from None
    if completed.returncode != 0:
        message = (completed.stderr or completed.stdout).strip().removeprefix("lp: ")
        raise CupsError(f"printing on {queue!r} failed: {message or 'lp exit code ' + str(completed.returncode)}")
    match = _REQUEST_ID.search(completed.stdout)
    return match.group(1) if match else ""


def queue_paused(queue: str) -> bool:
    """The queue is disabled (paused): it holds jobs instead of printing them."""
    completed = _lpstat(["-p", queue])
    return completed is not None and completed.returncode == 0 and f"printer {queue} disabled" in completed.stdout


def _refuse_paused(queue: str, what: str) -> None:
    if queue_paused(queue):
        raise CupsError(f"the printer queue {queue!r} is paused, so {what}: resume it (cupsenable {queue}, "
                        "or the printer settings) or choose another printer")


def _cancel(job: str) -> None:
    if job and shutil.which("cancel"):
        subprocess.run(["cancel", job], capture_output=True, timeout=LP_TIMEOUT_S, check=False)


def _lpstat(arguments: list[str]) -> subprocess.CompletedProcess[str] | None:
    """``lpstat`` in the C locale (its words are parsed); None when it is missing or hangs."""
    if not shutil.which("lpstat"):
        return None
    try:
        return subprocess.run(["lpstat", *arguments], capture_output=True, text=True, timeout=10, check=False,
                              env={**os.environ, "LC_ALL": "C", "LANG": "C"})
    except subprocess.TimeoutExpired:
        return None


def queues() -> list[str]:
    """The CUPS queues this machine knows (empty when CUPS is not installed or not running)."""
    completed = _lpstat(["-e"])
    if completed is None or completed.returncode != 0:
        return []
    return [line.strip() for line in completed.stdout.splitlines() if line.strip()]


class CupsPrinter:
    """A printer backend that sends each badge PDF to one CUPS queue."""

    def __init__(self, queue: str):
        self.queue = queue

    @property
    def destination(self) -> str:
        return f"cups:{self.queue}"

    def print_pdf(self, pdf: Path, stock: Stock, title: str = "") -> str:
        return print_pdf(self.queue, pdf, stock, title=title)
