"""Other ways a case ends, and the refusals: a failed mediation with the routes explained, an
oral agreement, and illegal steps shown in Chinese with nothing stored."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gui_helpers import choose, type_into, wait_idle  # noqa: E402
from path_helpers import PDF, T, click, ok, open_case, status, tab  # noqa: E402

from mediation_helpers import accepted_case  # noqa: E402
from mediator_desk.gui import today as gui_today  # noqa: E402
from mediator_desk.gui.files import Files  # noqa: E402
from mediator_desk.gui.tabs.agreement import AgreementTab  # noqa: E402
from mediator_desk.gui.tabs.attachments import AttachmentsTab  # noqa: E402
from mediator_desk.gui.tabs.followups import FollowUpTab  # noqa: E402
from mediator_desk.gui.tabs.mediation import MediationTab  # noqa: E402
from mediator_desk.gui.tabs.outcome import OutcomeTab  # noqa: E402


def test_failed_mediation_ends_with_the_routes_explained(qtbot, desk, make_case, main_window,
                                                          messages, monkeypatch):
    monkeypatch.setattr(gui_today, "FIXED", T)
    case_id = accepted_case(desk, make_case)
    window = open_case(qtbot, main_window, case_id)
    m = tab(window, MediationTab)
    click(qtbot, m.add_mediation_button)
    d = m.dialog
    type_into(d.held_on, "2026-03-05")
    d.mediators.tick("乌力吉")
    d.parties_present.tick("张三", "李四")
    choose(d.result_choice, "failed")
    assert d.routes.isEnabled()
    d.result_note.setPlainText("李四坚持院墙不拆")
    ok(qtbot, d)                                   # no routes: refused next to the field
    assert "其他途径" in d.errors.message("routes_explained")
    assert desk.sessions.mediations(case_id) == []
    d.routes.setPlainText("已告知双方可向阿鲁科尔沁旗人民法院起诉")
    ok(qtbot, d)
    [record] = desk.sessions.mediations(case_id)
    assert (record["result"], record["routes_explained"]) == (
        "failed", "已告知双方可向阿鲁科尔沁旗人民法院起诉")

    o = tab(window, OutcomeTab)
    assert o.close_box.isVisible() and o.agreement_hint.isVisible()
    choose(o.close_kind, "ended")
    type_into(o.closed_on, "2026-03-06")
    o.close_reason.setPlainText("双方分歧过大，李四拒绝继续调解")
    click(qtbot, o.close_button)                   # routes missing: nothing stored
    assert messages.questions                      # asked before closing
    assert "其他途径" in o.errors.message("routes_explained")
    assert desk.outcomes.closure(case_id) is None and status(desk, case_id) == "mediating"
    o.routes.setPlainText("已告知双方可以向人民法院起诉，或申请仲裁")
    click(qtbot, o.close_button)
    closure = desk.outcomes.closure(case_id)
    assert (closure["kind"], closure["closed_on"], closure["reason"],
            closure["routes_explained"]) == ("ended", "2026-03-06", "双方分歧过大，李四拒绝继续调解",
                                             "已告知双方可以向人民法院起诉，或申请仲裁")
    assert status(desk, case_id) == "ended"
    assert o.outcome_label.text() == "结果：调解终止（未达成协议）（2026-03-06）"
    assert "向人民法院起诉" in o.outcome_detail.text()
    assert not o.close_box.isVisible() and not o.agreement_hint.isVisible()
    ag = tab(window, AgreementTab)                 # no agreement can be recorded now
    assert ag.mode == "view" and not ag.form_box.isVisible()
    assert "只有已受理、调解中的案件才能登记调解协议" in ag.state_note.text()
    assert messages.errors == []


def test_oral_agreement_takes_effect_at_once(qtbot, desk, make_case, main_window, messages,
                                             monkeypatch, tmp_path):
    monkeypatch.setattr(gui_today, "FIXED", T)
    case_id = accepted_case(desk, make_case)
    window = open_case(qtbot, main_window, case_id)
    ag = tab(window, AgreementTab)
    assert ag.mode == "new"
    choose(ag.form_kind, "oral")
    assert not ag.copies.isVisible()               # oral agreements have no copies
    type_into(ag.agreed_on, "2026-03-08")
    qtbot.mouseClick(ag.terms.add_button, _left())
    ag.terms.set_cell(0, 0, "李四当场向张三道歉并赔偿500元")
    type_into(ag.amount, "500")
    type_into(ag.performance_method, "当场现金支付")
    click(qtbot, ag.save_button)
    assert any("口头协议" in q for q in messages.questions)
    [a] = desk.agreements.for_case(case_id)
    assert (a["form"], a["agreed_on"], a["effective_on"], a["amount_fen"], a["copies"]) == (
        "oral", "2026-03-08", "2026-03-08", 50000, 0)
    assert a["terms"] == ["李四当场向张三道歉并赔偿500元"]
    assert status(desk, case_id) == "effective"
    assert not ag.sign_box.isVisible() and ag.effect_box.isVisible()
    assert "2026-03-08" in ag.effective_label.text() and "第三十条" in ag.effective_label.text()
    assert ag.countdown_label.text() == "司法确认只适用于书面调解协议。"
    assert not ag.confirm_box.isVisible()

    # performed, with a receipt as proof
    receipt = tmp_path / "收条.pdf"
    receipt.write_bytes(PDF)
    monkeypatch.setattr(Files, "choose_scan", classmethod(lambda cls, p, t: str(receipt)))
    f = tab(window, FollowUpTab)
    choose(f.performance_status, "performed")
    type_into(f.checked_on, "2026-03-08")
    qtbot.mouseClick(f.choose_proof_button, _left())
    click(qtbot, f.performance_button)
    a = desk.agreements.get(a["id"])
    assert (a["performance_status"], a["performance_checked_on"]) == ("performed", "2026-03-08")
    [proof] = desk.attachments.for_record(a["id"])
    assert (proof["item"], proof["file_name"]) == ("performance", "收条.pdf")
    assert status(desk, case_id) == "performed"
    assert f.proofs.count() == 1 and "收条.pdf" in f.proofs.item(0).text()
    assert "已履行" in f.performance_label.text()
    assert messages.errors == []


def test_illegal_steps_are_refused_in_chinese_and_change_nothing(qtbot, desk, make_case,
                                                                 main_window, messages,
                                                                 monkeypatch, tmp_path):
    monkeypatch.setattr(gui_today, "FIXED", T)
    case_id = make_case(received_date="2026-03-02")
    window = open_case(qtbot, main_window, case_id)
    # a registered case: records and agreements wait for acceptance (disabled, with why)
    m = tab(window, MediationTab)
    assert not m.add_investigation_button.isEnabled()
    assert "请先受理案件" in m.add_investigation_button.toolTip()
    ag = tab(window, AgreementTab)
    assert ag.mode == "view" and "只有已受理、调解中的案件" in ag.state_note.text()
    o = tab(window, OutcomeTab)
    choose(o.close_kind, "ended")
    assert not o.close_button.isEnabled() and "不予受理" in o.close_button.toolTip()
    choose(o.close_kind, "withdrawn")
    assert o.close_button.isEnabled()

    # refusing because another body handles it needs to say which body
    m = tab(window, MediationTab)
    choose(m.decision, "refuse")
    choose(m.refusal_reason, "other_body")
    click(qtbot, m.decide_button)
    assert "请写明已受理该纠纷的机关" in m.errors.message("note")
    assert desk.acceptance.get(case_id) is None and status(desk, case_id) == "registered"
    # a date before the case was received
    choose(m.decision, "accept")
    type_into(m.decided_on, "2026-03-01")
    click(qtbot, m.decide_button)
    assert "不能早于" in m.errors.message("decided_on")
    assert desk.acceptance.get(case_id) is None
    type_into(m.decided_on, "2026-03-02")
    click(qtbot, m.decide_button)
    assert status(desk, case_id) == "accepted"

    # an agreement signed "before" it was agreed is refused next to the date
    ag = tab(window, AgreementTab)
    type_into(ag.agreed_on, "2026-03-10")
    click(qtbot, ag.save_button)                     # no terms: refused, nothing stored
    assert "逐条填写协议内容" in ag.errors.message("terms")
    assert desk.agreements.for_case(case_id) == []
    qtbot.mouseClick(ag.terms.add_button, _left())
    ag.terms.set_cell(0, 0, "李四拆除院墙")
    click(qtbot, ag.save_button)
    [a] = desk.agreements.for_case(case_id)
    type_into(ag.signed_on, "2026-03-09")
    click(qtbot, ag.sign_button)
    assert any("扫描件" in q for q in messages.questions)
    assert "不能早于达成协议日期" in ag.errors.message("signed_on")
    assert desk.agreements.get(a["id"])["signed_on"] == ""
    # a scan that is not a PDF or an image: refused, nothing signed, nothing stored
    bad = tmp_path / "协议.docx"
    bad.write_bytes(b"PK\x03\x04 not a scan")
    monkeypatch.setattr(Files, "choose_scan", classmethod(lambda cls, p, t: str(bad)))
    type_into(ag.signed_on, "2026-03-12")
    qtbot.mouseClick(ag.choose_scan_button, _left())
    click(qtbot, ag.sign_button)
    assert "类型不能作为附件" in ag.errors.message("file")
    assert desk.agreements.get(a["id"])["signed_on"] == ""
    assert desk.attachments.for_case(case_id) == []

    # attachments: wrong type and too large are refused in Chinese, nothing stored
    with desk.transaction():
        desk.settings.set("attachment_max_bytes", "1000")
    big = tmp_path / "照片.png"
    big.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 5000)
    text = tmp_path / "说明.txt"
    text.write_bytes("不是扫描件".encode())
    monkeypatch.setattr(Files, "choose_files", classmethod(lambda cls, p, t: [str(big),
                                                                           str(text)]))
    at = tab(window, AttachmentsTab)
    click(qtbot, at.add_button)
    assert at.file_error.isVisible()
    assert "太大" in at.file_error.text() and "类型不能作为附件" in at.file_error.text()
    assert desk.attachments.for_case(case_id) == []
    folder = desk.attachments_dir
    assert not folder.exists() or not [p for p in folder.rglob("*") if p.is_file()]

    # voiding the unsigned agreement (parties would not sign) sends the case back
    ag = tab(window, AgreementTab)
    click(qtbot, ag.void_button)
    d = ag.dialog
    ok(qtbot, d)                                   # the reason is required
    assert "作废理由" in d.errors.message("reason")
    d.reason.setPlainText("李四拒绝签字")
    type_into(d.voided_on, "2026-03-12")
    ok(qtbot, d)
    a = desk.agreements.get(a["id"])
    assert (a["voided_on"], a["void_reason"], a["state"]) == ("2026-03-12", "李四拒绝签字", "void")
    assert status(desk, case_id) == "mediating"
    assert "已于2026-03-12作废" in ag.state_note.text()
    assert ag.new_button.isVisible()
    assert messages.errors == []
    wait_idle(qtbot)


def _left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_an_agreement_in_force_cannot_be_voided(qtbot, desk, make_case, main_window, messages,
                                                monkeypatch):
    """Arts. 31–33: the void button of an agreement in force is disabled and says why (the
    core's reason: record non-performance, the court routes, a supplementary agreement)."""
    from mediation_helpers import signed_written
    from mediator_desk.core.agreements import void_refusal

    monkeypatch.setattr(gui_today, "FIXED", T)
    case_id = accepted_case(desk, make_case)
    aid = signed_written(desk, case_id)
    desk.take_changes()
    window = open_case(qtbot, main_window, case_id)
    ag = tab(window, AgreementTab)
    assert ag.agreement["id"] == aid
    assert ag.void_button.isVisible() and not ag.void_button.isEnabled()
    tip = ag.void_button.toolTip()
    assert tip == void_refusal(desk.agreements.get(aid))
    assert "不能作废" in tip and "司法确认" in tip and "补充协议" in tip
    qtbot.mouseClick(ag.void_button, _left())      # disabled: nothing opens, nothing stored
    wait_idle(qtbot)
    assert desk.agreements.get(aid)["state"] == "in_force"
    assert status(desk, case_id) == "effective"
    assert ag.supplement_button.isEnabled()
    assert messages.errors == []
    wait_idle(qtbot)
