"""Shared pieces of the mediation-path tabs.

:class:`CasePath` belongs to one case window: it reads the whole path of the case once
(``desk.dossier.view`` through the worker) and hands it to every tab (``loaded``), again after
each change that touches the case; it shows the "archived" banner. :class:`PathTab` is the
base of the tabs (read-only when the case is archived), :class:`RecordDialog` the base of the
dialogs that write one record (the core's refusal is shown next to its field and the dialog
stays open). Every database call goes through :func:`mediator_desk.gui.worker.run_op`.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QCheckBox, QComboBox,
                               QDialog, QGridLayout,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPlainTextEdit,
                               QPushButton, QSpinBox, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from mediator_desk.core import path_settings, workflow
from mediator_desk.errors import IllegalStep
from mediator_desk.gui import case_owner, worker
from mediator_desk.gui.form_dialog import FormDialog
from mediator_desk.gui.forms import FieldErrors, error_label, scroll_area
from mediator_desk.gui.messages import Messages
from mediator_desk.gui.today import today

WARN_STYLE = "color: #b00020; font-weight: bold;"
OK_STYLE = "color: #1b5e20; font-weight: bold;"
BANNER_STYLE = ("background: #fff3cd; color: #6b4a00; border: 1px solid #e0c36c;"
                " padding: 6px; font-weight: bold;")
NOTE_STYLE = "color: #555555;"
NEXT_STEP_STYLE = "color: #0b4f8a; font-weight: bold;"


def load_path(desk, case_id: str, day) -> dict:
    """Everything the tabs show about a case (runs on the worker thread)."""
    view = desk.dossier.view(case_id, today=day)
    view["today"] = day.isoformat()
    view["retention_choices"] = desk.dossier.retention_choices()
    view["attachment_limits"] = desk.attachments.limits()
    view["followup_days"] = int(path_settings.get(desk, "followup_days"))
    for att in view["attachments"]:
        att["path"] = str(desk.attachments.file_path(att["sha256"]))
    return view


def step_reason(status: str, step: str) -> str:
    """'' if the action ``step`` is allowed in ``status``, else the core's Chinese reason."""
    try:
        workflow.check_step(status, step)
    except IllegalStep as exc:
        return exc.message
    return ""


def transition_reason(status: str, target: str) -> str:
    """'' if status → target is legal, else the core's Chinese reason."""
    try:
        workflow.check_transition(status, target)
    except IllegalStep as exc:
        return exc.message
    return ""


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


scroll = scroll_area


def note_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(NOTE_STYLE)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def table(headers: list[str], stretch: int = -1) -> QTableWidget:
    """A read-only list of records, one selected row at a time."""
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.verticalHeader().hide()
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setAlternatingRowColors(True)
    t.setTabKeyNavigation(False)
    header = t.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch >= 0:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    else:
        header.setStretchLastSection(True)
    return t


def fill_table(t: QTableWidget, rows: list[list[str]], ids: list[str] | None = None,
               keep: bool = True) -> None:
    """Replace the rows (record id in the first cell's user data); keep the selected id."""
    current = selected_id(t) if keep else ""
    t.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text if len(text) > 20 else "")
            if c == 0 and ids:
                item.setData(Qt.ItemDataRole.UserRole, ids[r])
            t.setItem(r, c, item)
    if current and ids and current in ids:
        t.selectRow(ids.index(current))
    t.resizeRowsToContents()


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


def selected_id(t: QTableWidget) -> str:
    row = t.currentRow()
    if row < 0 or not t.selectionModel().isRowSelected(row, t.rootIndex()):
        return ""
    item = t.item(row, 0)
    return (item.data(Qt.ItemDataRole.UserRole) or "") if item else ""


def fit_rows(t: QTableWidget, visible: int) -> None:
    """Height for a header and ``visible`` rows (more rows scroll)."""
    rows = t.verticalHeader().defaultSectionSize()
    t.setMinimumHeight(t.horizontalHeader().sizeHint().height() + rows * visible + 6)


