"""Holding another site's records: compare revisions, preview, then apply in one transaction.

Generic over ``storage.schema.TRAVELLING_TABLES``: a new travelling table travels without a
change here. The rules (single writer per record; never last-write-wins by clock):

- a record we don't have → **new** (unless a deletion we received earlier is at least as new:
  an older copy arriving late must not bring a deleted record back);
- same id and identical content → **unchanged** (so re-imports change nothing);
- a higher revision from its owner → **updated**;
- a lower (or equal, for deletions) revision → an older copy: **unchanged** (we already hold
  a newer one) — but only if the bundle brings no audit entry for that record that we have not
  seen. A stale stick carries only edits we already received (their audit entries are here);
  a village restored from an older backup that edits the record again writes a *new* audit
  entry with a revision number we already hold for other content: that is a **conflict**
  (``older_revision_differs``), never a silent drop (docs/sync-format.md §8);
- same revision but different content, a record that belongs to another site here, or a
  record that *this* site changed since it last received it (our change log has a row for the
  record at its current revision) → **conflict**: both versions go to ``sync_conflicts`` for a
  person to resolve; ours stays in place.

:func:`plan_incoming` only reads; :func:`apply_plan` writes with plain ``executemany`` inside
the caller's transaction (foreign keys deferred to the commit).
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from operator import itemgetter
from typing import TYPE_CHECKING

from mediator_desk.core import search
from mediator_desk.core.audit import TABLE_LABELS
from mediator_desk.core.clock import utc_now
from mediator_desk.core.progress import report
from mediator_desk.core.rules import field_label
from mediator_desk.errors import DeskError
from mediator_desk.storage import audit_chain
from mediator_desk.storage.schema import TRAVELLING_TABLES
from mediator_desk.sync import store, trust
from mediator_desk.sync.container import BundleRefused
from mediator_desk.sync.payload import AUDIT_COLUMNS, Incoming, TableRows

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk

BATCH = 900          # ids per IN (...) query; below SQLite's default variable limit
REASONS = {"same_rev": "同一版本内容不同", "changed_here": "本站修改过该记录",
           "owner": "记录归属的站点不一致",
           "older_revision_differs": "对方发来较旧的版本号但内容是新改的（对方可能从备份恢复过）"}


@dataclass
class TableCounts:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    deleted: int = 0

    def as_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class Plan:
    """What applying a payload would do (the preview) and the rows to write."""

    sender: str
    bundle_id: str
    counts: dict[str, TableCounts] = field(default_factory=dict)
    inserts: dict[str, tuple[list[str], list[list]]] = field(default_factory=dict)
    updates: dict[str, tuple[list[str], list[list]]] = field(default_factory=dict)
    deletes: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    tombstones: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    conflicts: list[tuple] = field(default_factory=list)     # new rows for sync_conflicts
    audit_rows: list[list] = field(default_factory=list)
    audit_known: int = 0
    touched_cases: set[str] = field(default_factory=set)
    # (table, record id) → the highest revision of ours the sender says it took (receipt
    # corrections, see sync/receipts.py apply_corrections)
    taken_back: dict[tuple[str, str], int] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        """True if applying would write anything."""
        return bool(self.inserts or self.updates or self.deletes or self.conflicts
                    or self.audit_rows or self.tombstones)

    @property
    def conflict_count(self) -> int:
        return sum(c.conflicts for c in self.counts.values())

    def preview(self) -> dict:
        """Per kind of record: new / updated / unchanged / conflicts / deleted (+ audit)."""
        tables = {t: dict(c.as_dict(), label=TABLE_LABELS.get(t, t))
                  for t, c in self.counts.items()}
        return {"tables": tables,
                "audit": {"new": len(self.audit_rows), "unchanged": self.audit_known},
                "conflicts": self.conflict_count}


def _chunks(items: list, size: int = BATCH):
    for i in range(0, len(items), size):
        yield items[i:i + size]


_COLUMNS: dict[tuple[str, str], list[str]] = {}


def table_columns(desk: "Desk", table: str) -> list[str]:
    """Column names of a local table (cached per database file)."""
    key = (str(desk.path), table)
    if key not in _COLUMNS:
        _COLUMNS[key] = [r[1] for r in desk.db.conn.execute(f"PRAGMA table_info({table})")]
    return _COLUMNS[key]


def foreign_keys(desk: "Desk", table: str) -> list[tuple[str, str, str]]:
    """(column, target table, target column) for each foreign key of ``table``."""
    return [(r[3], r[2], r[4] or "id")
            for r in desk.db.conn.execute(f"PRAGMA foreign_key_list({table})")]


def _fetch(desk: "Desk", table: str, cols: list[str], ids: list[str]) -> dict[str, tuple]:
    """Local rows (as tuples in ``cols`` order) for the given ids."""
    out: dict[str, tuple] = {}
    sel = ", ".join(cols)
    i_id = cols.index("id")
    conn = desk.db.conn
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(f"SELECT {sel} FROM {table} WHERE id IN ({marks})", chunk):
            out[row[i_id]] = row
    return out


def _existing_ids(desk: "Desk", table: str, ids: set[str], column: str = "id") -> set[str]:
    found: set[str] = set()
    items = list(ids)
    for chunk in _chunks(items):
        marks = ",".join("?" * len(chunk))
        found.update(r[0] for r in desk.db.conn.execute(
            f"SELECT {column} FROM {table} WHERE {column} IN ({marks})", chunk))
    return found


def _tombstones(desk: "Desk", table: str, ids: list[str]) -> dict[str, int]:
    if not ids or not desk.scalar("SELECT 1 FROM sync_tombstones WHERE table_name = ? LIMIT 1",
                                  (table,)):
        return {}
    out = {}
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        for rid, rev in desk.db.conn.execute(
                f"SELECT record_id, rev FROM sync_tombstones WHERE table_name = ?"
                f" AND record_id IN ({marks})", [table, *chunk]):
            out[rid] = rev
    return out


def _changed_here(desk: "Desk", table: str, record_id: str, rev: int) -> bool:
    """True if this site wrote the record's current revision itself (our change log has it)."""
    return desk.db.conn.execute(
        "SELECT 1 FROM change_log WHERE table_name = ? AND record_id = ? AND rev = ? LIMIT 1",
        (table, record_id, rev)).fetchone() is not None


