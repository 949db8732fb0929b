"""Abuse benchmarks: the 8 GiB zip bomb refused (target < 5 s, < 300 MB peak memory), what
the XLSX limits cost a real 100,000-row workbook, and 100,000 fuzzed scan payloads (target:
0 exceptions). Each against a baseline measured in the same run.

Run: PYTHONPATH=$PWD python -m pytest tests/perf/test_abuse_perf.py -o addopts="" -s
"""
from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from checkin.store.desk import DeskService
from checkin.sync.files.xlsx import read_xlsx
from tests.abuse.test_scan_fuzz import fuzz_scans, known_codes
from tests.abuse.zip_parts import MAIN, SHEET, DeflateBomb, workbook_parts, write_xlsx
from tests.perf.harness import Timing, report

REPEAT = 3
FUZZ_PAYLOADS = 100_000
_READ_ONE = """
import json, sys, time
from pathlib import Path
from checkin.sync.files.table import read_table
from checkin.sync.files.errors import FileImportError
started = time.perf_counter()
try:
    outcome = f"{len(read_table(Path(sys.argv[1])).rows)} rows"
except FileImportError as error:
    outcome = str(error)
# VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the forking parent across exec.
peak_kb = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(json.dumps({"seconds": time.perf_counter() - started, "outcome": outcome, "peak_mb": peak_kb / 1024}))
"""


