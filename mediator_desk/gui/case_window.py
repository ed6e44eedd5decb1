"""One case in its own window: a header and tabs (the case and its parties first).

Later features add tabs (records, agreement, follow-ups, documents, attachments, history) with
:meth:`CaseWindow.register_tab` (for every case window) or :meth:`CaseWindow.add_tab` (one
window). A tab factory is called once a case exists, with the window; it returns
``(widget, title)`` or None. Tabs can read ``window.case`` and ``window.context`` and react to
``window.caseLoaded`` (emitted after each reload).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QTabWidget, QToolButton, QVBoxLayout, QWidget

from mediator_desk.gui import case_tabs, worker
from mediator_desk.gui.case_editor import CaseEditor
from mediator_desk.gui.context import load_case
from mediator_desk.gui.forms import fit_to_screen, set_role
from mediator_desk.gui.messages import Messages

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from mediator_desk.core.changes import Changes
    from mediator_desk.gui.context import DeskContext
    from mediator_desk.gui.tabs.case_path import CasePath

TabFactory = Callable[["CaseWindow"], "tuple[QWidget, str] | None"]


class CaseWindow(QWidget):
    """A case (or a new registration, ``case=None``) with extensible tabs."""

    tab_factories = case_tabs.FACTORIES
    caseLoaded = Signal(dict)     # the case dict, after registration and every reload

    @classmethod
    def register_tab(cls, factory: TabFactory) -> None:
        """Add a tab to every case window opened from now on (see gui/case_tabs.py)."""
        case_tabs.register(factory)

    def __init__(self, context: DeskContext, case: dict | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.context = context
        self.case = case
        self._extra_tabs_added = False
        self._reloading = False
        self._mediation_path: CasePath | None = None   # the tabs' shared path (path_for)
        self.header = QLabel()
        set_role(self.header, "heading")
        font = self.header.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.header.setFont(font)
        self.tabs = QTabWidget()
        self.editor = CaseEditor(context, case)
        self.add_tab(self.editor, self.tr("Case and parties"))
        # Tab from the tab bar goes into the page, not to the bar's scroll arrows
        for arrow in self.tabs.tabBar().findChildren(QToolButton):
            arrow.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        self.editor.saved.connect(self._saved)
        self.editor.dirtyChanged.connect(lambda _d: self._update_title())
        worker.changes_signal().connect(self._on_changes)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        fit_to_screen(self, 1260, 820)      # every tab in view on a 1366-pixel screen
        self._update_title()
        if case is not None:
            self._add_extra_tabs()

    @property
    def case_id(self) -> str:
        return (self.case or {}).get("id", "")

    def add_tab(self, widget: QWidget, title: str) -> int:
        """Add a tab to this window; returns its index. The first ten tabs are numbered
        ("调解协议(4)"): Alt and the number opens the tab, and numbers never clash with the
        letters of the fields and buttons on a tab."""
        index = self.tabs.addTab(widget, title)
        if index < 10:
            self.tabs.setTabText(index, f"{title}(&{(index + 1) % 10})")
        return index

    def show_place(self, place: str) -> bool:
        """Make the tab where ``place`` (core ``workflow.STEP_PLACES``, or "review") is dealt
        with current; False if this window has no such tab."""
        if not place:
            return False
        from mediator_desk.gui.tabs.case_path import tab_class

        cls = tab_class(place)
        for i in range(self.tabs.count()):
            if cls is not None and isinstance(self.tabs.widget(i), cls):
                self.tabs.setCurrentIndex(i)
                return True
        return False

    def tab_title(self, index: int) -> str:
        """A tab's title without its number."""
        text = self.tabs.tabText(index)
        return text.rsplit("(&", 1)[0] if text.endswith(")") and "(&" in text else text

    def _add_extra_tabs(self) -> None:
        if self._extra_tabs_added:
            return
        self._extra_tabs_added = True
        for factory in self.tab_factories:
            made = factory(self)
            if made:
                self.add_tab(*made)

    def _update_title(self) -> None:
        if self.case is None:
            title = self.tr("Register a new case")
            header = title
        else:
            title = self.case["case_no"]
            header = f"{self.case['case_no']}　{self.case.get('status_label', '')}　" \
                     f"{self.case.get('org_name', '')}"
        if self.editor.dirty:
            title += " *"
        self.setWindowTitle(title)
        self.header.setText(header)

    # --- loading -------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the case again (after a save or someone else's change)."""
        if not self.case_id or self._reloading:
            return
        self._reloading = True
        case_id = self.case_id
        worker.run_op(self, lambda desk: load_case(desk, case_id), self._loaded,
                      self._load_failed)

    def _saved(self, case_id: str) -> None:
        if self.case is None:
            self.case = {"id": case_id, "case_no": ""}
        self.reload()

    def _loaded(self, case: dict) -> None:
        self._reloading = False
        self.case = case
        self.editor.set_case(case)
        self._update_title()
        self._add_extra_tabs()
        self.caseLoaded.emit(case)

    def _load_failed(self, exc: BaseException) -> None:
        self._reloading = False
        Messages.error(self, exc)

    def set_context(self, context: DeskContext) -> None:
        self.context = context
        self.editor.set_context(context)

    def _on_changes(self, changes: Changes) -> None:
        # Someone else's change to this case (another window, a later tab): show it, unless
        # the user is in the middle of editing here.
        if self.case_id and self.case_id in changes.case_ids and not self.editor.dirty \
                and not self.editor.saving:
            self.reload()
        # A mediator added or marked inactive (Settings → Mediators): the case's own
        # mediator choices (load_case) are read again.
        elif self.case_id and changes.touches("mediators") and not self.editor.dirty \
                and not self.editor.saving:
            self.reload()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.editor.dirty and not Messages.confirm(
                self, self.tr("This case has unsaved changes. Close without saving?"),
                yes=self.tr("Close without saving"), no=self.tr("Keep editing")):
            event.ignore()
            return
        event.accept()
