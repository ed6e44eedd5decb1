"""Small widgets and helpers the mediation-path tabs share: tables filled from rows, date and
time fields, note labels, button rows, enabling a button with the reason it is disabled, and
the name pickers and row editors of the record dialogs."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QCheckBox, QComboBox,
                               QGridLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPlainTextEdit, QPushButton, QSpinBox, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from mediator_desk.gui.forms import ALERT_STYLE, cell, selected_id
from mediator_desk.gui.today import today

WARN_STYLE = ALERT_STYLE


OK_STYLE = "color: #1b5e20; font-weight: bold;"


BANNER_STYLE = ("background: #fff3cd; color: #6b4a00; border: 1px solid #e0c36c;"
                " padding: 6px; font-weight: bold;")


NOTE_STYLE = "color: #555555;"


NEXT_STEP_STYLE = "color: #0b4f8a; font-weight: bold;"


def allow(button: QAbstractButton, reason: str, tip: str = "") -> None:
    """Enable ``button`` when ``reason`` is empty; otherwise disable it and say why."""
    button.setEnabled(not reason)
    button.setToolTip(reason or tip)


def set_editable(widget: QWidget, editable: bool) -> None:
    """Let the user change ``widget`` or not. Text stays black and selectable when it cannot
    be changed (read-only rather than greyed out: a signed agreement must stay legible)."""
    if isinstance(widget, (QLineEdit, QPlainTextEdit)):
        widget.setReadOnly(not editable)
        widget.setEnabled(True)
    elif isinstance(widget, NamePicker):
        widget.set_editable(editable)
    elif isinstance(widget, RowsEditor):
        widget.set_read_only(not editable)
    elif isinstance(widget, QTableWidget):
        widget.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers if editable
                               else QAbstractItemView.EditTrigger.NoEditTriggers)
    else:
        widget.setEnabled(editable)


def is_editable(widget: QWidget) -> bool:
    """Whether the user can change ``widget`` (see :func:`set_editable`)."""
    if isinstance(widget, (QLineEdit, QPlainTextEdit)):
        return widget.isEnabled() and not widget.isReadOnly()
    if isinstance(widget, NamePicker):
        return widget.others.isEnabled() and not widget.others.isReadOnly()
    if isinstance(widget, RowsEditor):
        return widget.add_button.isVisible()
    return widget.isEnabled()


def time_edit(placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("0") * 16)
    return edit


def date_edit(default_today: bool = True) -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(QCoreApplication.translate("PathTab", "e.g. 2026-11-28"))
    if default_today:
        edit.setText(today().isoformat())
    em = edit.fontMetrics().horizontalAdvance("0")
    edit.setMaximumWidth(em * 16)
    return edit


def note_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(NOTE_STYLE)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def button_row(*widgets, right: bool = False) -> QHBoxLayout:
    """Buttons side by side, at the left (or the right) of their row."""
    row = QHBoxLayout()
    if right:
        row.addStretch(1)
    for w in widgets:
        row.addWidget(w)
    if not right:
        row.addStretch(1)
    return row


def chosen(t: QTableWidget, rows: list[dict]) -> dict | None:
    """The record of the selected row of ``t`` — or the only record when there is one."""
    rid = selected_id(t) or (rows[0]["id"] if len(rows) == 1 else "")
    return next((r for r in rows if r["id"] == rid), None)


def fit_rows(t: QTableWidget, visible: int) -> None:
    """Height for a header and ``visible`` rows (more rows scroll)."""
    rows = t.verticalHeader().defaultSectionSize()
    t.setMinimumHeight(t.horizontalHeader().sizeHint().height() + rows * visible + 6)


class NameCombo(QComboBox):
    """One name: chosen among those the case knows (its parties) or typed. Behaves like a
    line edit for the form (``text``, ``setText``, ``editingFinished``)."""

    def __init__(self, names: Sequence[str] = (), placeholder: str = ""):
        super().__init__()
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItems(list(names))
        self.setCurrentIndex(-1)
        edit = self.lineEdit()
        assert edit is not None, "an editable combo box has a line edit"
        edit.setPlaceholderText(placeholder)
        self.editingFinished = edit.editingFinished

    def text(self) -> str:
        return self.currentText().strip()

    def setText(self, text: str) -> None:
        self.setEditText(text)


class NamePicker(QWidget):
    """Names on a record (mediators, parties present …): tick the people known to the case,
    type anyone else. Nothing is ticked in advance — attendance is never filled in for the
    mediator (subsidy-fraud risk)."""

    def __init__(self, placeholder: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.boxes: dict[str, QCheckBox] = {}
        self._grid = QGridLayout()
        self._grid.setContentsMargins(0, 0, 0, 0)
        self.others = QLineEdit()
        self.others.setPlaceholderText(placeholder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._grid)
        layout.addWidget(self.others)
        self.setFocusProxy(self.others)

    def set_choices(self, names: list[str]) -> None:
        for box in self.boxes.values():
            box.deleteLater()
        self.boxes = {}
        for i, name in enumerate(dict.fromkeys(n for n in names if n)):
            box = QCheckBox(name)
            self.boxes[name] = box
            self._grid.addWidget(box, i // 4, i % 4)
        if self.boxes:
            first = next(iter(self.boxes.values()))
            self.setFocusProxy(first)

    def set_names(self, names: list[str]) -> None:
        others = []
        for box in self.boxes.values():
            box.setChecked(False)
        for name in names or ():
            if name in self.boxes:
                self.boxes[name].setChecked(True)
            else:
                others.append(name)
        self.others.setText("、".join(others))

    def set_editable(self, editable: bool) -> None:
        for box in self.boxes.values():
            box.setEnabled(editable)
        self.others.setReadOnly(not editable)

    def tick(self, *names: str) -> None:
        """Tick these names (as a user clicking their boxes)."""
        for name in names:
            self.boxes[name].setChecked(True)

    def names(self) -> list[str]:
        out = [n for n, box in self.boxes.items() if box.isChecked()]
        for part in self.others.text().replace("，", "、").replace(",", "、").split("、"):
            part = part.strip()
            if part and part not in out:
                out.append(part)
        return out


class RowsEditor(QWidget):
    """An ordered list of rows with one or more text columns (agreement terms; questions and
    answers), numbered 1, 2, 3 …; add, remove, move up and down. Starts empty: agreement
    text is never filled in by the software."""

    changed = Signal()

    def __init__(self, headers: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setWordWrap(True)
        self.table.setTabKeyNavigation(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        header = self.table.horizontalHeader()
        for c in range(len(headers)):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(lambda _i: self._changed())
        self.add_button = QPushButton(self.tr("Add row"))
        self.remove_button = QPushButton(self.tr("Remove row"))
        self.up_button = QPushButton(self.tr("Move up"))
        self.down_button = QPushButton(self.tr("Move down"))
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button.clicked.connect(self.remove_row)
        self.up_button.clicked.connect(lambda: self.move_row(-1))
        self.down_button.clicked.connect(lambda: self.move_row(1))
        buttons = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.setFocusProxy(self.table)
        fit_rows(self.table, 4)

    def _changed(self) -> None:
        self.table.resizeRowsToContents()
        self.changed.emit()

    def add_row(self, values: list[str] | None = None) -> int:
        """Append a row (empty unless ``values``) and start editing it; returns its index."""
        r = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(r)
        for c in range(self.table.columnCount()):
            self.table.setItem(r, c, QTableWidgetItem((values or [""] * 9)[c] if values else ""))
        self.table.blockSignals(False)
        # the edit triggers include CurrentChanged: making the new row current starts
        # editing its first cell, so the user can type at once
        self.table.setCurrentCell(r, 0)
        self._changed()
        return r

    def set_cell(self, row: int, column: int, text: str) -> None:
        cell(self.table, row, column).setText(text)

    def remove_row(self) -> None:
        r = self.table.currentRow()
        if r >= 0:
            self.table.removeRow(r)
            self._changed()

    def move_row(self, step: int) -> None:
        """Move the current row ``step`` places down (up if negative)."""
        r = self.table.currentRow()
        target = r + step
        if r < 0 or not 0 <= target < self.table.rowCount():
            return
        rows = self.rows()
        rows[r], rows[target] = rows[target], rows[r]
        self.set_rows(rows)
        self.table.setCurrentCell(target, 0)
        self._changed()

    def rows(self) -> list[list[str]]:
        out = []
        for r in range(self.table.rowCount()):
            items = [self.table.item(r, c) for c in range(self.table.columnCount())]
            out.append([(item.text() if item else "").strip() for item in items])
        return out

    def set_rows(self, rows: list[list[str]]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for values in rows:
            r = self.table.rowCount()
            self.table.insertRow(r)
            for c in range(self.table.columnCount()):
                self.table.setItem(r, c, QTableWidgetItem(values[c] if c < len(values) else ""))
        self.table.blockSignals(False)
        self.table.resizeRowsToContents()

    def set_read_only(self, read_only: bool) -> None:
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers if read_only
                                   else QAbstractItemView.EditTrigger.AllEditTriggers)
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button):
            b.setVisible(not read_only)


def spin(maximum: int = 1_000_000) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, maximum)
    return box
