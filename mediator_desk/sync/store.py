"""The sync bookkeeping tables (``sync_*``): this module is the only one that writes them.

They are local to this install and never travel (storage/migrations.py ``0003_sync``):

- ``sync_sites``: the other sites — at an office its villages, at a village its office — with
  their keys and status (sites.py, enrolment.py), how far we hold their changes (``recv_*``,
  bundles.py), how far they acknowledged ours (``acked_*``, receipts.py) and receipt numbers;
- ``sync_exports``: the bundles and receipts this install wrote (bundles.py, receipts.py);
- ``sync_imports``: the files that changed the database (the refusals and no-ops are in the
  text log, log.py);
- ``sync_tombstones``: deletions received, so an older copy cannot bring a record back
  (apply.py);
- ``sync_conflicts``: both versions of a record kept for a person to resolve (apply.py,
  conflicts.py);
- ``sync_files_acked``: the attachment files the office confirmed it holds (receipts.py).

Every write runs inside the caller's ``desk.transaction()`` (it calls
``desk.require_transaction()``), so it commits or rolls back with the import or export it
belongs to, and notes its table for ``desk.take_changes()``. Reads stay with their readers
(sites.py ``get_peer``/``list_peers``, log.py, the planning in apply.py), except the one that
pairs with a write here (:func:`acked_files`).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Iterable

from mediator_desk.core.clock import utc_now
from mediator_desk.sync.container import dumps

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk


def _write(desk: "Desk", table: str, sql: str, params=(), *, many: bool = False) -> None:
    desk.require_transaction()
    conn = desk.db.conn
    (conn.executemany if many else conn.execute)(sql, params)
    desk.note_change(table)


# --- sync_sites ------------------------------------------------------------------------------
def add_site(desk: "Desk", peer: dict, *, role: str, fingerprint: str,
             office_instance: str = "") -> None:
    """Register an accepted site; ``peer`` is a manifest's ``sender`` object."""
    _write(desk, "sync_sites",
           "INSERT INTO sync_sites (site_id, role, name, signing_key, age_recipient,"
           " fingerprint, status, enrolled_at, office_instance) VALUES (?,?,?,?,?,?,'accepted',?,?)",
           (peer["site_id"], role, peer["name"], peer["signing_key"], peer["age_recipient"],
            fingerprint, utc_now(), office_instance))


def update_site_keys(desk: "Desk", peer: dict, *, fingerprint: str) -> None:
    """Accept a known site (again) with the name and keys of ``peer`` (a ``sender`` object)."""
    _write(desk, "sync_sites",
           "UPDATE sync_sites SET name = ?, signing_key = ?, age_recipient = ?,"
           " fingerprint = ?, status = 'accepted', revoked_at = '' WHERE site_id = ?",
           (peer["name"], peer["signing_key"], peer["age_recipient"], fingerprint,
            peer["site_id"]))


def revoke_site(desk: "Desk", site_id: str) -> None:
    """From now on the site's files are refused."""
    _write(desk, "sync_sites", "UPDATE sync_sites SET status = 'revoked', revoked_at = ?"
           " WHERE site_id = ?", (utc_now(), site_id))


def note_received(desk: "Desk", site_id: str, *, seq_to: int, audit_to: int, name: str,
                  bundle_id: str) -> None:
    """Office: a village's bundle up to ``seq_to``/``audit_to`` was imported (never moves
    back; ``recv_bundle_id`` names the bundle that brought the highest sequence number)."""
    _write(desk, "sync_sites",
           "UPDATE sync_sites SET recv_seq = max(recv_seq, ?),"
           " recv_audit_seq = max(recv_audit_seq, ?), name = ?,"
           " recv_bundle_id = CASE WHEN ? >= recv_seq THEN ? ELSE recv_bundle_id END"
           " WHERE site_id = ?", (seq_to, audit_to, name, seq_to, bundle_id, site_id))


def note_acknowledged(desk: "Desk", site_id: str, *, seq: int, audit_seq: int,
                      bundle_id: str) -> None:
    """Village: the office acknowledged our changes up to the bundle ``bundle_id``."""
    _write(desk, "sync_sites",
           "UPDATE sync_sites SET acked_seq = ?, acked_audit_seq = ?, acked_bundle_id = ?"
           " WHERE site_id = ?", (seq, audit_seq, bundle_id, site_id))


def set_receipt_no(desk: "Desk", site_id: str, receipt_no: int) -> None:
    """Office: the number of the last receipt exported to this village."""
    _write(desk, "sync_sites", "UPDATE sync_sites SET receipt_no = ? WHERE site_id = ?",
           (receipt_no, site_id))


