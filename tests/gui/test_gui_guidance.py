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
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    editor.place.setFocus()
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


def test_what_the_desk_knows_is_filled_in(qtbot, desk, make_case, main_window, monkeypatch):
    """The recorder is the current mediator, the person asked is chosen among the parties,
    涉及人数 follows the parties; who was present is never ticked."""
    from gui_helpers import add_party
    from mediator_desk.gui.tabs.mediation import MediationTab

    monkeypatch.setattr(gui_today, "FIXED", T)
    case_id = accepted_case(desk, make_case)
    desk.take_changes()
    window = open_case(qtbot, main_window, case_id)
    m = tab(window, MediationTab)
    dialog = m.add_investigation()
    assert dialog.recorder.text() == "乌力吉"
    assert [dialog.subject.itemText(i) for i in range(dialog.subject.count())] == ["张三", "李四"]
    assert dialog.subject.text() == ""
    assert dialog.investigators.names() == []          # attendance is typed by people
    dialog.reject()
    dialog = m.add_mediation()
    assert dialog.recorder.text() == "乌力吉" and dialog.parties_present.names() == []
    dialog.reject()
    wait_idle(qtbot)

    new = main_window.new_case()
    editor = new.editor
    assert editor.people_involved.value() == 0
    add_party(qtbot, editor, name="王五", role="applicant")
    add_party(qtbot, editor, name="赵六", role="respondent")
    assert editor.people_involved.value() == 2
    editor.people_involved.setValue(9)                 # typed: kept from now on
    add_party(qtbot, editor, name="钱七", role="third_party")
    assert editor.people_involved.value() == 9
    editor._set_clean()
    assert editor.party_dialog is None


def test_a_repeat_party_offers_the_details_recorded_then(qtbot, desk, make_case, main_window):
    from gui_helpers import VALID_ID

    make_case(parties=[dict(name="张三", role="applicant", id_number=VALID_ID,
                            phone="13912345678", address="红旗嘎查三组", ethnicity="02"),
                       dict(name="李四", role="respondent")])
    desk.take_changes()
    new = main_window.new_case()
    dialog = new.editor.add_party()
    assert dialog.windowTitle() == "添加当事人"
    dialog.id_number.setText(VALID_ID)
    dialog._lookup_earlier()
    qtbot.waitUntil(lambda: dialog.earlier_box.isVisibleTo(dialog), timeout=WAIT_MS)
    assert dialog.use_earlier_button.isEnabled()
    assert dialog.use_earlier() == {"phone": "13912345678", "address": "红旗嘎查三组",
                                    "ethnicity": "02"}
    assert dialog.phone.text() == "13912345678" and dialog.ethnicity.currentData() == "02"
    dialog.reject()
    new.editor._set_clean()


def test_error_lines_never_start_with_a_closing_mark(gui_app):
    from PySide6.QtGui import QFontMetrics

    from mediator_desk.gui.forms import NO_LINE_START, wrap_text

    metrics = QFontMetrics(gui_app.font())
    text = "请填写“调委会名称”，例如“红旗嘎查人民调解委员会”，用于案件编号和文书抬头。" * 3
    for width in range(120, 400, 7):
        lines = wrap_text(text, metrics, width).split("\n")
        assert "".join(lines) == text
        assert not [line for line in lines if line[0] in NO_LINE_START], width


def test_the_main_window_opens_maximised_on_a_laptop_and_then_as_it_was(qtbot, main_window):
    from PySide6.QtCore import QSettings

    from mediator_desk.gui.app import GEOMETRY_KEY, show_main_window

    QSettings().remove(GEOMETRY_KEY)
    main_window.hide()
    show_main_window(main_window)
    assert main_window.isMaximized()
    main_window.showNormal()
    main_window.resize(1100, 600)
    QSettings().setValue(GEOMETRY_KEY, main_window.saveGeometry())
    main_window.hide()
    show_main_window(main_window)
    assert not main_window.isMaximized() and main_window.width() == 1100
    QSettings().remove(GEOMETRY_KEY)


