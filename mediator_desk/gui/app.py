"""Starting the GUI: ``run(db_path)`` is what ``mediator-desk`` calls.

Order: QApplication → shipped CJK font (large default size) → zh_CN translations → one window
per database (gui/instance.py: if another window has the database, it is brought to the front
and this one says so and exits, without opening it) → open the Desk (a refused database shows
what is wrong and what to do, then exits non-zero without touching the file) → first-run setup
if needed → main window, its list first, the rest once that is shown (``finish_main_window``;
then the lock's answers to other windows, automatic backups, and the viewer copies left by an
earlier run that did not end normally removed). On the way out the worker stops, the database
closes, the viewer copies of this run go and the lock is freed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from mediator_desk.errors import DatabaseRefused, DeskError
from mediator_desk.gui import resources, text_size, worker
from mediator_desk.gui.messages import Messages

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk
    from mediator_desk.gui.instance import WindowLock
    from mediator_desk.gui.main_window import MainWindow

log = logging.getLogger(__name__)

EXIT_REFUSED = 2
EXIT_CANCELLED = 1
EXIT_ALREADY_OPEN = 3
_installed: dict = {}      # translators (must stay referenced) and font family, once per process


def make_application(argv: list[str] | None = None, *, style_later: bool = False) -> QApplication:
    """The QApplication with font, translations and style (reuses an existing instance).
    ``style_later``: the real start leaves the style (gui/style.py: focus ring, menu rules)
    to :func:`finish_main_window`, after the first paint — the window shows no menu or focus
    ring before then, and Qt's style classes cost ~7 ms to load."""
    app = QApplication.instance()
    if app is None:
        QApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication), "the GUI needs a QApplication, not a core one"
    if sys.platform != "win32":
        # A native (GTK) file dialog runs in this process and opens the files it lists, which
        # drops SQLite's locks on the database (gui/files.py); Qt's own dialog can be told not to.
        app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    app.setApplicationName("mediator-desk")
    app.setOrganizationName("mediator-desk")
    if not _installed:
        _installed["font"] = resources.register_fonts(text_size.point_size())
        _installed["translators"] = resources.install_translators(app)
        app.setWindowIcon(resources.app_icon())
        app.setDesktopFileName("mediator-desk")     # the .desktop entry the installers add
        if not style_later:
            install_style(app)
    return app


def install_style(app: QApplication) -> None:
    from mediator_desk.gui import style

    style.install(app)


def create_main_window(desk: Desk, *, deferred: bool = False) -> MainWindow:
    """Start the worker for ``desk`` and build the main window (not shown).

    The window fills itself in the background: ``window.usable`` once the first page of the
    case list and the context have arrived. What the first paint does not need — the
    case-path tabs, the to-do panel, the documents and data-exchange menus, text size — is
    added by :func:`finish_main_window`: at once, or with ``deferred`` (the real start,
    :func:`run`) once the window is usable and its list painted, so the list shows sooner.
    ``window.ready`` when that is done.
    """
    from mediator_desk.gui import file_places
    from mediator_desk.gui.main_window import MainWindow

    make_application()
    worker.install(desk)
    file_places.protect(desk.path)    # file dialogs never start in the database's folder
    window = MainWindow()
    if deferred:
        runner = worker.runner()

        def finish() -> None:
            # not for a window closed meanwhile, nor once its worker has stopped
            if window.isVisible() and worker.installed() and worker.runner() is runner:
                finish_main_window(window)

        def list_first() -> None:
            window.paint_list_now()           # what the person came for, on screen first
            QTimer.singleShot(0, window, finish)

        window.usable.connect(list_first)
    else:
        finish_main_window(window)
    return window


def finish_main_window(window: MainWindow) -> None:
    """Add what the first paint does not need (once per window); then ``window.ready``."""
    from mediator_desk.gui import documents_hooks, style, sync_menu, tabs

    if window.is_ready:
        return
    app = QApplication.instance()
    assert isinstance(app, QApplication), "a main window lives in a QApplication"
    install_style(app)
    style.style_menus(window.menuBar())     # the menu rules (gui/style.py)
    tabs.register_tabs()              # the mediation-path tabs, before the documents tab
    documents_hooks.install_tab()
    sync_menu.install_tab()           # the office's review of a case
    tabs.install_todo(window)
    documents_hooks.install_menu(window)
    sync_menu.install(window)         # data exchange with the township office
    text_size.install(window)         # 视图 → 文字大小, Ctrl+= / Ctrl+-
    window.mark_ready()


GEOMETRY_KEY = "main_window/geometry"


