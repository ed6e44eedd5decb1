#!/usr/bin/env python3
"""Benchmarks of the documents GUI, on a demo database, offscreen.

    .venv/bin/python build_scripts/bench_documents_gui.py [--cases 100] [--runs 9]

1. Preview: choosing a document in the case's documents tab until the preview shows it (worker
   render + QtPdf load), against ``documents.render`` of the same agreement called directly in
   the same process — median of alternating runs. Target ≤ 1.5×.
2. Printing: sending the agreement's pages to a QPrinter (PDF file, 300 dpi page images) —
   seconds per page.
3. Batch: ``render_batch`` of every case's agreement with the GUI's progress object (a queued
   signal per document) against the same call without progress. Target ≤ 1.1×.

Prints a Markdown table for docs/performance.md and "N/M targets met".
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

    from mediator_desk import documents
    from mediator_desk.core.desk import Desk
    from mediator_desk.gui import worker
    from mediator_desk.gui.app import create_main_window, make_application
    from mediator_desk.gui.documents_tab import DocumentsTab
    from mediator_desk.gui.printing import ProgressBridge, print_pdf

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

    def batch(progress) -> float:
        t = time.perf_counter()
        documents.render_batch(desk, case_ids, "agreement", "pdf", progress=progress)
        return time.perf_counter() - t

    worker.shutdown()
    bridge = ProgressBridge()
    received = []
    bridge.progressed.connect(lambda done, total: received.append(done))
    batch(None)
    plain, bridged = [], []
    for _ in range(3):
        plain.append(batch(None))
        bridged.append(batch(bridge))
        QCoreApplication.processEvents()
    b0, b1 = statistics.median(plain), statistics.median(bridged)

    results = [
        ("Preview of an agreement (select → shown)", f"{p * 1000:.0f} ms vs direct render "
         f"{d * 1000:.0f} ms", p / d, PREVIEW_TARGET),
        (f"Batch of {len(case_ids)} agreements with the progress bar", f"{b1:.2f} s vs "
         f"{b0:.2f} s without", b1 / b0, BATCH_TARGET),
    ]
    print("| measure | result | ratio | target |")
    print("|---|---|---|---|")
    for name, text, ratio, target in results:
        print(f"| {name} | {text} | {ratio:.2f}× | ≤ {target}× |")
    print(f"| Printing (300 dpi page images) | {per_page:.2f} s per page; {pages} pages → "
          f"{printed_kb:.0f} KB | — | — |")
    met = sum(1 for *_x, ratio, target in results if ratio <= target)
    print(f"{met}/{len(results)} targets met")
    window.close()
    desk.close()
    return 0 if met == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
