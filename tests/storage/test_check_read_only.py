"""``mediator-desk check`` is read-only, and foreign files are refused by every command
Each test compares the files before and after."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat

import pytest

from mediator_desk.cli import main
from mediator_desk.core.desk import Desk
from mediator_desk.errors import DatabaseRefused, DeskError
from mediator_desk.storage.database import open_database
from tests.storage.test_open_database import MIGRATION_NAMES, _older_database, digest
from tests.sync.sync_helpers import dump_file


def snapshot(path) -> tuple:
    """The database's bytes and mode, and the folder's listing."""
    return (digest(path), stat.S_IMODE(path.stat().st_mode),
            sorted(os.listdir(path.parent)))


def check(path, capsys) -> tuple[int, str, str]:
    code = main(["check", "--db", str(path)])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def copy(template_db, tmp_path):
    path = tmp_path / "desk.db"
    shutil.copyfile(template_db, path)
    return path


def test_check_changes_no_file(copy, capsys):
    os.chmod(copy, 0o644)                    # as an older version left it: check leaves it be
    before, data = snapshot(copy), dump_file(copy)
    code, out, _ = check(copy, capsys)
    assert code == 0
    assert "完整性：正常" in out and f"结构版本：{MIGRATION_NAMES[-1]}" in out
    assert snapshot(copy) == before          # no -wal/-shm left, no <db>-files, no chmod
    assert dump_file(copy) == data


def test_check_reads_what_another_connection_committed_and_leaves_its_wal(copy, capsys):
    from tests.conftest import VALID_ID

    writer = Desk.open(copy)
    try:
        writer.cases.register(org_id=writer.settings.get("committee_id"),
                              received_date="2026-11-20", source="apply", dispute_type="02",
                              summary="院墙纠纷", parties=[dict(name="张三", id_number=VALID_ID)])
        wal = copy.with_name(copy.name + "-wal")
        assert wal.stat().st_size > 0
        before = (digest(copy), digest(wal))
        code, out, _ = check(copy, capsys)
        assert code == 0 and "案件 1" in out
        assert (digest(copy), digest(wal)) == before     # no checkpoint by check
        assert writer.cases.count() == 1                 # the window still works
    finally:
        writer.close()


def test_check_as_root_in_a_read_only_folder_creates_nothing(copy, capsys):
    folder = copy.parent
    before, data = snapshot(copy), dump_file(copy)
    os.chmod(copy, 0o444)
    os.chmod(folder, 0o555)
    try:
        code, out, _ = check(copy, capsys)
        assert code == 0 and "完整性：正常" in out
        assert sorted(os.listdir(folder)) == before[2]
    finally:
        os.chmod(folder, 0o755)
        os.chmod(copy, before[1])
    assert snapshot(copy) == before and dump_file(copy) == data


def test_check_reports_an_older_database_instead_of_migrating_it(tmp_path, capsys):
    path = tmp_path / "old.db"
    _older_database(path, MIGRATION_NAMES[0])
    before, data = snapshot(path), dump_file(path)
    code, out, _ = check(path, capsys)
    assert code == 1
    assert f"结构版本：{MIGRATION_NAMES[0]}（需要升级" in out and "不作任何修改" in out
    assert snapshot(path) == before                      # no .bak, no migration
    assert dump_file(path) == data


def foreign_empty(path) -> None:
    """An SQLite file without tables and without our application id (as `sqlite3 x.db
    'PRAGMA user_version=1'` or another program leaves one)."""
    conn = sqlite3.connect(str(path))
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    assert path.stat().st_size > 0


@pytest.mark.parametrize("opener", ["check", "case list", "open_database", "Desk.open",
                                    "read-only"])
def test_a_foreign_empty_sqlite_file_is_refused_by_every_command(tmp_path, capsys, opener):
    path = tmp_path / "empty.db"
    foreign_empty(path)
    before = snapshot(path)
    if opener in ("check", "case list"):
        code = main([*opener.split(), "--db", str(path)])
        assert code == 2
        assert "不是调解工作台的数据库" in capsys.readouterr().err
    else:
        with pytest.raises(DatabaseRefused) as err:
            {"open_database": lambda: open_database(path),
             "Desk.open": lambda: Desk.open(path),
             "read-only": lambda: Desk.open(path, read_only=True)}[opener]()
        assert "不是调解工作台的数据库" in str(err.value)
    assert snapshot(path) == before
    conn = sqlite3.connect(str(path))
    assert conn.execute("PRAGMA application_id").fetchone()[0] == 0
    conn.close()


def test_check_of_a_zero_byte_file_says_it_is_empty_and_creates_nothing(tmp_path, capsys):
    path = tmp_path / "desk.db"
    path.write_bytes(b"")
    code, _, err = check(path, capsys)
    assert code == 2 and "是空的" in err
    assert path.stat().st_size == 0 and os.listdir(tmp_path) == ["desk.db"]


def test_check_of_a_missing_file_creates_nothing(tmp_path, capsys):
    code, _, err = check(tmp_path / "nope" / "desk.db", capsys)
    assert code == 2 and "不存在" in err
    assert os.listdir(tmp_path) == []


def test_a_read_only_desk_cannot_write(copy):
    data = dump_file(copy)
    desk = Desk.open(copy, read_only=True)
    try:
        assert desk.read_only and desk.db.pending == []
        with pytest.raises(DeskError):
            with desk.transaction():
                desk.settings.set("current_user", "王五")
        with pytest.raises(sqlite3.Error):
            desk.db.conn.execute("DELETE FROM audit_log")
    finally:
        desk.close()
    assert dump_file(copy) == data
