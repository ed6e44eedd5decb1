"""Fixtures for the documents tests: a case walked through the whole mediation path, with
rare name characters (䶮 堃 𫖮), an amount and attachments (a real PDF and a real PNG); a
case against an organisation; a case settled orally."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from doc_helpers import (CREDIT_CODE, ORG_NAME, TERMS, VALID_ID, VALID_ID_2, T,  # noqa: E402
                         small_pdf, small_png)


@pytest.fixture
def full_case(desk, make_case, tmp_path):
    """A written-agreement case from registration to archive; returns its id."""
    case_id = make_case(
        received_date="2026-03-02", summary="两家因院墙位置发生争执，王䶮认为赵堃翻建院墙时占用其宅基地",
        claims="1. 请求确认院墙边界\n2. 请求赵堃赔偿损失", amount_fen="12000", place="红旗嘎查三组",
        parties=[
            dict(name="王䶮", role="applicant", id_number=VALID_ID, ethnicity="02",
                 phone="13912345678", address="阿鲁科尔沁旗巴彦塔拉苏木红旗嘎查三组",
                 occupation="牧民"),
            dict(name="赵堃", role="respondent", id_number=VALID_ID_2, ethnicity="01",
                 phone="0476-8123456", address="阿鲁科尔沁旗巴彦塔拉苏木红旗嘎查五组",
                 occupation="农民"),
            dict(name="孙𫖮", role="third_party", sex="男", age=35, ethnicity="02",
                 address="红旗嘎查四组"),
        ])
    desk.acceptance.accept(case_id, decided_on="2026-03-02", consent_form="written_application",
                           consent_note="双方同意调解", rights_notice_given=True, today=T)
    desk.sessions.add_investigation(
        case_id, held_on="2026-03-03", start_time="9:30", end_time="10:40", subject="赵堃",
        place="赵堃家中", participants="村民小组长", investigators=["乌力吉"], recorder="其其格",
        qa=[("院墙是哪一年翻建的？", "2025年秋天。"), ("翻建前是否与王䶮商量？", "没有商量。")], today=T)
    desk.sessions.add_mediation(
        case_id, held_on="2026-03-05", mediators="乌力吉", parties_present=["王䶮", "赵堃"],
        matter="院墙边界纠纷", statements="双方各自陈述院墙位置", result="continue", today=T)
    desk.sessions.add_mediation(
        case_id, held_on="2026-03-10", start_time="14:00", end_time="16:30", place="红旗嘎查村委会",
        matter="院墙边界纠纷", mediators=["乌力吉", "其其格"], parties_present="王䶮、赵堃、孙𫖮",
        participants=["村民小组长 巴特尔"], recorder="其其格", rights_notice_given=True,
        statements="王䶮称院墙越界约0.5米；赵堃称系按原址翻建。", findings="经实地测量，院墙越界0.5米。",
        risk_warning="双方曾发生推搡，已提醒双方克制。", result="agreed", result_note="双方自愿达成协议。",
        today=T)
    aid = desk.agreements.create(
        case_id, agreed_on="2026-03-10", facts="赵堃翻建院墙时向王䶮一侧越界约0.5米，双方发生争执。",
        terms=TERMS, amount_fen="12000", performance_method="赵堃自行恢复院墙，赔偿款以现金当面交付",
        performance_deadline="2026-04-10", place="红旗嘎查村委会", mediators=["乌力吉", "其其格"],
        recorder="其其格", today=T)
    scan = tmp_path / "签字协议.pdf"
    scan.write_bytes(small_pdf("signed agreement"))
    desk.agreements.sign(aid, "2026-03-12", scan=scan, today=T)
    desk.confirmations.apply(aid, applied_on="2026-04-01", court="阿鲁科尔沁旗人民法院", today=T)
    desk.followups.add(aid, visited_on="2026-04-25", party="王䶮", reason="了解履行情况",
                       performance="performed", satisfaction="satisfied", action_taken="无",
                       visitor="乌力吉", today=T)
    ident = tmp_path / "身份证.png"
    ident.write_bytes(small_png())
    desk.attachments.add(case_id, ident, item="identity")
    # the court's result must be recorded before archiving
    desk.confirmations.record_result(desk.confirmations.for_case(case_id)[0]["id"],
                                     result="confirmed", result_on="2026-04-20",
                                     court_case_no="（2026）内0421民特12号", today=T)
    desk.dossier.archive(case_id, archived_on="2026-05-01", retention="30年", archived_by="乌力吉",
                         file_note="本卷材料齐全。", today=T)
    return case_id


@pytest.fixture
def org_case(desk, make_case):
    """A person against an organisation, with a signed written agreement; returns its id."""
    case_id = make_case(
        received_date="2026-03-02", dispute_type="14", summary="物业费及漏水赔偿纠纷",
        parties=[
            dict(name="刘赟", role="applicant", id_number=VALID_ID_2, ethnicity="01",
                 phone="13812345678", address="红山区长青街道燚玥小区3号楼"),
            dict(name=ORG_NAME, role="respondent", kind="organisation",
                 id_number=CREDIT_CODE, legal_rep="周㑇", legal_rep_title="经理",
                 phone="0476-8888888", address="红山区长青街道"),
        ])
    desk.acceptance.accept(case_id, decided_on="2026-03-02", consent_form="oral_application",
                           rights_notice_given=True, today=T)
    aid = desk.agreements.create(
        case_id, agreed_on="2026-03-09", facts="楼上管道漏水致刘赟家天花板受损。",
        terms=["物业公司于2026年3月31日前维修管道并赔偿刘赟3500元"], amount_fen="3500",
        performance_method="银行转账", performance_deadline="2026-03-31", today=T)
    desk.agreements.sign(aid, "2026-03-10", today=T)
    desk.confirmations.apply(aid, applied_on="2026-03-20", court="赤峰市红山区人民法院", today=T)
    return case_id


@pytest.fixture
def oral_case(desk, make_case):
    """A case settled by an oral agreement; returns its id."""
    case_id = make_case(
        received_date="2026-04-01", summary="放牧时羊群踩踏邻居草场",
        parties=[dict(name="巴特尔", role="applicant", sex="男", age=50, phone="13704761111"),
                 dict(name="吴㛃", role="respondent", sex="女", age=44)])
    desk.acceptance.accept(case_id, decided_on="2026-04-01", consent_form="initiative_consent",
                           today=T)
    desk.agreements.create(case_id, form="oral", agreed_on="2026-04-02", facts="羊群踩踏草场约2亩。",
                           terms=["吴㛃赔偿巴特尔草场损失800元", "双方各自看管好牲畜"],
                           amount_fen="800", place="巴特尔家", performance_method="当场现金支付",
                           today=T)
    return case_id
