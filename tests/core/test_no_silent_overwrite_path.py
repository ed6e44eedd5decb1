"""No silent overwrite for every record the screens edit, not just the case: investigation and
mediation records, agreements not yet in force, follow-up visits, risk flags, the court's
confirmation result, the acceptance and the mediators. A save carries the record as the dialog
loaded it; a field changed meanwhile by another connection is kept, the same field changed on
both sides is refused (StaleEdit, naming the field) and nothing of the refused save is written."""

from __future__ import annotations

import pytest

from mediation_helpers import T, accepted_case, signed_written
from mediator_desk.core.desk import Desk
from mediator_desk.core.records import StaleEdit


@pytest.fixture
def other(db_path, desk):
    """A second connection to the same database (another window or process)."""
    second = Desk.open(db_path)
    yield second
    second.close()


def audit_count(desk) -> int:
    return desk.scalar("SELECT count(*) FROM audit_log")


def stored(desk, table, record_id) -> dict:
    return desk.query_one(f"SELECT * FROM {table} WHERE id = ?", (record_id,))


def check_merge_and_refusal(desk, table, record_id, loaded, *, save, theirs: dict,
                            mine_kept: dict, mine_clash: dict, field: str, shown: str):
    """``theirs`` is written by the other connection; ``save(based_on, **values)`` is our save.
    Our change of another field is merged; our change of the same field is refused."""
    save(loaded, **mine_kept)
    row = stored(desk, table, record_id)
    for key, value in theirs.items():
        assert row[key] == value, key                     # the change made meanwhile is kept
    before, rev = audit_count(desk), row["rev"]
    with pytest.raises(StaleEdit) as err:
        save(loaded, **mine_clash)
    assert err.value.field == field
    assert shown in err.value.message
    after = stored(desk, table, record_id)
    assert after["rev"] == rev and audit_count(desk) == before   # nothing written
    for key, value in theirs.items():
        assert after[key] == value
    return row


def test_investigation_record(desk, other, make_case):
    case_id = accepted_case(desk, make_case)
    rid = desk.sessions.add_investigation(case_id, held_on="2026-03-03", subject="李四",
                                          qa=[("院墙哪年建的？", "2010年。")],
                                          investigators=["乌力吉"], today=T)
    loaded = desk.sessions.investigations(case_id)[0]     # decoded, as the dialog gets it
    other.sessions.update_investigation(rid, place="李四家中", today=T)

    def save(base, **v):
        desk.sessions.update_investigation(rid, today=T, based_on=base, **v)

    row = check_merge_and_refusal(
        desk, "investigations", rid, loaded, save=save, theirs={"place": "李四家中"},
        mine_kept=dict(place=loaded["place"], subject="李四", note="甲补的备注",
                       qa=loaded["qa"], investigators=loaded["investigators"]),
        mine_clash=dict(place="村委会"), field="place", shown="李四家中")
    assert row["note"] == "甲补的备注"


def test_mediation_record(desk, other, make_case):
    case_id = accepted_case(desk, make_case)
    rid = desk.sessions.add_mediation(case_id, held_on="2026-03-05", mediators=["乌力吉"],
                                      parties_present=["张三", "李四"], today=T)
    loaded = desk.sessions.mediations(case_id)[0]
    other.sessions.update_mediation(rid, findings="乙查明的事实", today=T)

    def save(base, **v):
        desk.sessions.update_mediation(rid, today=T, based_on=base, **v)

    row = check_merge_and_refusal(
        desk, "mediation_sessions", rid, loaded, save=save, theirs={"findings": "乙查明的事实"},
        mine_kept=dict(mediators=loaded["mediators"], parties_present=loaded["parties_present"],
                       findings="", statements="甲记的陈述"),
        mine_clash=dict(findings="甲查明的事实"), field="findings", shown="乙查明的事实")
    assert row["statements"] == "甲记的陈述"


def test_agreement_not_yet_in_force(desk, other, make_case):
    case_id = accepted_case(desk, make_case)
    aid = desk.agreements.create(case_id, agreed_on="2026-03-10", terms=["李四拆除院墙"],
                                 performance_method="自行拆除", today=T)
    loaded = desk.agreements.get(aid, today=T)
    other.agreements.update(aid, terms=["李四于4月10日前拆除院墙"], today=T)

    def save(base, **v):
        desk.agreements.update(aid, today=T, based_on=base, **v)

    row = check_merge_and_refusal(
        desk, "agreements", aid, loaded, save=save,
        theirs={"terms": '["李四于4月10日前拆除院墙"]'},
        mine_kept=dict(terms=loaded["terms"], place="村委会"),
        mine_clash=dict(terms=["张三补偿李四3000元"]), field="terms", shown="李四于4月10日前")
    assert row["place"] == "村委会"


