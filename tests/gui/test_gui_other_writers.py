"""Two windows (or the CLI) on one database: the case editor never writes back
what it loaded over a change saved meanwhile, and the screens show other processes' writes."""

from __future__ import annotations

import subprocess
import sys

import pytest

from gui_helpers import WAIT_MS, open_first_case, wait_idle
from mediator_desk.gui import worker


def _other_process(db_path, code: str) -> None:
    script = (f"from mediator_desk.core.desk import Desk\ndesk = Desk.open({str(db_path)!r})\n"
              f"{code}\ndesk.close()\n")
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)


def test_the_editor_keeps_a_change_saved_meanwhile_elsewhere(qtbot, desk, db_path, make_case,
                                                              main_window, messages):
    case_id = make_case()
    case_window = open_first_case(qtbot, main_window)
    editor = case_window.editor
    editor.place.setText("东营子")                           # A changes only the place …
    _other_process(db_path, f"desk.cases.update({case_id!r}, summary='乙改过的案情')")
    with qtbot.waitSignal(case_window.caseLoaded, timeout=WAIT_MS):
        editor.save()                                        # … and saves the old summary too
    wait_idle(qtbot)
    row = desk.cases.get_row(case_id)
    assert row["summary"] == "乙改过的案情" and row["place"] == "东营子"
    assert messages.errors == []


def test_the_editor_refuses_to_overwrite_the_same_field(qtbot, desk, db_path, make_case,
                                                         main_window, messages):
    case_id = make_case()
    case_window = open_first_case(qtbot, main_window)
    editor = case_window.editor
    editor.summary.setPlainText("甲改过的案情")
    _other_process(db_path, f"desk.cases.update({case_id!r}, summary='乙改过的案情')")
    editor.save()
    wait_idle(qtbot)
    assert "纠纷简要情况现为“乙改过的案情”" in editor.errors.message("summary")
    assert desk.cases.get_row(case_id)["summary"] == "乙改过的案情"
    assert editor.dirty                                      # what A typed is still there


@pytest.fixture
def watch_often(monkeypatch):
    """The window looks for other processes' writes every 50 ms instead of every 2 s (set
    before the worker starts)."""
    monkeypatch.setattr(worker, "WATCH_MS", 50)


def test_a_case_registered_by_another_process_appears_in_the_list(qtbot, desk, db_path,
                                                                  make_case, watch_often,
                                                                  main_window):
    make_case()
    main_window.model.reload()
    qtbot.waitUntil(lambda: main_window.model.rowCount() == 1, timeout=WAIT_MS)
    _other_process(db_path, (
        "desk.cases.register(org_id=desk.settings.get('committee_id'),"
        " received_date='2026-11-21', source='apply', dispute_type='02',"
        " summary='命令行登记的案件', parties=[dict(name='赵六', role='applicant')],"
        " mediator_ids=[])"))
    qtbot.waitUntil(lambda: main_window.model.rowCount() == 2, timeout=10_000)
