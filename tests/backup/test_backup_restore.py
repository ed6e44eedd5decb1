"""The safe restore: verified first, the current database kept, no stale -wal, refusals that
change nothing, an older backup migrated as a copy, attachments and keys back."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from mediator_desk.core.backup import BackupManager
from mediator_desk.core.desk import Desk
from mediator_desk.errors import DeskError
from mediator_desk.storage import backup as store
from mediator_desk.storage.migrations import MIGRATIONS

from backup_helpers import (add_case, case_count, dump, integrity, pdf_bytes, records, sha,
                            start_child, tree, without_audit_of_restore)


@pytest.fixture
def quick_take(monkeypatch):
    """Refusals for a database in use come after SQLite's busy timeout: keep it short."""
    real = sqlite3.connect

    def connect(*args, **kw):
        if kw.get("timeout") == 3:
            kw["timeout"] = 0.2
        return real(*args, **kw)
    monkeypatch.setattr(store.sqlite3, "connect", connect)


def _backup_with_one_case(desk) -> tuple[dict, dict]:
    add_case(desk, summary="备份里的案件")
    res = desk.backups.create()
    return res, dump(Path(res["path"]) / "database.db")


def test_restore_brings_back_the_backup_and_keeps_the_current_database(desk):
    res, in_backup = _backup_with_one_case(desk)
    add_case(desk, summary="备份之后登记的案件")
    current = dump(desk.path)
    assert case_count(desk.path) == 2

    out = desk.backups.restore(res["name"])

    assert out["restored"] == res["name"] and out["kept"] and not out["kept_damaged"]
    # The database is the backup's (plus the audit entry of the restore itself)…
    assert without_audit_of_restore(dump(desk.path)) == in_backup
    assert desk.scalar("SELECT count(*) FROM cases") == 1
    assert desk.scalar("SELECT count(*) FROM audit_log WHERE action = 'restore_backup'") == 1
    # …and what it was before is a verified backup.
    kept = Path(desk.backups.find(out["kept"]))
    assert dump(kept / "database.db") == current
    assert store.verify_backup(kept)[1] == []
    assert store.read_backup(kept).kind == "restore"
    # The same Desk carries on, on the restored file; the screens are told to read again.
    changes = desk.take_changes()
    assert changes.touches("cases", "organisations", "settings")
    add_case(desk, summary="恢复后登记")
    assert desk.scalar("SELECT count(*) FROM cases") == 2
    assert integrity(desk.path) == "ok"


def test_restore_never_lets_a_stale_wal_near_the_restored_file(db_path, tmp_path):
    """A process killed with committed work in its -wal: those changes are kept in the
    backup of the current database, and the restored file is exactly the backup (before,
    copying a .bak back beside such a -wal corrupted it or silently restored nothing)."""
    desk = Desk.open(db_path)
    res, in_backup = _backup_with_one_case(desk)
    desk.close()
    child = start_child(r"""
import os, sys
from mediator_desk.core.desk import Desk
sys.path.insert(0, sys.argv[2])
from backup_helpers import add_case
desk = Desk.open(sys.argv[1])
desk.db.conn.execute("PRAGMA wal_autocheckpoint = 0")
print("ready", flush=True)
sys.stdin.readline()
for n in range(3):
    add_case(desk, summary=f"只在预写日志里的案件{n}")
print("done", flush=True)
os._exit(0)        # killed: the -wal stays, with its committed frames
""", db_path, Path(__file__).parent)
    child.stdin.write("go\n")
    child.stdin.flush()
    assert child.stdout.readline().strip() == "done"
    child.wait()
    wal = Path(str(db_path) + "-wal")
    assert wal.stat().st_size > 0

    out = BackupManager.for_path(db_path).restore(res["path"])

    assert not wal.exists()
    assert integrity(db_path) == "ok"
    assert without_audit_of_restore(dump(db_path)) == in_backup
    kept = dump(Path(out["kept_path"]) / "database.db")
    assert len(kept["cases"]) == 4                  # the three cases of the -wal are kept
    # Opened again, nothing of the old -wal comes back.
    desk = Desk.open(db_path)
    assert desk.scalar("SELECT count(*) FROM cases") == 1
    desk.close()


