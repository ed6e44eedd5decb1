"""Benchmark of the mediation path: the demo with and without it, the to-do list,
the full case view and the attachment check, on a demo database.

    .venv/bin/python build_scripts/bench_mediation.py [--cases 200000]

Targets: the demo with the mediation path ≤ 3× the demo without it (same run, same seed);
the whole to-do list ≤ 1 s and one case's full view ≤ 100 ms at that size. Ends with one line
saying how many targets were met; exits 1 when one is missed.
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

from mediator_desk.core import demo, demo_path  # noqa: E402
from mediator_desk.core.desk import Desk  # noqa: E402
from mediator_desk.core.todo import KINDS  # noqa: E402

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
    met, total = 0, 0
    try:
        base, path = build(folder, args.cases, with_path=False)
        path.unlink()
        full, path = build(folder, args.cases, with_path=True)
        ratio = full / base
        size = path.stat().st_size / 1e6
        print(f"demo {args.cases:,} cases without the mediation path: {base:.1f} s")
        print(f"demo {args.cases:,} cases with the mediation path:    {full:.1f} s "
              f"({size:,.0f} MB) — ratio {ratio:.2f}× (target ≤ 3×)")
        total += 1
        met += ratio <= 3

        desk = Desk.open(path)
        desk.todo(today=TODAY)                      # warm the page cache
        for kind in KINDS:
            t, items = timed(lambda k=kind: desk.todo(today=TODAY, kinds=[k]))
            print(f"to-do {KINDS[kind]:<12} {len(items):>6} items  {t * 1000:7.1f} ms")
        t, items = timed(lambda: desk.todo(today=TODAY))
        print(f"to-do, all kinds        {len(items):>6} items  {t * 1000:7.1f} ms (target ≤ 1000 ms)")
        total += 1
        met += t <= 1.0

        case_id = desk.scalar("SELECT case_id FROM confirmations LIMIT 1")
        t, _ = timed(lambda: desk.dossier.view(case_id, today=TODAY))
        print(f"full view of one case (dossier.view)   {t * 1000:7.1f} ms (target ≤ 100 ms)")
        total += 1
        met += t <= 0.1
        n = desk.scalar("SELECT count(*) FROM attachments")
        t, problems = timed(lambda: desk.attachments.check(), repeat=3)
        print(f"attachment check, {n:,} attachments: {t * 1000:.0f} ms, {len(problems)} problems")
        desk.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"{met}/{total} targets met")
    return 0 if met == total else 1


if __name__ == "__main__":
    raise SystemExit(main())
