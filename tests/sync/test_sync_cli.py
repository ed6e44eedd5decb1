"""The sync commands: the whole exchange driven from the command line, and one-line refusals."""

from __future__ import annotations

import json
import sqlite3

import pytest

from mediator_desk.cli import main
from mediator_desk.core.desk import Desk
from mediator_desk.core.setup import set_up_committee

from sync_helpers import add_case, dump_file


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def refused(capsys, *argv) -> str:
    code, out, err = run(capsys, *argv)
    assert code != 0
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("错误：")
    assert any("\u4e00" <= ch <= "\u9fff" for ch in lines[0][3:])
    return lines[0]


def test_exchange_from_the_command_line(tmp_path, capsys):
    office, v1, v2 = (tmp_path / f"{n}.db" for n in ("office", "v1", "v2"))
    d = Desk.open(office)
    set_up_committee(d, committee_name="巴彦塔拉苏木人民调解委员会", level="township",
                     short_name="巴彦", mediator_name="司法所长")
    d.close()
    for path, name, short in ((v1, "红旗嘎查人民调解委员会", "红旗"), (v2, "东升村人民调解委员会", "东升")):
        d = Desk.open(path)
        set_up_committee(d, committee_name=name, level="village", short_name=short,
                         township_name="巴彦塔拉苏木人民调解委员会", mediator_name="乌力吉")
        add_case(d)
        d.close()

    code, out, _ = run(capsys, "site", "init", "--db", office, "--role", "office",
                       "--name", "巴彦塔拉司法所")
    assert code == 0 and "指纹：" in out
    assert run(capsys, "enrol", "export", "--db", office, "--out", tmp_path / "o.mdenrol")[0] == 0
    fingerprints = {}
    for path, tag in ((v1, "b1"), (v2, "c1")):
        assert run(capsys, "site", "init", "--db", path, "--role", "village")[0] == 0
        code, out, _ = run(capsys, "enrol", "import", "--db", path, tmp_path / "o.mdenrol",
                           "--json")
        assert code == 0 and json.loads(out)["sender"]["name"] == "巴彦塔拉司法所"
        fingerprints[tag] = json.loads(out)["own_fingerprint"]
        code, out, _ = run(capsys, "bundle", "export", "--db", path,
                           "--out", tmp_path / f"{tag}.mdsync")
        assert code == 0 and "同步包已导出" in out

    # Inspect without keys: the clear manifest, and why this office cannot import it yet.
    code, out, _ = run(capsys, "bundle", "inspect", "--db", office, tmp_path / "b1.mdsync")
    assert code == 1 and "发送方：红旗嘎查人民调解委员会" in out and fingerprints["b1"] in out
    assert "尚未被接受" in out
    # Unknown village: refused with a one-line reason naming its fingerprint.
    before = dump_file(office)
    line = refused(capsys, "bundle", "import", "--db", office, tmp_path / "b1.mdsync")
    assert fingerprints["b1"] in line
    assert dump_file(office) == before
    # Dry run with the fingerprint: a preview, nothing written.
    code, out, _ = run(capsys, "bundle", "import", "--db", office, tmp_path / "b1.mdsync",
                       "--dry-run", "--accept-fingerprint", fingerprints["b1"])
    assert code == 0 and "仅预览" in out and "案件：新增 1" in out
    assert dump_file(office) == before
    code, out, _ = run(capsys, "bundle", "import", "--db", office, tmp_path / "b1.mdsync",
                       "--accept-fingerprint", fingerprints["b1"].replace(" ", ""))
    assert code == 0 and "已导入" in out
    # The other village is accepted first with `site accept`, then imported.
    code, out, _ = run(capsys, "site", "accept", "--db", office, fingerprints["c1"],
                       "--bundle", tmp_path / "c1.mdsync")
    assert code == 0 and "已接受" in out
    code, out, _ = run(capsys, "bundle", "import", "--db", office, tmp_path / "c1.mdsync",
                       "--json")
    assert code == 0 and json.loads(out)["status"] == "applied"
    code, out, _ = run(capsys, "case", "list", "--db", office)
    assert "共 2 件" in out

    code, out, _ = run(capsys, "review", "add", "--db", office, "（2026）红旗人调字第1号",
                       "--kind", "return", "--text", "请补充证据")
    assert code == 0
    code, out, _ = run(capsys, "receipt", "export", "--db", office, "--to", "红旗",
                       "--out", tmp_path / "r1.mdreceipt")
    assert code == 0 and "第 1 号" in out
    code, out, _ = run(capsys, "receipt", "import", "--db", v1, tmp_path / "r1.mdreceipt")
    assert code == 0 and "退回补正" in out and "请补充证据" in out
    code, out, _ = run(capsys, "review", "list", "--db", v1)
    assert "请补充证据" in out
    code, out, _ = run(capsys, "site", "show", "--db", v1, "--json")
    assert json.loads(out)["peers"][0]["acked_seq"] > 0
    code, out, _ = run(capsys, "sync", "log", "--db", office)
    assert out.count("已导入") >= 2 and "已拒绝" in out

    # Revoke: further bundles from that village are refused.
    assert run(capsys, "site", "revoke", "--db", office, "东升")[0] == 0
    add_case_cli = Desk.open(v2)
    add_case(add_case_cli, names=("丙", "丁"))
    add_case_cli.close()
    run(capsys, "bundle", "export", "--db", v2, "--out", tmp_path / "c2.mdsync")
    assert "已被吊销" in refused(capsys, "bundle", "import", "--db", office,
                              tmp_path / "c2.mdsync")
    code, out, _ = run(capsys, "conflict", "list", "--db", office)
    assert code == 0 and "共 0 处" in out


