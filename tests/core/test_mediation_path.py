"""The mediation path in the core: one case walked from acceptance to the archive, a failed
mediation, an oral agreement, a refusal, supplements and voiding — asserting what is stored."""

import json

import pytest

from mediation_helpers import PDF, PNG, T, accepted_case, signed_written, status, write_file
from mediator_desk.core import rules
from mediator_desk.core.agreements import void_refusal
from mediator_desk.core.audit import ACTION_LABELS, TABLE_LABELS
from mediator_desk.core.rules import RuleBroken
from mediator_desk.errors import IllegalStep, ReadOnlyRecord, ValidationError


def count(desk, table):
    return desk.scalar(f"SELECT count(*) FROM {table}")


def stored(desk, table, record_id):
    return desk.query_one(f"SELECT * FROM {table} WHERE id = ?", (record_id,))


def test_walk_from_acceptance_to_archive(desk, make_case, tmp_path):
    case_id = make_case(received_date="2026-03-02")
    assert status(desk, case_id) == "registered"

    # 1. acceptance with consent
    acc = desk.acceptance.accept(case_id, decided_on="2026-03-02",
                                 consent_form="written_application", consent_note="双方同意调解",
                                 rights_notice_given=True, today=T)
    row = stored(desk, "acceptances", acc)
    assert (row["decision"], row["decided_on"], row["consent_form"], row["rights_notice_given"]) \
        == ("accepted", "2026-03-02", "written_application", 1)
    assert status(desk, case_id) == "accepted"

    # 2. investigation: question/answer pairs in order
    inv = desk.sessions.add_investigation(
        case_id, held_on="2026-03-03", start_time="9:30", subject="李四", place="李四家中",
        participants="王五", investigators=["乌力吉"], recorder="其其格",
        qa=[("院墙是哪一年建的？", "2010年。"), {"q": "当时有无约定边界？", "a": "口头约定。"}], today=T)
    row = stored(desk, "investigations", inv)
    assert json.loads(row["qa"]) == [{"q": "院墙是哪一年建的？", "a": "2010年。"},
                                     {"q": "当时有无约定边界？", "a": "口头约定。"}]
    assert (row["start_time"], row["subject"], row["seq"]) == ("09:30", "李四", 1)
    assert status(desk, case_id) == "mediating"

    # 3. two mediation sessions, listed in date order
    second = desk.sessions.add_mediation(
        case_id, held_on="2026-03-10", mediators=["乌力吉", "其其格"], parties_present="张三、李四",
        participants=["村民小组长 王五"], recorder="其其格", rights_notice_given=True,
        statements="双方陈述", findings="院墙越界0.3米", result="agreed", result_note="达成协议",
        today=T)
    first = desk.sessions.add_mediation(
        case_id, held_on="2026-03-05", mediators="乌力吉", parties_present=["张三", "李四"],
        matter="院墙边界纠纷", result="continue", today=T)
    listed = desk.sessions.mediations(case_id)
    assert [m["id"] for m in listed] == [first, second]
    assert [m["no"] for m in listed] == [1, 2]
    assert listed[1]["mediators"] == ["乌力吉", "其其格"]
    assert listed[1]["participants"] == ["村民小组长 王五"]

    # 4. written agreement: numbered terms, amount in fen, copies = parties + 1, own number
    aid = desk.agreements.create(
        case_id, agreed_on="2026-03-10", facts="院墙越界0.3米",
        terms="1. 李四于2026年4月10日前拆除越界部分\n2. 张三补偿李四3000元", amount_fen="3000",
        performance_method="现金当面交付", performance_deadline="2026-04-10", today=T)
    a = desk.agreements.get(aid, today=T)
    assert a["terms"] == ["李四于2026年4月10日前拆除越界部分", "张三补偿李四3000元"]
    assert (a["amount_fen"], a["copies"], a["agreement_no"]) == (300000, 3, "（2026）红旗调协字第1号")
    assert (a["state"], a["effective_on"], a["confirmation_window"]) == ("awaiting_signature", "", None)
    assert status(desk, case_id) == "agreed"
    # printing is not signing: follow-up and confirmation wait for the signature
    with pytest.raises(IllegalStep):
        desk.followups.add(aid, visited_on="2026-03-11", party="张三", visitor="乌力吉", today=T)

    # 5. signed with a scan: effective date = signing date (Art. 29)
    scan = write_file(tmp_path, "协议扫描.pdf", PDF)
    att = desk.agreements.sign(aid, "2026-03-12", scan=scan, today=T)
    a = desk.agreements.get(aid, today=T)
    assert (a["signed_on"], a["effective_on"], a["state"]) == ("2026-03-12", "2026-03-12", "in_force")
    assert a["confirmation_window"]["end"] == "2026-04-11"
    assert status(desk, case_id) == "effective"
    att_row = desk.attachments.get(att)
    assert (att_row["item"], att_row["record_id"], att_row["mime_type"]) == \
        ("signed_agreement", aid, "application/pdf")
    assert desk.attachments.path_of(att).read_bytes() == PDF
    with pytest.raises(ReadOnlyRecord, match="补充协议"):
        desk.agreements.update(aid, facts="改一下")

    # 6. judicial confirmation inside the window, then the court's result
    kid = desk.confirmations.apply(aid, applied_on="2026-04-01", court="阿鲁科尔沁旗人民法院",
                                   today=T)
    desk.confirmations.record_result(kid, result="confirmed", result_on="2026-04-08",
                                     court_case_no="（2026）蒙0421民特12号", today=T)
    k = desk.confirmations.get(kid)
    assert (k["result"], k["court_case_no"], k["applied_on"]) == \
        ("confirmed", "（2026）蒙0421民特12号", "2026-04-01")

    # 7. follow-up visit after the deadline finds the agreement performed
    plan = desk.followups.plan(aid, today=T)
    assert plan["due"] == "2026-04-25" and not plan["done"]
    fid = desk.followups.add(aid, visited_on="2026-04-25", party="张三", reason="了解履行情况",
                             performance="performed", satisfaction="satisfied",
                             action_taken="无", visitor="乌力吉", today=T)
    f = desk.followups.get(fid)
    assert (f["agreement_no"], f["performance"], f["satisfaction_label"]) == \
        ("（2026）红旗调协字第1号", "performed", "满意")
    assert desk.agreements.get(aid)["performance_status"] == "performed"
    assert status(desk, case_id) == "performed"

    # 8. the case file: identity proof is still missing, so archiving is refused
    assert desk.dossier.missing(case_id) == ["当事人身份证明"]
    with pytest.raises(IllegalStep, match="当事人身份证明"):
        desk.dossier.archive(case_id, archived_on="2026-05-01", retention="30年", today=T)
    assert status(desk, case_id) == "performed"
    desk.attachments.add(case_id, write_file(tmp_path, "身份证.png", PNG), item="identity")
    contents = {i.key: i for i in desk.dossier.contents(case_id)}
    assert len(contents) == 13 and not any(i.missing for i in contents.values())
    assert contents["investigation"].records == 1
    assert contents["mediation_record"].records == 2
    assert contents["agreement"].attachments == 1
    assert contents["power_of_attorney"].need == "as_needed"

    # 9. archive: who, when, retention; then read-only
    desk.dossier.archive(case_id, archived_on="2026-05-01", retention="30年",
                         archived_by="乌力吉", today=T)
    arch = desk.dossier.get_archive(case_id)
    assert (arch["archived_on"], arch["archived_by"], arch["retention"]) == \
        ("2026-05-01", "乌力吉", "30年")
    assert status(desk, case_id) == "archived"
    with pytest.raises(ReadOnlyRecord, match="已归档"):
        desk.sessions.update_mediation(first, place="村委会")

    # history: every step audited with a Chinese label
    history = desk.audit.for_case(case_id)
    actions = [h["action"] for h in history]
    for action in ("accept", "investigate", "mediate", "agree_written", "sign", "attach",
                   "confirm_apply", "confirm_result", "follow_up", "performance", "archive"):
        assert action in actions
    assert all(a in ACTION_LABELS for a in actions)
    assert all(h["table_name"] in TABLE_LABELS for h in history)
    statuses = [h["details"]["status"][1] for h in history if h["action"] == "status"]
    assert statuses == ["accepted", "mediating", "agreed", "effective", "performed", "archived"]

    view = desk.dossier.view(case_id, today=T)
    assert view.outcome.kind == "written"
    assert (view.agreements[0].confirmation or {})["result"] == "confirmed"
    assert view.agreements[0].followups[0]["id"] == fid
    assert view.missing_files == []


