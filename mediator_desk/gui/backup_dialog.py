"""Settings → Backup and restore, and the automatic backups (core/backup.py).

:class:`BackupDialog` lists the backups (date, kind, size, cases, verified, where), makes one
now, verifies one, restores one after a confirmation, and sets the second folder (a USB stick)
and after how many days without a copy there to remind. Everything runs on the worker; making,
verifying and restoring show a cancellable progress bar (gui/progress.py).

A restore replaces the database file, so nothing may hold it: the case windows are closed
first (each may refuse, e.g. with unsaved edits, and the restore does not start), then the
worker runs ``desk.backups.restore``, which closes the Desk's connection, replaces the file and
opens the restored one in the same Desk; every table then counts as changed, so the main
window reads everything again.

:class:`AutoBackup` (installed on the main window by ``gui.app.run``, not in tests) makes a
``daily`` backup when the newest is a day old (checked two minutes after start, then hourly)
and a ``close`` backup when the window closes after something was written; the daily one shows
its progress in the status bar, the one on closing a progress dialog (Cancel closes without).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import logging

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFormLayout,
                               QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QSpinBox, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from mediator_desk.core.file_sizes import size_text
from mediator_desk.gui import worker
from mediator_desk.gui.forms import ALERT_STYLE, error_label, fit_to_screen
from mediator_desk.gui.messages import Messages

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk
    from mediator_desk.gui.progress import ProgressDialog

log = logging.getLogger(__name__)

FIRST_CHECK_MS = 2 * 60 * 1000
CHECK_EVERY_MS = 60 * 60 * 1000


def _load(desk: Desk) -> dict:
    return {"backups": desk.backups.list(), "settings": desk.backups.settings(),
            "reminder": desk.backups.reminder()}


class BackupAsk:
    """Choosing a folder, behind a class method so tests replace it."""

    @classmethod
    def folder(cls, parent: QWidget | None, title: str) -> str:
        from mediator_desk.gui import files, sync_dialogs

        return files.existing_folder(parent, title, sync_dialogs.start_folder("backup"),
                                     purpose="backup")


class BackupDialog(QDialog):
    """The list of backups with Back up now, Verify, Restore, and the backup settings."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Backup and restore"))
        self.backups: list[dict] = []
        self.values: dict = {}
        self.loading = True
        self.progress: ProgressDialog | None = None     # the running operation's progress bar
        self.last_result: dict | None = None

        self.where = QLabel()
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reminder = QLabel()
        self.reminder.setWordWrap(True)
        self.reminder.setStyleSheet(ALERT_STYLE)
        self.reminder.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)

        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([
            self.tr("Made on"), self.tr("Kind"), self.tr("Size"), self.tr("Cases"),
            self.tr("Verified"), self.tr("Where")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._enable)
        self.table.doubleClicked.connect(lambda _i: self.verify_selected())

        self.create_button = QPushButton(self.tr("Back up &now"))
        self.create_button.clicked.connect(self.create_now)
        self.verify_button = QPushButton(self.tr("&Verify"))
        self.verify_button.clicked.connect(self.verify_selected)
        self.restore_button = QPushButton(self.tr("&Restore…"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.open_button = QPushButton(self.tr("Restore from a &folder…"))
        self.open_button.setToolTip(self.tr(
            "Restore a backup kept elsewhere, e.g. on a USB stick (choose its folder)"))
        self.open_button.clicked.connect(self.restore_from_folder)
        actions = QHBoxLayout()
        for b in (self.create_button, self.verify_button, self.restore_button, self.open_button):
            actions.addWidget(b)
        actions.addStretch(1)

        self.second_folder = QLineEdit()
        self.second_folder.setReadOnly(True)
        self.second_folder.setPlaceholderText(self.tr("not set"))
        self.choose_button = QPushButton(self.tr("&Choose…"))
        self.choose_button.clicked.connect(self.choose_folder)
        self.clear_button = QPushButton(self.tr("Do&n't copy"))
        self.clear_button.clicked.connect(lambda: self.second_folder.setText(""))
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.second_folder, 1)
        folder_row.addWidget(self.choose_button)
        folder_row.addWidget(self.clear_button)
        self.reminder_days = QSpinBox()
        self.reminder_days.setRange(1, 365)
        self.reminder_days.setSuffix(self.tr(" days"))
        self.save_button = QPushButton(self.tr("&Save settings"))
        self.save_button.clicked.connect(self.save_settings)
        self.settings_error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("Second folder (USB stick):"), folder_row)
        form.addRow(self.tr("Remind me after:"), self.reminder_days)
        form.addRow("", self.settings_error)
        form.addRow("", self.save_button)
        second = QGroupBox(self.tr("A second copy"))
        second_layout = QVBoxLayout(second)
        explain = QLabel(self.tr(
            "Each backup is also copied to this folder when it is available — a USB stick kept "
            "away from this computer protects the records if the disk fails."))
        explain.setWordWrap(True)
        second_layout.addWidget(explain)
        second_layout.addLayout(form)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.where)
        layout.addWidget(self.reminder)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        layout.addWidget(second)
        layout.addWidget(buttons)
        fit_to_screen(self, 900, 640)
        self._enable()
        self.reload()

    # --- reading ------------------------------------------------------------------------
    def reload(self) -> None:
        self.loading = True
        self._enable()
        worker.run_op(self, _load, self._loaded, self._failed)

    def _loaded(self, data: dict) -> None:
        self.loading = False
        self.backups = data["backups"]
        self.values = data["settings"]
        self.where.setText(self.tr("Backups are kept in {folder}. One is made automatically "
                                   "every day and when the program closes.").format(
            folder=self.values["root"]))
        self.reminder.setText(data["reminder"])
        self.reminder.setVisible(bool(data["reminder"]))
        self.second_folder.setText(self.values["second_folder"])
        self.reminder_days.setValue(int(self.values["reminder_days"]))
        kinds = {"manual": self.tr("made by hand"), "daily": self.tr("daily"),
                 "close": self.tr("on closing"), "migration": self.tr("before an upgrade"),
                 "restore": self.tr("before a restore"),
                 "damaged": self.tr("damaged database kept before a restore")}
        self.table.setRowCount(len(self.backups))
        for r, b in enumerate(self.backups):
            if b["verified"]:
                checked = self.tr("yes")
            elif b["verified_at"]:
                checked = self.tr("FAILED")
            else:
                checked = self.tr("no")
            where = self.tr("this computer") if b["place"] == "here" else self.tr("second folder")
            cells = [b["created_local"], kinds.get(b["kind"], b["kind"]), size_text(b["size"]),
                     str(b["cases"]), checked, where]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 0:
                    item.setData(Qt.ItemDataRole.UserRole, b["path"])
                if c in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        if self.backups and not self.table.selectedItems():
            self.table.selectRow(0)
        self._enable()

    def _failed(self, exc) -> None:
        self.loading = False
        self._enable()
        Messages.error(self, exc)

    def selected(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        row = rows[0].row()
        return self.backups[row] if 0 <= row < len(self.backups) else None

    def _enable(self) -> None:
        busy = self.loading or self.progress is not None
        chosen = self.selected()
        self.create_button.setEnabled(not busy)
        self.verify_button.setEnabled(not busy and chosen is not None
                                      and chosen["kind"] != "damaged")
        self.restore_button.setEnabled(not busy and chosen is not None
                                       and chosen["kind"] != "damaged")
        self.open_button.setEnabled(not busy)
        self.save_button.setEnabled(not busy)

    # --- long operations ----------------------------------------------------------------
    def _run(self, op, label: str, on_success, on_failure=None) -> None:
        from mediator_desk.gui.progress import run_with_progress

        def done(result) -> None:
            self.progress = None
            self._enable()
            on_success(result)

        def failed(exc) -> None:
            self.progress = None
            self._enable()
            (on_failure or (lambda e: Messages.error(self, e)))(exc)

        def cancelled() -> None:
            self.progress = None
            self._enable()
            self.status.setText(self.tr("Cancelled; nothing was changed."))

        self.progress = run_with_progress(self, op, label, done, failed, cancelled)
        self._enable()

    def create_now(self) -> None:
        self.status.setText("")
        self._run(lambda desk, p: desk.backups.create(kind="manual", progress=p),
                  self.tr("Backing up the database, attachments and keys…"), self._created)

    def _created(self, res: dict) -> None:
        self.last_result = res
        text = self.tr("Backup made and verified: {when} ({cases} cases, {size}).").format(
            when=res["created_local"], cases=res["cases"], size=size_text(res["size"]))
        note = res.get("second", {}).get("message", "")
        self.status.setText(text + ("\n" + note if note else ""))
        self.reload()

    def verify_selected(self) -> None:
        chosen = self.selected()
        if chosen is None or chosen["kind"] == "damaged" or self.progress is not None:
            return
        path = chosen["path"]
        self._run(lambda desk, p: desk.backups.verify(path, progress=p),
                  self.tr("Checking the backup…"), self._verified)

    def _verified(self, res: dict) -> None:
        self.last_result = res
        if res["ok"]:
            self.status.setText(self.tr("The backup of {when} is complete and intact "
                                        "({cases} cases).").format(
                when=res["created_local"], cases=res["cases"]))
        else:
            self.status.setText(self.tr("The backup of {when} is damaged: {problems}").format(
                when=res["created_local"], problems="；".join(res["problems"])))
            Messages.error(self, self.status.text())
        self.reload()

    # --- restore ------------------------------------------------------------------------
    def restore_selected(self) -> None:
        chosen = self.selected()
        if chosen is None or chosen["kind"] == "damaged" or self.progress is not None:
            return
        self.restore(chosen["path"], chosen["created_local"], chosen["cases"])

    def restore_from_folder(self) -> None:
        folder = BackupAsk.folder(self, self.tr("Choose the folder of a backup"))
        if folder:
            self.restore(folder, "", None)

    def restore(self, path: str, when: str, cases: int | None) -> None:
        """Confirm, close the case windows, then restore on the worker."""
        if when:
            question = self.tr(
                "Restore the backup of {when} ({cases} cases)?\n\nThe database as it is now is "
                "kept as a backup first. Whatever was entered after {when} will no longer be "
                "in the database.").format(when=when, cases=cases)
        else:
            question = self.tr(
                "Restore the backup in {folder}?\n\nThe database as it is now is kept as a "
                "backup first.").format(folder=path)
        if not Messages.confirm(self, question, self.tr("Restore a backup"),
                                yes=self.tr("Restore"), no=self.tr("Cancel")):
            return
        if not self._close_case_windows():
            self.status.setText(self.tr("Close the open cases first (save or discard their "
                                        "changes), then restore again."))
            return
        self._restore(path, other_site=False)

    def _close_case_windows(self) -> bool:
        window = self.parent()
        windows = list(getattr(window, "case_windows", {}).values()) + \
            [getattr(window, "new_case_window", None)]
        for w in windows:
            if w is not None and not w.close():
                return False
        return True

    def _restore(self, path: str, *, other_site: bool) -> None:
        from mediator_desk.core.backup import OtherSiteBackup

        def failed(exc) -> None:
            if isinstance(exc, OtherSiteBackup) and not other_site:
                if Messages.confirm(self, self.tr(
                        "This backup belongs to another site (another committee's or office's "
                        "installation). Replace ALL the data of this site with it?"),
                        self.tr("Restore a backup"), yes=self.tr("Replace"),
                        no=self.tr("Cancel")):
                    self._restore(path, other_site=True)
                return
            Messages.error(self, exc)

        self._run(lambda desk, p: desk.backups.restore(path, other_site=other_site, progress=p),
                  self.tr("Restoring the backup…"), self._restored, failed)

    def _restored(self, res: dict) -> None:
        self.last_result = res
        text = self.tr("The backup was restored ({cases} cases).").format(cases=res["cases"])
        if res["kept"]:
            text += "\n" + self.tr("The database as it was before is kept as the backup "
                                   "{name}.").format(name=res["kept"])
        if res["migrated_from"]:
            text += "\n" + self.tr("The backup was made by an older version; the restored "
                                   "database was upgraded (the backup itself is unchanged).")
        if res["files_missing"]:
            text += "\n" + self.tr("{n} attachment files were not in the backup.").format(
                n=res["files_missing"])
        self.status.setText(text)
        Messages.info(self, text, self.tr("Backup restored"))
        self.reload()

    # --- settings -----------------------------------------------------------------------
    def choose_folder(self) -> None:
        folder = BackupAsk.folder(self, self.tr("Choose the second backup folder"))
        if folder:
            self.second_folder.setText(folder)

    def save_settings(self) -> None:
        folder, days = self.second_folder.text(), self.reminder_days.value()
        self.settings_error.setText("")
        worker.run_op(self, lambda desk: desk.backups.set_settings(second_folder=folder,
                                                                   reminder_days=days),
                      self._saved, lambda exc: self.settings_error.setText(str(exc)))

    def _saved(self, values: dict) -> None:
        self.status.setText(self.tr("Backup settings saved."))
        self.reload()


class AutoBackup(QObject):
    """A daily backup while the window is open and one when it closes (see the module)."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.written = False          # something was written since our last backup
        self.due = False              # the newest backup is a day old (last check)
        self.running = False
        self.closing = False          # our close backup is done: let the window close
        self.waiting = False          # a close is waiting for a backup
        self.reminded = False
        worker.changes_signal().connect(self._changed)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        QTimer.singleShot(FIRST_CHECK_MS, self, self.check)
        window.installEventFilter(self)

    def _changed(self, changes) -> None:
        if changes:
            self.written = True

    def check(self) -> None:
        """Ask the worker whether a backup is due; make one if so (not once the window has
        closed: the pending first check of a closed window would find no worker)."""
        if self.running or not self.window.isVisible():
            return
        worker.run_op(self.window, lambda desk: (desk.backups.due(), desk.backups.reminder()),
                      self._checked, lambda exc: log.warning("backup check failed: %s", exc))

    def _checked(self, answer) -> None:
        self.due, reminder = answer
        if reminder and not self.reminded:
            self.reminded = True
            Messages.info(self.window, reminder, self.tr("Backup reminder"))
        if self.due and not self.running:
            self.start("daily")

    def start(self, kind: str) -> None:
        """A backup in the background, its progress in the status bar."""
        from mediator_desk.gui.progress import ProgressBridge

        self.running = True
        self.written = False
        bridge = ProgressBridge(self)
        bar = self.window.statusBar()

        def moved(*_a) -> None:
            done, total = bridge.last
            if total:
                bar.showMessage(self.tr("Backing up… {pct}%").format(pct=100 * done // total))

        bridge.progressed.connect(moved, Qt.ConnectionType.QueuedConnection)
        bar.showMessage(self.tr("Backing up…"))
        worker.run_op(self.window, lambda desk: desk.backups.create(kind=kind, progress=bridge),
                      self._done, self._failed, busy_dialog=False)

    def _done(self, res: dict) -> None:
        self.running = False
        self.due = False
        note = res.get("second", {}).get("message", "")
        self.window.statusBar().showMessage(
            self.tr("Backup made at {when}.").format(when=res["created_local"])
            + (" " + note if note else ""), 15000)

    def _failed(self, exc) -> None:
        self.running = False
        self.written = True
        self.window.statusBar().showMessage(self.tr("The automatic backup failed: {error}")
                                            .format(error=str(exc)), 30000)
        log.warning("automatic backup failed: %s", exc)

    # --- on closing ---------------------------------------------------------------------
    def eventFilter(self, obj, event) -> bool:
        if obj is self.window and event.type() == QEvent.Type.Close and not self.closing:
            if not (self.running or self.written or self.due):
                return False                 # nothing new since the last backup
            event.ignore()
            if not self.waiting:
                self.waiting = True
                self._close_backup()
            return True
        return super().eventFilter(obj, event)

    def _close_backup(self) -> None:
        from mediator_desk.gui.progress import run_with_progress

        def finish(*_a) -> None:
            self.closing = True
            self.waiting = False
            self.window.close()
            # The window may still refuse (a case with unsaved edits): back up again next time.
            QTimer.singleShot(0, self, self._after_close)

        def failed(exc) -> None:
            Messages.error(self.window, exc)
            finish()

        if self.running:          # the daily backup is under way: close when it is done
            self.timer.stop()
            QTimer.singleShot(200, self, lambda: self._close_backup() if self.running
                              else finish())
            return
        self.running = True
        self.written = False
        run_with_progress(self.window,
                          lambda desk, p: desk.backups.create(kind="close", progress=p),
                          self.tr("Backing up before closing…"), finish, failed, finish)

    def _after_close(self) -> None:
        self.running = False
        if self.window.isVisible():
            self.closing = False
            self.timer.start()


def install_auto(window) -> AutoBackup:
    """Automatic backups for the main window of the running application."""
    window.auto_backup = AutoBackup(window)
    return window.auto_backup
