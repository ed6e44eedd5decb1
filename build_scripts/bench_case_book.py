#!/usr/bin/env python3
"""Benchmarks of the case book, on a 200,000-case database made by ``demo``.

    .venv/bin/python build_scripts/bench_case_book.py [--cases 200000] [--seed 1] [--rebuild]

1. Builds the database with ``mediator-desk demo`` (cached in bench-data/, git-ignored; rebuilt
   when the case count or seed differ, or with --rebuild) and reports how long that took. A
   cached database of an older schema is upgraded instead (opened once: migrations, then the
   search index rebuilt if a migration flagged it) and the upgrade is timed.
2. Search latency through ``desk.cases.search`` for a 2-character name, a 3+ character
   substring, an ID-number fragment, pinyin initials and a 2-character word of the summaries
   (院墙), each against the raw SQL it issues
   (``desk.cases.search_sql``) executed directly — median of several runs. Target ≤ 50 ms each.
3. GUI start: process start → main window shown with the first page of the case list filled
   (``mediator_desk.gui.app.create_main_window``), against a bare PySide6 QMainWindow start, both
   in subprocesses with QT_QPA_PLATFORM=offscreen, alternating, after one discarded warm-up
   run each, bytecode caching on (as installed), median. Target ≤ 1.5×.
4. Peak memory (ru_maxrss) of that GUI process, after the list and one search. Target ≤ 250 MB.

Ends with one line "N/M targets met". Numbers go to docs/performance.md by hand (the script
prints a Markdown table with --markdown) and to bench-data/case_book_results.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT / "bench-data"

SEARCH_TARGET_MS = 50.0
START_TARGET_RATIO = 1.5
MEMORY_TARGET_MB = 250.0

BARE_CHILD = r"""
import resource, sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("bare")
window.resize(1100, 700)
window.show()
app.processEvents()
print("SHOWN", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, 0, flush=True)
"""

APP_CHILD = r"""
import resource, sys
from PySide6.QtCore import QEventLoop, QTimer
from mediator_desk.core.desk import Desk
from mediator_desk.gui import worker
from mediator_desk.gui.app import create_main_window, make_application

app = make_application()
desk = Desk.open(sys.argv[1])
window = create_main_window(desk)
loop = QEventLoop()
state = {"page": False, "context": False}

def settle(key):
    state[key] = True
    if all(state.values()):
        loop.quit()

window.model.pageLoaded.connect(lambda: window.model.rowCount() and settle("page"))
window.contextLoaded.connect(lambda _c: settle("context"))
window.resize(1100, 700)
window.show()
QTimer.singleShot(120000, loop.quit)
if not all(state.values()):
    loop.exec()
app.processEvents()
rss = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print("SHOWN", rss(), window.model.rowCount(), flush=True)
# Peak memory also covers using it: one search that fills a page.
state["page"] = False
window.search_box.setText(sys.argv[2])
window.search_now()
if not state["page"]:
    loop.exec()
app.processEvents()
print("SEARCHED", rss(), window.model.rowCount(), flush=True)
window.close()
worker.shutdown()
desk.close()
"""


def machine() -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor()
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f"{kb / 1024 / 1024:.0f} GB"
    except (OSError, ValueError, IndexError):
        pass
    try:
        import PySide6
        qt = PySide6.__version__
    except ImportError:
        qt = "not installed"
    return {"os": platform.platform(), "cpu": cpu, "cores": os.cpu_count(), "memory": mem,
            "python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
            "pyside6": qt, "load": " ".join(f"{x:.2f}" for x in os.getloadavg())
            if hasattr(os, "getloadavg") else ""}


def ensure_database(cases: int, seed: int,
                    rebuild: bool) -> tuple[Path, float | None, float | None]:
    """The cached demo database for (cases, seed, schema): (path, seconds to build it or None,
    seconds to upgrade it from an older schema or None). Built with the CLI if missing."""
    from mediator_desk.storage.migrations import MIGRATIONS

    schema = MIGRATIONS._migrations[-1].name
    DATA.mkdir(exist_ok=True)
    path = DATA / f"case-book-{cases}-seed{seed}.db"
    meta_path = path.with_suffix(".json")
    want = {"cases": cases, "seed": seed, "schema": schema}
    if path.exists() and meta_path.exists() and not rebuild:
        have = json.loads(meta_path.read_text())
        if have == want:
            return path, None, None
        if {k: have.get(k) for k in ("cases", "seed")} == {"cases": cases, "seed": seed}:
            return path, None, upgrade_database(path, meta_path, want)
    for old in DATA.glob(path.name + "*"):        # the database, its WAL, backups
        old.unlink()
    shutil.rmtree(DATA / (path.stem + "-files"), ignore_errors=True)   # its attachment files
    meta_path.unlink(missing_ok=True)
    print(f"Building {path.name} with `mediator-desk demo` ({cases} cases, seed {seed}) …",
          flush=True)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mediator_desk", "demo", "--db", str(path),
                    "--cases", str(cases), "--seed", str(seed)], check=True, cwd=ROOT)
    built = time.perf_counter() - started
    meta_path.write_text(json.dumps(want))
    return path, built, None


def upgrade_database(path: Path, meta_path: Path, want: dict) -> float:
    """Open an older cached database once (pending migrations, then ``ensure_index``), as a
    user's first start of a new version would; returns the seconds it took."""
    from mediator_desk.core.desk import Desk

    print(f"Upgrading {path.name} to schema {want['schema']} …", flush=True)
    started = time.perf_counter()
    Desk.open(path).close()
    took = time.perf_counter() - started
    for backup in DATA.glob(path.name + ".before-*"):   # open's safety copy; this is a cache
        backup.unlink()
    meta_path.write_text(json.dumps(want))
    return took


