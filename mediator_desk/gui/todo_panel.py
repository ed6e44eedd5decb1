"""The to-do panel of the main window: every deadline the law and practice set (desk.todo),
grouped by kind with counts — follow-up visits due, performance deadlines passed, judicial
confirmation windows closing within 7 days, cases open longer than a month, risks not reported
to the police. A click or Enter on an item opens its case. The list is read through the worker
and read again after any change that can move a deadline, and when the day changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QLabel, QPushButton, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from mediator_desk.core import deadlines
from mediator_desk.core.todo import KINDS, TodoItem
from mediator_desk.gui import worker
from mediator_desk.gui.forms import set_role
from mediator_desk.gui.today import today

if TYPE_CHECKING:
    from mediator_desk.core.changes import Changes
    from mediator_desk.gui.main_window import MainWindow

# Tables whose change can add or remove a to-do item.
TODO_TABLES = ("cases", "case_reviews", "acceptances", "closures", "agreements", "followups", "confirmations",
               "risk_flags", "archives", "settings", "mediation_sessions", "investigations")
MAX_PER_KIND = 200          # more are counted but not listed (open the case list instead)
REFRESH_DELAY_MS = 300
DAY_CHECK_MS = 10 * 60 * 1000
OVERDUE = QColor("#b00020")


class TodoPanel(QWidget):
    """The grouped to-do list. ``openRequested(case_id, place)`` when an item is chosen
    (``place``: the tab where it is dealt with, see core/todo.py)."""

    openRequested = Signal(str, str)
    loaded = Signal(list)          # the items, after each read

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.items: list[TodoItem] = []
        self.day = today()
        self._loading = False
        self._stale = False
        self.total_label = QLabel()
        set_role(self.total_label, "heading")
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Read the to-do list again"))
        self.refresh_button.clicked.connect(self.refresh)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Case"), self.tr("Due")])
        self.tree.setRootIsDecorated(True)
        self.tree.setIndentation(self.fontMetrics().horizontalAdvance("中"))
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.itemClicked.connect(self._chosen)
        self.tree.itemActivated.connect(self._chosen)
        self.tree.currentItemChanged.connect(self._show_detail)
        em = self.fontMetrics().horizontalAdvance("中")
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # the total ("2026-11-28共有5项待办") wraps in a narrow dock instead of being cut off
        self.total_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.total_label, 1)
        top.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.detail)
        # case numbers are long: elide their middle, keeping the year and the number
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setMinimumWidth(em * 15)
        self._timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self._day_timer = QTimer(self, interval=DAY_CHECK_MS)
        self._day_timer.timeout.connect(self._check_day)
        self._day_timer.start()
        worker.changes_signal().connect(self._on_changes)
        self.refresh()

    # --- reading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the to-do list for today (through the worker)."""
        self._timer.stop()
        if self._loading:
            self._stale = True
            return
        self.day = day = today()
        try:
            worker.run_op(self, lambda desk: desk.todo(today=day), self._loaded, self._failed)
        except RuntimeError:
            return      # the database was closed (the window is going away)
        self._loading = True

    def _loaded(self, items: list[TodoItem]) -> None:
        self._loading = False
        self.items = items
        self._show(items)
        self.loaded.emit(items)
        if self._stale:
            self._stale = False
            self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self.total_label.setText(self.tr("The to-do list could not be read"))
        self.detail.setText(getattr(exc, "message", str(exc)))

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(*TODO_TABLES):
            self._timer.start()

    def _check_day(self) -> None:
        if today() != self.day:
            self.refresh()

    # --- showing ----------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(KINDS, 0)
        for item in self.items:
            out[item.kind] += 1
        return out

    def _show(self, items: list[TodoItem]) -> None:
        open_kinds = {top.data(0, Qt.ItemDataRole.UserRole + 1) for top in self._groups()
                      if not top.isExpanded()}
        self.tree.clear()
        counts = self.counts()
        total = len(items)
        self.total_label.setText(self.tr("{n} items due on {day}").format(
            n=total, day=self.day.isoformat()) if total else
            self.tr("Nothing due on {day}").format(day=self.day.isoformat()))
        bold = QFont(self.font())
        bold.setBold(True)
        for kind, label in KINDS.items():
            group = QTreeWidgetItem([self.tr("{label} ({n})").format(label=label,
                                                                     n=counts[kind]), ""])
            group.setData(0, Qt.ItemDataRole.UserRole + 1, kind)
            group.setFont(0, bold)
            self.tree.addTopLevelItem(group)
            group.setFirstColumnSpanned(True)
            shown = [i for i in items if i.kind == kind][:MAX_PER_KIND]
            for item in shown:
                when = deadlines.countdown_text(item.due, self.day)
                row = QTreeWidgetItem([self._short_number(item.case_no), when])
                row.setData(0, Qt.ItemDataRole.UserRole, item.case_id)
                row.setData(0, Qt.ItemDataRole.UserRole + 2, item.case_no)
                row.setData(0, Qt.ItemDataRole.UserRole + 3, item.place)
                row.setData(1, Qt.ItemDataRole.UserRole, item.description)
                tip = f"{item.case_no}\n{item.due}　{item.description}"
                row.setToolTip(0, tip)
                row.setToolTip(1, tip)
                if item.days_left < 0:
                    row.setForeground(1, QBrush(OVERDUE))
                group.addChild(row)
            if counts[kind] > len(shown):
                more = QTreeWidgetItem([self.tr("… and {n} more").format(
                    n=counts[kind] - len(shown)), ""])
                group.addChild(more)
            group.setExpanded(kind not in open_kinds and counts[kind] > 0)
        self.detail.setText(self.tr("Click an item (or press Enter) to open its case."))

    def _short_number(self, case_no: str) -> str:
        """The case number without this year's "（2026）" (the panel is narrow; the tooltip
        and the line below the list give it in full)."""
        prefix = f"（{self.day.year}）"
        return case_no[len(prefix):] if case_no.startswith(prefix) else case_no

    def _show_detail(self, current: QTreeWidgetItem | None,
                     _previous: QTreeWidgetItem | None = None) -> None:
        if current is None:
            return
        description = current.data(1, Qt.ItemDataRole.UserRole)
        if description:
            self.detail.setText(f"{current.data(0, Qt.ItemDataRole.UserRole + 2)}\n"
                                f"{description}")

    def _chosen(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        case_id = item.data(0, Qt.ItemDataRole.UserRole)
        if case_id:
            self.openRequested.emit(case_id, item.data(0, Qt.ItemDataRole.UserRole + 3) or "")

    # --- for tests and the main window ------------------------------------------------------
    def group(self, kind: str) -> QTreeWidgetItem | None:
        for top in self._groups():
            if top.data(0, Qt.ItemDataRole.UserRole + 1) == kind:
                return top
        return None

    def _groups(self) -> list[QTreeWidgetItem]:
        """The top-level items: one per kind of to-do."""
        tops = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            assert top is not None, "Qt has an item at every index below the count"
            tops.append(top)
        return tops


def install(main_window: MainWindow) -> TodoPanel:
    """Put the to-do panel into the main window's dock, shown by default; choosing an item
    opens the case through the main window's usual path."""
    panel = TodoPanel()
    dock = main_window.todo_dock
    dock.setWidget(panel)
    dock.show()
    main_window.size_todo_dock()      # as wide as before its widget changed
    panel.openRequested.connect(main_window.open_case)
    main_window.todo_panel = panel
    return panel