def note_receipt(desk: "Desk", site_id: str, *, receipt_no: int, office_instance: str) -> None:
    """Village: a receipt of the office was imported (the highest number is kept)."""
    _write(desk, "sync_sites",
           "UPDATE sync_sites SET receipt_no = max(receipt_no, ?), office_instance = ?"
           " WHERE site_id = ?", (receipt_no, office_instance, site_id))


# --- sync_files_acked ------------------------------------------------------------------------
def ack_files(desk: "Desk", site_id: str, shas: Iterable[str]) -> None:
    """Village: the office holds these attachment files (they are not sent again)."""
    _write(desk, "sync_files_acked",
           "INSERT OR IGNORE INTO sync_files_acked (site_id, sha256) VALUES (?, ?)",
           [(site_id, s) for s in shas], many=True)


def acked_files(desk: "Desk", site_id: str) -> set[str]:
    """The attachment files (sha256) the office ``site_id`` said it holds."""
    return {r[0] for r in desk.db.conn.execute(
        "SELECT sha256 FROM sync_files_acked WHERE site_id = ?", (site_id,))}


# --- sync_exports and sync_imports -----------------------------------------------------------
def log_export(desk: "Desk", *, bundle_id: str, kind: str, receiver: str, seq_from: int,
               seq_to: int, counts: dict, file_name: str, audit_from: int = 0,
               audit_to: int = 0) -> None:
    """The export log row of a bundle or receipt (``counts``: the manifest's)."""
    _write(desk, "sync_exports",
           "INSERT INTO sync_exports (bundle_id, kind, receiver_site_id, seq_from,"
           " seq_to, audit_from, audit_to, counts, file_name, at)"
           " VALUES (?,?,?,?,?,?,?,?,?,?)",
           (bundle_id, kind, receiver, seq_from, seq_to, audit_from, audit_to,
            dumps(counts).decode(), file_name, utc_now()))


def log_import(desk: "Desk", *, manifest: dict, manifest_sha256: str, result: str,
               summary: dict, file_name: str, seq_from: int = 0, seq_to: int = 0) -> None:
    """The ``sync_imports`` row of an import that changed the database."""
    _write(desk, "sync_imports",
           "INSERT INTO sync_imports (bundle_id, kind, sender_site_id, manifest_sha256, seq_from,"
           " seq_to, result, summary, file_name, at) VALUES (?,?,?,?,?,?,?,?,?,?)",
           (manifest["bundle_id"], manifest["kind"], manifest["sender"]["site_id"],
            manifest_sha256, seq_from, seq_to, result, json.dumps(summary, ensure_ascii=False),
            file_name, utc_now()))


# --- sync_tombstones and sync_conflicts ------------------------------------------------------
def add_tombstones(desk: "Desk", table: str, graves: list[tuple[str, int]], *, site: str,
                   at: str, keep_time: bool = False) -> None:
    """Deletions (record id, revision) of ``site``'s records of ``table``. A tombstone already
    there keeps the higher revision; its ``deleted_at`` becomes ``at`` unless ``keep_time``
    (a person taking a deletion over a conflict, sync/conflicts.py)."""
    when = "" if keep_time else ", deleted_at = excluded.deleted_at"
    _write(desk, "sync_tombstones",
           "INSERT INTO sync_tombstones (table_name, record_id, site_id, rev, deleted_at)"
           " VALUES (?,?,?,?,?) ON CONFLICT (table_name, record_id) DO UPDATE SET"
           f" rev = max(rev, excluded.rev){when}",
           [(table, rid, site, rev, at) for rid, rev in graves], many=True)


def add_conflicts(desk: "Desk", rows: list[tuple]) -> None:
    """New conflicts: (table, record id, sender, bundle id, reason, local row as JSON,
    incoming row as JSON, hash of the incoming row, detected at) — sync/apply.py ``Plan``."""
    _write(desk, "sync_conflicts",
           "INSERT INTO sync_conflicts (table_name, record_id, sender_site_id, bundle_id,"
           " reason, local_row, incoming_row, incoming_hash, detected_at)"
           " VALUES (?,?,?,?,?,?,?,?,?)", rows, many=True)


def mark_conflict_resolved(desk: "Desk", conflict_id: int, *, keep: str) -> None:
    """A person resolved the conflict (``keep``: local, incoming or merged)."""
    _write(desk, "sync_conflicts",
           "UPDATE sync_conflicts SET status = 'resolved', resolution = ?,"
           " resolved_by = ?, resolved_at = ? WHERE id = ?",
           (keep, desk.user, utc_now(), conflict_id))
