"""A preview of the exact PDF that will be printed or saved (QtPdf), or the reason there is none.

    preview = PdfPreview()
    preview.show_pdf(data)                      # the pages, fitted to the width
    preview.show_problem(exc, offer_blank=True) # the Chinese message, and "use the blank form"
    preview.blankRequested.connect(...)

``preview.pdf.document`` is the QPdfDocument shown (tests read its status and render pages).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout,
                               QWidget)

from mediator_desk.gui.forms import ERROR_STYLE
from mediator_desk.gui.messages import describe
from mediator_desk.gui.printing import LoadedPdf


class PdfPreview(QStackedWidget):
    """The pages of a PDF, or a message in their place."""

    blankRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.pdf: LoadedPdf | None = None
        self.view = QPdfView()
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        # A grey desk around white pages, as in a print preview.
        palette = self.view.palette()
        palette.setColor(QPalette.ColorRole.Dark, QColor("#8a8f98"))
        palette.setColor(QPalette.ColorRole.Window, QColor("#8a8f98"))
        self.view.setPalette(palette)
        self.view.viewport().setAutoFillBackground(True)
        self.view.viewport().setBackgroundRole(QPalette.ColorRole.Dark)

        self.panel = QWidget()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.blank_button = QPushButton(self.tr("Show the &blank form instead"))
        self.blank_button.setToolTip(self.tr("A blank form with the committee name, for "
                                             "filling in by hand"))
        self.blank_button.clicked.connect(self.blankRequested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.blank_button)
        buttons.addStretch(1)
        panel = QVBoxLayout(self.panel)
        panel.setContentsMargins(24, 24, 24, 24)
        panel.addWidget(self.message)
        panel.addWidget(self.hint)
        panel.addSpacing(12)
        panel.addLayout(buttons)
        panel.addStretch(1)

        self.addWidget(self.view)
        self.addWidget(self.panel)
        self.show_message("")

    # --- what is shown -------------------------------------------------------------------
    def show_pdf(self, data: bytes) -> bool:
        """Show ``data``; False (and a message) if QtPdf cannot read it."""
        old = self.pdf
        self.pdf = LoadedPdf(data, self)
        self.view.setDocument(self.pdf.document)
        if old is not None:
            old.close()
            old.document.deleteLater()
            old.buffer.deleteLater()
        if not self.pdf.ok:
            self.show_message(self.tr("The document could not be displayed."))
            return False
        self.setCurrentWidget(self.view)
        return True

    def show_problem(self, error: BaseException | str, *, offer_blank: bool = False) -> None:
        """Show why there is no document (a DeskError's Chinese message and hint)."""
        message, hint = describe(error)
        self.message.setText(message)
        self.message.setStyleSheet(ERROR_STYLE)
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        self.blank_button.setVisible(offer_blank)
        self.setCurrentWidget(self.panel)

    def show_message(self, text: str) -> None:
        """A plain message in place of the pages (e.g. "preparing the preview")."""
        self.message.setText(text)
        self.message.setStyleSheet("")
        self.hint.hide()
        self.blank_button.hide()
        self.setCurrentWidget(self.panel)

    @property
    def showing_pdf(self) -> bool:
        return self.currentWidget() is self.view and self.pdf is not None and self.pdf.ok

    def page_count(self) -> int:
        pdf = self.pdf
        return pdf.document.pageCount() if pdf is not None and self.showing_pdf else 0