# --- the path of one case ------------------------------------------------------------------
class CasePath(QObject):
    """The mediation path of the case shown in one :class:`CaseWindow`, shared by its tabs."""

    loaded = Signal(dict)      # the view (desk.dossier.view plus extras), after every read

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.view: dict | None = None
        self._loading = False
        self._stale = False
        self.banner = QLabel()
        self.banner.setObjectName("archived_banner")
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setWordWrap(True)
        self.banner.hide()
        # "下一步：登记签字" (core.workflow.next_step); a click opens the tab where it is done
        self.next_step = QPushButton()
        self.next_step.setObjectName("next_step")
        self.next_step.setFlat(True)
        self.next_step.setStyleSheet(NEXT_STEP_STYLE)
        self.next_step.setCursor(Qt.CursorShape.PointingHandCursor)
        self.next_step.clicked.connect(lambda: self.show_place(self.next_place))
        self.next_step.hide()
        self.next_place = ""
        layout = window.layout()
        if layout is not None:
            layout.insertWidget(1, self.banner)
            layout.insertWidget(2, self.next_step, 0, Qt.AlignmentFlag.AlignLeft)
        worker.changes_signal().connect(self._on_changes)
        self.reload()

    @property
    def case_id(self) -> str:
        return self.window.case_id

    @property
    def status(self) -> str:
        if self.view is not None:
            return self.view["status"]
        return (self.window.case or {}).get("status", "")

    @property
    def archived(self) -> bool:
        return self.status == "archived"

    def reload(self) -> None:
        """Read the path again (queued behind any write, so it sees it)."""
        if not self.case_id:
            return
        if self._loading:
            self._stale = True
            return
        self._loading = True
        case_id, day = self.case_id, today()
        worker.run_op(self, lambda desk: load_path(desk, case_id, day), self._loaded,
                      self._failed)

    def show_place(self, place: str) -> bool:
        """Make the tab where ``place`` (a ``workflow.STEP_PLACES`` name) is done current."""
        return self.window.show_place(place)

    def _show_next_step(self, view: dict) -> None:
        step = view.get("next_step") or {}
        self.next_place = step.get("place", "")
        self.next_step.setText(self.tr("Next step: {step}").format(step=step["text"])
                               if step.get("text") else "")
        self.next_step.setVisible(bool(step.get("text")) and not case_owner.is_foreign(
            self.window.case, self.window.context))

    def _loaded(self, view: dict) -> None:
        self._loading = False
        self.view = view
        self._show_banner(view)
        self._show_next_step(view)
        self.loaded.emit(view)
        if self._stale:
            self._stale = False
            self.reload()

    def _failed(self, exc) -> None:
        self._loading = False
        Messages.error(self.window, exc)

    def _show_banner(self, view: dict) -> None:
        archive = view.get("archive")
        if view["status"] == "archived":
            if archive:
                text = self.tr("Archived on {day} by {who} (retention: {retention}). "
                               "This case can be viewed but no longer changed.").format(
                    day=archive["archived_on"], who=archive["archived_by"],
                    retention=archive["retention"])
            else:
                text = self.tr("This case is archived: it can be viewed but no longer changed.")
            self.banner.setText(text)
            self.banner.show()
        else:
            self.banner.hide()

    def _on_changes(self, changes) -> None:
        if self.case_id and self.case_id in changes.case_ids:
            self.reload()

    def run(self, parent: QObject, op: Callable[[Any, Any], Any],
            on_success: Callable[[Any], None] | None = None,
            on_failure: "FieldErrors | Callable[[BaseException], None] | None" = None,
            label: str | None = None) -> int:
        """Run ``op(desk, today)`` for a step of the path on the worker. A refusal goes to
        ``on_failure``: FieldErrors (shown next to its field), a callable, or (None) a
        message box."""
        day = today()
        if isinstance(on_failure, FieldErrors):
            on_failure = on_failure.show_error
        return worker.run_op(parent, lambda desk: op(desk, day), on_success, on_failure,
                             label=label)


def tab_class(place: str):
    """The tab class where a step of ``workflow.STEP_PLACES`` is done (None: no tab)."""
    from mediator_desk.gui.reviews_tab import ReviewsTab
    from mediator_desk.gui.tabs.agreement import AgreementTab
    from mediator_desk.gui.tabs.casefile import CaseFileTab
    from mediator_desk.gui.tabs.followups import FollowUpTab
    from mediator_desk.gui.tabs.mediation import MediationTab
    from mediator_desk.gui.tabs.outcome import OutcomeTab

    return {"acceptance": MediationTab, "records": MediationTab, "outcome": OutcomeTab,
            "agreement": AgreementTab, "performance": FollowUpTab, "followup": FollowUpTab,
            "archive": CaseFileTab, "review": ReviewsTab}.get(place)


