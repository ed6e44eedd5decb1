"""Bundles (``.mdsync``): a village exports what its office has not acknowledged; the office
inspects and imports them.

Export is cumulative — everything changed since the last sequence number the office
acknowledged (from ``change_log``, so the cost follows the number of changes, not the size of
the database) — so a lost or stale stick loses nothing. Import verifies everything before
writing, previews, and applies in one transaction (sync/apply.py).
"""

from __future__ import annotations

import gc
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from mediator_desk.core.progress import report
from mediator_desk.core.records import new_id
from mediator_desk.errors import DeskError
from mediator_desk.storage.schema import TRAVELLING_TABLES
from mediator_desk.sync import keys as keymod
from mediator_desk.sync import leftovers
from mediator_desk.sync import log as synclog
from mediator_desk.sync import store
from mediator_desk.sync.apply import (BATCH, apply_plan, index_imported, plan_incoming,
                                      refused_by_database)
from mediator_desk.sync.container import (KIND_LABELS, LIMITS, PAYLOAD_ENCRYPTED, BundleRefused,
                                          Limits, dumps, read_container, sha256_hex,
                                          write_container)
from mediator_desk.sync.encryption import decrypt, encrypt, read_payload
from mediator_desk.sync.files import (FILE_COLUMN, StagedFiles, attachment_path, file_tables,
                                      read_attachment)
from mediator_desk.sync.manifest import check_schema, new_manifest
from mediator_desk.sync.payload import TableRows, build_payload, table_counts
from mediator_desk.sync.rows import audit_rows
from mediator_desk.sync.sites import (ROLES, accept_village, check_sender, find_peer, get_peer,
                                      identity, require_role, site_role)

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk


# --- export (village) ---------------------------------------------------------------------
@dataclass
class Outgoing:
    """What a bundle will carry, before it is encrypted and signed (tests may alter it)."""

    manifest: dict
    tables: dict[str, TableRows]
    deletions: dict[str, list[tuple[str, int]]]
    audit: TableRows
    files: list[tuple[str, bytes]] = field(default_factory=list)   # (sha256, plain bytes)


def collect_changes(desk: "Desk", *, since_seq: int, since_audit: int, progress=None):
    """Rows changed after ``since_seq`` (current state), deletions, and audit entries.

    Reads ``change_log`` by its primary key from ``since_seq``: the work is proportional to
    the number of changes since then, whatever the size of the database.
    Returns (tables, deletions, audit, seq_to, audit_to).
    """
    conn = desk.db.conn
    seq_to = conn.execute("SELECT coalesce(max(seq), 0) FROM change_log").fetchone()[0]
    audit_to = conn.execute("SELECT coalesce(max(seq), 0) FROM audit_log").fetchone()[0]
    last: dict[tuple[str, str], tuple[int, str]] = {}
    for table, rid, rev, op in conn.execute(
            "SELECT table_name, record_id, rev, op FROM change_log WHERE seq > ? AND seq <= ?"
            " ORDER BY seq", (since_seq, seq_to)):
        last[(table, rid)] = (rev, op)
    by_table: dict[str, list[tuple[str, int, str]]] = {}
    for (table, rid), (rev, op) in last.items():
        by_table.setdefault(table, []).append((rid, rev, op))
    tables: dict[str, TableRows] = {}
    deletions: dict[str, list[tuple[str, int]]] = {}
    for n, table in enumerate(TRAVELLING_TABLES, 1):
        report(progress, n, len(TRAVELLING_TABLES) + 1)
        items = by_table.get(table)
        if not items:
            continue
        ids = [rid for rid, _, _ in items]
        found: dict[str, list] = {}
        cols: list[str] = []
        for i in range(0, len(ids), BATCH):
            chunk = ids[i:i + BATCH]
            cur = conn.execute(f"SELECT * FROM {table} WHERE id IN ({','.join('?' * len(chunk))})",
                               chunk)
            cols = [d[0] for d in cur.description]
            for row in cur:
                found[row[0]] = list(row)
        if found:
            i_site = cols.index("site_id")
            rows = [found[rid] for rid in ids if rid in found and found[rid][i_site] == desk.site_id]
            if rows:
                tables[table] = TableRows(cols, rows)
        # A record gone from the table: deleted here (op 'delete'), or removed with its parent.
        dels = [(rid, rev if op == "delete" else rev + 1) for rid, rev, op in items
                if rid not in found]
        if dels:
            deletions[table] = dels
    audit = audit_rows(desk, after=since_audit, upto=audit_to)
    return tables, deletions, audit, seq_to, audit_to


