"""Opening, editing and keyboard use of cases in the main window."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gui_helpers import (VALID_ID, WAIT_MS, add_party, fill_party, open_first_case, type_into,
                         wait_idle)


def test_enter_opens_the_case_and_an_edit_is_saved_in_one_go(qtbot, desk, make_case,
                                                               main_window, messages):
    case_id = make_case()
    case_window = open_first_case(qtbot, main_window)
    assert case_window.case_id == case_id
    editor = case_window.editor
    assert [p["values"]["name"] for p in editor.parties] == ["张三", "李四"]
    editor.summary.setPlainText("两家因院墙位置发生争执，已到现场查看")
    editor.risk_flag.setChecked(True)
    type_into(editor.risk_note, "双方曾发生推搡")
    assert editor.dirty and case_window.windowTitle().endswith("*")
    add_party(qtbot, editor, name="王五", role="third_party", phone="13800001111")
    editor.party_table.selectRow(1)
    assert editor.remove_party()                          # 李四 (confirmed by the recorder)
    assert messages.questions and "李四" in messages.questions[0]
    case_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is case_window, timeout=WAIT_MS)
    editor.place.setFocus()
    with qtbot.waitSignal(case_window.caseLoaded, timeout=WAIT_MS):
        qtbot.keyClick(editor.place, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot)
    case = desk.cases.get(case_id)
    assert case["summary"] == "两家因院墙位置发生争执，已到现场查看"
    assert case["risk_flag"] == 1 and case["risk_note"] == "双方曾发生推搡"
    assert sorted(p["name"] for p in case["parties"]) == ["张三", "王五"]
    assert not editor.dirty and not case_window.windowTitle().endswith("*")
    # the list row was refreshed in place
    qtbot.waitUntil(lambda: "王五" in main_window.model.data(main_window.model.index(0, 4)),
                    timeout=WAIT_MS)
    assert messages.errors == []


def test_unsaved_changes_are_not_lost_silently(qtbot, desk, make_case, main_window, messages):
    make_case()
    case_window = open_first_case(qtbot, main_window)
    case_window.editor.place.setText("东营子")
    messages.answer = False                 # "keep editing"
    assert not case_window.close()
    assert case_window.isVisible() and messages.questions
    messages.answer = True
    assert case_window.close()


def test_earlier_cases_of_the_same_person_are_shown(qtbot, desk, make_case, main_window):
    make_case()                               # 张三 with VALID_ID, 李四 with a landline
    qtbot.mouseClick(main_window.new_case_button, Qt.MouseButton.LeftButton)
    editor = main_window.new_case_window.editor
    qtbot.mouseClick(editor.add_party_button, Qt.MouseButton.LeftButton)
    dialog = editor.party_dialog
    with qtbot.waitSignal(dialog.earlierCasesShown, timeout=WAIT_MS,
                          check_params_cb=lambda n: n == 1):
        fill_party(dialog, name="张三丰", id_number=VALID_ID)     # same ID, other name
    assert dialog.earlier_box.isVisibleTo(dialog)
    assert "（2026）红旗人调字第1号" in dialog.earlier_list.item(0).text()
    assert dialog.earlier[0]["id_number"].endswith("002X") and "*" in dialog.earlier[0]["id_number"]
    # same name and phone, no ID number
    with qtbot.waitSignal(dialog.earlierCasesShown, timeout=WAIT_MS,
                          check_params_cb=lambda n: n == 1):
        dialog.id_number.setText("")
        fill_party(dialog, name="李四", phone="0476 8123456")
    # a different person: the warning goes away
    with qtbot.waitSignal(dialog.earlierCasesShown, timeout=WAIT_MS,
                          check_params_cb=lambda n: n == 0):
        fill_party(dialog, name="李四", phone="13912340000")
    assert not dialog.earlier_box.isVisibleTo(dialog)
    dialog.reject()


def test_keyboard_shortcuts(qtbot, desk, make_case, main_window):
    make_case()
    main_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main_window, timeout=WAIT_MS)
    main_window.table.setFocus()
    qtbot.keyClick(main_window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert main_window.search_box.hasFocus()
    qtbot.keyClicks(main_window.search_box, "zs")
    qtbot.waitUntil(lambda: main_window.model.filter.text == "zs"
                    and main_window.model.rowCount() == 1, timeout=WAIT_MS)
    qtbot.keyClick(main_window.search_box, Qt.Key.Key_Down)
    assert main_window.table.hasFocus() and main_window.table.currentIndex().row() == 0
    qtbot.keyClick(main_window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    new_window = main_window.new_case_window
    assert new_window is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is new_window, timeout=WAIT_MS)
    assert new_window.editor.received_date.hasFocus()
    qtbot.keyClick(new_window.editor.received_date, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: main_window.new_case_window is None, timeout=WAIT_MS)
