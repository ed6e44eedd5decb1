"""CLI: mediator list|add|update and settings show|set (one-line Chinese refusals, exit ≠ 0)."""

from __future__ import annotations

import json

from mediation_helpers import accepted_case, signed_written
from mediator_desk.cli import main
from mediator_desk.core.desk import Desk


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_mediator_add_list_update(db_path, capsys):
    db = str(db_path)
    code, out, err = run(capsys, "mediator", "add", "--db", db, "--name", "其其格", "--sex", "女",
                         "--ethnicity", "蒙古族", "--phone", "13804761111", "--birth-date",
                         "1972-05-06", "--profession", "退休教师", "--full-time",
                         "--legal-training", "--title", "金牌调解员")
    assert code == 0 and "已添加调解员：其其格" in out
    desk = Desk.open(db_path)
    try:
        row = desk.query_one("SELECT * FROM mediators WHERE name = '其其格'")
        assert desk.codes.label("ethnicity", row["ethnicity"]) == "蒙古族"
        assert (row["sex"], row["phone"], row["birth_date"], row["full_time"],
                row["legal_training"], row["active"], row["org_id"]) == (
            "女", "13804761111", "1972-05-06", 1, 1, 1, desk.settings.get("committee_id"))
    finally:
        desk.close()

    code, out, _ = run(capsys, "mediator", "update", "--db", db, "其其格", "--no-active",
                       "--phone", "0476-8123456")
    assert code == 0 and "已修改调解员：其其格" in out
    code, out, _ = run(capsys, "mediator", "list", "--db", db, "--json")
    rows = {m["name"]: m for m in json.loads(out)}
    assert set(rows) == {"乌力吉", "其其格"}
    assert (rows["其其格"]["active"], rows["其其格"]["phone"]) == (0, "0476-8123456")
    code, out, _ = run(capsys, "mediator", "list", "--db", db, "--active")
    assert "乌力吉" in out and "其其格" not in out


def test_mediator_refusals_are_one_chinese_line(db_path, capsys):
    db = str(db_path)
    code, out, err = run(capsys, "mediator", "add", "--db", db, "--name", "巴特尔",
                         "--phone", "12345")
    assert code != 0 and err.startswith("错误：电话号码格式不正确") and err.count("\n") == 1
    code, _, err = run(capsys, "mediator", "update", "--db", db, "没这个人", "--active")
    assert code != 0 and "找不到调解员：没这个人" in err
    code, _, err = run(capsys, "mediator", "update", "--db", db, "乌力吉")
    assert code != 0 and "没有要修改的内容" in err
    desk = Desk.open(db_path)
    try:
        assert desk.scalar("SELECT count(*) FROM mediators") == 1
    finally:
        desk.close()


def test_settings_show_and_set(db_path, capsys, make_case, desk):
    case_id = accepted_case(desk, make_case)
    aid = signed_written(desk, case_id, deadline="2026-04-10")
    assert desk.agreements.get(aid)["followup_planned"] == "2026-04-25"
    desk.close()
    db = str(db_path)
    code, out, _ = run(capsys, "settings", "show", "--db", db, "--json")
    assert code == 0 and json.loads(out)["followup_days"] == 15
    code, out, _ = run(capsys, "settings", "set", "--db", db, "followup_days", "30")
    assert code == 0 and "30" in out
    code, out, _ = run(capsys, "settings", "set", "--db", db, "attachment_max_bytes", "5MB")
    assert code == 0
    code, out, _ = run(capsys, "settings", "set", "--db", db, "retention_choices", "10年，永久")
    assert code == 0
    code, out, _ = run(capsys, "settings", "set", "--db", db, "agreement_no_pattern",
                       "（{year}）{short}调协第{n}号")
    assert code == 0
    reopened = Desk.open(db_path)
    try:
        org_id = reopened.settings.get("committee_id")
        assert reopened.settings.get("followup_days") == 30
        assert reopened.settings.get("attachment_max_bytes") == 5 * 1024 * 1024
        assert reopened.dossier.retention_choices() == ["10年", "永久"]
        assert reopened.agreements.number_pattern(org_id) == "（{year}）{short}调协第{n}号"
        assert reopened.agreements.get(aid)["followup_planned"] == "2026-05-10"
        assert reopened.scalar("SELECT count(*) FROM audit_log WHERE table_name = 'settings'"
                               " AND record_id = 'followup_days'") == 1
    finally:
        reopened.close()


def test_settings_refusals_change_nothing(db_path, capsys):
    db = str(db_path)
    for key, value, message in [("followup_days", "0", "须为正整数"),
                                ("followup_days", "十五", "须为正整数"),
                                ("attachment_types", "exe", "不支持的附件类型"),
                                ("retention_choices", " , ", "至少填写一个保管期限"),
                                ("agreement_no_pattern", "第{n}号", "{year}"),
                                ("no_such", "1", "没有这项设置")]:
        code, _, err = run(capsys, "settings", "set", "--db", db, key, value)
        assert code != 0 and err.startswith("错误：") and message in err, (key, err)
        assert err.count("\n") == 1
    desk = Desk.open(db_path)
    try:
        assert desk.scalar("SELECT count(*) FROM settings WHERE key LIKE 'followup%'"
                           " OR key LIKE 'attachment%' OR key LIKE 'retention%'"
                           " OR key LIKE 'agreement_no%'") == 0
    finally:
        desk.close()
