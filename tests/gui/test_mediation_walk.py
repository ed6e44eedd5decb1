"""One case through the whole mediation path in the GUI, through the real widgets:
accept → investigation → two mediation sessions → written agreement → signed with a scan →
follow-up → judicial confirmation → archive, checking the database after each step."""

from PySide6.QtWidgets import QAbstractButton

from gui_helpers import choose, type_into, wait_idle
from path_helpers import PDF, T, click, ok, open_case, png_bytes, status, tab

from mediator_desk.gui import today as gui_today
from mediator_desk.gui.files import Files
from mediator_desk.gui.tabs.agreement import AgreementTab
from mediator_desk.gui.tabs.attachments import AttachmentsTab
from mediator_desk.gui.tabs.casefile import CaseFileTab
from mediator_desk.gui.tabs.case_path import PathTab
from mediator_desk.gui.tabs.widgets import is_editable
from mediator_desk.gui.tabs.followups import FollowUpTab
from mediator_desk.gui.tabs.history import HistoryTab
from mediator_desk.gui.tabs.mediation import MediationTab


def test_one_case_from_intake_to_archive(qtbot, desk, make_case, main_window, messages,
                                         monkeypatch, tmp_path):
    monkeypatch.setattr(gui_today, "FIXED", T)
    case_id = make_case(received_date="2026-03-02")
    window = open_case(qtbot, main_window, case_id)

    # 1. acceptance with consent recorded
    m = tab(window, MediationTab)
    assert not m.add_investigation_button.isEnabled()          # not accepted yet
    choose(m.decision, "accept")
    type_into(m.decided_on, "2026-03-02")
    choose(m.consent_form, "written_application")
    m.rights_notice.setChecked(True)
    click(qtbot, m.decide_button)
    acc = desk.acceptance.get(case_id)
    assert (acc["decision"], acc["decided_on"], acc["consent_form"],
            acc["rights_notice_given"]) == ("accepted", "2026-03-02", "written_application", 1)
    assert status(desk, case_id) == "accepted"
    assert not m.decide_button.isVisible() and "2026-03-02" in m.acceptance_summary.text()

    # 2. an investigation record with question/answer pairs
    click(qtbot, m.add_investigation_button)
    d = m.dialog
    type_into(d.held_on, "2026-03-03")
    type_into(d.start_time, "9:30")
    type_into(d.place, "李四家")
    type_into(d.subject, "李四")
    d.investigators.tick("乌力吉")
    type_into(d.recorder, "乌力吉")
    for q, a in (("院墙是什么时候砌的？", "去年秋天。"), ("砌墙前量过边界吗？", "没有。")):
        qtbot.mouseClick(d.qa.add_button, qtbot_left())
        d.qa.set_cell(d.qa.table.rowCount() - 1, 0, q)
        d.qa.set_cell(d.qa.table.rowCount() - 1, 1, a)
    ok(qtbot, d)
    [inv] = desk.sessions.investigations(case_id)
    assert inv["subject"] == "李四" and inv["start_time"] == "09:30"
    assert inv["investigators"] == ["乌力吉"]
    assert inv["qa"] == [{"q": "院墙是什么时候砌的？", "a": "去年秋天。"},
                         {"q": "砌墙前量过边界吗？", "a": "没有。"}]
    assert status(desk, case_id) == "mediating"
    assert m.investigations.rowCount() == 1

    # 3. two mediation sessions, in order; nothing ticked in advance
    for day, result in (("2026-03-05", "continue"), ("2026-03-09", "agreed")):
        click(qtbot, m.add_mediation_button)
        d = m.dialog
        assert d.mediators.names() == [] and d.parties_present.names() == []
        type_into(d.held_on, day)
        type_into(d.place, "调委会调解室")
        d.mediators.tick("乌力吉")
        d.parties_present.tick("张三", "李四")
        type_into(d.participants, "王村长")
        type_into(d.recorder, "乌力吉")
        d.rights_notice.setChecked(True)
        d.statements.setPlainText("双方各自陈述了院墙的由来")
        choose(d.result_choice, result)
        ok(qtbot, d)
    sessions = desk.sessions.mediations(case_id)
    assert [(s["no"], s["held_on"], s["result"]) for s in sessions] == [
        (1, "2026-03-05", "continue"), (2, "2026-03-09", "agreed")]
    assert sessions[0]["parties_present"] == ["张三", "李四"]
    assert sessions[0]["participants"] == ["王村长"]
    assert m.mediations.rowCount() == 2

    # 4. a written agreement: the terms start empty and are typed by the mediator
    ag = tab(window, AgreementTab)
    assert ag.mode == "new" and ag.terms.rows() == []
    assert ag.copies.value() == 3                      # two parties + the committee
    type_into(ag.agreed_on, "2026-03-10")
    ag.facts.setPlainText("李四砌墙占用张三宅基地约半米")
    for text in ("李四于2026年4月10日前拆除越界院墙", "张三补偿李四砌墙材料费800元"):
        qtbot.mouseClick(ag.terms.add_button, qtbot_left())
        ag.terms.set_cell(ag.terms.table.rowCount() - 1, 0, text)
    type_into(ag.performance_method, "自行拆除，现金当面交付")
    type_into(ag.performance_deadline, "2026-04-10")
    type_into(ag.amount, "800")
    ag.mediators.tick("乌力吉")
    type_into(ag.recorder, "乌力吉")
    click(qtbot, ag.save_button)
    [a] = desk.agreements.for_case(case_id)
    assert a["terms"] == ["李四于2026年4月10日前拆除越界院墙", "张三补偿李四砌墙材料费800元"]
    assert (a["form"], a["amount_fen"], a["copies"], a["performance_deadline"]) == (
        "written", 80000, 3, "2026-04-10")
    assert a["agreement_no"] == "（2026）红旗调协字第1号" and not a["signed_on"]
    assert status(desk, case_id) == "agreed"
    assert a["agreement_no"] in ag.number_label.text() and ag.sign_box.isVisible()

    # 5. signed as a separate step, with the scan of the signed copy
    scan = tmp_path / "协议签字件.pdf"
    scan.write_bytes(PDF)
    monkeypatch.setattr(Files, "choose_scan", classmethod(lambda cls, parent, title: str(scan)))
    type_into(ag.signed_on, "2026-03-12")
    qtbot.mouseClick(ag.choose_scan_button, qtbot_left())
    assert ag.scan_label.text() == "协议签字件.pdf"
    click(qtbot, ag.sign_button)
    a = desk.agreements.get(a["id"], today=T)
    assert (a["signed_on"], a["effective_on"], a["state"]) == ("2026-03-12", "2026-03-12",
                                                               "in_force")
    [att] = desk.attachments.for_record(a["id"])
    assert att["item"] == "signed_agreement" and att["file_name"] == "协议签字件.pdf"
    assert status(desk, case_id) == "effective"
    # signed: read-only, with supplement / void actions, and the Art. 33 window
    assert not ag.save_button.isVisible() and not is_editable(ag.agreed_on)
    assert not is_editable(ag.terms) and ag.terms.rows()[0] == [a["terms"][0]]
    assert ag.supplement_button.isVisible() and ag.void_button.isVisible()
    assert "2026-04-11" in ag.countdown_label.text()

    # 6. judicial confirmation: application, then the court's decision
    type_into(ag.applied_on, "2026-03-20")
    type_into(ag.court, "阿鲁科尔沁旗人民法院")
    click(qtbot, ag.apply_button)
    [k] = desk.confirmations.for_case(case_id)
    assert (k["applied_on"], k["court"], k["result"]) == ("2026-03-20", "阿鲁科尔沁旗人民法院",
                                                          "pending")
    choose(ag.result, "confirmed")
    type_into(ag.result_on, "2026-04-01")
    type_into(ag.court_case_no, "（2026）内0421民特12号")
    click(qtbot, ag.result_button)
    k = desk.confirmations.get(k["id"])
    assert (k["result"], k["result_on"], k["court_case_no"]) == (
        "confirmed", "2026-04-01", "（2026）内0421民特12号")
    assert "确认有效" in ag.confirm_summary.text()

    # 7. a follow-up visit that finds the agreement performed
    f = tab(window, FollowUpTab)
    assert "2026-04-25" in f.plan_label.text()          # 15 days after the deadline
    click(qtbot, f.add_visit_button)
    d = f.dialog
    type_into(d.visited_on, "2026-04-20")
    d.party.setCurrentText("张三")
    type_into(d.reason, "核实协议履行情况")
    choose(d.performance, "performed")
    choose(d.satisfaction, "satisfied")
    type_into(d.visitor, "乌力吉")
    ok(qtbot, d)
    [visit] = desk.followups.for_case(case_id)
    assert (visit["visited_on"], visit["party"], visit["performance"], visit["visitor"]) == (
        "2026-04-20", "张三", "performed", "乌力吉")
    assert desk.agreements.get(a["id"])["performance_status"] == "performed"
    assert status(desk, case_id) == "performed"
    assert f.visits.rowCount() == 1

    # 8. the case file lacks the identity proof: add a scan on the attachments tab
    c = tab(window, CaseFileTab)
    assert c.contents.item(2, 3).text() == "缺"
    assert not c.archive_button.isEnabled() and "当事人身份证明" in c.archive_button.toolTip()
    photo = tmp_path / "张三身份证.png"
    photo.write_bytes(png_bytes())
    monkeypatch.setattr(Files, "choose_files",
                        classmethod(lambda cls, parent, title: [str(photo)]))
    at = tab(window, AttachmentsTab)
    choose(at.item, "identity")
    party = next(p for p in desk.parties.for_case(case_id) if p["name"] == "张三")
    choose(at.record, f"parties:{party['id']}")
    click(qtbot, at.add_button)
    [identity] = desk.attachments.for_case(case_id, item="identity")
    assert identity["record_table"] == "parties" and identity["record_id"] == party["id"]
    qtbot.waitUntil(lambda: at.thumbnail(identity["id"]) is not None)
    assert at.thumbnail(identity["id"]).width() <= 96

    # 9. archive (立卷): who, when, retention; then the whole window is read-only
    c = tab(window, CaseFileTab)
    assert c.contents.item(2, 3).text() == "有" and c.archive_button.isEnabled()
    click(qtbot, c.archive_button)
    d = c.dialog
    assert d.archived_by.text()
    type_into(d.archived_by, "乌力吉")
    choose(d.retention, "30年")
    type_into(d.volume_title, "张三与李四院墙纠纷")
    ok(qtbot, d)
    archive = desk.dossier.get_archive(case_id)
    assert (archive["archived_by"], archive["archived_on"], archive["retention"]) == (
        "乌力吉", "2026-06-30", "30年")
    assert status(desk, case_id) == "archived"
    wait_idle(qtbot)
    assert window._mediation_path.banner.isVisible()
    assert "2026-06-30" in window._mediation_path.banner.text()
    for page in window.findChildren(PathTab):
        for w in page.findChildren(QAbstractButton):
            if w in page._actions:
                assert not w.isVisible(), w.text()
        for w in page._editors:
            assert not is_editable(w), (type(page).__name__, type(w).__name__)
    assert not window.editor.save_button.isVisible()
    history = tab(window, HistoryTab)
    actions = [e["action_label"] for e in history.entries]
    for label in ("受理", "调查", "调解", "达成书面协议", "协议签字生效", "申请司法确认",
                  "回访", "立卷归档"):
        assert label in actions
    assert messages.errors == []


def qtbot_left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
