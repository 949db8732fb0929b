"""Bundle size and start-up to window of the frozen build beside ``python -m checkin``, same run.

    python scripts/measure_startup.py dist/checkin-desk [--runs 5]

Each run is a new process on a demo database (500 guests) in a temporary folder, offscreen;
the desk prints a line once its window is shown and quits (checkin/ui/startup_probe.py). The
figures are wall-clock seconds from spawning the process to that line: the first run, and
the median of all runs. The machine may be shared: compare the two rows, not absolute times.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checkin.ui.startup_probe import PROBE_VARIABLE, SHOWN_LINE  # noqa: E402


def time_to_window(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    for line in process.stdout:
        if line.strip() == SHOWN_LINE:
            elapsed = time.perf_counter() - started
            process.wait(60)
            return elapsed
    raise RuntimeError(f"{command[0]} ended (code {process.wait()}) without showing its window")


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def measure(name: str, command: list[str], env: dict[str, str], runs: int) -> None:
    times = [time_to_window(command, env) for _ in range(runs)]
    print(f"{name:<22} first {times[0]:.2f} s   median {statistics.median(times):.2f} s   ({runs} runs)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path, help="the PyInstaller folder (dist/checkin-desk)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="checkin-startup-") as folder:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", PROBE_VARIABLE: "1", "CHECKIN_DATA_DIR": folder,
               "CHECKIN_CONFIG_DIR": folder}
        env.pop("CHECKIN_DB", None)
        subprocess.run([sys.executable, "-m", "checkin", "demo", "--guests", "500"], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        print(f"bundle {args.bundle}: {folder_size(args.bundle) / 2**20:.0f} MiB")
        measure("frozen checkin-desk", [str(args.bundle / "checkin-desk")], env, args.runs)
        measure("python -m checkin", [sys.executable, "-m", "checkin"], env, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
