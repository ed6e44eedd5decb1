"""A window showing one rendered PDF with Print / Save as PDF / Save as Word: blank forms from
the main window's "blank forms" menu.

The caller says how to audit (``audit(desk, fmt, target)``, run on the worker after each real
print or save) and how to make the DOCX (``render_docx(desk) -> bytes``); showing the window
audits nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLabel, QMenu, QPushButton, QVBoxLayout,
                               QWidget)

from mediator_desk import documents
from mediator_desk.gui import worker
from mediator_desk.gui.forms import fit_to_screen
from mediator_desk.gui.messages import Messages
from mediator_desk.gui.pdf_preview import PdfPreview
from mediator_desk.gui.printing import (OutputDialogs, print_with_progress, printer_target,
                                        safe_file_name)

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk
    from mediator_desk.gui.main_window import MainWindow

translate = QCoreApplication.translate
Audit = Callable[["Desk", str, str], None]


class DocumentViewer(QDialog):
    """One PDF, shown as it prints, with print and save buttons."""

    def __init__(self, parent: QWidget | None, title: str, pdf: bytes, file_stem: str, *,
                 audit: Audit, render_docx: Callable[["Desk"], bytes] | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(title)
        self.pdf = pdf
        self.file_stem = safe_file_name(file_stem)
        self.audit = audit
        self.render_docx = render_docx
        self.status = QLabel()
        self.preview = PdfPreview()
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setShortcut("Ctrl+P")
        self.save_pdf_button = QPushButton(self.tr("&Save as PDF…"))
        self.save_docx_button = QPushButton(self.tr("Save as &Word…"))
        self.save_docx_button.setVisible(render_docx is not None)
        close = QPushButton(self.tr("&Close"))
        buttons = QHBoxLayout()
        for b in (self.print_button, self.save_pdf_button, self.save_docx_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.preview, 1)
        layout.addLayout(buttons)
        self.print_button.clicked.connect(self.print_document)
        self.save_pdf_button.clicked.connect(lambda: self.save("pdf"))
        self.save_docx_button.clicked.connect(lambda: self.save("docx"))
        close.clicked.connect(self.close)
        if self.preview.show_pdf(pdf):
            self.status.setText(self.tr("{n} page(s)").format(n=self.preview.page_count()))
        fit_to_screen(self, 900, 1000)

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.file_stem)
        if not OutputDialogs.choose_printer(self, printer):
            return
        pages = print_with_progress(self, self.pdf, printer)
        if not pages:
            return
        target = printer_target(printer)
        audit = self.audit
        worker.run_op(self, lambda desk: audit(desk, "pdf", target),
                      lambda _r: self.status.setText(
                          self.tr("Sent to the printer ({n} page(s)).").format(n=pages)))

    def save(self, fmt: str) -> None:
        title = self.tr("Save as PDF") if fmt == "pdf" else self.tr("Save as Word document")
        path = OutputDialogs.save_path(self, title, f"{self.file_stem}.{fmt}", fmt)
        if not path:
            return
        data, render_docx, audit = self.pdf, self.render_docx, self.audit

        def op(desk: Desk):
            if fmt == "pdf":
                out = data
            else:
                assert render_docx is not None, "the Word button shows only with render_docx"
                out = render_docx(desk)
            documents.write_output(out, path)
            audit(desk, fmt, path)
            return path

        worker.run_op(self, op,
                      lambda saved: self.status.setText(self.tr("Saved to {path}").format(path=saved)),
                      lambda exc: Messages.error(self, exc, self.tr("Not saved")),
                      label=self.tr("Saving…"))


def open_blank_form(parent: MainWindow, kind_code: str) -> None:
    """Render the blank form ``kind_code`` (worker) and show it in a :class:`DocumentViewer`."""
    kind = documents.find_kind(kind_code)

    def audit(desk: Desk, fmt: str, target: str) -> None:
        documents.record_print(desk, kind=kind.code, fmt=fmt, blank=True, target=target)

    def shown(pdf: bytes) -> None:
        title = translate("DocumentViewer", "{label} (blank)").format(label=kind.label)
        viewer = DocumentViewer(parent, title, pdf, title, audit=audit,
                                render_docx=lambda desk: documents.render_blank(desk, kind.code,
                                                                                "docx"))
        parent.blank_viewer = viewer     # tests find the last one here
        viewer.show()

    worker.run_op(parent, lambda desk: documents.render_blank(desk, kind.code, "pdf"), shown,
                  label=translate("DocumentViewer", "Preparing the blank form…"))


def blank_forms_menu(parent: MainWindow, menu: QMenu) -> None:
    """Fill ``menu`` with one action per document kind (every form prints blank)."""
    for kind in documents.list_kinds():
        action = menu.addAction(kind.label)
        action.setData(kind.code)
        action.triggered.connect(lambda _c=False, code=kind.code: open_blank_form(parent, code))
