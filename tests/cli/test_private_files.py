"""Files with guest data are created private to the user: 0600 files, 0700 folders."""
from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def checkin(*args: str, home: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CHECKIN_DATA_DIR": str(home / "data"),
           "CHECKIN_CONFIG_DIR": str(home / "config")}
    # A generous umask, as on many desktops: the program must not rely on the user's.
    done = subprocess.run([sys.executable, "-c", f"import os; os.umask(0o022); from checkin.cli import main; "
                           f"raise SystemExit(main({list(args)!r}))"], env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_database_folder_exports_and_settings_are_private(tmp_path: Path):
    checkin("demo", "--guests", "20", home=tmp_path)
    checkin("export", "attendance", "--format", "csv", "--out", str(tmp_path / "out" / "list.csv"), home=tmp_path)
    checkin("export", "attendance", "--format", "xlsx", "--out", str(tmp_path / "out" / "list.xlsx"), home=tmp_path)
    checkin("export", "attendance", "--format", "pdf", "--out", str(tmp_path / "out" / "list.pdf"), home=tmp_path)
    assert mode(tmp_path / "data") == 0o700
    files = [tmp_path / "data" / "checkin.sqlite3", *sorted((tmp_path / "out").iterdir())]
    files += [path for path in (tmp_path / "config").rglob("*") if path.is_file()]
    assert len(files) >= 4
    assert {path.name: mode(path) for path in files} == {path.name: 0o600 for path in files}
    assert mode(tmp_path / "out") == 0o700
