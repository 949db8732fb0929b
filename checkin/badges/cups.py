"""Printing a PDF straight to a CUPS queue with ``lp`` (Linux and macOS), no Qt involved."""
from __future__ import annotations

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
    """Send ``pdf`` to the CUPS queue; returns the job id (e.g. ``Badges-12``)."""
    if not shutil.which("lp"):
        raise CupsError("the 'lp' command is missing: install CUPS (Debian: cups-client)")
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


def queues() -> list[str]:
    """The CUPS queues this machine knows (empty when CUPS is not installed or not running)."""
    if not shutil.which("lpstat"):
        return []
    try:
        completed = subprocess.run(["lpstat", "-e"], capture_output=True, text=True, timeout=10, check=False)
    except subprocess.TimeoutExpired:
        return []
    return [line.strip() for line in completed.stdout.splitlines() if line.strip()] if completed.returncode == 0 else []


class CupsPrinter:
    """A printer backend that sends each badge PDF to one CUPS queue."""

    def __init__(self, queue: str):
        self.queue = queue

    @property
    def destination(self) -> str:
        return f"cups:{self.queue}"

    def print_pdf(self, pdf: Path, stock: Stock, title: str = "") -> str:
        return print_pdf(self.queue, pdf, stock, title=title)
