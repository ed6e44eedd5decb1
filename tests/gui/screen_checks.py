"""Checks of a shown window as a person on a 1366×768 laptop meets it: the frame fits, no text is
cut off, every Alt letter is unique, no English. Each returns a list of problems (empty: fine)."""

from __future__ import annotations

import re
from collections import defaultdict

from PySide6.QtGui import QFontMetrics, QKeySequence
from PySide6.QtWidgets import (QAbstractButton, QCheckBox, QGroupBox, QLabel, QMainWindow, QMenu,
                               QPushButton, QRadioButton, QScrollArea, QTabWidget,
                               QWidget)

from mediator_desk.gui.style import MENU_ITEM_PADDING

SCREEN = (1366, 768)
FRAME_LIMIT = (1366, 768 - 60)     # a taskbar below
TITLE_BAR = 30                     # offscreen windows have no title bar: its height is added


def frame_too_big(window: QWidget) -> list[str]:
    frame = window.frameGeometry()
    title = window.geometry().top() - frame.top()
    height = frame.height() + max(0, TITLE_BAR - title)
    if frame.width() > FRAME_LIMIT[0] or height > FRAME_LIMIT[1]:
        return [f"{window.windowTitle()}: frame {frame.width()}×{height} > "
                f"{FRAME_LIMIT[0]}×{FRAME_LIMIT[1]}"]
    return []


def plain(text: str) -> str:
    """The text as drawn: accelerators' & removed (&& is a literal &)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _own_widgets(window: QWidget):
    """Visible widgets of ``window`` itself (not of other windows or hidden tab pages)."""
    for w in window.findChildren(QWidget):
        if w.window() is window and w.isVisibleTo(window) and w.isVisible():
            yield w


def _menus(window: QWidget) -> list[QMenu]:
    if not isinstance(window, QMainWindow):
        return []
    out, todo = [], [a.menu() for a in window.menuBar().actions() if a.menu()]
    while todo:
        menu = todo.pop(0)
        out.append(menu)
        todo += [a.menu() for a in menu.actions() if a.menu()]
    return out


def elided(window: QWidget) -> list[str]:
    """Buttons, check boxes and labels narrower than their text; menu items whose text does not
    fit the width the menu gives them (compared with the action's text by QFontMetrics)."""
    bad = []
    for w in _own_widgets(window):
        if isinstance(w, (QPushButton, QCheckBox, QRadioButton)) and w.text():
            if w.sizeHint().width() > w.width() + 1:
                bad.append(f"button {plain(w.text())!r}: {w.width()} < {w.sizeHint().width()}")
        elif isinstance(w, QLabel) and w.text() and not w.wordWrap() and w.pixmap().isNull():
            need = w.fontMetrics().horizontalAdvance(plain(w.text()).split("\n")[0])
            if "<" not in w.text() and need > w.contentsRect().width() + 1 and "\n" not in w.text():
                bad.append(f"label {w.text()!r}: {w.contentsRect().width()} < {need}")
        elif isinstance(w, QScrollArea) and w.widgetResizable() and w.widget() is not None \
                and w.horizontalScrollBar().isVisible():
            bad.append(f"form wider than its window: {w.widget().minimumSizeHint().width()} > "
                       f"{w.viewport().width()}")
    if isinstance(window, QMainWindow):
        bar = window.menuBar()
        fm = QFontMetrics(bar.font())
        for action in bar.actions():
            if action.isVisible() and \
                    bar.actionGeometry(action).width() < fm.horizontalAdvance(plain(action.text())):
                bad.append(f"menu bar {action.text()!r}")
    for menu in _menus(window):
        menu.ensurePolished()
        menu.adjustSize()
        fm = QFontMetrics(menu.font())
        for action in menu.actions():
            if action.isSeparator() or not action.isVisible():
                continue
            room = menu.actionGeometry(action).width() - sum(MENU_ITEM_PADDING)
            if not action.shortcut().isEmpty():
                room -= fm.horizontalAdvance(
                    action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)) + 12
            need = fm.horizontalAdvance(plain(action.text()))
            if need > room:
                bad.append(f"menu item {action.text()!r}: {room} < {need}")
    return bad


_MNEMONIC = re.compile(r"&([^&\s])")


def _letter(text: str) -> str:
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else ""


def mnemonic_clashes(window: QWidget) -> list[str]:
    """The same Alt letter twice in one window (its labels, buttons, group boxes, tabs and menu
    bar) or in one menu."""
    bad = []
    used: dict[str, list[str]] = defaultdict(list)
    for w in _own_widgets(window):
        text = ""
        if isinstance(w, QLabel) and w.buddy() is not None:
            text = w.text()
        elif isinstance(w, QAbstractButton):
            text = w.text()
        elif isinstance(w, QGroupBox) and w.isCheckable():
            text = w.title()
        if _letter(text):
            used[_letter(text)].append(text)
        if isinstance(w, QTabWidget):
            for i in range(w.count()):
                if w.isTabVisible(i) and _letter(w.tabText(i)):
                    used[_letter(w.tabText(i))].append(w.tabText(i))
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            if action.isVisible() and _letter(action.text()):
                used[_letter(action.text())].append(action.text())
    bad += [f"Alt+{k.upper()}: {v}" for k, v in used.items() if len(v) > 1]
    for menu in _menus(window):
        # every action, also those shown only to the other role (village / office)
        in_menu: dict[str, list[str]] = defaultdict(list)
        for action in menu.actions():
            if _letter(action.text()):
                in_menu[_letter(action.text())].append(action.text())
        bad += [f"menu {menu.title()!r} Alt+{k.upper()}: {v}" for k, v in in_menu.items()
                if len(v) > 1]
    return bad


def english(window: QWidget, data: list[str] = ()) -> list[str]:
    """Visible texts with English words (user data such as file paths excepted)."""
    from test_translations import _english, _visible_texts

    texts = _visible_texts(window)
    for menu in _menus(window):
        texts += [a.text() for a in menu.actions()]
    return [t for t in _english(texts) if not any(d and d in t for d in data)]
