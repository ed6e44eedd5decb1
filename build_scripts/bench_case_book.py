#!/usr/bin/env python3
"""Benchmarks of the case book, on a 200,000-case database made by ``demo``.

    .venv/bin/python build_scripts/bench_case_book.py [--cases 200000] [--seed 1] [--rebuild]

1. Builds the database with ``mediator-desk demo`` (cached in bench-data/, git-ignored; rebuilt
   when the case count or seed differ, or with --rebuild) and reports how long that took. A
   cached database of an older schema is upgraded instead (opened once: migrations, then the
   search index rebuilt if a migration flagged it) and the upgrade is timed.
2. Search latency through ``desk.cases.search`` for a 2-character name, a 3+ character
   substring, an ID-number fragment, pinyin initials and a 2-character word of the summaries
   (院墙), each against its floor: the bare FTS5 query for the same terms on a database
   holding only the searched column (``floor_database``) — median of several runs. Target
   ≤ 50 ms each; the ratio to the floor is reported.
3. GUI start: the real program started as a person starts it (``python -m mediator_desk --db
   DB``, with gui/startup_probe.py saying when): process start → main window usable (shown,
   with the first page of the case list and its context, its rows laid out and painted),
   against a bare PySide6 QMainWindow start and against the minimal list program (the floor
   of any window listing the cases: TABLE_CHILD below), all in subprocesses with
   QT_QPA_PLATFORM=offscreen and a fresh home folder, alternating, after one discarded
   warm-up run each, bytecode caching on (as installed), median. Targets ≤ 1.5× each. Also
   reported: the time until the rest of the start is done (``ready``: to-do panel filled in,
   every menu).
4. Peak memory of a GUI process (VmHWM: Linux keeps ru_maxrss across exec, so a child would
   report the benchmark's own peak), after the list and one search. Target ≤ 250 MB.

Records the results (bench_results.py: bench-data/results/case-book.json, then
performance_tables.py puts them in docs/performance.md) and exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT / "bench-data"

from bench_results import machine, report  # noqa: E402

SEARCH_TARGET_MS = 50.0
START_TARGET_RATIO = 1.5
FLOOR_TARGET_RATIO = 1.5
MEMORY_TARGET_MB = 250.0

# Both children report their peak memory (VmHWM; see 4. above).
PEAK_KB = r"""
import resource, sys

def peak_kb():
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
"""

BARE_CHILD = PEAK_KB + r"""
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("bare")
window.resize(1100, 700)
window.show()
app.processEvents()
use = resource.getrusage(resource.RUSAGE_SELF)
print("SHOWN", peak_kb(), 0, f"cpu={use.ru_utime + use.ru_stime:.4f}", flush=True)
"""

# The floor of any program showing the case list: Python and Qt as bare, then the least a
# window listing 200 cases needs — the shipped font registered at the application's size, the
# database opened with sqlite3, the newest 200 cases (the list's own query shape: parties'
# names joined, committee), a Python table model, a maximised window with a QTableView whose
# rows are laid out and painted. No translations, menus, filters, lock, checks or context.
TABLE_CHILD = PEAK_KB + r"""
import sqlite3
from PySide6.QtCore import QAbstractTableModel, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication(sys.argv[:1])
family = QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(sys.argv[2]))[0]
font = QFont(family)
font.setPointSize(int(sys.argv[3]))
app.setFont(font)
db = sqlite3.connect(sys.argv[1])
rows = db.execute(
    "SELECT c.case_no, c.received_date, c.dispute_type, c.status,"
    " (SELECT group_concat(name, '、') FROM (SELECT name FROM parties p WHERE p.case_id = c.id"
    " ORDER BY seq)), o.name FROM cases c JOIN organisations o ON o.id = c.org_id"
    " ORDER BY c.received_date DESC LIMIT 200").fetchall()

class Model(QAbstractTableModel):
    def rowCount(self, parent=None):
        return len(rows)
    def columnCount(self, parent=None):
        return 6
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            return str(rows[index.row()][index.column()] or "")
        return None

