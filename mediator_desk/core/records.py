"""The one way to write a travelling record: with its sync columns, change-log row and audit row.

Every insert/update/delete of a table that travels between sites goes through
:class:`RecordWriter`, inside ``desk.transaction()``, so there is never an edit without its
audit entry and its change-tracking entry.
"""

from __future__ import annotations

import json
import uuid
from operator import itemgetter
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from mediator_desk.core import rules
from mediator_desk.core.clock import utc_now
from mediator_desk.errors import NotFound, ReadOnlyRecord, ValidationError
from mediator_desk.storage import audit_chain

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk

# Fields whose values are masked in the audit trail (it travels and is shown to many people).
# (the audit trail travels to the office and is shown to many people: personal numbers and
# addresses are kept only masked there; names stay, the case needs them)
MASKED_FIELDS = {"id_number", "phone", "agent_phone", "address", "service_address"}
SYNC_FIELDS = {"id", "site_id", "rev", "created_at", "updated_at"}
# Travelling tables whose records another site may change (none: a record belongs to the
# site where it was born; the office annotates village cases with its own case_reviews).
SHARED_TABLES: set[str] = set()
# Tables with a ``case_id`` that are not records of that case: a screening item only names the
# case a found dispute became, so archiving that case does not freeze the item.
NOT_OF_CASE = frozenset({"cases", "screening_items"})


def new_id() -> str:
    """A new record id: a random UUID as 32 hex digits."""
    return uuid.uuid4().hex


def _audit_value(field: str, value: Any) -> Any:
    if field in MASKED_FIELDS and value:
        from mediator_desk.core.validation import mask_address, mask_id_number, mask_phone
        if field in ("address", "service_address"):
            return mask_address(str(value))
        return (mask_phone if "phone" in field else mask_id_number)(str(value))
    return value


class StaleEdit(ValidationError):
    """A save based on an older version of the record, changing what was changed meanwhile."""


def merge_edit(table: str, base: dict, mine: dict, theirs: dict) -> dict:
    """Three-way merge of one record: the fields ``mine`` changed from ``base``, provided the
    current record (``theirs``) did not change them to something else meanwhile."""
    edited = {k: v for k, v in mine.items() if k not in SYNC_FIELDS and base.get(k) != v}
    clash = [k for k, v in edited.items() if theirs.get(k) != base.get(k) and theirs.get(k) != v]
    if clash:
        shown = "；".join(f"{rules.field_label(k)}现为“{_shown(theirs.get(k))}”" for k in clash[:3])
        raise StaleEdit(f"保存前，别处（另一个窗口或命令行）已改了这条记录：{shown}。"
                        "您的修改没有保存", field=clash[0],
                        hint="请先复制您写的内容，关闭后重新打开案件再改")
    return edited


def _as_stored(row: dict) -> dict:
    """A record as a reader got it (lists decoded from their JSON columns, e.g. a mediation
    record's mediators) back in the form stored, so it compares with the stored record."""
    return {k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v
            for k, v in row.items()}


def _shown(value) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= 30 else text[:30] + "…"


