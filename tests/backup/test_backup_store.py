"""Making, verifying, listing and rotating backups (storage/backup.py, core/backup.py)."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from mediator_desk.core.desk import Desk
from mediator_desk.storage import backup as store
from mediator_desk.storage.database import open_database
from mediator_desk.storage.migrations import MIGRATIONS

from backup_helpers import add_case, dump, pdf_bytes, sha, start_child, tree

POSIX = os.name == "posix"


def _mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


def test_backup_holds_the_database_files_and_keys_and_is_verified(desk, tmp_path):
    case = add_case(desk)
    desk.attachments.add_bytes(case, pdf_bytes("身份证"), file_name="身份证.pdf", item="identity")
    keys = desk.path.with_name(desk.path.stem + "-keys")
    keys.mkdir()
    (keys / "signing.key").write_bytes(b"secret")
    before = dump(desk.path)

    res = desk.backups.create()

    folder = Path(res["path"])
    assert folder.parent == desk.path.with_name("desk-backups")
    assert res["verified"] and res["cases"] == 1 and res["files"] == 1
    assert sorted(p.name for p in folder.iterdir()) == ["database.db", "files.txt", "keys",
                                                        "manifest.json"]
    # The copy holds exactly what the database held; the database did not change.
    assert dump(folder / "database.db") == before
    assert dump(desk.path) == before
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["cases"] == 1 and manifest["site_id"] == desk.site_id
    assert manifest["schema"] == MIGRATIONS.names[-1]
    assert manifest["database"]["sha256"] == sha(folder / "database.db")
    assert (folder / "keys" / "signing.key").read_bytes() == b"secret"
    stored = desk.attachments.for_case(case)[0]["sha256"]
    assert (folder.parent / "files" / stored[:2] / stored).read_bytes() == pdf_bytes("身份证")
    assert (folder / "files.txt").read_text().split() == [stored]
    # A plain file, openable read-only anywhere (not left in WAL mode).
    assert (folder / "database.db").read_bytes()[18:20] == b"\x01\x01"
    assert not list(folder.glob("database.db-*"))


@pytest.mark.skipif(not POSIX, reason="permission bits")
def test_backups_are_private_whatever_the_umask(desk):
    add_case(desk)
    old = os.umask(0o022)
    try:
        res = desk.backups.create()
    finally:
        os.umask(old)
    root = Path(res["path"]).parent
    for base, dirs, files in os.walk(root):
        for d in dirs:
            assert _mode(Path(base) / d) == 0o700, d
        for f in files:
            assert _mode(Path(base) / f) == 0o600, f
    assert _mode(root) == 0o700


def test_attachments_are_copied_once_by_hash(desk):
    case = add_case(desk)
    desk.attachments.add_bytes(case, pdf_bytes("一"), file_name="a.pdf")
    first = desk.backups.create()
    assert first["files"] == 1
    assert json.loads((Path(first["path"]) / "manifest.json").read_text())["files"]["copied"] == 1
    desk.attachments.add_bytes(case, pdf_bytes("二"), file_name="b.pdf")
    second = desk.backups.create()
    copied = json.loads((Path(second["path"]) / "manifest.json").read_text())["files"]
    assert copied == {"count": 2, "copied": 1, "bytes_copied": len(pdf_bytes("二")),
                      "missing": [], "damaged": []}
    third = json.loads((Path(desk.backups.create()["path"]) / "manifest.json").read_text())
    assert third["files"]["copied"] == 0
    assert len(list((Path(first["path"]).parent / "files").rglob("*" * 1))) == 4  # 2 dirs, 2 files


def test_backup_is_one_moment_while_another_process_writes(desk, tmp_path):
    """Under WAL, with another process committing cases all the time, every backup is a
    consistent snapshot: verified (its counts are those read in the same transaction) and
    intact."""
    add_case(desk)
    child = start_child(r"""
import sys
from mediator_desk.core.desk import Desk
sys.path.insert(0, sys.argv[2])
from backup_helpers import add_case
desk = Desk.open(sys.argv[1])
print("ready", flush=True)
sys.stdin.readline()
n = 0
while True:
    add_case(desk, summary=f"并发写入{n}")
    n += 1
    print(n, flush=True)
