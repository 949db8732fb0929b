"""Benchmark helpers: percentiles over repeated timings, and a report with ratios against a
baseline measured in the same run. Benchmarks print figures; they never assert on time."""
from __future__ import annotations

import json
import os
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

RESULTS = Path(os.environ.get("CHECKIN_BENCH_RESULTS", Path(__file__).resolve().parent / "results.json"))


@dataclass
class Timing:
    name: str
    seconds: list[float] = field(default_factory=list)

    def percentile(self, q: float) -> float:
        ordered = sorted(self.seconds)
        index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
        return ordered[index]

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    def summary(self) -> dict:
        return {
            "n": len(self.seconds),
            "median_ms": round(self.median * 1000, 3),
            "p95_ms": round(self.percentile(95) * 1000, 3),
            "p99_ms": round(self.percentile(99) * 1000, 3),
            "max_ms": round(max(self.seconds) * 1000, 3),
        }


def measure(name: str, action: Callable[[], object], repeat: int, warmup: int = 3) -> Timing:
    """Time ``action`` ``repeat`` times after ``warmup`` untimed calls."""
    for _ in range(warmup):
        action()
    timing = Timing(name)
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        timing.seconds.append(time.perf_counter() - started)
    return timing


def report(benchmark: str, timings: list[Timing], baseline: Timing | None = None, **extra: object) -> dict:
    """Print one table and merge it into results.json; ratios are medians against ``baseline``."""
    rows = {}
    print(f"\n== {benchmark}")
    for timing in timings:
        row = timing.summary()
        if baseline is not None and baseline.median > 0:
            row["ratio_to_baseline"] = round(timing.median / baseline.median, 2)
        rows[timing.name] = row
        print(f"  {timing.name:<40} " + "  ".join(f"{k}={v}" for k, v in row.items()))
    if baseline is not None:
        rows["baseline"] = {"name": baseline.name, **baseline.summary()}
        print(f"  baseline: {baseline.name} median={baseline.median * 1000:.3f} ms")
    for key, value in extra.items():
        print(f"  {key}: {value}")
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    results[benchmark] = {"timings": rows, **{k: v for k, v in extra.items()}}
    RESULTS.write_text(json.dumps(results, indent=2, default=str))
    return rows[timings[0].name] if timings else {}
