"""A real pretix server for the tests: cached venv, cached schema, ORM seeding, gunicorn on 127.0.0.1.

Heavy things live under /root/.cache/checkin-ci/ (outside the repository), keyed by the pinned
versions, so a fresh machine builds them once (~2 min) and every later run starts in seconds.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from tests.support.pretix.postgres import PretixPostgres

HERE = Path(__file__).resolve().parent
CACHE = Path(os.environ.get("CHECKIN_CI_CACHE", "/root/.cache/checkin-ci"))
VENV = CACHE / "pretix-venv"
REQUIREMENTS = HERE / "requirements.txt"
CONSTRAINTS = HERE / "constraints.txt"


class HarnessError(RuntimeError):
    """The pretix test server could not be built or started; the message says which step failed."""


def _digest(*paths: Path) -> str:
    return hashlib.sha256(b"".join(path.read_bytes() for path in paths)).hexdigest()[:16]


@contextmanager
def _locked(name: str):
    CACHE.mkdir(parents=True, exist_ok=True)
    with open(CACHE / f".{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _run(command: list[str], step: str, env: dict | None = None, timeout: float = 600, stdin: str | None = None) -> str:
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=timeout, input=stdin)
    if result.returncode != 0:
        raise HarnessError(f"{step} failed ({result.returncode}): {(result.stderr or result.stdout)[-3000:]}")
    return result.stdout


def ensure_venv() -> Path:
    """The pretix venv, installed from the pinned requirements when missing or outdated."""
    marker = VENV / ".checkin-requirements"
    wanted = _digest(REQUIREMENTS, CONSTRAINTS)
    with _locked("pretix-venv"):
        if marker.exists() and marker.read_text() == wanted:
            return VENV
        shutil.rmtree(VENV, ignore_errors=True)
        _run([sys.executable, "-m", "venv", str(VENV)], "creating the pretix venv")
        _run([str(VENV / "bin" / "pip"), "install", "-q", "--disable-pip-version-check", "-r", str(REQUIREMENTS),
              "-c", str(CONSTRAINTS)], "pip install pretix", timeout=900)
        marker.write_text(wanted)
    return VENV


def _environment(config: Path, *, no_migrations: bool = False) -> dict:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO", "PRETIX", "PYTHON"))}
    env.update(PYTHONPATH=str(HERE), DJANGO_SETTINGS_MODULE="checkin_pretix_settings", PRETIX_CONFIG_FILE=str(config))
    if no_migrations:
        env["CHECKIN_PRETIX_NO_MIGRATIONS"] = "1"
    return env


def _write_config(data_dir: Path, url: str, database: str = "") -> Path:
    """pretix.cfg; ``database`` is a ``[database]`` section (default: SQLite in ``data_dir``)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    config = data_dir / "pretix.cfg"
    config.write_text(
        "[pretix]\ninstance_name=Check-in Desk test server\n"
        f"url={url}\ndatadir={data_dir}\n"
        + (database or f"[database]\nbackend=sqlite3\nname={data_dir / 'db.sqlite3'}\n") +
        "[django]\ndebug=false\n"
        "[locale]\ndefault=en\ntimezone=Europe/Berlin\n"
    )
    return config


def _schema_key() -> str:
    return _digest(REQUIREMENTS, CONSTRAINTS, HERE / "checkin_pretix_settings.py")


def _build_schema(config: Path) -> None:
    _run([str(VENV / "bin" / "python"), str(HERE / "seed.py"), "schema"], "building the pretix schema",
         env=_environment(config, no_migrations=True))


def ensure_schema() -> Path:
    """An empty pretix database with the full schema, built once per pinned version."""
    ensure_venv()
    schema = CACHE / f"pretix-schema-{_schema_key()}.sqlite3"
    with _locked("pretix-schema"):
        if schema.exists():
            return schema
        build_dir = CACHE / "pretix-schema-build"
        shutil.rmtree(build_dir, ignore_errors=True)
        _build_schema(_write_config(build_dir, "http://127.0.0.1"))
        shutil.copyfile(build_dir / "db.sqlite3", schema.with_suffix(".tmp"))
        os.replace(schema.with_suffix(".tmp"), schema)
        shutil.rmtree(build_dir, ignore_errors=True)
    return schema


def ensure_postgres_database(postgres: PretixPostgres, data_dir: Path) -> str:
    """A fresh pretix database on PostgreSQL, cloned from a schema built once per pinned version."""
    ensure_venv()
    build_dir = data_dir / "schema-build"
    with _locked("pretix-schema-postgres"):
        return postgres.create(_schema_key(), lambda name: _build_schema(
            _write_config(build_dir, "http://127.0.0.1", postgres.config(name))))


