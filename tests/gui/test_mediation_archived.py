"""An archived case is read-only in the GUI; a missing attachment file is reported while the
case still opens; the history reads in Chinese; no English on the mediation screens."""

import sys
from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gui_helpers import wait_idle  # noqa: E402
from path_helpers import PDF, T, click, open_case, png_bytes, tab  # noqa: E402
from test_translations import _english, _visible_texts  # noqa: E402

from mediation_helpers import accepted_case, signed_written  # noqa: E402
from mediator_desk.gui import today as gui_today  # noqa: E402
from mediator_desk.gui.tabs.agreement import AgreementTab  # noqa: E402
from mediator_desk.gui.tabs.attachments import AttachmentsTab  # noqa: E402
from mediator_desk.gui.tabs.casefile import CaseFileTab  # noqa: E402
from mediator_desk.gui.tabs.case_path import PathTab  # noqa: E402
from mediator_desk.gui.tabs.widgets import is_editable  # noqa: E402
from mediator_desk.gui.tabs.followups import FollowUpTab  # noqa: E402
from mediator_desk.gui.tabs.history import HistoryTab  # noqa: E402
from mediator_desk.gui.tabs.mediation import MediationTab  # noqa: E402
from mediator_desk.gui.tabs.outcome import OutcomeTab  # noqa: E402


def _archived_case(desk, make_case, tmp_path) -> tuple[str, str]:
    """A performed written agreement, archived; returns (case id, identity attachment id)."""
    case_id = accepted_case(desk, make_case)
    desk.sessions.add_mediation(case_id, held_on="2026-03-09", mediators=["乌力吉"],
                                parties_present=["张三", "李四"], result="agreed", today=T)
    scan = tmp_path / "签字件.pdf"
    scan.write_bytes(PDF)
    aid = signed_written(desk, case_id, scan=scan)
    desk.agreements.record_performance(aid, status="performed", checked_on="2026-04-10",
                                       today=T)
    identity = desk.attachments.add_bytes(case_id, png_bytes(), file_name="张三身份证.png",
                                          item="identity")
    desk.dossier.archive(case_id, archived_on="2026-05-01", retention="永久",
                         archived_by="乌力吉", today=T)
    desk.take_changes()
    return case_id, identity


def test_archived_case_is_read_only_and_a_missing_file_is_reported(
        qtbot, desk, make_case, main_window, messages, monkeypatch, tmp_path):
    monkeypatch.setattr(gui_today, "FIXED", T)
    case_id, identity = _archived_case(desk, make_case, tmp_path)
    desk.attachments.path_of(identity).unlink()            # the file went missing
    window = open_case(qtbot, main_window, case_id)

    banner = window._mediation_path.banner
    assert banner.isVisible()
    assert banner.text() == ("本案已于2026-05-01由乌力吉立卷归档（保管期限：永久），"
                             "只能查看，不能修改。")
    assert not window.editor.save_button.isVisible()
    for page in window.findChildren(PathTab):
        tab(window, type(page))
        for button in page.findChildren(QAbstractButton):
            if button in page._actions:
                assert not button.isVisible(), (type(page).__name__, button.text())
        for w in page._editors:
            assert not is_editable(w), (type(page).__name__, type(w).__name__)
    ag = tab(window, AgreementTab)
    assert ag.terms.table.editTriggers() == ag.terms.table.EditTrigger.NoEditTriggers
    assert not ag.terms.add_button.isVisible() and not ag.sign_box.isVisible()
    assert ag.terms.rows() == [["李四于期限内拆除院墙"]]
    at = tab(window, AttachmentsTab)
    assert not at.add_box.isVisible()
    c = tab(window, CaseFileTab)
    assert "2026-05-01由乌力吉立卷，保管期限永久" in c.archive_label.text()

    # the attachment whose file is gone: listed as missing, cannot be opened
    at = tab(window, AttachmentsTab)
    assert at.missing_label.isVisible() and "张三身份证.png" in at.missing_label.text()
    row = next(i for i in range(at.files.count())
               if "张三身份证.png" in at.files.item(i).text())
    assert "数据文件夹中找不到该文件" in at.files.item(row).text()
    at.files.setCurrentRow(row)
    assert not at.open_button.isEnabled()
    at.open_selected()
    assert messages.errors and "张三身份证.png" in messages.errors[-1]
    # the signed scan is still there and opens through the viewer (replaced here)
    opened = []
    from mediator_desk.gui.files import Files
    monkeypatch.setattr(Files, "open_file", classmethod(lambda cls, path: opened.append(path)))
    scan_row = next(i for i in range(at.files.count())
                    if "签字件.pdf" in at.files.item(i).text())
    at.files.setCurrentRow(scan_row)
    assert at.open_button.isEnabled()
    click(qtbot, at.open_button)
    assert opened and Path(opened[0]).name == "签字件.pdf"
    assert Path(opened[0]).read_bytes() == PDF

    h = tab(window, HistoryTab)
    labels = [e["action_label"] for e in h.entries]
    assert labels[0] == "案件状态变更" and "立卷归档" in labels and "添加附件" in labels
    row = next(r for r in range(h.list.rowCount()) if h.list.item(r, 2).text() == "立卷归档")
    assert "保管期限：永久" in h.list.item(row, 4).text()
    assert h.list.item(row, 3).text() == "立卷归档"