def prepare_bundle(desk: "Desk", *, to: str | None = None, full: bool = False,
                   progress=None) -> Outgoing:
    """Collect a bundle for the office (village only). ``full`` re-sends everything."""
    require_role(desk, "village")
    keys = keymod.load_keys(desk)
    office = find_peer(desk, to or "", role="office")
    if office["status"] != "accepted":
        raise DeskError(f"司法所“{office['name']}”的登记已失效", hint="请重新导入司法所的登记文件")
    since = 0 if full else office["acked_seq"]
    since_audit = 0 if full else office["acked_audit_seq"]
    with desk.transaction():          # one consistent snapshot of the database
        tables, deletions, audit, seq_to, audit_to = collect_changes(
            desk, since_seq=since, since_audit=since_audit, progress=progress)
        acked = set() if full else store.acked_files(desk, office["site_id"])
        shas: list[str] = []
        for table in file_tables(desk):
            t = tables.get(table)
            if t:
                i = t.columns.index(FILE_COLUMN)
                shas.extend(r[i] for r in t.rows if r[i] not in acked)
        files = [(sha, read_attachment(desk, sha)) for sha in dict.fromkeys(shas)]
    bundle_id = new_id()
    manifest = new_manifest(desk, "bundle", bundle_id, identity(desk, keys),
                            {"site_id": office["site_id"], "name": office["name"]})
    manifest["changes"] = {
        "prerequisite": since, "prerequisite_bundle": "" if full else office["acked_bundle_id"],
        "from": since + 1, "to": max(seq_to, since),
        "audit_from": since_audit + 1, "audit_to": max(audit_to, since_audit)}
    return Outgoing(manifest, tables, deletions, audit, files)


def write_bundle(desk: "Desk", out: Outgoing, path: str | os.PathLike, *, log=None) -> bytes:
    """Encrypt to the receiver, sign with this site's key and write the ``.mdsync`` file
    (``log`` is called when the file lacks only its end record: see ``write_container``)."""
    keys = keymod.load_keys(desk)
    office = get_peer(desk, out.manifest["receiver"]["site_id"])
    if office is None:
        raise DeskError("尚未登记到司法所，无法导出报送数据", hint="请先导入司法所的登记文件")
    recipient = office["age_recipient"]
    members, entries = [], []
    for n, (sha, data) in enumerate(out.files, 1):
        name = f"files/{n:06d}.age"
        members.append((name, encrypt(data, recipient)))
        entries.append({"member": name, "sha256": sha, "size": len(data)})
    body = build_payload("bundle", out.manifest["bundle_id"], tables=out.tables,
                         deletions=out.deletions, audit=out.audit, files=entries)
    members.insert(0, (PAYLOAD_ENCRYPTED, encrypt(dumps(body), recipient)))
    out.manifest["counts"] = {"tables": table_counts(out.tables, out.deletions),
                              "audit": len(out.audit.rows), "files": len(entries)}
    return write_container(path, out.manifest, members, keys.signing, log=log)


def export_bundle(desk: "Desk", path: str | os.PathLike, *, to: str | None = None,
                  full: bool = False, progress=None) -> dict:
    """Write everything the office has not acknowledged to ``path`` (``.mdsync``).

    ``to`` names the office (id, id prefix or name; optional when only one is enrolled);
    ``full`` ignores acknowledgements and re-sends everything (after the office lost data).
    ``progress`` follows core/progress.py. Returns a summary for the screen.

    The export is logged (``sync_exports`` and the audit trail) after the whole file but its
    zip end record is on disk and before that record is written and the file renamed from
    ``<path>.part`` (``write_container``): a file that can be imported was always logged.
    """
    with leftovers.exporting(desk, path):
        out = prepare_bundle(desk, to=to, full=full, progress=progress)
        m = out.manifest

        def log() -> None:
            with desk.transaction():
                ch = m["changes"]
                store.log_export(desk, bundle_id=m["bundle_id"], kind="bundle",
                                 receiver=m["receiver"]["site_id"], seq_from=ch["from"],
                                 seq_to=ch["to"], audit_from=ch["audit_from"],
                                 audit_to=ch["audit_to"], counts=m["counts"],
                                 file_name=Path(path).name)
                desk.records.audit("sync_export", details={
                    "bundle_id": m["bundle_id"], "to": m["receiver"]["name"],
                    "file": Path(path).name, "seq": [ch["from"], ch["to"]]})

        write_bundle(desk, out, path, log=log)
    report(progress, 1, 1)
    return {"bundle_id": m["bundle_id"], "path": str(path), "receiver": m["receiver"],
            "changes": m["changes"], "counts": m["counts"], "size": Path(path).stat().st_size}


