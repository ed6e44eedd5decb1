"""For start-up benchmarks of an installed or frozen program (build_scripts/bench_frozen.py).

With ``MEDIATOR_DESK_STARTUP_PROBE=1`` in the environment, ``gui.app.run`` behaves as always;
the probe prints ``SHOWN <rows> cpu=<seconds of processor time so far>`` on stdout just after
the case list has been painted with the rows of its first page (the window usable), and
``READY`` once the rest of the start is done (the to-do panel, the menus added after the first
paint), then quits — so a benchmark times the real start of the real program (the frozen one
cannot run a script of ours), from process start to the list on screen.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from mediator_desk.gui.main_window import MainWindow

ENV = "MEDIATOR_DESK_STARTUP_PROBE"


def wanted() -> bool:
    return bool(os.environ.get(ENV))


def install(window: MainWindow, app: QApplication) -> None:
    """Once the list of ``window`` has been painted with the rows of its first page (the
    window usable), print ``SHOWN <rows laid out>``; once the rest of the start is done
    (``window.ready``: to-do panel, menus), print ``READY`` and quit ``app``."""
    watch = _FirstRows(window)
    window.table.viewport().installEventFilter(watch)

    def ready() -> None:
        if not watch.reported:                   # not on screen yet: once it is
            QTimer.singleShot(10, ready)
            return
        _say("READY")
        app.quit()

    window.ready.connect(ready)


class _FirstRows(QObject):
    """Watches the list's paints: the first one with the window usable and rows laid out is
    done here, in the filter, so that the report follows it at once."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.reported = False

    def eventFilter(self, obj, event) -> bool:
        table = self.window.table
        if self.reported or event.type() != QEvent.Type.Paint or not self.window.is_usable \
                or not table.verticalHeader().count():
            return False
        table.viewportEvent(event)         # the paint the list was getting, done now
        self.reported = True
        rows = table.verticalHeader().count()
        _say(f"SHOWN {rows} cpu={time.process_time():.4f}")
        return True                        # painted: not again


def _say(line: str) -> None:
    out = sys.stdout
    if out is not None:
        print(line, file=out, flush=True)
