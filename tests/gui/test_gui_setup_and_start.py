"""First-run setup, start-up decisions, and a refused database."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from mediator_desk.core.cases import CaseFilter
from mediator_desk.core.desk import Desk
from mediator_desk.core.setup import is_set_up
from mediator_desk.gui import app as gui_app_module
from mediator_desk.gui import worker
from mediator_desk.gui.setup_dialog import SetupDialog
from gui_helpers import WAIT_MS, choose, type_into, wait_idle


@pytest.fixture
def fresh_desk(tmp_path, gui_app, messages, qtbot):
    desk = Desk.open(tmp_path / "fresh.db")
    worker.install(desk)
    yield desk
    wait_idle(qtbot)
    worker.shutdown()
    desk.close()


def _fill(dialog, **over):
    values = dict(committee_name="红旗嘎查人民调解委员会", township_name="巴彦塔拉苏木",
                  county_name="阿鲁科尔沁旗", short_name="红旗", mediator_name="乌力吉",
                  mediator_phone="13904761234")
    values.update(over)
    for field, text in values.items():
        type_into(getattr(dialog, field), text)


def test_setup_dialog_creates_the_committee(qtbot, fresh_desk):
    dialog = SetupDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    choose(dialog.level, "village")
    _fill(dialog)
    choose(dialog.mediator_sex, "男")
    assert "（" in dialog.example.text() and "红旗人调字第1号" in dialog.example.text()
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    desk = fresh_desk
    assert is_set_up(desk)
    committee = desk.organisations.get(desk.settings.get("committee_id"))
    assert (committee["name"], committee["short_name"], committee["kind"]) == (
        "红旗嘎查人民调解委员会", "红旗", "village")
    township = desk.organisations.get(committee["parent_id"])
    assert township["name"] == "巴彦塔拉苏木"
    mediator = desk.mediators.get(desk.settings.get("current_mediator_id"))
    assert (mediator["name"], mediator["sex"], mediator["phone"]) == ("乌力吉", "男", "13904761234")
    assert dialog.result_ids["committee_id"] == committee["id"]


def test_setup_refusals_show_at_the_field_and_write_nothing(qtbot, fresh_desk):
    dialog = SetupDialog()
    qtbot.addWidget(dialog)
    choose(dialog.level, "village")
    _fill(dialog, township_name="", mediator_phone="12345")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors.shown() != {}, timeout=WAIT_MS)
    assert "乡镇" in dialog.errors.message("township_name")
    assert not is_set_up(fresh_desk)
    type_into(dialog.township_name, "巴彦塔拉苏木")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors.message("mediator_phone") != "", timeout=WAIT_MS)
    assert "电话号码格式不正确" in dialog.errors.message("mediator_phone")
    wait_idle(qtbot)
    assert not is_set_up(fresh_desk)
    assert fresh_desk.scalar("SELECT count(*) FROM organisations") == 0


def test_setup_with_sample_data(qtbot, fresh_desk, monkeypatch):
    from mediator_desk.gui import setup_dialog

    monkeypatch.setattr(setup_dialog, "SAMPLE_CASES", 30)
    dialog = SetupDialog()
    qtbot.addWidget(dialog)
    choose(dialog.level, "village")
    _fill(dialog)
    assert dialog.sample.isEnabled()
    dialog.sample.setChecked(True)
    assert not dialog.committee_box.isEnabled()     # the sample brings its own committees
    with qtbot.waitSignal(dialog.accepted, timeout=60_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    assert is_set_up(fresh_desk)
    assert fresh_desk.cases.count() == 30
    assert dialog.result_ids["committee_id"] == fresh_desk.settings.get("committee_id")
    assert fresh_desk.scalar("SELECT count(*) FROM organisations WHERE name = ?",
                             ("红旗嘎查人民调解委员会",)) == 0      # typed fields not used


def test_refused_database_shows_the_reason_and_leaves_the_file(tmp_path, gui_app, messages):
    path = tmp_path / "notes.db"
    content = b"These are my notes, not a database.\n" * 20
    path.write_bytes(content)
    assert gui_app_module.run(db_path=str(path)) == gui_app_module.EXIT_REFUSED
    assert len(messages.errors) == 1 and "不是本软件的数据库" in messages.errors[0]
    assert "文件未作任何修改" in messages.errors[0]
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]   # no -wal, no backup


def test_run_shows_setup_first_and_stops_if_cancelled(tmp_path, gui_app, messages, monkeypatch):
    shown = []

    def fake_exec(self):
        shown.append(type(self).__name__)
        return 0     # the user closed the setup dialog

    monkeypatch.setattr(SetupDialog, "exec", fake_exec)
    assert gui_app_module.run(db_path=str(tmp_path / "new.db")) == gui_app_module.EXIT_CANCELLED
    assert shown == ["SetupDialog"]
    with Desk.open(tmp_path / "new.db") as desk:
        assert not is_set_up(desk)


def test_run_opens_the_main_window_when_set_up(db_path, gui_app, messages, monkeypatch):
    from PySide6.QtWidgets import QApplication

    from mediator_desk.gui.main_window import MainWindow

    opened = []

    def fake_exec():
        windows = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, MainWindow) and w.isVisible()]
        opened.extend(windows)
        for w in windows:
            w.close()
        return 0

    monkeypatch.setattr(SetupDialog, "exec", lambda self: pytest.fail("setup shown again"))
    monkeypatch.setattr(gui_app, "exec", fake_exec)
    assert gui_app_module.run(db_path=str(db_path)) == 0
    assert len(opened) == 1


def test_setup_shows_every_missing_field_at_once_and_suggests_the_short_name(qtbot,
                                                                             fresh_desk):
    dialog = SetupDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    choose(dialog.level, "village")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(dialog.errors.shown()) >= 4, timeout=WAIT_MS)
    assert set(dialog.errors.shown()) >= {"committee_name", "township_name", "short_name",
                                          "mediator_name"}
    # typing the committee's name suggests the short name (until one is typed)
    dialog.committee_name.setText("红旗嘎查人民调解委员会")
    assert dialog.short_name.text() == "红旗"
    assert "short_name" not in dialog.errors.shown()
    dialog.short_name.setText("红旗村")
    dialog.short_name.textEdited.emit("红旗村")
    dialog.committee_name.setText("东升村人民调解委员会")
    assert dialog.short_name.text() == "红旗村"
    dialog.reject()


def test_setup_defaults_to_the_role_chosen_with_site_init(qtbot, fresh_desk):
    from mediator_desk import sync

    sync.init_site(fresh_desk, role="office", name="巴彦塔拉司法所")
    dialog = SetupDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.site_role.currentData() == "office", timeout=WAIT_MS)
    assert dialog.site_name.text() == "巴彦塔拉司法所"
    assert dialog.level.currentData() == "township"
    dialog.reject()


def test_the_real_start_shows_the_list_first_and_adds_the_rest_right_after(runner, qtbot,
                                                                          make_case,
                                                                          monkeypatch):
    """``run`` builds the window in two steps: the list (usable, its rows painted) and then
    the to-do panel, the documents and data-exchange menus, the tabs and the style (ready)."""
    from PySide6.QtCore import QEvent, QObject

    from mediator_desk.gui import app as app_module
    from mediator_desk.gui import style
    from mediator_desk.gui.app import create_main_window

    import time

    make_case()
    runner.desk.take_changes()
    # The first page comes after the window's first (empty) paint, as on a large database.
    search = type(runner.desk.cases).search
    monkeypatch.setattr(type(runner.desk.cases), "search",
                        lambda *a, **k: (time.sleep(0.1), search(*a, **k))[1])
    window = create_main_window(runner.desk, deferred=True)
    qtbot.addWidget(window)
    assert not window.is_ready and window.todo_panel is None

    class RowPaints(QObject):         # paints of the list once it has rows to show
        count = 0

        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and window.table.verticalHeader().count():
                self.count += 1
            return False

    paints = RowPaints()
    window.table.viewport().installEventFilter(paints)
    painted_before_the_rest: list[int] = []
    finish = app_module.finish_main_window
    monkeypatch.setattr(app_module, "finish_main_window",
                        lambda w: (painted_before_the_rest.append(paints.count), finish(w)))
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.usable, timeout=WAIT_MS):
        pass
    assert window.model.rowCount() == len(runner.desk.cases.search(CaseFilter())) > 0
    assert window.context.committee_id
    with qtbot.waitSignal(window.ready, timeout=WAIT_MS):
        pass
    assert painted_before_the_rest and painted_before_the_rest[0] >= 1
    assert window.todo_dock.widget() is window.todo_panel
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[-2:] == ["文书(&D)", "数据交换(&X)"], titles
    app = QApplication.instance()
    assert style.installed(app) and app.styleSheet() == ""
    assert window.menuBar().styleSheet() == style.MENU_STYLE
    qtbot.waitUntil(lambda: window.todo_panel.total_label.text() != "", timeout=WAIT_MS)


def test_a_deferred_start_does_nothing_for_a_window_closed_before_it_was_usable(runner,
                                                                                qtbot):
    from mediator_desk.gui.app import create_main_window

    window = create_main_window(runner.desk, deferred=True)
    qtbot.addWidget(window)
    window.show()
    window.close()
    qtbot.waitUntil(lambda: window.is_usable, timeout=WAIT_MS)
    qtbot.wait(50)
    assert not window.is_ready and window.todo_panel is None


def test_the_program_started_with_the_probe_reports_usable_then_ready(db_path, make_case,
                                                                      tmp_path):
    """The start-up probe (benchmarks, the installed-program check): the real program says
    when its window is usable and when the rest of the start is done, then quits."""
    import os
    import subprocess
    import sys

    make_case()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MEDIATOR_DESK_STARTUP_PROBE="1",
               HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run([sys.executable, "-m", "mediator_desk", "--db", str(db_path)],
                          capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.split()
    assert lines[:2] == ["SHOWN", "1"] and lines[2].startswith("cpu="), done.stdout
    assert float(lines[2][4:]) > 0 and lines[3:] == ["READY"], done.stdout
