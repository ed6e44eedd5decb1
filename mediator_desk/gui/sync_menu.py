"""The "Data exchange" menu of the main window: files on a USB stick between a
village committee and its township office.

Village: import the office's enrolment file, export data for the office, import a receipt.
Office: export the enrolment file, import a village's data (gui/bundle_import.py), export a
receipt for a village, the villages, conflicts (gui/conflicts_dialog.py), the import log.
Both: site information (fingerprint), back up and restore the keys.

The actions shown follow the desk's role (``DeskContext.site_role``, refreshed with the
context). :func:`install_tab` adds the "Office review" tab (gui/reviews_tab.py) to case
windows; :func:`install` adds the menu. The sync layer is imported on first use only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from datetime import date

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog

from mediator_desk.gui import worker
from mediator_desk.gui.messages import Messages

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk
    from mediator_desk.gui.main_window import MainWindow


def install_tab() -> None:
    """Add the "Office review" tab to every case window opened from now on."""
    from mediator_desk.gui import case_tabs

    case_tabs.register(_reviews_tab)


def _reviews_tab(window):
    from mediator_desk.gui.reviews_tab import reviews_tab_factory

    return reviews_tab_factory(window)


def install(window: MainWindow) -> "SyncMenu":
    """Add the "Data exchange" menu to ``window`` (kept as ``window.sync``)."""
    menu = SyncMenu(window)
    window.sync = menu
    return menu


# --- worker operations (the sync layer is imported when first used) -------------------------

def _sync():
    from mediator_desk import sync

    return sync


def _enrolment_check(desk: Desk, path: str) -> dict:
    sync = _sync()
    info = sync.inspect_file(path)
    offices = [p for p in sync.list_peers(desk, "office") if p["status"] == "accepted"]
    return {"info": info, "offices": offices}


def _import_enrolment(desk: Desk, path: str, replace: bool):
    sync = _sync()
    res = sync.import_enrolment(desk, path, replace=replace)
    return res, sync.site_info(desk)


class SyncMenu(QObject):
    """The menu, its actions, and what each action does."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.last_dialog: QDialog | None = None     # the dialog opened last (tests drive it)
        self.menu = window.menuBar().addMenu(self.tr("Data e&xchange"))
        add = self._action
        # village
        self.import_enrolment_action = add(self.tr("Import the office's &enrolment file…"),
                                           self.import_enrolment)
        self.export_bundle_action = add(self.tr("&Export data for the office…"),
                                        self.export_bundle)
        self.import_receipt_action = add(self.tr("Import a &receipt from the office…"),
                                         self.import_receipt)
        # office
        self.import_bundle_action = add(self.tr("&Import a village's data…"),
                                        self.import_bundle)
        self.export_receipt_action = add(self.tr("Export a &receipt for a village…"),
                                         self.export_receipt)
        self.conflicts_action = add(self.tr("&Conflicts…"), self.show_conflicts)
        self.villages_action = add(self.tr("&Villages…"), self.show_villages)
        self.import_log_action = add(self.tr("Import &log…"), self.show_import_log)
        self.export_enrolment_action = add(self.tr("Export the enrolment file for "
                                                   "&villages…"), self.export_enrolment)
        self.menu.addSeparator()
        # both
        self.site_info_action = add(self.tr("&Site information…"), self.show_site_info)
        self.backup_keys_action = add(self.tr("&Back up keys…"), self.backup_keys)
        self.restore_keys_action = add(self.tr("Res&tore keys…"), self.restore_keys)
        self.village_actions = [self.import_enrolment_action, self.export_bundle_action,
                                self.import_receipt_action]
        self.office_actions = [self.import_bundle_action, self.export_receipt_action,
                               self.conflicts_action, self.villages_action,
                               self.import_log_action, self.export_enrolment_action]
        window.contextLoaded.connect(lambda ctx: self.show_role(ctx.site_role))
        self.show_role(window.context.site_role)

    def _action(self, text: str, slot) -> QAction:
        action = QAction(text, self.window)
        action.triggered.connect(lambda _checked=False: slot())
        self.menu.addAction(action)
        return action

    def show_role(self, role: str) -> None:
        """Show the actions of this desk's role (village, office, or none yet)."""
        for a in self.village_actions:
            a.setVisible(role == "village")
        for a in self.office_actions:
            a.setVisible(role == "office")
        # the import log is useful to a village too (refused receipts)
        self.import_log_action.setVisible(bool(role))

    @property
    def site_name(self) -> str:
        return self.window.context.committee_name

    def _open(self, dialog: QDialog) -> QDialog:
        self.last_dialog = dialog
        dialog.open()
        return dialog

    # --- village ---------------------------------------------------------------------------
    def import_enrolment(self) -> None:
        from mediator_desk.gui.sync_dialogs import SyncAsk

        path = SyncAsk.open_file(self.window, self.tr("The office's enrolment file"),
                                 "enrolment")
        if path:
            worker.run_op(self.window, lambda desk: _enrolment_check(desk, path),
                          lambda found: self._enrolment_checked(path, found))

    def _enrolment_checked(self, path: str, found: dict) -> None:
        sender = found["info"]["manifest"]["sender"]
        replace = False
        for office in found["offices"]:
            if office["site_id"] != sender["site_id"] or \
                    office["fingerprint"] != found["info"]["fingerprint"]:
                if not Messages.confirm(self.window, self.tr(
                        "This desk reports to {current} (fingerprint {current_fp}). Report to "
                        "{new} (fingerprint {new_fp}) from now on instead?").format(
                        current=office["name"], current_fp=office["fingerprint"],
                        new=sender["name"], new_fp=found["info"]["fingerprint"]),
                        yes=self.tr("Replace"), no=self.tr("Cancel")):
                    return
                replace = True
        worker.run_op(self.window, lambda desk: _import_enrolment(desk, path, replace),
                      self._enrolled, label=self.tr("Importing the enrolment file…"))

    def _enrolled(self, done) -> None:
        from mediator_desk.gui.sync_dialogs import show_enrolment_result

        res, info = done
        show_enrolment_result(self.window, res, info)

    def export_bundle(self) -> None:
        """Write everything the office has not acknowledged to a file (a USB stick)."""
        from mediator_desk.gui.sync_dialogs import SyncAsk, run_long, suggested_name

        path = SyncAsk.save_file(self.window, self.tr("Save the data for the office"),
                                 suggested_name(self.site_name, "bundle",
                                                date.today().strftime("%Y%m%d")), "bundle")
        if not path:
            return
        run_long(self.window, lambda desk, progress: _sync().export_bundle(
            desk, path, progress=progress), self.tr("Writing the data file…"),
            self._bundle_exported)

    def _bundle_exported(self, res: dict) -> None:
        from mediator_desk.gui.sync_dialogs import counts_text

        self.last_export = res
        Messages.info(self.window, self.tr(
            "Saved {path} for {office}.\n\nIt holds: {contents}.\n\nTake it to the township "
            "office. Everything the office has not yet acknowledged is sent again next time, "
            "so a lost stick loses nothing.").format(
            path=res["path"], office=res["receiver"]["name"], contents=counts_text(res["counts"])),
            self.tr("Data exported"))

    def import_receipt(self) -> None:
        from mediator_desk.gui.sync_dialogs import SyncAsk

        path = SyncAsk.open_file(self.window, self.tr("A receipt from the office"), "receipt")
        if path:
            worker.run_op(self.window, lambda desk: _sync().import_receipt(desk, path),
                          self._receipt_imported, label=self.tr("Importing the receipt…"))

    def _receipt_imported(self, result) -> None:
        from mediator_desk.gui.sync_dialogs import ReceiptDialog

        # not modal: a case opened from it (double click) must be usable while it stays open
        dialog = ReceiptDialog(self.window, result, self.window.open_case)
        self.last_dialog = dialog
        dialog.setModal(False)
        dialog.show()

    # --- office ----------------------------------------------------------------------------
    def export_enrolment(self) -> None:
        from mediator_desk.gui.sync_dialogs import SyncAsk, suggested_name

        path = SyncAsk.save_file(self.window, self.tr("Save the enrolment file for villages"),
                                 suggested_name(self.site_name, "enrolment"), "enrolment")
        if path:
            worker.run_op(self.window, lambda desk: _sync().export_enrolment(desk, path),
                          self._enrolment_exported)

    def _enrolment_exported(self, res: dict) -> None:
        Messages.info(self.window, self.tr(
            "Saved {path}.\n\nGive it to each village (on a USB stick). This office's "
            "fingerprint is {fp}: villages compare it with their screen after importing the "
            "file.").format(path=res["path"], fp=res["fingerprint"]),
            self.tr("Enrolment file exported"))

    def import_bundle(self) -> QDialog | None:
        """Choose a village's file, then inspect → accept → preview → apply in a dialog."""
        from mediator_desk.gui.bundle_import import BundleImportDialog
        from mediator_desk.gui.sync_dialogs import SyncAsk

        path = SyncAsk.open_file(self.window, self.tr("A village's data file"), "bundle")
        if not path:
            return None
        dialog = BundleImportDialog(path, self.window, on_conflicts=self.show_conflicts)
        self._open(dialog)
        dialog.start()
        return dialog

    def export_receipt(self, site_id: str | None = None) -> None:
        """Choose a village (unless given), then where to save its receipt."""
        if site_id:
            self._receipt_for(site_id)
            return
        worker.run_op(self.window, lambda desk: _sync().list_peers(desk, "village"),
                      self._choose_village)

    def _choose_village(self, villages: list[dict]) -> None:
        from mediator_desk.gui.sync_dialogs import SyncAsk

        villages = [v for v in villages if v["status"] == "accepted"]
        if not villages:
            Messages.info(self.window, self.tr(
                "No village has been accepted yet: import a village's data first."))
            return
        site_id = SyncAsk.choose_village(self.window, villages)
        if site_id:
            self._receipt_for(site_id, {v["site_id"]: v for v in villages}.get(site_id))

    def _receipt_for(self, site_id: str, village: dict | None = None) -> None:
        from mediator_desk.gui.sync_dialogs import SyncAsk, run_long, suggested_name

        name = (village or {}).get("name", "")
        path = SyncAsk.save_file(self.window, self.tr("Save the receipt for {village}").format(
            village=name), suggested_name(name, "receipt", date.today().strftime("%Y%m%d")),
            "receipt")
        if not path:
            return
        run_long(self.window, lambda desk, progress: _sync().export_receipt(
            desk, path, to=site_id, progress=progress), self.tr("Writing the receipt…"),
            self._receipt_exported)

    def _receipt_exported(self, res: dict) -> None:
        self.last_export = res
        rc = res["receipt"]
        Messages.info(self.window, self.tr(
            "Saved receipt No. {no} for {village}: {path}.\n\nIt acknowledges the village's "
            "changes up to number {seq} and carries the office's comments, approvals and "
            "returns of its cases.").format(no=rc["receipt_no"], village=res["receiver"]["name"],
                                             path=res["path"], seq=rc["acked_seq"]),
            self.tr("Receipt exported"))

    def show_villages(self) -> QDialog:
        from mediator_desk.gui.sync_dialogs import VillagesDialog

        return self._open(VillagesDialog(self.window, self.export_receipt))

    def show_conflicts(self) -> QDialog:
        from mediator_desk.gui.conflicts_dialog import ConflictsDialog

        return self._open(ConflictsDialog(self.window))

    def show_import_log(self) -> QDialog:
        from mediator_desk.gui.sync_dialogs import ImportLogDialog

        return self._open(ImportLogDialog(self.window))

    # --- both ------------------------------------------------------------------------------
    def show_site_info(self) -> QDialog:
        from mediator_desk.gui.sync_dialogs import SiteInfoDialog

        return self._open(SiteInfoDialog(self.window))

    def backup_keys(self) -> None:
        from mediator_desk.gui.sync_dialogs import SyncAsk, suggested_name

        path = SyncAsk.save_file(self.window, self.tr("Save the key backup"),
                                 suggested_name(self.site_name, "keys"), "keys")
        if not path:
            return
        passphrase = SyncAsk.passphrase(self.window, self.tr("Passphrase for the key backup"))
        if not passphrase:
            return
        # scrypt is slow by design: in the worker, with the busy dialog
        worker.run_op(self.window, lambda desk: _sync().backup_keys(desk, path, passphrase),
                      lambda p: Messages.info(self.window, self.tr(
                          "The keys are backed up to {path}. Keep the passphrase apart from "
                          "the file.").format(path=p), self.tr("Keys backed up")),
                      label=self.tr("Backing up the keys…"))

    def restore_keys(self) -> None:
        from mediator_desk.gui.sync_dialogs import SyncAsk

        path = SyncAsk.open_file(self.window, self.tr("A key backup"), "keys")
        if not path:
            return
        options = SyncAsk.restore_options(self.window)
        if not options:
            return
        worker.run_op(self.window, lambda desk: _sync().restore_keys(desk, path, **options),
                      lambda info: Messages.info(self.window, self.tr(
                          "Keys restored: {name} ({role}), fingerprint {fp}.").format(
                          name=info["name"], role=info["role_label"], fp=info["fingerprint"]),
                          self.tr("Keys restored")),
                      label=self.tr("Restoring the keys…"))
