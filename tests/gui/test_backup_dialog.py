"""Settings → Backup and restore: create, list, verify and restore through the real dialog
(pytest-qt), and the automatic backups (daily, on closing)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt

from mediator_desk.gui import worker
from mediator_desk.storage import backup as store

from gui_helpers import WAIT_MS, wait_idle

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "backup"))
from backup_helpers import add_case, dump, without_audit_of_restore  # noqa: E402


def _on_worker(qtbot, op):
    """Run ``op(desk)`` on the worker (as the GUI does) and return its result."""
    box = []
    worker.run_op(None, op, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=WAIT_MS)
    wait_idle(qtbot)
    return box[0]


def _open_dialog(qtbot, window):
    window.backup_action.trigger()
    dialog = window.backup_dialog
    qtbot.waitUntil(lambda: not dialog.loading, timeout=WAIT_MS)
    return dialog


def _finish(qtbot, dialog):
    qtbot.waitUntil(lambda: dialog.progress is None and not dialog.loading, timeout=WAIT_MS)
    wait_idle(qtbot)


def test_create_list_verify_and_restore_from_the_dialog(qtbot, main_window, messages):
    window = main_window
    _on_worker(qtbot, lambda desk: add_case(desk, summary="备份里的案件"))
    dialog = _open_dialog(qtbot, window)
    assert dialog.table.rowCount() == 0
    assert str(store.default_root(worker.runner().desk.path)) in dialog.where.text()

    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.progress is not None          # a progress bar, the window stays live
    _finish(qtbot, dialog)
    assert dialog.table.rowCount() == 1
    made = dialog.backups[0]
    assert made["cases"] == 1 and made["verified"] and made["kind"] == "manual"
    assert dialog.table.item(0, 3).text() == "1"
    in_backup = dump(Path(made["path"]) / "database.db")

    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.verify_button, Qt.MouseButton.LeftButton)
    _finish(qtbot, dialog)
    assert dialog.last_result["ok"] and not messages.errors

    # A case registered after the backup, open in its window.
    case_id = _on_worker(qtbot, lambda desk: add_case(desk, summary="备份之后的案件"))
    qtbot.waitUntil(lambda: window.model.count == 2, timeout=WAIT_MS)
    window.open_case(case_id)
    qtbot.waitUntil(lambda: case_id in window.case_windows, timeout=WAIT_MS)

    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert messages.questions and "1" in messages.questions[-1]
    _finish(qtbot, dialog)
    assert not messages.errors, messages.errors
    assert dialog.last_result["restored"] == made["name"]
    # The case windows were closed first; the database is the backup's; the list shows it.
    assert case_id not in window.case_windows
    path = worker.runner().desk.path
    assert without_audit_of_restore(dump(path)) == in_backup
    qtbot.waitUntil(lambda: window.model.count == 1, timeout=WAIT_MS)
    assert _on_worker(qtbot, lambda desk: desk.scalar("SELECT count(*) FROM cases")) == 1
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=WAIT_MS)
    kinds = sorted(b["kind"] for b in dialog.backups)
    assert kinds == ["manual", "restore"]
    kept = next(b for b in dialog.backups if b["kind"] == "restore")
    assert kept["cases"] == 2 and messages.infos
    # The desk writes on, on the restored file.
    _on_worker(qtbot, lambda desk: add_case(desk, summary="恢复之后的案件"))
    qtbot.waitUntil(lambda: window.model.count == 2, timeout=WAIT_MS)


def test_declining_the_confirmation_changes_nothing(qtbot, main_window, messages):
    _on_worker(qtbot, lambda desk: add_case(desk))
    dialog = _open_dialog(qtbot, main_window)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    _finish(qtbot, dialog)
    _on_worker(qtbot, lambda desk: add_case(desk))
    before = dump(worker.runner().desk.path)
    messages.answer = False
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    assert dialog.progress is None and messages.questions
    assert dump(worker.runner().desk.path) == before
    assert len(store.list_backups(store.default_root(worker.runner().desk.path))) == 1


def test_second_folder_setting(qtbot, main_window, messages, tmp_path, monkeypatch):
    from mediator_desk.gui.backup_dialog import BackupAsk

    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(BackupAsk, "folder", classmethod(lambda cls, parent, title: str(usb)))
    dialog = _open_dialog(qtbot, main_window)
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert dialog.second_folder.text() == str(usb)
    dialog.reminder_days.setValue(3)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.loading and dialog.values.get("second_folder") == str(usb),
                    timeout=WAIT_MS)
    assert dialog.values["reminder_days"] == 3
    assert dialog.reminder.isVisibleTo(dialog)          # nothing copied there yet
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    _finish(qtbot, dialog)
    qtbot.waitUntil(lambda: len(dialog.backups) == 2, timeout=WAIT_MS)
    assert {b["place"] for b in dialog.backups} == {"here", "second"}
    assert not dialog.reminder.isVisibleTo(dialog)


def test_automatic_backups_daily_and_on_closing(qtbot, main_window, messages):
    from mediator_desk.gui.backup_dialog import install_auto

    window = main_window
    auto = install_auto(window)
    root = store.default_root(worker.runner().desk.path)
    auto.check()                                   # no backup yet: one is due
    qtbot.waitUntil(lambda: bool(store.list_backups(root)) and not auto.running,
                    timeout=WAIT_MS)
    wait_idle(qtbot)
    assert [b.kind for b in store.list_backups(root)] == ["daily"]
    assert window.statusBar().currentMessage()           # "backup made at …"
    auto.check()                                   # made: nothing more is due
    wait_idle(qtbot)
    assert not auto.running and len(store.list_backups(root)) == 1

    # Closing without a change since: no backup. After a change: one, then the window closes.
    _on_worker(qtbot, lambda desk: add_case(desk))
    assert auto.written
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=WAIT_MS)
    kinds = [b.kind for b in store.list_backups(root)]
    assert kinds == ["close", "daily"]
    assert store.list_backups(root)[0].cases == 1
    # Its first check (two minutes after it was installed) must not fire in a later test,
    # when no worker is installed: it goes with the object.
    auto.timer.stop()
    with qtbot.waitSignal(auto.destroyed, timeout=WAIT_MS):
        auto.deleteLater()
