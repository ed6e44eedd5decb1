"""Helpers for the mediation-path GUI tests: open a case, find its tabs, click and wait."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from gui_helpers import WAIT_MS, wait_idle

# "Today" for every mediation-path GUI test (mediator_desk.gui.today.FIXED).
T = date(2026, 6, 30)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def png_bytes(width: int = 300, height: int = 200) -> bytes:
    """A real PNG image (so thumbnails can be made from it)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage

    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366cc"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def open_case(qtbot, main_window, case_id: str):
    """Open the case through the main window and wait until its tabs have read the path."""
    main_window.open_case(case_id)
    qtbot.waitUntil(lambda: case_id in main_window.case_windows, timeout=WAIT_MS)
    window = main_window.case_windows[case_id]
    qtbot.waitUntil(lambda: getattr(window, "_mediation_path", None) is not None
                    and window._mediation_path.view is not None, timeout=WAIT_MS)
    wait_idle(qtbot)
    return window


def tab(window, cls):
    """The case window's tab of class ``cls``, made current (as a user clicking it)."""
    for i in range(window.tabs.count()):
        widget = window.tabs.widget(i)
        if isinstance(widget, cls):
            window.tabs.setCurrentIndex(i)
            return widget
    raise AssertionError(f"no {cls.__name__} tab")


def click(qtbot, button) -> None:
    """Click a button as a user and wait for the worker (the write and the re-read)."""
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)


def ok(qtbot, dialog) -> None:
    """Click OK on a record dialog and wait until the core accepted it (dialog closed)."""
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.saved or bool(dialog.errors.shown()), timeout=WAIT_MS)
    wait_idle(qtbot)


def status(desk, case_id: str) -> str:
    return desk.cases.get_row(case_id)["status"]
