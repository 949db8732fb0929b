"""CPU time the pretix test server spent (Linux /proc): its gunicorn master and workers, and the
PostgreSQL server it runs on. Benchmarks use it to say how much of a page's time is the server's own
work, whatever else the (shared) machine is doing.

Each total is a process's own time plus its children's, live ones read directly and exited ones
from the parent's reaped-children counters: Django closes its database connections after 120 s,
so backends come and go during a long download. On a PostgreSQL server shared with other test runs
their work counts too; the benchmarks can start a private one (CHECKIN_TEST_PG_URL).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tests.support.pretix.harness import PretixServer

_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_snapshot(server: PretixServer) -> dict[str, float]:
    """{"gunicorn": cpu seconds so far, "postgres": cpu seconds so far} (postgres 0 on SQLite)."""
    gunicorn = _tree_seconds(server.process.pid) if server.process else 0.0
    postmaster = _postmaster(server)
    return {"gunicorn": gunicorn, "postgres": _tree_seconds(postmaster) if postmaster else 0.0}


def cpu_spent(before: dict[str, float], after: dict[str, float]) -> dict[str, float]:
    return {part: round(after[part] - before[part], 2) for part in after}


def _tree_seconds(pid: int) -> float:
    """A process's own CPU, its exited children's, and its live children's (one level: enough here)."""
    own = _stat(pid)
    if own is None:
        return 0.0
    total = sum(own[11:15]) / _TICKS  # utime, stime, cutime, cstime
    for child in _children(pid):
        fields = _stat(child)
        if fields is not None:
            total += (fields[11] + fields[12]) / _TICKS
    return total


def _stat(pid: int) -> list[int] | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return [int(field) if field.lstrip("-").isdigit() else 0 for field in fields]


def _children(pid: int) -> list[int]:
    children = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            continue
    return children


def _postmaster(server: PretixServer) -> int | None:
    postgres = getattr(server, "postgres", None)
    if postgres is None or not postgres.name:
        return None
    import psycopg

    with psycopg.connect(postgres.admin_url, autocommit=True) as connection:
        fields = _stat(connection.execute("SELECT pg_backend_pid()").fetchone()[0])
    return fields[1] if fields else None  # the backend's parent: the postmaster