# --- inspect ------------------------------------------------------------------------------
def inspect_file(path: str | os.PathLike, desk: "Desk | None" = None, *,
                 limits: Limits = LIMITS) -> dict:
    """Read the clear manifest of any sync file (no keys needed) and say whether this install
    could import it, and if not, why.

    Raises ``BundleRefused`` if the file is damaged or forged (it cannot even be inspected).
    Returns {"manifest", "kind", "fingerprint", "can_import", "reasons", "needs_acceptance"}.
    """
    c = read_container(path, limits=limits)
    m = c.manifest
    reasons: list[str] = []
    needs_acceptance = False
    try:
        check_schema(m)
    except BundleRefused as exc:
        reasons.append(str(exc))
    if desk is not None:
        needs_acceptance = _import_blockers(desk, m, c.manifest_sha256, reasons)
    else:
        reasons.append("未指定数据库，无法判断能否导入")
    return {"manifest": m, "kind": m["kind"], "kind_label": KIND_LABELS[m["kind"]],
            "fingerprint": keymod.fingerprint(m["sender"]["signing_key"]),
            "can_import": not reasons, "needs_acceptance": needs_acceptance,
            "reasons": reasons}


def _import_blockers(desk: "Desk", m: dict, manifest_sha: str, reasons: list[str]) -> bool:
    """Append why ``desk`` cannot import this file; returns True if only acceptance is needed."""
    want_role = {"bundle": "office", "receipt": "village", "enrolment": "village"}[m["kind"]]
    role = site_role(desk)
    if role != want_role or not keymod.have_keys(desk):
        reasons.append(f"{KIND_LABELS[m['kind']]}只能由{ROLES[want_role]}导入"
                       + ("（本站尚未初始化同步身份）" if role is None or not keymod.have_keys(desk)
                          else f"（本站是{ROLES[role]}）"))
        return False
    if m["kind"] != "enrolment" and m["receiver"]["site_id"] != desk.site_id:
        reasons.append(f"此文件是发给“{m['receiver']['name']}”（{m['receiver']['site_id'][:8]}）的，"
                       "不是本站")
    if m["sender"]["site_id"] == desk.site_id:
        reasons.append("这是本站自己导出的文件")
    if m["kind"] == "enrolment":
        return False
    sender_role = "village" if m["kind"] == "bundle" else "office"
    needs = False
    try:
        check_sender(desk, m["sender"], role=sender_role)
    except BundleRefused as exc:
        peer = get_peer(desk, m["sender"]["site_id"])
        if peer is None and sender_role == "village":
            needs = True
            reasons.append(f"发送方“{m['sender']['name']}”尚未被接受：请与对方核对指纹 "
                           f"{keymod.fingerprint(m['sender']['signing_key'])}")
        else:
            reasons.append(str(exc))
    try:
        if synclog.previous_import(desk, m["bundle_id"], manifest_sha):
            reasons.append("此文件已经导入过")
    except BundleRefused as exc:          # same bundle_id, other content
        reasons.append(str(exc))
    if m["kind"] == "bundle":
        peer = get_peer(desk, m["sender"]["site_id"])
        held = peer["recv_seq"] if peer else 0
        gap = gap_message(m, held)
        if gap:
            reasons.append(gap)
    return needs and len(reasons) == 1


def gap_message(m: dict, held: int) -> str:
    """Empty, or why a bundle cannot be applied yet: we lack changes it builds upon."""
    ch = m["changes"]
    if ch["prerequisite"] <= held:
        return ""
    missing = f"序号 {held + 1}–{ch['prerequisite']}"
    named = f"同步包 {ch['prerequisite_bundle'][:8]}（含{missing}）" if ch["prerequisite_bundle"] \
        else missing
    return (f"缺少前序内容：本站只收到“{m['sender']['name']}”序号 {held} 以前的记录，"
            f"此包从序号 {ch['from']} 开始，缺少{named}")


