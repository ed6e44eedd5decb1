#!/usr/bin/env python3
"""Benchmarks of the statistics (core/statistics/), on the 200,000-case demo database.

    .venv/bin/python build_scripts/bench_stats.py [--source bench-data/sync-demo-200000.db]

The source database is never opened for writing: it is copied to
bench-data/stats-<name>.db once (upgraded there to the current schema on first open) and the
copy is reused. Measured, median of several runs after one warm-up, each against a floor
measured in the same run:

1. The monthly report of the township (committees × every indicator, with roll-up), through
   ``desk.statistics.figures``, against ONE hand-written SQL statement computing the same
   figures grouped by committee (a UNION ALL of the same records, one GROUP BY). Target
   ≤ 200 ms and ≤ 2× the floor.
2. The yearly report by committee × dispute type (local types rolled up), against the same
   hand-written statement grouped by committee and type. Target ≤ 500 ms and ≤ 2× the floor.
3. The XLSX of the yearly report (report, by type, organisation, reporting status, monthly
   trend: everything the export gathers, and the workbook). Target ≤ 1 s.

The hand-written statement's totals are checked against the engine's (accepted, success,
ended), so the floor counts the same figures. Results go to bench-data/results/stats.json
(bench_results.py; ``performance_tables.py --write`` puts them into docs/performance.md); exits
1 when a target is missed.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "build_scripts"))

from bench_results import report  # noqa: E402
DATA = ROOT / "bench-data"
SOURCE = DATA / "sync-demo-200000.db"

MONTH_MS, YEAR_MS, XLSX_MS, RATIO = 200.0, 500.0, 1000.0, 2.0

# The same figures as the engine's data elements, written by hand in one statement.
FLOOR = """
SELECT org_id, {dims}
  sum(accepted), sum(refused), sum(written), sum(oral), sum(ended), sum(withdrawn),
  sum(people), sum(amount), sum(agreed), sum(hard), sum(performed), sum(confirmed),
  sum(p_criminal), sum(p_petition), sum(p_fight), sum(p_suicide), sum(p_people)
