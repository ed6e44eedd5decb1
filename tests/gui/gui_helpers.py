"""Helpers for driving the real widgets in GUI tests (no sleeps: wait for the worker)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from mediator_desk.gui import worker

WAIT_MS = 10_000
VALID_ID = "11010519491231002X"      # valid GB 11643 number (female, born 1949-12-31)


def wait_idle(qtbot, timeout: int = WAIT_MS) -> None:
    """Wait until the worker has delivered every queued operation."""
    qtbot.waitUntil(lambda: worker.runner().pending == 0, timeout=timeout)


def choose(combo, code) -> None:
    """Select the item whose data is ``code`` (as a user picking from the list)."""
    index = combo.findData(code)
    assert index >= 0, f"{code!r} not offered"
    combo.setCurrentIndex(index)


def type_into(line_edit, text: str) -> None:
    """Enter text and leave the field (non-ASCII keyClicks would abort the process)."""
    line_edit.setFocus()
    line_edit.setText(text)
    line_edit.editingFinished.emit()


def fill_party(dialog, **values) -> None:
    """Fill a PartyDialog's inputs from field values (combos by code)."""
    for field in ("role", "kind", "id_type", "sex", "ethnicity"):
        if field in values:
            choose(getattr(dialog, field), values.pop(field))
    order = ["name", "id_number", "birth_date", "age", "phone"]
    for field in sorted(values, key=lambda f: order.index(f) if f in order else 99):
        type_into(getattr(dialog, field), str(values[field]))


def add_party(qtbot, editor, **values) -> dict:
    """Click "add party", fill the dialog, click OK; return the accepted values."""
    qtbot.mouseClick(editor.add_party_button, Qt.MouseButton.LeftButton)
    dialog = editor.party_dialog
    assert dialog is not None and dialog.isVisible()
    fill_party(dialog, **values)
    count = len(editor.parties)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(editor.parties) == count + 1, timeout=WAIT_MS)
    return editor.parties[-1]["values"]


def fill_case(editor, *, received="2026-11-20", dispute_type="02",
              summary="两家因院墙位置发生争执", claims="", source="apply", referral="") -> None:
    type_into(editor.received_date, received)
    choose(editor.source, source)
    if referral:
        type_into(editor.referral_note, referral)
    choose(editor.dispute_type, dispute_type)
    editor.summary.setPlainText(summary)
    editor.claims.setPlainText(claims)


def search(qtbot, window, text: str) -> list[str]:
    """Type into the search box, wait for the debounced search, return the listed case ids."""
    window.search_box.setText(text)
    qtbot.waitUntil(lambda: window.model.filter.text == text.strip() and not window.model.loading,
                    timeout=WAIT_MS)
    wait_idle(qtbot)
    model = window.model
    return [model.case_id(r) for r in range(model.rowCount())]


def open_first_case(qtbot, window):
    """Open the first case of the main window's list with Enter; returns its window."""
    window.model.reload()
    qtbot.waitUntil(lambda: window.model.rowCount() >= 1, timeout=WAIT_MS)
    window.focus_list()
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(window.case_windows) == 1, timeout=WAIT_MS)
    return next(iter(window.case_windows.values()))