window = QMainWindow()
table = QTableView()
table.setModel(Model())
table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 14)
window.setCentralWidget(table)
window.showMaximized()
app.processEvents()
table.executeDelayedItemsLayout()
window.repaint()
use = resource.getrusage(resource.RUSAGE_SELF)
print("SHOWN", peak_kb(), table.verticalHeader().count(),
      f"cpu={use.ru_utime + use.ru_stime:.4f}", flush=True)
"""

APP_CHILD = PEAK_KB + r"""
from PySide6.QtCore import QEventLoop, QTimer
from mediator_desk.core.desk import Desk
from mediator_desk.gui import worker
from mediator_desk.gui.app import create_main_window, make_application

app = make_application(style_later=True)
desk = Desk.open(sys.argv[1])
window = create_main_window(desk, deferred=True)
loop = QEventLoop()
window.ready.connect(loop.quit)
window.resize(1100, 700)
window.show()
QTimer.singleShot(120000, loop.quit)
loop.exec()
rss = peak_kb
print("SHOWN", rss(), window.model.rowCount(), flush=True)
# Peak memory also covers using it: one search that fills a page.
window.model.pageLoaded.connect(loop.quit)
window.search_box.setText(sys.argv[2])
window.search_now()
loop.exec()
app.processEvents()
print("SEARCHED", rss(), window.model.rowCount(), flush=True)
window.close()
worker.shutdown()
desk.close()
"""


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


def floor_database(path: Path) -> Path:
    """The floor of search: a database holding only the searched columns, each in a plain
    FTS5 table of its own (the same tokenizers: ``trigram`` for text, ``ascii`` for the
    character pairs of names) — nothing to join, no list order, no case rows. Made once per
    case-book database (cached beside it)."""
    import sqlite3

    floor = path.with_name(path.stem + "-search-floor.db")
    if floor.exists() and floor.stat().st_mtime >= path.stat().st_mtime:
        return floor
    floor.unlink(missing_ok=True)
    conn = sqlite3.connect(floor)
    conn.executescript("CREATE VIRTUAL TABLE floor_body USING fts5(body, tokenize='trigram');"
                       "CREATE VIRTUAL TABLE floor_grams USING fts5(grams, tokenize='ascii');")
    conn.execute("ATTACH DATABASE ? AS src", (f"file:{path}?mode=ro",))
    with conn:
        conn.execute("INSERT INTO floor_body(rowid, body) SELECT rowid, body FROM src.case_search")
        conn.execute("INSERT INTO floor_grams(rowid, grams)"
                     " SELECT rowid, grams FROM src.case_search")
    conn.execute("DETACH DATABASE src")
    conn.close()
    return floor


def bench_search(path: Path, runs: int) -> list[dict]:
    """``desk.cases.search`` (newest 200 of the matches, in list order, as case ids) against
    the floor: the bare FTS5 query for the same terms on a table holding only that column
    (``floor_database``), newest 200 rowids."""
    import sqlite3

    from mediator_desk.core import search
    from mediator_desk.core.cases import CaseFilter
    from mediator_desk.core.desk import Desk

    floor = sqlite3.connect(f"file:{floor_database(path)}?mode=ro", uri=True)
    desk = Desk.open(path)
    results = []
    try:
        for label, query in pick_queries(desk):
            flt = CaseFilter(text=query)
            text = search.normalise_query(query)
            table = "floor_grams" if len(text) < 3 else "floor_body"
            floor_sql = (f"SELECT rowid FROM {table} WHERE {table} MATCH ? "
                         "ORDER BY rowid DESC LIMIT 200")
            phrase = search.fts_phrase(text)
            desk.cases.search(flt)                      # warm the page cache once
            floor.execute(floor_sql, (phrase,)).fetchall()
            api, raw = [], []
            for _ in range(runs):
                t = time.perf_counter()
                ids = desk.cases.search(flt)
                api.append(time.perf_counter() - t)
                t = time.perf_counter()
                rows = floor.execute(floor_sql, (phrase,)).fetchall()
                raw.append(time.perf_counter() - t)
            assert len(rows) == len(ids), (label, len(rows), len(ids))
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
        floor.close()
    return results


def _child(args: list[str], home: Path, **env_extra: str) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), HOME=str(home),
               XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / ".local/share"),
               **env_extra)
    # As installed: bytecode cached in __pycache__ (pip compiles the libraries at install; our
    # package gets its .pyc at the first run). Without this every start would recompile ~110
    # modules of ours (~0.25 s) while PySide6 is precompiled — not what a user sees.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    out = {}
    for line in proc.stdout:
        parts = line.split()
        if parts and parts[0] == "SHOWN" and "start_s" not in out:
            out["start_s"] = time.perf_counter() - started
            fields = dict(p.split("=", 1) for p in parts[1:] if "=" in p)
            numbers = [int(p) for p in parts[1:] if "=" not in p]
            if len(numbers) == 2:          # a child of ours: SHOWN <peak kB> <rows>
                out["rss_kb"], out["rows"] = numbers
            else:                          # the program's probe: SHOWN <rows> cpu=<s>
                out["rows"] = numbers[0]
            if "cpu" in fields:            # processor time of all its threads until then
                out["cpu_s"] = float(fields["cpu"])
        elif parts and parts[0] == "READY":
            out["ready_s"] = time.perf_counter() - started
        elif parts and parts[0] == "SEARCHED":
            out["rss_kb"], out["search_rows"] = max(out["rss_kb"], int(parts[1])), int(parts[2])
    err = proc.stderr.read()
    if proc.wait() != 0 or "start_s" not in out:
        raise RuntimeError(f"child failed ({proc.returncode}): {err[-2000:]}")
    return out


def bench_gui(path: Path, runs: int, search: str) -> dict:
    """The real program's start (``-m mediator_desk --db``, its start-up probe) against the
    bare window and against the minimal list program (TABLE_CHILD); then the peak memory of a
    window that has also searched (APP_CHILD)."""
    import tempfile

    from mediator_desk.gui.resources import font_files
    from mediator_desk.gui.text_size import POINT_SIZES

    program = ["-m", "mediator_desk", "--db", str(path)]
    table = ["-c", TABLE_CHILD, str(path), str(font_files()[0]), str(POINT_SIZES[0])]
    bare, floor, full = [], [], []
    with tempfile.TemporaryDirectory(prefix="bench-gui-home-") as tmp:
        home = Path(tmp)
        _child(["-c", BARE_CHILD], home)      # warm-up (discarded): .pyc files, the OS cache
        _child(table, home)
        _child(program, home, MEDIATOR_DESK_STARTUP_PROBE="1")
        for _ in range(runs):          # alternate, so all three see the same machine load
            bare.append(_child(["-c", BARE_CHILD], home))
            floor.append(_child(table, home))
            full.append(_child(program, home, MEDIATOR_DESK_STARTUP_PROBE="1"))
        used = _child(["-c", APP_CHILD, str(path), search], home)

    def median(runs: list[dict], key: str) -> float:
        return statistics.median(r[key] for r in runs)

    return {"bare_s": median(bare, "start_s"), "table_s": median(floor, "start_s"),
            "app_s": median(full, "start_s"),
            "ratio": median(full, "start_s") / median(bare, "start_s"),
            "floor_ratio": median(full, "start_s") / median(floor, "start_s"),
            "bare_cpu_s": median(bare, "cpu_s"), "table_cpu_s": median(floor, "cpu_s"),
            "app_cpu_s": median(full, "cpu_s"),
            "ready_s": median(full, "ready_s"),
            "bare_rss_mb": max(r["rss_kb"] for r in bare) / 1024,
            "peak_mb": used["rss_kb"] / 1024,
            "rows": full[0]["rows"], "table_rows": floor[0]["rows"],
            "search_rows": used.get("search_rows"),
            "runs": runs, "all_app_s": [round(r["start_s"], 3) for r in full],
            "all_table_s": [round(r["start_s"], 3) for r in floor],
            "all_bare_s": [round(r["start_s"], 3) for r in bare]}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached database")
    parser.add_argument("--search-runs", type=int, default=15)
    parser.add_argument("--gui-runs", type=int, default=5)
    args = parser.parse_args(argv)

    info = machine()
    path, build_s, upgrade_s = ensure_database(args.cases, args.seed, args.rebuild)
    db_mb = path.stat().st_size / 1024 / 1024
    details = [("the database", f"{args.cases:,} cases made by `mediator-desk demo`, "
                f"{db_mb:,.0f} MB" + (f", built in {build_s:.0f} s" if build_s else "")
                + (f", upgraded in {upgrade_s:.1f} s" if upgrade_s else ""))]
    targets = []
    for r in bench_search(path, args.search_runs):
        details.append((f"search, {r['label']} ({r['query']}, {r['matches']:,} matches)",
                        f"{r['search_ms']:.2f} ms vs bare FTS5 floor {r['raw_ms']:.2f} ms = "
                        f"{r['ratio']:.2f}×; count {r['count_ms']:.1f} ms"))
        targets.append((f"search, {r['label']} (newest 200 shown) ≤ "
                        f"{SEARCH_TARGET_MS:.0f} ms", f"{r['search_ms']:.2f} ms", r["met"]))
    gui = bench_gui(path, args.gui_runs, "张")
    details.append(("GUI start, every run (s)", f"program {gui['all_app_s']}, minimal list "
                    f"program {gui['all_table_s']}, bare window {gui['all_bare_s']}; the rest "
                    f"of the start (to-do panel, all menus) done at {gui['ready_s']:.3f} s "
                    "(median)"))
    details.append(("GUI start, processor time until usable (all threads, median; less "
                    "sensitive to other load than the clock)",
                    f"program {gui['app_cpu_s']:.3f} s, minimal list program "
                    f"{gui['table_cpu_s']:.3f} s, bare window {gui['bare_cpu_s']:.3f} s: "
                    f"{gui['app_cpu_s'] / gui['bare_cpu_s']:.2f}× the bare window, "
                    f"{gui['app_cpu_s'] / gui['table_cpu_s']:.2f}× the minimal list program"))
    details.append(("the minimal list program (the floor of any window listing the cases) "
                    "against the bare window",
                    f"{gui['table_s']:.3f} s vs {gui['bare_s']:.3f} s = "
                    f"{gui['table_s'] / gui['bare_s']:.2f}× ({gui['table_rows']} rows laid out "
                    f"and painted; the program: {gui['rows']})"))
    targets += [
        (f"`mediator-desk --db DB` start → main window usable (list and context shown, its "
         f"rows painted) ≤ {START_TARGET_RATIO}× a bare QMainWindow (offscreen, median of "
         f"{gui['runs']})",
         f"{gui['app_s']:.3f} s vs {gui['bare_s']:.3f} s = {gui['ratio']:.2f}×",
         gui["ratio"] <= START_TARGET_RATIO),
        (f"the same ≤ {FLOOR_TARGET_RATIO}× the minimal list program (same runs)",
         f"{gui['app_s']:.3f} s vs {gui['table_s']:.3f} s = {gui['floor_ratio']:.2f}×",
         gui["floor_ratio"] <= FLOOR_TARGET_RATIO),
        (f"peak memory of the GUI ≤ {MEMORY_TARGET_MB:.0f} MB",
         f"{gui['peak_mb']:.0f} MB (bare Qt {gui['bare_rss_mb']:.0f} MB)",
         gui["peak_mb"] <= MEMORY_TARGET_MB)]
    return report("case-book", targets, details, info=info)


if __name__ == "__main__":
    sys.exit(main())
