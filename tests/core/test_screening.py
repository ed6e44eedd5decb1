"""Dispute screening through desk.screening: rounds with items, every missing field named at
once, progress only forward, what a settled item prevented, and a found dispute registered
as a case (pre-filled, linked once, same committee)."""

from __future__ import annotations

from datetime import date

import pytest

from mediator_desk.errors import ValidationError

T = date(2026, 11, 30)


def _round(desk, **over):
    values = dict(org_id=desk.settings.get("committee_id"), held_on="2026-11-15", kind="routine",
                  area="全嘎查", screeners="乌力吉、其其格", today=T,
                  items=[dict(dispute_type="02", parties="张三、李四", contact="13900000001",
                              people_involved=4, summary="两家因院墙翻建发生争吵",
                              risk_level="orange", measures="入户劝解", responsible="乌力吉",
                              deadline="2026-11-30"),
                         dict(found_on="2026-11-14", dispute_type="01", parties=["王五", "赵六"],
                              summary="夫妻争吵，妻子扬言轻生", risk_level="red", people_involved=2)])
    values.update(over)
    return desk.screening.add_round(**values)


def test_round_with_items_is_written_audited_and_listed_by_period(desk):
    rid = _round(desk)
    rounds = desk.screening.rounds("2026-11")
    assert [(r["id"], r["items"], r["red"], r["kind_label"]) for r in rounds] == \
        [(rid, 2, 1, "定期排查")]
    assert desk.screening.rounds("2026-10") == []
    items = desk.screening.items(rid)
    assert [i["risk_level"] for i in items] == ["red", "orange"]          # red first
    assert items[1]["party_names"] == ["张三", "李四"]
    assert items[1]["found_on"] == "2026-11-15"                            # the round's date
    assert items[0]["status_label"] == "排查"
    assert [i["id"] for i in desk.screening.items(period="2026-11-14..2026-11-14")] == \
        [items[0]["id"]]
    logged = desk.query("SELECT table_name FROM change_log WHERE table_name LIKE 'screening%'")
    assert sorted(r["table_name"] for r in logged) == \
        ["screening_items", "screening_items", "screening_rounds"]
    assert desk.scalar("SELECT count(*) FROM audit_log WHERE table_name = 'screening_items'") == 2


def test_every_missing_field_is_named_at_once(desk):
    with pytest.raises(ValidationError) as exc:
        _round(desk, items=[dict(summary="", dispute_type="", risk_level="")])
    assert "纠纷类型" in exc.value.message and "风险等级" in exc.value.message \
        and "纠纷简要情况" in exc.value.message
    assert set(exc.value.fields) == {"dispute_type", "risk_level", "summary"}
    assert desk.scalar("SELECT count(*) FROM screening_rounds") == 0       # nothing half-written
    with pytest.raises(ValidationError, match="排查日期"):
        _round(desk, held_on="2026-12-31")                                 # in the future


def test_progress_only_forward_and_prevented_only_when_settled(desk):
    rid = _round(desk)
    item = desk.screening.items(rid)[1]["id"]
    desk.screening.move(item, "warned", today=T)
    desk.screening.move(item, "mediating", today=T)
    with pytest.raises(ValidationError, match="不能从“调处”退回“预警”"):
        desk.screening.move(item, "warned", today=T)
    with pytest.raises(ValidationError, match="处置后"):
        desk.screening.update_item(item, prevented="criminal", today=T)
    with pytest.raises(ValidationError, match="不能多于"):
        desk.screening.move(item, "settled", settled_on="2026-11-20", prevented="criminal",
                            prevented_people=9, today=T)
    with pytest.raises(ValidationError, match="处置日期"):
        desk.screening.move(item, "settled", settled_on="2026-11-01", today=T)
    desk.screening.move(item, "settled", settled_on="2026-11-20", prevented="criminal",
                        prevented_people=4, today=T)
    got = desk.screening.get_item(item)
    assert (got["status"], got["settled_on"], got["prevented_label"], got["prevented_people"]) \
        == ("settled", "2026-11-20", "防止民转刑", 4)
    # skipping steps forward is allowed
    other = desk.screening.items(rid)[0]["id"]
    desk.screening.move(other, "settled", settled_on="2026-11-16", prevented="suicide",
                        prevented_people=1, today=T)
    assert desk.screening.rounds("2026")[0]["settled"] == 2


def test_register_found_dispute_as_a_case(desk):
    rid = _round(desk)
    item = desk.screening.items(rid)[1]
    draft = desk.screening.case_draft(item["id"])
    assert draft["parties"] == [{"name": "张三", "role": "applicant"},
                                {"name": "李四", "role": "respondent"}]
    case_id = desk.screening.register_case(item["id"], received_date="2026-11-16", today=T)
    case = desk.cases.get(case_id)
    assert (case["dispute_type"], case["summary"], case["source"], case["people_involved"]) == \
        ("02", "两家因院墙翻建发生争吵", "initiative", 4)
    assert [p["name"] for p in case["parties"]] == ["张三", "李四"]
    linked = desk.screening.get_item(item["id"])
    assert linked["case_id"] == case_id and linked["case_no"] == case["case_no"]
    # the case's history says it came from the screening
    assert "screening_link" in [e["action"] for e in desk.audit.for_case(case_id)]
    with pytest.raises(ValidationError, match="已登记为案件"):
        desk.screening.register_case(item["id"], received_date="2026-11-16", today=T)
    with pytest.raises(ValidationError, match="已登记为案件"):
        desk.screening.remove_item(item["id"])


def test_case_of_another_committee_cannot_be_linked(desk, make_case):
    rid = _round(desk)
    item = desk.screening.items(rid)[0]["id"]
    township = desk.query_one("SELECT id FROM organisations WHERE kind = 'township'")["id"]
    with desk.transaction():
        desk.records.update("organisations", township, {"short_name": "巴彦"})
    other = make_case(org_id=township)
    with pytest.raises(ValidationError, match="本调委会的案件"):
        desk.screening.link_case(item, other)
    mine = make_case()
    desk.screening.link_case(item, mine)
    assert desk.screening.get_item(item)["case_id"] == mine
