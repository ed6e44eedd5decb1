"""Small helpers shared by the forms: inline error messages next to fields, code-list combos.

A form registers each input under the field name the core uses (``ValidationError.field``), so
a refusal from the core lands next to the right input, in the core's own Chinese message.
"""

from __future__ import annotations

from typing import Iterable

import re

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontMetrics, QGuiApplication
from PySide6.QtWidgets import (QComboBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget)

from mediator_desk.errors import FieldsRefused, ValidationError

ERROR_STYLE = "color: #b00020;"
INVALID_PROPERTY = "invalid"
# Red frame for an input holding a refused value (dynamic property, see app style sheet).
STYLE_SHEET = """
*[invalid="true"] { border: 2px solid #b00020; }
QLabel[role="error"] { color: #b00020; }
QLabel[role="warning"] { color: #8a4b00; }
QLabel[role="heading"] { font-weight: bold; }
"""


def fit_window(widget: QWidget) -> None:
    """Grow the window holding ``widget`` to the height its layout needs at its width.

    Qt sizes a top-level window from its layout's minimum, which ignores word-wrapped labels
    (height for width): when a message appears the rows would be squeezed. Never shrinks."""
    window = widget.window()
    layout = window.layout()
    if layout is None or not window.isVisible():
        return
    layout.activate()
    need = layout.totalHeightForWidth(window.width()) if layout.hasHeightForWidth() \
        else layout.totalSizeHint().height()
    if need > window.height():
        window.resize(window.width(), need)


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Size a window to width × height, or to 95 % of a smaller screen (1366 × 768 laptops)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        available = screen.availableGeometry()
        width = min(width, int(available.width() * 0.95))
        height = min(height, int(available.height() * 0.95))
    window.resize(width, height)


def error_label() -> QLabel:
    """A red message label, hidden until it has something to say. Its lines are broken by
    :func:`wrap_text`, not by word wrap: Qt's word-wrapped labels (height for width) make
    top-level windows too short and squeeze the rows of nested forms."""
    label = QLabel()
    label.setProperty("role", "error")
    label.setStyleSheet(ERROR_STYLE)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


_TOKEN = re.compile(r"[A-Za-z0-9.\-]+|\s+|.", re.S)


def wrap_text(text: str, metrics: QFontMetrics, width: int) -> str:
    """Break ``text`` into lines no wider than ``width`` pixels: anywhere between Chinese
    characters, never inside a run of Latin letters or digits (a phone number stays whole)."""
    lines, line = [], ""
    for token in _TOKEN.findall(text):
        if line and metrics.horizontalAdvance(line + token) > width:
            lines.append(line.rstrip())
            line = token.lstrip()
        else:
            line += token
    if line:
        lines.append(line)
    return "\n".join(lines)


def _restyle(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class FieldErrors:
    """Error labels next to inputs, keyed by the core's field names."""

    def __init__(self, general: QLabel | None = None):
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}
        self._aliases: dict[str, str] = {}
        self._messages: dict[str, str] = {}     # as given, before line breaking
        self.general = general

    def wrap(self, field: str, widget: QWidget, *aliases: str) -> QWidget:
        """Return a container holding ``widget`` with its (hidden) error label underneath."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        label = error_label()
        layout.addWidget(label)
        self._fields[field] = (widget, label)
        for alias in aliases:
            self._aliases[alias] = field
        box.setFocusProxy(widget)
        return box

    def widget(self, field: str) -> QWidget | None:
        entry = self._fields.get(self._aliases.get(field, field))
        return entry[0] if entry else None

    def message(self, field: str) -> str:
        """The message shown for ``field`` ("" if none) — for tests and screen readers."""
        entry = self._fields.get(self._aliases.get(field, field))
        if entry is None:
            return self._messages.get("", "") if self.general and field == "" else ""
        return "" if entry[1].isHidden() else self._messages.get(
            self._aliases.get(field, field), "")

    def show(self, field: str, message: str, *, focus: bool = True) -> bool:
        """Show ``message`` next to ``field``; False if the form has no such field."""
        entry = self._fields.get(self._aliases.get(field, field))
        if entry is None:
            return False
        widget, label = entry
        # Break the lines ourselves at the field's width: word-wrapped labels (height for
        # width) are not given their height by nested form layouts and overlap the next row.
        width = widget.width() if widget.isVisible() else widget.sizeHint().width()
        label.setText(wrap_text(message, label.fontMetrics(), max(width, 160)))
        self._messages[self._aliases.get(field, field)] = message
        QTimer.singleShot(0, label, lambda: fit_window(label))
        label.show()
        widget.setProperty(INVALID_PROPERTY, True)
        widget.setToolTip(message)
        _restyle(widget)
        if focus:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def show_error(self, exc: BaseException) -> None:
        """Put a refusal next to its field, or in the general label. A refusal naming several
        fields at once (``exc.problems``: (field, message) pairs) shows each at its field."""
        if isinstance(exc, FieldsRefused):
            rest = [m for i, (f, m) in enumerate(exc.problems)
                    if not self.show(f, m, focus=i == 0)]
            if rest:
                self.show_error(ValidationError("；".join(rest)))
            return
        field = getattr(exc, "field", "") if isinstance(exc, ValidationError) else ""
        text = getattr(exc, "message", str(exc))
        hint = getattr(exc, "hint", "")
        if hint:
            text = f"{text}。{hint}"
        if not (field and self.show(field, text)) and self.general is not None:
            width = self.general.window().width() - 40
            self.general.setText(wrap_text(text, self.general.fontMetrics(), max(width, 300)))
            self._messages[""] = text
            QTimer.singleShot(0, self.general, lambda: fit_window(self.general))
            self.general.show()

    def clear(self, field: str) -> None:
        entry = self._fields.get(self._aliases.get(field, field))
        if entry is None:
            return
        widget, label = entry
        label.clear()
        label.hide()
        self._messages.pop(self._aliases.get(field, field), None)
        if widget.property(INVALID_PROPERTY):
            widget.setProperty(INVALID_PROPERTY, False)
            widget.setToolTip("")
            _restyle(widget)

    def clear_all(self) -> None:
        for field in self._fields:
            self.clear(field)
        if self.general is not None:
            self.general.clear()
            self.general.hide()
            self._messages.pop("", None)

    def shown(self) -> dict[str, str]:
        """Every message currently shown, by field ('' for the general one)."""
        out = {f: self.message(f) for f in self._fields if self.message(f)}
        if self.general is not None and not self.general.isHidden() and self._messages.get(""):
            out[""] = self._messages[""]
        return out


def fill_combo(combo: QComboBox, items: Iterable[tuple[str, str]], *, blank: str | None = None,
               keep: bool = True) -> None:
    """Fill with (code, label) pairs (code as item data); keep the current code if possible."""
    current = combo.currentData() if keep else None
    combo.blockSignals(True)
    combo.clear()
    if blank is not None:
        combo.addItem(blank, "")
    for code, label in items:
        combo.addItem(label, code)
    if current is not None:
        i = combo.findData(current)
        if i >= 0:
            combo.setCurrentIndex(i)
    combo.blockSignals(False)


def select_code(combo: QComboBox, code) -> None:
    i = combo.findData(code)
    combo.setCurrentIndex(i if i >= 0 else 0)


def plain_text(edit: QPlainTextEdit) -> str:
    return edit.toPlainText().strip()


def text_area(rows: int = 3) -> QPlainTextEdit:
    """A multi-line input where Tab moves on (keyboard users) and the height fits ``rows``."""
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    line = edit.fontMetrics().lineSpacing()
    edit.setFixedHeight(line * rows + 16)
    return edit
