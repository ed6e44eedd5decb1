"""Register a case with two parties through the real widgets, then find it in the list."""

from PySide6.QtCore import Qt

from gui_helpers import VALID_ID, WAIT_MS, add_party, fill_case, search, wait_idle


def _other_cases(make_case):
    # Cases that must NOT match the searches below.
    wang = make_case(parties=[dict(name="王五", role="applicant", phone="13800001111")],
                     summary="土地边界争议", received_date="2026-10-01")
    zhao = make_case(parties=[dict(name="赵六", role="applicant")], summary="欠款纠纷",
                     received_date="2025-05-05", dispute_type="04")
    return wang, zhao


def test_register_case_with_two_parties_and_find_it(qtbot, desk, make_case, runner, messages):
    wang, _zhao = _other_cases(make_case)
    from mediator_desk.gui.app import create_main_window

    window = create_main_window(desk)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.model.rowCount() == 2 and bool(window.context.committee_id),
                    timeout=WAIT_MS)

    qtbot.mouseClick(window.new_case_button, Qt.MouseButton.LeftButton)
    case_window = window.new_case_window
    editor = case_window.editor
    fill_case(editor, summary="两家因院墙位置发生争执，互不相让", claims="确认院墙边界")
    editor.place.setText("红旗嘎查三组")
    editor.amount.setText("1.2万")
    first = add_party(qtbot, editor, name="欧阳娜", id_number=VALID_ID, phone="139 1234 5678")
    # a valid ID number filled in birth date and sex; the phone was normalised
    assert first["birth_date"] == "1949-12-31" and first["sex"] == "女"
    assert first["phone"] == "13912345678" and first["role"] == "applicant"
    second = add_party(qtbot, editor, name="李四", phone="0476-8123456", ethnicity="02")
    assert second["role"] == "respondent"

    with qtbot.waitSignal(case_window.caseLoaded, timeout=WAIT_MS) as loaded:
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    case = loaded.args[0]
    assert case["case_no"] == "（2026）红旗人调字第2号"
    assert case_window.windowTitle() == case["case_no"]
    assert messages.errors == []

    # what the database holds (the worker is idle now)
    wait_idle(qtbot)
    row = desk.cases.get(case["id"])
    assert row["summary"] == "两家因院墙位置发生争执，互不相让" and row["amount_fen"] == 1_200_000
    assert row["place"] == "红旗嘎查三组"
    assert [(p["name"], p["role"], p["id_number"]) for p in row["parties"]] == [
        ("欧阳娜", "applicant", VALID_ID), ("李四", "respondent", "")]
    assert row["parties"][1]["ethnicity"] == "02"
    assert [m["name"] for m in row["mediators"]] == ["乌力吉"]
    assert desk.scalar("SELECT count(*) FROM audit_log WHERE case_id = ? AND action = 'register'",
                       (case["id"],)) == 1

    # the list picked the new case up (change broadcast), then the searches find it
    qtbot.waitUntil(lambda: window.model.row_of(case["id"]) >= 0, timeout=WAIT_MS)
    assert search(qtbot, window, "李四") == [case["id"]]          # 2-character name
    assert search(qtbot, window, "ouyn") == []                   # not a pinyin of 欧阳娜
    assert search(qtbot, window, "oyn") == [case["id"]]          # pinyin initials
    assert search(qtbot, window, "0519") == [case["id"]]         # ID-number fragment
    assert search(qtbot, window, "8123456") == [case["id"]]      # phone fragment
    assert search(qtbot, window, "互不相让") == [case["id"]]      # summary text
    assert window.count_label.text() == "找到 1 件"
    assert search(qtbot, window, "王") == [wang]                 # 1-character name
    search(qtbot, window, "")
    assert window.model.rowCount() == 3
    assert "共 3 件" in window.count_label.text()


def test_zs_finds_zhang_san_and_filters_narrow(qtbot, desk, make_case, main_window):
    zhang = make_case()    # 张三 and 李四, neighbour dispute (02), 2026
    other = make_case(parties=[dict(name="赵六", role="applicant")], dispute_type="04",
                      received_date="2025-05-05")
    main_window.model.reload()
    qtbot.waitUntil(lambda: main_window.model.rowCount() == 2, timeout=WAIT_MS)
    assert search(qtbot, main_window, "zs") == [zhang]
    assert search(qtbot, main_window, "张") == [zhang]           # 1-character name
    search(qtbot, main_window, "")
    main_window.load_context()
    qtbot.waitUntil(lambda: main_window.year_filter.findData(2025) >= 0, timeout=WAIT_MS)
    main_window.year_filter.setCurrentIndex(main_window.year_filter.findData(2025))
    qtbot.waitUntil(lambda: main_window.model.filter.year == 2025
                    and not main_window.model.loading, timeout=WAIT_MS)
    wait_idle(qtbot)
    assert [main_window.model.case_id(r) for r in range(main_window.model.rowCount())] == [other]
    main_window.year_filter.setCurrentIndex(0)
    main_window.type_filter.setCurrentIndex(main_window.type_filter.findData("02"))
    qtbot.waitUntil(lambda: main_window.model.filter.dispute_type == "02"
                    and not main_window.model.loading, timeout=WAIT_MS)
    wait_idle(qtbot)
    assert main_window.model.rowCount() == 1 and main_window.model.case_id(0) == zhang
    assert main_window.status_filter.findData("registered") >= 0
    assert main_window.org_filter.findData(desk.settings.get("committee_id")) >= 0
