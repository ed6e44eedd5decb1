"""Settings menu: the committee's mediators and the mediation path settings, through the GUI."""

from __future__ import annotations

from PySide6.QtCore import Qt

from gui_helpers import WAIT_MS, choose, type_into, wait_idle
from mediation_helpers import accepted_case, signed_written


def _mediators_dialog(qtbot, main_window):
    main_window.mediators_action.trigger()
    dialog = main_window.mediators_dialog
    qtbot.waitUntil(lambda: not dialog.loading and dialog.table.rowCount() > 0, timeout=WAIT_MS)
    return dialog


def _settings_dialog(qtbot, main_window):
    main_window.settings_action.trigger()
    dialog = main_window.settings_dialog
    qtbot.waitUntil(lambda: not dialog.loading, timeout=WAIT_MS)
    return dialog


def _count(desk) -> int:
    return desk.scalar("SELECT count(*) FROM mediators")


def _choices(editor) -> list[str]:
    return [editor.mediators.item(i).text() for i in range(editor.mediators.count())]


def test_second_mediator_is_saved_and_offered_in_a_new_case(qtbot, desk, main_window):
    dialog = _mediators_dialog(qtbot, main_window)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 0).text() == "乌力吉"
    form = dialog.add()
    type_into(form.name, "其其格")
    choose(form.sex, "女")
    eth = next(i["code"] for i in dialog.lists["ethnicities"] if i["label"] == "蒙古族")
    edu = dialog.lists["educations"][0]["code"]
    choose(form.ethnicity, eth)
    choose(form.education, edu)
    type_into(form.birth_date, "1972-05-06")
    type_into(form.phone, "13804761111")
    type_into(form.profession, "退休教师")
    choose(form.full_time, 1)
    form.legal_training.setChecked(True)
    type_into(form.title, "金牌调解员")
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(form.saved_id), timeout=WAIT_MS)
    wait_idle(qtbot)
    row = desk.mediators.get(form.saved_id)
    assert (row["name"], row["sex"], row["ethnicity"], row["education"], row["birth_date"],
            row["phone"], row["profession"], row["full_time"], row["legal_training"],
            row["title"], row["active"], row["org_id"]) == (
        "其其格", "女", eth, edu, "1972-05-06", "13804761111", "退休教师", 1, 1, "金牌调解员", 1,
        desk.settings.get("committee_id"))
    assert desk.scalar("SELECT count(*) FROM audit_log WHERE record_id = ?", (form.saved_id,)) >= 1
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=WAIT_MS)
    # the main window's context is reloaded: a new case offers both mediators
    qtbot.waitUntil(lambda: len(main_window.context.mediators) == 2, timeout=WAIT_MS)
    qtbot.mouseClick(main_window.new_case_button, Qt.MouseButton.LeftButton)
    editor = main_window.new_case_window.editor
    assert sorted(_choices(editor)) == sorted(["乌力吉", "其其格"])

    # marking her inactive keeps her on record but no longer offers her
    assert dialog.select_name("其其格")
    qtbot.mouseClick(dialog.active_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    assert desk.mediators.get(form.saved_id)["active"] == 0
    qtbot.waitUntil(lambda: _choices(editor) == ["乌力吉"], timeout=WAIT_MS)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=WAIT_MS)


def test_invalid_phone_is_refused_at_the_field_and_nothing_saved(qtbot, desk, main_window):
    dialog = _mediators_dialog(qtbot, main_window)
    before = _count(desk)
    form = dialog.add()
    type_into(form.name, "巴特尔")
    type_into(form.phone, "12345")
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.errors.message("phone") != "", timeout=WAIT_MS)
    assert "电话号码格式不正确" in form.errors.message("phone")
    assert form.isVisible() and not form.saved_id
    assert _count(desk) == before
    # a blank name is refused too, next to the name
    type_into(form.phone, "13804762222")
    type_into(form.name, "")
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.errors.message("name") != "", timeout=WAIT_MS)
    assert form.errors.message("name") == "请填写调解员姓名"
    assert _count(desk) == before