def row_hash(columns: list[str], row) -> str:
    return hashlib.sha256(json.dumps(dict(zip(columns, row)), ensure_ascii=False,
                                     sort_keys=True).encode()).hexdigest()


def _open_conflict(desk: "Desk", table: str, record_id: str, digest: str) -> bool:
    return desk.db.conn.execute(
        "SELECT 1 FROM sync_conflicts WHERE table_name = ? AND record_id = ? AND status = 'open'"
        " AND incoming_hash = ? LIMIT 1", (table, record_id, digest)).fetchone() is not None


def plan_incoming(desk: "Desk", inc: Incoming, *, bundle_id: str, progress=None,
                  sender_name: str = "") -> Plan:
    """Compare a payload with the database and decide, per record, what importing would do.

    Reads only. Refuses (``BundleRefused``) columns we don't have and references to records
    that are neither here nor in the payload.
    """
    plan = Plan(sender=inc.sender, bundle_id=bundle_id)
    ctx = trust.Context(desk, inc, f"“{sender_name}”" if sender_name
                        else _site_label(desk, inc.sender))
    trust.check_values(ctx)
    fresh = _freshly_audited(desk, inc)
    plan.taken_back = _taken_back(desk, inc)
    accepted: dict[str, set[str]] = {}     # ids that will exist after applying, per table
    skipped: dict[str, set[str]] = {}      # incoming ids dropped as older than a deletion
    deleting: dict[str, set[str]] = {}
    now = utc_now()
    total = len(TRAVELLING_TABLES) * 2
    step = 0
    # Deletions first: their ids must not count as present when references are checked.
    for table in TRAVELLING_TABLES:
        items = inc.deletions.get(table)
        step += 1
        report(progress, step, total)
        if not items:
            continue
        counts = plan.counts.setdefault(table, TableCounts())
        cols = table_columns(desk, table)
        fetch_cols = ["id", "site_id", "rev"] + (["case_id"] if "case_id" in cols else [])
        local = _fetch(desk, table, fetch_cols, [i for i, _ in items])
        graves = _tombstones(desk, table, [i for i, _ in items if i not in local])
        for rid, rev in items:
            row = local.get(rid)
            if row is None:
                counts.unchanged += 1
                if graves.get(rid, 0) < rev:
                    # Remember it even though we never had it: an older copy arriving later
                    # (bundles in reverse order) must not create it.
                    plan.tombstones.setdefault(table, []).append((rid, rev))
                continue
            _, site, loc_rev = row[:3]
            reason = None
            if site != inc.sender:
                reason = "owner"
            elif _changed_here(desk, table, rid, loc_rev):
                reason = "changed_here"
            elif rev <= loc_rev and (table, rid) in fresh:
                reason = "older_revision_differs"    # deleted anew after a restore
            elif rev <= loc_rev:
                counts.unchanged += 1       # an older deletion notice; what we hold is newer
                continue
            if reason:
                counts.conflicts += 1
                _add_conflict(desk, plan, table, rid, reason, local_cols=None, local_row=None,
                              inc_cols=["id", "rev", "deleted"], inc_row=[rid, rev, True],
                              now=now)
                continue
            counts.deleted += 1
            plan.deletes.setdefault(table, []).append((rid, rev))
            deleting.setdefault(table, set()).add(rid)
            if table == "parties" and len(row) > 3:
                plan.touched_cases.add(row[3])     # the case's search row lists its parties
    for table in TRAVELLING_TABLES:
        step += 1
        report(progress, step, total)
        t = inc.tables.get(table)
        if t is None:
            continue
        _plan_table(desk, plan, table, t, accepted, skipped, deleting, now, fresh)
    _check_references(desk, plan, inc, accepted, skipped, deleting)
    trust.check_plan(ctx, plan, {t: trust.local_rows(desk, t, [i for i, _ in items])
                                 for t, items in plan.deletes.items()})
    _check_numbers(desk, plan, sender_name, deleting)
    if inc.audit is not None and inc.audit.rows:
        ids = [r[0] for r in inc.audit.rows]
        known = _existing_ids(desk, "audit_log", set(ids))
        plan.audit_rows = [r for r in inc.audit.rows if r[0] not in known]
        plan.audit_known = len(ids) - len(plan.audit_rows)
    return plan