def show_main_window(window: MainWindow) -> None:
    """Show the main window where and as large as it was last time; the first time, maximised
    on a laptop screen (1366×768) and 1280×800 on a larger one. The size is remembered when
    the application quits (the user's Qt settings)."""
    from PySide6.QtCore import QSettings

    from mediator_desk.gui.forms import usable_size

    app = QApplication.instance()
    assert app is not None, "the main window is shown in a running application"
    app.aboutToQuit.connect(lambda: QSettings().setValue(GEOMETRY_KEY, window.saveGeometry()))
    geometry = QSettings().value(GEOMETRY_KEY)
    if geometry is not None and window.restoreGeometry(geometry):
        window.show()
    elif usable_size(window).height() < 800:
        window.showMaximized()
    else:
        window.show()


def open_desk(db_path: str | Path | None = None) -> Desk | None:
    """Open the database or explain (in a dialog) why not; returns the Desk or None."""
    from mediator_desk.core.desk import Desk

    try:
        return Desk.open(db_path)
    except DatabaseRefused as exc:
        log.warning("database refused: %s", exc)
        Messages.error(None, exc, QCoreApplication.translate("App", "Cannot open the database"))
    except DeskError as exc:
        Messages.error(None, exc, QCoreApplication.translate("App", "Cannot open the database"))
    return None


def _start_logging() -> None:
    """Log to stderr; in a windowed build (no stderr) to mediator-desk.log in the per-user log
    folder (e.g. %LOCALAPPDATA%\\mediator_desk\\Logs)."""
    fmt = "%(asctime)s %(levelname)s %(name)s: %(message)s"
    if sys.stderr is not None:
        logging.basicConfig(level=logging.INFO, format=fmt)
        return
    from platformdirs import user_log_dir

    folder = Path(user_log_dir("mediator_desk", appauthor=False))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        logging.basicConfig(level=logging.INFO, format=fmt, encoding="utf-8",
                            filename=str(folder / "mediator-desk.log"))
    except OSError:
        logging.basicConfig(level=logging.INFO, handlers=[logging.NullHandler()])


def already_open(claim: WindowLock) -> None:
    """Tell the person that another window has this database (and whether it was brought
    to the front)."""
    shown = claim.ask_owner_to_show()
    if shown:
        text = QCoreApplication.translate(
            "App", "This database is already open in another Mediation desk window, which has "
            "been brought to the front. Please go on working there: one database is used in "
            "one window at a time, so that no record is overwritten.")
    else:
        pid, host = claim.owner()
        text = QCoreApplication.translate(
            "App", "This database is already open in another Mediation desk window (program "
            "{pid} on the computer {host}). Please use that window, or close it and start "
            "again: one database is used in one window at a time, so that no record is "
            "overwritten.").format(pid=pid or "?", host=host or "?")
    Messages.info(None, text + "\n" + str(claim.db_path),
                  QCoreApplication.translate("App", "Already open"))


def run(db_path: str | Path | None = None) -> int:
    """Run the GUI on the database at ``db_path`` (default location if None). Exit status."""
    from mediator_desk.gui import file_places
    from mediator_desk.gui.instance import WindowLock
    from mediator_desk.core.desk import database_path

    _start_logging()
    app = make_application(style_later=True)
    path = database_path(db_path)
    claim = WindowLock(path)
    if not claim.acquire(listen=False):
        already_open(claim)
        return EXIT_ALREADY_OPEN
    try:
        file_places.protect(path)
        return _run_desk(app, path, claim)
    finally:
        file_places.remove_viewer_copies(at_exit=True)
        claim.release()


def _once_ready(window: MainWindow, claim: WindowLock) -> None:
    """What the real start does once the window is ready: the lock answers other windows
    (gui/instance.py), daily backups and one on closing (gui/backup_dialog.py; not in tests),
    and the viewer copies left by an earlier run that did not end normally go."""
    from mediator_desk.gui import file_places
    from mediator_desk.gui.backup_dialog import install_auto

    claim.listen()
    install_auto(window)
    file_places.remove_viewer_copies()


def _run_desk(app: QApplication, path: Path, claim: WindowLock) -> int:
    desk = open_desk(path)
    if desk is None:
        return EXIT_REFUSED
    from mediator_desk.core.setup import is_set_up

    try:
        needs_setup = not is_set_up(desk)
        worker.install(desk)
        if needs_setup:
            from mediator_desk.gui.setup_dialog import SetupDialog

            install_style(app)
            claim.listen()
            dialog = SetupDialog()
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return EXIT_CANCELLED
        window = create_main_window(desk, deferred=True)
        window.ready.connect(lambda: _once_ready(window, claim))
        from mediator_desk.gui import startup_probe

        if startup_probe.wanted():        # start-up benchmarks: quit once the list is shown
            startup_probe.install(window, app)
        show_main_window(window)
        return app.exec()
    finally:
        worker.shutdown()
        desk.close()
