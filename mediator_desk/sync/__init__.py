"""Sync between village committees and their township office, by files on a USB stick. No Qt.

The public API (each function takes an open ``Desk``; long ones take a ``progress`` object as
in core/progress.py — ``update(done, total)`` and ``cancelled`` — so the GUI can show a bar and
a Cancel button; a cancelled import rolls back):

Site and keys (sync/sites.py, sync/keys.py)
    site_info(desk) · init_site(desk, role=, name=) · list_peers(desk, role=None)
    accept_site(desk, bundle_path, fingerprint) · revoke_site(desk, site)
    backup_keys(desk, path, passphrase) · restore_keys(desk, path, passphrase, replace=False)
Enrolment (sync/enrolment.py)
    export_enrolment(desk, path) · import_enrolment(desk, path, replace=False)
Bundles (sync/bundles.py)
    export_bundle(desk, path, to=None, full=False, progress=None)
    inspect_file(path, desk=None) → manifest, can_import, reasons, fingerprint
    import_bundle(desk, path, dry_run=False, accept_fingerprint=None, progress=None)
Receipts (sync/receipts.py)
    export_receipt(desk, path, to=, progress=None) · import_receipt(desk, path, dry_run=False)
Conflicts and log
    list_conflicts(desk) · resolve_conflict(desk, id, keep=, values=None) · import_log(desk)
Office reviews are core: ``desk.reviews.add(case_id, kind=, text=)``, ``desk.reviews.list()``.

Every refusal is a ``DeskError`` (``BundleRefused`` for bad files) with a Chinese message, and
changes nothing in the database. docs/sync-format.md specifies the file format.
"""

from __future__ import annotations

from mediator_desk.sync.bundles import ImportResult, export_bundle, import_bundle, inspect_file
from mediator_desk.sync.conflicts import list_conflicts, resolve_conflict
from mediator_desk.sync.container import EXTENSIONS, BundleRefused, Limits, read_container
from mediator_desk.sync.enrolment import export_enrolment, import_enrolment
from mediator_desk.sync.keys import backup_keys
from mediator_desk.sync.log import import_log
from mediator_desk.sync.receipts import export_receipt, import_receipt
from mediator_desk.sync.sites import ROLES, init_site, list_peers, site_info, site_role

__all__ = [
    "BundleRefused", "EXTENSIONS", "ImportResult", "Limits", "ROLES", "accept_site",
    "backup_keys", "export_bundle", "export_enrolment", "export_receipt", "import_bundle",
    "import_enrolment", "import_log", "import_receipt", "init_site", "inspect_file",
    "list_conflicts", "list_peers", "read_container", "resolve_conflict", "restore_keys",
    "revoke_site", "site_info", "site_role",
]


def accept_site(desk, bundle_path, fingerprint: str) -> dict:
    """Accept the village that signed ``bundle_path`` if ``fingerprint`` matches its key
    (office only). The bundle itself is not imported."""
    from mediator_desk.sync.sites import accept_village

    container = read_container(bundle_path, expect_kind="bundle")
    return accept_village(desk, container.manifest["sender"], fingerprint)


def revoke_site(desk, site: str) -> dict:
    """Revoke a village (by id, id prefix, name or fingerprint): its files are refused."""
    from mediator_desk.sync.sites import revoke

    return revoke(desk, site)


def restore_keys(desk, path, passphrase: str, *, replace: bool = False,
                 adopt_identity: bool = False) -> dict:
    """Restore this site's keys from a backup file (see sync/keys.py).

    The backup must belong to this database's site. ``adopt_identity`` lets a NEW, empty
    install take over the backed-up site id (an office replacing a lost machine): allowed only
    while this database holds no records of its own beyond its setup and has exchanged nothing.
    """
    from mediator_desk.sync import keys as keymod

    body = keymod.read_backup(path, passphrase)
    if body["site_id"] != desk.site_id:
        if not adopt_identity:
            from mediator_desk.errors import DeskError

            raise DeskError(f"备份属于另一个站点（{body['site_id'][:8]}），不是本数据库的站点"
                            f"（{desk.site_id[:8]}）",
                            hint="在新安装的电脑上恢复时请使用“接管站点身份”选项（--adopt-identity）")
        _adopt_identity(desk, body["site_id"])
    keymod.install_keys(desk, body["keys"], replace=replace or adopt_identity)
    with desk.transaction():
        if body.get("role") in ROLES:
            desk.settings.set("site_role", body["role"])
        if body.get("name"):
            desk.settings.set("site_name", body["name"])
        desk.records.audit("key_restore", details={"site_id": body["site_id"]})
    return site_info(desk)


def _adopt_identity(desk, new_site: str) -> None:
    """Give this (new) install the site id of the backup (core ``Desk.adopt_site_id``: its
    own records move with it), if it has no cases and has exchanged nothing."""
    from mediator_desk.errors import DeskError

    used = desk.scalar("SELECT count(*) FROM sync_sites") + desk.scalar(
        "SELECT count(*) FROM sync_imports") + desk.scalar("SELECT count(*) FROM cases")
    if used:
        raise DeskError("本数据库已有案件或同步记录，不能接管另一个站点的身份",
                        hint="请在新建的空数据库上恢复密钥备份")
    desk.adopt_site_id(new_site)