def _read_in_subprocess(path: Path) -> dict:
    """Read ``path`` in a fresh interpreter: its peak memory is the read's, not this run's."""
    done = subprocess.run([sys.executable, "-c", _READ_ONE, str(path)], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def _runs(name: str, path: Path) -> tuple[Timing, list[dict]]:
    runs = [_read_in_subprocess(path) for _ in range(REPEAT)]
    return Timing(name, [run["seconds"] for run in runs]), runs


def test_8_gib_zip_bomb_is_refused_fast_and_small(tmp_path: Path):
    bomb = DeflateBomb(f'<?xml version="1.0"?><worksheet xmlns="{MAIN}"><sheetData><row r="1">',
                       '<c t="n"><v>1</v></c>', "</row></sheetData></worksheet>", 8 << 30)
    bomb_path = write_xlsx(tmp_path / "bomb.xlsx", workbook_parts({SHEET: None}), {SHEET: bomb})
    small_path = write_xlsx(tmp_path / "small.xlsx", workbook_parts())
    baseline, baseline_runs = _runs("read a 3-row workbook (baseline)", small_path)
    refused, bomb_runs = _runs("refuse the 8 GiB bomb", bomb_path)
    print(f"bomb file {bomb_path.stat().st_size / 2**20:.1f} MB: {bomb_runs[0]['outcome']}")
    report("xlsx zip bomb", [baseline, refused], baseline,
           bomb_peak_mb=max(run["peak_mb"] for run in bomb_runs),
           baseline_peak_mb=max(run["peak_mb"] for run in baseline_runs))
    assert "unpacks to 8,192 MB" in bomb_runs[0]["outcome"]


def _workbook(path: Path, rows: int) -> Path:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Guests")
    sheet.append(["First name", "Last name", "Company", "E-Mail", "Ticket type", "Note"])
    for number in range(rows):
        sheet.append([f"Given{number % 997}", f"Family{number}", f"Firma {number % 3000}",
                      f"guest{number}@example.org", ("Speaker", "Press", "Guest")[number % 3], ""])
    workbook.save(path)
    return path


def _openpyxl_alone(data: bytes) -> None:
    from io import BytesIO

    from openpyxl import load_workbook

    workbook = load_workbook(BytesIO(data), read_only=True, data_only=True)
    [list(values) for values in workbook.worksheets[0].iter_rows(values_only=True)]
    workbook.close()


def test_what_the_limits_cost_a_100k_row_workbook(tmp_path: Path):
    data = _workbook(tmp_path / "guests.xlsx", 100_000).read_bytes()
    baseline, limited = Timing("openpyxl alone (baseline)"), Timing("read_xlsx with limits")
    for _ in range(REPEAT):
        for timing, action in ((baseline, lambda: _openpyxl_alone(data)), (limited, lambda: read_xlsx(data, "g"))):
            started = time.perf_counter()
            action()
            timing.seconds.append(time.perf_counter() - started)
    report("xlsx limits on 100k rows", [baseline, limited], baseline)


@pytest.fixture
def big_demo(database):  # noqa: ANN001, ANN201
    from checkin.sync.demo import create_demo_event

    with database.session() as session:
        return create_demo_event(session, 2000, seed=11)


@pytest.mark.timeout(1800)  # 100,000 durable writes: minutes on a shared machine
def test_100k_fuzzed_scans_raise_nothing(database, big_demo, clock):  # noqa: ANN001
    desk = DeskService(database, "00000000-0000-4000-8000-0000000000f2", "Fuzz", clock=clock)
    codes = known_codes(database, big_demo.event_id)
    baseline = Timing("scan a known code (baseline)")
    for code in codes[:500]:
        started = time.perf_counter()
        desk.scan(big_demo.event_id, big_demo.list_ids[0], code)
        baseline.seconds.append(time.perf_counter() - started)
    started = time.perf_counter()
    failures = fuzz_scans(desk, big_demo, codes, FUZZ_PAYLOADS, seed=99)
    fuzz = Timing("fuzzed scan (mean per scan)", [(time.perf_counter() - started) / FUZZ_PAYLOADS])
    report("scan fuzz", [baseline, fuzz], baseline, payloads=FUZZ_PAYLOADS, exceptions=len(failures))
    assert failures == [], "\n".join(failures[:20])


_IMPORT = """
import sys, time
from pathlib import Path
from checkin.store.database import open_database
from checkin.sync.files.importer import read_and_import
database = open_database(sys.argv[1])
print("start", flush=True)
started = time.perf_counter()
summary = read_and_import(database, Path(sys.argv[2]), "Big import")
print(f"imported {summary.imported} in {time.perf_counter() - started:.1f} s", flush=True)
"""


def _guest_csv(path: Path, rows: int) -> Path:
    with path.open("w", encoding="utf-8") as file:
        file.write("First name;Last name;Company;E-Mail\n")
        for number in range(rows):
            file.write(f"Given{number % 997};Family{number};Firma {number % 3000};guest{number}@example.org\n")
    return path


def _scan_until(desk: DeskService, demo, codes: list[str], done: Callable[[], bool]) -> tuple[Timing, int]:  # noqa: ANN001
    """Scan (each code once, then again: duplicates are writes too) until ``done``; latencies and failures."""
    timing, failures = Timing("scan"), 0
    for number in range(1_000_000):
        if done():
            break
        started = time.perf_counter()
        try:
            desk.scan(demo.event_id, demo.list_ids[0], codes[number % len(codes)])
        except OperationalError:
            failures += 1
        timing.seconds.append(time.perf_counter() - started)
        time.sleep(0.02)  # a desk scans a few guests a second, not in a tight loop
    return timing, failures


@pytest.mark.timeout(900)
def test_scans_while_another_desk_imports_100k_rows(database, demo, clock, tmp_path: Path):  # noqa: ANN001
    path = _guest_csv(tmp_path / "big.csv", 100_000)
    desk = DeskService(database, "00000000-0000-4000-8000-0000000000f3", "Scanning desk", clock=clock)
    codes = known_codes(database, demo.event_id)
    quiet_until = time.monotonic() + 10
    baseline, _ = _scan_until(desk, demo, codes, lambda: time.monotonic() > quiet_until)
    baseline.name = "scan, nobody importing (baseline)"
    with subprocess.Popen([sys.executable, "-c", _IMPORT, database.url, str(path)], stdout=subprocess.PIPE,
                          text=True) as importer:
        assert importer.stdout.readline().strip() == "start"
        during, failures = _scan_until(desk, demo, codes, lambda: importer.poll() is not None)
        imported = importer.stdout.read().strip()
    during.name = "scan during another desk's 100k import"
    # The import writes in short transactions (target: a scan's p99 < 500 ms meanwhile).
    report("scans during an import", [baseline, during], baseline, failed_scans=failures, importer=imported,
           target="p99 < 500 ms")
