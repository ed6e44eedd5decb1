"""The one worker: operations run off the GUI thread, results and changes come back on it."""

import threading

from mediator_desk.errors import ValidationError
from mediator_desk.gui import worker
from gui_helpers import WAIT_MS, wait_idle


def test_operations_run_on_one_other_thread_and_call_back_on_the_gui_thread(qtbot, runner):
    gui = threading.get_ident()
    seen, results = [], []
    for i in range(3):
        worker.run_op(None, lambda desk, i=i: (seen.append(threading.get_ident()), i)[1],
                      results.append)
    wait_idle(qtbot)
    assert results == [0, 1, 2]                    # in order
    assert len(set(seen)) == 1 and seen[0] != gui  # one worker thread, not the GUI thread


def test_a_write_broadcasts_what_changed(qtbot, desk, runner, make_case):
    case_id = make_case()
    desk.take_changes()
    party_id = desk.parties.for_case(case_id)[0]["id"]
    with qtbot.waitSignal(runner.changed, timeout=WAIT_MS) as got:
        worker.run_op(None, lambda d: d.parties.update(party_id, phone="13900000000"))
    changes = got.args[0]
    assert changes.touches("parties") and case_id in changes.case_ids
    # a read broadcasts nothing
    with qtbot.assertNotEmitted(runner.changed):
        worker.run_op(None, lambda d: d.cases.count())
        wait_idle(qtbot)


def test_failures_go_to_on_failure_or_a_message_box(qtbot, runner, messages):
    inline = []

    def refuse(desk):
        raise ValidationError("请填写当事人姓名", field="name")

    worker.run_op(None, refuse, lambda r: None, inline.append)
    worker.run_op(None, refuse)
    worker.run_op(None, lambda desk: 1 / 0)
    wait_idle(qtbot)
    assert [e.field for e in inline] == ["name"]
    assert messages.errors[0] == "请填写当事人姓名"
    assert messages.errors[1].startswith("程序出现意外错误")


def test_a_refused_write_changes_nothing(qtbot, desk, runner, make_case, messages):
    case_id = make_case()
    before = desk.scalar("SELECT count(*) FROM audit_log")

    def half_then_fail(d):
        with d.transaction():
            d.cases.update(case_id, summary="改过的")
            raise ValidationError("故意拒绝", field="summary")

    worker.run_op(None, half_then_fail)
    wait_idle(qtbot)
    assert desk.cases.get_row(case_id)["summary"] == "两家因院墙位置发生争执"
    assert desk.scalar("SELECT count(*) FROM audit_log") == before
    assert messages.errors == ["故意拒绝"]


def test_slow_operations_show_a_busy_dialog(qtbot, runner, monkeypatch):
    monkeypatch.setattr(worker, "PROGRESS_DELAY_MS", 0)
    release = threading.Event()
    worker.run_op(None, lambda desk: release.wait(5), label="正在测试…")
    qtbot.waitUntil(lambda: runner._progress is not None and runner._progress.isVisible(),
                    timeout=WAIT_MS)
    assert runner._progress.labelText() == "正在测试…"
    release.set()
    wait_idle(qtbot)
    assert runner._progress is None
