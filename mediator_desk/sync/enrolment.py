"""Enrolment files (``.mdenrol``): first contact between a township office and its villages.

The office exports its identity (site id, name, public keys), its organisation tree and its
code lists in a signed file with a clear payload (nothing in it is secret). A village imports
it at setup or later and from then on sends its bundles to that office. The office learns the
village's keys from the village's first bundle and accepts it after comparing fingerprints
(sync/sites.py ``accept_village``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from mediator_desk.core.records import new_id
from mediator_desk.errors import DeskError
from mediator_desk.sync import keys as keymod
from mediator_desk.sync import leftovers
from mediator_desk.sync import log as synclog
from mediator_desk.sync import store
from mediator_desk.sync.apply import (apply_plan, index_imported, plan_incoming,
                                      refused_by_database)
from mediator_desk.sync.bundles import ImportResult
from mediator_desk.sync.container import (LIMITS, PAYLOAD_CLEAR, BundleRefused, Limits, dumps,
                                          loads_strict, read_container, write_container)
from mediator_desk.sync.manifest import check_schema, new_manifest
from mediator_desk.sync.payload import (AUDIT_COLUMNS, TableRows, build_payload, parse_payload,
                                        table_counts)
from mediator_desk.sync.rows import apply_codes, codes_payload, rows_of
from mediator_desk.sync.sites import get_peer, identity, list_peers, require_role

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk


def export_enrolment(desk: "Desk", path: str | os.PathLike) -> dict:
    """Write this office's enrolment file (office only); audited before it gets its zip end
    record and final name (``write_container``)."""
    with leftovers.exporting(desk, path):
        return _export_enrolment(desk, path)


def _export_enrolment(desk: "Desk", path: str | os.PathLike) -> dict:
    require_role(desk, "office")
    keys = keymod.load_keys(desk)
    bundle_id = new_id()
    tables = {}
    orgs = rows_of(desk, "organisations", "site_id = ?", (desk.site_id,))
    if orgs:
        tables["organisations"] = orgs
    manifest = new_manifest(desk, "enrolment", bundle_id, identity(desk, keys), None)
    body = build_payload("enrolment", bundle_id, tables=tables, deletions={},
                         audit=TableRows(list(AUDIT_COLUMNS), []), files=[],
                         codes=codes_payload(desk))
    manifest["counts"] = {"tables": table_counts(tables, {}), "audit": 0, "files": 0}

    def log() -> None:
        with desk.transaction():
            desk.records.audit("enrol_export", details={"file": Path(path).name})

    write_container(path, manifest, [(PAYLOAD_CLEAR, dumps(body))], keys.signing, log=log)
    return {"path": str(path), "site_id": desk.site_id, "name": manifest["sender"]["name"],
            "fingerprint": keys.fingerprint, "organisations": len(orgs.rows) if orgs else 0}


def import_enrolment(desk: "Desk", path: str | os.PathLike, *, replace: bool = False,
                     limits: Limits = LIMITS) -> ImportResult:
    """Enrol this village with the office that made ``path`` (village only).

    Takes the office's keys, its organisation tree (office-owned, read-only here) and newer
    code lists; if this village's committee hangs under a township made locally at setup with
    the same name as one in the office's tree, it is moved under the office's. Enrolling with a
    different office, or the same office with other keys, needs ``replace``.
    Returns what to show, including the office's fingerprint to compare.
    """
    try:
        return _import_enrolment(desk, Path(path), replace, limits)
    except DeskError as exc:
        synclog.note_attempt(desk, file=path, kind="enrolment", result="refused",
                             message=str(exc))
        raise


def _import_enrolment(desk, path: Path, replace: bool, limits: Limits) -> ImportResult:
    require_role(desk, "village")
    c = read_container(path, limits=limits, expect_kind="enrolment")
    m = c.manifest
    sender = m["sender"]
    if sender["role"] != "office":
        raise BundleRefused("登记文件不是司法所生成的")
    if sender["site_id"] == desk.site_id:
        raise BundleRefused("这是本站自己导出的文件")
    check_schema(m)
    fp = keymod.fingerprint(sender["signing_key"])
    office = {"site_id": sender["site_id"], "name": sender["name"]}
    earlier = synclog.previous_import(desk, m["bundle_id"], c.manifest_sha256)
    if earlier:
        synclog.note_attempt(desk, file=path, kind="enrolment", result="already",
                             bundle_id=m["bundle_id"], sender=sender["site_id"])
        return ImportResult("already", "enrolment", m["bundle_id"], office,
                            extra={"fingerprint": fp, "codes_updated": False,
                                   "committee_moved": False})
    obj = loads_strict(c.read_member(PAYLOAD_CLEAR), what="登记内容", limit=limits.max_payload_bytes)
    inc = parse_payload(obj, m)
    if set(inc.tables) - {"organisations"} or inc.deletions or (inc.audit and inc.audit.rows):
        raise BundleRefused("登记文件中含有不应有的记录")
    known = get_peer(desk, sender["site_id"])
    others = [p for p in list_peers(desk, "office")
              if p["site_id"] != sender["site_id"] and p["status"] == "accepted"]
    if others and not replace:
        raise DeskError(f"本站已登记到“{others[0]['name']}”",
                        hint="如确需改为向新的司法所报送，请使用“替换”选项（--replace）")
    if known and known["signing_key"] != sender["signing_key"] and not replace:
        raise BundleRefused(f"“{sender['name']}”的签名密钥与本站登记的不同，文件可能是伪造的",
                            hint="请向司法所核实指纹；确认无误后使用“替换”选项（--replace）")
    plan = plan_incoming(desk, inc, bundle_id=m["bundle_id"])
    try:
        with desk.transaction():
            for p in others:
                store.revoke_site(desk, p["site_id"])
            if known is None:
                store.add_site(desk, sender, role="office", fingerprint=fp)
            else:
                store.update_site_keys(desk, sender, fingerprint=fp)
            apply_plan(desk, plan)
            codes = apply_codes(desk, inc.codes)
            moved = _reparent_committee(desk, sender["site_id"])
            store.log_import(desk, manifest=m, manifest_sha256=c.manifest_sha256,
                             result="applied", summary=plan.preview(), file_name=path.name)
            desk.records.audit("enrol_import", details={"office": sender["name"],
                                                        "site_id": sender["site_id"],
                                                        "fingerprint": fp})
    except (DeskError, OverflowError) as exc:
        refusal = refused_by_database(exc)
        if refusal is None:
            raise
        raise refusal from None
    warning = index_imported(desk, plan)
    return ImportResult("applied", "enrolment", m["bundle_id"], office, preview=plan.preview(),
                        message=warning or "",
                        extra={"fingerprint": fp, "codes_updated": codes,
                               "committee_moved": moved})


def _reparent_committee(desk, office_id: str) -> bool:
    """Move our committee from a township made locally at setup to the office's township of
    the same name; then remove the local ancestors that nothing refers to any more (each has
    an office-owned namesake), so the office does not receive duplicate townships."""
    committee_id = desk.settings.get("committee_id")
    if not committee_id:
        return False
    committee = desk.query_one("SELECT * FROM organisations WHERE id = ?", (committee_id,))
    if not committee or committee["site_id"] != desk.site_id or not committee["parent_id"]:
        return False
    parent = desk.query_one("SELECT * FROM organisations WHERE id = ?", (committee["parent_id"],))
    match = _office_namesake(desk, office_id, parent)
    if match is None:
        return False
    desk.records.update("organisations", committee_id, {"parent_id": match},
                        action="enrol_reparent")
    while parent is not None and _office_namesake(desk, office_id, parent) and \
            not _referenced(desk, parent["id"]):
        desk.records.delete("organisations", parent["id"], action="enrol_replace_org")
        parent = desk.query_one("SELECT * FROM organisations WHERE id = ?",
                                (parent["parent_id"],)) if parent["parent_id"] else None
    return True


def _office_namesake(desk, office_id: str, org: dict | None) -> str | None:
    """The id of the office's organisation of the same kind and name as our ``org``."""
    if not org or org["site_id"] != desk.site_id:
        return None
    match = desk.query("SELECT id FROM organisations WHERE site_id = ? AND kind = ? AND name = ?",
                       (office_id, org["kind"], org["name"]))
    return match[0]["id"] if len(match) == 1 else None


def _referenced(desk, org_id: str) -> bool:
    return bool(desk.scalar("SELECT 1 FROM organisations WHERE parent_id = ?", (org_id,))
                or desk.scalar("SELECT 1 FROM mediators WHERE org_id = ?", (org_id,))
                or desk.scalar("SELECT 1 FROM cases WHERE org_id = ?", (org_id,)))
