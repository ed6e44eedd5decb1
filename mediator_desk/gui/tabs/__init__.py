"""The tabs of the mediation path and their hook into the app.

``register_tabs()`` and ``install_todo(main_window)`` (called by ``gui.app.create_main_window``;
``install`` does both) register the tabs
with :class:`~mediator_desk.gui.case_window.CaseWindow` — acceptance and records, outcome and
risks, agreement, performance and follow-up, case file, attachments, history — and fills the
main window's to-do dock. The tabs of one case window share one
:class:`~mediator_desk.gui.tabs.case_path.CasePath` (one read of the whole path per change).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from mediator_desk.gui import case_tabs

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from mediator_desk.gui.case_window import CaseWindow
    from mediator_desk.gui.main_window import MainWindow

translate = QCoreApplication.translate


def _mediation(window: CaseWindow) -> tuple[QWidget, str]:
    from mediator_desk.gui.tabs.case_path import path_for
    from mediator_desk.gui.tabs.mediation import MediationTab

    return MediationTab(path_for(window)), translate("CaseTabs", "Acceptance and records")


def _outcome(window: CaseWindow) -> tuple[QWidget, str]:
    from mediator_desk.gui.tabs.case_path import path_for
    from mediator_desk.gui.tabs.agreement import AgreementTab
    from mediator_desk.gui.tabs.outcome import OutcomeTab

    tab = OutcomeTab(path_for(window))

    def show_agreement() -> None:
        for i in range(window.tabs.count()):
            if isinstance(window.tabs.widget(i), AgreementTab):
                window.tabs.setCurrentIndex(i)

    tab.agreementRequested.connect(show_agreement)
    return tab, translate("CaseTabs", "Outcome and risks")


def _agreement(window: CaseWindow) -> tuple[QWidget, str]:
    from mediator_desk.gui.tabs.case_path import path_for
    from mediator_desk.gui.tabs.agreement import AgreementTab

    return AgreementTab(path_for(window)), translate("CaseTabs", "Agreement")


def _followups(window: CaseWindow) -> tuple[QWidget, str]:
    from mediator_desk.gui.tabs.case_path import path_for
    from mediator_desk.gui.tabs.followups import FollowUpTab

    return FollowUpTab(path_for(window)), translate("CaseTabs", "Performance and follow-up")


def _casefile(window: CaseWindow) -> tuple[QWidget, str]:
    from mediator_desk.gui.tabs.case_path import path_for
    from mediator_desk.gui.tabs.casefile import CaseFileTab

    return CaseFileTab(path_for(window)), translate("CaseTabs", "Case file")


def _attachments(window: CaseWindow) -> tuple[QWidget, str]:
    from mediator_desk.gui.tabs.case_path import path_for
    from mediator_desk.gui.tabs.attachments import AttachmentsTab

    return AttachmentsTab(path_for(window)), translate("CaseTabs", "Attachments")


def _history(window: CaseWindow) -> tuple[QWidget, str]:
    from mediator_desk.gui.tabs.case_path import path_for
    from mediator_desk.gui.tabs.history import HistoryTab

    return HistoryTab(path_for(window)), translate("CaseTabs", "History")


FACTORIES = (_mediation, _outcome, _agreement, _followups, _casefile, _attachments, _history)


def register_tabs() -> None:
    """Add the mediation-path tabs to every case window opened from now on (idempotent)."""
    for factory in FACTORIES:
        case_tabs.register(factory)


def install_todo(main_window: MainWindow) -> None:
    """Put the to-do panel into ``main_window.todo_dock`` (shown by default)."""
    from mediator_desk.gui import todo_panel

    todo_panel.install(main_window)


def install(main_window: MainWindow) -> None:
    """Register the tabs and fill the to-do dock."""
    register_tabs()
    install_todo(main_window)
