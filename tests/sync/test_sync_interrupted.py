"""Interrupted exports and imports.

An export is either logged and complete, or not importable: a subprocess exporting a bundle is
SIGKILLed at each step of writing the file and at random times; whatever is left must satisfy
"a file that can be imported was logged", and an unfinished ``.part`` is refused by inspect and
import under any name. A killed import leaves its staging folder (decrypted attachments); the
next import removes it, ``check`` reports it without touching it, and a staging folder in use
by a running process is never removed.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mediator_desk import sync
from mediator_desk.cli import main
from mediator_desk.core.desk import Desk
from mediator_desk.errors import DeskError
from mediator_desk.sync import leftovers
from mediator_desk.sync.container import BundleRefused, part_path

from sync_helpers import (ROOT, add_case, check_integrity, copy_db, fingerprint_of, start_child)

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")

# The children report each step ("p …") before taking it. With "wait" they then wait for a line
# on stdin, so a kill at a step lands exactly there however slow the machine; with "run" they
# go on (kills at random times). Steps of writing a sync file: "fsync" (1st: the body, the end
# record still missing, not logged yet), "end" (logged, about to append the end record),
# "fsync" (2nd: the end record), "replace" (the rename), "fsync" (3rd: the folder).
STEP = r"""
import sys
WAIT = sys.argv[-1] == "wait"

def step(name):
    print(f"p {name}", flush=True)
    if WAIT:
        sys.stdin.readline()
"""

EXPORT_CHILD = STEP + r"""
import os
from mediator_desk.core.desk import Desk
from mediator_desk import sync
from mediator_desk.sync import container

def pausing(fn, name):
    def wrapper(*args, **kw):
        step(name)
        return fn(*args, **kw)
    return wrapper

class Slow:
    cancelled = False
    def update(self, done, total):
        step("progress")

desk = Desk.open(sys.argv[1])
os.fsync = pausing(os.fsync, "fsync")
os.replace = pausing(os.replace, "replace")
container._append_end_record = pausing(container._append_end_record, "end")
print("ready", flush=True)
sys.stdin.readline()
sync.export_bundle(desk, sys.argv[2], progress=Slow())
print("done", flush=True)
"""

IMPORT_CHILD = STEP + r"""
from mediator_desk.core.desk import Desk
from mediator_desk import sync

class Slow:
    cancelled = False
    def update(self, done, total):
        step(f"{done} {total}")

