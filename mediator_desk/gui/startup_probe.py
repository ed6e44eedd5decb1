"""For start-up benchmarks of an installed or frozen program (build_scripts/bench_frozen.py).

With ``MEDIATOR_DESK_STARTUP_PROBE=1`` in the environment, ``gui.app.run`` behaves as always
until the main window is shown with the first page of the case list and its context loaded,
then prints ``SHOWN <rows>`` on stdout and quits — so a benchmark times the real start of the
real program (the frozen one cannot run a script of ours), from process start to a usable
window.
"""

from __future__ import annotations

import os
import sys

ENV = "MEDIATOR_DESK_STARTUP_PROBE"


def wanted() -> bool:
    return bool(os.environ.get(ENV))


def install(window, app) -> None:
    """Quit ``app`` once ``window`` has its first page and context; print what was shown."""
    state = {"page": False, "context": False}

    def settle(key: str) -> None:
        if state[key]:
            return
        state[key] = True
        if all(state.values()):
            app.processEvents()
            out = sys.stdout
            if out is not None:
                print(f"SHOWN {window.model.rowCount()}", file=out, flush=True)
            app.quit()

    window.model.pageLoaded.connect(lambda: settle("page"))
    window.contextLoaded.connect(lambda _context: settle("context"))
