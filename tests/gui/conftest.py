"""GUI fixtures: the app (font, translations), the worker on the test's desk, a main window,
and recorded (never blocking) message boxes."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from mediator_desk.gui import worker  # noqa: E402
from mediator_desk.gui.messages import Messages  # noqa: E402

from gui_helpers import WAIT_MS, wait_idle  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def prompt_waits():
    """No waiting longer than the GUI needs:

    - ``qtbot.waitUntil`` looks at its condition every millisecond instead of every 10 ms
      (pytest-qt's step), the events processed in between as before: a test goes on as soon
      as the worker has answered instead of up to 10 ms later, at each of the ~900 waits of
      the GUI tests (about a tenth of their time);
    - the pauses that let a person finish typing before the app acts — the search box's
      search (250 ms), the party dialog's look-up of earlier cases (400 ms), the to-do
      panel's refresh after a change (300 ms) — are 1 ms: the same timers and paths, for the
      tests that type and change one thing after another."""
    from pytestqt.qtbot import QtBot

    from mediator_desk.gui import main_window, party_dialog, todo_panel

    wait_until = QtBot.waitUntil

    def waitUntil(self, callback, *, timeout: int = 5000) -> None:
        __tracebackhide__ = True
        wait = self.wait
        self.wait = lambda ms: wait(min(ms, 1))
        try:
            wait_until(self, callback, timeout=timeout)
        finally:
            del self.wait

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(QtBot, "waitUntil", waitUntil)
        patch.setattr(main_window, "SEARCH_DELAY_MS", 1)
        patch.setattr(party_dialog, "LOOKUP_DELAY_MS", 1)
        patch.setattr(todo_panel, "REFRESH_DELAY_MS", 1)
        yield


@pytest.fixture
def gui_app(qapp):
    from mediator_desk.gui.app import make_application

    return make_application()


@pytest.fixture
def messages(monkeypatch):
    """Replace the modal boxes: errors and notices are recorded; confirm answers ``answer``."""

    class Recorder:
        errors: list[str] = []
        infos: list[str] = []
        questions: list[str] = []
        answer = True

    rec = Recorder()
    rec.errors, rec.infos, rec.questions = [], [], []

    def error(cls, parent, error, title=None):
        from mediator_desk.gui.messages import describe

        message, hint = describe(error)
        rec.errors.append(message + ("。" + hint if hint else ""))

    def info(cls, parent, text, title=None):
        rec.infos.append(text)

    def confirm(cls, parent, text, title=None, yes=None, no=None):
        rec.questions.append(text)
        return rec.answer

    monkeypatch.setattr(Messages, "error", classmethod(error))
    monkeypatch.setattr(Messages, "info", classmethod(info))
    monkeypatch.setattr(Messages, "confirm", classmethod(confirm))
    return rec


@pytest.fixture
def runner(desk, gui_app, messages, qtbot):
    """The worker for the test's desk; finished and stopped before the desk closes."""
    r = worker.install(desk)
    yield r
    qtbot.waitUntil(lambda: r.pending == 0, timeout=WAIT_MS)
    worker.shutdown()


@pytest.fixture
def main_window(runner, qtbot):
    from mediator_desk.gui.app import create_main_window

    window = create_main_window(runner.desk)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: bool(window.context.committee_id) and not window.model.loading,
                    timeout=WAIT_MS)
    wait_idle(qtbot)
    yield window
    for w in list(window.case_windows.values()) + [window.new_case_window]:
        if w is not None:
            w.editor._set_clean()
    wait_idle(qtbot)
