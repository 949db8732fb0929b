"""A badge batch rendered in a process of its own, so the desk's UI thread never waits for it.

Rendering is pure Python for seconds on end. On a thread of the desk's process it holds the
interpreter lock most of the time, and on a busy two-core machine every event of the UI thread
then waits for it to be handed over: the desk stalled up to 100-300 ms per event during a batch
of 1,000 badges (tests/perf/test_badge_batch_perf.py). In a child process the UI thread has its
interpreter to itself.

The child gets the batch (guests, stock, layout: no database), writes the PDF to the path it is
given and reports progress through a pipe; the parent relays it to ``tick`` (which may raise to
cancel: the child is then terminated, and the caller removes the partial file). On Linux and
macOS the children are forked from a server that imported the renderer once (started by
:func:`warm_up`), so a batch starts in milliseconds; elsewhere each batch spawns a fresh
interpreter.
"""
from __future__ import annotations

import multiprocessing
import pickle
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from checkin.badges.batch import Batch, Tick

#: What the fork server imports once, so each child starts rendering at once.
PRELOAD = ["checkin.badges.batch"]
#: How often the parent looks for a cancel while the child is silent.
POLL_S = 0.05


class RendererStopped(RuntimeError):
    """The child process ended without a result (killed, out of memory)."""


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)
        return context
    return multiprocessing.get_context("spawn")


def warm_up() -> None:
    """Start the fork server now (seconds on a busy machine), not when the first batch is asked."""
    context = _context()
    if context.get_start_method() == "forkserver":
        from multiprocessing import forkserver  # noqa: PLC0415 - the stdlib's, only where it exists

        forkserver.ensure_running()


def render_in_child(batch: Batch, target: str, tick: Tick, check: Callable[[], None], limit: int | None = None) -> int:
    """Render ``batch`` (or its first ``limit`` badges) to the file ``target`` in a child process;
    returns the pages. ``tick`` gets the child's progress, ``check`` is called while it is
    silent; either may raise to stop."""
    context = _context()
    receiving, sending = context.Pipe(duplex=False)
    child = context.Process(target=_render, args=(batch, target, limit, sending), name="badge-batch", daemon=True)
    child.start()
    sending.close()
    try:
        return _relay(child, receiving, tick, check)
    finally:
        receiving.close()
        if child.is_alive():
            child.terminate()
        child.join()


def _relay(child: Any, receiving: Connection, tick: Tick, check: Callable[[], None]) -> int:
    while True:
        if not receiving.poll(POLL_S):
            if not child.is_alive() and not receiving.poll(0):
                raise RendererStopped(f"the badge renderer stopped unexpectedly (exit code {child.exitcode})")
            check()  # between reports too: a cancel is noticed within POLL_S
            continue
        try:
            kind, value = receiving.recv()
        except EOFError:
            raise RendererStopped(f"the badge renderer stopped unexpectedly (exit code {child.exitcode})") from None
        if kind == "progress":
            tick(*value)
        elif kind == "pages":
            return value
        else:
            raise value


def _render(batch: Batch, target: str, limit: int | None, sending: Connection) -> None:
    """In the child: render, reporting progress; an error goes back to be raised in the parent."""
    try:
        pages = batch.write(target, lambda done, total: sending.send(("progress", (done, total))), limit)
        sending.send(("pages", pages))
    except BaseException as error:  # noqa: BLE001 - every failure is the parent's to report
        sending.send(("error", _sendable(error)))
    finally:
        sending.close()


def _sendable(error: BaseException) -> BaseException:
    try:
        pickle.loads(pickle.dumps(error))
        return error
    except Exception:  # noqa: BLE001 - an exception that does not travel becomes its message
        return RuntimeError(f"{type(error).__name__}: {error}")