FROM (
  SELECT c.org_id, c.dispute_type AS t,
         a.decision = 'accepted' AS accepted, a.decision = 'refused' AS refused,
         0 AS written, 0 AS oral, 0 AS ended, 0 AS withdrawn, 0 AS people, 0 AS amount,
         0 AS agreed, 0 AS hard, 0 AS performed, 0 AS confirmed, 0 AS p_criminal,
         0 AS p_petition, 0 AS p_fight, 0 AS p_suicide, 0 AS p_people
    FROM acceptances a JOIN cases c ON c.id = a.case_id WHERE a.decided_on BETWEEN ?1 AND ?2
  UNION ALL
  SELECT c.org_id, c.dispute_type, 0, 0, g.form = 'written', g.form = 'oral', 0, 0,
         c.people_involved, c.amount_fen, g.amount_fen,
         (c.people_involved >= 10 OR c.amount_fen >= 10000000 OR c.risk_flag = 1
          OR EXISTS (SELECT 1 FROM risk_flags r WHERE r.case_id = c.id)), 0, 0, 0, 0, 0, 0, 0
    FROM agreements g JOIN cases c ON c.id = g.case_id
   WHERE g.effective_on BETWEEN ?1 AND ?2 AND g.effective_on != '' AND g.voided_on = ''
     AND coalesce(g.supplements_id, '') = ''
  UNION ALL
  SELECT c.org_id, c.dispute_type, 0, 0, 0, 0, k.kind = 'ended', k.kind = 'withdrawn',
         CASE WHEN k.kind = 'ended' THEN c.people_involved ELSE 0 END,
         CASE WHEN k.kind = 'ended' THEN c.amount_fen ELSE 0 END, 0,
         k.kind = 'ended' AND (c.people_involved >= 10 OR c.amount_fen >= 10000000
          OR c.risk_flag = 1 OR EXISTS (SELECT 1 FROM risk_flags r WHERE r.case_id = c.id)),
         0, 0, 0, 0, 0, 0, 0
    FROM closures k JOIN cases c ON c.id = k.case_id WHERE k.closed_on BETWEEN ?1 AND ?2
  UNION ALL
  SELECT c.org_id, c.dispute_type, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0
    FROM agreements g JOIN cases c ON c.id = g.case_id
   WHERE g.performance_checked_on BETWEEN ?1 AND ?2 AND g.performance_status = 'performed'
     AND g.effective_on != '' AND g.voided_on = '' AND coalesce(g.supplements_id, '') = ''
  UNION ALL
  SELECT c.org_id, c.dispute_type, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0
    FROM confirmations f JOIN cases c ON c.id = f.case_id
   WHERE f.result_on BETWEEN ?1 AND ?2 AND f.result = 'confirmed'
  UNION ALL
  SELECT c.org_id, c.dispute_type, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
         r.kind = 'criminal', r.kind = 'group_petition', r.kind = 'group_fight',
         r.kind = 'suicide', r.people
    FROM risk_flags r JOIN cases c ON c.id = r.case_id
   WHERE r.flagged_on BETWEEN ?1 AND ?2 AND r.prevented = 1
  UNION ALL
  SELECT s.org_id, s.dispute_type, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
         s.prevented = 'criminal', s.prevented = 'group_petition', s.prevented = 'group_fight',
         s.prevented = 'suicide', s.prevented_people
    FROM screening_items s
   WHERE (CASE WHEN s.settled_on != '' THEN s.settled_on ELSE s.found_on END) BETWEEN ?1 AND ?2
     AND s.prevented != ''
) GROUP BY org_id {group}
"""


def timed(fn, runs: int) -> tuple[float, object]:
    fn()                                        # warm-up (page cache, statement cache)
    times, result = [], None
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), result


def prepare(source: Path) -> Path:
    """A private copy of ``source`` (never written), upgraded on its first open."""
    from mediator_desk.core.desk import Desk

    copy = DATA / f"stats-{source.name}"
    if not copy.exists():
        print(f"copying {source} → {copy} …", flush=True)
        partial = copy.with_suffix(".partial")
        shutil.copyfile(source, partial)
        partial.rename(copy)
    t = time.perf_counter()
    desk = Desk.open(copy)
    desk.close()
    print(f"opened (upgraded if needed) in {time.perf_counter() - t:.1f} s", flush=True)
    return copy


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if not args.source.exists() and not (DATA / f"stats-{args.source.name}").exists():
        print(f"missing {args.source}: make it with build_scripts/bench_sync.py", file=sys.stderr)
        return 2
    from mediator_desk.core.desk import Desk
    from mediator_desk.documents.statistics import export_report

    path = prepare(args.source)
    desk = Desk.open(path)
    stats = desk.statistics
    last = desk.scalar("SELECT max(received_date) FROM cases")
    year = int(last[:4]) - 1                     # the last complete year of the data
    month = stats.period(f"{year}-10")
    whole_year = stats.period(str(year))
    conn = desk.db.conn
    n_cases = desk.scalar("SELECT count(*) FROM cases")
    rows = []

    def floor(period, dims: str):
        sql = FLOOR.format(dims="t," if dims else "", group=", t" if dims else "")
        return conn.execute(sql, (period.first, period.last)).fetchall()

    # 1. monthly report
    engine_ms, monthly = timed(lambda: stats.figures(month), args.runs)
    floor_ms, raw = timed(lambda: floor(month, ""), args.runs)
    totals = [sum(r[i] for r in raw) for i in (1, 3, 5)]
    t = monthly.total
    assert totals[0] == t.value("accepted"), (totals, t.values)
    assert totals[1] == t.values.get("success_written", 0)
    assert totals[2] == t.value("ended")
    rows.append((f"monthly report {month.code}, {len(monthly.rows)} committees",
                 engine_ms, floor_ms, MONTH_MS))
    # 2. yearly report by committee × type
    engine_ms, cross = timed(lambda: stats.figures(whole_year, by=("org", "type")), args.runs)
    floor_ms, raw = timed(lambda: floor(whole_year, "t"), args.runs)
    assert sum(r[2] for r in raw) == cross.total.value("accepted")
    rows.append((f"yearly report {year} by committee × type ({len(cross.rows)} rows)",
                 engine_ms, floor_ms, YEAR_MS))
    # 3. XLSX of the yearly report
    xlsx_ms, data = timed(lambda: export_report(desk, str(year), fmt="xlsx"), 3)
    rows.append((f"XLSX of the yearly report ({len(data) // 1024} KB)", xlsx_ms, None, XLSX_MS))
    desk.close()

    targets, details = [], [("cases in the database", f"{n_cases:,} ({path.name})"),
                             ("runs per measure", f"median of {args.runs} after a warm-up")]
    for name, ms, floor_ms, target in rows:
        if floor_ms is not None:
            details.append((f"{name}: one hand-written GROUP BY (floor)", f"{floor_ms:.1f} ms"))
            targets.append((f"{name} ≤ {target:.0f} ms and ≤ {RATIO:.0f}× the floor",
                            f"{ms:.1f} ms ({ms / floor_ms:.2f}×)",
                            ms <= target and ms <= RATIO * floor_ms))
        else:
            targets.append((f"{name} ≤ {target:.0f} ms", f"{ms:.1f} ms", ms <= target))
    return report("stats", targets, details)

if __name__ == "__main__":
    sys.exit(main())