desk = Desk.open(sys.argv[1])
print("ready", flush=True)
sys.stdin.readline()
sync.import_bundle(desk, sys.argv[2], accept_fingerprint=sys.argv[3], progress=Slow())
print("done", flush=True)
"""


def _pdf(n: int, seed: int) -> bytes:
    return b"%PDF-1.4\n" + random.Random(seed).randbytes(n)


def _village_with_scans(v1, cases: int = 2, size: int = 300_000) -> None:
    for i in range(cases):
        case = add_case(v1, names=(f"张{i}", f"李{i}"), summary=f"第{i}起宅基地纠纷")
        v1.attachments.add_bytes(case, _pdf(size, i), file_name=f"证据{i}.pdf", item="evidence")


def _refused_everywhere(office, path: Path) -> None:
    """``path`` is refused by inspect and import, as it is and renamed to .mdsync."""
    renamed = path.with_name(path.name + "-renamed.mdsync")
    renamed.write_bytes(path.read_bytes())
    for p in (path, renamed):
        with pytest.raises(BundleRefused):
            sync.inspect_file(p, office)
        with pytest.raises(DeskError):
            sync.import_bundle(office, p, dry_run=True, accept_fingerprint="0")
    renamed.unlink()


def _logged(db: Path, name: str) -> bool:
    desk = Desk.open(db)
    try:
        return bool(desk.scalar("SELECT count(*) FROM sync_exports WHERE file_name = ?", (name,)))
    finally:
        desk.close()


def _kill_at(proc: subprocess.Popen, at) -> None:
    """Kill a child started with "wait" when it reaches step ``at`` (an index, or a test on
    the step's words), or one started with "run" after ``at`` seconds."""
    proc.stdin.write("go\n")
    proc.stdin.flush()
    if isinstance(at, float):
        time.sleep(at)
    else:
        n = 0
        for line in proc.stdout:
            if line.startswith("p "):
                if at(n, line.split()[1:]) if callable(at) else n == at:
                    break
                n += 1
                proc.stdin.write("\n")
                proc.stdin.flush()
    proc.send_signal(signal.SIGKILL)
    proc.wait()


def test_a_killed_export_is_logged_and_complete_or_not_importable(site_paths, tmp_path, capsys):
    v1 = Desk.open(site_paths["v1"])
    _village_with_scans(v1, cases=3)
    fp = fingerprint_of(v1)
    v1.close()
    village = site_paths["v1"]
    office = Desk.open(site_paths["office"])

    # One complete run on a copy: the steps it reports and its duration.
    probe = copy_db(village, tmp_path / "probe.db")
    proc = start_child(EXPORT_CHILD, probe, tmp_path / "probe.mdsync", "run")
    started = time.monotonic()
    proc.stdin.write("go\n")
    proc.stdin.flush()
    lines = proc.stdout.read().split("\n")
    duration = time.monotonic() - started
    assert proc.wait() == 0 and "done" in lines
    steps = [line.split()[1] for line in lines if line.startswith("p ")]
    writing = [i for i, name in enumerate(steps) if name != "progress"]
    assert [steps[i] for i in writing] == ["fsync", "end", "fsync", "replace", "fsync"]

    rng = random.Random(20261201)
    plans = [("step", i) for i in writing] + [("step", rng.randrange(writing[0]))] + \
            [("time", rng.uniform(0, duration * 1.1)) for _ in range(4)]
    seen = set()
    for n, (how, at) in enumerate(plans):
        out = tmp_path / f"out{n}.mdsync"
        _kill_at(start_child(EXPORT_CHILD, village, out, "wait" if how == "step" else "run"), at)
        check_integrity(village)
        logged = _logged(village, out.name)
        part = part_path(out)
        if how == "step":        # it got past its start, which removed earlier trials' .part
            assert [p.name for p in tmp_path.glob("out*.part")] in ([], [part.name])
        if out.exists():
            # Complete: it was logged, and the office takes it.
            assert logged, f"trial {n} ({how} {at}): an unlogged file carries the final name"
            assert not part.exists()
            sync.inspect_file(out, office)
            result = sync.import_bundle(office, out, accept_fingerprint=fp)
            assert result.status in ("applied", "unchanged")
            seen.add("complete")
            continue
        if part.exists():
            try:
                sync.inspect_file(part, office)
            except BundleRefused as exc:
                assert "不完整" in str(exc)
                _refused_everywhere(office, part)
                seen.add("logged, unfinished" if logged else "unlogged, unfinished")
            else:
                # Killed between the end record and the rename: complete, and logged first.
                assert logged, f"trial {n} ({how} {at}): an importable .part was not logged"
                seen.add("logged, complete .part")
        else:
            seen.add("logged, nothing written" if logged else "nothing")
    # The steps above reach each case of the write on purpose.
    assert {"complete", "unlogged, unfinished", "logged, unfinished",
            "logged, complete .part"} <= seen

    # `check` reports an unfinished file (and changes nothing) …
    _kill_at(start_child(EXPORT_CHILD, village, tmp_path / "last.mdsync", "wait"), writing[1])
    parts = sorted(tmp_path.glob("*.mdsync.part"))
    assert part_path(tmp_path / "last.mdsync") in parts
    code = main(["check", "--db", str(village)])
    report = capsys.readouterr().out
    assert code == 0 and "中断的导出留下的未完成文件" in report
    assert all(str(p) in report for p in parts)
    assert sorted(tmp_path.glob("*.mdsync.part")) == parts
    # … and the next export removes them and its markers.
    v1 = Desk.open(village)
    try:
        sync.export_bundle(v1, tmp_path / "next.mdsync")
        assert list(tmp_path.glob("*.part")) == []
        assert list(v1.attachments_dir.glob(leftovers.MARKER_PREFIX + "*")) == []
        assert leftovers.find_leftovers(v1) == []
    finally:
        v1.close()
        office.close()


def _staging(desk_path: Path) -> list[Path]:
    files = desk_path.with_name(desk_path.stem + "-files")
    return sorted(p for p in files.glob(leftovers.STAGING_PREFIX + "*") if p.is_dir())


def test_killed_imports_leave_staging_folders_that_the_next_import_removes(site_paths, tmp_path,
                                                                           capsys):
    v1 = Desk.open(site_paths["v1"])
    _village_with_scans(v1, cases=2, size=100_000)
    bundle = tmp_path / "b.mdsync"
    sync.export_bundle(v1, bundle)
    fp = fingerprint_of(v1)
    v1.close()
    office = site_paths["office"]

    # Killed at random times, then while applying (attachments staged, transaction open).
    # Each import starts by removing what the killed ones left: folders never pile up.
    # (The random times on a copy: a kill that comes late lets the import finish.)
    rng = random.Random(8)
    other = copy_db(office, tmp_path / "other.db")
    for _ in range(3):
        _kill_at(start_child(IMPORT_CHILD, other, bundle, fp, "run"), rng.uniform(0, 0.3))
        check_integrity(other)
        assert len(_staging(other)) <= 1
    for _ in range(4):
        _kill_at(start_child(IMPORT_CHILD, office, bundle, fp, "wait"),
                 lambda n, words: words[1] == "10000" and 5000 < int(words[0]) < 9000)
        check_integrity(office)
        left = _staging(office)
        assert len(left) == 1 and any(left[0].iterdir())

    # `check` reports it and leaves it.
    before = _staging(office)
    code = main(["check", "--db", str(office)])
    report = capsys.readouterr().out
    assert code == 0 and "中断的导入留下的临时文件夹" in report
    assert all(str(p) in report for p in before)
    assert _staging(office) == before

    # Opening the database for an import removes them; the import itself leaves none.
    desk = Desk.open(office)
    try:
        result = sync.import_bundle(desk, bundle, accept_fingerprint=fp)
        assert result.status in ("applied", "already")
        assert _staging(office) == []
        assert desk.attachments.check() == []
        assert leftovers.find_leftovers(desk) == []
    finally:
        desk.close()
    desk = Desk.open(other)
    try:
        assert sync.import_bundle(desk, bundle, accept_fingerprint=fp).status in (
            "applied", "already")
        assert _staging(other) == []
    finally:
        desk.close()


def test_a_staging_folder_in_use_elsewhere_is_kept(sites, tmp_path):
    office = sites["office"]
    base = office.attachments_dir
    base.mkdir(parents=True, exist_ok=True)
    # Another process, still running, made this one.
    proc = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.readline()"],
                            cwd=ROOT, stdin=subprocess.PIPE)
    try:
        running = base / f"{leftovers.STAGING_PREFIX}{proc.pid}-{leftovers.HOST}-abc"
        running.mkdir()
        (running / "f").write_bytes(b"x")
        # An older version's (no pid): kept while recent, removed once a day old.
        old_style = base / f"{leftovers.STAGING_PREFIX}k3j_x9q2"
        old_style.mkdir()
        recent_style = base / f"{leftovers.STAGING_PREFIX}a8d7f0e1"
        recent_style.mkdir()
        day_ago = time.time() - leftovers.STALE_AFTER - 60
        os.utime(old_style, (day_ago, day_ago))
        # Another computer's (shared folder): its pid means nothing here; only age counts.
        other_host = base / f"{leftovers.STAGING_PREFIX}1-00000000-abc"
        other_host.mkdir()
        # A file (not a folder) of core/attachments.py's own staging is never touched.
        prepared = base / f"{leftovers.STAGING_PREFIX}abcdef"
        prepared.write_bytes(b"%PDF-")

        found = {p.path.name: p.stale for p in leftovers.find_leftovers(office)}
        assert found == {running.name: False, old_style.name: True, recent_style.name: False,
                         other_host.name: False}
        removed = leftovers.clean_up(office)
        assert [p.path for p in removed] == [old_style]
        assert running.is_dir() and recent_style.is_dir() and other_host.is_dir()
        assert prepared.is_file()
    finally:
        proc.stdin.close()
        proc.wait()
    # Its process has ended: now it is stale, and any import removes it.
    assert [p.stale for p in leftovers.find_leftovers(office) if p.path == running] == [True]
    with pytest.raises(DeskError):
        sync.import_bundle(office, tmp_path / "missing.mdsync")
    assert not running.exists() and recent_style.is_dir() and prepared.is_file()


def test_an_export_that_fails_leaves_nothing(sites, tmp_path, monkeypatch):
    """A failure while logging (or writing) removes the .part and logs nothing."""
    v1 = sites["v1"]
    add_case(v1)
    before = v1.scalar("SELECT count(*) FROM sync_exports")

    def broken(*args, **kw):
        raise DeskError("数据库已锁定")

    folder = tmp_path / "stick"
    folder.mkdir()
    out = folder / "b.mdsync"
    monkeypatch.setattr(v1.records, "audit", broken)
    with pytest.raises(DeskError):
        sync.export_bundle(v1, out)
    monkeypatch.undo()
    assert list(folder.iterdir()) == []
    assert v1.scalar("SELECT count(*) FROM sync_exports") == before
    assert leftovers.find_leftovers(v1) == []
    assert list(v1.attachments_dir.glob(leftovers.MARKER_PREFIX + "*")) == []
    # Receipts and enrolment files are written the same way.
    office = sites["office"]
    with pytest.raises(DeskError):
        monkeypatch.setattr(office.records, "audit", broken)
        sync.export_enrolment(office, folder / "o.mdenrol")
    assert list(folder.iterdir()) == []
