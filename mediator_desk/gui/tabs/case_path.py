"""The path of one case, shared by its window's tabs.

:class:`CasePath` belongs to one case window: it reads the whole path of the case once
(``desk.dossier.view`` through the worker) and hands it to every tab (``loaded``), again after
each change that touches the case; it shows the "archived" banner. :class:`PathTab` is the
base of the tabs (read-only when the case is archived). Every database call goes through
:func:`mediator_desk.gui.worker.run_op`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mediator_desk.core import path_settings, workflow
from mediator_desk.errors import IllegalStep
from mediator_desk.gui import case_owner, worker
from mediator_desk.gui.forms import FieldErrors, error_label, scroll_area
from mediator_desk.gui.messages import Messages
from mediator_desk.gui.tabs.widgets import BANNER_STYLE, NEXT_STEP_STYLE, set_editable
from mediator_desk.gui.today import today

if TYPE_CHECKING:
    from datetime import date

    from mediator_desk.core.changes import Changes
    from mediator_desk.core.desk import Desk
    from mediator_desk.core.dossier import CaseView
    from mediator_desk.gui.case_window import CaseWindow

Widget = TypeVar("Widget", bound=QWidget)


@dataclass(frozen=True, slots=True)
class PathView:
    """What the tabs show about a case: its :class:`CaseView` (``case``) and what the screens
    need besides — the day it was read for, the retention periods offered when archiving,
    the attachment limits, the follow-up setting and where each attached file is stored."""

    case: CaseView
    today: str
    retention_choices: list[str]
    attachment_limits: dict
    followup_days: int
    file_paths: dict[str, str]      # attachment sha256 → its file in the store


def load_path(desk: Desk, case_id: str, day: date) -> PathView:
    """Everything the tabs show about a case (runs on the worker thread)."""
    view = desk.dossier.view(case_id, today=day)
    return PathView(
        case=view, today=day.isoformat(),
        retention_choices=desk.dossier.retention_choices(),
        attachment_limits=desk.attachments.limits(),
        followup_days=int(path_settings.get(desk, "followup_days")),
        file_paths={a["sha256"]: str(desk.attachments.file_path(a["sha256"]))
                    for a in view.attachments})


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


class CasePath(QObject):
    """The mediation path of the case shown in one :class:`CaseWindow`, shared by its tabs."""

    loaded = Signal(object)    # the PathView, after every read

    def __init__(self, window: CaseWindow):
        super().__init__(window)
        self.window = window
        self.view: PathView | None = None
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
        self.next_place: str = ""       # typed: the lambda above reads it
        layout = window.layout()
        if isinstance(layout, QBoxLayout):
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
            return self.view.case.status
        return (self.window.case or {}).get("status", "")

    @property
    def archived(self) -> bool:
        return self.status == "archived"

    @property
    def case_view(self) -> CaseView | None:
        """The case as last read (None before the first read)."""
        return self.view.case if self.view is not None else None

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

    def _show_next_step(self, view: PathView) -> None:
        step = view.case.next_step
        self.next_place = step.place
        self.next_step.setText(self.tr("Next step: {step}").format(step=step.text)
                               if step.text else "")
        self.next_step.setVisible(bool(step.text) and not case_owner.is_foreign(
            self.window.case, self.window.context))

    def _loaded(self, view: PathView) -> None:
        self._loading = False
        self.view = view
        self._show_banner(view)
        self._show_next_step(view)
        self.loaded.emit(view)
        if self._stale:
            self._stale = False
            self.reload()

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        Messages.error(self.window, exc)

    def _show_banner(self, view: PathView) -> None:
        archive = view.case.archive
        if view.case.status == "archived":
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

    def _on_changes(self, changes: Changes) -> None:
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


def tab_class(place: str) -> type[QWidget] | None:
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


def path_for(window: CaseWindow) -> CasePath:
    """The window's :class:`CasePath` (made on first use)."""
    path = window._mediation_path
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
        self.view: PathView | None = None
        self._actions: list[QWidget] = []
        self._editors: list[QWidget] = []
        self.general = error_label()
        self.errors = FieldErrors(self.general)
        path.loaded.connect(self._loaded)

    def action(self, widget: Widget) -> Widget:
        self._actions.append(widget)
        return widget

    def editor(self, widget: Widget) -> Widget:
        self._editors.append(widget)
        return widget

    @property
    def status(self) -> str:
        return self.path.status

    @property
    def case_view(self) -> CaseView | None:
        """The case as last read (None before the first read)."""
        return self.path.case_view

    @property
    def read_only(self) -> bool:
        return self.path.archived or case_owner.is_foreign(self.path.window.case,
                                                           self.path.window.context)

    def _loaded(self, view: PathView) -> None:
        self.view = view
        self.show_view(view)
        self.apply_read_only()

    def show_view(self, view: PathView) -> None:  # pragma: no cover - abstract
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
        outer.addWidget(scroll_area(content), 1)
        outer.addWidget(self.general)

    def apply_read_only(self) -> None:
        """Archived: hide every action, make every input read-only."""
        if not self.read_only:
            return
        for w in self._actions:
            w.hide()
        for w in self._editors:
            set_editable(w, False)

    def run(self, op: Callable[[Any, Any], Any], on_success: Callable[[Any], None] | None = None,
            *, errors: FieldErrors | None = None, label: str | None = None) -> int:
        """Run ``op(desk, today)``; a refusal shows in ``errors`` (default: this tab's)."""
        return self.path.run(self, op, on_success, errors or self.errors, label)