def test_restore_verifies_first_and_a_damaged_backup_changes_nothing(desk):
    res, _ = _backup_with_one_case(desk)
    add_case(desk)
    folder = Path(res["path"])
    data = bytearray((folder / "database.db").read_bytes())
    data[5000] ^= 0x55
    (folder / "database.db").write_bytes(bytes(data))
    before, backups_before = dump(desk.path), tree(desk.backups.root)
    with pytest.raises(DeskError) as err:
        desk.backups.restore(res["name"])
    assert "验证未通过" in err.value.message
    assert dump(desk.path) == before
    assert tree(desk.backups.root) == backups_before        # not even a backup of the current
    assert desk.scalar("SELECT count(*) FROM cases") == 2    # the desk is open again


def test_restore_is_refused_while_another_program_has_the_database(desk, quick_take):
    res, _ = _backup_with_one_case(desk)
    add_case(desk)
    before = dump(desk.path)
    kept_before = [b.name for b in store.list_backups(desk.backups.root)]
    with pytest.raises(DeskError) as err:
        BackupManager.for_path(desk.path).restore(res["name"])      # the desk is still open
    assert "正被另一个程序使用" in err.value.message
    assert dump(desk.path) == before
    assert [b.name for b in store.list_backups(desk.backups.root)] == kept_before
    add_case(desk)                                    # and it still writes normally
    assert not list(desk.path.parent.glob(".desk.db.restoring-*"))


def test_a_backup_of_another_site_is_refused_unless_asked(desk, tmp_path, template_db):
    other_path = tmp_path / "other" / "desk.db"
    other_path.parent.mkdir()
    shutil.copyfile(template_db, other_path)
    other = Desk.open(other_path)         # the template's site id: make it another one
    with other.transaction():
        other.settings.set("site_id", "0" * 32)
    other.close()
    other = Desk.open(other_path)
    add_case(other, summary="另一个站点的案件")
    foreign = other.backups.create()
    other.close()
    add_case(desk)
    before, site = dump(desk.path), desk.site_id
    with pytest.raises(store.OtherSiteBackup) as err:
        desk.backups.restore(foreign["path"])
    assert "另一个站点" in err.value.message and "--other-site" in err.value.hint
    assert dump(desk.path) == before and desk.site_id == site
    out = desk.backups.restore(foreign["path"], other_site=True)
    assert out["other_site"] and desk.site_id == "0" * 32
    assert desk.scalar("SELECT summary FROM cases") == "另一个站点的案件"


def test_an_older_backup_is_migrated_as_a_copy(tmp_path, db_path):
    """A backup made by an older version: the restored database is migrated; the backup
    itself is left exactly as it was (and still verifies)."""
    import sqlite_utils

    from mediator_desk.storage.database import APPLICATION_ID

    old = tmp_path / "old" / "desk.db"
    old.parent.mkdir()
    conn = sqlite3.connect(str(old), isolation_level=None)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA journal_mode = WAL")
    names = MIGRATIONS.names
    MIGRATIONS.apply(sqlite_utils.Database(conn), stop_before=names[2])
    desk = Desk.open(db_path)                     # the same site as the current database
    site = desk.site_id
    desk.close()
    conn.execute("INSERT INTO settings (key, value) VALUES ('site_id', ?)", (json.dumps(site),))
    conn.execute("INSERT INTO settings (key, value) VALUES ('marker', '\"older\"')")
    info = store.create_backup(conn, old)
    conn.close()
    assert info.manifest["schema"] == names[1]
    backup_files = tree(info.path)

    out = BackupManager.for_path(db_path).restore(info.path)

    assert out["migrated_from"] == names[1]
    assert tree(info.path) == backup_files                        # the backup is untouched
    assert store.verify_backup(info.path, record=False)[1] == []
    desk = Desk.open(db_path)
    assert desk.settings.get("marker") == "older"
    assert [r[0] for r in desk.db.conn.execute(
        "SELECT name FROM _sqlite_migrations ORDER BY rowid")] == names
    desk.close()
    # No backup of the temporary copy was made while migrating it.
    assert not [p for p in tmp_path.rglob("*restoring*")]
    kinds = [b.kind for b in store.list_backups(db_path.with_name("desk-backups"))]
    assert kinds == ["restore"]


