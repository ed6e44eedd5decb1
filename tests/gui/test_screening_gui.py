"""The 矛盾纠纷排查 screen driven through its real widgets: a round, a found dispute with every
missing field shown at once, colours by risk level, moving it on to 处置 with what it
prevented, registering another as a case and opening it; the screen fits 1366×768."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from mediator_desk.gui import today as gui_today
from mediator_desk.gui.screening_window import RegisterCaseDialog

from gui_helpers import WAIT_MS, choose, type_into, wait_idle

T = date(2026, 11, 30)


def _screen(qtbot, main_window):
    main_window.screening_action.trigger()
    w = main_window.screening_window
    qtbot.waitUntil(lambda: not w.loading and bool(w.data), timeout=WAIT_MS)
    return w


def _click(qtbot, button):
    assert button.isEnabled() and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_screening_round_items_progress_and_case(qtbot, desk, main_window, monkeypatch):
    monkeypatch.setattr(gui_today, "FIXED", T)
    w = _screen(qtbot, main_window)
    w.resize(1366, 768)
    assert w.rounds.rowCount() == 0 and not w.add_item_button.isEnabled()

    _click(qtbot, w.add_round_button)
    rd = w.dialog
    type_into(rd.held_on, "2026-11-15")
    choose(rd.kind, "holiday")
    type_into(rd.area, "全嘎查各组")
    _click(qtbot, rd.ok_button)
    qtbot.waitUntil(lambda: bool(rd.saved_id), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: w.rounds.rowCount() == 1 and not w.loading, timeout=WAIT_MS)
    assert w.rounds.item(0, 2).text() == "节前排查"
    assert w.rounds.item(0, 4).text() == "乌力吉"          # the committee's mediators offered
    # the round can be changed afterwards (date in the future refused at its field)
    _click(qtbot, w.edit_round_button)
    er = w.dialog
    assert er.area.text() == "全嘎查各组" and er.kind.currentData() == "holiday"
    type_into(er.held_on, "2026-12-24")
    _click(qtbot, er.ok_button)
    qtbot.waitUntil(lambda: er.ok_button.isEnabled(), timeout=WAIT_MS)
    assert "排查日期" in er.errors.shown()["held_on"]
    type_into(er.held_on, "2026-11-15")
    type_into(er.area, "一组至三组")
    _click(qtbot, er.ok_button)
    qtbot.waitUntil(lambda: bool(er.saved_id), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not w.loading and w.rounds.item(0, 3).text() == "一组至三组",
                    timeout=WAIT_MS)
    assert desk.query_one("SELECT rev, area FROM screening_rounds") == {"rev": 2,
                                                                         "area": "一组至三组"}

    # a found dispute with nothing chosen: every missing field is named at its field at once
    _click(qtbot, w.add_item_button)
    it = w.dialog
    _click(qtbot, it.ok_button)
    qtbot.waitUntil(lambda: it.ok_button.isEnabled(), timeout=WAIT_MS)
    shown = it.errors.shown()
    assert {"dispute_type", "risk_level", "summary"} <= set(shown), shown
    assert "风险等级" in shown["risk_level"]
    assert desk.scalar("SELECT count(*) FROM screening_items") == 0
    choose(it.dispute_type, "07")
    choose(it.risk_level, "red")
    type_into(it.parties, "王䶮、赵堃")
    it.people_involved.setValue(30)
    it.summary.setPlainText("草场边界争议，两个村民组聚集")
    type_into(it.deadline, "2026-11-30")
    _click(qtbot, it.ok_button)
    qtbot.waitUntil(lambda: bool(it.saved_id), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: w.items.rowCount() == 1 and not w.loading, timeout=WAIT_MS)
    risk = w.items.item(0, 0)
    assert risk.text() == "红色（高）" and risk.background().color().name() == "#f8d0d0"
    assert w.items.item(0, 3).text() == "王䶮、赵堃" and w.items.item(0, 5).text() == "排查"

    # move it on to 处置, preventing a group petition of 30 people
    w.items.selectRow(0)
    _click(qtbot, w.edit_item_button)
    ed = w.dialog
    assert [ed.status.itemData(i) for i in range(ed.status.count())] == \
        ["screened", "warned", "mediating", "settled"]
    assert not ed.settled_on.isVisibleTo(ed)
    choose(ed.status, "settled")
    assert ed.settled_on.isVisibleTo(ed) and ed.settled_on.text() == "2026-11-30"
    type_into(ed.settled_on, "2026-11-20")
    choose(ed.prevented, "group_petition")
    ed.prevented_people.setValue(31)
    _click(qtbot, ed.ok_button)
    qtbot.waitUntil(lambda: ed.ok_button.isEnabled(), timeout=WAIT_MS)
    assert "不能多于" in ed.errors.shown()["prevented_people"]
    ed.prevented_people.setValue(30)
    _click(qtbot, ed.ok_button)
    qtbot.waitUntil(lambda: bool(ed.saved_id), timeout=WAIT_MS)
    wait_idle(qtbot)
    row = desk.query_one("SELECT * FROM screening_items")
    assert (row["status"], row["settled_on"], row["prevented"], row["prevented_people"]) == \
        ("settled", "2026-11-20", "group_petition", 30)
    qtbot.waitUntil(lambda: "防止群体性上访 30人" in w.items.item(0, 5).text(), timeout=WAIT_MS)
    # a settled item cannot go back: the dialog offers 处置 only
    w.items.selectRow(0)
    _click(qtbot, w.edit_item_button)
    assert w.dialog.status.count() == 1
    w.dialog.reject()

    # another found dispute registered as a case (登记为案件), then opened
    w.rounds.selectRow(0)
    _click(qtbot, w.add_item_button)
    it2 = w.dialog
    choose(it2.dispute_type, "02")
    choose(it2.risk_level, "yellow")
    type_into(it2.parties, "张三、李四")
    it2.summary.setPlainText("院墙翻建发生争吵")
    _click(qtbot, it2.ok_button)
    qtbot.waitUntil(lambda: bool(it2.saved_id), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: w.items.rowCount() == 2 and not w.loading, timeout=WAIT_MS)
    w.items.selectRow(1)
    assert w.selected_item()["id"] == it2.saved_id
    _click(qtbot, w.case_button)
    qtbot.waitUntil(lambda: isinstance(w.dialog, RegisterCaseDialog), timeout=WAIT_MS)
    reg = w.dialog
    assert reg.applicants.text() == "张三" and reg.respondents.text() == "李四"
    type_into(reg.received_date, "2026-11-16")
    _click(qtbot, reg.ok_button)
    qtbot.waitUntil(lambda: bool(reg.saved_id), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: reg.saved_id in main_window.case_windows, timeout=WAIT_MS)
    case = desk.cases.get(reg.saved_id)
    assert case["summary"] == "院墙翻建发生争吵" and case["source"] == "initiative"
    qtbot.waitUntil(lambda: not w.loading and w.items.rowCount() == 2
                    and w.items.item(1, 7).text() == case["case_no"], timeout=WAIT_MS)
    assert w.width() <= 1366 and w.height() <= 768


def test_suicide_risk_flagged_and_prevented_in_the_outcome_tab(qtbot, desk, make_case,
                                                                main_window, monkeypatch):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from mediation_helpers import accepted_case
    from path_helpers import T as PATH_T, click, ok, open_case, tab

    from mediator_desk.gui.tabs.outcome import OutcomeTab

    monkeypatch.setattr(gui_today, "FIXED", PATH_T)
    case_id = accepted_case(desk, make_case)
    window = open_case(qtbot, main_window, case_id)
    o = tab(window, OutcomeTab)
    click(qtbot, o.flag_button)
    d = o.dialog
    choose(d.kind, "suicide")
    assert d.kind.currentText() == "可能因纠纷引发自杀"
    type_into(d.flagged_on, desk.cases.get_row(case_id)["received_date"])
    d.note.setPlainText("当事人情绪低落，扬言轻生")
    d.people.setValue(1)
    ok(qtbot, d)
    [risk] = desk.outcomes.risks(case_id)
    assert (risk["kind"], risk["people"], risk["prevented"]) == ("suicide", 1, 0)
    qtbot.waitUntil(lambda: o.risks.rowCount() == 1, timeout=WAIT_MS)
    o.risks.selectRow(0)
    click(qtbot, o.prevented_button)
    assert desk.outcomes.risks(case_id)[0]["prevented"] == 1