# --- import (office) ----------------------------------------------------------------------
@dataclass
class ImportResult:
    """The outcome of importing (or previewing) a bundle or receipt."""

    status: str                 # applied | conflicts | unchanged | already | preview
    kind: str
    bundle_id: str
    sender: dict
    preview: dict = field(default_factory=dict)
    message: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def status_label(self) -> str:
        return synclog.RESULT_LABELS.get(self.status, self.status)

    def as_dict(self) -> dict:
        return {"status": self.status, "status_label": self.status_label, "kind": self.kind,
                "bundle_id": self.bundle_id, "sender": self.sender, "preview": self.preview,
                "message": self.message, **self.extra}


def import_bundle(desk: "Desk", path: str | os.PathLike, *, dry_run: bool = False,
                  accept_fingerprint: str | None = None, progress=None,
                  limits: Limits = LIMITS) -> ImportResult:
    """Verify, decrypt, validate, preview and (unless ``dry_run``) apply a village's bundle.

    Everything is checked before anything is written; the records, the audit entries, the
    conflicts, the village's sequence position and the import log are written in ONE
    transaction. A refusal raises ``BundleRefused``/``DeskError`` and changes nothing in the
    database (the attempt is noted in the text log). ``accept_fingerprint`` accepts a
    not-yet-known village in the same transaction, if it matches the bundle's signing key.
    """
    with desk.db.bulk(), _no_cycle_collection():
        return synclog.logged_attempt(desk, path, "bundle", lambda seen: _import_bundle(
            desk, Path(path), dry_run, accept_fingerprint, progress, limits, seen))