def pick_queries(desk) -> list[tuple[str, str]]:
    """Realistic queries taken from the data itself (deterministic for a database)."""
    name = desk.scalar(
        "SELECT name FROM parties WHERE kind = 'person' AND length(name) = 2"
        " GROUP BY name ORDER BY count(*) DESC, name LIMIT 1")   # the most common: worst case
    number = desk.scalar("SELECT id_number FROM parties WHERE id_number != '' AND"
                         " kind = 'person' ORDER BY rowid LIMIT 1 OFFSET 1000")
    return [("2-character name", name), ("3+ character substring", "宅基地"),
            ("ID-number fragment", number[-6:]), ("pinyin initials", "zs"),
            ("2-character summary word", "院墙")]


def bench_search(path: Path, runs: int) -> list[dict]:
    from mediator_desk.core.cases import CaseFilter
    from mediator_desk.core.desk import Desk

    desk = Desk.open(path)
    results = []
    try:
        for label, query in pick_queries(desk):
            flt = CaseFilter(text=query)
            sql, params = desk.cases.search_sql(flt)
            desk.cases.search(flt)                      # warm the page cache once
            api, raw = [], []
            for _ in range(runs):
                t = time.perf_counter()
                ids = desk.cases.search(flt)
                api.append(time.perf_counter() - t)
                t = time.perf_counter()
                rows = desk.db.conn.execute(sql, params).fetchall()
                raw.append(time.perf_counter() - t)
            assert [r[0] for r in rows] == ids
            t = time.perf_counter()
            matches = desk.cases.count_matching(flt)
            count_ms = (time.perf_counter() - t) * 1000
            api_ms, raw_ms = statistics.median(api) * 1000, statistics.median(raw) * 1000
            results.append({"label": label, "query": query, "matches": matches,
                             "shown": len(ids), "search_ms": api_ms, "raw_ms": raw_ms,
                             "ratio": api_ms / raw_ms if raw_ms else 0.0,
                             "count_ms": count_ms, "met": api_ms <= SEARCH_TARGET_MS})
    finally:
        desk.close()
    return results


def _child(code: str, *args: str) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    # As installed: bytecode cached in __pycache__ (pip compiles the libraries at install; our
    # package gets its .pyc at the first run). Without this every start would recompile ~110
    # modules of ours (~0.25 s) while PySide6 is precompiled — not what a user sees.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    out = {}
    for line in proc.stdout:
        parts = line.split()
        if parts and parts[0] == "SHOWN":
            out["start_s"] = time.perf_counter() - started
            out["rss_kb"], out["rows"] = int(parts[1]), int(parts[2])
        elif parts and parts[0] == "SEARCHED":
            out["rss_kb"], out["search_rows"] = max(out["rss_kb"], int(parts[1])), int(parts[2])
    err = proc.stderr.read()
    if proc.wait() != 0 or "start_s" not in out:
        raise RuntimeError(f"child failed ({proc.returncode}): {err[-2000:]}")
    return out


def gui_available() -> bool:
    """Whether the GUI (built after the case book's core) provides create_main_window yet. Looked up
    without importing Qt into this process: the measurements run in fresh subprocesses."""
    import importlib.util

    spec = importlib.util.find_spec("mediator_desk.gui.app")
    if spec is None or not spec.origin:
        return False
    return "def create_main_window" in Path(spec.origin).read_text(encoding="utf-8")


def bench_gui(path: Path, runs: int, search: str) -> dict:
    bare, full = [], []
    _child(BARE_CHILD)             # warm-up (discarded): .pyc files, the OS file cache
    _child(APP_CHILD, str(path), search)
    for _ in range(runs):          # alternate, so both see the same machine load
        bare.append(_child(BARE_CHILD))
        full.append(_child(APP_CHILD, str(path), search))
    bare_s = statistics.median(r["start_s"] for r in bare)
    app_s = statistics.median(r["start_s"] for r in full)
    peak_mb = max(r["rss_kb"] for r in full) / 1024
    return {"bare_s": bare_s, "app_s": app_s, "ratio": app_s / bare_s,
            "bare_rss_mb": max(r["rss_kb"] for r in bare) / 1024, "peak_mb": peak_mb,
            "rows": full[0]["rows"], "search_rows": full[0].get("search_rows"),
            "runs": runs, "all_app_s": [round(r["start_s"], 3) for r in full],
            "all_bare_s": [round(r["start_s"], 3) for r in bare]}


