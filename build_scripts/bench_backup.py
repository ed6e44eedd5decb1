"""Benchmark backups; records its results (bench_results.py), exits 1 on a miss.

    .venv/bin/python build_scripts/bench_backup.py [--cases 200000] [--files 2000]

Targets (baselines measured in the same run):

1. The online backup of the database (SQLite's backup API from the desk's connection, inside
   one read transaction, to a new file, fsynced) takes ≤ 1.5× a plain copy of the same file
   (``shutil.copyfile`` — sendfile/copy_file_range in the kernel — then fsync), interleaved.
2. An incremental backup after 100 changes (90 case edits and 10 new attachments) takes ≤ 5%
   of a full one (the first backup into an empty store: the database, every attachment file,
   the keys). Both are ``desk.backups.create()`` with its verification (SHA-256 of the copy,
   ``PRAGMA integrity_check``, record counts), the parts shown on their own lines, with the
   time it takes just to *read* the database file once: while each backup holds a complete
   copy of the database, no backup can take less than that.
3. The GUI stays responsive during a backup: the worker makes it through
   ``run_with_progress`` while a 10 ms timer on the GUI thread measures the longest gap
   between its ticks (offscreen Qt); ≤ 100 ms.

Also shown: a restore of the newest backup (verify, back up the current database, copy, switch).
The sample database is bench_sync.py's (``demo_db``, cached under bench-data/) with
``--files`` attachment files of ``--file-kb`` KB added (cached too, as backup-demo-*.db).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "build_scripts"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_results import report  # noqa: E402
from bench_sync import BENCH, copy_db, demo_db  # noqa: E402

from mediator_desk.core.desk import Desk  # noqa: E402
from mediator_desk.storage import backup as store  # noqa: E402

WORK = BENCH / "backup-work"


def say(msg: str) -> None:
    print(f"[bench_backup] {msg}", file=sys.stderr, flush=True)


def fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def timed(fn):
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def _pdf(n: int, size: int) -> bytes:
    return b"%PDF-1.4\n%" + os.urandom(size - 10)


def base_db(cases: int, files: int, file_kb: int) -> Path:
    """The demo database with ``files`` attachment files (built once, cached)."""
    path = BENCH / f"backup-demo-{cases}-{files}x{file_kb}k.db"
    if path.exists():
        return path
    demo = demo_db(cases)
    say(f"adding {files} attachment files of {file_kb} KB to a copy of {demo.name} …")
    tmp = BENCH / "backup-demo.building.db"
    for p in BENCH.glob(tmp.name + "*"):
        p.unlink()
    shutil.rmtree(tmp.with_name(tmp.stem + "-files"), ignore_errors=True)
    copy_db(demo, tmp)
    desk = Desk.open(tmp)
    ids = [r[0] for r in desk.db.conn.execute(
        "SELECT id FROM cases WHERE status != 'archived' ORDER BY id LIMIT ?", (files,))]
    for n, cid in enumerate(ids):
        desk.attachments.add_bytes(cid, _pdf(n, file_kb * 1024), file_name=f"扫描件{n}.pdf")
    desk.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    desk.close()
    copy_db(tmp, path)
    for p in BENCH.glob(tmp.name + "*"):
        p.unlink()
    for extra in ("-files", "-keys", "-backups"):    # (-backups: if opening it migrated it)
        shutil.rmtree(tmp.with_name(tmp.stem + extra), ignore_errors=True)
    return path


def fresh_work(base: Path) -> Path:
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    target = copy_db(base, WORK / "desk.db")
    keys = target.with_name("desk-keys")
    keys.mkdir(exist_ok=True)
    (keys / "signing.key").write_bytes(os.urandom(120))
    (keys / "age.key").write_bytes(os.urandom(90))
    os.sync()            # the copy's dirty pages written out now, not during the timings
    return target


class Phases:
    """Time spent in each part of storage/backup.py during one create (wrapped functions)."""

    NAMES = {"_snapshot": "snapshot", "_sha256": "sha256", "_check_copy": "check",
             "_copy_files": "files", "_copy_keys": "keys", "prune_backups": "rotate"}

    def __init__(self):
        self.seconds = dict.fromkeys(self.NAMES.values(), 0.0)
        self._saved = {}

    def __enter__(self):
        for fn, label in self.NAMES.items():
            real = getattr(store, fn)
            self._saved[fn] = real

            def wrapped(*a, _real=real, _label=label, **k):
                started = time.perf_counter()
                try:
                    return _real(*a, **k)
                finally:
                    self.seconds[_label] += time.perf_counter() - started
            setattr(store, fn, wrapped)
        return self

    def __exit__(self, *exc):
        for fn, real in self._saved.items():
            setattr(store, fn, real)


def bench_copy(db: Path, repeat: int) -> dict:
    """Plain copy vs the backup API snapshot, interleaved; and one plain read."""
    desk = Desk.open(db)
    plain, online, read = [], [], []
    for i in range(repeat + 1):
        def plain_copy():
            return timed(lambda: (shutil.copyfile(db, WORK / f"plain{i}.db"),
                                  fsync(WORK / f"plain{i}.db")))[0]

        def online_copy():
            return timed(lambda: store._snapshot(desk.db.conn, WORK / f"online{i}.db", None,
                                                 (0, 0)))[0]
        # alternate which goes first; nothing left to write back from the other one
        times = {}
        for name, fn in ((("plain", plain_copy), ("online", online_copy)) if i % 2 else
                         (("online", online_copy), ("plain", plain_copy))):
            for p in list(WORK.glob("plain*.db")) + list(WORK.glob("online*.db")):
                p.unlink()
            os.sync()
            times[name] = fn()
        if i:                       # the first round warms the page cache
            plain.append(times["plain"])
            online.append(times["online"])
    desk.close()
    user = []
    for i in range(repeat + 1):     # with no connection open: reading it drops no lock
        r, _ = timed(lambda: _read(db))
        os.sync()
        u, _ = timed(lambda: _user_copy(db, WORK / "user.db"))
        (WORK / "user.db").unlink()
        if i:
            read.append(r)
            user.append(u)
    for p in list(WORK.glob("plain*.db")) + list(WORK.glob("online*.db")):
        p.unlink()
    med = statistics.median
    return {"plain": med(plain), "online": med(online), "read": med(read), "user": med(user),
            "mb": db.stat().st_size / 1024 ** 2}


def _user_copy(src: Path, dest: Path) -> None:
    """A copy through user space (read and write 1 MB at a time), fsynced."""
    with open(src, "rb", buffering=0) as fh, open(dest, "wb", buffering=0) as out:
        while chunk := fh.read(1 << 20):
            out.write(chunk)
        os.fsync(out.fileno())


def _read(path: Path) -> None:
    with open(path, "rb", buffering=0) as fh:
        while fh.read(8 << 20):
            pass


def _changes(desk, n: int, round_: int) -> None:
    ids = [r[0] for r in desk.db.conn.execute(
        "SELECT id FROM cases WHERE status NOT IN ('archived') ORDER BY id DESC LIMIT ?",
        (n,))]
    for k, cid in enumerate(ids):
        if k % 10 == 9:
            desk.attachments.add_bytes(cid, _pdf(k, 250 * 1024), file_name=f"新{round_}-{k}.pdf")
        else:
            desk.cases.update(cid, place=f"第{round_}轮修改{k}")


def bench_create(db: Path, repeat: int, changes: int) -> dict:
    desk = Desk.open(db)
    root = desk.backups.root
    full, full_phases, incr, incr_phases = [], [], [], []
    for i in range(repeat):
        shutil.rmtree(root, ignore_errors=True)
        os.sync()         # as between real backups: the previous one is on disk
        with Phases() as ph:
            s, res = timed(lambda: desk.backups.create())
        assert res["verified"]
        full.append(s)
        full_phases.append(ph.seconds)
    copied_full = res["files"]
    for i in range(repeat):
        _changes(desk, changes, i)
        os.sync()
        with Phases() as ph:
            s, res = timed(lambda: desk.backups.create())
        assert res["verified"]
        incr.append(s)
        incr_phases.append(ph.seconds)
    manifest = store.read_backup(res["path"]).manifest
    restore_s, restored = timed(lambda: desk.backups.restore(res["name"]))
    desk.close()
    med = statistics.median

    def mid(runs, phases):
        return phases[sorted(range(len(runs)), key=runs.__getitem__)[len(runs) // 2]]
    return {"full": med(full), "incr": med(incr), "full_phases": mid(full, full_phases),
            "incr_phases": mid(incr, incr_phases), "files": copied_full,
            "incr_copied": manifest["files"]["copied"],
            "incr_bytes": manifest["files"]["bytes_copied"],
            "restore": restore_s, "restored_cases": restored["cases"]}


def bench_gui_process(db: Path) -> dict:
    """:func:`bench_gui` in a fresh process, as the application would be."""
    import json
    import subprocess

    out = subprocess.run([sys.executable, __file__, "--gui-only", str(db)], check=True,
                         capture_output=True, text=True, env=dict(os.environ,
                                                                  QT_QPA_PLATFORM="offscreen"))
    return json.loads(out.stdout.strip().splitlines()[-1])


def bench_gui(db: Path) -> dict:
    """The longest gap of a 10 ms GUI-thread timer while the worker makes a backup."""
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from mediator_desk.gui import worker
    from mediator_desk.gui.progress import run_with_progress

    app = QApplication.instance() or QApplication([])
    desk = Desk.open(db)
    worker.install(desk)
    window = QWidget()
    window.show()
    clock = QElapsedTimer()
    clock.start()
    gaps: list[int] = []
    last = [clock.elapsed()]
    done = []

    def tick():
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    started = time.perf_counter()
    dialog = run_with_progress(window, lambda d, p: d.backups.create(progress=p),
                               "backing up", done.append, done.append)
    while not done:
        app.processEvents()
        time.sleep(0.002)
    seconds = time.perf_counter() - started
    timer.stop()
    worker.shutdown()
    desk.close()
    del dialog
    gaps.sort()
    return {"max": gaps[-1] if gaps else 0, "p99": gaps[int(len(gaps) * 0.99)] if gaps else 0,
            "ticks": len(gaps), "seconds": seconds,
            "ok": bool(isinstance(done[0], dict) and done[0].get("verified"))}


def _phase_text(ph: dict) -> str:
    return ", ".join(f"{k} {v:.2f}" for k, v in ph.items() if v >= 0.005)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=200_000)
    ap.add_argument("--files", type=int, default=2_000, help="attachment files in the sample")
    ap.add_argument("--file-kb", type=int, default=250)
    ap.add_argument("--changes", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--copy-repeat", type=int, default=5)
    ap.add_argument("--gui-only", metavar="DB", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.gui_only:
        import json

        print(json.dumps(bench_gui(Path(args.gui_only))))
        return 0
    BENCH.mkdir(exist_ok=True)
    base = base_db(args.cases, args.files, args.file_kb)

    db = fresh_work(base)
    say("plain copy vs online backup …")
    cp = bench_copy(db, args.copy_repeat)
    say("full and incremental backups, restore …")
    cr = bench_create(db, args.repeat, args.changes)
    say("GUI responsiveness …")
    gui = bench_gui_process(fresh_work(base))
    shutil.rmtree(WORK, ignore_errors=True)

    ratio_copy = cp["online"] / cp["plain"]
    ratio_incr = cr["incr"] / cr["full"]
    db_part = sum(cr["incr_phases"][k] for k in ("snapshot", "sha256", "check"))
    targets = [("online backup of the database ≤ 1.5× a plain copy of the file",
                ratio_copy <= 1.5, f"{ratio_copy:.2f}×"),
               (f"incremental backup after {args.changes} changes ≤ 5% of a full one",
                ratio_incr <= 0.05, f"{ratio_incr:.1%}"),
               ("GUI thread's longest pause during a backup ≤ 100 ms",
                gui["max"] <= 100 and bool(gui["ok"]), f"{gui['max']} ms")]
    details = [
        ("the database", f"{args.cases:,} cases, {cp['mb']:,.0f} MB; {args.files:,} attachment "
         f"files of {args.file_kb} KB ({args.files * args.file_kb / 1024:,.0f} MB) besides the "
         "demo's own"),
        ("plain copy of the database file, fsynced (baseline)", f"{cp['plain']:.2f} s"),
        ("online backup of the database (backup API, one read transaction), fsynced",
         f"{cp['online']:.2f} s"),
        ("copy through user space (read/write 1 MB at a time), fsynced", f"{cp['user']:.2f} s"),
        ("reading the database file once (lower bound of any full copy)", f"{cp['read']:.2f} s"),
        (f"full backup (`desk.backups.create`, empty store, {cr['files']:,} files)",
         f"{cr['full']:.2f} s ({_phase_text(cr['full_phases'])})"),
        (f"incremental backup after {args.changes} changes ({cr['incr_copied']} new files, "
         f"{cr['incr_bytes'] / 1024 ** 2:.1f} MB)",
         f"{cr['incr']:.2f} s ({_phase_text(cr['incr_phases'])}; the database: {db_part:.2f})"),
        ("5% of the full backup", f"{cr['full'] * 0.05:.2f} s"),
        (f"restore of the newest backup ({cr['restored_cases']:,} cases: verify, back up the "
         "current database, copy, switch)", f"{cr['restore']:.2f} s"),
        ("backup through the GUI's worker with a progress bar",
         f"{gui['seconds']:.2f} s; GUI thread: {gui['ticks']} ticks of a 10 ms timer, 99th "
         f"percentile gap {gui['p99']} ms, longest {gui['max']} ms"),
    ]
    notes = []
    if ratio_copy > 1.5:
        notes.append(f"Against a copy through user space the online backup takes "
                     f"{cp['online'] / cp['user']:.2f}×: the plain copy is done inside the kernel "
                     f"(sendfile/copy_file_range, one memory copy per page); every copy that "
                     f"passes through a process — SQLite's backup API included — reads each page "
                     f"into memory and writes it back (two).")
    if ratio_incr > 0.05 and cp["read"] > cr["full"] * 0.05:
        notes.append(f"The incremental target cannot be met while every backup holds a "
                     f"complete, verified copy of the database: reading the {cp['mb']:,.0f} MB "
                     f"file once takes {cp['read']:.2f} s, more than 5% of a full backup "
                     f"({cr['full'] * 0.05:.2f} s).")
    return report("backup", [(name, value, ok) for name, ok, value in targets], details, notes)


if __name__ == "__main__":
    sys.exit(main())
