"""The log file keeps no personal data: names, e-mail addresses and codes are masked, in
messages and in tracebacks; the diagnostics carry the masked tail of the log."""
from __future__ import annotations

import logging
import stat
from pathlib import Path

import pytest

from checkin.diagnostics import diagnostics
from checkin.logs import LOG_FILE_NAME, Personal, last_lines, mask, setup_logging, stop_logging

NAME, EMAIL, CODE = "Zoë Ångström-Müller", "zoe.angstrom@example.org", "HBUU66AFKJUGGROZMB2V"


@pytest.fixture
def log_folder(tmp_path, monkeypatch):
    folder = tmp_path / "logs"
    monkeypatch.setenv("CHECKIN_LOG_DIR", str(folder))
    setup_logging(folder)
    yield folder
    stop_logging()


def logged(folder) -> str:
    return (folder / LOG_FILE_NAME).read_text(encoding="utf-8")


def test_personal_data_never_reaches_the_log_file(log_folder):
    log = logging.getLogger("checkin.test")
    log.warning("checked in %s <%s> with %s", Personal(NAME), EMAIL, CODE)
    log.warning("scan refused for '%s', code=%s", NAME, CODE.lower())
    try:
        raise LookupError(f"no guest {NAME!r} ({EMAIL})")
    except LookupError:
        log.exception("lookup failed")
    text = logged(log_folder)
    for secret in (NAME, "Zoë", "Müller", EMAIL, "example.org", CODE, CODE.lower()):
        assert secret not in text
    assert "Traceback" in text and "test_logs.py" in text  # the traceback itself stays useful
    assert text.count("lookup failed") == 1


def test_sql_parameters_and_home_folder_are_masked():
    text = mask(f"(sqlite3.IntegrityError) [SQL: INSERT INTO registration VALUES (?, ?)] "
                f"[parameters: ('{NAME}', '{EMAIL}')] in {Path.home()}/data")
    assert NAME not in text and EMAIL not in text and str(Path.home()) not in text
    assert "[SQL: INSERT INTO registration VALUES (?, ?)]" in text


def test_the_log_is_private_to_the_user(log_folder):
    logging.getLogger("checkin.test").warning("hello")
    assert stat.S_IMODE(log_folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((log_folder / LOG_FILE_NAME).stat().st_mode) == 0o600


def test_diagnostics_hold_version_database_and_the_masked_log_tail(log_folder, db_url):
    log = logging.getLogger("checkin.test")
    for number in range(250):
        log.warning("line %d for %s", number, EMAIL)
    text = diagnostics(db_url)
    assert text.startswith("Check-in Desk ")
    assert "Database: sqlite (" in text
    assert "line 249 for ‹e-mail›" in text and "line 49 for" not in text
    assert EMAIL not in text
    assert len(last_lines(200)) == 200
