#!/usr/bin/env python3
"""Benchmarks of the documents GUI, on a demo database, offscreen.

    .venv/bin/python build_scripts/bench_documents_gui.py [--cases 100] [--runs 9]

1. Preview: choosing a document in the case's documents tab until the preview shows it (worker
   render + QtPdf load), against ``documents.render`` of the same agreement called directly in
   the same process — median of alternating runs. Target ≤ 1.5×.
2. Printing: sending the agreement's pages to a QPrinter (PDF file, 300 dpi page images) —
   seconds per page.
3. Batch: ``render_batch`` of every case's agreement on the worker with the GUI's progress bar
   (``run_with_progress``: a queued signal per document, the dialog updated on the GUI
   thread) against the same call on the worker without progress. Target ≤ 1.1×.

Records the results (bench_results.py) and exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PREVIEW_TARGET = 1.5
BATCH_TARGET = 1.1


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="bench-docgui-"))
    db = folder / "demo.db"
    subprocess.run([sys.executable, "-m", "mediator_desk", "demo", "--db", str(db),
                    "--cases", str(args.cases)], check=True, capture_output=True, cwd=ROOT)

    from PySide6.QtCore import QCoreApplication, QThread
    from PySide6.QtPrintSupport import QPrinter

    from bench_results import report
    from mediator_desk import documents
    from mediator_desk.core.desk import Desk
    from mediator_desk.gui import worker
    from mediator_desk.gui.app import create_main_window, make_application
    from mediator_desk.gui.documents_tab import DocumentsTab
    from mediator_desk.gui.printing import print_pdf
    from mediator_desk.gui.progress import run_with_progress

    app = make_application()
    desk = Desk.open(db)

    def wait(cond, seconds=60.0):
        end = time.perf_counter() + seconds
        while not cond():
            QCoreApplication.processEvents()
            QThread.usleep(200)
            if time.perf_counter() > end:
                raise SystemExit("timed out")

    rows = desk.query("SELECT DISTINCT case_id FROM agreements WHERE form = 'written'"
                      " AND (voided_on IS NULL OR voided_on = '')")
    case_ids = [r["case_id"] for r in rows]
    case_id = case_ids[0]
    window = create_main_window(desk)
    window.show()
    wait(lambda: worker.runner().pending == 0)
    window.open_case(case_id)
    wait(lambda: case_id in window.case_windows)
    case_window = window.case_windows[case_id]
    tab = case_window.findChild(DocumentsTab)
    case_window.tabs.setCurrentWidget(tab)
    wait(lambda: tab.ready() and worker.runner().pending == 0)

    def direct() -> float:
        t = time.perf_counter()
        worker.run_op(None, lambda d: documents.render(d, case_id, "agreement", "pdf"))
        wait(lambda: worker.runner().pending == 0)
        return time.perf_counter() - t

    def preview() -> float:
        tab.select_kind("cover")                    # something else first (not timed)
        wait(lambda: tab.ready() and worker.runner().pending == 0)
        t = time.perf_counter()
        tab.select_kind("agreement")
        wait(lambda: tab.ready())
        return time.perf_counter() - t

    direct(), preview()                              # warm
    d_times, p_times = [], []
    for _ in range(args.runs):
        d_times.append(direct())
        p_times.append(preview())
    d, p = statistics.median(d_times), statistics.median(p_times)

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(folder / "printed.pdf"))
    t = time.perf_counter()
    pages = print_pdf(tab.data, printer)
    per_page = (time.perf_counter() - t) / pages
    printed_kb = (folder / "printed.pdf").stat().st_size / 1024

    def batch(with_progress: bool) -> float:
        """The batch on the worker as the GUI runs it: with the cancellable progress bar
        (gui/progress.py, a queued signal per document to the GUI thread), or plainly."""
        done: list = []
        t = time.perf_counter()
        if with_progress:
            run_with_progress(None, lambda d, progress: documents.render_batch(
                d, case_ids, "agreement", "pdf", progress=progress), "批量打印", done.append)
        else:
            worker.run_op(None, lambda d: documents.render_batch(d, case_ids, "agreement",
                                                                 "pdf"),
                          done.append, busy_dialog=False)
        wait(lambda: bool(done) and worker.runner().pending == 0, seconds=600)
        return time.perf_counter() - t

    batch(False)                                     # warm
    plain, bridged = [], []
    for _ in range(3):                               # alternate: both see the same load
        plain.append(batch(False))
        bridged.append(batch(True))
    b0, b1 = statistics.median(plain), statistics.median(bridged)

    targets = [
        ("preview of an agreement (select → shown) ≤ 1.5× rendering it on the worker",
         f"{p * 1000:.0f} ms vs {d * 1000:.0f} ms = {p / d:.2f}×", p / d <= PREVIEW_TARGET),
        (f"batch of {len(case_ids)} agreements with the progress bar ≤ 1.1× without it",
         f"{b1:.2f} s vs {b0:.2f} s = {b1 / b0:.2f}×", b1 / b0 <= BATCH_TARGET),
    ]
    details = [("printing to a QPrinter (300 dpi page images)",
                f"{per_page:.2f} s per page; {pages} pages → {printed_kb:.0f} KB")]
    window.close()
    worker.shutdown()
    desk.close()
    return report("documents-gui", targets, details)


if __name__ == "__main__":
    sys.exit(main())
