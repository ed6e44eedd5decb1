"""调解组织与人员: the organisation tree (township → villages → groups, specialised committees
on their own) with the number of mediators of each committee, and every mediator with the
fields the register and the statistics use. Read-only: at the township office most of it is
the villages' (changed there and sent in their bundles); a committee's own mediators are
edited in the mediators dialog. Reads ``desk.organisations.tree()`` and
``desk.mediators.roster()`` through the worker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QDialog, QHBoxLayout, QHeaderView,
                               QLabel, QPushButton, QSplitter, QTableWidget, QTableWidgetItem,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)
from PySide6.QtCore import Qt

from mediator_desk.gui import worker
from mediator_desk.gui.forms import fit_to_screen

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk


def _load(desk: Desk, active_only: bool) -> dict:
    return {"tree": desk.organisations.tree(),
            "mediators": desk.mediators.roster(active_only=active_only)}


class RosterDialog(QDialog):
    """The committees and their mediators, read-only, with counts."""

    COLUMNS = 9

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Committees and mediators"))
        self.data: dict = {}
        self.loading = False
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Organisation"), self.tr("Level"),
                                   self.tr("Mediators")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.itemSelectionChanged.connect(self._filter)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Committee"), self.tr("Sex"), self.tr("Ethnicity"),
            self.tr("Education"), self.tr("Legal training"), self.tr("Employment"),
            self.tr("Title"), self.tr("Status")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.inactive = QCheckBox(self.tr("Show &inactive mediators"))
        self.inactive.toggled.connect(lambda _on: self.reload())
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        note = QLabel(self.tr("Read-only. Each committee keeps its own mediators; changes "
                              "arrive with its bundles."))
        note.setWordWrap(True)
        close = QPushButton(self.tr("&Close"))
        close.clicked.connect(self.accept)
        split = QSplitter()
        split.addWidget(self.tree)
        split.addWidget(self.table)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([430, 900])
        bottom = QHBoxLayout()
        bottom.addWidget(self.inactive)
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(split, 1)
        layout.addWidget(note)
        layout.addLayout(bottom)
        fit_to_screen(self, 1280, 720)
        # changes_signal() is annotated Signal but returns the runner's bound signal
        worker.changes_signal().connect(self._on_changes)
        self.reload()

    def reload(self) -> None:
        self.loading = True
        active_only = not self.inactive.isChecked()
        worker.run_op(self, lambda desk: _load(desk, active_only), self._loaded)

    def _on_changes(self, changes) -> None:
        if changes.touches("organisations", "mediators"):
            self.reload()

    def _loaded(self, data: dict) -> None:
        self.loading = False
        self.data = data
        self.tree.clear()
        parents: list[QTreeWidgetItem] = []
        for org in data["tree"]:
            count = str(org["mediators"]) if org["committee"] or org["mediators"] else ""
            item = QTreeWidgetItem([org["name"], org["kind_label"], count])
            item.setData(0, Qt.ItemDataRole.UserRole, org["id"])
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight)
            del parents[org["depth"]:]
            if parents:
                parents[-1].addChild(item)
            else:
                self.tree.addTopLevelItem(item)
            parents.append(item)
        # down to the committees; a village's groups open on a click
        self.tree.expandToDepth(max((o["depth"] for o in data["tree"]
                                     if o["kind"] == "township"), default=0))
        for c in (1, 2):
            self.tree.resizeColumnToContents(c)
        kinds: dict[str, int] = {}
        for org in data["tree"]:
            if org["committee"]:
                kinds[org["kind_label"]] = kinds.get(org["kind_label"], 0) + 1
        people = [m for m in data["mediators"] if m["active"]]
        self.counts.setText(self.tr(
            "Committees: {committees}. Active mediators: {n} (full-time {full}, women {women}, "
            "with legal training {legal}).").format(
            committees="，".join(f"{k} {n}" for k, n in kinds.items()) or "0",
            n=len(people), full=sum(m["full_time"] for m in people),
            women=sum(m["sex"] == "女" for m in people),
            legal=sum(m["legal_training"] for m in people)))
        self._filter()

    def selected_org_ids(self) -> set[str] | None:
        """The selected organisation and everything below it (None: all)."""
        items = self.tree.selectedItems()
        if not items:
            return None
        out, todo = set(), [items[0]]
        while todo:
            item = todo.pop()
            out.add(item.data(0, Qt.ItemDataRole.UserRole))
            todo += [child for i in range(item.childCount())
                     if (child := item.child(i)) is not None]
        return out

    def _filter(self) -> None:
        wanted = self.selected_org_ids()
        rows = [m for m in self.data.get("mediators", [])
                if wanted is None or m["org_id"] in wanted]
        self.shown = rows
        self.table.setRowCount(len(rows))
        for r, m in enumerate(rows):
            cells = (m["name"], m["org_name"], m["sex"], m["ethnicity_label"],
                     m["education_label"], self.tr("Yes") if m["legal_training"] else "",
                     self.tr("Full-time") if m["full_time"] else self.tr("Part-time"),
                     m["title"], self.tr("Active") if m["active"] else self.tr("Inactive"))
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if not m["active"]:
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(r, c, item)