def markdown(info: dict, build_s, db_mb: float, cases: int, search: list[dict], gui) -> str:
    lines = [f"Machine: {info['cpu']}, {info['cores']} cores, {info['memory']} RAM; "
             f"{info['os']}; Python {info['python']}, SQLite {info['sqlite']}, "
             f"PySide6 {info['pyside6']}; load average at start {info['load']}.", "",
             f"Database: {cases:,} cases made by `mediator-desk demo` ({db_mb:,.0f} MB)"
             + (f", built in {build_s:.0f} s." if build_s else " (cached)."), "",
             "| Search (newest 200 shown) | query | matches | `desk.cases.search` | raw SQL |"
             " ratio | count | target ≤ 50 ms |", "|---|---|---:|---:|---:|---:|---:|---|"]
    for r in search:
        lines.append(f"| {r['label']} | {r['query']} | {r['matches']:,} | {r['search_ms']:.2f} ms"
                     f" | {r['raw_ms']:.2f} ms | {r['ratio']:.2f} | {r['count_ms']:.1f} ms |"
                     f" {'met' if r['met'] else 'MISSED'} |")
    if gui:
        lines += ["", "| GUI (offscreen, median of %d) | bare QMainWindow | main window with list |"
                  " ratio | target |" % gui["runs"], "|---|---:|---:|---:|---|",
                  f"| process start → window shown | {gui['bare_s']:.3f} s | {gui['app_s']:.3f} s"
                  f" | {gui['ratio']:.2f}× | ≤ 1.5× {'met' if gui['ratio'] <= START_TARGET_RATIO else 'MISSED'} |",
                  f"| peak memory (ru_maxrss) | {gui['bare_rss_mb']:.0f} MB | {gui['peak_mb']:.0f} MB"
                  f" | | ≤ 250 MB {'met' if gui['peak_mb'] <= MEMORY_TARGET_MB else 'MISSED'} |"]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached database")
    parser.add_argument("--search-runs", type=int, default=15)
    parser.add_argument("--gui-runs", type=int, default=5)
    parser.add_argument("--markdown", action="store_true", help="print a Markdown summary")
    args = parser.parse_args(argv)

    info = machine()
    print("Machine:", json.dumps(info, ensure_ascii=False))
    path, build_s, upgrade_s = ensure_database(args.cases, args.seed, args.rebuild)
    db_mb = path.stat().st_size / 1024 / 1024
    print(f"Database: {path} ({db_mb:,.0f} MB)" + (f", built in {build_s:.1f} s" if build_s
                                                 else " (cached)")
          + (f", upgraded in {upgrade_s:.1f} s" if upgrade_s else ""))

    met, total = 0, 0
    search = bench_search(path, args.search_runs)
    print(f"\nSearch latency at {args.cases:,} cases (median of {args.search_runs}):")
    for r in search:
        total += 1
        met += r["met"]
        print(f"  {r['label']:<24} {r['query']!r:<10} matches {r['matches']:>7,}  "
              f"search {r['search_ms']:7.2f} ms  raw SQL {r['raw_ms']:7.2f} ms  "
              f"ratio {r['ratio']:.2f}  (count {r['count_ms']:.1f} ms)  "
              f"{'met' if r['met'] else 'MISSED'} (≤ {SEARCH_TARGET_MS:.0f} ms)")

    gui = None
    total += 2
    if gui_available():
        gui = bench_gui(path, args.gui_runs, "张")
        start_met = gui["ratio"] <= START_TARGET_RATIO
        memory_met = gui["peak_mb"] <= MEMORY_TARGET_MB
        met += start_met + memory_met
        print(f"\nGUI start (median of {gui['runs']}): bare QMainWindow {gui['bare_s']:.3f} s, "
              f"main window with {gui['rows']} rows {gui['app_s']:.3f} s → {gui['ratio']:.2f}× "
              f"{'met' if start_met else 'MISSED'} (≤ {START_TARGET_RATIO}×)")
        print(f"Peak memory of the GUI: {gui['peak_mb']:.0f} MB (bare Qt {gui['bare_rss_mb']:.0f} MB)"
              f" {'met' if memory_met else 'MISSED'} (≤ {MEMORY_TARGET_MB:.0f} MB)")
    else:
        print("\nGUI: mediator_desk.gui.app.create_main_window not available — GUI targets not met")

    results = {"machine": info, "cases": args.cases, "seed": args.seed, "db_mb": db_mb,
               "build_s": build_s, "upgrade_s": upgrade_s, "search": search, "gui": gui, "met": met, "total": total}
    (DATA / "case_book_results.json").write_text(json.dumps(results, ensure_ascii=False,
                                                            indent=2))
    if args.markdown:
        print("\n" + markdown(info, build_s, db_mb, args.cases, search, gui))
    print(f"\n{met}/{total} targets met")
    return 0 if met == total else 1


if __name__ == "__main__":
    sys.exit(main())
