"""CPU time the pretix test server spent (Linux /proc): its gunicorn workers, and on PostgreSQL the
database backends serving its database. Benchmarks use it to say how much of a page's time is the
server's own work, whatever else the (shared) machine is doing."""
from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tests.support.pretix.harness import PretixServer

_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_snapshot(server: PretixServer) -> dict[str, dict[int, float]]:
    """{"gunicorn": {pid: cpu seconds}, "postgres": {pid: cpu seconds}} of the server's processes now."""
    workers = _children(server.process.pid) if server.process else []
    return {"gunicorn": _cpu(workers), "postgres": _cpu(_backends(server))}


def cpu_spent(before: dict[str, dict[int, float]], after: dict[str, dict[int, float]]) -> dict[str, float]:
    """Seconds each part spent between two snapshots (a process started meanwhile counts from zero)."""
    return {part: round(sum(seconds - before[part].get(pid, 0.0) for pid, seconds in after[part].items()), 2)
            for part in after}


def _children(pid: int) -> list[int]:
    children = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            continue
    return children


def _backends(server: PretixServer) -> list[int]:
    postgres = getattr(server, "postgres", None)
    if postgres is None or not postgres.name:
        return []
    import psycopg

    with psycopg.connect(postgres.admin_url, autocommit=True) as connection:
        return [row[0] for row in connection.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()", (postgres.name,))]


def _cpu(pids: list[int]) -> dict[int, float]:
    seconds = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        seconds[pid] = (int(fields[11]) + int(fields[12])) / _TICKS  # utime, stime
    return seconds
