"""The audit trail as people read it (core/history.py): Chinese labels, old → new."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mediation_helpers import T, accepted_case, signed_written  # noqa: E402

from mediator_desk.core.history import describe_change, entries, format_value  # noqa: E402


def _changes(entry):
    return {c["label"]: (c["old"], c["new"]) for c in entry["changes"]}


def test_history_of_a_case_in_chinese(desk, make_case):
    case_id = accepted_case(desk, make_case)
    rid = desk.sessions.add_investigation(case_id, held_on="2026-03-03", subject="李四",
                                          qa=[("院墙何时砌的？", "去年。")], today=T)
    desk.sessions.update_investigation(rid, place="李四家", today=T)
    desk.sessions.remove_investigation(rid)
    aid = signed_written(desk, case_id)
    desk.agreements.record_performance(aid, status="partly", checked_on="2026-04-12", today=T)
    rows = desk.audit.for_case(case_id)
    history = entries(rows)
    assert len(history) == len(rows)
    labels = [e["action_label"] for e in history]
    for label in ("登记案件", "受理", "案件状态变更", "调查", "修改", "删除", "达成书面协议",
                  "协议签字生效", "登记履行情况"):
        assert label in labels
    status = [e for e in history if e["action"] == "status"]
    assert _changes(status[0])["案件状态"] == ("已登记", "已受理")
    assert describe_change(status[0]["changes"][0]) == "案件状态：已登记 → 已受理"
    investigation = next(e for e in history if e["action"] == "investigate")
    assert investigation["table_label"] == "调查记录"
    assert _changes(investigation)["问答"] == ("", "问：院墙何时砌的？ 答：去年。")
    assert _changes(investigation)["被调查人"] == ("", "李四")
    update = next(e for e in history if e["action"] == "update" and e["table_label"] == "调查记录")
    assert _changes(update) == {"地点": ("", "李四家")}
    deletion = next(e for e in history if e["action"] == "delete")
    assert _changes(deletion)["被调查人"] == ("李四", "")
    agreement = next(e for e in history if e["action"] == "agree_written")
    assert _changes(agreement)["协议内容"][1] == "1. 李四于期限内拆除院墙"
    assert _changes(agreement)["协议形式"][1] == "书面协议"
    performance = next(e for e in history if e["action"] == "performance")
    assert _changes(performance)["履行情况"] == ("未到履行期", "部分履行")
    # no ids or sync columns; every entry has a readable local time
    for e in history:
        assert all(not c["label"].endswith("_id") and c["label"] != "id" for c in e["changes"])
        assert e["at_text"][:4] == e["at"][:4] and "(" in e["at_text"]


def test_values_are_shown_as_on_screen():
    assert format_value("cases", "risk_flag", 1) == "是"
    assert format_value("cases", "amount_fen", 1234500) == "12,345.00"
    assert format_value("closures", "kind", "ended") == "调解终止（未达成协议）"
    assert format_value("risk_flags", "kind", "criminal") == "可能民转刑"
    assert format_value("confirmations", "result", "confirmed") == "确认有效"
    assert format_value("mediation_sessions", "mediators", '["乌力吉", "塔娜"]') == "乌力吉、塔娜"
    assert format_value("", "空白", False) == "否"
    assert format_value("cases", "summary", "") == ""
