"""Where the documents feature hooks into the windows, without loading it at start-up.

The documents layer, QtPdf and QtPrintSupport cost ~0.1 s to import, so they load when first
needed: the case window's documents tab is built by :func:`documents_tab_factory` (importing
gui/documents_tab.py then), and the main window's "Documents" menu imports batch printing and
the blank forms when it is first used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from mediator_desk.gui.main_window import MainWindow

translate = QCoreApplication.translate


def documents_tab_factory(window):
    """Tab factory for ``CaseWindow.register_tab``: the documents tab of a registered case."""
    from mediator_desk.gui.documents_tab import documents_tab

    return documents_tab(window)


def install_tab() -> None:
    """Add the documents tab to every case window opened from now on."""
    from mediator_desk.gui import case_tabs

    case_tabs.register(documents_tab_factory)


def install_menu(window: MainWindow) -> None:
    """Add the "Documents" menu (batch printing, blank forms) to the main window."""
    menu = window.menuBar().addMenu(translate("DocumentsMenu", "&Documents"))
    action = QAction(translate("DocumentsMenu", "&Batch print selected cases…"), window)
    action.setShortcut(QKeySequence("Ctrl+Shift+P"))
    action.triggered.connect(lambda: _batch(window))
    menu.addAction(action)
    window.addAction(action)
    blank = menu.addMenu(translate("DocumentsMenu", "B&lank forms"))

    def fill() -> None:
        if not blank.actions():
            from mediator_desk.gui.document_viewer import blank_forms_menu
            blank_forms_menu(window, blank)

    blank.aboutToShow.connect(fill)
    # kept on the window for tests and the translation check
    window.batch_print_action = action
    window.blank_forms_menu = blank
    window.fill_blank_forms_menu = fill


def _batch(window):
    from mediator_desk.gui.batch_print import open_batch_print

    return open_batch_print(window)
