"""The record rules (core/rules.py): every column of every travelling table has one, and the
lowest-level writer (RecordWriter) refuses what no stored record may hold — whoever calls it."""

from __future__ import annotations

import pytest

from mediator_desk.core import rules
from mediator_desk.errors import ReadOnlyRecord, ValidationError
from mediator_desk.storage.schema import TRAVELLING_TABLES

from mediation_helpers import accepted_case, signed_written


def test_every_column_of_every_travelling_table_has_a_rule(desk):
    for table in TRAVELLING_TABLES:
        columns = {r[1] for r in desk.db.conn.execute(f"PRAGMA table_info({table})")}
        assert columns == set(rules.rules_of(table)), table


def test_every_rule_names_its_field_in_words():
    for table in TRAVELLING_TABLES:
        for column in rules.rules_of(table):
            assert rules.field_label(column) != "某一字段", (table, column)


@pytest.mark.parametrize("column, value, words", [
    ("received_date", "昨天", "登记（收到）日期不是有效日期"),
    ("received_date", "2026-02-30", "不是有效日期"),
    ("received_date", "", "不能为空"),
    ("amount_fen", 1.5, "金额（元）应为整数"),
    ("amount_fen", -1, "超出允许的范围"),
    ("people_involved", "3", "涉及人数应为整数"),
    ("summary", "案" * 20_001, "过长（20001 字，最多 20000 字）"),
    ("dispute_type", "99", "代码“99”不在代码表中"),
    ("status", "lost", "不在允许的范围内"),
    ("org_id", "x" * 32, "应为记录编号"),
])
def test_a_bad_value_is_refused_with_the_field_in_words(column, value, words):
    row = {"id": "a" * 32, column: value}
    with pytest.raises(rules.RuleBroken) as err:
        rules.check_row("cases", row, codes={"dispute_type": {"01", "02"},
                                              "case_source": {"apply"}})
    assert words in err.value.message
    assert column not in err.value.message           # no raw column names


def test_bulk_check_finds_the_same_row_as_the_single_check():
    cols = ["id", "received_date", "summary"]
    rows = [[f"{i:032x}", "2026-01-01", "好"] for i in range(1000)]
    rules.check_rows("cases", cols, rows)
    rows[617][1] = "2026-13-01"
    with pytest.raises(rules.RuleBroken) as err:
        rules.check_rows("cases", cols, rows)
    assert err.value.record_id == f"{617:032x}"


def test_dates_in_order_and_json_lists():
    with pytest.raises(rules.RuleBroken, match="履行期限（2026-01-01）不能早于达成协议日期"):
        rules.check_row("agreements", {"agreed_on": "2026-02-01",
                                       "performance_deadline": "2026-01-01"})
    with pytest.raises(rules.RuleBroken, match="协议内容应为条款列表"):
        rules.check_row("agreements", {"terms": '{"not": "a list"}'})
    with pytest.raises(rules.RuleBroken, match="问答应为问答列表"):
        rules.check_row("investigations", {"qa": '[{"q": 1}]'})
    with pytest.raises(rules.RuleBroken, match="开始时间不是有效时间"):
        rules.check_row("investigations", {"start_time": "25:99"})


def test_case_status_moves_only_along_the_state_machine():
    assert "archived" in rules.reachable("registered")
    rules.check_change("cases", {"status": "registered"}, {"status": "archived"})
    with pytest.raises(rules.RuleBroken, match="案件状态不能从“协议生效（履行中）”变为“已登记”"):
        rules.check_change("cases", {"status": "effective"}, {"status": "registered"})


def test_the_writer_refuses_changing_a_signed_agreement_whoever_calls_it(desk, make_case):
    case_id = accepted_case(desk, make_case)
    aid = signed_written(desk, case_id)
    with desk.transaction():
        # Performance and the follow-up plan are still recorded on an agreement in force.
        desk.records.update("agreements", aid, {"performance_note": "已付一半"})
    for values in ({"amount_fen": 99_999}, {"terms": '["另一条款"]'}, {"signed_on": "2026-03-13"}):
        with pytest.raises(ReadOnlyRecord, match="已生效，其内容不能再修改"):
            with desk.transaction():
                desk.records.update("agreements", aid, values)
    with pytest.raises(ReadOnlyRecord, match="也不能删除"):
        with desk.transaction():
            desk.records.delete("agreements", aid)
    assert desk.agreements.get(aid)["amount_fen"] == 0


def test_the_writer_refuses_bad_values_and_nothing_is_written(desk, make_case):
    case_id = make_case()
    before = desk.scalar("SELECT count(*) FROM audit_log")
    with pytest.raises(ValidationError, match="登记（收到）日期不是有效日期"):
        with desk.transaction():
            desk.records.update("cases", case_id, {"received_date": "昨天"})
    with pytest.raises(ValidationError, match="应为整数"):
        with desk.transaction():
            desk.records.insert("parties", {"case_id": case_id, "seq": "x", "role": "applicant",
                                            "name": "王五"})
    assert desk.scalar("SELECT count(*) FROM audit_log") == before
    assert desk.cases.get_row(case_id)["received_date"] == "2026-11-20"


def test_nothing_of_an_archived_case_is_written_at_the_lowest_level(desk, make_case):
    case_id = make_case()
    conn = desk.db.conn
    conn.execute("UPDATE cases SET status = 'archived' WHERE id = ?", (case_id,))
    party = desk.parties.for_case(case_id)[0]["id"]
    with pytest.raises(ReadOnlyRecord, match="已归档"):
        with desk.transaction():
            desk.records.update("parties", party, {"address": "新地址"})
    with pytest.raises(ReadOnlyRecord, match="已归档"):
        with desk.transaction():
            desk.records.update("cases", case_id, {"summary": "改"})


def test_numbers_too_large_for_the_database_are_one_chinese_line(desk, make_case):
    """≥ 2^63 used to escape as an OverflowError from SQLite."""
    with pytest.raises(ValidationError, match="涉及人数超出允许的范围"):
        make_case(people_involved=2 ** 63)
    case_id = make_case()
    with pytest.raises(ValidationError, match="涉及人数超出允许的范围"):
        desk.cases.update(case_id, people_involved=10 ** 30)
    assert desk.scalar("SELECT count(*) FROM cases") == 1
