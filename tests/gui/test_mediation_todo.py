"""The to-do panel of the main window on a fixed day: every kind with its count, a click or
Enter opens the case, and a relevant change refreshes it."""

import sys
from pathlib import Path

from PySide6.QtCore import Qt

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gui_helpers import WAIT_MS, type_into, wait_idle  # noqa: E402
from path_helpers import T, click, ok, open_case, tab  # noqa: E402

from mediator_desk.gui import today as gui_today  # noqa: E402
from mediator_desk.gui.tabs.outcome import OutcomeTab  # noqa: E402


def _cases(desk, make_case):
    """One case per kind of deadline on T (2026-06-30)."""
    overdue = make_case(received_date="2026-05-01")            # open for two months
    desk.acceptance.accept(overdue, decided_on="2026-05-01", consent_form="oral_application",
                           today=T)
    risky = make_case(received_date="2026-06-20")
    desk.acceptance.accept(risky, decided_on="2026-06-20", consent_form="oral_application",
                           today=T)
    desk.outcomes.flag_risk(risky, kind="group_fight", flagged_on="2026-06-21",
                            note="两族约定周末械斗", people=30, today=T)
    agreed = make_case(received_date="2026-06-01")
    desk.acceptance.accept(agreed, decided_on="2026-06-01", consent_form="oral_application",
                           today=T)
    aid = desk.agreements.create(agreed, agreed_on="2026-06-05", terms=["李四赔偿张三2000元"],
                                 performance_deadline="2026-06-10", today=T)
    desk.agreements.sign(aid, "2026-06-05", today=T)
    return overdue, risky, agreed


def _refresh(qtbot, panel):
    with qtbot.waitSignal(panel.loaded, timeout=WAIT_MS):
        panel.refresh()
    wait_idle(qtbot)


def _children(group):
    return [(group.child(i).text(0), group.child(i).text(1)) for i in range(group.childCount())]


def test_todo_panel_on_a_fixed_day(qtbot, desk, make_case, main_window, messages, monkeypatch):
    overdue, risky, agreed = _cases(desk, make_case)
    # this year's cases are listed without "（2026）" (the tooltip has the full number)
    number = {cid: desk.cases.get_row(cid)["case_no"].replace("（2026）", "")
              for cid in (overdue, risky, agreed)}
    monkeypatch.setattr(gui_today, "FIXED", T)
    panel = main_window.todo_panel
    assert main_window.todo_dock.isVisible() and main_window.todo_dock.widget() is panel
    _refresh(qtbot, panel)

    assert panel.total_label.text() == "2026-06-30共有5项待办"
    assert panel.group("followup_due").text(0) == "回访到期（1项）"
    assert _children(panel.group("followup_due")) == [(number[agreed], "已超期5天")]
    assert panel.group("performance_overdue").text(0) == "履行期限已过（1项）"
    assert _children(panel.group("performance_overdue")) == [(number[agreed], "已超期20天")]
    # effective 2026-06-05: the Art. 33 window closes on 2026-07-05, in five days
    assert _children(panel.group("confirmation_closing")) == [(number[agreed], "还剩5天")]
    assert _children(panel.group("case_overdue")) == [(number[overdue], "已超期29天")]
    assert _children(panel.group("risk_unreported")) == [(number[risky], "已超期9天")]
    assert panel.counts() == {"followup_due": 1, "performance_overdue": 1,
                              "confirmation_closing": 1, "case_overdue": 1,
                              "risk_unreported": 1, "returned": 0}
    item = panel.group("risk_unreported").child(0)
    assert "群体性械斗" in item.toolTip(0)
    assert item.toolTip(0).startswith(desk.cases.get_row(risky)["case_no"])
    panel.tree.setCurrentItem(item)
    assert panel.detail.text().startswith(desk.cases.get_row(risky)["case_no"])

    # a click opens the case
    tree = panel.tree
    target = panel.group("followup_due").child(0)
    tree.scrollToItem(target)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=tree.visualItemRect(target).center())
    qtbot.waitUntil(lambda: agreed in main_window.case_windows, timeout=WAIT_MS)
    wait_idle(qtbot)
    # ... on the tab where the item is dealt with (the follow-up visit)
    from mediator_desk.gui.tabs.followups import FollowUpTab

    assert isinstance(main_window.case_windows[agreed].tabs.currentWidget(), FollowUpTab)
    # so does Enter on the current item
    tree.setFocus()
    tree.setCurrentItem(panel.group("case_overdue").child(0))
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: overdue in main_window.case_windows, timeout=WAIT_MS)
    wait_idle(qtbot)
    assert isinstance(main_window.case_windows[overdue].tabs.currentWidget(), OutcomeTab)

    # reporting the risk to the police (in the case window) takes it off the list
    window = open_case(qtbot, main_window, risky)
    outcome = tab(window, OutcomeTab)
    outcome.risks.selectRow(0)
    click(qtbot, outcome.report_button)
    dialog = outcome.dialog
    type_into(dialog.reported_on, "2026-06-22")
    type_into(dialog.recipient, "天山镇派出所 李警官")
    with qtbot.waitSignal(panel.loaded, timeout=WAIT_MS):
        ok(qtbot, dialog)
    wait_idle(qtbot)
    [risk] = desk.outcomes.risks(risky)
    assert (risk["reported_on"], risk["report_recipient"]) == ("2026-06-22", "天山镇派出所 李警官")
    assert panel.group("risk_unreported").text(0) == "风险未报告公安机关（0项）"
    assert panel.group("risk_unreported").childCount() == 0
    assert panel.total_label.text() == "2026-06-30共有4项待办"
    assert messages.errors == []


def test_todo_panel_with_nothing_due(qtbot, desk, main_window, monkeypatch):
    monkeypatch.setattr(gui_today, "FIXED", T)
    panel = main_window.todo_panel
    _refresh(qtbot, panel)
    assert panel.total_label.text() == "2026-06-30没有待办事项"
    assert all(panel.group(kind).childCount() == 0 for kind in panel.counts())
