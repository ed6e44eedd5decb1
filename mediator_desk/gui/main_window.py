"""The main window: the case book (search, filters, the lazy case list) and a to-do area.

Keyboard: Ctrl+F search, Ctrl+N new case, Enter opens the selected case, Down from the search
box moves into the list. The to-do dock (``todo_dock``) holds a placeholder until the start
puts the to-do panel in it (gui/app.py, gui/todo_panel.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDockWidget, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QMainWindow, QPushButton,
                               QStyledItemDelegate, QTableView, QToolTip, QVBoxLayout, QWidget)

from mediator_desk.core import workflow
from mediator_desk.core.cases import CaseFilter
from mediator_desk.gui import worker
from mediator_desk.gui.case_list_model import CaseListModel
from mediator_desk.gui.context import SOURCE_TABLES, DeskContext, load_case, load_context
from mediator_desk.gui.forms import fill_combo, fit_to_screen
from mediator_desk.gui.messages import Messages

if TYPE_CHECKING:
    from PySide6.QtCore import QPersistentModelIndex
    from PySide6.QtGui import QCloseEvent, QKeyEvent, QResizeEvent
    from PySide6.QtWidgets import QMenu, QStyleOptionViewItem

    from mediator_desk.core.changes import Changes
    from mediator_desk.gui.backup_dialog import BackupDialog
    from mediator_desk.gui.batch_print import BatchPrintDialog
    from mediator_desk.gui.case_window import CaseWindow
    from mediator_desk.gui.document_viewer import DocumentViewer
    from mediator_desk.gui.mediators_dialog import MediatorsDialog
    from mediator_desk.gui.roster_dialog import RosterDialog
    from mediator_desk.gui.screening_window import ScreeningWindow
    from mediator_desk.gui.settings_dialog import SettingsDialog
    from mediator_desk.gui.statistics_window import StatisticsWindow
    from mediator_desk.gui.sync_menu import SyncMenu
    from mediator_desk.gui.todo_panel import TodoPanel

SEARCH_DELAY_MS = 250
TODO_WIDTH_EM = 19      # the to-do dock: a case number and its countdown, in 中 widths,
                        # leaving the case list its columns


class ElideRightDelegate(QStyledItemDelegate):
    """Elides its column's text at the end (type, parties, committee: the start says most)."""

    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideRight


class CaseTable(QTableView):
    """The case list view; Enter/Return opens the current case (on every platform).

    Column widths follow the window (``fit_columns``): each column has a preferred and a
    minimum width; when the view is too narrow for the preferred widths, the long columns
    (case number, type, parties, committee) shrink towards their minimums together, while the
    date and the status keep room for their longest text. Text that does not fit is elided in
    the middle (the year and the number of a case number stay visible) and its tooltip shows
    it whole.
    """

    openRequested = Signal(QModelIndex)
    PARTIES = 4                 # the column that takes what is left over

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        # case numbers keep the year and the number; the other long columns their start
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self._elide_right = ElideRightDelegate(self)
        for column in (2, self.PARTIES, 5):
            self.setItemDelegateForColumn(column, self._elide_right)
        self._fitted_width = -1

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.openRequested.emit(self.currentIndex())
            return
        super().keyPressEvent(event)

    def column_widths(self) -> list[tuple[int, int]]:
        """(preferred, minimum) width in pixels of each column, from the current font."""
        fm = self.fontMetrics()
        em = fm.horizontalAdvance("中")
        pad = em                  # cell margins and the grid line
        date = fm.horizontalAdvance("2026-12-31") + pad
        status = max(fm.horizontalAdvance(label) for label in workflow.STATUSES.values()) \
            + pad
        return [(em * 17, em * 12), (date, date), (em * 8 + pad, em * 5), (status, status),
                (em * 10, em * 6), (em * 12, em * 5)]

    def fit_columns(self, force: bool = False) -> None:
        """Give each column its preferred width if the view is wide enough, else shrink the
        shrinkable ones proportionally towards their minimums (a horizontal scroll bar only
        below the sum of the minimums). Space beyond the preferred widths goes to the parties."""
        header = self.horizontalHeader()
        columns = header.count()
        if not columns:
            return
        # room for the vertical scroll bar is always kept, so the widths do not jump when it
        # appears or disappears
        available = self.maximumViewportSize().width() - self.verticalScrollBar().sizeHint().width()
        if available == self._fitted_width and not force:
            return
        self._fitted_width = available
        sizes = self.column_widths()[:columns]
        preferred = sum(p for p, _m in sizes)
        widths = [p for p, _m in sizes]
        if preferred > available:
            room = sum(p - m for p, m in sizes)
            factor = min(1.0, (preferred - available) / room) if room else 1.0
            widths = [round(p - (p - m) * factor) for p, m in sizes]
        elif self.PARTIES < columns:
            widths[self.PARTIES] += available - preferred
        for column, width in enumerate(widths):
            header.resizeSection(column, width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            index = self.indexAt(event.pos())
            if index.isValid():
                text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
                # elided text is shown whole above the case's summary
                elided = self.fontMetrics().horizontalAdvance(text) + 8 > \
                    self.columnWidth(index.column())
                tip = index.data(Qt.ItemDataRole.ToolTipRole) or ""
                if elided and text:
                    tip = text + ("\n" + tip if tip else "")
                if tip:
                    QToolTip.showText(event.globalPos(), tip, self.viewport())
                else:
                    QToolTip.hideText()
                    event.ignore()
                return True
        return super().viewportEvent(event)


def committee_choices(committees: list[dict]) -> list[tuple[str, str]]:
    """The committee filter's items: each township's committee followed by its villages'
    (indented), so ~50 names read as a tree; then any others."""
    by_parent: dict[str, list[dict]] = {}
    for c in committees:
        by_parent.setdefault(c.get("parent_id") or "", []).append(c)
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for town in sorted((c for c in committees if c["kind"] == "township"),
                       key=lambda c: c["name"]):
        out.append((town["id"], town["name"]))
        seen.add(town["id"])
        for village in sorted(by_parent.get(town["id"], []), key=lambda c: c["name"]):
            out.append((village["id"], "\u3000" + village["name"]))
            seen.add(village["id"])
    out += [(c["id"], c["name"]) for c in committees if c["id"] not in seen]
    return out


class MainWindow(QMainWindow):
    contextLoaded = Signal(object)     # DeskContext, first time and after relevant changes
    # Once: the first page of the list and the context have arrived (the window can be used).
    usable = Signal()
    # Once: everything the start adds after the first paint is there (gui/app.py: the to-do
    # panel, the documents and data-exchange menus, the case-path tabs, text size).
    ready = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = DeskContext()
        self.case_windows: dict[str, CaseWindow] = {}
        self.new_case_window: CaseWindow | None = None
        self.is_usable = self.is_ready = False
        self._awaited = {"page", "context"}
        # Added after the first paint by the start's later steps (gui/app.py), kept here for
        # the tests and the translation check: the to-do panel (gui/todo_panel.py), the
        # data-exchange menu (gui/sync_menu.py), the documents menu (gui/documents_hooks.py),
        # the text size actions (gui/text_size.py), and the last batch print dialog and
        # blank-form viewer opened from this window.
        self.todo_panel: TodoPanel | None = None
        self.sync: SyncMenu | None = None
        self.batch_print_action: QAction | None = None
        self.blank_forms_menu: QMenu | None = None
        self.fill_blank_forms_menu: Callable[[], None] | None = None
        self.text_size_actions: tuple[QAction, QAction] | None = None
        self.batch_dialog: BatchPrintDialog | None = None
        self.blank_viewer: DocumentViewer | None = None
        self._build()
        worker.changes_signal().connect(self._on_changes)
        self.model.pageLoaded.connect(lambda: self._arrived("page"))
        self.load_context()
        self.search_now()

    def _arrived(self, what: str) -> None:
        if what in self._awaited:
            self._awaited.discard(what)
            if not self._awaited:
                self.is_usable = True
                self.usable.emit()

    def paint_list_now(self) -> None:
        """Lay out the rows that have arrived and paint the window at once. Qt would lay them
        out on a later turn of the event loop — after whatever else is waiting there, such as
        the rest of the start (gui/app.py), which would keep the list empty meanwhile."""
        self.table.executeDelayedItemsLayout()
        self.repaint()

    def mark_ready(self) -> None:
        """Called once the start has added everything (gui/app.py ``finish_main_window``)."""
        self.is_ready = True
        self.ready.emit()

    # --- layout ------------------------------------------------------------------------
    def _build(self) -> None:
        self.setWindowTitle(self.tr("Mediation desk"))
        self.search_box = QLineEdit()
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(self.tr(
            "Case number, party name, pinyin initials (zs), ID or phone digits, facts…"))
        self.search_box.installEventFilter(self)
        search_label = QLabel(self.tr("&Search"))
        search_label.setBuddy(self.search_box)

        self.status_filter = QComboBox()
        self.type_filter = QComboBox()
        self.year_filter = QComboBox()
        self.org_filter = QComboBox()
        for combo in (self.status_filter, self.type_filter, self.year_filter, self.org_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self.search_now)
        self._fill_filters()
        self.new_case_button = QPushButton(self.tr("New case"))
        self.new_case_button.setToolTip(self.tr("Register a new dispute (Ctrl+N)"))
        self.new_case_button.clicked.connect(self.new_case)

        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search_box, 1)
        top.addWidget(self.new_case_button)
        filters = QHBoxLayout()
        for text, combo in ((self.tr("S&tatus"), self.status_filter),
                            (self.tr("Ty&pe"), self.type_filter),
                            (self.tr("&Year"), self.year_filter),
                            (self.tr("Co&mmittee"), self.org_filter)):
            label = QLabel(text)
            label.setBuddy(combo)
            filters.addWidget(label)
            filters.addWidget(combo)
            filters.addSpacing(12)
        filters.addStretch(1)

        self.model = CaseListModel(self)
        self.table = CaseTable()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several cases can be selected (Ctrl/Shift) for batch printing.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)      # Tab leaves the list (keyboard users)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        # widths follow the window (CaseTable.fit_columns); the user may still drag them
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(self.table.fontMetrics().horizontalAdvance("中") * 3)
        self.table.fit_columns(force=True)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 14)
        self.table.doubleClicked.connect(self._open_index)
        self.table.openRequested.connect(self._open_index)
        self.model.countChanged.connect(self._show_count)
        self.model.modelReset.connect(lambda: self.count_label.setText(self.tr("Searching…")))

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        self.setCentralWidget(central)

        self.todo_dock = QDockWidget(self.tr("To do"), self)
        self.todo_dock.setObjectName("todo_dock")
        self.todo_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                                   | QDockWidget.DockWidgetFeature.DockWidgetMovable)
        # shown from the first paint at its final width, so the list does not jump when the
        # to-do panel (gui/todo_panel.py) takes its place a moment later
        self.todo_dock.setWidget(QLabel(self.tr("Reading the to-do list…")))
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.todo_dock)
        self.size_todo_dock()

        self.count_label: QLabel = QLabel()     # typed: a lambda above uses it
        self.busy_label = QLabel()
        self.statusBar().addWidget(self.count_label, 1)
        self.statusBar().addPermanentWidget(self.busy_label)
        # A bound method (not a lambda), so Qt disconnects it when the window is destroyed: the
        # worker outlives windows.
        worker.runner().busy.connect(self._show_busy)

        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.search_now)
        self.search_box.textChanged.connect(lambda _t: self._search_timer.start())
        self._build_menus()

        self.setTabOrder(self.search_box, self.new_case_button)
        self.setTabOrder(self.new_case_button, self.status_filter)
        self.setTabOrder(self.status_filter, self.type_filter)
        self.setTabOrder(self.type_filter, self.year_filter)
        self.setTabOrder(self.year_filter, self.org_filter)
        self.setTabOrder(self.org_filter, self.table)
        self.search_box.setFocus()
        fit_to_screen(self, 1280, 800)

    def size_todo_dock(self) -> None:
        """Give the to-do dock its width (again after its widget changes, which would make
        Qt size it by the new widget's hint and move the list's columns)."""
        em = self.fontMetrics().horizontalAdvance("中")
        self.resizeDocks([self.todo_dock], [em * TODO_WIDTH_EM], Qt.Orientation.Horizontal)

    def _build_menus(self) -> None:
        cases = self.menuBar().addMenu(self.tr("&Cases"))
        self.new_case_action = QAction(self.tr("&New case…"), self)
        self.new_case_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_case_action.triggered.connect(self.new_case)
        self.open_case_action = QAction(self.tr("&Open selected case"), self)
        self.open_case_action.setShortcut(QKeySequence(Qt.Key.Key_Return))
        self.open_case_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.open_case_action.triggered.connect(self.open_selected)
        self.find_action = QAction(self.tr("&Find…"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.focus_search)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        for action in (self.new_case_action, self.open_case_action, self.find_action):
            cases.addAction(action)
        cases.addSeparator()
        self.screening_action = cases.addAction(self.tr("Dispute &screening…"),
                                                self.show_screening)
        cases.addSeparator()
        cases.addAction(quit_action)
        view = self.view_menu = self.menuBar().addMenu(self.tr("&View"))
        toggle = self.todo_dock.toggleViewAction()
        toggle.setText(self.tr("&To-do panel"))
        view.addAction(toggle)
        stats = self.menuBar().addMenu(self.tr("S&tatistics"))
        self.statistics_action = stats.addAction(self.tr("&Statistics and monthly report…"),
                                                 self.show_statistics)
        settings = self.menuBar().addMenu(self.tr("&Settings"))
        self.mediators_action = settings.addAction(self.tr("&Mediators…"), self.show_mediators)
        self.roster_action = view.addAction(self.tr("Committees and &mediators…"),
                                            self.show_roster)
        self.settings_action = settings.addAction(self.tr("Mediation &path settings…"),
                                                  self.show_settings)
        self.backup_action = settings.addAction(self.tr("&Backup and restore…"),
                                                self.show_backups)
        self.addActions([self.new_case_action, self.find_action, quit_action])

    def show_mediators(self) -> MediatorsDialog:
        """The committee's mediators (gui/mediators_dialog.py), loaded at first use."""
        from mediator_desk.gui.mediators_dialog import MediatorsDialog

        self.mediators_dialog = MediatorsDialog(self)
        self.mediators_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.mediators_dialog.show()
        return self.mediators_dialog

    def show_statistics(self) -> StatisticsWindow:
        """The statistics window (gui/statistics_window.py), loaded at first use."""
        from mediator_desk.gui.statistics_window import StatisticsWindow

        self.statistics_window = StatisticsWindow(self)
        self.statistics_window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.statistics_window.show()
        return self.statistics_window

    def show_screening(self) -> ScreeningWindow:
        """Dispute screening (gui/screening_window.py), loaded at first use; read-only at the
        township office (the villages' screening arrives in their bundles)."""
        from mediator_desk.gui.screening_window import ScreeningWindow

        self.screening_window = ScreeningWindow(
            self, read_only=self.context.site_role == "office")
        self.screening_window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.screening_window.openCase.connect(self.open_case)
        self.screening_window.show()
        return self.screening_window

    def show_roster(self) -> RosterDialog:
        """调解组织与人员 (gui/roster_dialog.py), loaded at first use."""
        from mediator_desk.gui.roster_dialog import RosterDialog

        self.roster_dialog = RosterDialog(self)
        self.roster_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.roster_dialog.show()
        return self.roster_dialog

    def show_settings(self) -> SettingsDialog:
        """The path settings (gui/settings_dialog.py), loaded at first use."""
        from mediator_desk.gui.settings_dialog import SettingsDialog

        self.settings_dialog = SettingsDialog(self)
        self.settings_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.settings_dialog.show()
        return self.settings_dialog

    def show_backups(self) -> BackupDialog:
        """Backup and restore (gui/backup_dialog.py), loaded at first use."""
        from mediator_desk.gui.backup_dialog import BackupDialog

        self.backup_dialog = BackupDialog(self)
        self.backup_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.backup_dialog.show()
        return self.backup_dialog

    def eventFilter(self, obj, event) -> bool:
        # Down (or Enter) in the search box moves into the list; Escape clears the search.
        if obj is self.search_box and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._search_timer.isActive():
                    self.search_now()
                self.focus_list()
                return True
            if key == Qt.Key.Key_Escape and self.search_box.text():
                self.search_box.clear()
                return True
        return super().eventFilter(obj, event)

    # --- context (committee, code lists) -----------------------------------------------
    def load_context(self) -> None:
        worker.run_op(self, load_context, self._context_loaded)

    def _context_loaded(self, context: DeskContext) -> None:
        self.context = context
        name = context.committee_name
        title = (self.tr("Mediation desk — {committee}").format(committee=name)
                 if name else self.tr("Mediation desk"))
        role = {"village": self.tr("village committee"),
                "office": self.tr("township office")}.get(context.site_role, "")
        self.setWindowTitle(f"{title} — {role}" if role else title)
        self._fill_filters()
        for window in list(self.case_windows.values()) + [self.new_case_window]:
            if window is not None:
                window.set_context(context)
        self.contextLoaded.emit(context)
        self._arrived("context")

    def _fill_filters(self) -> None:
        ctx = self.context
        fill_combo(self.status_filter, ctx.statuses, blank=self.tr("All statuses"))
        fill_combo(self.type_filter, [(i["code"], i["label"]) for i in ctx.dispute_types],
                   blank=self.tr("All types"))
        fill_combo(self.year_filter, [(y, self.tr("{year}").format(year=y)) for y in ctx.years],
                   blank=self.tr("All years"))
        fill_combo(self.org_filter, committee_choices(ctx.committees),
                   blank=self.tr("All committees"))

    # --- searching -----------------------------------------------------------------------
    def current_filter(self) -> CaseFilter:
        return CaseFilter(text=self.search_box.text().strip(),
                          status=self.status_filter.currentData() or "",
                          dispute_type=self.type_filter.currentData() or "",
                          year=self.year_filter.currentData() or None,
                          org_id=self.org_filter.currentData() or "")

    def search_now(self, *_args: object) -> None:
        self._search_timer.stop()
        self.model.set_filter(self.current_filter())

    def _show_count(self, n: int) -> None:
        if self.current_filter() == CaseFilter():
            self.count_label.setText(self.tr("{n} cases").format(n=n))
        else:
            self.count_label.setText(self.tr("{n} cases found").format(n=n))

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def focus_list(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.table.currentIndex().isValid() and self.model.rowCount():
            self.table.selectRow(0)

    # --- opening cases -----------------------------------------------------------------
    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_case(self.model.case_id(index.row()))

    def open_selected(self) -> None:
        self._open_index(self.table.currentIndex())

    def open_case(self, case_id: str, place: str = "") -> None:
        """Show the case in its window (read in the background, then built), on the tab of
        ``place`` if given (a to-do item: where it is dealt with)."""
        if not case_id:
            return
        window = self.case_windows.get(case_id)
        if window is not None:
            window.show()
            window.raise_()
            window.activateWindow()
            window.show_place(place)
            return
        def loaded(case: dict) -> None:
            self._show_case(case).show_place(place)

        worker.run_op(self, lambda desk: load_case(desk, case_id), loaded,
                      lambda exc: Messages.error(self, exc))

    def _show_busy(self, busy: bool) -> None:
        self.busy_label.setText(self.tr("Working…") if busy else "")

    def _show_case(self, case: dict) -> CaseWindow:
        window = self.case_windows.get(case["id"])
        if window is None:
            from mediator_desk.gui.case_window import CaseWindow  # loaded at first use

            window = CaseWindow(self.context, case, self)
            self.case_windows[case["id"]] = window
            window.destroyed.connect(lambda _o=None, cid=case["id"]: self.case_windows.pop(cid, None))
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def new_case(self) -> CaseWindow:
        """Open a window to register a new dispute."""
        if self.new_case_window is not None:
            self.new_case_window.show()
            self.new_case_window.raise_()
            return self.new_case_window
        from mediator_desk.gui.case_window import CaseWindow  # loaded at first use

        window = CaseWindow(self.context, None, self)
        self.new_case_window = window
        window.caseLoaded.connect(lambda case, w=window: self._registered(w, case))
        window.destroyed.connect(lambda _o=None, w=window: self._forget_new(w))
        window.show()
        window.editor.received_date.setFocus()
        return window

    def _registered(self, window: CaseWindow, case: dict) -> None:
        # The new-case window now shows a registered case: file it under its id.
        if self.new_case_window is window:
            self.new_case_window = None
            self.case_windows[case["id"]] = window
            window.destroyed.connect(lambda _o=None, cid=case["id"]: self.case_windows.pop(cid, None))

    def _forget_new(self, window: CaseWindow) -> None:
        if self.new_case_window is window:
            self.new_case_window = None

    # --- reacting to writes -----------------------------------------------------------
    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(*SOURCE_TABLES):
            self.load_context()

    def closeEvent(self, event: QCloseEvent) -> None:
        for window in list(self.case_windows.values()) + [self.new_case_window]:
            if window is not None and not window.close():
                event.ignore()
                return
        event.accept()