def test_a_backup_from_a_newer_version_is_refused(desk):
    res, _ = _backup_with_one_case(desk)
    manifest = Path(res["path"]) / "manifest.json"
    data = json.loads(manifest.read_text())
    data["schema"] = "9999_from_the_future"
    manifest.write_text(json.dumps(data))
    before = dump(desk.path)
    with pytest.raises(DeskError) as err:
        desk.backups.restore(res["name"])
    assert "更新版本" in err.value.message
    assert dump(desk.path) == before


def test_a_damaged_database_is_kept_byte_for_byte_and_replaced(db_path):
    desk = Desk.open(db_path)
    res, in_backup = _backup_with_one_case(desk)
    desk.close()
    damaged = b"SQLite format 3\x00" + b"\x13" * 8192
    db_path.write_bytes(damaged)
    Path(str(db_path) + "-wal").write_bytes(b"not a wal")
    out = BackupManager.for_path(db_path).restore(res["name"])
    assert out["kept_damaged"]
    kept = Path(out["kept_path"])
    assert (kept / "database.db").read_bytes() == damaged
    assert (kept / "database.db-wal").read_bytes() == b"not a wal"
    assert not Path(str(db_path) + "-wal").exists()
    assert without_audit_of_restore(dump(db_path)) == in_backup
    assert integrity(db_path) == "ok"
    # It is listed, but not offered for a restore.
    listed = {b["name"]: b for b in BackupManager.for_path(db_path).list()}
    assert listed[out["kept"]]["kind"] == "damaged" and not listed[out["kept"]]["verified"]
    with pytest.raises(DeskError):
        BackupManager.for_path(db_path).restore(out["kept"])


def test_restore_onto_a_new_machine_brings_files_and_keys(desk, tmp_path):
    case = add_case(desk)
    desk.attachments.add_bytes(case, pdf_bytes("签字协议"), file_name="协议.pdf")
    keys = desk.path.with_name("desk-keys")
    keys.mkdir()
    (keys / "signing.key").write_bytes(b"site secret")
    usb = tmp_path / "usb"
    usb.mkdir()
    desk.backups.set_settings(second_folder=str(usb))
    res = desk.backups.create()
    in_backup = records(desk.path)
    # A new computer: nothing but the USB stick.
    new = tmp_path / "new" / "desk.db"
    new.parent.mkdir()
    out = BackupManager.for_path(new).restore(usb / "desk-backups" / res["name"])
    assert out["kept"] is None and out["files_restored"] == 1 and out["keys"] == "restored"
    assert records(new) == in_backup
    stored = desk.attachments.for_case(case)[0]["sha256"]
    assert (new.with_name("desk-files") / stored[:2] / stored).read_bytes() == \
        pdf_bytes("签字协议")
    assert (new.with_name("desk-keys") / "signing.key").read_bytes() == b"site secret"
    if os.name == "posix":
        assert oct(new.stat().st_mode & 0o777) == "0o600"


def test_restore_keeps_this_sites_keys(desk):
    keys = desk.path.with_name("desk-keys")
    keys.mkdir()
    (keys / "signing.key").write_bytes(b"old")
    res, _ = _backup_with_one_case(desk)
    (keys / "signing.key").write_bytes(b"newer key")
    out = desk.backups.restore(res["name"])
    assert out["keys"] == "kept"
    assert (keys / "signing.key").read_bytes() == b"newer key"


def test_restore_puts_back_missing_attachment_files(desk):
    case = add_case(desk)
    att = desk.attachments.add_bytes(case, pdf_bytes("收条"), file_name="收条.pdf")
    res = desk.backups.create()
    stored = desk.attachments.path_of(att)
    stored.unlink()
    out = desk.backups.restore(res["name"])
    assert out["files_restored"] == 1
    assert desk.attachments.path_of(att).read_bytes() == pdf_bytes("收条")
    assert sha(desk.attachments.path_of(att)) == desk.attachments.get(att)["sha256"]