def test_failed_mediation_with_routes_explained(desk, make_case, tmp_path):
    case_id = accepted_case(desk, make_case)
    with pytest.raises(ValidationError) as exc:
        desk.sessions.add_mediation(case_id, held_on="2026-03-05", mediators="乌力吉",
                                    parties_present="张三、李四", result="failed",
                                    result_note="双方分歧过大", today=T)
    assert exc.value.field == "routes_explained"
    desk.sessions.add_mediation(case_id, held_on="2026-03-05", mediators="乌力吉",
                                parties_present="张三、李四", result="failed",
                                result_note="双方分歧过大", routes_explained="可向人民法院起诉",
                                today=T)
    with pytest.raises(ValidationError) as exc:
        desk.outcomes.end(case_id, ended_on="2026-03-06", reason="分歧过大", routes_explained="",
                          today=T)
    assert exc.value.field == "routes_explained"
    with pytest.raises(ValidationError, match="不能早于"):
        desk.outcomes.end(case_id, ended_on="2026-03-04", reason="分歧过大",
                          routes_explained="可向人民法院起诉", today=T)
    desk.outcomes.end(case_id, ended_on="2026-03-06", reason="双方分歧过大，无法达成协议",
                      routes_explained="已告知可向阿鲁科尔沁旗人民法院起诉，或申请仲裁", today=T)
    assert status(desk, case_id) == "ended"
    outcome = desk.outcomes.get(case_id)
    assert outcome.kind == "ended" and "人民法院起诉" in outcome.routes_explained
    # no agreement after ending
    with pytest.raises(IllegalStep):
        desk.agreements.create(case_id, agreed_on="2026-03-07", terms=["x"], today=T)
    contents = {i.key: i for i in desk.dossier.contents(case_id)}
    assert contents["agreement"].need == "not_applicable"
    assert contents["followup"].need == "not_applicable"
    assert desk.dossier.missing(case_id) == ["当事人身份证明"]
    desk.attachments.add(case_id, write_file(tmp_path, "id.jpg", b"\xff\xd8\xff\xe0" + b"0" * 50),
                         item="identity")
    desk.dossier.archive(case_id, archived_on="2026-03-20", retention="10年", today=T)
    assert status(desk, case_id) == "archived"


