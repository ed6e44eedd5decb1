"""Tab "Attachments": scans, photos and PDFs of the case, each filed under an item of the case
file and optionally linked to a record (a party's identity proof, the signed agreement, proof
of performance …). Files are checked by the core (type, size, readable) before anything is
stored; a refusal is shown in Chinese and nothing is stored. Images get thumbnails (read
scaled on the worker thread), PDFs an icon; a file missing from the data folder is shown as
missing while the case still opens."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QImage, QImageReader, QPainter, QPixmap
from PySide6.QtWidgets import (QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QListView, QListWidget, QListWidgetItem, QPushButton,
                               QStyle, QVBoxLayout, QWidget)

from mediator_desk.core.attachments import ITEMS
from mediator_desk.errors import DeskError
from mediator_desk.gui import worker
from mediator_desk.gui.file_places import viewable_copy
from mediator_desk.gui.files import Files
from mediator_desk.gui.forms import ALERT_STYLE, error_label, fill_combo, set_role
from mediator_desk.gui.messages import Messages
from mediator_desk.gui.tabs.case_path import CasePath, PathTab, PathView
from mediator_desk.gui.tabs.widgets import allow, note_label

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk
    from mediator_desk.core.dossier import CaseView

THUMB = 96
IMAGE_TYPES = ("image/jpeg", "image/png", "image/tiff")


def read_thumbnails(paths: dict[str, str], size: int = THUMB) -> dict[str, QImage]:
    """Scaled images by content hash (runs on the worker thread: QImage, not QPixmap, is
    safe there; JPEG decoders read at the reduced size directly)."""
    out = {}
    for sha, path in paths.items():
        reader = QImageReader(path)
        reader.setAutoTransform(True)
        full = reader.size()
        if full.isValid():
            reader.setScaledSize(full.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio))
        image = reader.read()
        if not image.isNull():
            out[sha] = image
    return out


def add_files(desk: Desk, case_id: str, paths: list[str], item: str, record_table: str,
              record_id: str, note: str, today) -> tuple[list[str], list[str]]:
    """Add each file (each in its own transaction); returns (added ids, Chinese refusals)."""
    added, refused = [], []
    for path in paths:
        try:
            added.append(desk.attachments.add(case_id, path, item=item,
                                              record_table=record_table, record_id=record_id,
                                              note=note, today=today))
        except DeskError as exc:
            refused.append(exc.message)
    return added, refused


def pdf_icon(size: int = THUMB) -> QPixmap:
    """A page with a red band: the icon of a PDF attachment."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    w, h = int(size * 0.7), int(size * 0.9)
    x, y = (size - w) // 2, (size - h) // 2
    painter.setPen(QColor("#777777"))
    painter.setBrush(QColor("#ffffff"))
    painter.drawRect(x, y, w, h)
    painter.setBrush(QColor("#c62828"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRect(x, y + h // 2 - size // 8, w, size // 4)
    painter.setPen(QColor("#ffffff"))
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(size // 6, 8))
    painter.setFont(font)
    painter.drawText(x, y + h // 2 - size // 8, w, size // 4, Qt.AlignmentFlag.AlignCenter,
                     "PDF")
    painter.end()
    return pixmap


class AttachmentsTab(PathTab):
    """Add, list (with thumbnails), open and remove the attachments of a case."""

    def __init__(self, path: CasePath, parent: QWidget | None = None):
        super().__init__(path, parent)
        self._thumbs: dict[str, QPixmap] = {}
        self._pdf_icon = QIcon(pdf_icon())
        self._build()

    def _build(self) -> None:
        e = self.errors
        self.add_box = self.action(QGroupBox(self.tr("Add files")))
        self.item = self.editor(QComboBox())
        fill_combo(self.item, ITEMS.items())
        self.record = self.editor(QComboBox())
        self.note = self.editor(QLineEdit())
        self.limits_label = note_label()
        self.add_button = self.action(QPushButton(self.tr("Choose files and add…")))
        self.add_button.clicked.connect(self.add)
        form = QFormLayout()
        form.addRow(self.tr("What the files are"), e.wrap("item", self.item))
        form.addRow(self.tr("Belongs to"), e.wrap("record_id", self.record, "record_table"))
        form.addRow(self.tr("Note"), e.wrap("note", self.note))
        al = QVBoxLayout(self.add_box)
        al.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(self.limits_label, 1)
        row.addWidget(self.add_button)
        al.addLayout(row)
        self.file_error = error_label()           # refusals about the files themselves
        al.addWidget(self.file_error)

        self.missing_label = QLabel()
        set_role(self.missing_label, "error")
        self.missing_label.setStyleSheet(ALERT_STYLE)
        self.missing_label.setWordWrap(True)
        self.missing_label.hide()
        self.files = QListWidget()
        self.files.setViewMode(QListView.ViewMode.ListMode)
        self.files.setIconSize(QSize(THUMB, THUMB))
        self.files.setSpacing(4)
        self.files.setAlternatingRowColors(True)
        self.files.itemActivated.connect(lambda _i: self.open_selected())
        self.empty_label = note_label(self.tr("No attachments yet."))
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button = self.action(QPushButton(self.tr("Delete")))
        self.remove_button.clicked.connect(self.remove_selected)
        self.files.currentItemChanged.connect(lambda *_a: self._selection_changed())
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.add_box)
        layout.addWidget(self.missing_label)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.files, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.general)

    # --- showing --------------------------------------------------------------------------
    def _record_choices(self, case: CaseView) -> list[tuple[str, str]]:
        out = [("", self.tr("the case as a whole"))]
        for p in case.parties:
            out.append((f"parties:{p['id']}", self.tr("Party {name}").format(name=p["name"])))
        for r in case.investigations:
            out.append((f"investigations:{r['id']}", self.tr("Investigation record {no} ({day})")
                        .format(no=r["no"], day=r["held_on"])))
        for r in case.mediations:
            out.append((f"mediation_sessions:{r['id']}", self.tr("Mediation record {no} ({day})")
                        .format(no=r["no"], day=r["held_on"])))
        for a in (x.row for x in case.agreements):
            out.append((f"agreements:{a['id']}", self.tr("Agreement {no}")
                        .format(no=a["agreement_no"])))
        for f in case.followups:
            out.append((f"followups:{f['id']}", self.tr("Follow-up visit of {day}")
                        .format(day=f["visited_on"])))
        for k in case.confirmations:
            out.append((f"confirmations:{k['id']}", self.tr("Judicial confirmation ({court})")
                        .format(court=k["court"])))
        return out

    def show_view(self, view: PathView) -> None:
        case = view.case
        fill_combo(self.record, self._record_choices(case))
        limits = view.attachment_limits
        self.limits_label.setText(self.tr("Scans or photos, at most {mb} MB each.")
                                  .format(mb=limits["max_bytes"] // (1024 * 1024)))
        labels = dict(self._record_choices(case))
        current = self.selected()
        self.files.clear()
        for att in case.attachments:
            size = f"{max(att['size'] // 1024, 1)} KB"
            text = f"{att['item_label']}\n{att['file_name']}　{size}"
            linked = labels.get(f"{att['record_table']}:{att['record_id']}", "") \
                if att["record_id"] else ""
            if linked:
                text += "\n" + self.tr("Belongs to: {what}").format(what=linked)
            if not att["exists"]:
                text += "\n" + self.tr("The file is missing from the data folder")
            item = QListWidgetItem(self._icon(att), text)
            item.setData(Qt.ItemDataRole.UserRole, att["id"])
            if not att["exists"]:
                item.setForeground(QColor("#b00020"))
            self.files.addItem(item)
            if current and att["id"] == current["id"]:
                self.files.setCurrentItem(item)
        missing = case.missing_files
        if missing:
            self.missing_label.setText(self.tr(
                "{n} attachment file(s) are missing from the data folder: {names}. Copy them "
                "back from a backup, or add the scans again.").format(
                n=len(missing), names="、".join(a["file_name"] for a in missing)))
        self.missing_label.setVisible(bool(missing))
        self.empty_label.setVisible(not case.attachments)
        self._selection_changed()
        self._load_thumbnails(view)

    def _icon(self, att: dict) -> QIcon:
        if not att["exists"]:
            return self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if att["mime_type"] == "application/pdf":
            return self._pdf_icon
        pixmap = self._thumbs.get(att["sha256"])
        if pixmap is not None:
            return QIcon(pixmap)
        return self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)

    def _load_thumbnails(self, view: PathView) -> None:
        wanted = {a["sha256"]: view.file_paths[a["sha256"]] for a in view.case.attachments
                  if a["exists"] and a["mime_type"] in IMAGE_TYPES
                  and a["sha256"] not in self._thumbs}
        if wanted:
            worker.run_op(self, lambda _desk: read_thumbnails(wanted), self._thumbnails_read)

    def _thumbnails_read(self, images: dict[str, QImage]) -> None:
        for sha, image in images.items():
            self._thumbs[sha] = QPixmap.fromImage(image)
        if self.view is None:
            return
        by_id = {a["id"]: a for a in self.view.case.attachments}
        for i in range(self.files.count()):
            item = self.files.item(i)
            att = by_id.get(item.data(Qt.ItemDataRole.UserRole))
            if att is not None:
                item.setIcon(self._icon(att))

    def thumbnail(self, attachment_id: str) -> QPixmap | None:
        """The thumbnail shown for an attachment (None for PDFs, missing files, not yet read)."""
        att = self._find(attachment_id)
        return self._thumbs.get(att["sha256"]) if att else None

    def _find(self, attachment_id: str) -> dict | None:
        return next((a for a in (self.case_view.attachments if self.case_view else [])
                     if a["id"] == attachment_id), None)

    def selected(self) -> dict | None:
        item = self.files.currentItem()
        return self._find(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def _selection_changed(self) -> None:
        att = self.selected()
        self.open_button.setEnabled(att is not None and att["exists"])
        allow(self.remove_button, "" if att is not None else self.tr("Choose an attachment"))
        if att is not None and att["item"] == "signed_agreement" and att["record_id"]:
            allow(self.remove_button, self.tr(
                "The scan of a signed agreement proves that it took effect: it stays"))

    # --- actions ---------------------------------------------------------------------------
    def add(self) -> None:
        """Choose files and add them under the item and record chosen."""
        self.errors.clear_all()
        self.file_error.hide()
        paths = Files.choose_files(self, self.tr("Add scans, photos or PDFs"))
        if not paths:
            return
        case_id = self.path.case_id
        item = self.item.currentData()
        table, _, record_id = (self.record.currentData() or "").partition(":")
        note = self.note.text().strip()
        self.run(lambda desk, today: add_files(desk, case_id, paths, item, table, record_id,
                                               note, today),
                 self._added, label=self.tr("Adding files…"))

    def _added(self, result: tuple[list[str], list[str]]) -> None:
        added, refused = result
        if refused:
            self.file_error.setText("\n".join(refused))
            self.file_error.show()
        if added:
            self.note.clear()

    def open_selected(self) -> None:
        att, view = self.selected(), self.view
        if att is None or view is None:
            return
        if not att["exists"]:
            Messages.error(self, self.tr("The file of “{name}” is missing from the data folder.")
                           .format(name=att["file_name"]))
            return
        try:
            copy = viewable_copy(Path(view.file_paths[att["sha256"]]), att["file_name"])
        except OSError as exc:
            Messages.error(self, self.tr("Cannot open “{name}”: {error}").format(
                name=att["file_name"], error=exc.strerror or str(exc)))
            return
        Files.open_file(str(copy))

    def remove_selected(self) -> None:
        att = self.selected()
        if att is None or not Messages.confirm(self, self.tr(
                "Delete the attachment “{name}”? This is recorded in the history.").format(
                name=att["file_name"])):
            return
        aid = att["id"]
        self.run(lambda desk, _t: desk.attachments.remove(aid))