class RecordWriter:
    """Insert, update and delete travelling records with audit and change tracking."""

    def __init__(self, desk: "Desk"):
        self.desk = desk

    @property
    def conn(self):
        return self.desk.db.conn

    def _log(self, table: str, record_id: str, rev: int, op: str, at: str) -> None:
        self.conn.execute(
            "INSERT INTO change_log (table_name, record_id, rev, op, at) VALUES (?,?,?,?,?)",
            (table, record_id, rev, op, at))

    def audit(self, action: str, *, table: str = "", record_id: str = "", case_id: str = "",
              details: dict | None = None, at: str | None = None) -> None:
        """Append one audit entry (also used for actions that write no record, e.g. printing)."""
        self.desk.require_transaction()
        entry = (new_id(), at or utc_now(), self.desk.user, action, table, record_id, case_id,
                 json.dumps(details or {}, ensure_ascii=False))
        chain = audit_chain.link(audit_chain.last_link(self.conn, self.desk.site_id), entry)
        self.conn.execute(
            "INSERT INTO audit_log (id, site_id, at, user, action, table_name, record_id,"
            " case_id, details, chain) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (entry[0], self.desk.site_id, *entry[1:], chain))
        self.desk.note_change(table or "audit_log", case_id)

    def insert(self, table: str, values: dict, *, case_id: str = "", action: str = "create",
               record_id: str | None = None) -> str:
        """Insert a new record born on this site; returns its id."""
        self.desk.require_transaction()
        at = utc_now()
        rid = record_id or new_id()
        row = dict(values, id=rid, site_id=self.desk.site_id, rev=1, created_at=at, updated_at=at)
        rules.check_row(table, row, codes=self.code_sets())
        self._require_open_case(table, row)
        cols = ", ".join(row)
        self.conn.execute(f"INSERT INTO {table} ({cols}) VALUES ({', '.join('?' * len(row))})",
                          tuple(row.values()))
        self._log(table, rid, 1, "upsert", at)
        details = {k: _audit_value(k, v) for k, v in values.items() if v not in ("", None, 0)}
        self.audit(action, table=table, record_id=rid,
                   case_id=case_id or (rid if table == "cases" else ""), details=details, at=at)
        return rid

    def insert_many(self, table: str, rows: Sequence[dict], *,
                    case_ids: Iterable[str] | None = None, action: str = "bulk_create",
                    details: dict | None = None) -> int:
        """Insert many new records born on this site in one go; returns how many.

        The bulk path for generated or imported data (e.g. sample data: 200,000 cases in
        seconds). Each row gets its sync columns and its own change-log row, exactly as
        :meth:`insert` would give it; but the batch is audited as ONE action — one audit row
        whose details say the table, the count and the first and last record ids (plus
        ``details``) — rather than one row per record, which would double the database for no
        reader's benefit. Rows may carry their own ``id`` (e.g. derived from a seed); all rows
        must have the same keys. ``case_ids`` names the cases the rows belong to (for the
        change notes the screens refresh on; for ``cases`` the row ids are used). Uses plain
        ``executemany`` inside the caller's transaction.
        """
        self.desk.require_transaction()
        if not rows:
            return 0
        at = utc_now()
        site = self.desk.site_id
        keys = [k for k in rows[0] if k not in SYNC_FIELDS]
        cols = ["id", "site_id", "rev", "created_at", "updated_at", *keys]
        ids = [r.get("id") or new_id() for r in rows]
        values = itemgetter(*keys) if len(keys) > 1 else (lambda r: (r[keys[0]],))
        rules.check_rows(table, keys, [values(r) for r in rows], codes=self.code_sets())
        self.conn.executemany(
            f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
            ((rid, site, 1, at, at, *values(r)) for rid, r in zip(ids, rows)))
        self.conn.executemany(
            "INSERT INTO change_log (table_name, record_id, rev, op, at) VALUES (?,?,?,?,?)",
            ((table, rid, 1, "upsert", at) for rid in ids))
        touched = set(ids) if table == "cases" and case_ids is None else set(case_ids or ())
        summary = dict(details or {}, table=table, count=len(ids), first_id=ids[0],
                       last_id=ids[-1])
        self.audit(action, table=table, case_id=next(iter(touched)) if len(touched) == 1 else "",
                   details=summary, at=at)
        for cid in touched:
            self.desk.note_change(table, cid)
        return len(ids)

    def code_sets(self) -> dict[str, set[str]]:
        """Every code of every list (inactive ones too: old records keep their codes)."""
        return rules.code_sets(self.conn.execute("SELECT list, code FROM code_items"))

    def _require_open_case(self, table: str, row: dict) -> None:
        """No record of an archived case is added, changed or removed (read-only, final)."""
        case_id = row.get("case_id")
        if not case_id or table in NOT_OF_CASE:
            return
        found = self.conn.execute("SELECT status, case_no FROM cases WHERE id = ?",
                                  (case_id,)).fetchone()
        if found and found[0] == "archived":
            raise ReadOnlyRecord(f"案件{found[1]}已归档，不能修改")

    def get(self, table: str, record_id: str) -> dict:
        cur = self.conn.execute(f"SELECT * FROM {table} WHERE id = ?", (record_id,))
        row = cur.fetchone()
        if row is None:
            raise NotFound(f"找不到记录（{table} {record_id[:8]}）")
        return dict(zip([d[0] for d in cur.description], row))

    def require_owned(self, table: str, row: dict) -> None:
        """Refuse changing a record born on another site (single writer; docs/sync-format.md §8).

        At the township office, a village's cases are read-only: the office comments, approves
        or returns them through its own ``case_reviews`` records instead.
        """
        if row.get("site_id") not in (None, self.desk.site_id) and table not in SHARED_TABLES:
            raise ReadOnlyRecord("该记录由其他站点（村调委会或司法所）登记，本站只能查看，不能修改",
                                 hint="如需更正，请退回原登记单位修改，或添加审查意见")

    def update(self, table: str, record_id: str, values: dict, *, case_id: str = "",
               action: str = "update", override_owner: bool = False,
               rev_above: int = 0, based_on: dict | None = None) -> dict:
        """Apply the fields that really change; returns {field: (old, new)} (empty: no write).

        Records born on another site are refused (:meth:`require_owned`) unless
        ``override_owner`` (only for a person resolving a sync conflict by merging). The new
        revision is one above the record's, or above ``rev_above`` if that is higher (a sync
        correction taken from the office must outrank the office's revision).

        ``based_on``: the record as the caller read it (with its ``rev``) before the person
        edited it. If the record changed since (another window or process saved it), only the
        fields the person changed are written — the others keep what was saved meanwhile —
        and if the person changed a field that was also changed meanwhile to something else,
        the save is refused (:class:`StaleEdit`): never a silent overwrite.
        """
        self.desk.require_transaction()
        old = self.get(table, record_id)
        if not override_owner:
            self.require_owned(table, old)
        if based_on is not None and based_on.get("rev") != old["rev"]:
            values = merge_edit(table, _as_stored(based_on), values, old)
        changed = {k: (old[k], v) for k, v in values.items()
                   if k not in SYNC_FIELDS and old.get(k) != v}
        if not changed:
            return {}
        new = {k: v for k, (_, v) in changed.items()}
        rules.check_row(table, new, codes=self.code_sets())
        # What may not change at all (an agreement in force) is said before how the dates of
        # the whole record relate (e.g. the signing date = the last signature or seal).
        rules.check_change(table, old, new)
        rules.check_row(table, {k: v for k, v in dict(old, **new).items()
                                if k in rules.date_columns(table)})
        self._require_open_case(table, old)
        at = utc_now()
        rev = max(old["rev"], rev_above) + 1
        sets = ", ".join(f"{k} = ?" for k in changed)
        self.conn.execute(f"UPDATE {table} SET {sets}, rev = ?, updated_at = ? WHERE id = ?",
                          (*[v for _, v in changed.values()], rev, at, record_id))
        self._log(table, record_id, rev, "upsert", at)
        details = {k: [_audit_value(k, a), _audit_value(k, b)] for k, (a, b) in changed.items()}
        self.audit(action, table=table, record_id=record_id,
                   case_id=case_id or (record_id if table == "cases" else ""), details=details,
                   at=at)
        return changed

    def delete(self, table: str, record_id: str, *, case_id: str = "",
               action: str = "delete") -> None:
        """Delete a record; a 'delete' change-log row lets other sites follow.

        Records born on another site are refused (:meth:`require_owned`)."""
        self.desk.require_transaction()
        old = self.get(table, record_id)
        self.require_owned(table, old)
        rules.check_delete(table, old)
        self._require_open_case(table, old)
        at = utc_now()
        self.conn.execute(f"DELETE FROM {table} WHERE id = ?", (record_id,))
        self._log(table, record_id, old["rev"] + 1, "delete", at)
        details = {k: _audit_value(k, v) for k, v in old.items()
                   if k not in SYNC_FIELDS and v not in ("", None)}
        self.audit(action, table=table, record_id=record_id, case_id=case_id, details=details,
                   at=at)