def _freshly_audited(desk: "Desk", inc: Incoming) -> set[tuple[str, str]]:
    """(table, record id) of every record the payload's audit entries we have NOT yet got
    name: the sender changed these since we last heard from it."""
    if inc.audit is None or not inc.audit.rows:
        return set()
    cols = list(inc.audit.columns) if hasattr(inc.audit, "columns") else list(AUDIT_COLUMNS)
    i_id, i_table, i_rec = cols.index("id"), cols.index("table_name"), cols.index("record_id")
    known = _existing_ids(desk, "audit_log", {r[i_id] for r in inc.audit.rows})
    return {(r[i_table], r[i_rec]) for r in inc.audit.rows
            if r[i_id] not in known and r[i_rec]}


def _taken_back(desk: "Desk", inc: Incoming) -> dict[tuple[str, str], int]:
    """Our revisions of the sender's records the sender says (in this payload) it took over
    from a receipt correction (its ``sync_correction_note`` audit entries); entries received
    before are looked up per record by :func:`_adopted`."""
    out: dict[tuple[str, str], int] = {}
    rows = []
    if inc.audit is not None:
        cols = list(inc.audit.columns)
        i_act, i_t, i_r, i_d = (cols.index(c) for c in ("action", "table_name", "record_id",
                                                         "details"))
        rows += [(r[i_t], r[i_r], r[i_d]) for r in inc.audit.rows
                 if r[i_act] == "sync_correction_note"]
    for table, rid, details in rows:
        try:
            rev = json.loads(details).get("office_rev")
        except (ValueError, AttributeError):
            continue
        if type(rev) is int:
            out[(table, rid)] = max(rev, out.get((table, rid), 0))
    return out