""", desk.path, Path(__file__).parent)
    try:
        child.stdin.write("go\n")
        child.stdin.flush()
        child.stdout.readline()
        made = []
        for _ in range(3):
            res = desk.backups.create()
            made.append(res)
            assert res["verified"]
    finally:
        child.kill()
        child.wait()
    counts = [r["cases"] for r in made]
    assert counts == sorted(counts) and counts[-1] > 1
    for res in made:
        conn = sqlite3.connect(str(Path(res["path"]) / "database.db"))
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM cases").fetchone()[0] == res["cases"]
        assert conn.execute("SELECT count(*) FROM parties").fetchone()[0] == 2 * res["cases"]
        conn.close()


def test_verify_notices_a_changed_byte_a_missing_file_and_a_broken_key(desk):
    case = add_case(desk)
    desk.attachments.add_bytes(case, pdf_bytes("证据"), file_name="a.pdf")
    keys = desk.path.with_name(desk.path.stem + "-keys")
    keys.mkdir()
    (keys / "age.key").write_bytes(b"AGE-SECRET-KEY-1")
    res = desk.backups.create()
    folder = Path(res["path"])
    assert desk.backups.verify(res["name"])["ok"]

    data = bytearray((folder / "database.db").read_bytes())
    data[-100] ^= 0xFF                           # a byte of a page no integrity check reads
    (folder / "database.db").write_bytes(bytes(data))
    out = desk.backups.verify(res["name"])
    assert not out["ok"] and "不一致" in out["problems"][0]
    listed = {b["name"]: b for b in desk.backups.list()}[res["name"]]
    assert not listed["verified"] and listed["verified_at"]          # the list shows it failed

    data[-100] ^= 0xFF
    (folder / "database.db").write_bytes(bytes(data))
    sha256 = desk.attachments.for_case(case)[0]["sha256"]
    (folder.parent / "files" / sha256[:2] / sha256).unlink()
    (folder / "keys" / "age.key").write_bytes(b"changed")
    problems = desk.backups.verify(res["name"])["problems"]
    assert any("附件缺少 1 个文件" in p for p in problems)
    assert any("age.key" in p for p in problems)


def test_verification_compares_the_counts_of_the_snapshot(desk, monkeypatch):
    """A copy that lost records is refused and leaves nothing behind."""
    add_case(desk)
    real = store._facts

    def lying(conn):
        site, schema, counts, hashes = real(conn)
        if counts.get("cases") == 1 and not lying.done:      # the source, at the snapshot
            lying.done = True
            counts = dict(counts, cases=2)
        return site, schema, counts, hashes
    lying.done = False
    monkeypatch.setattr(store, "_facts", lying)
    with pytest.raises(store.BackupError) as err:
        desk.backups.create()
    assert "验证未通过" in err.value.message and "1 类记录的数量" in err.value.message
    root = desk.backups.root
    assert store.list_backups(root) == []
    assert [p.name for p in root.iterdir() if p.name != ".lock"] in ([], ["files"])


def test_a_partial_backup_is_never_listed_and_is_removed_by_the_next(desk):
    add_case(desk)
    root = desk.backups.root
    partial = root / ".partial-20260101-000000-daily-99999999-abcdef01-x"
    partial.mkdir(parents=True)
    (partial / "database.db").write_bytes(b"half")
    (root / "files").mkdir()
    (root / "files" / ".tmp-1-abcdef01-0000").write_bytes(b"half")
    assert desk.backups.list() == []
    assert store.leftovers(root)
    desk.backups.create()
    assert not partial.exists() and store.leftovers(root) == []
    assert len(desk.backups.list()) == 1


def test_cancelled_backup_leaves_nothing(desk):
    add_case(desk)

    class Stop:
        cancelled = False

        def update(self, done, total):
            if done > 100:
                self.cancelled = True

    from mediator_desk.core.progress import Cancelled
    with pytest.raises(Cancelled):
        desk.backups.create(progress=Stop())
    root = desk.backups.root
    assert store.list_backups(root) == [] and store.leftovers(root) == []
    assert not desk.db.conn.in_transaction
    add_case(desk)                                  # the desk still writes


def _fake(root: Path, when: datetime, kind: str = "daily") -> None:
    name = when.astimezone().strftime("%Y%m%d-%H%M%S") + f"-{kind}"
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "files.txt").write_text("")
    (folder / "manifest.json").write_text(json.dumps({
        "format": store.FORMAT, "version": 1, "kind": kind,
        "created_at": when.isoformat(), "counts": {}, "database": {}}))


def test_rotation_keeps_days_weeks_months_and_the_safety_copies(tmp_path):
    root = tmp_path / "desk-backups"
    now = datetime(2026, 12, 5, 20, 0, tzinfo=timezone.utc)
    # Three backups a day for 400 days, and some before migrations.
    for day in range(400):
        for hour in (1, 9, 17):
            _fake(root, now - timedelta(days=day, hours=hour))
    for day in (3, 100, 200):
        _fake(root, now - timedelta(days=day, hours=5), "migration")
    removed = store.prune_backups(root)
    kept = store.list_backups(root)
    names = {b.name for b in kept}
    assert len(removed) + len(kept) == 1203
    days = {b.created.astimezone().date() for b in kept}
    # the newest 3, the newest of the last 7 days, 4 weeks, 12 months, the 2 newest migrations
    assert len(kept) <= 3 + 7 + 4 + 12 + 2
    assert {(now - timedelta(days=d)).astimezone().date() for d in range(7)} <= days
    assert len({(d.year, d.month) for d in days}) >= 12
    migrations = [b for b in kept if b.kind == "migration"]
    assert len(migrations) == 2 and max(b.created for b in migrations) > now - timedelta(days=4)
    # Pruning is stable: nothing more goes the second time.
    assert store.prune_backups(root) == [] and {b.name for b in store.list_backups(root)} == names


def test_rotation_removes_files_no_kept_backup_needs(desk, monkeypatch):
    monkeypatch.setattr(store, "KEEP_RECENT", 1)
    monkeypatch.setattr(store, "KEEP_DAILY", 1)
    monkeypatch.setattr(store, "KEEP_WEEKLY", 1)
    monkeypatch.setattr(store, "KEEP_MONTHLY", 1)
    case = add_case(desk)
    first = desk.attachments.add_bytes(case, pdf_bytes("旧"), file_name="old.pdf")
    old_sha = desk.attachments.get(first)["sha256"]
    desk.backups.create()
    desk.attachments.remove(first)
    desk.attachments.add_bytes(case, pdf_bytes("新"), file_name="new.pdf")
    res = desk.backups.create()
    root = Path(res["path"]).parent
    assert [b["name"] for b in desk.backups.list()] == [res["name"]]
    stored = {p.name for p in (root / "files").rglob("*") if p.is_file()}
    assert old_sha not in stored and len(stored) == 1


def test_due_after_a_day(desk):
    assert desk.backups.due()
    res = desk.backups.create(kind="daily")
    made = datetime.fromisoformat(res["created_at"])
    assert not desk.backups.due(now=made + timedelta(hours=23))
    assert desk.backups.due(now=made + timedelta(hours=24))


def test_second_folder_copy_reminder_and_refusals(desk, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    assert desk.backups.reminder() == ""
    with pytest.raises(Exception) as err:
        desk.backups.set_settings(second_folder=str(desk.path.parent))
    assert "另一块磁盘" in str(err.value)
    with pytest.raises(Exception) as err:
        desk.backups.set_settings(second_folder=str(tmp_path / "nope"))
    assert "不存在" in str(err.value)
    with pytest.raises(Exception):
        desk.backups.set_settings(reminder_days="0")
    settings = desk.backups.set_settings(second_folder=str(usb), reminder_days=3)
    assert settings["second_folder"] == str(usb) and settings["reminder_days"] == 3
    assert "还没有" in desk.backups.reminder()
    case = add_case(desk)
    desk.attachments.add_bytes(case, pdf_bytes("附件"), file_name="a.pdf")
    res = desk.backups.create()
    assert res["second"]["status"] == "copied"
    copy = usb / "desk-backups" / res["name"]
    assert tree(copy) == tree(Path(res["path"]))
    assert tree(usb / "desk-backups" / "files") == tree(Path(res["path"]).parent / "files")
    assert desk.backups.reminder() == ""
    later = datetime.now(timezone.utc) + timedelta(days=4)
    assert "已经 4 天" in desk.backups.reminder(now=later)
    assert [b["place"] for b in desk.backups.list()] == ["here", "second"]
    # The stick unplugged: the backup is still made here, and says so.
    shutil.rmtree(usb)
    res = desk.backups.create()
    assert res["verified"] and res["second"]["status"] == "unavailable"


def test_migration_backup_is_a_verified_backup_of_the_older_database(tmp_path):
    """The backup open_database makes before migrating is one of these, of the old schema."""
    import sqlite_utils

    from mediator_desk.storage.database import APPLICATION_ID

    path = tmp_path / "old.db"
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA journal_mode = WAL")
    names = MIGRATIONS.names
    MIGRATIONS.apply(sqlite_utils.Database(conn), stop_before=names[2])
    conn.execute("INSERT INTO settings (key, value) VALUES ('marker', '\"older\"')")
    conn.close()
    before = dump(path)
    db = open_database(path)
    db.conn.close()
    backups = store.list_backups(tmp_path / "old-backups")
    assert [b.kind for b in backups] == ["migration"]
    b = backups[0]
    assert b.manifest["schema"] == names[1] and b.verified["ok"]
    assert dump(b.path / "database.db") == before
    assert store.verify_backup(b.path)[1] == []
    assert not list(tmp_path.glob("*.bak"))


def test_a_desk_that_cannot_be_backed_up_says_why(desk, monkeypatch):
    add_case(desk)

    def full(*_a, **_k):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(store, "_copy_keys", full)
    with pytest.raises(store.BackupError) as err:
        desk.backups.create()
    assert "磁盘已满" in str(err.value)
    assert store.list_backups(desk.backups.root) == []
    assert store.leftovers(desk.backups.root) == []


def test_backup_of_a_desk_in_another_thread_uses_the_desk_connection(db_path):
    """The desk's own connection is the source (the GUI's worker): nothing else opens the
    database file, and uncheckpointed WAL content is in the copy."""
    desk = Desk.open(db_path)
    desk.db.conn.execute("PRAGMA wal_autocheckpoint = 0")
    add_case(desk)
    assert Path(str(db_path) + "-wal").stat().st_size > 0
    res = desk.backups.create()
    assert res["cases"] == 1
    desk.close()
