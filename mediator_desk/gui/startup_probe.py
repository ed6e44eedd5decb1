"""For start-up benchmarks of an installed or frozen program (build_scripts/bench_frozen.py).

With ``MEDIATOR_DESK_STARTUP_PROBE=1`` in the environment, ``gui.app.run`` behaves as always
until the main window is shown with the first page of the case list and its context loaded,
then prints ``SHOWN <rows> cpu=<seconds of processor time so far>`` on stdout, and ``READY`` once the rest of the start is done (the
to-do panel, the menus added after the first paint), and quits — so a benchmark times the real
start of the real program (the frozen one cannot run a script of ours), from process start to
a usable window.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from mediator_desk.gui.main_window import MainWindow

ENV = "MEDIATOR_DESK_STARTUP_PROBE"


def wanted() -> bool:
    return bool(os.environ.get(ENV))


def install(window: MainWindow, app: QApplication) -> None:
    """Once ``window`` is usable (first page and context shown), paint it and print
    ``SHOWN <rows>``; once the rest of the start is done (``window.ready``: to-do panel,
    menus), print ``READY`` and quit ``app``."""

    def shown() -> None:
        # What the person sees next, painted now: the list lays out the rows of a new page on
        # the next turn of the event loop (Qt's delayed layout), and a paint before that shows
        # an empty list — so the layout first, then the paint, then the rows laid out counted.
        window.table.executeDelayedItemsLayout()
        window.repaint()
        rows = window.table.verticalHeader().count()
        _say(f"SHOWN {rows} cpu={time.process_time():.4f}")

    def ready() -> None:
        _say("READY")
        app.quit()

    window.usable.connect(shown)
    window.ready.connect(ready)


def _say(line: str) -> None:
    out = sys.stdout
    if out is not None:
        print(line, file=out, flush=True)
