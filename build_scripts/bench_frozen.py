#!/usr/bin/env python3
"""Start-up of the frozen program against the same program started from source.

    .venv/bin/python build_scripts/bench_frozen.py [--bundle dist/mediator-desk] [--runs 7]

Both start the real program (``mediator-desk --db DB``) on the same 200-case demo database with
``MEDIATOR_DESK_STARTUP_PROBE=1`` (gui/startup_probe.py): the time is from process start until
the main window is shown with the first page of the case list and its context loaded. From
source means ``python -m mediator_desk`` with bytecode cached (as installed). Offscreen, one
discarded warm-up each, then alternating runs, median. Target: frozen ≤ 1.5× source. Also
reports the bundle's size (target ≤ 200 MB) and the frozen ``--self-test`` time. Exits 1 when a
target is missed; the result goes to bench-data/results/frozen.json (bench_results.py), which
``build_scripts/performance_tables.py --write`` puts into docs/performance.md.
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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "build_scripts"))

from bench_results import report  # noqa: E402

RATIO_TARGET = 1.5
SIZE_TARGET_MB = 200.0
EXE = "mediator-desk.exe" if os.name == "nt" else "mediator-desk"


def folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def environment(home: Path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MEDIATOR_DESK_STARTUP_PROBE="1",
               HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_STATE_HOME=str(home / "state"),
               PYTHONPATH=str(ROOT))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("MEDIATOR_DESK_DB", None)
    return env


def start_once(command: list[str], env: dict) -> float:
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env, cwd=env["HOME"])
    shown = None
    for line in proc.stdout:
        if line.startswith("SHOWN") and shown is None:
            shown = time.perf_counter() - started
    err = proc.stderr.read()
    if proc.wait() != 0 or shown is None:
        raise SystemExit(f"{command[0]} failed ({proc.returncode}): {err[-2000:]}")
    return shown


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "mediator-desk")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    exe = args.bundle / EXE
    if not exe.is_file():
        raise SystemExit(f"no frozen program at {exe}: run `python3 build_scripts/bootstrap.py build`")
    with tempfile.TemporaryDirectory(prefix="bench-frozen-") as tmp:
        home = Path(tmp)
        env = environment(home)
        db = home / "bench.db"
        subprocess.run([sys.executable, "-m", "mediator_desk", "demo", "--db", str(db),
                        "--cases", "200", "--seed", "1"], env=env, check=True,
                       capture_output=True)
        source = [sys.executable, "-m", "mediator_desk", "--db", str(db)]
        frozen = [str(exe), "--db", str(db)]
        start_once(source, env)                       # warm-up: .pyc files, the file cache
        start_once(frozen, env)
        src_s, frz_s = [], []
        for _ in range(args.runs):
            src_s.append(start_once(source, env))
            frz_s.append(start_once(frozen, env))
        t = time.perf_counter()
        check = subprocess.run([str(exe), "--self-test"], env={**env, "MEDIATOR_DESK_STARTUP_PROBE": ""},
                               capture_output=True, text=True, encoding="utf-8")
        self_test_s = time.perf_counter() - t
    source_s, frozen_s = statistics.median(src_s), statistics.median(frz_s)
    ratio = frozen_s / source_s
    size = folder_mb(args.bundle)
    ok_ratio, ok_size, ok_check = ratio <= RATIO_TARGET, size <= SIZE_TARGET_MB, check.returncode == 0
    if not ok_check:
        print(check.stdout + check.stderr)
    targets = [
        (f"frozen start to the filled main window ≤ {RATIO_TARGET}× the start from source",
         f"{frozen_s:.3f} s vs {source_s:.3f} s = {ratio:.2f}× (median of {args.runs})", ok_ratio),
        (f"program folder ≤ {SIZE_TARGET_MB:.0f} MB", f"{size:.0f} MB", ok_size),
        ("frozen --self-test passes", f"{'passed' if ok_check else 'FAILED'} in {self_test_s:.1f} s",
         ok_check),
    ]
    details = [("source runs (s)", ", ".join(f"{x:.3f}" for x in src_s)),
               ("frozen runs (s)", ", ".join(f"{x:.3f}" for x in frz_s))]
    return report("frozen", targets, details)


if __name__ == "__main__":
    raise SystemExit(main())
