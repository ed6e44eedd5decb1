"""Bad input is refused at the field with the core's Chinese message, and nothing is saved."""

from PySide6.QtCore import Qt

from gui_helpers import (VALID_ID, WAIT_MS, add_party, fill_case, fill_party, type_into,
                         wait_idle)


def _case_count(desk):
    return desk.scalar("SELECT count(*) FROM cases")


def _new_case(qtbot, main_window):
    qtbot.mouseClick(main_window.new_case_button, Qt.MouseButton.LeftButton)
    return main_window.new_case_window.editor


def test_malformed_id_number_and_phone_are_refused_in_the_party_dialog(qtbot, desk, main_window):
    editor = _new_case(qtbot, main_window)
    qtbot.mouseClick(editor.add_party_button, Qt.MouseButton.LeftButton)
    dialog = editor.party_dialog
    fill_party(dialog, name="张三", id_number="110105194912310021", phone="12345")
    assert "校验位" in dialog.errors.message("id_number")
    assert "电话号码格式不正确" in dialog.errors.message("phone")
    assert dialog.birth_date.text() == ""          # nothing prefilled from a bad number
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    assert dialog.isVisible() and dialog.values is None and editor.parties == []
    # wrong length and a birth date in the future
    type_into(dialog.id_number, "1101051949")
    assert "18位" in dialog.errors.message("id_number")
    type_into(dialog.id_number, "")
    type_into(dialog.birth_date, "2099-01-01")
    assert "不能晚于今天" in dialog.errors.message("birth_date")
    type_into(dialog.birth_date, "1960-02-30")
    assert "不是有效日期" in dialog.errors.message("birth_date")
    # correcting the fields clears the messages and lets the party in
    type_into(dialog.birth_date, "1960-02-03")
    type_into(dialog.phone, "13912345678")
    assert dialog.errors.shown() == {}
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(editor.parties) == 1, timeout=WAIT_MS)
    assert editor.parties[0]["values"]["birth_date"] == "1960-02-03"
    assert _case_count(desk) == 0                  # a party alone is never written


def test_core_refusal_lands_next_to_its_field(qtbot, desk, main_window):
    # The sex typed contradicts the ID number: only the core's validate() knows that.
    editor = _new_case(qtbot, main_window)
    qtbot.mouseClick(editor.add_party_button, Qt.MouseButton.LeftButton)
    dialog = editor.party_dialog
    fill_party(dialog, name="张三", id_number=VALID_ID)        # prefills 女
    dialog.sex.setCurrentIndex(dialog.sex.findData("男"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors.message("sex") != "", timeout=WAIT_MS)
    assert dialog.errors.message("sex") == "性别与身份证号码不一致"
    assert editor.parties == []


def test_bad_case_date_saves_nothing(qtbot, desk, main_window, messages):
    editor = _new_case(qtbot, main_window)
    fill_case(editor, received="2026-13-45")
    assert "不是有效日期" in editor.errors.message("received_date")
    add_party(qtbot, editor, name="张三")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    assert "不是有效日期" in editor.errors.message("received_date")
    assert _case_count(desk) == 0
    type_into(editor.received_date, "二〇二六年")
    assert "格式不正确" in editor.errors.message("received_date")
    editor.amount.setText("-5")
    assert not editor.save()
    assert "不能为负数" in editor.errors.message("amount_fen")
    assert _case_count(desk) == 0 and messages.errors == []


def test_missing_parties_and_referrer_are_refused(qtbot, desk, main_window):
    editor = _new_case(qtbot, main_window)
    fill_case(editor, source="court")
    assert not editor.save()
    assert editor.errors.message("parties") == "请至少添加一名当事人"
    add_party(qtbot, editor, name="张三")
    # the referrer is required for a referred case: refused by the core, shown at the field
    assert editor.save()
    qtbot.waitUntil(lambda: not editor.saving, timeout=WAIT_MS)
    assert editor.errors.message("referral_note") == "委派/移送的案件请填写移送单位"
    assert _case_count(desk) == 0
    type_into(editor.referral_note, "阿鲁科尔沁旗人民法院")
    with qtbot.waitSignal(editor.saved, timeout=WAIT_MS):
        assert editor.save()
    wait_idle(qtbot)
    assert _case_count(desk) == 1
    assert desk.query_one("SELECT referral_note FROM cases")["referral_note"] == "阿鲁科尔沁旗人民法院"
