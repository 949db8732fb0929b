"""``checkin sync --watch``: the venue's headless sync owner, round after round until stopped.

On a venue PostgreSQL it syncs only while it holds the sync lock (``store/sync_lock.py``); while
a desk owns the sync it waits and takes over within seconds of that desk going away. One line
per round (``--json``: one JSON object per line); Ctrl+C or SIGTERM end it cleanly (exit 0),
releasing the lock at once. On SQLite it simply syncs every interval.
"""
from __future__ import annotations

import argparse
import json
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from checkin.commands.common import EXIT_OK, CommandContext, fail
from checkin.store.models import utcnow
from checkin.store.sync_lock import OwnerState
from checkin.sync.pretix.credentials import TokenStore
from checkin.sync.pretix.owner import STANDBY_POLL_S, Owner, VenueSync, WatchRound, can_sync

WATCH_NAME = "checkin sync --watch"


def run_watch(args: argparse.Namespace, context: CommandContext, event_ids: list[int] | None) -> int:
    tokens = TokenStore()
    if not can_sync(context.database, tokens):
        return fail("No event is connected to pretix with its token on this computer: run 'checkin pretix "
                    "connect' here first.")
    venue = VenueSync(context.database, tokens, Owner(WATCH_NAME, kind="watch"))
    stop = threading.Event()
    waiting_for: tuple[str, str, bool] | None = None
    try:
        with _stopped_by_sigterm(stop):
            number = 0
            while not stop.is_set():
                number += 1
                result = venue.turn(event_ids)
                if result.owner:
                    waiting_for = None
                    _print_round(args, number, result)
                elif _who(result.state) != waiting_for:  # one line when the owner changes, not every poll
                    waiting_for = _who(result.state)
                    _print_standby(args, number, result.state)
                stop.wait(args.interval if result.owner else STANDBY_POLL_S)
    except KeyboardInterrupt:
        pass
    finally:
        venue.close()
    if not args.json:
        print("Stopped; the sync lock is released.", flush=True)
    return EXIT_OK


def check_interval(value: str) -> int:
    try:
        seconds = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a whole number of seconds") from None
    if not 1 <= seconds <= 86_400:
        raise argparse.ArgumentTypeError("give between 1 and 86400 seconds")
    return seconds


@contextmanager
def _stopped_by_sigterm(stop: threading.Event) -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, lambda _signal, _frame: stop.set())
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _who(state: OwnerState | None) -> tuple[str, str, bool]:
    return (state.name, state.host, state.held) if state else ("", "", False)


def _print_round(args: argparse.Namespace, number: int, result: WatchRound) -> None:
    summaries = result.summaries
    errors = [f"{s.event}: {s.error}" for s in summaries if s.error]
    if args.json:
        _line({"round": number, "at": _now(), "owner": True, "ok": not errors,
               "pulled": sum(s.pulled for s in summaries), "uploaded": sum(s.uploaded for s in summaries),
               "rejected": sum(s.rejected for s in summaries),
               "pending_upload": sum(s.pending_upload for s in summaries),
               "events": [s.as_json() for s in summaries]})
        return
    parts = [f"{s.event}: uploaded {s.uploaded}, downloaded {s.pulled}, {s.pending_upload} waiting"
             for s in summaries]
    _line(f"{_clock()} synced " + "; ".join(parts) if not errors else f"{_clock()} sync failed: " + "; ".join(errors))


def _print_standby(args: argparse.Namespace, number: int, state: OwnerState | None) -> None:
    if args.json:
        _line({"round": number, "at": _now(), "owner": False, "sync_owner": state.as_json() if state else None})
        return
    if state is not None and state.held:
        _line(f"{_clock()} waiting: {state.name or 'another desk'} on {state.host or '?'} owns the sync; "
              "taking over when it stops")
    else:
        _line(f"{_clock()} waiting for the sync lock")


def _line(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, separators=(",", ":")) if isinstance(value, dict) else value,
          flush=True)


def _now() -> str:
    return utcnow().isoformat()


def _clock() -> str:
    return datetime.now().strftime("%H:%M:%S")


__all__ = ["run_watch", "check_interval"]
