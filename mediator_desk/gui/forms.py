"""Small helpers shared by the forms: inline error messages next to fields, code-list combos.

A form registers each input under the field name the core uses (``ValidationError.field``), so
a refusal from the core lands next to the right input, in the core's own Chinese message.
"""

from __future__ import annotations

from typing import Any, Iterable

import re

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QFontMetrics, QGuiApplication
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHeaderView, QLabel,
                               QPlainTextEdit, QScrollArea, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from mediator_desk.errors import FieldsRefused, ValidationError

ERROR_STYLE = "color: #b00020;"
ALERT_STYLE = ERROR_STYLE + " font-weight: bold;"   # what needs doing now (overdue, missing)
INVALID_PROPERTY = "invalid"     # set on an input holding a refused value (red frame)
INVALID_STYLE = "border: 2px solid #b00020;"
# The look of a label's role (``set_role``). Set on the widget itself: a style sheet for the
# whole application would make Qt style every widget through its style-sheet engine, which
# doubles the time any window takes to build.
ROLE_STYLES = {"error": ERROR_STYLE, "warning": "color: #8a4b00;", "heading": "font-weight: bold;",
               "hint": ""}


def set_role(widget: QWidget, role: str) -> None:
    """Mark ``widget`` (a label) as an error, warning, heading or hint, and give it that look."""
    widget.setProperty("role", role)
    widget.setStyleSheet(ROLE_STYLES[role])


# A laptop screen's height minus a window's title bar, and minus a taskbar where the platform
# reports the whole screen as available (offscreen, some X11 desktops): 1366×768 → 678 pixels
# for a window's contents, so its frame fits in 1366×708.
TITLE_BAR = 34
TASKBAR = 60


def usable_size(window: QWidget) -> QSize:
    """The largest contents size a window may have on its screen (see TITLE_BAR)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(1366, 768 - TITLE_BAR - TASKBAR)
    available, full = screen.availableGeometry(), screen.geometry()
    height = available.height() - TITLE_BAR
    if available.height() == full.height():
        height -= TASKBAR
    return QSize(available.width() - 8, height)


def fit_window(widget: QWidget, *, shrink: bool = False) -> None:
    """Give the window holding ``widget`` the height its layout needs at its width, within
    the screen (:func:`usable_size`); long forms scroll inside instead.

    Qt sizes a top-level window from its layout's minimum, which ignores word-wrapped labels
    (height for width): when a message appears the rows would be squeezed. With ``shrink``
    (messages gone) the window goes back to the height it had before it grew."""
    window = widget.window()
    layout = window.layout()
    if layout is None or not window.isVisible() or window.isMaximized():
        return
    layout.activate()
    need = layout.totalHeightForWidth(window.width()) if layout.hasHeightForWidth() \
        else layout.totalSizeHint().height()
    limit = usable_size(window).height()
    base = window.property("fit_base_height")
    if need > window.height() and window.height() < limit:
        if base is None:
            window.setProperty("fit_base_height", window.height())
        window.resize(window.width(), min(need, limit))
    elif shrink and base is not None:
        window.resize(window.width(), min(max(int(base), need), limit))
        window.setProperty("fit_base_height", None)


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Size a window to width × height, or to what a smaller screen allows (1366 × 768
    laptops, see :func:`usable_size`)."""
    usable = usable_size(window)
    window.resize(min(width, usable.width()), min(height, usable.height()))


def fit_to_screen_keep(window: QWidget) -> None:
    """Keep an open window on its screen after its contents grew (larger text): no taller or
    wider than :func:`usable_size`."""
    if window.isMaximized() or window.isFullScreen():
        return
    usable = usable_size(window)
    window.resize(min(window.width(), usable.width()), min(window.height(), usable.height()))