def _adopted(desk: "Desk", plan: Plan, table: str, rid: str) -> int:
    """The highest revision of ours of this record that its owner says it adopted."""
    best = plan.taken_back.get((table, rid), 0)
    for (details,) in desk.db.conn.execute(
            "SELECT details FROM audit_log WHERE table_name = ? AND record_id = ?"
            " AND action = 'sync_correction_note' AND site_id = ?", (table, rid, plan.sender)):
        try:
            rev = json.loads(details).get("office_rev")
        except (ValueError, AttributeError):
            continue
        if type(rev) is int:
            best = max(best, rev)
    return best


def _same_content(cols: list[str], a, b) -> bool:
    """Equal apart from the sync columns (revision, times)."""
    return all(x == y for c, x, y in zip(cols, a, b)
               if c not in ("rev", "created_at", "updated_at"))


def _plan_table(desk, plan: Plan, table: str, t: TableRows, accepted, skipped, deleting, now,
                fresh: AbstractSet[tuple[str, str]] = frozenset()):
    local_cols = table_columns(desk, table)
    unknown = [c for c in t.columns if c not in local_cols]
    if unknown:
        raise BundleRefused(f"同步内容中的{TABLE_LABELS.get(table, '')}记录有 {len(unknown)} 个"
                            "本软件不认识的字段", hint="发送方的软件可能较新，请升级软件")
    counts = plan.counts.setdefault(table, TableCounts())
    cols = t.columns
    i_id, i_site, i_rev = cols.index("id"), cols.index("site_id"), cols.index("rev")
    ids = [r[i_id] for r in t.rows]
    local = _fetch(desk, table, cols, ids)
    missing = [rid for rid in ids if rid not in local]
    graves = _tombstones(desk, table, missing)
    inserts, updates = [], []
    acc = accepted.setdefault(table, set())
    skip = skipped.setdefault(table, set())
    sender = plan.sender
    # Nothing here and no deletion to respect (as in a first import): every row is new.
    for row in (t.rows if local or graves else ()):
        rid = row[i_id]
        loc = local.get(rid)
        if loc is None:
            if rid in graves and graves[rid] >= row[i_rev]:
                counts.unchanged += 1
                skip.add(rid)
                continue
            inserts.append(row)
            acc.add(rid)
            continue
        acc.add(rid)
        if tuple(row) == loc:
            counts.unchanged += 1
            continue
        loc_site, loc_rev = loc[i_site], loc[i_rev]
        reason = None
        if loc_site != sender:
            reason = "owner"
        elif (type(loc_rev) is int and _changed_here(desk, table, rid, loc_rev)
              and _adopted(desk, plan, table, rid) < loc_rev):
            reason = "changed_here"
        elif row[i_rev] > loc_rev:
            updates.append(row)
            continue
        elif row[i_rev] < loc_rev:
            if (table, rid) in fresh and not _same_content(cols, row, loc):
                # Re-edited at the sender with a revision number we already hold for other
                # content (a restored backup): keep both for a person.
                reason = "older_revision_differs"
            else:
                counts.unchanged += 1        # an older copy; we hold a newer revision
                continue
        else:
            reason = "same_rev"
        counts.conflicts += 1
        _add_conflict(desk, plan, table, rid, reason, local_cols=cols, local_row=loc,
                      inc_cols=cols, inc_row=row, now=now)
    if not (local or graves):
        inserts = list(t.rows)
        acc.update(ids)
    counts.new += len(inserts)
    counts.updated += len(updates)
    if inserts:
        plan.inserts[table] = (cols, inserts)
    if updates:
        plan.updates[table] = (cols, updates)
    if table == "cases":
        plan.touched_cases.update(r[i_id] for r in inserts)
        plan.touched_cases.update(r[i_id] for r in updates)
    elif table == "parties" and "case_id" in cols:
        i_case = cols.index("case_id")
        plan.touched_cases.update(r[i_case] for r in inserts)
        plan.touched_cases.update(r[i_case] for r in updates)