def test_oral_agreement_takes_effect_the_day_agreed(desk, make_case):
    case_id = accepted_case(desk, make_case)
    aid = desk.agreements.create(case_id, form="oral", agreed_on="2026-03-04", place="村委会",
                                 terms=["李四当场赔偿张三200元"], amount_fen=20000, today=T)
    a = desk.agreements.get(aid, today=T)
    assert (a["form"], a["effective_on"], a["signed_on"], a["copies"]) == ("oral", "2026-03-04", "", 0)
    assert a["confirmation_window"] is None      # judicial confirmation is for written ones
    assert status(desk, case_id) == "effective"
    with pytest.raises(IllegalStep, match="口头协议无需签字"):
        desk.agreements.sign(aid, "2026-03-05", today=T)
    with pytest.raises(ReadOnlyRecord):
        desk.agreements.update(aid, place="田间")
    with pytest.raises(IllegalStep, match="书面"):
        desk.confirmations.apply(aid, applied_on="2026-03-05", court="法院", today=T)
    desk.agreements.record_performance(aid, status="performed", checked_on="2026-03-04", today=T)
    assert status(desk, case_id) == "performed"
    assert desk.outcomes.get(case_id).kind == "oral"
    history = [h["action"] for h in desk.audit.for_case(case_id)]
    assert "agree_oral" in history and "performance" in history


def test_refusal_stays_on_record(desk, make_case):
    case_id = make_case(received_date="2026-03-02")
    with pytest.raises(ValidationError) as exc:
        desk.acceptance.refuse(case_id, decided_on="2026-03-03", reason="other_body", today=T)
    assert exc.value.field == "note"
    desk.acceptance.refuse(case_id, decided_on="2026-03-03", reason="other_body",
                           note="已由天山派出所立案处理", today=T)
    assert status(desk, case_id) == "refused"
    assert desk.cases.get(case_id)["case_no"]          # still on record
    with pytest.raises(IllegalStep, match="已作出受理决定"):
        desk.acceptance.accept(case_id, decided_on="2026-03-03",
                               consent_form="oral_application", today=T)
    with pytest.raises(IllegalStep, match="请先受理"):
        desk.sessions.add_mediation(case_id, held_on="2026-03-04", mediators="乌力吉",
                                    parties_present="张三", today=T)
    outcome = desk.outcomes.get(case_id)
    assert outcome.kind == "refused" and "天山派出所" in outcome.reason
    contents = {i.key: i for i in desk.dossier.contents(case_id)}
    assert contents["mediation_record"].need == "not_applicable"
    assert desk.dossier.missing(case_id) == []
    desk.dossier.archive(case_id, archived_on="2026-03-05", retention="10年", today=T)
    assert status(desk, case_id) == "archived"


