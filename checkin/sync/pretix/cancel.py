"""Stopping a connect or a pull that a person no longer wants to wait for.

A :class:`Cancellation` reaches the work two ways: through the pull's progress callback (between
batches), and through the HTTP transport, which refuses every request once cancelled, so page
downloads still queued end at once instead of running to the end. Either way
:class:`Cancelled` is raised; the pull writes in whole batches, one transaction each, so what
was written stays consistent and the next pull resumes from there.
"""
from __future__ import annotations

import threading
from collections.abc import Callable

import httpx

from checkin.sync.pretix.client import PretixError
from checkin.sync.pretix.pull import Progress


class Cancelled(PretixError):
    """The person cancelled; nothing half-written remains."""


class Cancellation:
    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled("Cancelled.")

    def progress(self, report: Progress | None = None) -> Progress:
        """A pull progress callback that stops the pull between batches once cancelled."""
        def progress(done: int, total: int) -> None:
            self.check()
            if report is not None:
                report(done, total)

        return progress

    def client_options(self, **options: object) -> dict:
        """PretixClient options whose requests fail fast once cancelled (and are not retried)."""
        return {**options, "transport": _CancellableTransport(self.check)}


class _CancellableTransport(httpx.HTTPTransport):
    def __init__(self, check: Callable[[], None]):
        super().__init__(limits=httpx.Limits(max_connections=8, max_keepalive_connections=8))
        self._check = check

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        # Cancelled is no httpx error: the client's retry loop lets it through at once.
        self._check()
        return super().handle_request(request)