def _add_conflict(desk, plan: Plan, table, rid, reason, *, local_cols, local_row, inc_cols,
                  inc_row, now) -> None:
    """Queue a conflict for ``sync_conflicts`` (both versions as JSON objects)."""
    digest = row_hash(inc_cols, inc_row)
    if _open_conflict(desk, table, rid, digest) or any(
            c[0] == table and c[1] == rid and c[6] == digest for c in plan.conflicts):
        return                            # already kept for review: importing again adds nothing
    if local_cols is None:
        full = desk.query_one(f"SELECT * FROM {table} WHERE id = ?", (rid,))
        local_json = json.dumps(full, ensure_ascii=False)
    else:
        local_json = json.dumps(dict(zip(local_cols, local_row)), ensure_ascii=False)
    incoming_json = json.dumps(dict(zip(inc_cols, inc_row)), ensure_ascii=False)
    plan.conflicts.append((table, rid, plan.sender, plan.bundle_id, reason, local_json,
                           incoming_json, digest, now))


def _check_references(desk, plan: Plan, inc: Incoming, accepted, skipped, deleting) -> None:
    """Every reference of a row we will write must point at a record that will exist.

    A row whose parent was dropped as older than a deletion is dropped too (it would have been
    deleted with its parent). Anything else missing means the sender's file is incomplete.
    """
    for table in TRAVELLING_TABLES:
        fks = [fk for fk in foreign_keys(desk, table)]
        if not fks:
            continue
        for bucket in ("inserts", "updates"):
            entry = getattr(plan, bucket).get(table)
            if not entry:
                continue
            cols, rows = entry
            keep = list(rows)
            for col, target, target_col in fks:
                if col not in cols or target_col != "id":
                    continue
                i = cols.index(col)
                if any(r[i] is not None and type(r[i]) is not str for r in keep):
                    raise BundleRefused(f"同步内容格式不正确：{TABLE_LABELS.get(table, '')}记录的"
                                        f"{field_label(col)}应为记录编号")
                values = {r[i] for r in keep if r[i] is not None}
                acc = accepted.get(target, set())
                outside = {v for v in values if v not in acc}
                present = _existing_ids(desk, target, outside) if outside else set()
                present -= deleting.get(target, set())
                gone = {v for v in outside if v not in present}
                if not gone:
                    continue
                dropped = {v for v in gone if v in skipped.get(target, set())
                           or _tombstones(desk, target, [v])}
                really = gone - dropped
                if really:
                    v = sorted(really)[0]
                    raise BundleRefused(
                        f"同步内容不完整：{TABLE_LABELS.get(table, table)}记录引用了不存在的"
                        f"{TABLE_LABELS.get(target, target)}（{str(v)[:8]}）",
                        hint="请让发送方重新导出（必要时使用完整导出）")
                i_id = cols.index("id")
                before = len(keep)
                keep = [r for r in keep if r[i] not in dropped]
                for r in rows:
                    if r[i] in dropped:
                        skipped.setdefault(table, set()).add(r[i_id])
                        accepted.get(table, set()).discard(r[i_id])
                counts = plan.counts[table]
                gone_n = before - len(keep)
                if bucket == "inserts":
                    counts.new -= gone_n
                else:
                    counts.updated -= gone_n
                counts.unchanged += gone_n
            if keep:
                getattr(plan, bucket)[table] = (cols, keep)
            else:
                del getattr(plan, bucket)[table]


# Numbers people write on paper, unique across everything one office holds.
NUMBER_COLUMNS = {"cases": ("case_no", "案件编号"), "agreements": ("agreement_no", "协议编号")}


def _site_label(desk: "Desk", site_id: str) -> str:
    if site_id == desk.site_id:
        from mediator_desk.sync.sites import site_name
        return f"本站（{site_name(desk)}）"
    row = desk.query_one("SELECT name FROM sync_sites WHERE site_id = ?", (site_id,))
    return f"“{row['name']}”" if row else f"站点 {str(site_id)[:8]}"