def test_no_english_on_the_mediation_screens(qtbot, desk, make_case, main_window,
                                             monkeypatch, tmp_path):
    monkeypatch.setattr(gui_today, "FIXED", T)
    case_id = accepted_case(desk, make_case)
    aid = signed_written(desk, case_id)
    desk.outcomes.flag_risk(case_id, kind="criminal", flagged_on="2026-03-03",
                            note="李四扬言报复", today=T)
    desk.take_changes()
    window = open_case(qtbot, main_window, case_id)
    # this feature's screens only (other features check their own)
    widgets: list[QWidget] = list(window.findChildren(PathTab)) + [main_window.todo_panel]
    m = tab(window, MediationTab)
    widgets += [m.add_investigation(), m.add_mediation()]
    o = tab(window, OutcomeTab)
    o.risks.selectRow(0)
    widgets += [o.flag_risk(), o.report()]
    ag = tab(window, AgreementTab)
    widgets.append(ag.void())
    ag.start_supplement()
    f = tab(window, FollowUpTab)
    widgets.append(f.add_visit())
    c = tab(window, CaseFileTab)
    widgets.append(c.archive())
    texts = [t for w in widgets for t in _visible_texts(w)]
    texts += [window.tabs.tabText(i) for i in range(window.tabs.count())
              if isinstance(window.tabs.widget(i), PathTab)]
    assert len(texts) > 200
    assert _english(texts) == []
    for w in widgets:
        if hasattr(w, "reject"):
            w.reject()
    wait_idle(qtbot)
    assert desk.agreements.get(aid)["state"] == "in_force"


def test_archive_button_waits_for_open_performance(
        qtbot, desk, make_case, main_window, monkeypatch, tmp_path):
    """A complete file whose performance is not yet recorded cannot be archived: the button
    is disabled and its tooltip gives the core's reason."""
    monkeypatch.setattr(gui_today, "FIXED", T)
    case_id = accepted_case(desk, make_case)
    desk.sessions.add_mediation(case_id, held_on="2026-03-09", mediators=["乌力吉"],
                                parties_present=["张三", "李四"], result="agreed", today=T)
    signed_written(desk, case_id)
    desk.attachments.add_bytes(case_id, png_bytes(), file_name="张三身份证.png", item="identity")
    desk.take_changes()
    window = open_case(qtbot, main_window, case_id)
    c = tab(window, CaseFileTab)
    assert not c.archive_button.isEnabled()
    assert "履行情况尚未核实登记" in c.archive_button.toolTip()
