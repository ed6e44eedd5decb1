"""Benchmark of the mediation path: the demo with and without it, the to-do list,
the full case view and the attachment check, on a demo database.

    .venv/bin/python build_scripts/bench_mediation.py [--cases 200000]

Targets: the demo with the mediation path ≤ 3× the demo without it (same run, same seed);
the whole to-do list ≤ 1 s and one case's full view ≤ 100 ms at that size. Records the
results (bench_results.py), ends with "N/M targets met" and exits 1 when one is missed.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_results import report  # noqa: E402
from mediator_desk.core.desk import Desk  # noqa: E402
from mediator_desk.core.todo import KINDS  # noqa: E402
from mediator_desk.demo import book as demo  # noqa: E402
from mediator_desk.demo import path as demo_path  # noqa: E402

TODAY = date(2026, 11, 28)


def build(folder: Path, cases: int, with_path: bool) -> tuple[float, Path]:
    stages = None if with_path else [s for s in demo.STAGES if s is not demo_path.stage]
    path = folder / ("with.db" if with_path else "without.db")
    desk = Desk.open(path)
    start = time.perf_counter()
    demo.build_demo(desk, cases=cases, seed=1, today=TODAY, stages=stages)
    elapsed = time.perf_counter() - start
    desk.close()
    return elapsed, path


def timed(fn, repeat: int = 5) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=200_000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-mediation-"))
    targets, details = [], []
    try:
        base, path = build(folder, args.cases, with_path=False)
        path.unlink()
        full, path = build(folder, args.cases, with_path=True)
        ratio = full / base
        size = path.stat().st_size / 1e6
        details += [(f"demo of {args.cases:,} cases without the mediation path", f"{base:.1f} s"),
                    (f"demo of {args.cases:,} cases with the mediation path",
                     f"{full:.1f} s ({size:,.0f} MB)")]
        targets.append(("demo with the mediation path ≤ 3× the demo without it",
                        f"{ratio:.2f}×", ratio <= 3))

        desk = Desk.open(path)
        desk.todo(today=TODAY)                      # warm the page cache
        for kind in KINDS:
            t, items = timed(lambda k=kind: desk.todo(today=TODAY, kinds=[k]))
            details.append((f"to-do: {KINDS[kind]}", f"{len(items):,} items, {t * 1000:.1f} ms"))
        t, items = timed(lambda: desk.todo(today=TODAY))
        targets.append((f"the whole to-do list ({len(items):,} items) ≤ 1 s",
                        f"{t * 1000:.0f} ms", t <= 1.0))

        case_id = desk.scalar("SELECT case_id FROM confirmations LIMIT 1")
        t, _ = timed(lambda: desk.dossier.view(case_id, today=TODAY))
        targets.append(("full view of one case (`dossier.view`) ≤ 100 ms",
                        f"{t * 1000:.1f} ms", t <= 0.1))
        n = desk.scalar("SELECT count(*) FROM attachments")
        t, problems = timed(lambda: desk.attachments.check(), repeat=3)
        details.append((f"attachment check, {n:,} attachments",
                        f"{t * 1000:.0f} ms, {len(problems)} problems"))
        desk.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return report("mediation", targets, details)


if __name__ == "__main__":
    raise SystemExit(main())
