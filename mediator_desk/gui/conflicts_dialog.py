"""Conflicts kept by an import, for a person to resolve (docs/sync-format.md §8: never decided by
the clock).

Left: the open conflicts. Right: the record's fields side by side — this desk's version and
the one that came in — with the fields that differ highlighted and, for each of them, which
version to keep. Then: keep ours, take theirs, or merge (theirs with the fields chosen as
ours on top); the conflict is then marked resolved (``sync.resolve_conflict`` in the worker).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (QComboBox, QDialog, QHBoxLayout, QLabel, QListWidget,
                               QListWidgetItem, QPushButton, QSplitter, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from mediator_desk.gui import worker
from mediator_desk.gui.forms import fit_to_screen, set_role
from mediator_desk.gui.messages import Messages
from mediator_desk.gui.forms import cell, table
from mediator_desk.gui.sync_dialogs import local_time

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk

DIFFER_BACKGROUND = "#fff3cd"
# Columns people need not see: record links and the bookkeeping of every travelling record.
HIDDEN = {"id", "site_id", "rev", "created_at", "updated_at", "deleted"}
# Fields holding a code of a code list (shown by their label).
CODE_FIELDS = {"dispute_type": "dispute_type", "source": "case_source",
               "ethnicity": "ethnicity", "education": "education"}


def _load(desk: Desk) -> list[dict]:
    """Open conflicts, each with ``rows``: (field, label, ours, theirs, differs) as shown —
    fields that differ first; values as the screens show them (code labels, yuan …)."""
    from mediator_desk import sync
    from mediator_desk.core.history import HIDDEN as LINKS
    from mediator_desk.core.history import field_label, format_value

    def show(table: str, field: str, row: dict | None, gone: bool):
        if gone:
            return None                         # the dialog says "(deleted)"
        if row is None or field not in row:
            return ""
        value = row[field]
        if field in CODE_FIELDS and isinstance(value, str) and value:
            return desk.codes.label(CODE_FIELDS[field], value) or value
        return format_value(table, field, value)

    conflicts = sync.list_conflicts(desk)
    for c in conflicts:
        local, incoming = c["local"], c["incoming"] or {}
        c["deleted"] = bool(incoming.get("deleted")) and set(incoming) == {"id", "rev", "deleted"}
        differs = set(c["differs"])
        names = [k for k in dict.fromkeys([*(local or {}), *incoming])
                 if k not in HIDDEN and k not in LINKS]
        names = [k for k in names if k in differs] + [k for k in names if k not in differs]
        c["rows"] = [(k, field_label(k), show(c["table_name"], k, local, local is None),
                      show(c["table_name"], k, incoming, c["deleted"]), k in differs)
                     for k in names]
    return conflicts


def _resolve(desk: Desk, conflict_id: int, keep: str, values: dict | None):
    from mediator_desk import sync

    return sync.resolve_conflict(desk, conflict_id, keep=keep, values=values)


class ConflictsDialog(QDialog):
    """Open conflicts, both versions side by side; choose, merge, mark resolved."""

    loaded = Signal(list)
    resolved = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Conflicts to resolve"))
        self.conflicts: list[dict] = []
        self.choices: dict[str, QComboBox] = {}

        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.currentRowChanged.connect(self._show)
        self.empty = QLabel(self.tr("No conflicts to resolve."))
        self.empty.hide()

        self.title = QLabel()
        self.title.setWordWrap(True)
        set_role(self.title, "heading")
        self.fields = table([self.tr("Field"), self.tr("This desk's version"),
                             self.tr("Version that came in"), self.tr("Keep")])
        self.fields.setWordWrap(True)
        self.fields.setSelectionMode(self.fields.SelectionMode.NoSelection)
        header = self.fields.horizontalHeader()
        header.setSectionResizeMode(1, header.ResizeMode.Stretch)
        header.setSectionResizeMode(2, header.ResizeMode.Stretch)
        self.note = QLabel(self.tr(
            "Highlighted fields differ. Keep this desk's version, take the one that came in, "
            "or choose field by field and merge."))
        self.note.setWordWrap(True)
        self.keep_local_button = QPushButton(self.tr("Keep &ours"))
        self.keep_incoming_button = QPushButton(self.tr("Take &theirs"))
        self.merge_button = QPushButton(self.tr("&Merge as chosen"))
        self.keep_local_button.clicked.connect(lambda: self.resolve("local"))
        self.keep_incoming_button.clicked.connect(lambda: self.resolve("incoming"))
        self.merge_button.clicked.connect(lambda: self.resolve("merged"))
        actions = QHBoxLayout()
        for b in (self.keep_local_button, self.keep_incoming_button, self.merge_button):
            actions.addWidget(b)
        actions.addStretch(1)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.title)
        rl.addWidget(self.fields, 1)
        rl.addWidget(self.note)
        rl.addLayout(actions)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.list, 1)
        ll.addWidget(self.empty)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        self.splitter = splitter

        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        fit_to_screen(self, 1200, 700)
        self._sized = False
        self._enable(False)
        self.reload()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._sized:           # the list a quarter, the two versions the rest
            self._sized = True
            width = self.splitter.width()
            self.splitter.setSizes([width // 4, width - width // 4])

    # --- loading -------------------------------------------------------------------------
    def reload(self) -> None:
        worker.run_op(self, _load, self._loaded)

    def _loaded(self, conflicts: list[dict]) -> None:
        self.conflicts = conflicts
        self.list.blockSignals(True)
        self.list.clear()
        for c in conflicts:
            item = QListWidgetItem(self.tr("{kind} {record} — {reason}\nfrom {sender}").format(
                kind=c["table_label"], record=self._record_name(c), reason=c["reason_label"],
                sender=c["sender_name"] or c["sender_site_id"][:8]))
            item.setData(Qt.ItemDataRole.UserRole, c["id"])
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.empty.setVisible(not conflicts)
        if conflicts:
            self.list.setCurrentRow(0)
            self._show(0)
        else:
            self._show(-1)
        self.loaded.emit(conflicts)

    @staticmethod
    def _record_name(c: dict) -> str:
        row = c.get("local") or c.get("incoming") or {}
        return row.get("case_no") or row.get("name") or row.get("agreement_no") or \
            c["record_id"][:8]

    def current(self) -> dict | None:
        row = self.list.currentRow()
        return self.conflicts[row] if 0 <= row < len(self.conflicts) else None

    def _enable(self, on: bool) -> None:
        for b in (self.keep_local_button, self.keep_incoming_button, self.merge_button):
            b.setEnabled(on)

    # --- one conflict --------------------------------------------------------------------
    def _show(self, row: int) -> None:
        self.choices = {}
        c = self.conflicts[row] if 0 <= row < len(self.conflicts) else None
        if c is None:
            self.title.setText("")
            self.fields.setRowCount(0)
            self._enable(False)
            return
        self.title.setText(self.tr("{kind} {record}: {reason} (came in {when})").format(
            kind=c["table_label"], record=self._record_name(c), reason=c["reason_label"],
            when=local_time(c.get("detected_at", "") or "")))
        local, deleted = c["local"], c["deleted"]
        t = self.fields
        t.setRowCount(len(c["rows"]))
        bold = QFont(t.font())
        bold.setBold(True)
        for r, (name, label, mine, theirs, differs) in enumerate(c["rows"]):
            cells = [label, self.tr("(deleted)") if mine is None else mine,
                     self.tr("(deleted)") if theirs is None else theirs]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if differs:
                    item.setBackground(QColor(DIFFER_BACKGROUND))
                    item.setFont(bold)
                item.setData(Qt.ItemDataRole.UserRole, name)
                t.setItem(r, col, item)
            t.setItem(r, 3, QTableWidgetItem(""))
            if differs and local is not None and not deleted:
                combo = QComboBox()
                combo.addItem(self.tr("ours"), "local")
                combo.addItem(self.tr("theirs"), "incoming")
                combo.setCurrentIndex(1)
                self.choices[name] = combo
                t.setCellWidget(r, 3, combo)
        t.resizeRowsToContents()
        self._enable(True)
        self.merge_button.setEnabled(bool(self.choices) and not c.get("only_local"))
        if c.get("only_local"):
            self.keep_incoming_button.setEnabled(False)
            self.keep_incoming_button.setToolTip(self.tr(
                "This record belongs to another site: only ours can be kept"))
        else:
            self.keep_incoming_button.setToolTip("")

    def differing_fields(self) -> list[str]:
        """The fields shown as differing (highlighted), for tests."""
        t = self.fields
        return [cell(t, r, 0).data(Qt.ItemDataRole.UserRole) for r in range(t.rowCount())
                if cell(t, r, 0).font().bold()]

    def choose(self, field: str, side: str) -> None:
        """Keep ``side`` ('local' or 'incoming') for ``field`` when merging."""
        combo = self.choices[field]
        combo.setCurrentIndex(combo.findData(side))

    # --- resolving -----------------------------------------------------------------------
    def resolve(self, keep: str) -> None:
        c = self.current()
        if c is None:
            return
        values = None
        if keep == "merged":
            local = c["local"] or {}
            values = {f: local.get(f) for f, combo in self.choices.items()
                      if combo.currentData() == "local"}
            if not values:
                keep = "incoming"       # every field taken from theirs: that is their version
                values = None
        cid = c["id"]
        self._enable(False)

        def done(_resolved):
            self.resolved.emit(cid)
            self.reload()

        def failed(exc):
            self._enable(True)
            Messages.error(self, exc)

        worker.run_op(self, lambda desk: _resolve(desk, cid, keep, values), done, failed,
                      label=self.tr("Resolving…"))
