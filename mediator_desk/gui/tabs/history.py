"""Tab "History": the audit trail of the case — who did what, when, and what changed from what
to what — with Chinese labels (core/history.py), newest first."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from mediator_desk.core.history import describe_change, entries
from mediator_desk.gui.tabs.case_path import CasePath, PathTab, PathView
from mediator_desk.gui.forms import fill_table, table
from mediator_desk.gui.tabs.widgets import note_label


class HistoryTab(PathTab):
    """The case's audit trail (read-only by nature)."""

    def __init__(self, path: CasePath, parent: QWidget | None = None):
        super().__init__(path, parent)
        self.entries: list[dict] = []
        self.list = table([self.tr("When"), self.tr("Who"), self.tr("Action"),
                           self.tr("Record"), self.tr("What changed")], stretch=4)
        self.list.setWordWrap(True)
        self.empty = note_label(self.tr(
            "Nothing recorded for this case yet (sample cases are generated in bulk, without "
            "a history of their own)."))
        layout = QVBoxLayout(self)
        layout.addWidget(note_label(self.tr(
            "Every change is recorded with the user and the time; nothing can be changed "
            "without leaving a trace here.")))
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)

    def show_view(self, view: PathView) -> None:
        self.entries = list(reversed(entries(view.case.history)))
        rows = []
        for e in self.entries:
            changes = "\n".join(describe_change(c) for c in e["changes"])
            rows.append([e["at_text"], e["user"], e["action_label"], e["table_label"], changes])
        fill_table(self.list, rows, keep=False)
        self.empty.setVisible(not rows)