@contextmanager
def _no_cycle_collection():
    """Pause Python's cycle collector while importing: the parsed payload is millions of
    objects in no reference cycle, which the collector would walk again and again as they
    are made (about 0.2 s for 10,000 cases). Switched back on afterwards; reference counting
    frees memory as usual meanwhile."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _import_bundle(desk, path: Path, dry_run, accept_fingerprint, progress, limits,
                   seen: dict) -> ImportResult:
    require_role(desk, "office")
    keys = keymod.load_keys(desk)
    report(progress, 0, 10)
    clock = _Clock()
    c = read_container(path, limits=limits, expect_kind="bundle")
    clock.lap("verify")
    m = c.manifest
    seen.update(m)
    sender = m["sender"]
    if m["receiver"]["site_id"] != desk.site_id:
        raise BundleRefused(f"此同步包是发给“{m['receiver']['name']}”"
                            f"（{m['receiver']['site_id'][:8]}）的，不是本站")
    if sender["site_id"] == desk.site_id:
        raise BundleRefused("这是本站自己导出的文件")
    check_schema(m)
    peer = get_peer(desk, sender["site_id"])
    accept = False
    if peer is None and accept_fingerprint:
        if sender["role"] != "village":
            raise BundleRefused("发送方不是村调委会")
        if keymod.normalise_fingerprint(accept_fingerprint) != keymod.fingerprint(
                sender["signing_key"]):
            raise BundleRefused(
                f"指纹不符：同步包签名密钥的指纹是 {keymod.fingerprint(sender['signing_key'])}",
                hint="请与村里再次核对；指纹不符时不要接受")
        accept = True
    else:
        peer = check_sender(desk, sender, role="village")
    base = dict(kind="bundle", bundle_id=m["bundle_id"], sender=sender)
    earlier = synclog.previous_import(desk, m["bundle_id"], c.manifest_sha256)
    if earlier:
        return ImportResult(status="already", message=f"此同步包已于 {earlier['at']} 导入过，"
                            "未作任何更改", **base)
    held = peer["recv_seq"] if peer else 0
    gap = gap_message(m, held)
    if gap:
        raise BundleRefused(gap, hint="请让该村导入本站最新回执后重新导出，或用“完整导出”（--full）"
                            "重新导出；同步包是累积的，导入最新的完整包即可补齐")
    report(progress, 1, 10)
    inc = read_payload(c, keys)
    clock.lap("decrypt")
    report(progress, 3, 10)
    staged = StagedFiles(desk, keep=not dry_run)
    try:
        received = _verify_files(desk, c, keys, inc, staged)
        plan = plan_incoming(desk, inc, bundle_id=m["bundle_id"], sender_name=sender["name"])
        _check_attachments(desk, plan, received)
        clock.lap("plan")
        report(progress, 5, 10)
        ch = m["changes"]
        advances = ch["to"] > held
        preview = plan.preview()
        preview["files"] = {"new": len(staged.staged) if not dry_run else sum(
            1 for s in received if not attachment_path(desk, s).exists()),
            "received": len(received)}
        if dry_run:
            return ImportResult(status="preview", preview=preview,
                                message="仅预览，未导入任何内容", **base)
        if not (plan.changed or advances or accept):
            return ImportResult(status="unchanged", preview=preview,
                                message="同步包中没有新内容，未作任何更改", **base)
        status = "conflicts" if plan.conflicts else "applied"
        try:
            with desk.transaction():
                if accept:
                    accept_village(desk, sender, accept_fingerprint)
                apply_plan(desk, plan, progress=_Sub(progress, 5, 9, 10))
                staged.commit()
                store.note_received(desk, sender["site_id"], seq_to=ch["to"],
                                    audit_to=ch["audit_to"], name=sender["name"],
                                    bundle_id=m["bundle_id"])
                store.log_import(desk, manifest=m, manifest_sha256=c.manifest_sha256,
                                 result=status, summary=preview, file_name=path.name,
                                 seq_from=ch["from"], seq_to=ch["to"])
                desk.records.audit("sync_import", details={
                    "bundle_id": m["bundle_id"], "from": sender["name"], "file": path.name,
                    "seq": [ch["from"], ch["to"]], "conflicts": plan.conflict_count})
        except (DeskError, OverflowError) as exc:
            refusal = refused_by_database(exc)
            if refusal is None:
                raise
            raise refusal from None
        clock.lap("apply")
        warning = index_imported(desk, plan)
        clock.lap("search_index")
        report(progress, 10, 10)
        msg = f"已导入“{sender['name']}”的同步包（序号 {ch['from']}–{ch['to']}）"
        if plan.conflict_count:
            msg += f"，有 {plan.conflict_count} 处冲突待处理"
        if warning:
            msg += f"；{warning}"
        return ImportResult(status=status, preview=preview, message=msg,
                            extra={"seconds": clock.laps}, **base)
    finally:
        staged.cleanup()


class _Clock:
    """Seconds spent in each stage of an import (shown by the benchmark)."""

    def __init__(self):
        import time

        self._now = time.perf_counter
        self._last = self._now()
        self.laps: dict[str, float] = {}

    def lap(self, name: str) -> None:
        now = self._now()
        self.laps[name] = round(now - self._last, 4)
        self._last = now


class _Sub:
    """Map a sub-step's progress (0..total) onto a slice of the caller's progress."""

    def __init__(self, progress, lo: int, hi: int, of: int):
        self.progress, self.lo, self.hi, self.of = progress, lo, hi, of

    @property
    def cancelled(self) -> bool:
        return bool(getattr(self.progress, "cancelled", False))

    def update(self, done: int, total: int) -> None:
        if self.progress is None:
            return
        scale = 1000
        frac = done / total if total else 1
        report(self.progress, int((self.lo + (self.hi - self.lo) * frac) * scale),
               self.of * scale)


def _verify_files(desk, c, keys, inc, staged: StagedFiles) -> set[str]:
    """Decrypt every attachment, check its hash and size, stage it; returns the hashes."""
    got = set()
    for f in inc.files:
        data = decrypt(c.read_member(f["member"]), keys, "附件")
        if len(data) != f["size"] or sha256_hex(data) != f["sha256"]:
            raise BundleRefused(f"附件 {f['member']} 的内容与记录不符（文件已损坏或被改动）")
        staged.add(f["sha256"], data)
        got.add(f["sha256"])
    return got


def _check_attachments(desk, plan, received: set[str]) -> None:
    """Every attachment record we will write must have its file: in the bundle or already here."""
    for table in file_tables(desk):
        for bucket in (plan.inserts, plan.updates):
            entry = bucket.get(table)
            if not entry:
                continue
            cols, rows = entry
            i = cols.index(FILE_COLUMN)
            for r in rows:
                sha = r[i]
                if sha in received:
                    continue
                if not isinstance(sha, str) or not attachment_path(desk, sha).is_file():
                    raise BundleRefused(f"附件缺失：记录 {str(r[0])[:8]} 引用的附件文件"
                                        f"（{str(sha)[:12]}…）既不在同步包中，也不在本站",
                                        hint="请让村里用“完整导出”（--full）重新导出")