def test_refusals_are_one_line(tmp_path, capsys):
    db = tmp_path / "v.db"
    Desk.open(db).close()
    assert "尚未初始化" in refused(capsys, "bundle", "export", "--db", db, "--out",
                                tmp_path / "x.mdsync")
    (tmp_path / "junk.mdsync").write_bytes(b"not a zip")
    assert "损坏" in refused(capsys, "bundle", "inspect", "--db", db, tmp_path / "junk.mdsync")
    assert run(capsys, "site", "init", "--db", db, "--role", "village")[0] == 0
    assert "只能在" in refused(capsys, "enrol", "export", "--db", db, "--out", tmp_path / "e")
    assert "请指定" in refused(capsys, "bundle", "export", "--db", db, "--out",
                             tmp_path / "x.mdsync")
    assert "找不到文件" in refused(capsys, "receipt", "import", "--db", db, tmp_path / "none")


def test_key_backup_and_restore_from_the_command_line(tmp_path, capsys, monkeypatch, request):
    # The suite's one real passphrase round trip (age scrypt, about two seconds each way): one
    # backup and one restore. The refusal of a wrong passphrase goes through the quick cipher.
    db = tmp_path / "office.db"
    Desk.open(db).close()
    run(capsys, "site", "init", "--db", db, "--role", "office", "--name", "司法所")
    (tmp_path / "pass.txt").write_text("长城永不倒 2026\n", encoding="utf-8")
    code, out, _ = run(capsys, "key", "backup", "--db", db, "--out", tmp_path / "k.mdkeys",
                       "--passphrase-file", tmp_path / "pass.txt")
    assert code == 0
    assert (tmp_path / "k.mdkeys").read_bytes().startswith(b"age-encryption.org/v1\n-> scrypt ")
    fp = json.loads(run(capsys, "site", "show", "--db", db, "--json")[1])["fingerprint"]
    # A new machine: empty database, keys restored, identity adopted.
    new = tmp_path / "new" / "office.db"
    new.parent.mkdir()
    Desk.open(new).close()
    monkeypatch.setenv("MEDIATOR_DESK_PASSPHRASE", "长城永不倒 2026")
    code, out, _ = run(capsys, "key", "restore", "--db", new, tmp_path / "k.mdkeys",
                       "--adopt-identity")
    assert code == 0 and fp in out
    conn = sqlite3.connect(str(db))
    site = json.loads(conn.execute("SELECT value FROM settings WHERE key='site_id'").fetchone()[0])
    conn.close()
    info = json.loads(run(capsys, "site", "show", "--db", new, "--json")[1])
    assert info["site_id"] == site and info["role"] == "office" and info["fingerprint"] == fp

    # A wrong passphrase is refused in one line, and the same database then takes the right one.
    request.getfixturevalue("quick_key_backups")
    assert run(capsys, "key", "backup", "--db", db, "--out", tmp_path / "q.mdkeys",
               "--passphrase-file", tmp_path / "pass.txt")[0] == 0
    other = tmp_path / "other" / "office.db"
    other.parent.mkdir()
    Desk.open(other).close()
    monkeypatch.setenv("MEDIATOR_DESK_PASSPHRASE", "错误的口令123")
    assert "口令不正确" in refused(capsys, "key", "restore", "--db", other, tmp_path / "q.mdkeys")
    monkeypatch.setenv("MEDIATOR_DESK_PASSPHRASE", "长城永不倒 2026")
    code, out, _ = run(capsys, "key", "restore", "--db", other, tmp_path / "q.mdkeys",
                       "--adopt-identity")
    assert code == 0 and fp in out
