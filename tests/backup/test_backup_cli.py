"""The commands: backup create|list|verify|settings and restore (one Chinese line on error)."""

from __future__ import annotations

import json
from pathlib import Path

from mediator_desk.cli import main
from mediator_desk.core.desk import Desk

from backup_helpers import add_case, dump, without_audit_of_restore


def _run(capsys, *args) -> tuple[int, str, str]:
    code = main(list(map(str, args)))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_create_list_verify_restore(db_path, capsys, tmp_path):
    desk = Desk.open(db_path)
    add_case(desk, summary="第一件")
    desk.close()
    db = ["--db", db_path]
    code, out, _ = _run(capsys, *db, "backup", "list")
    assert code == 0 and "还没有备份" in out
    # Reading the settings (the second folder) left nothing beside the closed database.
    assert not Path(f"{db_path}-wal").exists() and not Path(f"{db_path}-shm").exists()
    code, out, _ = _run(capsys, *db, "backup", "create")
    assert code == 0 and "已备份并验证" in out and "1 件案件" in out
    code, out, _ = _run(capsys, *db, "backup", "list", "--json")
    listed = json.loads(out)
    assert code == 0 and len(listed["backups"]) == 1
    name = listed["backups"][0]["name"]
    assert listed["backups"][0]["verified"] and listed["root"].endswith("desk-backups")
    in_backup = dump(Path(listed["backups"][0]["path"]) / "database.db")
    code, out, _ = _run(capsys, *db, "backup", "verify")
    assert code == 0 and f"{name}：验证通过" in out

    desk = Desk.open(db_path)
    add_case(desk, summary="第二件")
    desk.close()
    code, out, _ = _run(capsys, *db, "restore", name)
    assert code == 0 and "已恢复备份" in out and "恢复前的数据库已备份为" in out
    assert without_audit_of_restore(dump(db_path)) == in_backup
    code, out, _ = _run(capsys, *db, "backup", "list")
    assert "恢复前的原数据库" in out and "2 件案件" in out


def test_verify_fails_with_a_non_zero_status(db_path, capsys):
    db = ["--db", db_path]
    _run(capsys, *db, "backup", "create")
    name = json.loads(_run(capsys, *db, "backup", "list", "--json")[1])["backups"][0]["path"]
    database = Path(name) / "database.db"
    database.write_bytes(database.read_bytes()[:-4096])
    code, out, _ = _run(capsys, *db, "backup", "verify", name)
    assert code == 1 and "验证未通过" in out


def test_settings_and_errors_are_one_chinese_line(db_path, capsys, tmp_path):
    db = ["--db", db_path]
    code, _, err = _run(capsys, *db, "backup", "settings", "--second-folder", tmp_path / "无")
    assert code == 2 and err.startswith("错误：") and err.count("\n") == 1
    usb = tmp_path / "u盘"
    usb.mkdir()
    code, out, _ = _run(capsys, *db, "backup", "settings", "--second-folder", usb,
                        "--reminder-days", "5")
    assert code == 0 and str(usb) in out and "5" in out
    code, out, _ = _run(capsys, *db, "backup", "create")
    assert code == 0 and "已复制到" in out
    code, out, _ = _run(capsys, *db, "backup", "list")
    assert "[第二个备份文件夹]" in out
    code, _, err = _run(capsys, *db, "restore", "20990101-000000-manual")
    assert code == 2 and "找不到备份" in err and err.count("\n") == 1
    code, _, err = _run(capsys, *db, "backup", "settings", "--reminder-days", "abc")
    assert code == 2 and "提醒天数" in err


def test_restore_works_when_the_database_cannot_be_opened(db_path, capsys):
    """The damaged database is exactly when a restore is needed: list and restore must not
    need to open it."""
    db = ["--db", db_path]
    _run(capsys, *db, "backup", "create")
    db_path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    code, _, err = _run(capsys, *db, "check")
    assert code != 0 and "restore" in err                 # the hint names the command
    code, out, _ = _run(capsys, *db, "backup", "list")
    assert code == 0 and "手动备份" in out
    name = out.split()[0]
    code, out, _ = _run(capsys, *db, "restore", name)
    assert code == 0 and "原数据库已损坏，已原样保存为" in out
    code, out, _ = _run(capsys, *db, "check")
    assert code == 0