def test_the_form_base_loads_and_reads_its_bound_fields(gui_app):
    from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox

    from mediator_desk.gui.form_dialog import FormDialog
    from mediator_desk.gui.forms import fill_combo, text_area
    from mediator_desk.gui.tabs.widgets import NameCombo, NamePicker

    form = FormDialog()
    form.field("place", "地点", QLineEdit())
    fill_combo(form.field("result", "结果", QComboBox()), [("agreed", "达成协议"),
                                                         ("failed", "调解不成")])
    form.field("rights", "", QCheckBox("已告知"))
    form.field("summary", "情况", text_area(2))
    form.field("people", "人数", QSpinBox())
    form.field("subject", "被调查人", NameCombo(["张三", "李四"]))
    picker = form.field("mediators", "调解员", NamePicker("其他人"))
    picker.set_choices(["乌力吉", "王芳"])
    record = {"place": "村委会", "result": "failed", "rights": True, "summary": "两家争执",
              "people": 4, "subject": "李四", "mediators": ["王芳", "外请专家"]}
    form.load(record)
    assert form.field_values() == record
    form.errors.show("place", "请填写地点")
    form.place_edit = form.errors.widget("place")
    form.place_edit.textEdited.emit("村")          # typing clears the field's message
    assert form.errors.shown() == {}
    form.deleteLater()


def test_text_size_for_the_whole_app_with_ctrl_plus_and_minus(qtbot, main_window):
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QApplication

    from mediator_desk.gui import text_size

    larger, smaller = main_window.text_size_actions
    assert QKeySequence("Ctrl+=") in larger.shortcuts()
    assert QKeySequence("Ctrl+-") in smaller.shortcuts()
    try:
        larger.trigger()
        assert QApplication.font().pointSize() == text_size.POINT_SIZES[1]
        qtbot.waitUntil(lambda: main_window.font().pointSize() == text_size.POINT_SIZES[1],
                        timeout=WAIT_MS)             # every widget follows the app's font
        larger.trigger()
        larger.trigger()                         # no larger than 特大
        assert QApplication.font().pointSize() == text_size.POINT_SIZES[-1]
        assert int(QSettings().value(text_size.KEY)) == len(text_size.POINT_SIZES) - 1
        assert main_window.frameGeometry().height() <= 768
    finally:
        for _ in text_size.POINT_SIZES:
            smaller.trigger()
    assert QApplication.font().pointSize() == text_size.POINT_SIZES[0]
    assert int(QSettings().value(text_size.KEY)) == 0


def test_the_committee_filter_reads_as_a_tree():
    from mediator_desk.gui.main_window import committee_choices

    committees = [dict(id="v2", name="东升村人民调解委员会", kind="village", parent_id="t1"),
                  dict(id="t1", name="天义镇人民调解委员会", kind="township", parent_id="c"),
                  dict(id="v1", name="三座店村人民调解委员会", kind="village", parent_id="t1"),
                  dict(id="s1", name="交通事故专业调解委员会", kind="specialised", parent_id="c")]
    assert committee_choices(committees) == [
        ("t1", "天义镇人民调解委员会"), ("v1", "\u3000三座店村人民调解委员会"),
        ("v2", "\u3000东升村人民调解委员会"), ("s1", "交通事故专业调解委员会")]


def test_a_new_agreement_is_offered_the_facts_never_the_terms(qtbot, desk, make_case,
                                                              main_window, monkeypatch):
    from mediator_desk.gui.tabs.agreement import AgreementTab

    monkeypatch.setattr(gui_today, "FIXED", T)
    case_id = accepted_case(desk, make_case, summary="两家因院墙位置发生争执")
    desk.sessions.add_mediation(case_id, held_on="2026-03-05", mediators=["乌力吉"],
                                parties_present=["张三", "李四"], place="村委会",
                                findings="院墙越界约半米", today=T)
    desk.take_changes()
    window = open_case(qtbot, main_window, case_id)
    agreement = tab(window, AgreementTab)
    assert agreement.mode == "new"
    assert agreement.recorder.text() == "乌力吉" and agreement.place.text() == "村委会"
    assert agreement.facts.toPlainText() == "" and agreement.terms.rows() == []
    assert agreement.facts_button.isVisibleTo(agreement)
    qtbot.mouseClick(agreement.facts_button, Qt.MouseButton.LeftButton)
    assert agreement.facts.toPlainText() == "两家因院墙位置发生争执\n院墙越界约半米"
    assert agreement.terms.rows() == [] and agreement.mediators.names() == []
