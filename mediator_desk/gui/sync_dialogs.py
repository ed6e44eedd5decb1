"""Dialogs of data exchange between villages and their township office.

The modal questions (which file, which passphrase, which village) are class methods of
:class:`SyncAsk`, so tests replace them and never see a blocking dialog. The windows —
:class:`SiteInfoDialog`, :class:`VillagesDialog`, :class:`ImportLogDialog`,
:class:`ReceiptDialog` — are opened with ``open()`` (window-modal, not blocking) and read the
database through the worker before they fill themselves. The import of a village's bundle is
in gui/bundle_import.py, conflicts in gui/conflicts_dialog.py, the menu in gui/sync_menu.py.

Files go to and come from a USB stick: the file choosers start on a removable drive when one
is mounted under /media or /run/media (Linux desktops mount sticks there), else in Documents
or the home folder — never in the database's folder. The dialogs are gui/files.py's, which
never open a listed file (a file dialog could otherwise drop the database's locks).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QGroupBox, QHBoxLayout, QInputDialog, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

from mediator_desk.gui import worker
from mediator_desk.gui.forms import (FieldErrors, cell, error_label, fill_combo, fill_table,
                                     fit_to_screen, set_role, table)
from mediator_desk.gui.messages import Messages

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk
    from mediator_desk.sync import ImportResult

translate = QCoreApplication.translate

REMOVABLE_ROOTS = ("/media", "/run/media")
KEYS_EXTENSION = ".mdkeys"
LIST_SEPARATOR = "，"        # the interface is Chinese; lists of data take Chinese commas
MIN_PASSPHRASE = 8          # as sync/keys.py (checked here too, so the dialog can say so)


# --- where files go -------------------------------------------------------------------------

def pick_removable(mounts: Iterable[tuple[str, bool]]) -> str:
    """The first writable mount point under /media or /run/media among ``(root, writable)``
    pairs; '' if there is none."""
    for root, writable in mounts:
        if writable and any(root.startswith(r + "/") for r in REMOVABLE_ROOTS):
            return root
    return ""


def removable_folder() -> str:
    """A mounted removable drive (USB stick) to offer first, or ''."""
    from PySide6.QtCore import QStorageInfo

    return pick_removable((v.rootPath(), v.isValid() and v.isReady() and not v.isReadOnly())
                          for v in QStorageInfo.mountedVolumes())


def start_folder(purpose: str = "") -> str:
    """A removable drive, else the folder last used for ``purpose``, else Documents or home —
    never the database's folder (files.py)."""
    from mediator_desk.gui import file_places

    return file_places.start_folder(removable_folder(), purpose=purpose)


def extension(kind: str) -> str:
    if kind == "keys":
        return KEYS_EXTENSION
    from mediator_desk.sync import EXTENSIONS

    return EXTENSIONS[kind]


def file_filter(kind: str) -> str:
    names = {"bundle": translate("SyncFiles", "Village data files"),
             "receipt": translate("SyncFiles", "Receipts from the office"),
             "enrolment": translate("SyncFiles", "Enrolment files"),
             "keys": translate("SyncFiles", "Key backups")}
    return f"{names[kind]} (*{extension(kind)})"


def suggested_name(name: str, kind: str, day: str = "") -> str:
    """A file name for the stick: the site's name, the date, the extension."""
    from mediator_desk.gui.printing import safe_file_name

    stem = safe_file_name("-".join(p for p in (name, day) if p))
    return stem + extension(kind)


