"""Opening the database: migrations, refusals that leave the file untouched, backups, full disk."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sqlite3
import stat

import pytest
import sqlite_utils

from mediator_desk.core.desk import Desk
from mediator_desk.errors import DatabaseRefused
from mediator_desk.storage import database
from mediator_desk.storage.database import APPLICATION_ID, open_database, schema_version
from mediator_desk.storage.migrations import MIGRATIONS

MIGRATION_NAMES = [m.name for m in MIGRATIONS._migrations]
MIGRATIONS_TABLE = sqlite_utils.Migrations.migrations_table


def digest(path) -> str:
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def folder(path) -> list[str]:
    return sorted(os.listdir(path.parent))


def is_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def assert_refused_untouched(path, *, says: str, opener=open_database):
    """Opening ``path`` is refused with a Chinese message and changes neither file nor folder."""
    before, listing = digest(path), folder(path)
    with pytest.raises(DatabaseRefused) as err:
        opener(path)
    assert says in str(err.value)
    assert is_chinese(err.value.message)
    assert digest(path) == before
    assert folder(path) == listing
    return err.value


# --- migrations -------------------------------------------------------------------------

def test_new_database_gets_every_migration(tmp_path):
    path = tmp_path / "new.db"
    db = open_database(path)
    applied = [r[0] for r in db.conn.execute(
        f"SELECT name FROM {MIGRATIONS_TABLE} ORDER BY id")]
    assert applied == MIGRATION_NAMES
    assert schema_version(db) == MIGRATION_NAMES[-1]
    assert db.conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    tables = set(db.table_names())
    assert {"cases", "parties", "organisations", "mediators", "audit_log", "change_log",
            "case_search", "case_counters", "code_items", "settings"} <= tables
    # Code lists are seeded: the 15 dispute types, 56 ethnic groups.
    assert db.conn.execute("SELECT count(*) FROM code_items WHERE list='dispute_type'"
                           ).fetchone()[0] == 15
    assert db.conn.execute("SELECT count(*) FROM code_items WHERE list='ethnicity'"
                           ).fetchone()[0] == 56
    db.conn.close()
    # No backup for a brand-new database: there was nothing to protect.
    assert not [f for f in os.listdir(tmp_path) if f.endswith(("-backups", ".bak"))]


def test_empty_file_is_treated_as_new(tmp_path):
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    db = open_database(path)
    assert schema_version(db) == MIGRATION_NAMES[-1]
    db.conn.close()


def test_reopening_applies_nothing_and_keeps_data(tmp_path):
    path = tmp_path / "again.db"
    desk = Desk.open(path)
    site = desk.site_id
    desk.close()
    desk = Desk.open(path)
    assert desk.site_id == site
    assert [r[0] for r in desk.db.conn.execute(f"SELECT name FROM {MIGRATIONS_TABLE}")] \
        == MIGRATION_NAMES
    desk.close()
    assert not [f for f in os.listdir(tmp_path) if f.endswith(("-backups", ".bak"))]


def test_missing_file_without_create_is_refused(tmp_path):
    with pytest.raises(DatabaseRefused) as err:
        open_database(tmp_path / "nope.db", create=False)
    assert "不存在" in str(err.value)
    assert not (tmp_path / "nope.db").exists()


def _older_database(path, upto: str) -> None:
    """A database as an older version left it: migrations applied up to ``upto`` only."""
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA journal_mode = WAL")
    db = sqlite_utils.Database(conn)
    names = MIGRATION_NAMES
    MIGRATIONS.apply(db, stop_before=names[names.index(upto) + 1])
    conn.execute("INSERT INTO settings (key, value) VALUES ('marker', '\"older\"')")
    conn.close()


def test_backup_is_taken_before_migrating_an_older_database(tmp_path):
    assert len(MIGRATION_NAMES) > 1, "needs at least two migrations"
    first = MIGRATION_NAMES[0]
    path = tmp_path / "old.db"
    _older_database(path, first)
    db = open_database(path)
    assert schema_version(db) == MIGRATION_NAMES[-1]
    db.conn.close()
    # A verified backup in the store beside the database (storage/backup.py).
    from mediator_desk.storage.backup import list_backups

    backups = list_backups(tmp_path / "old-backups")
    assert [b.kind for b in backups] == ["migration"] and backups[0].verified["ok"]
    assert backups[0].manifest["schema"] == first
    # The backup is the database as it was: only the first migration, our marker row.
    old = sqlite3.connect(str(backups[0].path / "database.db"))
    assert [r[0] for r in old.execute(f"SELECT name FROM {MIGRATIONS_TABLE}")] == [first]
    assert old.execute("SELECT value FROM settings WHERE key='marker'").fetchone()[0] \
        == '"older"'
    assert old.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    old.close()


def test_migration_from_older_database_keeps_records_searchable(tmp_path, template_db):
    """A database with cases from before the search index was rebuilt (0005) is re-indexed at
    open, so nothing disappears from the case list."""
    path = tmp_path / "cases.db"
    shutil.copyfile(template_db, path)
    desk = Desk.open(path)
    from tests.conftest import VALID_ID
    desk.cases.register(org_id=desk.settings.get("committee_id"), received_date="2026-11-01",
                        source="apply", dispute_type="02", summary="院墙纠纷",
                        parties=[dict(name="张三", id_number=VALID_ID)])
    # Make it look as if the search index had just been rebuilt by a migration.
    with desk.transaction():
        desk.db.conn.execute("DELETE FROM case_search")
        desk.db.conn.execute("INSERT INTO settings (key, value) VALUES"
                             " ('search_index_stale', 'true')")
    desk.close()
    desk = Desk.open(path)
    from mediator_desk.core.cases import CaseFilter
    assert len(desk.cases.search(CaseFilter(text="张三"))) == 1
    assert desk.settings.get("search_index_stale") is None
    desk.close()


# --- refusals that leave the file untouched ------------------------------------------------

def test_refuses_a_file_that_is_not_sqlite(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes("这不是数据库，只是一段文字。\n".encode() * 200)
    assert_refused_untouched(path, says="不是本软件的数据库")


def test_refuses_an_sqlite_database_that_is_not_ours(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(str(path))
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.execute("INSERT INTO songs VALUES ('牧歌')")
    conn.commit()
    conn.close()
    assert_refused_untouched(path, says="不是调解工作台的数据库")


def test_refuses_a_database_from_a_newer_version(tmp_path):
    path = tmp_path / "newer.db"
    open_database(path).conn.close()
    conn = sqlite3.connect(str(path))
    conn.execute(f"INSERT INTO {MIGRATIONS_TABLE} (migration_set, name, applied_at)"
                 " VALUES (?, '9999_from_the_future', '2030-01-01')", (MIGRATIONS.name,))
    conn.commit()
    conn.close()
    err = assert_refused_untouched(path, says="更新版本")
    assert "9999_from_the_future" in err.message
    assert "升级" in err.hint


def test_refuses_a_corrupt_database(tmp_path):
    from mediator_desk.demo.book import build_demo

    source = tmp_path / "grown.db"
    grown = Desk.open(source)
    build_demo(grown, cases=120, seed=2)   # real content spread over many pages
    grown.close()
    data = bytearray(source.read_bytes())
    pages = len(data) // 4096
    assert pages > 40
    for page in range(pages // 3, pages // 3 + 15):   # overwrite pages in the middle
        data[page * 4096:(page + 1) * 4096] = bytes((i * 37 + 11) % 256 for i in range(4096))
    path = tmp_path / "corrupt.db"
    path.write_bytes(bytes(data))
    refusal = assert_refused_untouched(path, says="损坏")
    # SQLite's own report (English, many lines) goes to the log, not into the message
    words = refusal.message.replace(path.name, "")
    assert "\n" not in words and not re.search(r"[A-Za-z]{4,}", words)


def test_refuses_a_truncated_database(tmp_path):
    source = tmp_path / "whole.db"
    desk = Desk.open(source)
    from mediator_desk.demo.book import build_demo
    build_demo(desk, cases=60, seed=3)
    desk.close()
    path = tmp_path / "truncated.db"
    data = source.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    assert_refused_untouched(path, says="数据库“truncated.db”")


def test_refuses_a_locked_database(tmp_path, template_db, monkeypatch):
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)
    path = tmp_path / "locked.db"
    shutil.copyfile(template_db, path)
    other = sqlite3.connect(str(path), isolation_level=None)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")   # another program holding the file
    other.execute("BEGIN EXCLUSIVE")
    try:
        err = assert_refused_untouched(path, says="正被另一个程序占用", opener=Desk.open)
        assert "关闭" in err.hint
    finally:
        other.execute("ROLLBACK")
        other.close()
    Desk.open(path).close()   # usable again once the other program lets go


def test_a_write_while_another_program_writes_is_refused_and_changes_nothing(
        desk, make_case, monkeypatch):
    make_case()
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)
    desk.db.conn.execute("PRAGMA busy_timeout = 200")
    other = sqlite3.connect(str(desk.path), isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseRefused) as err:
            make_case(summary="第二件")
        assert "正被另一个程序占用" in str(err.value)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert desk.cases.count() == 1
    assert desk.scalar("SELECT count(*) FROM cases WHERE summary = '第二件'") == 0


def test_refuses_a_read_only_file(tmp_path, template_db):
    path = tmp_path / "readonly.db"
    shutil.copyfile(template_db, path)
    os.chmod(path, 0o444)
    try:
        err = assert_refused_untouched(path, says="只读", opener=Desk.open)
        assert err.hint
    finally:
        os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)


def test_refuses_a_folder(tmp_path):
    with pytest.raises(DatabaseRefused) as err:
        open_database(tmp_path)
    assert "文件夹" in str(err.value)


# --- full disk --------------------------------------------------------------------------

def test_full_disk_during_a_save_leaves_the_previous_state(desk, make_case):
    first = make_case()
    before = desk.cases.get(first)
    counts = {t: desk.scalar(f"SELECT count(*) FROM {t}")
              for t in ("cases", "parties", "audit_log", "change_log", "case_search")}
    pages = desk.scalar("PRAGMA page_count")
    desk.db.conn.execute(f"PRAGMA max_page_count = {pages}")   # the disk is now full
    with pytest.raises(DatabaseRefused) as err:
        make_case(summary="很长的案情。" * 3000)
    assert "磁盘空间已满" in str(err.value)
    assert is_chinese(err.value.message)
    assert {t: desk.scalar(f"SELECT count(*) FROM {t}") for t in counts} == counts
    assert desk.cases.get(first) == before
    # An edit that needs room fails the same way and leaves the case as it was.
    with pytest.raises(DatabaseRefused):
        desk.cases.update(first, summary="改过的案情。" * 3000)
    assert desk.cases.get(first) == before
    # Room again: saving works and numbering carries on.
    desk.db.conn.execute("PRAGMA max_page_count = 1073741823")
    second = make_case(summary="第二件")
    assert desk.cases.get(second)["case_seq"] == before["case_seq"] + 1


# --- large files: a quick check of the header and the small tables at open -------------------

def test_large_files_get_a_quick_check_at_open(tmp_path, monkeypatch):
    from mediator_desk.demo.book import build_demo

    source = tmp_path / "big.db"
    desk = Desk.open(source)
    build_demo(desk, cases=60, seed=4)
    desk.close()
    monkeypatch.setattr(database, "FULL_CHECK_BYTES", 0)     # treat every file as large
    Desk.open(source).close()                                 # healthy: opens
    truncated = tmp_path / "cut.db"
    truncated.write_bytes(source.read_bytes()[:-3 * 4096])
    assert_refused_untouched(truncated, says="数据库“cut.db”")
    # Damage to a small table (here: the settings table's pages) is still found at open.
    broken = tmp_path / "broken.db"
    broken.write_bytes(source.read_bytes())
    conn = sqlite3.connect(str(broken))
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'settings'").fetchone()[0]
    conn.close()
    data = bytearray(broken.read_bytes())
    data[(root - 1) * 4096:root * 4096] = b"\xff" * 4096
    broken.write_bytes(bytes(data))
    assert_refused_untouched(broken, says="数据库“broken.db”")
