"""Records are edited and deleted while allowed; a signed agreement is corrected by a
supplementary agreement (signed in its own step); the follow-up plan can be moved."""

import sys
from pathlib import Path

from PySide6.QtCore import Qt

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gui_helpers import type_into  # noqa: E402
from path_helpers import T, click, ok, open_case, status, tab  # noqa: E402

from mediation_helpers import accepted_case, signed_written  # noqa: E402
from mediator_desk.gui import today as gui_today  # noqa: E402
from mediator_desk.gui.tabs.agreement import AgreementTab  # noqa: E402
from mediator_desk.gui.tabs.followups import FollowUpTab  # noqa: E402
from mediator_desk.gui.tabs.history import HistoryTab  # noqa: E402
from mediator_desk.gui.tabs.mediation import MediationTab  # noqa: E402

LEFT = Qt.MouseButton.LeftButton


def test_records_are_edited_and_deleted(qtbot, desk, make_case, main_window, messages,
                                        monkeypatch):
    monkeypatch.setattr(gui_today, "FIXED", T)
    case_id = accepted_case(desk, make_case)
    inv = desk.sessions.add_investigation(case_id, held_on="2026-03-03", subject="李四",
                                          qa=[("问一", "答一"), ("问二", "答二")], today=T)
    first = desk.sessions.add_mediation(case_id, held_on="2026-03-05", mediators=["乌力吉"],
                                        parties_present=["张三"], place="村委会", today=T)
    desk.sessions.add_mediation(case_id, held_on="2026-03-07", mediators=["乌力吉"],
                                parties_present=["张三", "李四"], today=T)
    desk.take_changes()
    window = open_case(qtbot, main_window, case_id)
    m = tab(window, MediationTab)
    assert m.mediations.rowCount() == 2

    # edit the first mediation record: its values are in the dialog, names ticked
    m.mediations.selectRow(0)
    click(qtbot, m.edit_mediation_button)
    d = m.dialog
    assert d.place.text() == "村委会" and d.parties_present.names() == ["张三"]
    assert d.parties_present.boxes["张三"].isChecked()
    d.parties_present.tick("李四")
    type_into(d.place, "李四家院内")
    ok(qtbot, d)
    record = desk.sessions.get_mediation(first)
    assert record["place"] == "李四家院内" and record["parties_present"] == ["张三", "李四"]

    # reorder the questions of the investigation
    m.investigations.selectRow(0)
    click(qtbot, m.edit_investigation_button)
    d = m.dialog
    assert d.qa.rows() == [["问一", "答一"], ["问二", "答二"]]
    d.qa.table.setCurrentCell(0, 0)
    qtbot.mouseClick(d.qa.down_button, LEFT)
    ok(qtbot, d)
    assert desk.sessions.get_investigation(inv)["qa"] == [{"q": "问二", "a": "答二"},
                                                         {"q": "问一", "a": "答一"}]

    # delete the second mediation record (asked first)
    m.mediations.selectRow(1)
    click(qtbot, m.remove_mediation_button)
    assert any("删除调解记录2" in q for q in messages.questions)
    assert [r["id"] for r in desk.sessions.mediations(case_id)] == [first]
    assert m.mediations.rowCount() == 1

    history = tab(window, HistoryTab)
    actions = [(e["action_label"], e["table_label"]) for e in history.entries]
    assert ("修改", "调解记录") in actions and ("删除", "调解记录") in actions
    assert messages.errors == []


def test_signed_agreement_is_corrected_by_a_supplement(qtbot, desk, make_case, main_window,
                                                       messages, monkeypatch):
    monkeypatch.setattr(gui_today, "FIXED", T)
    case_id = accepted_case(desk, make_case)
    main = signed_written(desk, case_id)
    desk.take_changes()
    window = open_case(qtbot, main_window, case_id)
    ag = tab(window, AgreementTab)
    assert ag.agreement["id"] == main and ag.supplement_button.isVisible()
    click(qtbot, ag.supplement_button)
    assert ag.mode == "supplement" and ag.terms.rows() == []
    assert "补充协议" in ag.number_label.text()
    type_into(ag.agreed_on, "2026-03-20")
    qtbot.mouseClick(ag.terms.add_button, LEFT)
    ag.terms.set_cell(0, 0, "拆除期限延长至2026年4月30日")
    type_into(ag.performance_deadline, "2026-04-30")
    click(qtbot, ag.save_button)
    [original, supplement] = desk.agreements.for_case(case_id)
    assert supplement["supplements_id"] == main and supplement["state"] == "awaiting_signature"
    assert supplement["terms"] == ["拆除期限延长至2026年4月30日"]
    assert supplement["agreement_no"] == "（2026）红旗调协字第2号"
    assert original["state"] == "in_force"
    # the new supplement is shown, awaiting its own signature
    assert ag.chooser.isVisible() and ag.chooser.count() == 2
    assert ag.agreement["id"] == supplement["id"] and ag.sign_box.isVisible()
    type_into(ag.signed_on, "2026-03-21")
    click(qtbot, ag.sign_button)                  # without a scan: asked, then recorded
    supplement = desk.agreements.get(supplement["id"])
    assert (supplement["signed_on"], supplement["state"]) == ("2026-03-21", "in_force")
    assert status(desk, case_id) == "effective"

    # the follow-up plan of the main agreement can be moved
    f = tab(window, FollowUpTab)
    f.chooser.setCurrentIndex(f.chooser.findData(main))
    f.chooser.activated.emit(f.chooser.currentIndex())
    type_into(f.plan_date, "2026-05-05")
    click(qtbot, f.plan_button)
    assert desk.agreements.get(main)["followup_due"] == "2026-05-05"
    assert "2026-05-05" in f.plan_label.text() and "调解员设定" in f.plan_label.text()
    assert messages.errors == []
