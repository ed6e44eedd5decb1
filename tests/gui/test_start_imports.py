"""What the GUI's start imports: the main window with its list, and nothing the first case
window or an export needs (the documents layer, reportlab, python-docx, pypdf, the Excel and
statistics code are imported when first used — start-up time)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

LATER = ("mediator_desk.documents", "reportlab", "docx", "pypdf", "xlsxwriter", "openpyxl",
         "mediator_desk.core.statistics", "mediator_desk.demo", "sqlite_utils")

PROBE = """
import json, sys
from mediator_desk.core.desk import Desk
from mediator_desk.gui import worker
from mediator_desk.gui.app import create_main_window, make_application
app = make_application()
desk = Desk.open(sys.argv[1])
window = create_main_window(desk)
window.show()
app.processEvents()
print(json.dumps(sorted(sys.modules)))
window.close()
worker.shutdown()
desk.close()
"""


def test_the_main_window_imports_nothing_a_later_step_needs(db_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", PROBE, str(db_path)], capture_output=True,
                         text=True, env=env, timeout=120, check=True).stdout
    loaded = json.loads(out.strip().splitlines()[-1])
    early = sorted(m for m in loaded if any(m == x or m.startswith(x + ".") for x in LATER))
    assert early == [], early


# What the real start adds after the first paint (gui/app.py finish_main_window), and what
# only a later action needs: none of it may be loaded before the window is usable.
AFTER_FIRST_PAINT = ("mediator_desk.gui.files", "PySide6.QtNetwork", "mediator_desk.gui.style",
                     "mediator_desk.gui.todo_panel", "mediator_desk.gui.sync_menu",
                     "mediator_desk.gui.documents_hooks", "mediator_desk.gui.tabs",
                     "mediator_desk.gui.backup_dialog", "mediator_desk.core.attachments",
                     "mediator_desk.core.records", "mediator_desk.cli.cases") + LATER

FIRST_PAINT = """
import json, sys
from PySide6.QtCore import QEventLoop
from mediator_desk.core.desk import Desk
from mediator_desk.gui import worker
from mediator_desk.gui.app import create_main_window, make_application
app = make_application(style_later=True)
desk = Desk.open(sys.argv[1])
window = create_main_window(desk, deferred=True)
loop = QEventLoop()
window.usable.connect(lambda: (print(json.dumps(sorted(sys.modules)), flush=True), loop.quit()))
window.show()
loop.exec()
worker.shutdown()
desk.close()
"""


def test_the_first_paint_of_the_real_start_loads_only_what_it_shows(db_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", FIRST_PAINT, str(db_path)], capture_output=True,
                         text=True, env=env, timeout=120, check=True).stdout
    loaded = json.loads(out.strip().splitlines()[-1])
    early = sorted(m for m in loaded
                   if any(m == x or m.startswith(x + ".") for x in AFTER_FIRST_PAINT))
    assert early == [], early
