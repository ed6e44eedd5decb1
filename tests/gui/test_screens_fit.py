"""Every main window and dialog (tests/gui/screens.py), opened on demo data on a 1366×768
laptop: as it opens, after its validation messages and at the largest text size, its frame
fits above a taskbar, no button, label or menu text is cut off, every Alt letter is unique and
no visible text is English. A screen added to ``screens.SCREENS`` is checked here too.

One demo database and one main window for the whole module (building them is the slow part).
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

import screens
from screen_checks import elided, english, frame_too_big, mnemonic_clashes

from mediator_desk.gui import text_size, worker

VARIANTS = ("opened", "messages", "largest")


@pytest.fixture(scope="module")
def env(tmp_path_factory, qapp):
    from mediator_desk.core.desk import Desk
    from mediator_desk.gui.app import make_application

    make_application()
    assert QApplication.primaryScreen().size().toTuple() == (1366, 768)
    desk = Desk.open(tmp_path_factory.mktemp("screens") / "demo.db")
    screens.fill_demo(desk)
    worker.install(desk)
    environment = screens.make_env(desk)
    yield environment
    text_size.apply(0, remember=False)
    environment.close_all()
    environment.window.close()
    worker.shutdown()
    desk.close()
    screens.settle_clear()


@pytest.fixture
def messages_recorded(monkeypatch):
    from mediator_desk.gui.messages import Messages

    shown = []
    for name in ("error", "info"):
        monkeypatch.setattr(Messages, name, classmethod(lambda cls, *a, **k: shown.append(a)))
    monkeypatch.setattr(Messages, "confirm", classmethod(lambda cls, *a, **k: True))
    return shown


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("name", list(screens.SCREENS))
def test_screen_fits_and_reads(env, messages_recorded, name, variant):
    text_size.apply(len(text_size.POINT_SIZES) - 1 if variant == "largest" else 0,
                    remember=False)
    try:
        window = screens.SCREENS[name](env, variant == "messages").window()
        screens.settle()
        problems = frame_too_big(window) + elided(window) + mnemonic_clashes(window) \
            + [f"English: {t!r}" for t in english(window, env.data)]
        assert not problems, name + ":\n" + "\n".join(problems)
    finally:
        env.close_all()


def test_the_checks_find_what_they_look_for(env):
    """A dialog that is too tall, a squeezed button, a duplicate Alt letter and an English
    word are each found."""
    from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPushButton, QVBoxLayout

    dialog = QDialog()
    layout = QVBoxLayout(dialog)
    first, second = QPushButton("保存(&S)"), QPushButton("搜索(&S)")
    label = QLabel("Name")
    label.setBuddy(QLineEdit())
    for w in (first, second, label):
        layout.addWidget(w)
    dialog.resize(300, 760)
    dialog.show()
    first.setFixedWidth(20)
    screens.settle()
    assert frame_too_big(dialog)
    assert any("保存" in p for p in elided(dialog))
    assert mnemonic_clashes(dialog) == ["Alt+S: ['保存(&S)', '搜索(&S)']"]
    assert english(dialog) == ["Name"]
    dialog.close()