def test_followup_days_setting_moves_the_follow_up_plan(qtbot, desk, make_case, main_window):
    case_id = accepted_case(desk, make_case)
    aid = signed_written(desk, case_id, deadline="2026-04-10")
    desk.take_changes()
    assert desk.agreements.get(aid)["followup_planned"] == "2026-04-25"      # default 15 days
    dialog = _settings_dialog(qtbot, main_window)
    assert dialog.followup_days.text() == "15"
    # refused: not a positive integer — nothing saved, even the valid change next to it
    type_into(dialog.followup_days, "0")
    type_into(dialog.retention_choices, "10年, 永久")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors.message("followup_days") != "", timeout=WAIT_MS)
    assert "须为正整数" in dialog.errors.message("followup_days")
    assert desk.settings.get("followup_days") is None
    assert desk.settings.get("retention_choices") is None
    # a bad agreement number pattern lands next to its field
    type_into(dialog.followup_days, "30")
    # (the pattern is shown and typed in words: 〔年份〕 for {year} …)
    assert dialog.agreement_no_pattern.text() == "（〔年份〕）〔简称〕调协字第〔序号〕号"
    assert dialog.pattern_example.text() == "例如：（2026）红旗调协字第1号"
    type_into(dialog.agreement_no_pattern, "第〔序号〕号")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors.message("agreement_no_pattern") != "", timeout=WAIT_MS)
    assert "〔年份〕" in dialog.errors.message("agreement_no_pattern")
    assert "{" not in dialog.errors.message("agreement_no_pattern")
    assert desk.settings.get("followup_days") is None
    # accepted; the size in megabytes, the types ticked
    type_into(dialog.agreement_no_pattern, "（〔年份〕）〔简称〕调协第〔序号〕号")
    type_into(dialog.attachment_max_bytes, "5")
    dialog.type_boxes[("tif", "tiff")].setChecked(False)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.saved, timeout=WAIT_MS)
    wait_idle(qtbot)
    assert desk.settings.get("followup_days") == 30
    assert desk.settings.get("retention_choices") == ["10年", "永久"]
    org_id = desk.settings.get("committee_id")
    assert desk.agreements.number_pattern(org_id) == "（{year}）{short}调协第{n}号"
    assert desk.agreements.get(aid)["followup_planned"] == "2026-05-10"
    assert desk.settings.get("attachment_max_bytes") == 5 * 1024 * 1024
    assert desk.settings.get("attachment_types") == ["jpeg", "jpg", "pdf", "png"]
    assert desk.dossier.retention_choices() == ["10年", "永久"]
    audited = {r["record_id"] for r in desk.query(
        "SELECT record_id FROM audit_log WHERE table_name = 'settings'")}
    assert {"followup_days", "retention_choices"} <= audited


def test_dialogs_render_in_chinese(qtbot, desk, main_window, tmp_path):
    """Both dialogs render offscreen (ADMIN_SHOTS=folder keeps the pictures to look at)."""
    import os
    import shutil

    dialog = _mediators_dialog(qtbot, main_window)
    form = dialog.add()
    settings = _settings_dialog(qtbot, main_window)
    assert (dialog.windowTitle(), form.windowTitle(), settings.windowTitle()) == (
        "人民调解员", "添加调解员", "调解流程设置")
    assert settings.attachment_max_bytes.text() == "20"
    assert all(box.isChecked() for box in settings.type_boxes.values())
    for name, widget in (("mediators", dialog), ("mediator_form", form), ("settings", settings)):
        path = tmp_path / f"{name}.png"
        assert widget.grab().save(str(path))
        if os.environ.get("ADMIN_SHOTS"):
            shutil.copy(path, os.path.join(os.environ["ADMIN_SHOTS"], path.name))
    form.close()