def _die_with_parent() -> None:
    """Linux: gunicorn gets SIGTERM if the test process dies (a crash must not leave servers behind)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, 15)  # PR_SET_PDEATHSIG, SIGTERM
    except (OSError, AttributeError):
        pass


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class PretixServer:
    """One running, seeded pretix; ``seed`` holds tokens, event slugs, list ids and order codes.

    pretix runs on SQLite, or on PostgreSQL when ``postgres_url`` names a server (superuser URL).
    """

    data_dir: Path
    orders: int = 300
    big_orders: int = 0
    workers: int = 2
    postgres_url: str | None = None
    port: int = field(default_factory=free_port)
    seed: dict = field(default_factory=dict)
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def organizer(self) -> str:
        return self.seed["organizer"]

    @property
    def token(self) -> str:
        return self.seed["token"]

    def start(self) -> PretixServer:
        if self.postgres_url:
            self.postgres = PretixPostgres(self.postgres_url)
            name = ensure_postgres_database(self.postgres, self.data_dir)
            self.config = _write_config(self.data_dir, self.url, self.postgres.config(name))
        else:
            schema = ensure_schema()
            self.config = _write_config(self.data_dir, self.url)
            shutil.copyfile(schema, self.data_dir / "db.sqlite3")
        python = str(VENV / "bin" / "python")
        out = _run([python, str(HERE / "seed.py"), "seed", "--orders", str(self.orders), "--big", str(self.big_orders)],
                   "seeding pretix", env=_environment(self.config))
        self.seed = json.loads(out.strip().splitlines()[-1])
        with open(self.data_dir / "gunicorn.log", "w") as log:  # the child keeps its own descriptor
            self.process = self._spawn(log)
        self._wait_until_up()
        return self

    def _spawn(self, log) -> subprocess.Popen:  # noqa: ANN001
        return subprocess.Popen(
            [str(VENV / "bin" / "gunicorn"), "checkin_pretix_wsgi", "--bind", f"127.0.0.1:{self.port}",
             "--workers", str(self.workers), "--timeout", "120", "--graceful-timeout", "2"],
            env=_environment(self.config), stdout=log, stderr=subprocess.STDOUT, cwd=self.data_dir,
            preexec_fn=_die_with_parent,
        )

    def _wait_until_up(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise HarnessError(f"gunicorn exited: {(self.data_dir / 'gunicorn.log').read_text()[-3000:]}")
            try:
                httpx.get(f"{self.url}/api/v1/organizers/", headers=self.auth, timeout=5).raise_for_status()
                return
            except httpx.HTTPError:
                time.sleep(0.3)
        raise HarnessError(f"pretix did not answer within {timeout:.0f} s")

    @property
    def auth(self) -> dict:
        return {"Authorization": f"Token {self.token}"}

    def api(self, method: str, path: str, **kwargs) -> httpx.Response:
        """The organiser's own calls (the backend side of a test), with the team token."""
        response = httpx.request(method, f"{self.url}/api/v1/organizers/{self.organizer}/{path.lstrip('/')}",
                                 headers=self.auth, timeout=60, **kwargs)
        response.raise_for_status()
        return response

    def revoke_device(self, device_id: int) -> None:
        _run([str(VENV / "bin" / "python"), str(HERE / "seed.py"), "revoke-device", str(device_id)],
             "revoking a device", env=_environment(self.config))

    def gate_device(self, device_id: int, name: str) -> int:
        """Place a device at a new gate (rules may admit per gate); returns the gate's id."""
        out = _run([str(VENV / "bin" / "python"), str(HERE / "seed.py"), "gate-device", str(device_id), name],
                   "placing a device at a gate", env=_environment(self.config))
        return json.loads(out.strip().splitlines()[-1])["gate_id"]

    def rules_oracle(self, cases: list[dict]) -> list[dict]:
        """pretix's own verdict and explanation for check-in rule cases (see rules_oracle.py)."""
        out = _run([str(VENV / "bin" / "python"), str(HERE / "rules_oracle.py")], "asking pretix's rule logic",
                   env=_environment(self.config), stdin=json.dumps(cases))
        return json.loads(out.strip().splitlines()[-1])

    def assign_badge(self, item_id: int, layout_id: int | None) -> None:
        """The organiser sets which badge layout a product prints (None: no badge); the API cannot."""
        _run([str(VENV / "bin" / "python"), str(HERE / "seed.py"), "badge-item", str(item_id),
              "none" if layout_id is None else str(layout_id)], "assigning a badge layout", env=_environment(self.config))

    def badge_oracle(self, secrets: list[str], out: Path) -> Path:
        """pretix's own rendering of these positions' badges, one per page, into ``out``."""
        _run([str(VENV / "bin" / "python"), str(HERE / "badge_oracle.py")], "rendering badges with pretix",
             env=_environment(self.config), stdin=json.dumps({"event": "conf", "secrets": secrets, "out": str(out)}))
        return out

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if getattr(self, "postgres", None) is not None:
            self.postgres.drop()


def serve(data_dir: Path, unavailable, **options) -> Iterator[PretixServer]:  # noqa: ANN001
    """A started server for a fixture; ``unavailable(reason)`` skips or fails when it cannot start."""
    server = PretixServer(data_dir, **options)
    try:
        server.start()
    except HarnessError as error:
        server.stop()
        unavailable(f"pretix test server unavailable: {error}")
    try:
        yield server
    finally:
        server.stop()
