"""Feedback and guidance in a case window: 已保存 after a save, the next step (a click opens
its tab), the agreement's print button."""

from PySide6.QtCore import Qt

from mediation_helpers import accepted_case
from path_helpers import T, open_case, tab
from gui_helpers import WAIT_MS, wait_idle

from mediator_desk.gui import today as gui_today


def test_saved_note_and_next_step(qtbot, desk, make_case, main_window, monkeypatch):
    monkeypatch.setattr(gui_today, "FIXED", T)
    case_id = accepted_case(desk, make_case)
    desk.take_changes()
    window = open_case(qtbot, main_window, case_id)
    path = window._mediation_path
    assert path.next_step.isVisibleTo(window)
    assert path.next_step.text() == "下一步：调查、调解，并添加调解记录"
    from mediator_desk.gui.tabs.mediation import MediationTab

    qtbot.mouseClick(path.next_step, Qt.MouseButton.LeftButton)
    assert isinstance(window.tabs.currentWidget(), MediationTab)

    window.tabs.setCurrentIndex(0)
    editor = window.editor
    editor.place.setText("村委会")
    assert editor.dirty and editor.saved_note.text() == ""
    qtbot.keyClick(editor.place, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: editor.saved_note.text().startswith("已保存"), timeout=WAIT_MS)
    wait_idle(qtbot)
    editor.place.setText("村委会会议室")
    assert editor.saved_note.text() == ""
    editor._set_clean()


def test_the_agreement_tab_prints_its_agreement(qtbot, desk, make_case, main_window,
                                                monkeypatch, messages):
    from mediator_desk.gui.documents_tab import DocumentsTab
    from mediator_desk.gui.printing import OutputDialogs
    from mediator_desk.gui.tabs.agreement import AgreementTab

    monkeypatch.setattr(gui_today, "FIXED", T)
    asked = []
    monkeypatch.setattr(OutputDialogs, "choose_printer",
                        classmethod(lambda cls, parent, printer: asked.append(printer) or False))
    case_id = accepted_case(desk, make_case)
    aid = desk.agreements.create(case_id, agreed_on="2026-03-10", terms=["李四拆除院墙"],
                                 facts="两家因院墙位置发生争执",
                                 performance_method="自行拆除",
                                 performance_deadline="2026-04-10", today=T)
    desk.take_changes()
    window = open_case(qtbot, main_window, case_id)
    agreement = tab(window, AgreementTab)
    assert agreement.print_button.isEnabled()
    assert window._mediation_path.next_step.text().startswith("下一步：登记签字")
    qtbot.mouseClick(agreement.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(asked) or bool(messages.errors), timeout=WAIT_MS)
    assert messages.errors == []
    documents = window.tabs.currentWidget()
    assert isinstance(documents, DocumentsTab)
    assert documents.shown.kind == "agreement" and documents.shown.record_id in ("", aid)
    wait_idle(qtbot)
