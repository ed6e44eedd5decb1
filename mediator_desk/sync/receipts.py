"""Receipts and returns (``.mdreceipt``): the office tells a village what it holds, and sends back
its comments, approvals and returned cases (``case_reviews``), its organisation tree and its
code lists. Signed by the office, encrypted to the village.

The acknowledgement names the last bundle the office applied from the village. The village
looks that bundle up in its own export log (``sync_exports``) and stops re-sending what it
covered — so a receipt can never acknowledge changes this database did not itself export (e.g.
after the village restored an older backup), and acknowledgements only move forward.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from mediator_desk.core.progress import report
from mediator_desk.core.records import new_id
from mediator_desk.errors import DeskError
from mediator_desk.storage.schema import SENT_BY, TRAVELLING_TABLES
from mediator_desk.sync import keys as keymod
from mediator_desk.sync import leftovers
from mediator_desk.sync import log as synclog
from mediator_desk.sync import store
from mediator_desk.sync.apply import (apply_plan, index_imported, plan_incoming,
                                      refused_by_database, reindex_cases, table_columns)
from mediator_desk.sync.bundles import ImportResult
from mediator_desk.sync.container import (LIMITS, PAYLOAD_ENCRYPTED, BundleRefused, Limits, dumps,
                                          read_container, write_container)
from mediator_desk.sync.encryption import encrypt, read_payload
from mediator_desk.sync.files import FILE_COLUMN, attachment_path, file_tables
from mediator_desk.sync.manifest import check_schema, new_manifest
from mediator_desk.sync.payload import AUDIT_COLUMNS, TableRows, build_payload, table_counts
from mediator_desk.sync.rows import apply_codes, codes_payload, rows_of
from mediator_desk.sync.sites import check_sender, find_peer, identity, require_role

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk


def receipt_tables(desk: "Desk") -> list[str]:
    """Office-owned tables that travel back (storage/schema.py ``SENT_BY``): the organisation
    tree, and the office's notes on the village's cases (filtered to those cases)."""
    return [t for t in TRAVELLING_TABLES if t in SENT_BY["receipt"]]


def export_receipt(desk: "Desk", path: str | os.PathLike, *, to: str, progress=None) -> dict:
    """Write a signed receipt/return file for one village (office only).

    As for bundles, the export (receipt number, ``sync_exports``, audit) is committed before
    the file gets its zip end record and its final name (``write_container``)."""
    with leftovers.exporting(desk, path):
        return _export_receipt(desk, path, to, progress)


def _export_receipt(desk: "Desk", path: str | os.PathLike, to: str, progress) -> dict:
    require_role(desk, "office")
    keys = keymod.load_keys(desk)
    village = find_peer(desk, to, role="village")
    if village["status"] != "accepted":
        raise DeskError(f"“{village['name']}”已被吊销，不能为其导出回执")
    me, vid = desk.site_id, village["site_id"]
    report(progress, 0, 3)
    tables: dict[str, TableRows] = {}
    deletions: dict[str, list] = {}
    with desk.transaction():
        for table in receipt_tables(desk):
            if table == "organisations":
                t = rows_of(desk, table, "site_id = ?", (me,))
            else:
                t = rows_of(desk, table, "site_id = ? AND case_id IN"
                            " (SELECT id FROM cases WHERE site_id = ?)", (me, vid))
            if t:
                tables[table] = t
            gone = desk.db.conn.execute(
                "SELECT record_id, max(rev) FROM change_log WHERE table_name = ? AND op = 'delete'"
                " GROUP BY record_id", (table,)).fetchall()
            if gone:
                deletions[table] = [(rid, rev) for rid, rev in gone]
        held = []
        for table in file_tables(desk):
            held += [r[0] for r in desk.db.conn.execute(
                f"SELECT DISTINCT {FILE_COLUMN} FROM {table} WHERE site_id = ?", (vid,))]
        files_acked = sorted(s for s in set(held) if attachment_path(desk, s).is_file())
        codes = codes_payload(desk)
        corrections = _corrections_for(desk, vid)
    report(progress, 1, 3)
    receipt_no = village["receipt_no"] + 1
    bundle_id = new_id()
    manifest = new_manifest(desk, "receipt", bundle_id, identity(desk, keys),
                            {"site_id": vid, "name": village["name"]})
    manifest["receipt"] = {"receipt_no": receipt_no, "acked_seq": village["recv_seq"],
                           "acked_audit_seq": village["recv_audit_seq"],
                           "acked_bundle": village["recv_bundle_id"],
                           "office_instance": village["office_instance"]}
    audit = TableRows(list(AUDIT_COLUMNS), [])
    extra = {"corrections": {n: {"columns": t.columns, "rows": t.rows}
                             for n, t in corrections.items()}} if corrections else {}
    body = build_payload("receipt", bundle_id, tables=tables, deletions=deletions, audit=audit,
                         files=[], codes=codes, files_acked=files_acked, **extra)
    manifest["counts"] = {"tables": table_counts(tables, deletions), "audit": 0, "files": 0}
    report(progress, 2, 3)

    def log() -> None:
        with desk.transaction():
            store.set_receipt_no(desk, vid, receipt_no)
            store.log_export(desk, bundle_id=bundle_id, kind="receipt", receiver=vid,
                             seq_from=1, seq_to=village["recv_seq"], counts=manifest["counts"],
                             file_name=Path(path).name)
            desk.records.audit("receipt_export", details={
                "bundle_id": bundle_id, "to": village["name"], "receipt_no": receipt_no,
                "acked_seq": village["recv_seq"], "file": Path(path).name})

    write_container(path, manifest, [(PAYLOAD_ENCRYPTED, encrypt(dumps(body),
                                                                  village["age_recipient"]))],
                    keys.signing, log=log)
    report(progress, 3, 3)
    return {"bundle_id": bundle_id, "path": str(path), "receiver": manifest["receiver"],
            "receipt": manifest["receipt"], "counts": manifest["counts"],
            "files_acked": len(files_acked)}


def _corrections_for(desk, vid: str) -> dict[str, TableRows]:
    """The office's current rows of the village's records over which a conflict was resolved
    by keeping the office's version or merging (every time: a lost receipt loses nothing; the
    village takes a row only once, see :func:`apply_corrections`)."""
    out: dict[str, TableRows] = {}
    done = desk.db.conn.execute(
        "SELECT DISTINCT table_name, record_id FROM sync_conflicts WHERE sender_site_id = ?"
        " AND status = 'resolved' AND resolution IN ('merged', 'local')"
        " ORDER BY table_name, record_id", (vid,)).fetchall()
    by_table: dict[str, list[str]] = {}
    for table, rid in done:
        if table in TRAVELLING_TABLES:
            by_table.setdefault(table, []).append(rid)
    for table in TRAVELLING_TABLES:
        ids = by_table.get(table)
        if not ids:
            continue
        marks = ",".join("?" * len(ids))
        t = rows_of(desk, table, f"site_id = ? AND id IN ({marks})", (vid, *ids))
        if t:
            out[table] = t
    return out


CORRECTION_NOTE = "按乡镇合并结果更正"


def apply_corrections(desk, corrections: dict[str, TableRows], office_name: str) -> int:
    """Take the office's resolution of conflicts over our own records (village, inside the
    caller's transaction); returns how many records changed.

    A correction is taken when its revision is at least ours and its content differs: it is
    written as OUR change (``desk.records.update``: change-log and audit rows) with a revision
    above the office's, so our next bundle carries it back as a newer revision and the office
    sees no new conflict. A correction older than our row was already taken (or we changed the
    record since: the office will then see a conflict again, never a silent loss).
    """
    changed = 0
    sync_cols = {"id", "site_id", "rev", "created_at", "updated_at"}
    for table in TRAVELLING_TABLES:
        t = corrections.get(table)
        if not t:
            continue
        local_cols = set(table_columns(desk, table))
        for row in t.rows:
            r = dict(zip(t.columns, row))
            own = desk.query_one(f"SELECT * FROM {table} WHERE id = ?", (r["id"],))
            if own is None or own["site_id"] != desk.site_id or r["rev"] < own["rev"]:
                continue
            values = {k: v for k, v in r.items()
                      if k not in sync_cols and k in local_cols and own.get(k) != v}
            if not values:
                continue
            case_id = r["id"] if table == "cases" else (own.get("case_id") or "")
            # Our new revision must be above the office's, so it wins there as an update.
            desk.records.update(table, r["id"], values, case_id=case_id,
                                action="sync_correction", rev_above=r["rev"])
            desk.records.audit("sync_correction_note", table=table, record_id=r["id"],
                               case_id=case_id,
                               details={"note": CORRECTION_NOTE, "office": office_name,
                                        "office_rev": r["rev"], "fields": sorted(values)})
            changed += 1
            if table in ("cases", "parties") and case_id:
                reindex_cases(desk, {case_id})
    return changed


def import_receipt(desk: "Desk", path: str | os.PathLike, *, dry_run: bool = False,
                   progress=None, limits: Limits = LIMITS) -> ImportResult:
    """Verify and apply a receipt from our office (village only), in one transaction.

    Stops re-sending what the office acknowledged, records which attachment files it holds,
    takes its reviews of our cases, its organisation tree and newer code lists. The office's
    messages are in ``result.extra['messages']``.
    """
    return synclog.logged_attempt(desk, path, "receipt", lambda seen: _import_receipt(
        desk, Path(path), dry_run, progress, limits, seen))


def _import_receipt(desk, path: Path, dry_run, progress, limits, seen) -> ImportResult:
    require_role(desk, "village")
    keys = keymod.load_keys(desk)
    c = read_container(path, limits=limits, expect_kind="receipt")
    m = c.manifest
    seen.update(m)
    if m["receiver"]["site_id"] != desk.site_id:
        raise BundleRefused(f"此回执是发给“{m['receiver']['name']}”"
                            f"（{m['receiver']['site_id'][:8]}）的，不是本站")
    office = check_sender(desk, m["sender"], role="office")
    check_schema(m)
    base = dict(kind="receipt", bundle_id=m["bundle_id"], sender=m["sender"])
    earlier = synclog.previous_import(desk, m["bundle_id"], c.manifest_sha256)
    if earlier:
        return ImportResult(status="already", message=f"此回执已于 {earlier['at']} 导入过，"
                            "未作任何更改", **base)
    report(progress, 1, 5)
    inc = read_payload(c, keys)
    plan = plan_incoming(desk, inc, bundle_id=m["bundle_id"])
    report(progress, 3, 5)
    rc = m["receipt"]
    ack, note = _acknowledgement(desk, office, rc)
    new_files = sorted(set(inc.files_acked) - store.acked_files(desk, office["site_id"]))
    codes_newer = bool(inc.codes and inc.codes["version"] > desk.codes.version())
    messages = _messages(desk, plan)
    preview = plan.preview()
    preview["files_acked"] = len(new_files)
    extra = {"messages": messages, "acknowledged": ack, "note": note,
             "codes_version": inc.codes["version"] if inc.codes else None}
    if dry_run:
        return ImportResult(status="preview", preview=preview, message="仅预览，未导入任何内容",
                            extra=extra, **base)
    newer_no = rc["receipt_no"] > office["receipt_no"]
    pending = _pending_corrections(desk, inc.corrections)
    preview["corrections"] = pending
    if not (plan.changed or ack or new_files or codes_newer or newer_no or pending):
        return ImportResult(status="unchanged", preview=preview,
                            message="回执中没有新内容，未作任何更改", extra=extra, **base)
    try:
        with desk.transaction():
            apply_plan(desk, plan)
            corrected = apply_corrections(desk, inc.corrections, m["sender"]["name"])
            apply_codes(desk, inc.codes)
            if ack:
                store.note_acknowledged(desk, office["site_id"], seq=ack["seq"],
                                        audit_seq=ack["audit_seq"], bundle_id=ack["bundle_id"])
            store.note_receipt(desk, office["site_id"], receipt_no=rc["receipt_no"],
                               office_instance=rc["office_instance"])
            store.ack_files(desk, office["site_id"], new_files)
            store.log_import(desk, manifest=m, manifest_sha256=c.manifest_sha256,
                             result="conflicts" if plan.conflicts else "applied",
                             summary=preview, file_name=path.name,
                             seq_to=ack["seq"] if ack else 0)
            desk.records.audit("receipt_import", details={
                "bundle_id": m["bundle_id"], "from": m["sender"]["name"],
                "receipt_no": rc["receipt_no"], "acked_seq": ack["seq"] if ack else None,
                "file": path.name})
    except (DeskError, OverflowError) as exc:
        refusal = refused_by_database(exc)
        if refusal is None:
            raise
        raise refusal from None
    warning = index_imported(desk, plan)
    report(progress, 5, 5)
    msg = f"已导入“{m['sender']['name']}”的回执（第 {rc['receipt_no']} 号）"
    if ack:
        msg += f"：司法所已确认收到序号 {ack['seq']} 以前的记录"
    if warning:
        msg += f"；{warning}"
    if messages:
        msg += f"；有 {len(messages)} 条审查意见"
    if corrected:
        msg += f"；{corrected} 条记录已{CORRECTION_NOTE}"
    return ImportResult(status="conflicts" if plan.conflicts else "applied", preview=preview,
                        message=msg, extra=extra, **base)


def _pending_corrections(desk, corrections: dict[str, TableRows]) -> int:
    """How many corrections the village has not taken yet (for the preview)."""
    n = 0
    for table, t in corrections.items():
        for row in t.rows:
            r = dict(zip(t.columns, row))
            own = desk.query_one(f"SELECT * FROM {table} WHERE id = ?", (r["id"],))
            if own and own["site_id"] == desk.site_id and r["rev"] >= own["rev"] and any(
                    own.get(k) != v for k, v in r.items()
                    if k not in ("id", "site_id", "rev", "created_at", "updated_at")
                    and k in own):
                n += 1
    return n


def _acknowledgement(desk, office: dict, rc: dict) -> tuple[dict | None, str]:
    """The new acknowledged position, if this receipt moves it forward; and a note if the
    receipt names a bundle this database never exported."""
    if not rc["acked_bundle"]:
        return None, ""
    exp = desk.query_one("SELECT * FROM sync_exports WHERE bundle_id = ? AND kind = 'bundle'"
                         " AND receiver_site_id = ?", (rc["acked_bundle"], office["site_id"]))
    if exp is None:
        return None, ("回执确认的同步包不是本数据库导出的（本站可能从备份恢复过），"
                      "未据此停止重发，所有未确认的内容会继续发送")
    current = desk.query_one("SELECT seq FROM sync_exports WHERE bundle_id = ?",
                             (office["acked_bundle_id"],)) if office["acked_bundle_id"] else None
    if current is not None and current["seq"] >= exp["seq"]:
        return None, ""
    return {"seq": exp["seq_to"], "audit_seq": exp["audit_to"], "bundle_id": exp["bundle_id"]}, ""


def _messages(desk, plan) -> list[dict]:
    """The office's reviews this receipt brings (new or changed), with the case number."""
    out = []
    for bucket in (plan.inserts, plan.updates):
        entry = bucket.get("case_reviews")
        if not entry:
            continue
        cols, rows = entry
        for r in rows:
            row = dict(zip(cols, r))
            case = desk.query_one("SELECT case_no FROM cases WHERE id = ?", (row["case_id"],))
            from mediator_desk.core.reviews import KINDS
            out.append({"case_id": row["case_id"], "case_no": case["case_no"] if case else "",
                        "kind": row["kind"], "kind_label": KINDS.get(row["kind"], row["kind"]),
                        "text": row.get("text", ""), "reviewer": row.get("reviewer", ""),
                        "reviewed_on": row.get("reviewed_on", "")})
    return out
