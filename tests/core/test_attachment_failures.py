"""Clean failure of attachments: a full disk is one Chinese line and leaves no
temporary file; files a killed add left are reported by check and removed when stale."""

from __future__ import annotations

import errno
import os
import time

import pytest

from mediator_desk.core import attachments as attachments_module
from mediator_desk.errors import ValidationError

from mediation_helpers import PDF, write_file


def test_a_full_disk_while_adding_is_one_chinese_line_and_leaves_nothing(desk, make_case,
                                                                         tmp_path, monkeypatch):
    case_id = make_case()
    scan = write_file(tmp_path, "协议.pdf", PDF)
    real_replace = os.replace

    def full(src, dst):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(attachments_module.os, "replace", full)
    with pytest.raises(ValidationError) as err:
        desk.attachments.add(case_id, scan)
    assert err.value.message == "无法保存文件“协议.pdf”：磁盘已满"
    monkeypatch.setattr(attachments_module.os, "replace", real_replace)
    assert desk.scalar("SELECT count(*) FROM attachments") == 0
    assert [p for p in desk.attachments_dir.rglob("*") if p.is_file()] == []   # no file left
    with pytest.raises(ValidationError, match="磁盘已满"):
        monkeypatch.setattr(attachments_module.os, "fdopen",
                            lambda *a, **k: (_ for _ in ()).throw(OSError(errno.ENOSPC, "x")))
        desk.attachments.add_bytes(case_id, PDF, file_name="扫描.pdf")
    assert [p for p in desk.attachments_dir.rglob("*") if p.is_file()] == []


def test_leftovers_of_a_killed_add_are_reported_and_removed_when_stale(desk, db_path, capsys):
    from mediator_desk.cli import main as cli_main

    root = desk.attachments_dir
    root.mkdir(parents=True, exist_ok=True)
    old = root / ".bytes-abc123"
    old.write_bytes(PDF)
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    fresh = root / ".adding-def456"                          # maybe another window's add
    fresh.write_bytes(PDF)
    assert set(desk.attachments.leftovers()) == {old, fresh}
    desk.close()
    assert cli_main(["check", "--db", str(db_path)]) in (0, 1)
    out = capsys.readouterr().out
    assert "附件临时文件：2 个" in out and old.exists()          # check changes nothing
    from mediator_desk.core.desk import Desk
    again = Desk.open(db_path)                                 # opening for work cleans up
    try:
        assert not old.exists() and fresh.exists()
        assert again.attachments.leftovers() == [fresh]
    finally:
        again.close()
