"""A real PostgreSQL server for multi-desk tests, started from Debian's binaries.

The cluster lives under the CI cache folder (outside the repository) so reruns start in a
second; each test gets a fresh database in it. ``CHECKIN_TEST_PG_URL`` points the tests at an
existing server instead.
"""
from __future__ import annotations

import glob
import hashlib
import os
import shutil
import socket
import subprocess
import uuid
from dataclasses import dataclass
from pathlib import Path

CACHE = Path(os.environ.get("CHECKIN_CI_CACHE", Path.home() / ".cache" / "checkin-ci"))
# As root the cluster must belong to 'postgres', who cannot enter /root: keep it in /var/tmp.
# As root the server runs as Debian's postgres user, who cannot enter /root: a folder in /var/tmp,
# one per cache folder, so two checkouts testing side by side never share a data directory.
PG_HOME = (Path(f"/var/tmp/checkin-ci-postgres-{hashlib.sha1(str(CACHE).encode()).hexdigest()[:8]}")
           if os.geteuid() == 0 else CACHE / "postgres")


@dataclass
class PostgresServer:
    admin_url: str
    data_dir: Path | None = None
    bin_dir: Path | None = None

    def create_database(self) -> str:
        import psycopg

        name = f"checkin_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.admin_url, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return self.admin_url.replace("postgresql://", "postgresql+psycopg://").rsplit("/", 1)[0] + f"/{name}"

    def start_again(self) -> None:
        """Start a cluster of :func:`start_cluster` again after :meth:`stop`, on the same port."""
        port = int(self.admin_url.rsplit(":", 1)[1].split("/")[0])
        start_cluster(self.data_dir.parent, port)

    def stop(self) -> None:
        if self.data_dir is not None:
            _as_owner(self.data_dir, [str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), "-m", "fast", "-w", "stop"])


def find_bin_dir() -> Path | None:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    if candidates:
        return Path(candidates[0])
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def start_server() -> PostgresServer:
    if os.environ.get("CHECKIN_TEST_PG_URL"):
        return PostgresServer(os.environ["CHECKIN_TEST_PG_URL"])
    return start_cluster(PG_HOME)


def start_cluster(home: Path, port: int | None = None) -> PostgresServer:
    """A cluster of its own in ``home`` (made on first use), started on ``port`` (default: a free one).
    A test that stops and starts PostgreSQL uses one of these, never the shared server."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise FileNotFoundError("PostgreSQL server binaries not found (Debian: apt-get install postgresql)")
    home.mkdir(parents=True, exist_ok=True)
    home.chmod(0o755)  # 'postgres' must pass through, whatever umask this process runs under (the CLI's is 077)
    data_dir = home / "data"
    socket_dir = home / "socket"
    socket_dir.mkdir(parents=True, exist_ok=True)
    if not (data_dir / "PG_VERSION").exists():
        shutil.rmtree(data_dir, ignore_errors=True)
        data_dir.mkdir(parents=True)
        _chown(data_dir)
        _as_owner(data_dir, [str(bin_dir / "initdb"), "-D", str(data_dir), "-A", "trust", "-U", "postgres",
                             "-E", "UTF8", "--no-sync"])
    _chown(socket_dir)
    if (data_dir / "postmaster.pid").exists():  # left running by a test run that crashed: stop it first
        subprocess.run((["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else [])
                       + [str(bin_dir / "pg_ctl"), "-D", str(data_dir), "-m", "immediate", "-w", "stop"],
                       capture_output=True, cwd="/", check=False)
    port = port or _free_port()
    log = data_dir / "server.log"
    options = f"-p {port} -k {socket_dir} -c listen_addresses=127.0.0.1 -c fsync=on"
    _as_owner(data_dir, [str(bin_dir / "pg_ctl"), "-D", str(data_dir), "-l", str(log), "-o", options, "-w",
                         "-t", "60", "start"])
    return PostgresServer(f"postgresql://postgres@127.0.0.1:{port}/postgres", data_dir, bin_dir)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _chown(path: Path) -> None:
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root: the cluster belongs to 'postgres'
        shutil.chown(path, "postgres", "postgres")
        path.chmod(0o700)


def _as_owner(data_dir: Path, command: list[str]) -> None:
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    subprocess.run(command, check=True, capture_output=True, cwd="/")
