"""Listens for the other desks' commits on the venue PostgreSQL (see :mod:`checkin.store.log_notices`).

One thread, one connection of its own (autocommit, outside the pool, so it never holds a
connection a scan needs, and never takes a lock), ``LISTEN`` on one channel. Each notice goes to
``deliver`` on the listener's thread: the caller hands it to its own thread (the desk posts it to
the UI thread). When the server goes away (restart, ``pg_terminate_backend``, network) the
listener reconnects with a growing pause, and after every (re)connect delivers
:data:`~checkin.store.log_notices.ANYTHING`: notices sent while nobody listened are lost, so the
desk refreshes once. TCP keepalives notice a venue network that died silently.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

try:
    import psycopg
    from psycopg import sql
except ImportError:  # a desk installed without the "postgres" extra has no venue database to hear
    psycopg = None

from checkin.store.database import Database
from checkin.store.log_notices import ANYTHING, CHANNEL, LogNotice

log = logging.getLogger(__name__)

#: Connect quickly or give up; a dead peer is noticed within about 10 s while idle.
_LIVENESS = {"connect_timeout": 3, "keepalives": 1, "keepalives_idle": 5, "keepalives_interval": 2,
             "keepalives_count": 3, "application_name": "checkin-desk live"}
#: How often the thread looks at its stop flag while no notice comes.
POLL_S = 0.5


class Backoff:
    """Pauses between reconnects: ``first`` seconds, doubling up to ``longest``."""

    def __init__(self, first: float = 0.2, longest: float = 10.0):
        self.first, self.longest = first, longest
        self.next = first

    def pause(self) -> float:
        pause, self.next = self.next, min(self.next * 2, self.longest)
        return pause

    def reset(self) -> None:
        self.next = self.first


class LogListener:
    """``start()`` once; ``stop()`` returns at once (the thread ends within :data:`POLL_S`)."""

    def __init__(self, connect_args: dict[str, Any], deliver: Callable[[LogNotice], None],
                 backoff: Backoff | None = None):
        self._connect_args = {**connect_args, **_LIVENESS}
        self._deliver = deliver
        self._backoff = backoff or Backoff()
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="checkin-live", daemon=True)
        #: The server process of the listening connection while it listens (0: not listening).
        self.backend_pid = 0
        #: (Re)connects that reached LISTEN: the first is 1.
        self.connects = 0

    @classmethod
    def for_database(cls, database: Database, deliver: Callable[[LogNotice], None], **options: Any) -> LogListener:
        engine = database.engine
        _args, kwargs = engine.dialect.create_connect_args(engine.url)
        kwargs.pop("context", None)  # SQLAlchemy's adapters: the listener reads plain text only
        return cls(kwargs, deliver, **options)

    @staticmethod
    def available() -> bool:
        """Whether psycopg 3 is installed (it listens, whichever driver the desk's URL names)."""
        return psycopg is not None

    @property
    def listening(self) -> bool:
        return self.backend_pid != 0

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stopped.set()

    def join(self, timeout_s: float) -> bool:
        """Wait for the thread to end (tests, and a desk shutting down); True when it has."""
        self._thread.join(timeout_s)
        return not self._thread.is_alive()

    def _run(self) -> None:
        while not self._stopped.is_set():
            try:
                self._listen()
            except psycopg.Error as error:
                log.info("live notices: the database went away (%s); reconnecting", error)
            except Exception:  # noqa: BLE001 - a bug must not end live updates for the rest of the day
                log.exception("live notices: unexpected failure; reconnecting")
            self.backend_pid = 0
            self._stopped.wait(self._backoff.pause())

    def _listen(self) -> None:
        with psycopg.connect(autocommit=True, **self._connect_args) as connection:
            connection.execute(sql.SQL("LISTEN {}").format(sql.Identifier(CHANNEL)))
            self.backend_pid = connection.info.backend_pid
            self.connects += 1
            self._backoff.reset()
            self._pass_on(ANYTHING)  # whatever happened while nobody listened
            while not self._stopped.is_set():
                for notify in connection.notifies(timeout=POLL_S):
                    self._pass_on(LogNotice.from_payload(notify.payload))

    def _pass_on(self, notice: LogNotice) -> None:
        if self._stopped.is_set():
            return
        try:
            self._deliver(notice)
        except Exception:  # noqa: BLE001 - a receiver's bug must not end the listening
            log.exception("live notice not delivered")
