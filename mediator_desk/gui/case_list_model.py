"""The case list: a lazy table model that holds case ids and fetches rows on demand.

Pages of ids come from ``desk.cases.search(filter, limit, after_id)`` (``canFetchMore`` /
``fetchMore``), each page together with its display rows (``desk.cases.list_rows``). Every read
goes through the worker (see docs/architecture.md for why), so the model is asynchronous: rows
are inserted when a page arrives, and a row evicted from the bounded cache shows "…" until it
has been read again. A newer filter makes older answers stale; they are dropped by generation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from collections import OrderedDict

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor

from mediator_desk.core.cases import CaseFilter, CaseRow
from mediator_desk.gui import worker

if TYPE_CHECKING:
    from PySide6.QtCore import QObject, QPersistentModelIndex

    from mediator_desk.core.changes import Changes
    from mediator_desk.core.desk import Desk

    Page = tuple[list[str], dict[str, CaseRow]]     # a page of ids and their display rows

PLACEHOLDER = "…"
RISK_COLOUR = QColor("#b00020")


def _page(desk: Desk, flt: CaseFilter, after_id: str | None, size: int) -> Page:
    ids = desk.cases.search(flt, limit=size, after_id=after_id)
    return ids, desk.cases.list_rows(ids)


class CaseListModel(QAbstractTableModel):
    PAGE_SIZE = 200
    CACHE_LIMIT = 4000       # display rows kept; ids are always kept
    IdRole = Qt.ItemDataRole.UserRole + 1
    FIELDS = ("case_no", "received_date", "dispute_type_label", "status_label", "party_names",
              "org_name")

    pageLoaded = Signal()          # a page of rows arrived (also when it was empty)
    countChanged = Signal(int)     # number of matching cases for the current filter

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._headers = [self.tr("Case number"), self.tr("Received"), self.tr("Dispute type"),
                         self.tr("Status"), self.tr("Parties"), self.tr("Committee")]
        self._filter = CaseFilter()
        self._ids: list[str] = []
        self._pos: dict[str, int] = {}
        self._rows: OrderedDict[str, CaseRow] = OrderedDict()
        self._generation = 0
        self._exhausted = True
        self._fetching = False
        self._wanted: set[str] = set()
        self._in_flight: set[str] = set()
        self._count: int | None = None
        worker.changes_signal().connect(self._on_changes)

    # --- what the list shows ---------------------------------------------------------------
    @property
    def filter(self) -> CaseFilter:
        return self._filter

    @property
    def loading(self) -> bool:
        """True until the current filter's pending page has arrived."""
        return self._fetching

    @property
    def count(self) -> int | None:
        """Matching cases for the current filter (None until counted)."""
        return self._count

    def set_filter(self, flt: CaseFilter) -> None:
        """Show the cases matching ``flt`` (a no-op if it is the current filter)."""
        if flt != self._filter or self._generation == 0:
            self._filter = flt
            self.reload()

    def reload(self) -> None:
        """Forget everything and fetch the first page and the count again."""
        self._generation += 1
        self.beginResetModel()
        self._ids, self._pos = [], {}
        self._rows.clear()
        self._wanted.clear()
        self._in_flight.clear()
        self._exhausted = False
        self._fetching = False
        self._count = None
        self.endResetModel()
        self._fetch_page()
        gen, flt = self._generation, self._filter
        worker.run_op(self, lambda desk: desk.cases.count_matching(flt),
                      lambda n: self._count_arrived(gen, n))

    def case_id(self, row: int) -> str:
        return self._ids[row] if 0 <= row < len(self._ids) else ""

    def row_of(self, case_id: str) -> int:
        return self._pos.get(case_id, -1)

    # --- Qt model interface ------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.FIELDS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
            Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Qt asks each painted cell for some ten roles; the ones not served here cost a test
        if role not in _SERVED:
            return None
        n, column = index.row(), index.column()
        if not 0 <= n < len(self._ids) or not 0 <= column < len(self.FIELDS) \
                or not index.isValid():
            return None
        case_id = self._ids[n]
        if role == _ID:
            return case_id
        row = self._rows.get(case_id)
        if row is None:
            if role == _DISPLAY:
                self._want(case_id)
                return PLACEHOLDER
            return None
        self._rows.move_to_end(case_id)
        field = self.FIELDS[column]
        if role == _DISPLAY:
            return str(getattr(row, field) or "")
        if role == _TOOLTIP:
            tip = row.summary or ""
            if row.risk_flag:
                tip = self.tr("Escalation risk") + ("\n" + tip if tip else "")
            return tip[:300] or None
        if row.risk_flag and field in ("case_no", "status_label"):     # the foreground
            return RISK_COLOUR
        return None

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted and not self._fetching

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:
        if self.canFetchMore(parent):
            self._fetch_page()

    # --- fetching ------------------------------------------------------------------------
    def _fetch_page(self) -> None:
        self._fetching = True
        gen, flt = self._generation, self._filter
        after = self._ids[-1] if self._ids else None
        size = self.PAGE_SIZE
        worker.run_op(self, lambda desk: _page(desk, flt, after, size),
                      lambda result: self._page_arrived(gen, result),
                      lambda exc: self._page_failed(gen, exc))

    def _page_arrived(self, gen: int, result: Page) -> None:
        if gen != self._generation:
            return
        ids, rows = result
        self._fetching = False
        ids = [i for i in ids if i not in self._pos]
        if len(result[0]) < self.PAGE_SIZE:
            self._exhausted = True
        if ids:
            first = len(self._ids)
            self.beginInsertRows(QModelIndex(), first, first + len(ids) - 1)
            for n, case_id in enumerate(ids, first):
                self._pos[case_id] = n
            self._ids.extend(ids)
            self._store(rows, ids)
            self.endInsertRows()
        self.pageLoaded.emit()

    def _page_failed(self, gen: int, exc: BaseException) -> None:
        # E.g. the last case seen has gone (paging needs it): stop paging rather than loop.
        if gen == self._generation:
            self._fetching = False
            self._exhausted = True
            self.pageLoaded.emit()

    def _count_arrived(self, gen: int, n: int) -> None:
        if gen == self._generation:
            self._count = n
            self.countChanged.emit(n)

    def _store(self, rows: dict[str, CaseRow], order: list[str]) -> None:
        """Cache rows (in list order, so the least recently shown are evicted first)."""
        for case_id in order:
            if case_id in rows:
                self._rows[case_id] = rows[case_id]
                self._rows.move_to_end(case_id)
        while len(self._rows) > self.CACHE_LIMIT:
            self._rows.popitem(last=False)

    def _want(self, case_id: str) -> None:
        """A visible row is not cached: read it (batched with others) on the worker."""
        if case_id in self._in_flight:
            return
        if not self._wanted:
            QTimer.singleShot(0, self, self._fetch_wanted)
        self._wanted.add(case_id)

    def _fetch_wanted(self) -> None:
        ids = list(self._wanted)[: self.PAGE_SIZE]
        self._wanted.difference_update(ids)
        self._in_flight.update(ids)
        if self._wanted:
            QTimer.singleShot(0, self, self._fetch_wanted)
        self._refresh_rows(ids)

    def _refresh_rows(self, ids: list[str]) -> None:
        gen = self._generation
        worker.run_op(self, lambda desk: desk.cases.list_rows(ids),
                      lambda rows: self._rows_arrived(gen, ids, rows))

    def _rows_arrived(self, gen: int, ids: list[str], rows: dict[str, CaseRow]) -> None:
        if gen != self._generation:
            return
        self._in_flight.difference_update(ids)
        self._store(rows, ids)
        positions = sorted(self._pos[i] for i in rows if i in self._pos)
        if positions:
            last = self.columnCount() - 1
            self.dataChanged.emit(self.index(positions[0], 0), self.index(positions[-1], last))

    # --- reacting to writes ----------------------------------------------------------------
    def _on_changes(self, changes: Changes) -> None:
        if not changes.touches("cases", "parties", "organisations"):
            return
        known = [c for c in changes.case_ids if c in self._pos]
        if changes.case_ids and len(known) == len(changes.case_ids) \
                and not changes.touches("organisations"):
            self._refresh_rows(known)    # edits of listed cases: refresh those rows in place
        else:
            self.reload()                # a new case (or a renamed committee): search again


# The roles ``CaseListModel.data`` serves, as plain numbers (looked up once, not per cell).
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_ID = CaseListModel.IdRole
_SERVED = frozenset({_DISPLAY, _TOOLTIP, Qt.ItemDataRole.ForegroundRole.value, _ID})
