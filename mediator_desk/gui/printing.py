"""Printing and saving documents from the GUI: the system print dialog, the save dialog, and
sending a PDF to a printer page by page (with a progress bar).

    if OutputDialogs.choose_printer(parent, printer):   # tests replace these class methods
        print_pdf(data, printer)
    path = OutputDialogs.save_path(parent, title, "协议书.pdf", "pdf")

Rendering happens on the worker (gui/worker.py); printing draws the rendered PDF's pages with
QtPdf on the GUI thread (a QPainter on a QPrinter belongs to the GUI thread). Long renders show
their progress through gui/progress.py.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QBuffer, QCoreApplication, QByteArray, QIODevice, QObject, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPageSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QProgressDialog, QWidget

from mediator_desk.errors import DeskError

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

# Pages are sent to the printer as images of this resolution at most (plenty for text; a
# 1200 dpi A4 page would be a 140 MB image).
PRINT_DPI = 300
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def safe_file_name(name: str) -> str:
    """``name`` without characters Windows or Linux refuse in file names."""
    return _UNSAFE.sub("_", name).strip(" .") or "文书"


class OutputDialogs:
    """The modal dialogs of printing and saving, behind class methods so tests replace them."""

    @classmethod
    def choose_printer(cls, parent: QWidget | None, printer: QPrinter) -> bool:
        """Show the system print dialog for ``printer``; True when the user pressed Print."""
        from mediator_desk.gui import files

        dialog = QPrintDialog(printer, parent)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintToFile, True)
        # Its "print to file" completer lists the home folder, and its "…" button opens a file
        # dialog: neither may open the database (files.py).
        with files.guard_file_dialogs(dialog):
            return dialog.exec() == QPrintDialog.DialogCode.Accepted

    @classmethod
    def save_path(cls, parent: QWidget | None, title: str, suggested: str, fmt: str) -> str:
        """Ask where to save; returns the path (with the right extension) or "" if cancelled."""
        from mediator_desk.gui import file_places, files

        # The last folder saved to, else Documents — never the database's folder (files.py).
        folder = file_places.start_folder(purpose="documents")
        filters = {"pdf": translate("Printing", "PDF files (*.pdf)"),
                   "docx": translate("Printing", "Word documents (*.docx)"),
                   "xlsx": translate("Printing", "Excel workbooks (*.xlsx)")}
        path = files.save_file_name(parent, title, str(Path(folder) / suggested), filters[fmt],
                                    purpose="documents")
        return with_suffix(path, fmt) if path else ""


def with_suffix(path: str, fmt: str) -> str:
    """``path`` ending in ``.fmt`` (the save dialog does not add it everywhere)."""
    if not path.lower().endswith("." + fmt):
        path += "." + fmt
    return path


# --- PDF pages ------------------------------------------------------------------------------

class LoadedPdf:
    """A QPdfDocument reading from memory (keeps the buffer alive as long as the document)."""

    def __init__(self, data: bytes, parent: QObject | None = None):
        self.bytes = QByteArray(data)
        self.buffer = QBuffer(parent)
        self.buffer.setData(self.bytes)
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        # PySide6's stub requires a parent; Qt takes none (a document owned by this object)
        self.document = QPdfDocument(parent)  # type: ignore[arg-type]
        self.document.load(self.buffer)

    @property
    def ok(self) -> bool:
        return self.document.status() == QPdfDocument.Status.Ready \
            and self.document.pageCount() > 0

    def close(self) -> None:
        self.document.close()
        self.buffer.close()


def page_image(document: QPdfDocument, page: int, dpi: float) -> QImage:
    """Page ``page`` (0-based) at ``dpi``, painted on white (QPdfDocument.render leaves the
    background transparent, which prints and shows as black or grey)."""
    points = document.pagePointSize(page)
    size = QSize(max(1, round(points.width() * dpi / 72)), max(1, round(points.height() * dpi / 72)))
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.drawImage(0, 0, document.render(page, size))
    painter.end()
    return image


def print_pdf(data: bytes, printer: QPrinter,
              on_page: Callable[[int, int], bool] | None = None) -> int:
    """Print the PDF ``data`` on ``printer`` (the page range chosen in the dialog is kept; the
    printer makes the copies). Each page is scaled to fit the paper, centred. Returns the number
    of pages printed. ``on_page(done, total)`` is called before each page; returning False
    stops. Raises DeskError if the PDF cannot be read or the printer cannot start."""
    pdf = LoadedPdf(data)
    try:
        if not pdf.ok:
            raise DeskError("无法读取要打印的文书", hint="请重新生成后再打印")
        doc = pdf.document
        count = doc.pageCount()
        first, last = 0, count - 1
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first = min(printer.fromPage(), count) - 1
            last = min(max(printer.toPage(), printer.fromPage()), count) - 1
        size = doc.pagePointSize(first)
        printer.setPageSize(QPageSize(size, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch))
        printer.setFullPage(True)
        painter = QPainter()
        if not painter.begin(printer):
            raise DeskError("打印机无法开始打印", hint="请检查打印机是否连接、是否有纸，再试一次")
        dpi = min(printer.resolution(), PRINT_DPI)
        printed = 0
        try:
            for page in range(first, last + 1):
                if on_page is not None and on_page(printed, last - first + 1) is False:
                    break
                if printed:
                    printer.newPage()
                image = page_image(doc, page, dpi)
                target = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
                scale = min(target.width() / image.width(), target.height() / image.height())
                w, h = image.width() * scale, image.height() * scale
                painter.drawImage(QRectF(target.x() + (target.width() - w) / 2,
                                         target.y() + (target.height() - h) / 2, w, h), image)
                printed += 1
        finally:
            painter.end()
        return printed
    finally:
        pdf.close()


def print_with_progress(parent: QWidget, data: bytes, printer: QPrinter) -> int:
    """Print ``data`` (see :func:`print_pdf`) with a page-by-page progress bar that can stop it.

    Returns the pages printed, or 0 after showing why nothing was printed (a printer problem is
    a message, never a crash)."""
    dialog = QProgressDialog(translate("Printing", "Printing…"), translate("Printing", "Cancel"),
                             0, 0, parent)
    dialog.setWindowTitle(translate("Printing", "Printing"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(800)

    def on_page(done: int, total: int) -> bool:
        dialog.setMaximum(total)
        dialog.setValue(done)
        return not dialog.wasCanceled()

    try:
        return print_pdf(data, printer, on_page)
    except Exception as exc:  # noqa: BLE001 - a printer problem is shown, never a crash
        from mediator_desk.gui.messages import Messages

        Messages.error(parent, exc, translate("Printing", "Printing failed"))
        return 0
    finally:
        dialog.close()
        dialog.deleteLater()


def printer_target(printer: QPrinter) -> str:
    """Where a print went, for the audit trail (the file when printing to a file)."""
    return printer.outputFileName() or printer.printerName() or "默认打印机"
