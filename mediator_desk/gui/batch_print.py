"""Batch printing: one document kind for the cases selected in the main window, as one file.

Choose the kind and the format → a progress bar with Cancel while the worker draws
(``documents.render_batch`` reporting through a :class:`~mediator_desk.gui.progress.ProgressBridge`)
→ the result: how many printed, the skipped cases with their reasons, and Save… / Print….
Each printed case gets its own audit row when the file is actually saved or printed.

The main window's "Documents" menu opens it (gui/documents_hooks.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (QComboBox, QDialog, QFormLayout, QHBoxLayout, QLabel,
                               QProgressDialog, QPushButton, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from mediator_desk import documents
from mediator_desk.gui import worker
from mediator_desk.gui.case_list_model import PLACEHOLDER
from mediator_desk.gui.forms import fit_to_screen
from mediator_desk.gui.messages import Messages
from mediator_desk.gui.printing import (OutputDialogs, print_with_progress, printer_target,
                                        safe_file_name)
from mediator_desk.gui.progress import run_with_progress

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk
    from mediator_desk.gui.main_window import MainWindow

translate = QCoreApplication.translate


def _render(desk: Desk, case_ids: list[str], kind: str, fmt: str, progress):
    """(Batch, {case number: case id}) on the worker thread."""
    batch = documents.render_batch(desk, case_ids, kind, fmt, progress=progress)
    numbers = {desk.cases.get_row(cid)["case_no"]: cid for cid in case_ids}
    return batch, numbers


def _audit(desk: Desk, case_ids: list[str], kind: str, fmt: str, target: str) -> None:
    documents.record_prints(desk, case_ids, kind=kind, fmt=fmt, target=target)


class BatchPrintDialog(QDialog):
    """Print one kind of document for several cases (see the module docstring)."""

    def __init__(self, parent: QWidget | None, case_ids: list[str], case_numbers: list[str]):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Batch printing"))
        self.case_ids = list(case_ids)
        self.batch: documents.Batch | None = None     # once rendered
        self.printed_ids: list[str] = []
        self.fmt = "pdf"
        self.kind = ""
        self.progress: QProgressDialog | None = None

        shown = "、".join(case_numbers[:5]) + ("…" if len(case_numbers) > 5 else "")
        self.cases_label = QLabel(self.tr("{n} case(s) selected: {cases}")
                                  .format(n=len(case_ids), cases=shown))
        self.cases_label.setWordWrap(True)
        self.kind_combo = QComboBox()
        for kind in documents.list_kinds():
            self.kind_combo.addItem(kind.label, kind.code)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData("agreement")))
        self.format_combo = QComboBox()
        self.format_combo.addItem(self.tr("PDF (to print)"), "pdf")
        self.format_combo.addItem(self.tr("Word (DOCX, to edit)"), "docx")
        form = QFormLayout()
        form.addRow(self.tr("&Document"), self.kind_combo)
        form.addRow(self.tr("&Format"), self.format_combo)     # (each label's buddy: its field)

        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.hide()
        self.skipped_list = QTreeWidget()
        self.skipped_list.setHeaderLabels([self.tr("Case number"), self.tr("Why it was skipped")])
        self.skipped_list.setRootIsDecorated(False)
        self.skipped_list.setWordWrap(True)
        self.skipped_list.hide()

        self.start_button = QPushButton(self.tr("&Prepare"))
        self.start_button.setDefault(True)
        self.save_button = QPushButton(self.tr("&Save…"))
        self.print_button = QPushButton(self.tr("P&rint…"))
        close = QPushButton(self.tr("&Close"))
        buttons = QHBoxLayout()
        for b in (self.start_button, self.save_button, self.print_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.cases_label)
        layout.addLayout(form)
        layout.addWidget(self.result_label)
        layout.addWidget(self.skipped_list, 1)
        layout.addLayout(buttons)

        self.start_button.clicked.connect(self.start)
        self.save_button.clicked.connect(self.save)
        self.print_button.clicked.connect(self.print_batch)
        close.clicked.connect(self.close)
        self.kind_combo.currentIndexChanged.connect(self._forget)
        self.format_combo.currentIndexChanged.connect(self._forget)
        self._forget()
        fit_to_screen(self, 760, 520)

    def _forget(self, *_args) -> None:
        """A new choice: the prepared file (if any) no longer matches."""
        self.batch = None
        self.save_button.setEnabled(False)
        self.print_button.setEnabled(False)
        self.start_button.setEnabled(bool(self.case_ids))
        self.result_label.hide()
        self.skipped_list.hide()

    # --- preparing -----------------------------------------------------------------------
    def start(self) -> None:
        """Render the chosen kind for every case, with a progress bar that can cancel."""
        self._forget()
        self.kind = self.kind_combo.currentData()
        self.fmt = self.format_combo.currentData()
        self.start_button.setEnabled(False)
        ids, kind, fmt = self.case_ids, self.kind, self.fmt
        self.progress = run_with_progress(
            self, lambda desk, progress: _render(desk, ids, kind, fmt, progress),
            self.tr("Preparing {n} document(s)…").format(n=len(ids)),
            self._prepared, self._failed, self._cancelled)

    def _prepared(self, result) -> None:
        self.progress = None
        batch, numbers = result
        self.batch = batch
        self.printed_ids = [numbers[no] for no in batch.printed if no in numbers]
        self.start_button.setEnabled(True)
        self.save_button.setEnabled(True)
        self.print_button.setEnabled(self.fmt == "pdf")
        text = self.tr("Ready: {n} case(s).").format(n=len(batch.printed))
        if batch.skipped:
            text += " " + self.tr("{n} case(s) skipped, listed below.").format(
                n=len(batch.skipped))
        self.result_label.setText(text)
        self.result_label.show()
        self.skipped_list.clear()
        for case_no, reason in batch.skipped:
            item = QTreeWidgetItem([case_no, reason])
            item.setToolTip(1, reason)
            self.skipped_list.addTopLevelItem(item)
        self.skipped_list.setVisible(bool(batch.skipped))
        self.skipped_list.resizeColumnToContents(0)

    def _failed(self, exc) -> None:
        self.progress = None
        self.start_button.setEnabled(True)
        Messages.error(self, exc, self.tr("Nothing to print"))

    def _cancelled(self) -> None:
        self.progress = None
        self.start_button.setEnabled(True)
        self.result_label.setText(self.tr("Cancelled; nothing was printed."))
        self.result_label.show()

    # --- output ---------------------------------------------------------------------------
    def _stem(self, batch: documents.Batch) -> str:
        label = documents.find_kind(self.kind).label
        return self.tr("{label} ({n} cases)").format(label=label, n=len(batch.printed))

    def save(self) -> None:
        """Save the prepared file; audit each printed case."""
        if self.batch is None:
            return
        title = self.tr("Save the batch")
        name = f"{safe_file_name(self._stem(self.batch))}.{self.fmt}"
        path = OutputDialogs.save_path(self, title, name, self.fmt)
        if not path:
            return
        data, ids, kind, fmt = self.batch.data, self.printed_ids, self.kind, self.fmt

        def op(desk: Desk):
            documents.write_output(data, path)
            _audit(desk, ids, kind, fmt, path)
            return path

        worker.run_op(self, op,
                      lambda saved: self.result_label.setText(
                          self.tr("Saved to {path}").format(path=saved)),
                      lambda exc: Messages.error(self, exc, self.tr("Not saved")),
                      label=self.tr("Saving…"))

    def print_batch(self) -> None:
        """Print the prepared PDF through the system print dialog; audit each printed case."""
        if self.batch is None or self.fmt != "pdf":
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self._stem(self.batch))
        if not OutputDialogs.choose_printer(self, printer):
            return
        pages = print_with_progress(self, self.batch.data, printer)
        if not pages:
            return
        ids, kind, target = self.printed_ids, self.kind, printer_target(printer)
        worker.run_op(self, lambda desk: _audit(desk, ids, kind, "pdf", target),
                      lambda _r: self.result_label.setText(
                          self.tr("Sent to the printer ({n} page(s)).").format(n=pages)))


# --- the main window's menu -------------------------------------------------------------------

def selected_cases(window: MainWindow) -> tuple[list[str], list[str]]:
    """(case ids, case numbers) of the rows selected in the main window's case list."""
    rows = sorted({i.row() for i in window.table.selectionModel().selectedRows()})
    ids, numbers = [], []
    for row in rows:
        case_id = window.model.case_id(row)
        if case_id:
            ids.append(case_id)
            number = str(window.model.index(row, 0).data() or "")
            if number and number != PLACEHOLDER:       # rows not read yet show a placeholder
                numbers.append(number)
    return ids, numbers


def open_batch_print(window: MainWindow) -> BatchPrintDialog | None:
    """The batch dialog for the selected cases (a notice if none is selected)."""
    ids, numbers = selected_cases(window)
    if not ids:
        Messages.info(window, translate("BatchPrintDialog",
                                        "Select the cases to print in the list first (hold Ctrl "
                                        "or Shift to select several)."))
        return None
    dialog = BatchPrintDialog(window, ids, numbers)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.batch_dialog = dialog    # tests find it here
    dialog.show()
    return dialog

