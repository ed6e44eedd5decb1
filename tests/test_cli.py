"""The command line: demo, check, case list/show, and one-line refusals with a non-zero exit."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mediator_desk.cli import main
from mediator_desk.storage.migrations import MIGRATIONS

LAST_MIGRATION = MIGRATIONS._migrations[-1].name


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "demo.db"
    assert main(["demo", "--db", str(path), "--cases", "60", "--seed", "5"]) == 0
    return path


def listing(capsys, db) -> list[dict]:
    code, out, _ = run(capsys, "case", "list", "--db", str(db), "--json", "--limit", "1000")
    assert code == 0
    return json.loads(out)


def test_demo_prints_progress_and_a_summary(tmp_path, capsys):
    code, out, err = run(capsys, "demo", "--db", str(tmp_path / "d.db"), "--cases", "25",
                         "--seed", "9")
    assert code == 0
    assert "已生成示例数据：赤峰市" in out and "25 件案件" in out and "种子 9" in out
    assert "25/25" in err


def test_demo_is_deterministic_for_a_seed(demo_db, tmp_path, capsys):
    again = tmp_path / "again.db"
    other = tmp_path / "other.db"
    assert run(capsys, "demo", "--db", str(again), "--cases", "60", "--seed", "5")[0] == 0
    assert run(capsys, "demo", "--db", str(other), "--cases", "60", "--seed", "6")[0] == 0
    first, second, third = listing(capsys, demo_db), listing(capsys, again), listing(capsys, other)
    assert len(first) == 60
    keys = ("case_no", "received_date", "party_names", "dispute_type_label", "org_name")
    assert [{k: r[k] for k in keys} for r in first] == [{k: r[k] for k in keys} for r in second]
    assert [r["party_names"] for r in first] != [r["party_names"] for r in third]


def test_demo_refuses_a_database_with_data_and_leaves_it_alone(demo_db, capsys):
    before = hashlib.sha256(demo_db.read_bytes()).hexdigest()
    code, out, err = run(capsys, "demo", "--db", str(demo_db), "--cases", "5")
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("错误：") and "示例数据不能与真实数据混在一起" in err
    assert hashlib.sha256(demo_db.read_bytes()).hexdigest() == before
    assert len(listing(capsys, demo_db)) == 60


def test_demo_needs_an_explicit_database(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("MEDIATOR_DESK_DB", str(tmp_path / "env.db"))
    code, _, err = run(capsys, "demo", "--cases", "5")
    assert code == 2 and "--db" in err
    assert not (tmp_path / "env.db").exists()


def test_check_reports_integrity_version_and_counts(demo_db, capsys):
    code, out, _ = run(capsys, "check", "--db", str(demo_db))
    assert code == 0
    assert "完整性：正常" in out
    assert f"结构版本：{LAST_MIGRATION}" in out
    assert "案件 60" in out


def test_case_list_search_json(demo_db, capsys):
    everything = listing(capsys, demo_db)
    name = everything[7]["party_names"].split("、")[0]
    code, out, _ = run(capsys, "case", "list", "--db", str(demo_db), "--search", name, "--json")
    assert code == 0
    rows = json.loads(out)
    assert rows and all(name in r["party_names"] or name in r["case_no"] for r in rows)
    assert everything[7]["case_no"] in [r["case_no"] for r in rows]
    assert set(rows[0]) == {"case_no", "received_date", "dispute_type_label", "status_label",
                            "party_names", "org_name"}
    code, out, _ = run(capsys, "case", "list", "--db", str(demo_db), "--search", "不存在的名字")
    assert code == 0 and "共 0 件" in out


def test_case_show_text_and_json_mask_id_numbers(demo_db, capsys):
    case_no = listing(capsys, demo_db)[3]["case_no"]
    code, out, _ = run(capsys, "case", "show", case_no, "--db", str(demo_db))
    assert code == 0 and f"案件编号：{case_no}" in out and "当事人（申请人）" in out
    code, out, _ = run(capsys, "case", "show", case_no, "--db", str(demo_db), "--json")
    assert code == 0
    case = json.loads(out)
    assert case["case_no"] == case_no
    numbers = [p["id_number"] for p in case["parties"] if p["id_number"]]
    assert numbers and all("********" in n for n in numbers)
    ascii_no = case_no.replace("（", "(").replace("）", ")")
    assert run(capsys, "case", "show", ascii_no, "--db", str(demo_db))[0] == 0


def test_unknown_case_number(demo_db, capsys):
    code, out, err = run(capsys, "case", "show", "（2026）无此人调字第1号", "--db", str(demo_db))
    assert code == 2 and err.startswith("错误：找不到案件编号") and err.count("\n") == 1


@pytest.mark.parametrize("argv", [["check"], ["case", "list"], ["case", "show", "（2026）红旗人调字第1号"]])
def test_missing_database_is_a_one_line_chinese_error(tmp_path, capsys, argv):
    path = tmp_path / "missing.db"
    code, out, err = run(capsys, *argv, "--db", str(path))
    assert code == 2
    assert err.startswith("错误：") and "不存在" in err and err.count("\n") == 1
    assert not path.exists()


def test_refused_files_are_left_untouched(tmp_path, capsys):
    text = tmp_path / "notes.db"
    text.write_bytes("不是数据库".encode() * 100)
    before = text.read_bytes()
    code, _, err = run(capsys, "check", "--db", str(text))
    assert code == 2 and "不是本软件的数据库" in err and err.count("\n") == 1
    assert text.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["notes.db"]


def test_read_only_database_via_the_real_process(demo_db, tmp_path):
    """The installed entry point: non-zero exit status and one Chinese line on stderr."""
    path = tmp_path / "ro.db"
    path.write_bytes(demo_db.read_bytes())
    os.chmod(path, 0o444)
    try:
        proc = subprocess.run([sys.executable, "-m", "mediator_desk", "case", "list", "--db",
                               str(path)], capture_output=True, text=True, timeout=120,
                              cwd=Path(__file__).resolve().parent.parent)
    finally:
        os.chmod(path, 0o644)
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("错误：") and "只读" in lines[0]


def test_an_argument_in_another_encoding_is_one_chinese_line(tmp_path, capsys):
    """Bytes typed in a GBK terminal arrive as lone surrogates: refused before anything
    opens, one line, exit 2."""
    from mediator_desk.cli import main

    gbk = "测试".encode("gbk").decode("utf-8", "surrogateescape")
    db = tmp_path / "x.db"
    assert main(["case", "list", "--search", gbk, "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：参数") and "UTF-8" in err and len(err.strip().splitlines()) == 1
    assert not db.exists()


def test_starting_the_gui_does_not_load_the_commands():
    """``mediator-desk [--db PATH]`` goes straight to the GUI; the command modules (and what
    they import) are loaded only for a command."""
    code = ("import sys\n"
            "import mediator_desk.cli as cli\n"
            "cli.run_gui = lambda args: print('GUI', args.db) or 0\n"
            "assert cli.main(['--db', 'x.db']) == 0\n"
            "print(sorted(m for m in cli.COMMAND_MODULES if m in sys.modules))\n"
            "assert cli.main(['--db', 'x.db', 'gui']) == 0\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.splitlines()
    assert out == ["GUI x.db", "[]", "GUI x.db"]
