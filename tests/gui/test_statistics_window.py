"""The statistics window: the report opens with the engine's figures, a double-clicked number
lists the cases behind it and opens one, exports write files read back, a committee closes its
month after seeing the figures."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest

from gui_helpers import WAIT_MS, wait_idle
from mediation_helpers import T, accepted_case, signed_written
from mediator_desk.core.statistics import INDICATORS
from mediator_desk.gui import today as gui_today
from mediator_desk.gui.printing import OutputDialogs


@pytest.fixture
def fixed_today(monkeypatch):
    monkeypatch.setattr(gui_today, "FIXED", date(2026, 6, 30))


@pytest.fixture
def cases(desk, make_case):
    ok = accepted_case(desk, make_case, received="2026-03-02")
    signed_written(desk, ok)
    failed = accepted_case(desk, make_case, received="2026-03-05")
    desk.outcomes.end(failed, ended_on="2026-03-20", reason="分歧大",
                      routes_explained="可向人民法院起诉", today=T)
    desk.take_changes()
    return {"ok": ok, "failed": failed}


def _open(qtbot, main_window, period="2026-03"):
    window = main_window.show_statistics()
    qtbot.waitUntil(lambda: window.loaded is not None, timeout=WAIT_MS)
    window.set_period(period)
    qtbot.waitUntil(lambda: window.loaded["data"].report.period.code == period,
                    timeout=WAIT_MS)
    wait_idle(qtbot)
    return window


def _column(key):
    return 1 + [i.key for i in INDICATORS].index(key)


def test_report_opens_and_a_number_opens_its_cases(qtbot, main_window, cases, fixed_today,
                                                   desk):
    window = _open(qtbot, main_window)
    table = window.report_table
    total_row = table.rowCount() - 1
    assert table.item(total_row, 0).text() == "合计"
    assert table.item(total_row, _column("mediated")).text() == "2"
    assert table.item(total_row, _column("success_rate")).text() == "50.0"
    # double-click the number of successful cases: the list holds exactly that case
    table.cellDoubleClicked.emit(total_row, _column("success"))
    qtbot.waitUntil(lambda: bool(window.record_dialogs), timeout=WAIT_MS)
    dialog = window.record_dialogs[-1]
    assert [i["id"] for i in dialog.items] == [cases["ok"]]
    assert dialog.table.item(0, 0).text() == desk.cases.get_row(cases["ok"])["case_no"]
    dialog.table.cellDoubleClicked.emit(0, 0)
    qtbot.waitUntil(lambda: cases["ok"] in main_window.case_windows, timeout=WAIT_MS)
    wait_idle(qtbot)
    window.resize(1366, 768)
    window.grab().save(str(_shot()))


def _shot():
    from pathlib import Path
    import tempfile

    return Path(tempfile.gettempdir()) / "statistics_window.png"


def test_export_xlsx_equals_the_screen(qtbot, main_window, cases, fixed_today, tmp_path,
                                       monkeypatch):
    window = _open(qtbot, main_window)
    out = tmp_path / "月报.xlsx"
    monkeypatch.setattr(OutputDialogs, "save_path", classmethod(
        lambda cls, parent, title, suggested, fmt: str(out)))
    window.export("xlsx")
    qtbot.waitUntil(out.exists, timeout=WAIT_MS)
    wait_idle(qtbot)
    sheet = openpyxl.load_workbook(out)["月报"]
    table = window.report_table
    for r in range(table.rowCount()):
        row = [c.value for c in sheet[5 + r]]
        assert row[0] == table.item(r, 0).text()
        for c in range(1, table.columnCount()):
            shown = table.item(r, c).text()
            assert (row[c] is None and shown == "—") or \
                f"{row[c]:,.1f}".rstrip("0").rstrip(".") == shown.rstrip("0").rstrip(".") \
                or f"{row[c]:,}" == shown


def test_village_closes_the_month_after_seeing_its_figures(qtbot, main_window, cases,
                                                           fixed_today, messages, desk):
    window = _open(qtbot, main_window)
    assert window.close_month_button.isVisible() and window.close_month_button.isEnabled()
    window.close_month()
    qtbot.waitUntil(lambda: window.status.text() != "", timeout=WAIT_MS)
    assert "调解纠纷：2" in messages.questions[-1]
    qtbot.waitUntil(lambda: not window.close_month_button.isEnabled(), timeout=WAIT_MS)
    assert desk.query("SELECT period, zero FROM period_reports") == [
        {"period": "2026-03", "zero": 0}]
    # April had nothing: a zero report
    window.set_period("2026-04")
    qtbot.waitUntil(lambda: window.loaded["data"].report.period.code == "2026-04"
                    and window.close_month_button.isEnabled(), timeout=WAIT_MS)
    window.close_month()
    qtbot.waitUntil(lambda: "零上报" in messages.questions[-1] or len(messages.questions) > 1,
                    timeout=WAIT_MS)
    qtbot.waitUntil(lambda: desk.scalar("SELECT count(*) FROM period_reports") == 2,
                    timeout=WAIT_MS)
    assert desk.scalar("SELECT zero FROM period_reports WHERE period = '2026-04'") == 1


def test_office_locks_and_a_late_case_shows_as_a_correction(qtbot, desk, make_case, runner,
                                                            fixed_today, messages):
    from mediator_desk.gui.app import create_main_window

    with desk.transaction():
        desk.settings.set("site_role", "office")
    accepted_case(desk, make_case, received="2026-03-02")
    desk.take_changes()
    main_window = create_main_window(runner.desk)
    qtbot.addWidget(main_window)
    main_window.show()
    window = _open(qtbot, main_window)
    assert window.lock_button.isVisible() and not window.close_month_button.isVisible()
    window.lock()
    qtbot.waitUntil(lambda: window.loaded["lock"] is not None, timeout=WAIT_MS)
    assert not window.lock_button.isEnabled()
    late = {}
    worker_done = []
    from mediator_desk.gui import worker

    worker.run_op(window, lambda d: late.setdefault("id", accepted_case(
        d, make_case, received="2026-03-25")), worker_done.append)
    qtbot.waitUntil(lambda: window.tabs.tabText(3) != "更正（0）", timeout=WAIT_MS)
    wait_idle(qtbot)
    assert window.tabs.tabText(3) == "更正（2）"           # the committee's row and the total
    total_row = window.report_table.rowCount() - 1
    cell = window.report_table.item(total_row, _column("accepted"))
    assert cell.text() == "2" and cell.toolTip() == "锁定上报后有变动"


def test_breakdown_by_source_and_its_cases(qtbot, main_window, cases, fixed_today):
    window = _open(qtbot, main_window)
    window.breakdown.setCurrentIndex(window.breakdown.findData("source"))
    table = window.type_table
    qtbot.waitUntil(lambda: table.figures is not None and table.figures.by == ("source",),
                    timeout=WAIT_MS)
    labels = [table.item(r, 0).text() for r in range(table.rowCount())]
    row = labels.index("当事人申请")
    assert table.item(row, _column("mediated")).text() == "2"
    table.cellDoubleClicked.emit(row, _column("ended"))
    qtbot.waitUntil(lambda: bool(window.record_dialogs), timeout=WAIT_MS)
    assert [i["id"] for i in window.record_dialogs[-1].items] == [cases["failed"]]


def test_reporting_status_and_reminder_list(qtbot, desk, main_window, fixed_today, tmp_path,
                                            monkeypatch):
    village = desk.settings.get("committee_id")
    township = desk.organisations.get(village)["parent_id"]
    with desk.transaction():
        desk.settings.set("committee_id", township)      # this desk as the township's office
    other = desk.organisations.create(kind="village", name="白音村人民调解委员会",
                                      short_name="白音", parent_id=township)
    desk.mediators.add(name="其木格", sex="女", phone="13847601234", org_id=other)
    desk.statistics.close_month("2026-03", org=village, today=date(2026, 4, 2))
    desk.take_changes()
    window = _open(qtbot, main_window)
    status = window.completeness
    states = {status.item(r, 0).text(): status.item(r, 1).text()
              for r in range(status.rowCount())}
    assert states == {"红旗嘎查人民调解委员会": "零上报", "白音村人民调解委员会": "未报送"}
    assert "报送率 50.0%" in window.completeness_label.text()
    out = tmp_path / "催报.xlsx"
    monkeypatch.setattr(OutputDialogs, "save_path", classmethod(
        lambda cls, parent, title, suggested, fmt: str(out)))
    window.export_reminders()
    qtbot.waitUntil(out.exists, timeout=WAIT_MS)
    wait_idle(qtbot)
    rows = list(openpyxl.load_workbook(out).active.iter_rows(min_row=3, values_only=True))
    assert rows == [("白音村人民调解委员会", "2026-03", "其木格", "", "13847601234")]


def test_export_pdf_with_the_table_and_charts(qtbot, main_window, cases, fixed_today, tmp_path,
                                              monkeypatch):
    from pypdf import PdfReader

    window = _open(qtbot, main_window)
    out = tmp_path / "月报.pdf"
    monkeypatch.setattr(OutputDialogs, "save_path", classmethod(
        lambda cls, parent, title, suggested, fmt: str(out)))
    window.export("pdf")
    qtbot.waitUntil(out.exists, timeout=WAIT_MS)
    wait_idle(qtbot)
    text = "".join(p.extract_text() for p in PdfReader(out).pages)
    for words in ("人民调解工作统计月报", "红旗嘎查人民调解委员会", "填报人", "逐月趋势", "按纠纷类型"):
        assert words in text, words