def _check_numbers(desk: "Desk", plan: Plan, sender_name: str, deleting) -> None:
    """Refuse, before writing anything, a payload whose case or agreement numbers are already
    used here by another record (two committees with the same short name number their cases
    alike). Names both committees, the numbers, and what can be done."""
    sender = f"“{sender_name}”" if sender_name else _site_label(desk, plan.sender)
    for table, (column, label) in NUMBER_COLUMNS.items():
        mine: dict[str, str] = {}                 # number → incoming record id
        for bucket in (plan.inserts, plan.updates):
            entry = bucket.get(table)
            if not entry or column not in entry[0]:
                continue
            cols, rows = entry
            i_id, i_no = cols.index("id"), cols.index(column)
            for r in rows:
                mine[r[i_no]] = r[i_id]
        if not mine:
            continue
        clashes: dict[str, list[str]] = {}       # holder site → numbers
        numbers = [n for n in mine if isinstance(n, str)]
        gone = deleting.get(table, set())
        for chunk in _chunks(numbers):
            marks = ",".join("?" * len(chunk))
            for rid, site, no in desk.db.conn.execute(
                    f"SELECT id, site_id, {column} FROM {table} WHERE {column} IN ({marks})",
                    chunk):
                if rid != mine[no] and rid not in gone and not _renumbered(plan, table, rid,
                                                                            column, no):
                    clashes.setdefault(site, []).append(no)
        if not clashes:
            continue
        site, nos = next(iter(clashes.items()))
        nos = sorted(nos)
        shown = "、".join(nos[:3]) + (f" 等 {len(nos)} 个" if len(nos) > 3 else "")
        raise BundleRefused(
            f"{sender}发来的{label}{shown}与{_site_label(desk, site)}已有的{label}重复，"
            "未导入任何内容",
            hint=("两个调委会的简称相同，编号因此重复；同一司法所下各调委会的简称必须不同。"
                  "案件编号后简称不能再更改，已有编号也不会改变，所以无法由村里自行改正："
                  f"请司法所通知{sender}与司法所联系，商定处理办法后再导入"))


def _renumbered(plan: Plan, table: str, rid: str, column: str, number: str) -> bool:
    """True if the record holding ``number`` here gets another number in this same plan."""
    entry = plan.updates.get(table)
    if not entry or column not in entry[0]:
        return False
    cols, rows = entry
    i_id, i_no = cols.index("id"), cols.index(column)
    return any(r[i_id] == rid and r[i_no] != number for r in rows)


def _constraint_target(text: str) -> str:
    """“案件（case_no）” from SQLite's “… constraint failed: cases.case_no” (no raw text)."""
    tail = text.split(":", 1)[1] if ":" in text else ""
    parts = []
    for item in tail.split(","):
        if not re.fullmatch(r"[A-Za-z_]\w*\.[A-Za-z_]\w*", item.strip()):
            continue                  # e.g. a CHECK expression: say nothing rather than English
        table, _, column = item.strip().partition(".")
        parts.append(f"{TABLE_LABELS.get(table, '')}的{field_label(column)}")
    return "、".join(parts[:3])


def refused_by_database(exc: BaseException) -> BundleRefused | None:
    """A clear refusal for a constraint the database enforced while applying (the transaction
    has been rolled back), or None if ``exc`` is not about the incoming content."""
    if isinstance(exc, OverflowError):
        return BundleRefused("同步内容中有超出范围的数值")
    cause = exc.__cause__ if isinstance(exc.__cause__, sqlite3.Error) else exc
    if not isinstance(cause, (sqlite3.IntegrityError, sqlite3.InterfaceError,
                              sqlite3.ProgrammingError, OverflowError)):
        return None
    text = str(cause)
    where = _constraint_target(text)
    if "UNIQUE" in text:
        # Numbers are checked before applying (_check_numbers); this is any other duplicate.
        return BundleRefused("同步内容与本站已有记录重复" + (f"：{where}" if where else ""),
                             hint="请与司法所联系核对两站的记录")
    if "FOREIGN KEY" in text:
        return BundleRefused("同步内容不完整：有记录引用了不存在的记录",
                             hint="请让发送方重新导出（必要时使用完整导出）")
    if "NOT NULL" in text:
        return BundleRefused("同步内容中有不符合规则的值：必填字段为空"
                             + (f"（{where}）" if where else ""))
    return BundleRefused("同步内容中有不符合规则的值" + (f"：{where}" if where else "")
                         + "（发送方的软件版本可能不同）")