def test_party_refuses_art_17(desk, make_case):
    case_id = make_case(received_date="2026-03-02")
    desk.acceptance.refuse(case_id, decided_on="2026-03-02", reason="party_refuses", today=T)
    assert "第十七条" in desk.acceptance.get(case_id)["refusal_reason_label"]


def test_withdrawn(desk, make_case):
    case_id = accepted_case(desk, make_case)
    desk.outcomes.withdraw(case_id, withdrawn_on="2026-03-03", reason="双方已自行和解", today=T)
    assert status(desk, case_id) == "withdrawn"
    assert desk.outcomes.get(case_id).kind == "withdrawn"
    with pytest.raises(IllegalStep):
        desk.outcomes.end(case_id, ended_on="2026-03-04", reason="x", routes_explained="y",
                          today=T)


def test_supplement_and_void_keep_numbers(desk, make_case):
    case_id = accepted_case(desk, make_case)
    aid = signed_written(desk, case_id)
    sup = desk.agreements.supplement(aid, agreed_on="2026-03-20", terms=["拆除期限延至4月20日"],
                                     performance_deadline="2026-04-20", today=T)
    s = desk.agreements.get(sup)
    assert (s["supplements_id"], s["agreement_no"], s["is_supplement"], s["state"]) == \
        (aid, "（2026）红旗调协字第2号", True, "awaiting_signature")
    desk.agreements.sign(sup, "2026-03-21", today=T)
    assert status(desk, case_id) == "effective"      # a supplement changes no status
    actions = [h["action"] for h in desk.audit.for_case(case_id)]
    assert "supplement" in actions


def test_an_agreement_in_force_is_never_voided(desk, make_case):
    """Arts. 31–33: an agreement in force binds. A party going back on it ("乙方反悔") leads
    to recording non-performance and to the court routes or a supplementary agreement."""
    case_id = accepted_case(desk, make_case)
    aid = signed_written(desk, case_id)
    before = (count(desk, "audit_log"), count(desk, "change_log"))
    with pytest.raises(IllegalStep) as exc:
        desk.agreements.void(aid, reason="乙方反悔", voided_on="2026-03-25", today=T)
    msg = exc.value.message
    for words in ("已于2026-03-12生效", "不能作废", "第三十一条", "未履行", "部分履行",
                  "司法确认", "强制执行", "提起诉讼", "再次调解", "补充协议"):
        assert words in msg, words
    assert msg == void_refusal(desk.agreements.get(aid))
    assert (count(desk, "audit_log"), count(desk, "change_log")) == before
    a = desk.agreements.get(aid)
    assert (a["state"], a["voided_on"]) == ("in_force", "")
    assert status(desk, case_id) == "effective"
    # what the app does instead: non-performance is recorded, a new mediation ends in a
    # supplementary agreement citing the first
    desk.agreements.record_performance(aid, status="not_performed", checked_on="2026-04-12",
                                       note="李四未拆除院墙", today=T)
    sup = desk.agreements.supplement(aid, agreed_on="2026-04-15", terms=["李四于5月1日前拆除"],
                                     today=T)
    assert desk.agreements.get(sup)["supplements_id"] == aid
    # an oral agreement is in force from the day agreed: never voided either
    oral_case = accepted_case(desk, make_case)
    oral = desk.agreements.create(oral_case, form="oral", agreed_on="2026-03-10", terms=["a"],
                                  today=T)
    with pytest.raises(IllegalStep, match="不能作废"):
        desk.agreements.void(oral, reason="反悔", voided_on="2026-03-11", today=T)
    # nor can a write below the manager void it (GUI, CLI and sync import all end there)
    with pytest.raises(ReadOnlyRecord, match="已生效"):
        with desk.transaction():
            desk.records.update("agreements", aid, {"voided_on": "2026-03-25",
                                                    "void_reason": "乙方反悔"}, case_id=case_id)


def test_voided_agreement_keeps_its_number(desk, make_case):
    case_id = accepted_case(desk, make_case)
    aid = desk.agreements.create(case_id, agreed_on="2026-03-10", terms=["a"], today=T)
    with pytest.raises(ValidationError, match="作废理由"):
        desk.agreements.void(aid, reason="", voided_on="2026-03-12", today=T)
    desk.agreements.void(aid, reason="一方拒绝签字，协议内容需重新协商", voided_on="2026-03-12",
                         today=T)
    a = desk.agreements.get(aid)
    assert (a["state"], a["void_reason"]) == ("void", "一方拒绝签字，协议内容需重新协商")
    assert status(desk, case_id) == "mediating"
    with pytest.raises(ReadOnlyRecord, match="已作废"):
        desk.agreements.update(aid, facts="x")
    # a new agreement gets a new number: voided numbers are never reused
    new = desk.agreements.create(case_id, agreed_on="2026-03-28", terms=["重新约定"], today=T)
    assert desk.agreements.get(new)["agreement_no"] == "（2026）红旗调协字第2号"
    assert "void" in [h["action"] for h in desk.audit.for_case(case_id)]