class SyncAsk:
    """The modal questions of data exchange. Tests monkeypatch these class methods."""

    @classmethod
    def open_file(cls, parent: QWidget | None, title: str, kind: str) -> str:
        """A sync file to read ('' if cancelled)."""
        from mediator_desk.gui import files

        return files.open_file_name(parent, title, start_folder(kind), file_filter(kind),
                                    purpose=kind)

    @classmethod
    def save_file(cls, parent: QWidget | None, title: str, suggested: str, kind: str) -> str:
        """Where to write a sync file ('' if cancelled); a removable drive is offered first."""
        from mediator_desk.gui import files

        path = files.save_file_name(parent, title, str(Path(start_folder(kind)) / suggested),
                                    file_filter(kind), purpose=kind)
        if path and not path.lower().endswith(extension(kind)):
            path += extension(kind)
        return path

    @classmethod
    def passphrase(cls, parent: QWidget | None, title: str) -> str:
        """A new passphrase for a key backup, typed twice ('' if cancelled)."""
        dialog = PassphraseDialog(parent, title, confirm=True)
        return dialog.passphrase() if dialog.exec() == QDialog.DialogCode.Accepted else ""

    @classmethod
    def restore_options(cls, parent: QWidget | None) -> dict | None:
        """The passphrase of a key backup and how to restore it (None if cancelled)."""
        dialog = PassphraseDialog(parent, translate("SyncDialogs", "Restore keys"),
                                  confirm=False, restore=True)
        return dialog.options() if dialog.exec() == QDialog.DialogCode.Accepted else None

    @classmethod
    def choose_village(cls, parent: QWidget | None, villages: list[dict]) -> str:
        """One of ``villages`` (peer dicts); returns its site id, '' if cancelled."""
        labels = [f"{v['name']}（{v['fingerprint']}）" for v in villages]
        label, ok = QInputDialog.getItem(
            parent, translate("SyncDialogs", "Receipt for a village"),
            translate("SyncDialogs", "Which village is the receipt for?"), labels, 0, False)
        return villages[labels.index(label)]["site_id"] if ok and label in labels else ""


# --- progress and small helpers ---------------------------------------------------------

def run_long(parent: QWidget, op: Callable[[Any, Any], Any], label: str,
             on_success: Callable[[Any], None], on_failure=None, on_cancel=None):
    """``op(desk, progress)`` on the worker with a cancellable progress bar (gui/progress.py)."""
    from mediator_desk.gui.progress import run_with_progress

    return run_with_progress(parent, op, label, on_success, on_failure, on_cancel)


def counts_text(counts: dict) -> str:
    """The per-kind record counts of a manifest ("cases 3, parties 6 …") as one line."""
    from mediator_desk.sync.apply import TABLE_LABELS

    parts = []
    for name, c in counts.get("tables", {}).items():
        text = f"{TABLE_LABELS.get(name, name)} {c.get('upsert', 0)}"
        if c.get("delete"):
            text += translate("SyncDialogs", " ({n} deleted)").format(n=c["delete"])
        parts.append(text)
    records = LIST_SEPARATOR.join(parts) if parts else \
        translate("SyncDialogs", "no changed records")
    return translate("SyncDialogs", "{records}; {audit} log entries; {files} attached files") \
        .format(records=records, audit=counts.get("audit", 0), files=counts.get("files", 0))


def big_label(text: str = "", scale: float = 1.6) -> QLabel:
    """A large, selectable label (fingerprints are read aloud from it)."""
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 1.5)
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def local_time(utc_iso: str) -> str:
    from mediator_desk.core.clock import local_display

    try:
        return local_display(utc_iso)
    except ValueError:
        return utc_iso


def show_enrolment_result(parent: QWidget | None, res: ImportResult | None, own: dict | None,
                          error: BaseException | None = None) -> None:
    """Tell a village whom it now reports to, and both fingerprints to compare."""
    if error is not None:
        Messages.error(parent, error, translate(
            "SyncDialogs", "The enrolment file was not imported (import it later from the "
                           "Data exchange menu)"))
        return
    if not res:
        return
    text = translate("SyncDialogs", "This desk now reports to {office}.\n\n"
                     "The office's fingerprint: {office_fp}\nCompare it with the office's "
                     "screen.\n\nThis desk's fingerprint: {own_fp}\nThe office compares it "
                     "when it receives this desk's first data file.").format(
        office=res.sender["name"], office_fp=res.extra["fingerprint"],
        own_fp=(own or {}).get("fingerprint", ""))
    if res.status == "already":
        text = translate("SyncDialogs", "This enrolment file had already been imported; "
                         "nothing was changed.") + "\n\n" + text
    Messages.info(parent, text, translate("SyncDialogs", "Enrolled"))


# --- passphrase -----------------------------------------------------------------------------

