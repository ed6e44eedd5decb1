"""The "documents" tab of a case: pick a form (and which record), see the exact PDF, print it
through the system print dialog, save it as PDF or DOCX, print the blank form, print the whole
case file.

Rendering runs on the worker, one render at a time: while one is running, a newer choice
waits and the older result is dropped. The preview shows the very bytes that "print" and
"save as PDF" use. Previews are not audited; every real print or save is
(``documents.record_print``). Writes of this case (not the audit rows printing itself adds)
refresh the records and the preview.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPalette
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (QCheckBox, QComboBox, QGridLayout, QLabel,
                               QListWidget, QListWidgetItem, QProgressDialog, QPushButton,
                               QSplitter, QVBoxLayout, QWidget)

from mediator_desk import documents
from mediator_desk.documents.kinds import Kind
from mediator_desk.documents.render import DOSSIER
from mediator_desk.errors import IllegalStep
from mediator_desk.gui import worker
from mediator_desk.gui.forms import set_role
from mediator_desk.gui.messages import Messages
from mediator_desk.gui.pdf_preview import PdfPreview
from mediator_desk.gui.printing import (OutputDialogs, print_with_progress, printer_target,
                                        safe_file_name)
from mediator_desk.gui.progress import run_with_progress

if TYPE_CHECKING:
    from mediator_desk.core.changes import Changes
    from mediator_desk.core.desk import Desk
    from mediator_desk.gui.case_window import CaseWindow

# Writing only these tables does not change what a document prints (printing itself audits).
_IRRELEVANT = frozenset({"audit_log"})
# Kinds preselected when the tab opens: the agreement once there is one.
_PREFERRED = ("agreement", "oral_agreement", "registration")


@dataclass(frozen=True)
class Choice:
    """What the preview shows: a kind (or the case file), one record or all, filled or blank."""

    kind: str
    record_id: str | None = None
    blank: bool = False

    @property
    def is_dossier(self) -> bool:
        return self.kind == DOSSIER


def _list_label(label: str) -> str:
    """A kind's name for the narrow list: a long name breaks before its bracket
    (司法确认申请书 / （自然人与法人或其他组织）)."""
    return label.replace("（", "\n（", 1) if len(label) > 12 else label


# --- worker-side reads ---------------------------------------------------------------------

def load_records(desk: Desk, case_id: str) -> dict[str, list[dict]]:
    """The records each per-record kind can print for a case: {kind: [{id, date, …}]}.

    Runs on the worker thread; dates in Chinese style, text composed on the GUI side."""
    from mediator_desk.documents.conventions import cn_date

    out: dict[str, list[dict]] = {}
    out["investigation"] = [dict(id=r["id"], date=cn_date(r["held_on"]), who=r["subject"] or "")
                            for r in desk.sessions.investigations(case_id)]
    out["mediation_record"] = [dict(id=r["id"], date=cn_date(r["held_on"]), no=r["no"])
                               for r in desk.sessions.mediations(case_id)]
    agreements = [a for a in desk.agreements.for_case(case_id) if not a["voided_on"]]
    for form, kind in (("written", "agreement"), ("oral", "oral_agreement")):
        out[kind] = [dict(id=a["id"], date=cn_date(a["agreed_on"]), no=a["agreement_no"],
                          supplement=bool(a["supplements_id"]))
                     for a in agreements if a["form"] == form]
    main = [a for a in out["agreement"] if not a["supplement"]]
    out["confirmation_persons"] = out["confirmation_organisation"] = main
    out["followup"] = [dict(id=f["id"], date=cn_date(f["visited_on"]), who=f["party"] or "")
                       for f in desk.followups.for_case(case_id)]
    return out


def _render(desk: Desk, case_id: str, choice: Choice, progress=None) -> tuple[bytes, list[str]]:
    """(PDF bytes, warnings) for ``choice`` (worker thread)."""
    if choice.is_dossier:
        result = documents.render_dossier(desk, case_id, progress=progress)
        return result.pdf, list(result.warnings)
    if choice.blank:
        return documents.render_blank(desk, choice.kind, "pdf"), []
    data = documents.render(desk, case_id, choice.kind, "pdf", record_id=choice.record_id)
    return data, documents.warnings_for(desk, case_id, choice.kind, record_id=choice.record_id)


def _save(desk: Desk, case_id: str, choice: Choice, fmt: str, path: str,
          data: bytes | None) -> str:
    """Write the document to ``path`` (rendering DOCX first) and audit it (worker thread)."""
    if data is None:
        data = documents.render_blank(desk, choice.kind, fmt) if choice.blank else \
            documents.render(desk, case_id, choice.kind, fmt, record_id=choice.record_id)
    documents.write_output(data, path)
    documents.record_print(desk, kind=choice.kind, fmt=fmt, case_id=case_id,
                           blank=choice.blank, target=path, record_id=choice.record_id or "")
    return path


# --- the tab -------------------------------------------------------------------------------

class DocumentsTab(QWidget):
    """Documents of one case (see the module docstring)."""

    def __init__(self, window: CaseWindow, parent: QWidget | None = None):
        super().__init__(parent)
        self.window_ = window
        self.records: dict[str, list[dict]] | None = None
        self.data: bytes | None = None           # the PDF shown, for ``shown``
        self.shown: Choice | None = None
        self.warnings: list[str] = []
        self.error: BaseException | None = None  # why ``shown`` could not be rendered
        self._rendering: Choice | None = None
        self._stale = True
        self._after_render: Callable[[], None] | None = None
        self._loading_records = False
        self.progress: QProgressDialog | None = None     # the case file's progress bar
        self._build()
        window.caseLoaded.connect(self._case_loaded)
        worker.changes_signal().connect(self._on_changes)
        self.load_records()

    # --- layout ------------------------------------------------------------------------
    def _build(self) -> None:
        self.kinds = QListWidget()
        self.kinds.setObjectName("document_kinds")
        self.kinds.setSpacing(2)
        for kind in documents.list_kinds():
            item = QListWidgetItem(_list_label(kind.label))
            item.setData(Qt.ItemDataRole.UserRole, kind.code)
            self.kinds.addItem(item)
        dossier = QListWidgetItem(self.tr("Whole case file (all documents)"))
        dossier.setData(Qt.ItemDataRole.UserRole, DOSSIER)
        self.kinds.addItem(dossier)
        kinds_label = QLabel(self.tr("&Document"))
        kinds_label.setBuddy(self.kinds)
        self.record_label = QLabel(self.tr("&Record"))
        self.record = QComboBox()
        self.record.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.record.setMinimumContentsLength(12)
        self.record_label.setBuddy(self.record)
        self.blank_box = QCheckBox(self.tr("B&lank form (to fill in by hand)"))
        self.blank_box.setToolTip(self.tr("Only the committee name is printed; for field work"))

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(kinds_label)
        left_layout.addWidget(self.kinds, 1)
        left_layout.addWidget(self.record_label)
        left_layout.addWidget(self.record)
        left_layout.addWidget(self.blank_box)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.warning_label = QLabel()
        set_role(self.warning_label, "warning")
        self.warning_label.setWordWrap(True)
        self.warning_label.hide()
        self.preview = PdfPreview()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.status)
        right_layout.addWidget(self.warning_label)
        right_layout.addWidget(self.preview, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        em = self.fontMetrics().horizontalAdvance("中")
        self._fit_kinds()
        self.splitter.setSizes([self.kinds.minimumWidth(), em * 50])

        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setToolTip(self.tr("Print the document shown (Ctrl+P)"))
        self.print_button.setShortcut("Ctrl+P")
        self.save_pdf_button = QPushButton(self.tr("&Save as PDF…"))
        self.save_docx_button = QPushButton(self.tr("Save as &Word…"))
        self.save_docx_button.setToolTip(self.tr("A DOCX file with the same content, to edit "
                                                 "in Word or WPS"))
        self.blank_button = QPushButton(self.tr("Print bla&nk form…"))
        self.blank_button.setToolTip(self.tr("Print the chosen form blank, to fill in by hand"))
        self.dossier_button = QPushButton(self.tr("Print whole case &file…"))
        self.dossier_button.setToolTip(self.tr("Cover, table of contents, every document and "
                                               "the attached scans, as one file"))
        buttons = QGridLayout()
        for column, button in enumerate((self.print_button, self.save_pdf_button,
                                         self.save_docx_button, self.blank_button,
                                         self.dossier_button)):
            buttons.addWidget(button, 0, column)
        buttons.setColumnStretch(5, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(buttons)

        self.kinds.currentItemChanged.connect(self._kind_changed)
        self.record.currentIndexChanged.connect(lambda _i: self.refresh())
        self.blank_box.toggled.connect(lambda _b: self.refresh())
        self.preview.blankRequested.connect(lambda: self.blank_box.setChecked(True))
        self.print_button.clicked.connect(self.print_document)
        self.save_pdf_button.clicked.connect(lambda: self.save("pdf"))
        self.save_docx_button.clicked.connect(lambda: self.save("docx"))
        self.blank_button.clicked.connect(self.print_blank)
        self.dossier_button.clicked.connect(self.print_dossier)
        self._update_controls()

    @property
    def case_id(self) -> str:
        return self.window_.case_id

    @property
    def case_no(self) -> str:
        return (self.window_.case or {}).get("case_no", "")

    # --- what is chosen ----------------------------------------------------------------
    def current_kind(self) -> str:
        item = self.kinds.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else ""

    def choice(self) -> Choice | None:
        kind = self.current_kind()
        if not kind:
            return None
        if kind == DOSSIER:
            return Choice(DOSSIER)
        if self.blank_box.isChecked():
            return Choice(kind, blank=True)
        return Choice(kind, record_id=self.record.currentData() or None)

    def select_kind(self, code: str) -> None:
        """Choose the document kind ``code`` (or ``"dossier"``) in the list."""
        for row in range(self.kinds.count()):
            if self.kinds.item(row).data(Qt.ItemDataRole.UserRole) == code:
                self.kinds.setCurrentRow(row)
                return
        raise KeyError(code)

    def _kind_changed(self, *_args: object) -> None:
        self._fill_records()
        self.refresh()

    def _record_choices(self, kind: str) -> list[tuple[str, str]]:
        rows = (self.records or {}).get(kind, [])
        out = []
        for r in rows:
            if kind == "investigation":
                text = self.tr("{date}, {person} questioned").format(date=r["date"],
                                                                      person=r["who"])
            elif kind == "mediation_record":
                text = self.tr("Session {no}, {date}").format(no=r["no"], date=r["date"])
            elif kind == "followup":
                text = self.tr("Visit on {date}, {person}").format(date=r["date"], person=r["who"])
            elif r.get("supplement"):
                text = self.tr("Supplementary agreement {no}, {date}").format(no=r["no"],
                                                                              date=r["date"])
            else:
                text = self.tr("Agreement {no}, {date}").format(no=r["no"], date=r["date"])
            out.append((r["id"], text))
        return out

    def _fill_records(self) -> None:
        kind = self.current_kind()
        choices = self._record_choices(kind)
        previous = self.record.currentData()
        self.record.blockSignals(True)
        self.record.clear()
        if len(choices) > 1:
            self.record.addItem(self.tr("All {n}, one after another").format(n=len(choices)), "")
        for rid, text in choices:
            self.record.addItem(text, rid)
        index = self.record.findData(previous) if previous else -1
        self.record.setCurrentIndex(max(index, 0))
        self.record.blockSignals(False)
        many = len(choices) > 1
        self.record_label.setVisible(many)
        self.record.setVisible(many)

    def _fit_kinds(self) -> None:
        # Wide enough for the longest name: no sideways scrolling in the list.
        self.kinds.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        width = self.kinds.sizeHintForColumn(0) + 2 * self.kinds.frameWidth() \
            + self.kinds.verticalScrollBar().sizeHint().width() + 2 * self.kinds.spacing()
        self.kinds.setMinimumWidth(width)

    def _label_kinds(self) -> None:
        # Per-record kinds show how many records the case has: "人民调解调查记录（2份）".
        labels = {k.code: k for k in documents.list_kinds()}
        for row in range(self.kinds.count()):
            item = self.kinds.item(row)
            code = item.data(Qt.ItemDataRole.UserRole)
            kind: Kind | None = labels.get(code)
            if kind is None or kind.scope != "record" or self.records is None:
                continue
            n = len(self.records.get(code, []))
            label = _list_label(kind.label)
            item.setText(self.tr("{label} ({n})").format(label=label, n=n) if n
                         else self.tr("{label} (none yet)").format(label=label))
            item.setForeground(self.palette().color(
                QPalette.ColorRole.Text if n else QPalette.ColorRole.PlaceholderText))
        self._fit_kinds()

    # --- records ------------------------------------------------------------------------
    def load_records(self) -> None:
        if not self.case_id or self._loading_records:
            return
        self._loading_records = True
        case_id = self.case_id
        worker.run_op(self, lambda desk: load_records(desk, case_id), self._records_loaded,
                      self._records_failed)

    def _records_loaded(self, records: dict) -> None:
        self._loading_records = False
        first = self.records is None
        self.records = records
        self._label_kinds()
        if first and self.kinds.currentItem() is None:
            code = next((k for k in _PREFERRED if records.get(k) or k == "registration"),
                        "registration")
            self.kinds.blockSignals(True)
            self.select_kind(code)
            self.kinds.blockSignals(False)
        self._fill_records()
        self.refresh()

    def _records_failed(self, exc: BaseException) -> None:
        self._loading_records = False
        self.preview.show_problem(exc)

    def _case_loaded(self, _case: dict) -> None:
        self._update_controls()

    def _on_changes(self, changes: Changes) -> None:
        if self.case_id and self.case_id in changes.case_ids and changes.tables - _IRRELEVANT:
            self._stale = True
            self.load_records()

    # --- rendering ------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        """Render the current choice if it is not what the preview shows (and the tab is seen:
        a hidden tab renders nothing)."""
        self._update_controls()
        choice = self.choice()
        if choice is None or self.records is None or not self.isVisible():
            return
        if choice == self.shown and not self._stale:
            return
        if self._rendering is not None:
            return          # rendered when the running one finishes
        self._start_render(choice)

    def _start_render(self, choice: Choice) -> None:
        self._rendering = choice
        self._stale = False
        case_id = self.case_id
        self.preview.show_message(self.tr("Preparing the preview…"))
        self.status.setText("")
        self.warning_label.hide()
        if choice.is_dossier:
            self.progress = run_with_progress(
                self, lambda desk, progress: _render(desk, case_id, choice, progress),
                self.tr("Putting the case file together…"),
                lambda result: self._rendered(choice, result),
                lambda exc: self._render_failed(choice, exc),
                lambda: self._render_cancelled(choice))
        else:
            worker.run_op(self, lambda desk: _render(desk, case_id, choice),
                          lambda result: self._rendered(choice, result),
                          lambda exc: self._render_failed(choice, exc),
                          label=self.tr("Preparing the document…"))

    def _finish_render(self, choice: Choice) -> bool:
        """True if ``choice`` is still wanted; otherwise start what is wanted now."""
        self._rendering = None
        self.progress = None
        if choice != self.choice() or self._stale:
            self.refresh()
            return False
        return True

    def _rendered(self, choice: Choice, result: tuple[bytes, list[str]]) -> None:
        if not self._finish_render(choice):
            return
        self.data, self.warnings = result
        self.shown, self.error = choice, None
        if self.preview.show_pdf(self.data):
            pages = self.preview.page_count()
            self.status.setText(self._title(choice) + "　" +
                                self.tr("{n} page(s)").format(n=pages))
        if self.warnings:
            self.warning_label.setText("\n".join(self.warnings))
            self.warning_label.show()
        self._update_controls()
        action, self._after_render = self._after_render, None
        if action is not None:
            action()

    def _render_failed(self, choice: Choice, exc: BaseException) -> None:
        if not self._finish_render(choice):
            return
        asked = self._after_render is not None
        self.data, self.shown, self.error, self._after_render = None, choice, exc, None
        offer_blank = not choice.blank and not choice.is_dossier \
            and not isinstance(exc, IllegalStep)
        self.preview.show_problem(exc, offer_blank=offer_blank)
        self.status.setText(self._title(choice))
        self._update_controls()
        if asked:       # the user pressed Print or Save: answer them, not only the preview
            Messages.error(self, exc, self.tr("Cannot print"))

    def _render_cancelled(self, choice: Choice) -> None:
        if not self._finish_render(choice):
            return
        self.data, self.shown, self._after_render = None, None, None
        self.preview.show_message(self.tr("Cancelled. Choose the case file again to "
                                          "put it together."))
        self.kinds.blockSignals(True)
        self.kinds.setCurrentRow(-1)      # no current kind
        self.kinds.blockSignals(False)
        self._update_controls()

    def _title(self, choice: Choice) -> str:
        if choice.is_dossier:
            return self.tr("Whole case file")
        label = documents.find_kind(choice.kind).label
        return self.tr("{label} (blank)").format(label=label) if choice.blank else label

    def ready(self) -> bool:
        """True when the preview shows the current choice (tests wait for it)."""
        return self.data is not None and self.shown == self.choice() and not self._stale \
            and self._rendering is None

    def _when_ready(self, action: Callable[[], None]) -> None:
        """Run ``action`` once the current choice is rendered (now if it already is)."""
        if self.ready():
            action()
            return
        if self.error is not None and self.shown == self.choice() and not self._stale \
                and self._rendering is None:
            Messages.error(self, self.error, self.tr("Cannot print"))
            return
        self._after_render = action
        self.refresh()

    def _update_controls(self) -> None:
        choice = self.choice()
        has_case = bool(self.case_id)
        self.print_button.setEnabled(has_case and choice is not None)
        self.save_pdf_button.setEnabled(has_case and choice is not None)
        self.save_docx_button.setEnabled(has_case and choice is not None
                                         and not choice.is_dossier)
        self.blank_button.setEnabled(choice is not None and not choice.is_dossier)
        self.blank_box.setEnabled(choice is not None and not choice.is_dossier)
        self.record.setEnabled(not self.blank_box.isChecked())

    # --- actions ---------------------------------------------------------------------------
    def _file_name(self, choice: Choice, fmt: str) -> str:
        if choice.is_dossier:
            name = self.tr("{case_no} case file").format(case_no=self.case_no)
        elif choice.blank:
            name = self._title(choice)
        else:
            name = f"{self.case_no} {self._title(choice)}"
        return safe_file_name(name) + "." + fmt

    def print_document(self) -> None:
        """Print what the preview shows through the system print dialog (rendered first if
        needed), then audit the print."""
        self._when_ready(self._print_now)

    def _print_now(self) -> None:
        choice, data = self.shown, self.data
        if choice is None or data is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self._file_name(choice, "pdf")[:-4])
        if not OutputDialogs.choose_printer(self, printer):
            return
        pages = print_with_progress(self, data, printer)
        if not pages:
            return
        case_id, target = self.case_id, printer_target(printer)
        worker.run_op(self, lambda desk: documents.record_print(
            desk, kind=choice.kind, fmt="pdf", case_id=case_id, blank=choice.blank,
            target=target, record_id=choice.record_id or ""),
            lambda _r: self.status.setText(
                self._title(choice) + "　" + self.tr("Sent to the printer ({n} page(s)).")
                .format(n=pages)))

    def save(self, fmt: str) -> None:
        """Save the chosen document as ``fmt`` ('pdf': the previewed bytes; 'docx': rendered
        from the same template), then audit the save."""
        if fmt == "pdf":
            self._when_ready(lambda: self._save_now(fmt))
        else:
            self._save_now(fmt)

    def _save_now(self, fmt: str) -> None:
        choice = self.shown if fmt == "pdf" else self.choice()
        if choice is None or (fmt == "docx" and choice.is_dossier):
            return
        title = self.tr("Save as PDF") if fmt == "pdf" else self.tr("Save as Word document")
        path = OutputDialogs.save_path(self, title, self._file_name(choice, fmt), fmt)
        if not path:
            return
        case_id, data = self.case_id, (self.data if fmt == "pdf" else None)
        worker.run_op(self, lambda desk: _save(desk, case_id, choice, fmt, path, data),
                      lambda saved: self.status.setText(
                          self._title(choice) + "　" + self.tr("Saved to {path}").format(path=saved)),
                      lambda exc: Messages.error(self, exc, self.tr("Not saved")),
                      label=self.tr("Saving…"))

    def print_blank(self) -> None:
        """Show the chosen form blank and print it."""
        if self.current_kind() in ("", DOSSIER):
            return
        self.blank_box.setChecked(True)
        self.print_document()

    def print_dossier(self) -> None:
        """Put the whole case file together (with a progress bar) and print it."""
        self.select_kind(DOSSIER)
        self.print_document()


def print_record(window: CaseWindow, kind: str, record_id: str) -> DocumentsTab | None:
    """Print the document ``kind`` of one record from another tab (the agreement tab's
    print button): the documents tab comes forward with it chosen, and prints it."""
    for i in range(window.tabs.count()):
        tab = window.tabs.widget(i)
        if isinstance(tab, DocumentsTab):
            window.tabs.setCurrentIndex(i)
            tab.blank_box.setChecked(False)
            tab.select_kind(kind)
            index = tab.record.findData(record_id)
            if index >= 0:
                tab.record.setCurrentIndex(index)
            tab.print_document()
            return tab
    return None


def documents_tab(window: CaseWindow) -> tuple[QWidget, str] | None:
    """Tab factory for :meth:`CaseWindow.register_tab`."""
    if not window.case_id:
        return None
    return DocumentsTab(window), QCoreApplication.translate("DocumentsTab", "Documents")