def test_performance_deadline_cannot_precede_signing(desk, make_case):
    case_id = accepted_case(desk, make_case)
    with pytest.raises(ValidationError) as exc:
        desk.agreements.create(case_id, agreed_on="2026-03-10", terms=["a"],
                               performance_deadline="2026-03-09", today=T)
    assert exc.value.field == "performance_deadline" and "达成协议日期" in exc.value.message
    aid = desk.agreements.create(case_id, agreed_on="2026-03-10", terms=["a"],
                                 performance_deadline="2026-03-11", today=T)
    with pytest.raises(ValidationError) as exc:
        desk.agreements.sign(aid, "2026-03-12", today=T)
    assert exc.value.field == "signed_on" and "履行期限" in exc.value.message
    assert desk.agreements.get(aid)["signed_on"] == ""
    desk.agreements.update(aid, performance_deadline="2026-03-20")
    desk.agreements.sign(aid, "2026-03-12", today=T)
    # the record rule holds whoever writes the row (sync import included)
    with pytest.raises(RuleBroken, match="履行期限"):
        rules.check_row("agreements", dict(desk.query_one(
            "SELECT * FROM agreements WHERE id = ?", (aid,)), performance_deadline="2026-03-11"))


def test_unsigned_agreement_can_be_corrected_and_voided(desk, make_case):
    case_id = accepted_case(desk, make_case)
    aid = desk.agreements.create(case_id, agreed_on="2026-03-10", terms=["a"], copies=5, today=T)
    changed = desk.agreements.update(aid, terms=["a", "b"], amount_fen="12.5")
    assert set(changed) == {"terms", "amount_fen"}
    assert desk.agreements.get(aid)["amount_fen"] == 1250
    assert desk.agreements.get(aid)["copies"] == 5
    with pytest.raises(IllegalStep, match="作废"):
        desk.outcomes.end(case_id, ended_on="2026-03-11", reason="拒签", routes_explained="起诉",
                          today=T)
    desk.agreements.void(aid, reason="一方拒绝签字", voided_on="2026-03-11", today=T)
    desk.outcomes.end(case_id, ended_on="2026-03-11", reason="一方拒绝签字",
                      routes_explained="可向法院起诉", today=T)
    assert status(desk, case_id) == "ended"


def test_agreement_number_pattern_is_a_committee_setting(desk, make_case):
    org = desk.settings.get("committee_id")
    with pytest.raises(ValidationError, match="{n}"):
        desk.agreements.set_number_pattern("（{year}）红旗调协字第号", org_id=org)
    desk.agreements.set_number_pattern("{short}调协〔{year}〕{n}号", org_id=org)
    case_id = accepted_case(desk, make_case)
    aid = desk.agreements.create(case_id, agreed_on="2026-03-10", terms=["a"], today=T)
    assert desk.agreements.get(aid)["agreement_no"] == "红旗调协〔2026〕1号"


def test_risk_flag_and_police_report(desk, make_case):
    case_id = accepted_case(desk, make_case)
    rid = desk.outcomes.flag_risk(case_id, kind="group_fight", flagged_on="2026-03-03",
                                  note="两个家族扬言械斗", people=30, today=T)
    case = desk.cases.get_row(case_id)
    assert case["risk_flag"] == 1 and "械斗" in case["risk_note"]
    with pytest.raises(ValidationError, match="已标记"):
        desk.outcomes.flag_risk(case_id, kind="group_fight", flagged_on="2026-03-03",
                                note="again", today=T)
    with pytest.raises(ValidationError) as exc:
        desk.outcomes.report_to_police(rid, reported_on="2026-03-04", recipient="", today=T)
    assert exc.value.field == "recipient"
    desk.outcomes.report_to_police(rid, reported_on="2026-03-04", recipient="天山派出所 张警官",
                                   today=T)
    r = desk.outcomes.risks(case_id)[0]
    assert (r["reported_on"], r["report_recipient"], r["kind_label"]) == \
        ("2026-03-04", "天山派出所 张警官", "可能引发群体性械斗")
    with pytest.raises(IllegalStep):
        desk.outcomes.remove_risk(rid)
    assert "report_police" in [h["action"] for h in desk.audit.for_case(case_id)]
