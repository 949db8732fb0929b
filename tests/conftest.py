"""Shared fixtures: a fresh database per test, the demo event, a desk service."""
from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

import pytest

# Set once for the whole run, before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from checkin.settings import Settings  # noqa: E402
from checkin.store.database import Database, open_database  # noqa: E402
from checkin.store.desk import DeskService  # noqa: E402
from checkin.sync.demo import DemoSummary, create_demo_event  # noqa: E402

REQUIRE_ALL = os.environ.get("CI") == "true"


def skip_or_fail(reason: str) -> None:
    """Skip with a clear reason on a developer machine; fail in CI, where nothing may be missing."""
    if REQUIRE_ALL:
        pytest.fail(f"CI must provide this: {reason}")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test touches the user's real data or settings folders."""
    monkeypatch.setenv("CHECKIN_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CHECKIN_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("CHECKIN_DB", raising=False)
    return tmp_path


@pytest.fixture(autouse=True)
def ui_thread_collector(request: pytest.FixtureRequest):
    """Qt tests collect garbage as the app does: on the UI thread only (checkin.ui.collector)."""
    if not {"qtbot", "qapp"} & set(request.fixturenames):
        yield None
        return
    request.getfixturevalue("qapp")
    from checkin.ui.collector import UiThreadCollector

    collector = UiThreadCollector()
    yield collector
    collector.stop()


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'desk.sqlite3'}"


@pytest.fixture
def database(db_url: str) -> Database:
    db = open_database(db_url)
    yield db
    db.dispose()


@pytest.fixture
def demo(database: Database) -> DemoSummary:
    with database.session() as session:
        return create_demo_event(session, 200, seed=7)


class FixedClock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime | None = None):
        self.now = now or datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def desk(database: Database, clock: FixedClock) -> DeskService:
    return DeskService(database, "00000000-0000-4000-8000-000000000001", "Desk A", clock=clock)


@pytest.fixture(scope="session")
def postgres_server():
    from tests.postgres_server import start_server

    try:
        server = start_server()
    except (FileNotFoundError, OSError) as error:
        skip_or_fail(f"no PostgreSQL server: {error}")
    except Exception as error:  # initdb/pg_ctl failed: show why
        skip_or_fail(f"PostgreSQL did not start: {getattr(error, 'stderr', b'')!r} {error}")
    yield server
    server.stop()


@pytest.fixture
def pg_database(postgres_server) -> Database:
    db = open_database(postgres_server.create_database())
    yield db
    db.dispose()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "config" / "settings.json")
