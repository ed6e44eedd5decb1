"""Results of the benchmarks, kept as JSON so that docs/performance.md shows measured numbers.

Each ``bench_*.py`` ends with :func:`report`: it writes ``bench-data/results/<name>.json``
(the machine, the time, every measurement and every target with whether it was met), prints
the same as Markdown, prints "N/M targets met" and returns the exit status (1 if a target
was missed). ``build_scripts/performance_tables.py --write`` then puts each result's tables
into docs/performance.md between ``<!-- results:<name> -->`` and ``<!-- /results:<name> -->``.
"""

from __future__ import annotations

import json
import os
import platform
import sqlite3
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench-data" / "results"


def machine() -> dict:
    """The machine and the software the numbers were measured with."""
    cpu = platform.processor()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
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


def report(name: str, targets: list[tuple[str, str, bool]],
           details: list[tuple[str, str]] = (), notes: list[str] = (),
           info: dict | None = None) -> int:
    """Record and print one run: ``targets`` as (target, measured, met), ``details`` as
    (measurement, result) rows without a target, ``notes`` as sentences under the tables.
    Returns 0 when every target was met, else 1."""
    data = {"name": name, "measured_at": time.strftime("%Y-%m-%d %H:%M"),
            "machine": info or machine(), "details": [list(d) for d in details],
            "targets": [[t, m, bool(ok)] for t, m, ok in targets], "notes": list(notes)}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False, indent=2),
                                          encoding="utf-8")
    print()
    print(markdown(data))
    met = sum(ok for _, _, ok in targets)
    print(f"\n{met}/{len(targets)} targets met")
    return 0 if met == len(targets) else 1


def markdown(data: dict) -> str:
    """The tables of one result, as docs/performance.md shows them."""
    m = data["machine"]
    lines = [f"Measured {data['measured_at']} on {m['cpu']}, {m['cores']} cores, {m['memory']} "
             f"RAM; Python {m['python']}, SQLite {m['sqlite']}, PySide6 {m['pyside6']}; load "
             f"average at start {m['load']}.", ""]
    if data["details"]:
        lines += ["| measurement | result |", "|---|---|"]
        lines += [f"| {a} | {b} |" for a, b in data["details"]]
        lines.append("")
    lines += ["| target | measured | met |", "|---|---|---|"]
    lines += [f"| {t} | {v} | {'yes' if ok else '**no**'} |" for t, v, ok in data["targets"]]
    if data["notes"]:
        lines += [""] + list(data["notes"])
    return "\n".join(lines)


def load(name: str) -> dict | None:
    path = RESULTS / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None
