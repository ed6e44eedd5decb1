"""CLI: ``todo`` and ``case show`` with the mediation path (text and --json)."""

import json

import pytest

from mediation_helpers import PDF, T, accepted_case, signed_written, write_file
from mediator_desk.cli import main


@pytest.fixture
def walked(desk, make_case, db_path, tmp_path):
    case_id = accepted_case(desk, make_case, received="2026-03-02")
    desk.sessions.add_investigation(case_id, held_on="2026-03-03", subject="李四",
                                    qa=[("院墙何时所建？", "2010年")], today=T)
    desk.sessions.add_mediation(case_id, held_on="2026-03-05", mediators="乌力吉",
                                parties_present="张三、李四", statements="双方各执一词",
                                today=T)
    aid = signed_written(desk, case_id, scan=write_file(tmp_path, "scan.pdf", PDF))
    desk.outcomes.flag_risk(case_id, kind="criminal", flagged_on="2026-03-04",
                            note="扬言报复", today=T)
    case_no = desk.cases.get_row(case_id)["case_no"]
    desk.close()
    return {"db": str(db_path), "case_no": case_no, "agreement_id": aid}


def test_case_show_text(walked, capsys):
    assert main(["case", "show", walked["case_no"], "--db", walked["db"],
                 "--today", "2026-04-04"]) == 0
    out = capsys.readouterr().out
    for words in ("【受理】", "受理（当事人书面申请）", "【调查记录】", "问：院墙何时所建？",
                  "答：2010年", "【调解记录】", "双方各执一词", "（2026）红旗调协字第1号",
                  "生效日期：2026-03-12", "司法确认期限：2026-03-12至2026-04-11（还剩7天）",
                  "可能民转刑", "尚未报告公安机关", "已签字的调解协议书", "【卷宗目录】",
                  "当事人身份证明（必备）缺", "【操作记录】", "协议签字生效",
                  "已受理 → 调解中", "状态：协议生效（履行中）"):
        assert words in out, words
    assert "11010519491231002X" not in out          # ID numbers masked by default


def test_case_show_json(walked, capsys):
    assert main(["case", "show", walked["case_no"], "--db", walked["db"], "--json",
                 "--today", "2026-04-04"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["status"] == "effective"
    assert data["acceptance"]["decision"] == "accepted"
    assert data["investigations"][0]["qa"] == [{"q": "院墙何时所建？", "a": "2010年"}]
    assert len(data["mediations"]) == 1
    agreement = data["agreements"][0]
    assert agreement["id"] == walked["agreement_id"]
    assert agreement["confirmation_window"]["days_left"] == 7
    assert agreement["attachments"][0]["item"] == "signed_agreement"
    assert data["outcome"]["kind"] == "written"
    assert data["risks"][0]["kind"] == "criminal"
    assert [i["no"] for i in data["contents"]] == list(range(1, 14))
    assert any(h["action"] == "sign" for h in data["history"])


def test_todo_json_and_text(walked, capsys):
    assert main(["todo", "--db", walked["db"], "--today", "2026-04-04", "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    kinds = sorted(i["kind"] for i in items)
    assert kinds == ["confirmation_closing", "risk_unreported"]
    assert all(i["case_no"] == walked["case_no"] for i in items)
    assert all(set(i) == {"case_id", "case_no", "kind", "kind_label", "due", "days_left",
                          "description", "record_id", "place"} for i in items)
    assert main(["todo", "--db", walked["db"], "--today", "2026-04-04"]) == 0
    out = capsys.readouterr().out
    assert "司法确认期限将届满" in out and "共 2 项" in out
    # on 26 April the deadline has passed, the follow-up is due, the window has closed
    assert main(["todo", "--db", walked["db"], "--today", "2026-04-26", "--json"]) == 0
    kinds = sorted(i["kind"] for i in json.loads(capsys.readouterr().out))
    assert kinds == ["followup_due", "performance_overdue", "risk_unreported"]


def test_todo_bad_date(walked, capsys):
    assert main(["todo", "--db", walked["db"], "--today", "2026-13-01"]) == 2
    assert "日期格式不正确" in capsys.readouterr().err


def test_check_reports_missing_attachment_files(walked, capsys):
    from mediator_desk.core.desk import Desk

    with Desk.open(walked["db"]) as desk:
        for att in desk.attachments.for_case(desk.cases.find_by_number(walked["case_no"])):
            desk.attachments.path_of(att["id"]).unlink()
    assert main(["check", "--db", walked["db"]]) == 1     # a problem found: non-zero exit
    out = capsys.readouterr().out
    assert "文件缺失 1 个" in out and walked["case_no"] in out and "不见了" in out
