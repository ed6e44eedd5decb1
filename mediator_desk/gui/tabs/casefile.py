"""Tab "Case file": the 13-item table of contents (卷宗目录) with required / as-needed flags,
missing required items highlighted, and archiving (立卷: who, when, retention) after which the
case is read-only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (QComboBox, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

from mediator_desk.gui.forms import (ALERT_STYLE, cell, fill_table, fit_to_screen, plain_text, table,
                                     text_area)
from mediator_desk.gui.messages import Messages
from mediator_desk.gui.tabs.case_path import CasePath, PathTab, PathView, transition_reason
from mediator_desk.gui.tabs.record_dialog import RecordDialog, open_dialog
from mediator_desk.gui.tabs.widgets import allow, date_edit, note_label

MISSING_BACKGROUND = QColor("#fde0e0")
MISSING_FOREGROUND = QColor("#b00020")
NOT_APPLICABLE = QColor("#888888")


class CaseFileTab(PathTab):
    """The table of contents of the case file and archiving."""

    def __init__(self, path: CasePath, parent: QWidget | None = None):
        super().__init__(path, parent)
        self.dialog: RecordDialog | None = None
        self._build()

    def _build(self) -> None:
        self.contents = table([self.tr("No."), self.tr("Document"), self.tr("Needed"),
                               self.tr("In the file"), self.tr("From")], stretch=1)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.archive_box = QGroupBox(self.tr("Archiving"))
        self.archive_label = QLabel()
        self.archive_label.setWordWrap(True)
        self.archive_button = self.action(QPushButton(self.tr("Archive the case file…")))
        self.archive_button.clicked.connect(lambda: self.archive())
        al = QVBoxLayout(self.archive_box)
        al.addWidget(self.archive_label)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.archive_button)
        al.addLayout(row)
        layout = QVBoxLayout(self)
        layout.addWidget(note_label(self.tr(
            "One case, one file: the documents in the order of the Ministry of Justice's "
            "table of contents. Required items must be present before the file is archived.")))
        layout.addWidget(self.contents, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.archive_box)
        layout.addWidget(self.general)

    def show_view(self, view: PathView) -> None:
        case = view.case
        rows = []
        for item in case.contents:
            if item.present:
                mark = self.tr("yes")
            elif item.missing:
                mark = self.tr("MISSING")
            else:
                mark = "—"
            sources = []
            if item.records:
                sources.append(self.tr("{n} record(s)").format(n=item.records))
            if item.attachments:
                sources.append(self.tr("{n} scan(s)").format(n=item.attachments))
            rows.append([str(item.no), item.title, item.need_label, mark, "、".join(sources)])
        fill_table(self.contents, rows, [item.key for item in case.contents])
        for r, item in enumerate(case.contents):
            for c in range(self.contents.columnCount()):
                shown = cell(self.contents, r, c)
                if item.missing:
                    shown.setBackground(QBrush(MISSING_BACKGROUND))
                    shown.setForeground(QBrush(MISSING_FOREGROUND))
                    font = QFont(shown.font())
                    font.setBold(True)
                    shown.setFont(font)
                elif item.need == "not_applicable":
                    shown.setForeground(QBrush(NOT_APPLICABLE))
            cell(self.contents, r, 3).setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        missing = [i.title for i in case.contents if i.missing]
        if missing:
            self.summary.setText(self.tr("Missing required items: {items}").format(
                items="、".join(missing)) + "\n" + self.tr(
                "Record what is missing on its tab, or add the signed paper as a scan on the "
                "Attachments tab (e.g. a copy of each party's identity card)."))
            self.summary.setStyleSheet(ALERT_STYLE)
        else:
            self.summary.setText(self.tr("Every required item is in the file."))
            self.summary.setStyleSheet("color: #1b5e20;")
        archive = case.archive
        if archive:
            text = self.tr("Archived on {day} by {who}; retention {retention}.").format(
                day=archive["archived_on"], who=archive["archived_by"],
                retention=archive["retention"])
            if archive["volume_title"]:
                text += " " + self.tr("Volume: {title}.").format(title=archive["volume_title"])
            self.archive_label.setText(text)
        else:
            self.archive_label.setText(self.tr(
                "A closed case (agreement in force or performed, mediation ended, withdrawn or "
                "refused) is archived once its file is complete. Afterwards it can no longer "
                "be changed."))
        reason = transition_reason(case.status, "archived")
        if not reason and missing:
            reason = self.tr("Missing required items: {items}").format(items="、".join(missing))
        if not reason:
            # The core's reason: a confirmation awaiting the court, performance still open.
            reason = case.archive_refusal
        allow(self.archive_button, reason)
        self.archive_button.setVisible(case.status != "archived")

    def archive(self) -> "ArchiveDialog":
        return open_dialog(self, ArchiveDialog(self.path, self))


class ArchiveDialog(RecordDialog):
    """File the case (立卷): who, when, the retention period."""

    def __init__(self, path: CasePath, parent: QWidget | None = None):
        super().__init__(path, parent)
        self.setWindowTitle(self.tr("Archive the case file"))
        self.form.addRow(note_label(self.tr(
            "After archiving, the case can be viewed and printed but no longer changed.")))
        self.archived_by = self.row("archived_by", self.tr("Filed by"), QLineEdit())
        user = getattr(path.window.context, "user", "") if path.window.context else ""
        self.archived_by.setText(user)
        self.archived_on = self.row("archived_on", self.tr("Filed on"), date_edit())
        self.retention = self.row("retention", self.tr("Retention period"), QComboBox())
        self.retention.addItem(self.tr("(choose)"), "")
        for choice in (path.view.retention_choices if path.view is not None else []):
            self.retention.addItem(choice, choice)
        self.volume_title = self.row("volume_title", self.tr("Volume title"), QLineEdit())
        self.file_note = self.row("file_note", self.tr("File note"), text_area(2))
        self.note = self.row("note", self.tr("Note"), QLineEdit())
        fit_to_screen(self, 640, 420)

    def make_op(self):
        if not self.retention.currentData():
            self.errors.show("retention", self.tr("Please choose the retention period"))
            return None
        if not Messages.confirm(self, self.tr(
                "Archive this case now? It can no longer be changed afterwards.")):
            return None
        case_id = self.path.case_id
        v = dict(archived_by=self.archived_by.text().strip(),
                 archived_on=self.archived_on.text().strip(),
                 retention=self.retention.currentData(), volume_title=self.volume_title.text(),
                 file_note=plain_text(self.file_note), note=self.note.text())
        return lambda desk, today: desk.dossier.archive(case_id, today=today, **v)