# The rows of other sites are written as they came, with plain SQL: their revision, sync
# columns and audit entries are the owner's (none of ours, no change-log row), and they passed
# core/rules.py (trust.check_plan, or conflicts.py for one record) before. RecordWriter is for
# the changes this site makes; these two functions are the only other writers of travelling
# tables in sync/ (the sync_* bookkeeping goes through sync/store.py).
def _delete_sql(table: str) -> str:
    return f"DELETE FROM {table} WHERE id = ?"


def _insert_sql(table: str, cols) -> str:
    return f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"


def _update_sql(table: str, cols) -> str:
    """Set ``cols`` of the row whose id is the last parameter."""
    return f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in cols)} WHERE id = ?"


def apply_plan(desk: "Desk", plan: Plan, *, progress=None) -> None:
    """Write a plan inside the caller's transaction (plain ``executemany`` on the hot path)."""
    desk.require_transaction()
    conn = desk.db.conn
    # Rows of one table may reference each other in any order (e.g. organisations): check
    # references once, at commit.
    conn.execute("PRAGMA defer_foreign_keys = ON")
    now = utc_now()
    steps = len(TRAVELLING_TABLES) * 2 + 2
    step = 0
    for table in reversed(TRAVELLING_TABLES):
        items = plan.deletes.get(table, [])
        step += 1
        report(progress, step, steps)
        if items:
            conn.executemany(_delete_sql(table), [(rid,) for rid, _ in items])
            desk.note_change(table)
        graves = items + plan.tombstones.get(table, [])
        if graves:
            store.add_tombstones(desk, table, graves, site=plan.sender, at=now)
    for table in TRAVELLING_TABLES:
        step += 1
        report(progress, step, steps)
        ins = plan.inserts.get(table)
        if ins:
            cols, rows = ins
            conn.executemany(_insert_sql(table, cols), rows)
            desk.note_change(table)
        upd = plan.updates.get(table)
        if upd:
            cols, rows = upd
            i_id = cols.index("id")
            rest = [i for i, c in enumerate(cols) if c != "id"]
            conn.executemany(_update_sql(table, [cols[i] for i in rest]),
                             ([r[i] for i in rest] + [r[i_id]] for r in rows))
            desk.note_change(table)
    if plan.audit_rows:
        # Linked here, after the sender's entries we hold (the chain is ours, storage/
        # audit_chain.py); the sender's own links never travel.
        linked = audit_chain.links(audit_chain.last_link(conn, plan.sender),
                                   ([r[0], *r[2:]] for r in plan.audit_rows))
        conn.executemany(_insert_sql("audit_log", (*AUDIT_COLUMNS, "chain")),
                         [(*r, link) for r, link in zip(plan.audit_rows, linked)])
        desk.note_change("audit_log")
    if plan.conflicts:
        store.add_conflicts(desk, plan.conflicts)
    step += 1
    report(progress, step, steps)
    # Derived data, rebuilt after the commit (index_imported) or at the next open.
    desk.cases.unindex(plan.touched_cases)
    report(progress, steps, steps)


def take_record(desk: "Desk", table: str, rid: str, row: dict | None, *, local: dict | None,
                rev: int = 0) -> None:
    """Write the sender's version of one record as it came — ``row``, or when it is None its
    deletion at revision ``rev`` — over ``local`` (ours, or None): what :func:`apply_plan`
    does for one record, for a person resolving a conflict by taking or merging theirs
    (sync/conflicts.py, which checked it against core/rules.py). Inside the caller's
    transaction."""
    desk.require_transaction()
    conn = desk.db.conn
    if row is None:
        if local:
            conn.execute(_delete_sql(table), (rid,))
            store.add_tombstones(desk, table, [(rid, rev)], site=local["site_id"],
                                 at=utc_now(), keep_time=True)
        return
    cols = list(row)
    if local:
        rest = [k for k in cols if k != "id"]
        conn.execute(_update_sql(table, rest), [row[k] for k in rest] + [rid])
    else:
        conn.execute(_insert_sql(table, cols), [row[k] for k in cols])


# What rebuilding derived data may raise on stored values; never a reason to fail an import
# that has committed (the index is rebuilt at the next open).
INDEX_FAILURES = (DeskError, sqlite3.Error, ValueError, TypeError, KeyError, AttributeError,
                  OverflowError)