def scroll_area(content: QWidget) -> QScrollArea:
    """``content`` in a frameless scroll area: a long form scrolls instead of making its window
    taller than the screen."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)     # Tab goes to the first field inside
    area.setWidget(content)
    return area


def error_label() -> QLabel:
    """A red message label, hidden until it has something to say. Its lines are broken by
    :func:`wrap_text`, not by word wrap: Qt's word-wrapped labels (height for width) make
    top-level windows too short and squeeze the rows of nested forms."""
    label = QLabel()
    set_role(label, "error")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


_TOKEN = re.compile(r"[A-Za-z0-9.\-]+|\s+|.", re.S)


# Marks a Chinese line may not start with (they stay at the end of the line before).
NO_LINE_START = "，。、；：？！）》」』”’…%"


def wrap_text(text: str, metrics: QFontMetrics, width: int) -> str:
    """Break ``text`` into lines no wider than ``width`` pixels: anywhere between Chinese
    characters, never inside a run of Latin letters or digits (a phone number stays whole),
    never before a closing mark such as "，" or "”"."""
    lines, line = [], ""
    for token in _TOKEN.findall(text):
        if line and metrics.horizontalAdvance(line + token) > width \
                and token not in NO_LINE_START:
            lines.append(line.rstrip())
            line = token.lstrip()
        else:
            line += token
    if line:
        lines.append(line)
    return "\n".join(lines)


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
        widget.setStyleSheet(INVALID_STYLE)
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
        general = self.general
        if not (field and self.show(field, text)) and general is not None:
            width = general.window().width() - 40
            general.setText(wrap_text(text, general.fontMetrics(), max(width, 300)))
            self._messages[""] = text
            QTimer.singleShot(0, general, lambda: fit_window(general))
            general.show()

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
            widget.setStyleSheet("")

    def clear_all(self) -> None:
        for field in self._fields:
            self.clear(field)
        general = self.general
        if general is not None:
            general.clear()
            general.hide()
            self._messages.pop("", None)
            QTimer.singleShot(0, general, lambda: fit_window(general, shrink=True))

    def shown(self) -> dict[str, str]:
        """Every message currently shown, by field ('' for the general one)."""
        out = {f: self.message(f) for f in self._fields if self.message(f)}
        if self.general is not None and not self.general.isHidden() and self._messages.get(""):
            out[""] = self._messages[""]
        return out


def fill_combo(combo: QComboBox, items: Iterable[tuple[Any, str]], *, blank: str | None = None,
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


# --- lists of records ------------------------------------------------------------------
def table(headers: list[str], stretch: int = -1, *, wrap: bool = True) -> QTableWidget:
    """A read-only list of records, one selected row at a time; column ``stretch`` (default:
    the last) takes the width left; ``wrap=False`` keeps each row on one line."""
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.verticalHeader().hide()
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setAlternatingRowColors(True)
    t.setTabKeyNavigation(False)
    t.setWordWrap(wrap)
    header = t.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch >= 0:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    else:
        header.setStretchLastSection(True)
    return t


def fill_table(t: QTableWidget, rows: list[list], ids: list | None = None,
               keep: bool = True) -> None:
    """Replace the rows (a record id, or any value, in the first cell's user data); keep the
    selected one selected."""
    current = selected_id(t) if keep else ""
    t.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            text = str(text)
            item = QTableWidgetItem(text)
            item.setToolTip(text if len(text) > 20 else "")
            if c == 0 and ids:
                item.setData(Qt.ItemDataRole.UserRole, ids[r])
            t.setItem(r, c, item)
    if current and ids and current in ids:
        t.selectRow(ids.index(current))
    t.resizeRowsToContents()


def cell(t: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    """The item of a cell in a table that has one in every cell (:func:`fill_table`)."""
    item = t.item(row, column)
    assert item is not None, f"no item at row {row}, column {column}"
    return item


def selected_id(t: QTableWidget) -> str:
    row = t.currentRow()
    if row < 0 or not t.selectionModel().isRowSelected(row, t.rootIndex()):
        return ""
    item = t.item(row, 0)
    return (item.data(Qt.ItemDataRole.UserRole) or "") if item else ""
