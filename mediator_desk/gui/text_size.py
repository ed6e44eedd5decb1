"""The size of the text in the whole app: 标准, 大 or 特大 (for older eyes).

The choice is a preference of the person at this computer, not of the committee's data, so it
lives in the user's Qt settings (``QSettings``), not in the database. :func:`apply` sets the
application font (every widget without its own font follows) and re-fits open windows to the
screen; :func:`install` adds 视图 → 文字大小 with Ctrl+= (larger) and Ctrl+- (smaller).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QKeySequence

    from mediator_desk.gui.main_window import MainWindow

# point sizes of the three levels (13 pt is already above Qt's usual 9–10 pt)
POINT_SIZES = (13, 15, 17)
KEY = "view/text_size"


def _names() -> tuple[str, ...]:
    return (QCoreApplication.translate("TextSize", "&Standard"),
            QCoreApplication.translate("TextSize", "&Large"),
            QCoreApplication.translate("TextSize", "E&xtra large"))


def level_of(name: str) -> int:
    """The level (0–2) of a name such as "特大" (without the accelerator)."""
    plain = [n.replace("&", "").split("(")[0] for n in _names()]
    return plain.index(name) if name in plain else \
        {"standard": 0, "large": 1, "extra": 2, "标准": 0, "大": 1, "特大": 2}[name]


def current() -> int:
    try:
        level = int(str(QSettings().value(KEY, 0)))     # an int, or its text in an .ini file
    except (TypeError, ValueError):
        level = 0
    return min(max(level, 0), len(POINT_SIZES) - 1)


def point_size(level: int | None = None) -> int:
    return POINT_SIZES[current() if level is None else level]


def apply(level: int, *, remember: bool = True) -> None:
    """Use text size ``level`` in the whole app now (and at the next start)."""
    from mediator_desk.gui.forms import fit_to_screen_keep

    level = min(max(level, 0), len(POINT_SIZES) - 1)
    if remember:
        QSettings().setValue(KEY, level)
    app = QApplication.instance()
    assert isinstance(app, QApplication), "text sizes are chosen in a running window"
    font = app.font()
    font.setPointSize(POINT_SIZES[level])
    app.setFont(font)
    for window in app.topLevelWidgets():
        if window.isVisible():
            fit_to_screen_keep(window)
    for action in _actions:
        if action.data() == level:
            action.setChecked(True)


def step(delta: int) -> None:
    apply(current() + delta)


_actions: list[QAction] = []


def install(window: MainWindow) -> None:
    """Add 文字大小 to the main window's 视图 menu, with Ctrl+= and Ctrl+-."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction, QActionGroup, QKeySequence

    menu = window.view_menu.addMenu(QCoreApplication.translate("TextSize", "Text si&ze"))
    group = QActionGroup(menu)
    _actions.clear()
    for level, name in enumerate(_names()):
        action = QAction(name, menu, checkable=True)
        action.setData(level)
        action.setChecked(level == current())
        action.triggered.connect(lambda _c=False, lv=level: apply(lv))
        group.addAction(action)
        menu.addAction(action)
        _actions.append(action)
    menu.addSeparator()
    larger = menu.addAction(QCoreApplication.translate("TextSize", "La&rger text"),
                            lambda: step(1))
    larger.setShortcuts(_unique([QKeySequence("Ctrl+="), QKeySequence("Ctrl++"),
                                 QKeySequence(QKeySequence.StandardKey.ZoomIn)]))
    smaller = menu.addAction(QCoreApplication.translate("TextSize", "S&maller text"),
                             lambda: step(-1))
    smaller.setShortcuts(_unique([QKeySequence("Ctrl+-"),
                                  QKeySequence(QKeySequence.StandardKey.ZoomOut)]))
    for action in (larger, smaller):
        action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    window.text_size_actions = (larger, smaller)     # tests press them there
    window.addActions([larger, smaller])


def _unique(keys: list[QKeySequence]) -> list[QKeySequence]:
    out: list[QKeySequence] = []
    for key in keys:
        if not key.isEmpty() and key not in out:
            out.append(key)
    return out
