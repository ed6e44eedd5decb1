"""No silent overwrite beyond the case editor: a mediation record dialog and the mediators
dialog, open while another process changes the same record, keep the other change or refuse
the save next to the field — never writing back what they loaded over it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gui_helpers import WAIT_MS, type_into, wait_idle  # noqa: E402
from path_helpers import T, click, ok, open_case, tab  # noqa: E402

from mediation_helpers import accepted_case  # noqa: E402
from mediator_desk.gui import today as gui_today  # noqa: E402
from mediator_desk.gui.tabs.mediation import MediationTab  # noqa: E402


def _other_process(db_path, code: str) -> None:
    script = (f"from datetime import date\nfrom mediator_desk.core.desk import Desk\n"
              f"desk = Desk.open({str(db_path)!r})\n{code}\ndesk.close()\n")
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)


def _mediation_dialog(qtbot, main_window, desk, make_case, monkeypatch):
    monkeypatch.setattr(gui_today, "FIXED", T)
    case_id = accepted_case(desk, make_case)
    rid = desk.sessions.add_mediation(case_id, held_on="2026-03-05", mediators=["乌力吉"],
                                      parties_present=["张三"], place="村委会", today=T)
    desk.take_changes()
    window = open_case(qtbot, main_window, case_id)
    m = tab(window, MediationTab)
    m.mediations.selectRow(0)
    click(qtbot, m.edit_mediation_button)
    return rid, m.dialog


def test_a_mediation_record_dialog_keeps_a_change_saved_meanwhile(qtbot, desk, db_path,
                                                                   make_case, main_window,
                                                                   messages, monkeypatch):
    rid, d = _mediation_dialog(qtbot, main_window, desk, make_case, monkeypatch)
    type_into(d.place, "李四家院内")                       # A changes only the place
    _other_process(db_path, f"desk.sessions.update_mediation({rid!r}, findings='乙查明的事实',"
                            " today=date(2026, 6, 30))")
    ok(qtbot, d)
    assert d.saved
    row = desk.sessions.get_mediation(rid)
    assert row["place"] == "李四家院内" and row["findings"] == "乙查明的事实"
    assert messages.errors == []


def test_a_mediation_record_dialog_refuses_the_same_field_changed_meanwhile(
        qtbot, desk, db_path, make_case, main_window, monkeypatch):
    rid, d = _mediation_dialog(qtbot, main_window, desk, make_case, monkeypatch)
    type_into(d.place, "李四家院内")
    d.findings.setPlainText("甲查明的事实")
    _other_process(db_path, f"desk.sessions.update_mediation({rid!r}, place='乙写的地点',"
                            " today=date(2026, 6, 30))")
    before = desk.scalar("SELECT count(*) FROM audit_log")
    ok(qtbot, d)
    assert not d.saved and d.isVisible()
    message = d.errors.message("place")
    assert "地点现为“乙写的地点”" in message and "没有保存" in message
    row = desk.sessions.get_mediation(rid)
    assert row["place"] == "乙写的地点" and row["findings"] == ""   # nothing of A's written
    assert desk.scalar("SELECT count(*) FROM audit_log") == before


def _mediators_dialog(qtbot, main_window):
    main_window.mediators_action.trigger()
    dialog = main_window.mediators_dialog
    qtbot.waitUntil(lambda: not dialog.loading and dialog.table.rowCount() > 0, timeout=WAIT_MS)
    return dialog


def test_the_mediator_form_keeps_or_refuses_a_change_saved_meanwhile(qtbot, desk, db_path,
                                                                      main_window):
    mid = desk.settings.get("current_mediator_id")
    dialog = _mediators_dialog(qtbot, main_window)
    assert dialog.select_name("乌力吉")
    form = dialog.edit_selected()
    type_into(form.profession, "退休教师")                  # A changes the profession …
    _other_process(db_path, f"desk.mediators.update({mid!r}, title='金牌调解员')")
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(form.saved_id), timeout=WAIT_MS)
    row = desk.mediators.get(mid)
    assert row["profession"] == "退休教师" and row["title"] == "金牌调解员"   # … B's title kept

    wait_idle(qtbot)
    qtbot.waitUntil(lambda: not dialog.loading, timeout=WAIT_MS)
    assert dialog.select_name("乌力吉")
    form = dialog.edit_selected()
    type_into(form.title, "一级调解员")                     # A and B both change the title
    _other_process(db_path, f"desk.mediators.update({mid!r}, title='二级调解员')")
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.errors.message("title") != "", timeout=WAIT_MS)
    assert "现为“二级调解员”" in form.errors.message("title")
    assert form.isVisible() and desk.mediators.get(mid)["title"] == "二级调解员"
