"""``checkin desk-check`` against the real venue PostgreSQL: what it finds, and what it says."""
import json
import os
import subprocess
import sys
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from checkin.store.database import open_database
from checkin.store.models import utcnow
from checkin.store.venue_check import check_database

pytestmark = pytest.mark.postgres
ROOT = Path(__file__).resolve().parents[2]


def _by_name(report) -> dict:
    return {check.name: check for check in report.checks}


def _cli(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "checkin", *args], capture_output=True, text=True, env=env,
                          timeout=120)


@pytest.fixture
def admin(postgres_server):
    database = open_database(postgres_server.admin_url.replace("postgresql://", "postgresql+psycopg://"),
                             migrate=False)
    yield database
    database.dispose()


@pytest.fixture
def read_only_role(admin, pg_database):
    """A role that may read the tables but not write the log: a forgotten GRANT at the venue."""
    role = f"desk_{uuid.uuid4().hex[:8]}"
    with admin.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql(f"CREATE ROLE {role} LOGIN")
    with pg_database.engine.begin() as connection:
        connection.exec_driver_sql(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}")
    yield make_url(pg_database.url).set(username=role).render_as_string(hide_password=False)
    with pg_database.engine.begin() as connection:
        connection.exec_driver_sql(f"DROP OWNED BY {role}")
    with admin.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql(f"DROP ROLE {role}")


def test_a_migrated_venue_database_passes_every_check(pg_database):
    report = check_database(pg_database.url, round_trips=5)
    checks = _by_name(report)
    assert report.ok and report.verdict.startswith("OK")
    assert list(checks) == ["connection", "schema", "permissions", "temp_tables", "latency", "clock"]
    assert checks["schema"].detail.startswith("at the newest revision")
    assert checks["latency"].value > 0 and abs(checks["clock"].value) < 2


def test_a_desk_clock_ten_seconds_fast_is_a_problem(pg_database):
    report = check_database(pg_database.url, round_trips=1, clock=lambda: utcnow() + timedelta(seconds=10))
    clock = _by_name(report)["clock"]
    assert not report.ok and not clock.ok
    assert 9 < clock.value < 11 and "ahead of the server's" in clock.detail and "NTP" in clock.detail
    assert report.verdict.startswith("PROBLEM (clock)")


def test_a_role_that_cannot_write_the_log_is_named(read_only_role):
    checks = _by_name(check_database(read_only_role, round_trips=1))
    assert checks["connection"].ok and checks["schema"].ok
    assert not checks["permissions"].ok
    assert "INSERT on check_in" in checks["permissions"].detail and "UPDATE on check_in" in checks["permissions"].detail
    assert "SELECT on" not in checks["permissions"].detail


def test_the_command_prints_a_verdict_and_exits_1_on_a_problem(pg_database):
    good = _cli("desk-check", "--db", pg_database.url, "--json", "--round-trips", "3")
    assert good.returncode == 0, good.stderr
    assert json.loads(good.stdout)["ok"] is True
    nowhere = make_url(pg_database.url).set(port=1).render_as_string(hide_password=False)
    bad = _cli("--db", nowhere, "desk-check")
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
    assert "NO  connection   cannot connect" in bad.stdout and bad.stdout.strip().splitlines()[-1].startswith("PROBLEM")


def test_an_empty_database_will_be_created_by_the_first_desk(postgres_server):
    url = postgres_server.create_database()
    report = check_database(url, round_trips=1)
    assert report.ok and "the first desk to start creates the tables" in _by_name(report)["schema"].detail
    assert "may create the tables" in _by_name(report)["permissions"].detail