class PassphraseDialog(QDialog):
    """A passphrase typed hidden (twice for a new backup); for a restore, also whether to
    replace this desk's keys or take over the backed-up site's identity (new computer)."""

    def __init__(self, parent: QWidget | None, title: str, *, confirm: bool,
                 restore: bool = False):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.confirm_needed = confirm
        self.general = error_label()
        self.errors = FieldErrors(self.general)
        intro = QLabel(self.tr(
            "The key backup is protected by this passphrase (at least 8 characters). Keep "
            "the passphrase apart from the backup file: whoever has both can act as this "
            "desk.") if confirm else self.tr("Type the passphrase of the key backup."))
        intro.setWordWrap(True)
        self.first = QLineEdit()
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.second = QLineEdit()
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        label = QLabel(self.tr("&Passphrase"))
        label.setBuddy(self.first)
        form.addRow(label, self.errors.wrap("passphrase", self.first))
        if confirm:
            again = QLabel(self.tr("&Again"))
            again.setBuddy(self.second)
            form.addRow(again, self.errors.wrap("again", self.second))
        else:
            self.second.hide()
        self.replace = QCheckBox(self.tr("&Replace this desk's existing keys"))
        self.adopt = QCheckBox(self.tr(
            "&Take over the backed-up site (a new computer replacing a lost one)"))
        for box in (self.replace, self.adopt):
            box.setVisible(restore)
            form.addRow("", box)
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(self.tr("OK"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def passphrase(self) -> str:
        return self.first.text()

    def options(self) -> dict:
        return {"passphrase": self.first.text(), "replace": self.replace.isChecked(),
                "adopt_identity": self.adopt.isChecked()}

    def accept(self) -> None:
        self.errors.clear_all()
        if not self.first.text():
            self.errors.show("passphrase", self.tr("Please type the passphrase"))
            return
        if self.confirm_needed:
            if len(self.first.text()) < MIN_PASSPHRASE:
                self.errors.show("passphrase", self.tr(
                    "The passphrase needs at least {n} characters").format(n=MIN_PASSPHRASE))
                return
            if self.second.text() != self.first.text():
                self.errors.show("again", self.tr("The two entries differ"))
                return
        super().accept()


# --- site information ---------------------------------------------------------------------

def _load_site(desk: Desk) -> dict:
    from mediator_desk import sync

    return sync.site_info(desk)


def _init_site(desk: Desk, role: str) -> dict:
    from mediator_desk import sync

    return sync.init_site(desk, role=role)


class SiteInfoDialog(QDialog):
    """This desk's identity for data exchange: name, role, site id, fingerprint, the sites
    it knows. A desk without keys yet is offered to set itself up here."""

    loaded = Signal(dict)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Site information"))
        self.info: dict = {}
        self.name = QLabel()
        self.role = QLabel()
        self.site_id = QLabel()
        self.site_id.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint = big_label()
        self.keys_dir = QLabel()
        self.keys_dir.setWordWrap(True)
        self.keys_dir.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Site number"), self.site_id)
        form.addRow(self.tr("Fingerprint"), self.fingerprint)
        form.addRow(self.tr("Keys folder"), self.keys_dir)
        hint = QLabel(self.tr(
            "Read the fingerprint aloud (or compare it on paper) when the office accepts this "
            "desk's first data file, or when a village checks the office's enrolment file."))
        hint.setWordWrap(True)
        set_role(hint, "hint")

        self.setup_box = QGroupBox(self.tr("Not yet set up for data exchange"))
        setup_layout = QHBoxLayout(self.setup_box)
        self.setup_role = QComboBox()
        fill_combo(self.setup_role, [("village", self.tr("Village (community) mediation committee")),
                                     ("office", self.tr("Township (street) judicial office"))])
        self.setup_button = QPushButton(self.tr("&Set up"))
        self.setup_button.clicked.connect(self.set_up)
        setup_layout.addWidget(self.setup_role, 1)
        setup_layout.addWidget(self.setup_button)
        self.setup_box.hide()

        self.peers = table([self.tr("Role"), self.tr("Name"), self.tr("Fingerprint"),
                            self.tr("Status")], stretch=1, wrap=False)
        buttons = QDialogButtonBox()
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.setup_box)
        layout.addWidget(QLabel(self.tr("Known sites")))
        layout.addWidget(self.peers, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 760, 560)
        self.reload()

    def reload(self) -> None:
        worker.run_op(self, _load_site, self._loaded)

    def _loaded(self, info: dict) -> None:
        self.info = info
        self.name.setText(info["name"] or self.tr("(no name)"))
        self.role.setText(info["role_label"])
        self.site_id.setText(info["site_id"])
        self.fingerprint.setText(info["fingerprint"] or self.tr("(no keys yet)"))
        self.keys_dir.setText(info["keys_dir"])
        self.setup_box.setVisible(not info["has_keys"])
        if info["role"]:
            self.setup_role.setCurrentIndex(max(0, self.setup_role.findData(info["role"])))
        fill_table(self.peers, [[p["role_label"], p["name"], p["fingerprint"], p["status_label"]]
                                for p in info["peers"]])
        self.loaded.emit(info)

    def set_up(self) -> None:
        role = self.setup_role.currentData()
        self.setup_button.setEnabled(False)

        def done(info):
            self.setup_button.setEnabled(True)
            self._loaded(info)

        def failed(exc):
            self.setup_button.setEnabled(True)
            Messages.error(self, exc)

        worker.run_op(self, lambda desk: _init_site(desk, role), done, failed,
                      label=self.tr("Making this desk's keys…"))


# --- villages (office) --------------------------------------------------------------------

def _load_villages(desk: Desk) -> list[dict]:
    from mediator_desk import sync

    last: dict[str, str] = {}
    for entry in sync.import_log(desk):
        if entry.get("kind") == "bundle" and entry.get("result") in ("applied", "conflicts"):
            last.setdefault(entry.get("sender", ""), entry.get("at", ""))
    villages = sync.list_peers(desk, "village")
    for v in villages:
        v["last_import"] = last.get(v["site_id"], "")
    return villages


def _revoke(desk: Desk, site_id: str) -> dict:
    from mediator_desk import sync

    return sync.revoke_site(desk, site_id)


class VillagesDialog(QDialog):
    """The villages this office knows: status, how far their data has arrived, receipts
    sent; export a receipt for one, or revoke one (its files are refused from then on)."""

    loaded = Signal(list)

    def __init__(self, parent: QWidget | None, on_receipt: Callable[[str], None]):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Villages"))
        self.on_receipt = on_receipt
        self.villages: list[dict] = []
        self.table = table([self.tr("Village"), self.tr("Fingerprint"), self.tr("Status"),
                            self.tr("Changes received up to"), self.tr("Receipts sent"),
                            self.tr("Last data imported")], stretch=5, wrap=False)
        self.table.itemSelectionChanged.connect(self._selection)
        self.receipt_button = QPushButton(self.tr("Export &receipt…"))
        self.revoke_button = QPushButton(self.tr("Re&voke…"))
        self.receipt_button.clicked.connect(self.export_receipt)
        self.revoke_button.clicked.connect(self.revoke)
        buttons = QHBoxLayout()
        buttons.addWidget(self.receipt_button)
        buttons.addWidget(self.revoke_button)
        buttons.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons.addWidget(close)
        note = QLabel(self.tr(
            "A village is accepted when the office imports its first data file and the "
            "fingerprints match. A revoked village's files are refused; its cases stay."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        fit_to_screen(self, 980, 480)
        self._selection()
        self.reload()

    def reload(self) -> None:
        worker.run_op(self, _load_villages, self._loaded)

    def _loaded(self, villages: list[dict]) -> None:
        self.villages = villages
        fill_table(self.table, [[v["name"], v["fingerprint"], v["status_label"],
                                 str(v["recv_seq"]), str(v["receipt_no"]),
                                 local_time(v["last_import"])] for v in villages],
                   [v["site_id"] for v in villages])
        if villages:
            self.table.selectRow(0)
        self._selection()
        self.loaded.emit(villages)

    def current(self) -> dict | None:
        row = self.table.currentRow()
        return self.villages[row] if 0 <= row < len(self.villages) else None

    def _selection(self) -> None:
        v = self.current()
        accepted = v is not None and v["status"] == "accepted"
        self.receipt_button.setEnabled(accepted)
        self.revoke_button.setEnabled(accepted)

    def export_receipt(self) -> None:
        v = self.current()
        if v is not None:
            self.on_receipt(v["site_id"])

    def revoke(self) -> None:
        v = self.current()
        if v is None or not Messages.confirm(self, self.tr(
                "Revoke {village}? Its files will be refused from now on; the cases already "
                "here stay. To take it back, accept its next file after comparing the "
                "fingerprint again.").format(village=v["name"]),
                yes=self.tr("Revoke"), no=self.tr("Cancel")):
            return
        site_id = v["site_id"]
        worker.run_op(self, lambda desk: _revoke(desk, site_id), lambda _p: self.reload())


# --- import log -----------------------------------------------------------------------------

def _load_log(desk: Desk) -> list[dict]:
    from mediator_desk import sync

    return sync.import_log(desk)


class ImportLogDialog(QDialog):
    """Every sync file this desk was given and what became of it (refused ones too)."""

    loaded = Signal(list)
    KINDS = ("bundle", "receipt", "enrolment")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import log"))
        self.kinds = {"bundle": self.tr("Village data"), "receipt": self.tr("Receipt"),
                      "enrolment": self.tr("Enrolment")}
        self.table = table([self.tr("Time"), self.tr("File"), self.tr("Kind"), self.tr("From"),
                            self.tr("Result"), self.tr("Message")], stretch=5, wrap=False)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        fit_to_screen(self, 1100, 520)
        worker.run_op(self, _load_log, self._loaded)

    def _loaded(self, rows: list[dict]) -> None:
        self.rows = rows
        fill_table(self.table, [[local_time(e.get("at", "")), e.get("file", ""),
                                 self.kinds.get(e.get("kind", ""), e.get("kind", "")),
                                 e.get("sender_name", ""), e.get("result_label", ""),
                                 e.get("message", "")] for e in rows])
        self.loaded.emit(rows)


# --- receipt (village) ----------------------------------------------------------------------

class ReceiptDialog(QDialog):
    """What a receipt from the office said: the acknowledgement and the office's comments,
    approvals and returned cases (double-click one to open the case)."""

    def __init__(self, parent: QWidget | None, result, open_case: Callable[[str], None]):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Receipt from the office"))
        self.import_result = result
        self.open_case = open_case
        messages = result.extra.get("messages", [])
        summary = QLabel(result.message)
        summary.setWordWrap(True)
        set_role(summary, "heading")
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        note = result.extra.get("note")
        if note:
            warn = QLabel(note)
            warn.setWordWrap(True)
            set_role(warn, "warning")
            layout.addWidget(warn)
        returned = [m for m in messages if m["kind"] == "return"]
        if returned:
            back = QLabel(self.tr("Returned for correction: {cases}").format(
                cases="、".join(m["case_no"] for m in returned)))
            back.setWordWrap(True)
            set_role(back, "error")
            layout.addWidget(back)
        self.messages = table([self.tr("Case number"), self.tr("Kind"), self.tr("Opinion"),
                               self.tr("Reviewer"), self.tr("Date")], stretch=2, wrap=False)
        self.messages.setWordWrap(True)
        fill_table(self.messages, [[m["case_no"], m["kind_label"], m["text"], m["reviewer"],
                                    m["reviewed_on"]] for m in messages],
                   [m["case_id"] for m in messages])
        self.messages.resizeRowsToContents()
        self.messages.doubleClicked.connect(self._open)
        if messages:
            layout.addWidget(QLabel(self.tr("What the office said (double-click to open the "
                                            "case):")))
            layout.addWidget(self.messages, 1)
        else:
            self.messages.hide()
            layout.addWidget(QLabel(self.tr("No comments from the office this time.")))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        fit_to_screen(self, 900, 460)

    def texts(self) -> list[str]:
        """The office's messages as shown (for tests)."""
        return [cell(self.messages, r, 2).text() for r in range(self.messages.rowCount())]

    def _open(self, index) -> None:
        item = self.messages.item(index.row(), 0)
        if item is not None:
            self.open_case(item.data(Qt.ItemDataRole.UserRole))