def test_followup_visit(desk, other, make_case):
    case_id = accepted_case(desk, make_case)
    aid = signed_written(desk, case_id)
    fid = desk.followups.add(aid, visited_on="2026-03-20", party="张三", visitor="乌力吉",
                             today=T)
    loaded = desk.followups.for_case(case_id)[0]
    other.followups.update(fid, note="乙补的备注", today=T)

    def save(base, **v):
        desk.followups.update(fid, today=T, based_on=base, **v)

    row = check_merge_and_refusal(
        desk, "followups", fid, loaded, save=save, theirs={"note": "乙补的备注"},
        mine_kept=dict(party="张三", visitor="乌力吉", note="", reason="了解履行情况"),
        mine_clash=dict(note="甲补的备注"), field="note", shown="乙补的备注")
    assert row["reason"] == "了解履行情况"


def test_risk_flag_and_police_report(desk, other, make_case):
    case_id = accepted_case(desk, make_case)
    rid = desk.outcomes.flag_risk(case_id, kind="group_fight", flagged_on="2026-03-03",
                                  note="两个家族扬言械斗", people=30, today=T)
    loaded = desk.outcomes.risks(case_id)[0]
    other.outcomes.update_risk(rid, people=50)

    def save(base, **v):
        desk.outcomes.update_risk(rid, based_on=base, **v)

    row = check_merge_and_refusal(
        desk, "risk_flags", rid, loaded, save=save, theirs={"people": 50},
        mine_kept=dict(prevented=True), mine_clash=dict(people=40), field="people", shown="50")
    assert row["prevented"] == 1
    # the report to the police, based on the risk as shown before another window reported it
    shown = desk.outcomes.risks(case_id)[0]
    other.outcomes.report_to_police(rid, reported_on="2026-03-04", recipient="天山派出所 张警官",
                                    today=T)
    with pytest.raises(StaleEdit) as err:
        desk.outcomes.report_to_police(rid, reported_on="2026-03-05", recipient="红旗派出所",
                                       today=T, based_on=shown)
    assert err.value.field in ("reported_on", "report_recipient")
    assert stored(desk, "risk_flags", rid)["report_recipient"] == "天山派出所 张警官"


def test_confirmation_result(desk, other, make_case):
    case_id = accepted_case(desk, make_case)
    aid = signed_written(desk, case_id)
    kid = desk.confirmations.apply(aid, applied_on="2026-03-15", court="天山镇人民法庭",
                                   today=T)
    loaded = desk.confirmations.get(kid)
    other.confirmations.record_result(kid, result="confirmed", result_on="2026-03-25",
                                      court_case_no="（2026）内0421民特1号", today=T)
    before = audit_count(desk)
    with pytest.raises(StaleEdit) as err:
        desk.confirmations.record_result(kid, result="not_confirmed", result_on="2026-03-26",
                                         today=T, based_on=loaded)
    assert err.value.field == "result"
    row = stored(desk, "confirmations", kid)
    assert (row["result"], row["court_case_no"]) == ("confirmed", "（2026）内0421民特1号")
    assert audit_count(desk) == before


def test_acceptance_rights_notice(desk, other, make_case):
    case_id = make_case(received_date="2026-03-02")
    desk.acceptance.accept(case_id, decided_on="2026-03-02", consent_form="written_application",
                           today=T)
    loaded = desk.acceptance.get(case_id)
    other.acceptance.set_rights_notice(case_id, True)
    # the same value on both sides is no conflict
    desk.acceptance.set_rights_notice(case_id, True, based_on=loaded)
    assert desk.acceptance.get(case_id)["rights_notice_given"] == 1
    # a save that leaves the field as loaded does not undo the change made meanwhile
    desk.acceptance.set_rights_notice(case_id, False, based_on=loaded)
    assert desk.acceptance.get(case_id)["rights_notice_given"] == 1


def test_mediator(desk, other):
    mid = desk.mediators.add(name="其其格", phone="13904760000")
    loaded = desk.mediators.get(mid)
    other.mediators.update(mid, title="金牌调解员")

    def save(base, **v):
        desk.mediators.update(mid, based_on=base, **v)

    row = check_merge_and_refusal(
        desk, "mediators", mid, loaded, save=save, theirs={"title": "金牌调解员"},
        mine_kept=dict(name="其其格", title=loaded["title"] or "", profession="退休教师"),
        mine_clash=dict(title="一级调解员"), field="title", shown="金牌调解员")
    assert row["profession"] == "退休教师"


def test_without_based_on_the_managers_behave_as_before(desk, make_case):
    case_id = accepted_case(desk, make_case)
    rid = desk.sessions.add_mediation(case_id, held_on="2026-03-05", mediators=["乌力吉"],
                                      parties_present=["张三"], today=T)
    desk.sessions.update_mediation(rid, findings="一", today=T)
    desk.sessions.update_mediation(rid, findings="二", today=T)
    assert stored(desk, "mediation_sessions", rid)["findings"] == "二"
