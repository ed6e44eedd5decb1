"""The agreement tab turns "within N days/months" into a date shown next to the deadline
field (and saves that date); the party dialog has the service address, empty = the home
address (shown as the placeholder)."""

import sys
from pathlib import Path

from PySide6.QtCore import Qt

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gui_helpers import add_party, fill_party, type_into  # noqa: E402
from path_helpers import T, click, open_case, tab  # noqa: E402

from mediation_helpers import accepted_case, signed_written  # noqa: E402
from mediator_desk.gui import today as gui_today  # noqa: E402
from mediator_desk.gui.tabs.agreement import AgreementTab  # noqa: E402

LEFT = Qt.MouseButton.LeftButton


def test_deadline_typed_as_a_period_shows_and_saves_the_date(qtbot, desk, make_case,
                                                               main_window, messages,
                                                               monkeypatch):
    monkeypatch.setattr(gui_today, "FIXED", T)
    case_id = accepted_case(desk, make_case)
    signed_written(desk, case_id)
    window = open_case(qtbot, main_window, case_id)
    ag = tab(window, AgreementTab)
    click(qtbot, ag.supplement_button)
    type_into(ag.agreed_on, "2026-03-31")
    qtbot.mouseClick(ag.terms.add_button, LEFT)
    ag.terms.set_cell(0, 0, "拆除期限延长一个月")
    type_into(ag.performance_deadline, "一个月内")
    assert "2026-04-30" in ag.deadline_hint.text()
    type_into(ag.performance_deadline, "三个月内")
    assert "2026-06-30" in ag.deadline_hint.text()
    type_into(ag.agreed_on, "2026-03-30")             # follows the agreement date
    assert "2026-06-30" in ag.deadline_hint.text()
    type_into(ag.agreed_on, "2026-03-31")
    type_into(ag.performance_deadline, "15日内")
    assert "2026-04-15" in ag.deadline_hint.text()
    type_into(ag.performance_deadline, "2026-04-15")  # a plain date: nothing to show
    assert ag.deadline_hint.text() == ""
    type_into(ag.performance_deadline, "一个月内")
    click(qtbot, ag.save_button)
    supplement = [a for a in desk.agreements.for_case(case_id) if a["supplements_id"]][0]
    assert supplement["performance_deadline"] == "2026-04-30"
    assert messages.errors == []


def test_party_dialog_has_the_service_address(qtbot, desk, main_window):
    qtbot.mouseClick(main_window.new_case_button, LEFT)
    editor = main_window.new_case_window.editor
    qtbot.mouseClick(editor.add_party_button, LEFT)
    dialog = editor.party_dialog
    assert dialog.service_address.text() == ""
    assert dialog.service_address.placeholderText()     # "与住址相同" in Chinese
    dialog.reject()
    values = add_party(qtbot, editor, name="王五", address="红旗嘎查3组",
                       service_address="赤峰市红山区昭乌达路8号")
    assert values["service_address"] == "赤峰市红山区昭乌达路8号"
    qtbot.mouseClick(editor.add_party_button, LEFT)
    dialog = editor.party_dialog
    fill_party(dialog, name="赵六", address="红旗嘎查4组")
    assert dialog.current_values()["service_address"] == ""
    dialog.reject()