def index_imported(desk: "Desk", plan: Plan) -> str:
    """Build the search rows of the cases an import touched (after its commit), then let
    ``ensure_index`` catch anything else left stale and clear the flag.

    The records are already committed: if this fails, the database stays usable (the cases
    are flagged for indexing at the next open), a line goes to the sync text log, and the
    returned warning ('' when all went well) is shown with the import's result."""
    if not plan.touched_cases:
        return ""
    try:
        with desk.transaction():
            present: set[str] = set()
            ids = list(plan.touched_cases)
            for chunk in _chunks(ids):
                present.update(r[0] for r in desk.db.conn.execute(
                    f"SELECT id FROM cases WHERE id IN ({','.join('?' * len(chunk))})", chunk))
            reindex_cases(desk, present, known=_new_cases_in_memory(desk, plan))
        desk.cases.ensure_index()
    except INDEX_FAILURES as exc:
        from mediator_desk.sync import log as synclog
        warning = "记录已导入，但搜索索引未能更新（下次打开数据库时会重建）"
        synclog.note_attempt(desk, file="", kind="search_index", result="index_failed",
                             message=f"{warning}：{type(exc).__name__}",
                             bundle_id=plan.bundle_id, sender=plan.sender)
        return warning
    return ""


def _new_cases_in_memory(desk: "Desk", plan: Plan) -> dict[str, tuple[dict, list[dict]]]:
    """New cases with their parties, straight from the plan (a new case's parties are all new
    too), so the search rows need not be read back. Only when the rows carry every column."""
    ins = plan.inserts.get("cases")
    if not ins or set(ins[0]) != set(table_columns(desk, "cases")):
        return {}
    cols, rows = ins
    # Only the columns the index reads (a dict of every column costs more than the rest).
    pick = itemgetter(*(cols.index(c) for c in search.CASE_COLUMNS))
    i_id = cols.index("id")
    cases: dict[str, tuple[dict, list]] = {
        r[i_id]: (dict(zip(search.CASE_COLUMNS, pick(r))), []) for r in rows}
    pins = plan.inserts.get("parties")
    if pins:
        pcols, prows = pins
        if set(pcols) != set(table_columns(desk, "parties")):
            return {}
        pick = itemgetter(*(pcols.index(c) for c in search.PARTY_COLUMNS))
        i_case, i_seq = pcols.index("case_id"), pcols.index("seq")
        for r in sorted(prows, key=itemgetter(i_case, i_seq)):
            entry = cases.get(r[i_case])
            if entry is not None:
                entry[1].append(dict(zip(search.PARTY_COLUMNS, pick(r))))
    return cases


def reindex_cases(desk: "Desk", case_ids: set[str],
                  known: dict[str, tuple[dict, list[dict]]] | None = None) -> None:
    """Rebuild the search rows of the given cases in bulk (after their rows were written).
    ``known`` holds cases (with their parties) already in memory."""
    known = known or {}
    if known:
        # In list order (received date, case number): the index hands out list keys in turn.
        order = sorted((cid for cid in case_ids if cid in known),
                       key=lambda c: (known[c][0]["received_date"], known[c][0]["case_no"]))
        desk.cases.index_many(known[cid] for cid in order)
        for cid in case_ids:
            if cid in known:
                desk.note_change("cases", cid)
    ids = sorted(cid for cid in case_ids if cid not in known)
    if not ids:
        return
    conn = desk.db.conn
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        cases = [dict(zip(search.CASE_COLUMNS, r)) for r in conn.execute(
            f"SELECT {', '.join(search.CASE_COLUMNS)} FROM cases WHERE id IN ({marks})"
            " ORDER BY received_date, case_no", chunk)]
        parties: dict[str, list[dict]] = {}
        for r in conn.execute(f"SELECT {', '.join(search.PARTY_COLUMNS)} FROM parties"
                              f" WHERE case_id IN ({marks}) ORDER BY case_id, seq", chunk):
            p = dict(zip(search.PARTY_COLUMNS, r))
            parties.setdefault(p["case_id"], []).append(p)
        desk.cases.index_many((c, parties.get(c["id"], [])) for c in cases)
        for c in cases:
            desk.note_change("cases", c["id"])
