"""Benchmark the sync layer; records its results (bench_results.py), exits 1 on a miss.

    .venv/bin/python build_scripts/bench_sync.py [--cases 10000] [--big 200000] [--small 2000]
    .venv/bin/python build_scripts/bench_sync.py --import-only [--repeat 3]   # while iterating

Targets (ratios against baselines measured in the same run):

1. Importing a bundle of N (10,000) cases with their parties, mediation records, agreements,
   follow-ups and attachments takes ≤ 3× a raw ``executemany`` of the same rows into the same
   tables of the same office database (one transaction, foreign keys deferred, nothing else),
   timed from opening the file to the end of the search index of the imported cases (derived
   data built right after the commit by core/search.py; shown on its own line too, as is the
   ratio of the records alone). The import validates every row with the record rules.
2. Importing the same bundle again takes ≤ 20% of the first import.
3. Exporting after 100 changes costs time proportional to the changes, not to the database:
   on a 200,000-case database it takes ≤ 2× the time it takes on a 2,000-case database.

Also shown, without a target: exporting the whole N-case database, exporting after ten times
as many changes on the big database (the cost follows the changes), and importing an
*overlapping* bundle (another file with the same content, so every record is compared).
Sample data comes from ``mediator_desk.demo.book.build_demo``; the generated databases are
cached under bench-data/ (git-ignored), so only the first run pays for building them.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_results import report  # noqa: E402
from mediator_desk import sync  # noqa: E402
from mediator_desk.core.desk import Desk  # noqa: E402
from mediator_desk.core.setup import set_up_committee  # noqa: E402
from mediator_desk.storage.schema import TRAVELLING_TABLES  # noqa: E402
from mediator_desk.sync import keys as keymod  # noqa: E402
from mediator_desk.sync.container import read_container  # noqa: E402
from mediator_desk.sync.encryption import read_payload  # noqa: E402
from mediator_desk.sync.payload import AUDIT_COLUMNS  # noqa: E402

BENCH = ROOT / "bench-data"
WORK = BENCH / "sync-work"
TODAY = date(2026, 11, 1)


def say(msg: str) -> None:
    print(f"[bench_sync] {msg}", file=sys.stderr, flush=True)


def copy_db(src: Path, dst: Path) -> Path:
    """Copy a database with its attachment folder and key folder."""
    for suffix in ("", "-wal", "-shm"):
        s = Path(str(src) + suffix)
        if s.exists():
            shutil.copyfile(s, Path(str(dst) + suffix))
    for extra in ("-files", "-keys"):
        s = src.with_name(src.stem + extra)
        d = dst.with_name(dst.stem + extra)
        if d.exists():
            shutil.rmtree(d)
        if s.exists():
            shutil.copytree(s, d)
    return dst


def generator_fingerprint() -> str:
    """The demo generator's code and the schema: a cached sample made by an older generator
    (which may break today's record rules) is not used."""
    import hashlib
    import inspect

    from mediator_desk.demo import book, path, sampling, screening
    from mediator_desk.storage.migrations import MIGRATIONS

    text = "".join(inspect.getsource(m) for m in (book, path, sampling, screening))
    text += MIGRATIONS.names[-1]
    return hashlib.sha256(text.encode()).hexdigest()[:8]


def demo_db(cases: int) -> Path:
    """A cached sample database with ``cases`` cases (built once with build_demo, again when
    the generator or the schema changed; older copies are removed)."""
    from mediator_desk.demo.book import build_demo

    path = BENCH / f"sync-demo-{cases}-{generator_fingerprint()}.db"
    if path.exists():
        return path
    for old in [*BENCH.glob(f"sync-demo-{cases}.db"), *BENCH.glob(f"sync-demo-{cases}-*.db")]:
        old.unlink()
        shutil.rmtree(old.with_name(old.stem + "-files"), ignore_errors=True)
    say(f"building a {cases:,}-case sample database (cached in {path.name}) …")
    tmp = BENCH / f"sync-demo-{cases}.building.db"
    for p in BENCH.glob(tmp.name + "*"):
        p.unlink()
    shutil.rmtree(tmp.with_name(tmp.stem + "-files"), ignore_errors=True)
    started = time.perf_counter()
    desk = Desk.open(tmp)
    build_demo(desk, cases=cases, seed=5, today=TODAY)
    desk.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    desk.close()
    copy_db(tmp, path)
    for p in BENCH.glob(tmp.name + "*"):
        p.unlink()
    shutil.rmtree(tmp.with_name(tmp.stem + "-files"), ignore_errors=True)
    say(f"  built in {time.perf_counter() - started:.0f} s")
    return path


def fresh_office(folder: Path) -> Path:
    path = folder / "office.db"
    desk = Desk.open(path)
    set_up_committee(desk, committee_name="巴彦温都尔苏木人民调解委员会", level="township",
                     short_name="巴温", county_name="阿鲁科尔沁旗", mediator_name="司法所长")
    sync.init_site(desk, role="office", name="巴彦温都尔司法所")
    sync.export_enrolment(desk, folder / "office.mdenrol")
    desk.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    desk.close()
    return path


def village_from(demo: Path, folder: Path, name: str) -> Path:
    path = copy_db(demo, folder / f"{name}.db")
    desk = Desk.open(path)
    sync.init_site(desk, role="village")
    sync.import_enrolment(desk, folder / "office.mdenrol")
    desk.close()
    return path


def timed(fn):
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def raw_insert(office: Path, payload) -> float:
    """The baseline: the bundle's rows inserted with plain executemany, one transaction."""
    desk = Desk.open(office)
    conn = desk.db.conn

    def run():
        conn.execute("BEGIN")
        conn.execute("PRAGMA defer_foreign_keys = ON")
        for table in TRAVELLING_TABLES:
            t = payload.tables.get(table)
            if t:
                conn.executemany(f"INSERT INTO {table} ({', '.join(t.columns)}) VALUES"
                                 f" ({', '.join('?' * len(t.columns))})", t.rows)
        conn.executemany(f"INSERT INTO audit_log ({', '.join(AUDIT_COLUMNS)}) VALUES"
                         f" ({', '.join('?' * len(AUDIT_COLUMNS))})", payload.audit.rows)
        conn.execute("COMMIT")

    seconds, _ = timed(run)
    desk.close()
    return seconds


def bench_import(cases: int, repeat: int) -> dict:
    folder = WORK / "import"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    office_base = fresh_office(folder)
    village = village_from(demo_db(cases), folder, "village")
    vdesk = Desk.open(village)
    bundle = folder / "full.mdsync"
    export_s, exported = timed(lambda: sync.export_bundle(vdesk, bundle))
    overlap = folder / "overlap.mdsync"
    sync.export_bundle(vdesk, overlap, full=True)
    fp = keymod.load_keys(vdesk).fingerprint
    vdesk.close()
    counts = exported["counts"]
    rows = sum(c["upsert"] for c in counts["tables"].values()) + counts["audit"]
    # Decrypt the payload once (outside any timing) to feed the baseline the same rows.
    odesk = Desk.open(office_base)
    payload = read_payload(read_container(bundle), keymod.load_keys(odesk))
    odesk.close()
    raw, first, again, overlapped, index, stages, total = [], [], [], [], [], [], []
    for i in range(repeat):
        say(f"import round {i + 1}/{repeat}")
        raw.append(raw_insert(copy_db(office_base, folder / f"raw{i}.db"), payload))
        target = copy_db(office_base, folder / f"imp{i}.db")
        desk = Desk.open(target)
        s, res = timed(lambda: sync.import_bundle(desk, bundle, accept_fingerprint=fp))
        assert res.status == "applied", res.message
        index.append(res.extra["seconds"]["search_index"])
        first.append(s - index[-1])
        total.append(s)
        # What no stage names (the WAL checkpoint at the end, the import log): the rest.
        laps = res.extra["seconds"]
        stages.append({**laps, "rest": first[-1] - sum(v for k, v in laps.items()
                                                       if k != "search_index")})
        s, res = timed(lambda: sync.import_bundle(desk, bundle))
        assert res.status == "already"
        again.append(s)
        s, res = timed(lambda: sync.import_bundle(desk, overlap))
        assert res.preview["tables"]["cases"]["unchanged"] == cases, res.preview
        overlapped.append(s)
        assert desk.scalar("SELECT count(*) FROM cases") == cases
        desk.close()
    med = statistics.median
    return {"cases": cases, "rows": rows, "bytes": exported["size"], "files": counts["files"],
            "export_full": export_s, "raw": med(raw), "import": med(first),
            "index": med(index), "total": med(total),
            "stages": stages[sorted(range(len(first)), key=first.__getitem__)[len(first) // 2]],
            "reimport": med(again), "overlap": med(overlapped),
            "tables": {t: c["upsert"] for t, c in counts["tables"].items()}}


def bench_export(cases: int, changes: int, repeat: int) -> dict:
    """Export after ``changes`` case edits, the office having acknowledged everything before."""
    folder = WORK / f"export-{cases}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    fresh_office(folder)
    village = village_from(demo_db(cases), folder, "village")
    desk = Desk.open(village)
    office_id = sync.list_peers(desk, "office")[0]["site_id"]
    times = []
    # One untimed round first: the first reads of a big file come from disk, not the cache.
    for i in range(repeat + 1):
        # As after a receipt: the office holds everything up to now.
        with desk.transaction():
            desk.db.conn.execute(
                "UPDATE sync_sites SET acked_seq = (SELECT max(seq) FROM change_log),"
                " acked_audit_seq = (SELECT max(seq) FROM audit_log) WHERE site_id = ?",
                (office_id,))
        ids = [r[0] for r in desk.db.conn.execute(
            "SELECT id FROM cases WHERE status != 'archived' ORDER BY id LIMIT ?", (changes,))]
        for n, cid in enumerate(ids):
            desk.cases.update(cid, place=f"第{i}轮修改{n}")
        s, res = timed(lambda: sync.export_bundle(desk, folder / f"b{i}.mdsync"))
        assert res["counts"]["tables"]["cases"]["upsert"] == changes, res["counts"]
        if i:
            times.append(s)
    db_bytes = village.stat().st_size
    desk.close()
    return {"cases": cases, "changes": changes, "export": statistics.median(times),
            "db_mb": db_bytes / 1024 ** 2}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=10_000)
    ap.add_argument("--big", type=int, default=200_000)
    ap.add_argument("--small", type=int, default=2_000)
    ap.add_argument("--changes", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--export-repeat", type=int, default=7)
    ap.add_argument("--import-only", action="store_true",
                    help="only the import target; prints its lines, records no result")
    args = ap.parse_args(argv)
    BENCH.mkdir(exist_ok=True)

    imp = bench_import(args.cases, args.repeat)
    if args.import_only:
        st = imp["stages"]
        ratio = imp["total"] / imp["raw"]
        print(f"raw {imp['raw']:.2f} s; import {imp['import']:.2f} s (verify {st['verify']:.2f},"
              f" decrypt {st['decrypt']:.2f}, preview {st['plan']:.2f}, apply {st['apply']:.2f},"
              f" checkpoint and rest {st['rest']:.2f});"
              f" index {imp['index']:.2f} s; total {imp['total']:.2f} s = {ratio:.2f}× raw"
              f" (records alone {imp['import'] / imp['raw']:.2f}×); again"
              f" {imp['reimport']:.3f} s, overlap {imp['overlap']:.2f} s")
        shutil.rmtree(WORK, ignore_errors=True)
        return 0 if ratio <= 3.0 else 1
    small = bench_export(args.small, args.changes, args.export_repeat)
    big = bench_export(args.big, args.changes, args.export_repeat)
    more = bench_export(args.big, args.changes * 10, args.export_repeat)

    ratio_import = imp["import"] / imp["raw"]
    ratio_again = imp["reimport"] / imp["import"]
    ratio_export = big["export"] / small["export"]
    ratio_total = imp["total"] / imp["raw"]
    targets = [("import with the search index ≤ 3× raw executemany", ratio_total <= 3.0,
                f"{ratio_total:.2f}× (records alone: {ratio_import:.2f}×)"),
               ("re-import of the same bundle ≤ 20% of the first import", ratio_again <= 0.20,
                f"{ratio_again:.1%}"),
               (f"export after {args.changes} changes: {args.big:,}-case database ≤ 2× the "
                f"{args.small:,}-case one", ratio_export <= 2.0, f"{ratio_export:.2f}×")]
    tables = ", ".join(f"{t} {n:,}" for t, n in imp["tables"].items())
    st = imp["stages"]
    details = [
        ("the bundle", f"{imp['cases']:,} cases: {imp['rows']:,} rows ({tables}; audit entries "
         f"included), {imp['files']} attachment files, {imp['bytes'] / 1024 ** 2:.1f} MB"),
        ("raw executemany of the bundle's rows (baseline)", f"{imp['raw']:.2f} s"),
        ("import: verify, decrypt, validate, preview, apply and commit the records",
         f"{imp['import']:.2f} s (verify {st['verify']:.2f}, decrypt and parse "
         f"{st['decrypt']:.2f}, preview {st['plan']:.2f}, apply and commit {st['apply']:.2f}, "
         f"WAL checkpoint and the rest {st['rest']:.2f})"),
        ("then: search index of the imported cases (after the commit)", f"{imp['index']:.2f} s"),
        ("import the same bundle again", f"{imp['reimport']:.3f} s"),
        ("import an overlapping bundle (same content, every record compared)",
         f"{imp['overlap']:.2f} s"),
        (f"export the whole {imp['cases']:,}-case database", f"{imp['export_full']:.2f} s"),
    ] + [(f"export after {e['changes']} changes, {e['cases']:,}-case database "
          f"({e['db_mb']:.0f} MB)", f"{e['export']:.3f} s") for e in (small, big, more)]
    shutil.rmtree(WORK, ignore_errors=True)
    return report("sync", [(name, value, ok) for name, ok, value in targets], details)


if __name__ == "__main__":
    sys.exit(main())