def path_for(window) -> CasePath:
    """The window's :class:`CasePath` (made on first use)."""
    path = getattr(window, "_mediation_path", None)
    if path is None:
        path = CasePath(window)
        window._mediation_path = path
    return path


class PathTab(QWidget):
    """Base of a tab of the path: shows the view; read-only once the case is archived.

    Subclasses build their widgets, mark buttons that change something with :meth:`action`
    and inputs with :meth:`editor`, and implement :meth:`show_view` (called after every
    read) which enables the actions the case's status allows."""

    def __init__(self, path: CasePath, parent: QWidget | None = None):
        super().__init__(parent)
        self.path = path
        self.view: dict | None = None
        self._actions: list[QWidget] = []
        self._editors: list[QWidget] = []
        self.general = error_label()
        self.errors = FieldErrors(self.general)
        path.loaded.connect(self._loaded)

    def action(self, widget):
        self._actions.append(widget)
        return widget

    def editor(self, widget):
        self._editors.append(widget)
        return widget

    @property
    def status(self) -> str:
        return self.path.status

    @property
    def read_only(self) -> bool:
        return self.path.archived or case_owner.is_foreign(self.path.window.case,
                                                           self.path.window.context)

    def _loaded(self, view: dict) -> None:
        self.view = view
        self.show_view(view)
        self.apply_read_only()

    def show_view(self, view: dict) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def set_sections(self, *widgets: QWidget) -> None:
        """Lay the tab out as ``widgets`` one under the other in a scroll area, with the
        general error line at the bottom."""
        content = QWidget()
        layout = QVBoxLayout(content)
        for w in widgets:
            layout.addWidget(w)
        layout.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll(content), 1)
        outer.addWidget(self.general)

    def apply_read_only(self) -> None:
        """Archived: hide every action, make every input read-only."""
        if not self.read_only:
            return
        for w in self._actions:
            w.hide()
        for w in self._editors:
            set_editable(w, False)

    def run(self, op, on_success=None, *, errors=None, label: str | None = None) -> int:
        """Run ``op(desk, today)``; a refusal shows in ``errors`` (default: this tab's)."""
        return self.path.run(self, op, on_success, errors or self.errors, label)


# --- dialogs ------------------------------------------------------------------------------------
class RecordDialog(FormDialog):
    """A dialog that writes one record of the case's path through the core
    (gui/form_dialog.py): subclasses bind their fields with :meth:`row` (``field``) and
    implement :meth:`make_op` returning ``op(desk, today)`` (or None after showing a local
    error). OK runs it on the worker; the dialog closes only when the core accepted, with the
    result in ``result_value`` (and ``saved`` True)."""

    def __init__(self, path: CasePath, parent: QWidget | None = None):
        super().__init__(parent)
        self.path = path
        self.finished.connect(lambda _r: self.deleteLater())

    def row(self, field: str, text: str, widget: QWidget, *aliases: str, **binding) -> QWidget:
        return self.field(field, text, widget, *aliases, **binding)

    def run_op(self, op) -> None:
        self.path.run(self, op, self._accepted, self._refused)


def open_dialog(owner, dialog: QDialog) -> QDialog:
    """Show ``dialog`` window-modal without blocking (tests and the event loop go on);
    ``owner.dialog`` holds it while open."""
    owner.dialog = dialog
    dialog.finished.connect(lambda _r, o=owner, d=dialog: _forget(o, d))
    dialog.open()
    return dialog


def _forget(owner, dialog) -> None:
    if getattr(owner, "dialog", None) is dialog:
        owner.dialog = None


# --- small editors ------------------------------------------------------------------------------
class NameCombo(QComboBox):
    """One name: chosen among those the case knows (its parties) or typed. Behaves like a
    line edit for the form (``text``, ``setText``, ``editingFinished``)."""

    def __init__(self, names: list[str] = (), placeholder: str = ""):
        super().__init__()
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItems(list(names))
        self.setCurrentIndex(-1)
        self.lineEdit().setPlaceholderText(placeholder)
        self.editingFinished = self.lineEdit().editingFinished

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
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
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
        self.table.item(row, column).setText(text)

    def remove_row(self) -> None:
        r = self.table.currentRow()
        if r >= 0:
            self.table.removeRow(r)
            self._changed()

    def move(self, step: int) -> None:
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
            out.append([(self.table.item(r, c).text() if self.table.item(r, c) else "").strip()
                        for c in range(self.table.columnCount())])
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


