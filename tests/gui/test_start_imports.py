"""What the GUI's start imports: the main window with its list, and nothing the first case
window or an export needs (the documents layer, reportlab, python-docx, pypdf, the Excel and
statistics code are imported when first used — start-up time). The real start's first paint
(``create_main_window(deferred=True)``, until the window is usable) loads even less: nothing
that ``finish_main_window`` adds just after it."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

LATER = ("mediator_desk.documents", "reportlab", "docx", "pypdf", "xlsxwriter", "openpyxl",
         "mediator_desk.core.statistics", "mediator_desk.demo", "sqlite_utils")
# What the real start adds after the first paint (gui/app.py finish_main_window), and what
# only a later action needs.
AFTER_FIRST_PAINT = ("mediator_desk.gui.files", "PySide6.QtNetwork", "mediator_desk.gui.style",
                     "mediator_desk.gui.todo_panel", "mediator_desk.gui.sync_menu",
                     "mediator_desk.gui.documents_hooks", "mediator_desk.gui.tabs",
                     "mediator_desk.gui.backup_dialog", "mediator_desk.core.attachments",
                     "mediator_desk.core.records", "mediator_desk.cli.cases", "decimal",
                     "platformdirs") + LATER

# argv: database, "deferred" (the real start: modules loaded when the window is usable) or
# "whole" (create_main_window as tests and tools call it: once it is shown).
PROBE = """
import json, sys
from PySide6.QtCore import QEventLoop
from mediator_desk.core.desk import Desk
from mediator_desk.gui import worker
from mediator_desk.gui.app import create_main_window, make_application
deferred = sys.argv[2] == "deferred"
app = make_application(style_later=deferred)
desk = Desk.open(sys.argv[1])
window = create_main_window(desk, deferred=deferred)
loop = QEventLoop()
window.usable.connect(loop.quit)
window.show()
if deferred:
    loop.exec()
else:
    app.processEvents()
print(json.dumps(sorted(sys.modules)), flush=True)
worker.shutdown()
desk.close()
"""


@pytest.mark.parametrize("mode, not_yet", [("whole", LATER), ("deferred", AFTER_FIRST_PAINT)])
def test_the_start_imports_nothing_a_later_step_needs(db_path, mode, not_yet):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", PROBE, str(db_path), mode], capture_output=True,
                         text=True, env=env, timeout=120, check=True).stdout
    loaded = json.loads(out.strip().splitlines()[-1])
    assert "mediator_desk.gui.main_window" in loaded
    early = sorted(m for m in loaded if any(m == x or m.startswith(x + ".") for x in not_yet))
    assert early == [], early
