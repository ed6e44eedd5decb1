"""Importing a village's data file at the township office, in the steps a clerk can follow:

1. **Inspect**: the clear manifest (who sent it, to whom, when, which changes, how many
   records), and whether this desk can import it — if not, why (wrong office, a file missing
   before this one, revoked village …).
2. **Accept** (first file of a village only): the short fingerprint of the village's key,
   to be compared with the one on the village's screen (read aloud on the phone, or on paper).
3. **Preview**: new / updated / unchanged / conflicting / deleted records per kind, computed
   by a dry run — nothing is written; Cancel here leaves the database as it was.
4. **Apply** with a progress bar (Cancel rolls back), then the result; conflicts are sent to
   the conflicts dialog.

Every step runs in the worker (``sync.inspect_file`` / ``sync.import_bundle``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (QCheckBox, QDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QPushButton, QTableWidgetItem, QVBoxLayout, QWidget)

from mediator_desk.gui import worker
from mediator_desk.gui.forms import (ERROR_STYLE, fit_to_screen, fit_window, scroll_area,
                                    wrap_text)
from mediator_desk.gui.forms import cell, table
from mediator_desk.gui.sync_dialogs import big_label, counts_text, local_time, run_long

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk

CONFLICT_BACKGROUND = "#fde2e1"


def _inspect(desk: Desk, path: str) -> dict:
    from mediator_desk import sync

    return sync.inspect_file(path, desk)


def _import(desk: Desk, path: str, *, dry_run: bool, fingerprint: str | None, progress=None):
    from mediator_desk import sync

    return sync.import_bundle(desk, path, dry_run=dry_run, accept_fingerprint=fingerprint,
                              progress=progress)


class BundleImportDialog(QDialog):
    """Inspect → (accept) → preview → apply a village's ``.mdsync`` file. ``stage`` says where
    the dialog is: inspecting, refused, accept, previewing, preview, applying, done."""

    stageChanged = Signal(str)
    imported = Signal(object)          # the ImportResult, after a successful apply

    def __init__(self, path: str, parent: QWidget | None = None,
                 on_conflicts=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import a village's data"))
        self.path = path
        self.on_conflicts = on_conflicts
        self.stage = ""
        self.info: dict = {}
        self.preview: dict = {}
        self.import_result = None
        self.fingerprint: str | None = None       # set once the village is accepted here

        self.sender_label = QLabel()        # (not ``sender``: QObject.sender())
        self.receiver = QLabel()
        self.made = QLabel()
        self.changes = QLabel()
        self.contents = QLabel()         # lines broken by wrap_text (see forms.error_label)
        self.file_label = QLabel(path)
        self.file_label.setWordWrap(True)
        manifest = QGroupBox(self.tr("What the file says (readable without keys)"))
        form = QFormLayout(manifest)
        form.addRow(self.tr("File"), self.file_label)
        form.addRow(self.tr("From"), self.sender_label)
        form.addRow(self.tr("To"), self.receiver)
        form.addRow(self.tr("Made on"), self.made)
        form.addRow(self.tr("Changes"), self.changes)
        form.addRow(self.tr("Contents"), self.contents)

        self.reasons = QLabel()
        self.reasons.setWordWrap(True)
        self.reasons.setStyleSheet(ERROR_STYLE)
        self.reasons.hide()

        self.accept_box = QGroupBox(self.tr("First data from this village: compare the "
                                            "fingerprint"))
        accept_layout = QVBoxLayout(self.accept_box)
        explain = QLabel(self.tr(
            "Ask the village to open Data exchange → Site information and read its "
            "fingerprint aloud (or compare it on paper). Accept only if all 16 digits are "
            "the same as here:"))
        explain.setWordWrap(True)
        self.fingerprint_label = big_label(scale=2.0)
        self.fingerprint_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.matches = QCheckBox(self.tr("The village's screen shows the &same 16 digits"))
        self.matches.toggled.connect(lambda _on: self._update_buttons())
        accept_layout.addWidget(explain)
        accept_layout.addWidget(self.fingerprint_label)
        accept_layout.addWidget(self.matches)
        self.accept_box.hide()
        self.accepted_note = QLabel()
        self.accepted_note.setWordWrap(True)
        self.accepted_note.hide()

        self.preview_box = QGroupBox(self.tr("Preview: what importing would change "
                                             "(nothing has been written yet)"))
        preview_layout = QVBoxLayout(self.preview_box)
        self.preview_table = table([self.tr("Kind of record"), self.tr("New"),
                                    self.tr("Updated"), self.tr("Unchanged"),
                                    self.tr("Conflicts"), self.tr("Deleted")], stretch=0, wrap=False)
        self.preview_table.setSelectionMode(self.preview_table.SelectionMode.NoSelection)
        self.preview_note = QLabel()
        self.preview_note.setWordWrap(True)
        preview_layout.addWidget(self.preview_table, 1)
        preview_layout.addWidget(self.preview_note)
        self.preview_box.hide()

        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        font = QFont(self.outcome.font())
        font.setBold(True)
        self.outcome.setFont(font)
        self.outcome.hide()

        self.next_button = QPushButton()
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.next_step)
        self.conflicts_button = QPushButton(self.tr("Review &conflicts…"))
        self.conflicts_button.clicked.connect(self._show_conflicts)
        self.conflicts_button.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.conflicts_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.cancel_button)

        # everything but the buttons scrolls: the 导入 button stays on a laptop's screen
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(manifest)
        body_layout.addWidget(self.reasons)
        body_layout.addWidget(self.accept_box)
        body_layout.addWidget(self.accepted_note)
        body_layout.addWidget(self.preview_box, 3)
        body_layout.addWidget(self.outcome)
        body_layout.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll_area(body), 1)
        layout.addLayout(buttons)
        fit_to_screen(self, 860, 720)
        self._set_stage("inspecting")

    # --- stages ------------------------------------------------------------------------
    def _set_stage(self, stage: str) -> None:
        self.stage = stage
        self._update_buttons()
        self.stageChanged.emit(stage)

    def _update_buttons(self) -> None:
        stage = self.stage
        texts = {"accept": self.tr("&Accept and preview"), "preview": self.tr("&Import"),
                 "done": self.tr("&Close"), "refused": self.tr("&Close")}
        self.next_button.setText(texts.get(stage, self.tr("Please wait…")))
        self.next_button.setEnabled(stage in ("preview", "done", "refused")
                                    or (stage == "accept" and self.matches.isChecked()))
        self.cancel_button.setVisible(stage not in ("done", "refused"))
        self.cancel_button.setEnabled(stage != "applying")

    def start(self) -> None:
        """Read the manifest (in the worker) and show it."""
        path = self.path
        worker.run_op(self, lambda desk: _inspect(desk, path), self._inspected, self._refused)

    def next_step(self) -> None:
        """The button: accept → preview, preview → apply, done/refused → close."""
        if self.stage == "accept" and self.matches.isChecked():
            self.fingerprint = self.info["fingerprint"]
            self.accept_box.hide()
            self.accepted_note.setText(self.tr(
                "Fingerprint compared: {fp}. The village is accepted together with the "
                "import; Cancel accepts nothing.").format(fp=self.fingerprint))
            self.accepted_note.show()
            self.run_preview()
        elif self.stage == "preview":
            self.apply()
        elif self.stage in ("done", "refused"):
            self.accept()

    # --- inspect -------------------------------------------------------------------------
    def _inspected(self, info: dict) -> None:
        self.info = info
        m = info["manifest"]
        s = m["sender"]
        self.sender_label.setText(self.tr("{name} (site {site})").format(name=s["name"],
                                                                        site=s["site_id"][:8]))
        receiver = m.get("receiver") or {}
        self.receiver.setText(receiver.get("name", ""))
        self.made.setText(local_time(m["created_at"]))
        if m.get("changes"):
            ch = m["changes"]
            self.changes.setText(self.tr("numbers {first}–{last} (the office had "
                                         "acknowledged up to {ack})").format(
                first=ch["from"], last=ch["to"], ack=ch["prerequisite"]))
        self.contents.setText(wrap_text(counts_text(m["counts"]), self.contents.fontMetrics(),
                                        max(self.width() - 220, 320)))
        if info["kind"] != "bundle":
            self._refuse([self.tr("This is not a village's data file ({kind}).").format(
                kind=info["kind_label"])])
        elif info["needs_acceptance"]:
            self.fingerprint_label.setText(info["fingerprint"])
            self.accept_box.show()
            self._set_stage("accept")
        elif info["can_import"]:
            self.run_preview()
        else:
            self._refuse(info["reasons"])

    def _refuse(self, reasons: list[str]) -> None:
        self.reasons.setText("\n".join(reasons))
        self.reasons.show()
        self._set_stage("refused")

    def _refused(self, exc) -> None:
        message = getattr(exc, "message", str(exc))
        hint = getattr(exc, "hint", "")
        self._refuse([message + (f"。{hint}" if hint else "")])

    # --- preview -------------------------------------------------------------------------
    def run_preview(self) -> None:
        """Dry run: what the import would change; nothing is written."""
        path, fp = self.path, self.fingerprint
        self._set_stage("previewing")
        worker.run_op(self, lambda desk: _import(desk, path, dry_run=True, fingerprint=fp),
                      self._previewed, self._refused, label=self.tr("Checking the file…"))

    def _previewed(self, result) -> None:
        self.preview = result.preview
        if result.status == "already":
            self.outcome.setText(result.message)
            self.outcome.show()
            self._set_stage("done")
            return
        rows = []
        for t in result.preview.get("tables", {}).values():
            rows.append([t["label"], t["new"], t["updated"], t["unchanged"], t["conflicts"],
                         t["deleted"]])
        audit = result.preview.get("audit")
        if audit:
            rows.append([self.tr("Log entries"), audit["new"], "", audit["unchanged"], "", ""])
        files = result.preview.get("files")
        if files:
            rows.append([self.tr("Attached files"), files["new"], "",
                         files["received"] - files["new"], "", ""])
        t = self.preview_table
        t.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, value in enumerate(cells):
                item = QTableWidgetItem(str(value))
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if c == 4 and value:
                    item.setBackground(QColor(CONFLICT_BACKGROUND))
                t.setItem(r, c, item)
        # show every row (up to a dozen) without scrolling
        shown = min(len(rows), 12)
        t.setMinimumHeight(t.horizontalHeader().sizeHint().height() + 4
                           + sum(t.rowHeight(r) for r in range(shown)))
        conflicts = result.preview.get("conflicts", 0)
        note = self.tr("Press Import to apply everything at once, or Cancel to leave the "
                       "database as it is.")
        if conflicts:
            note = self.tr("{n} records were changed on both sides: both versions will be "
                           "kept for you to choose from. ").format(n=conflicts) + note
        self.preview_note.setText(note)
        self.preview_box.show()
        self._set_stage("preview")
        fit_window(self.preview_table)

    def counts(self) -> dict[str, list[str]]:
        """The preview table as {kind: [new, updated, unchanged, conflicts, deleted]}."""
        t = self.preview_table
        return {cell(t, r, 0).text(): [cell(t, r, c).text() for c in range(1, 6)]
                for r in range(t.rowCount())}

    # --- apply ---------------------------------------------------------------------------
    def apply(self) -> None:
        path, fp = self.path, self.fingerprint
        self._set_stage("applying")
        self.progress = run_long(
            self, lambda desk, progress: _import(desk, path, dry_run=False, fingerprint=fp,
                                                 progress=progress),
            self.tr("Importing the village's data…"), self._applied, self._apply_failed,
            self._apply_cancelled)

    def _applied(self, result) -> None:
        self.import_result = result
        self.preview_box.setTitle(self.tr("What was imported"))
        self.preview_note.hide()
        self.accepted_note.hide()
        self.outcome.setText(result.message)
        self.outcome.show()
        self.conflicts_button.setVisible(result.status == "conflicts")
        self._set_stage("done")
        self.imported.emit(result)

    def _apply_failed(self, exc) -> None:
        self._refused(exc)

    def _apply_cancelled(self) -> None:
        self.outcome.setText(self.tr("Import cancelled: nothing was changed."))
        self.outcome.show()
        self._set_stage("preview")

    def _show_conflicts(self) -> None:
        if self.on_conflicts is not None:
            self.on_conflicts()
        self.accept()

    def reject(self) -> None:
        if self.stage == "applying":
            return                      # the progress bar's Cancel stops an import
        super().reject()
