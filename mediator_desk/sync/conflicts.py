"""Conflicts kept for review: both versions side by side; a person chooses or merges.

A conflict is recorded by the importer (sync/apply.py) when the same record changed on both
sides or the revisions disagree; our version stays in place until someone resolves it:

- ``keep="local"``: keep ours; the conflict is marked resolved.
- ``keep="incoming"``: take the sender's version as it came (it is the owner's version, so it
  is written like an import, by sync/apply.py ``take_record``: no change-log row of ours).
- ``keep="merged"``: the sender's version with ``values`` applied on top, written as a change
  of this site (revision +1, change-log and audit rows).

For ``local`` and ``merged`` over a village's record, the office's resulting row travels back
in the village's next receipt as a *correction* (sync/receipts.py): the village takes it as its
own change with a higher revision, so both sides agree again and the village's next edit is
an ordinary update at the office, not a new conflict.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from mediator_desk.core import rules
from mediator_desk.errors import NotFound, ReadOnlyRecord, ValidationError
from mediator_desk.sync import store
from mediator_desk.sync.apply import (REASONS, TABLE_LABELS, reindex_cases, table_columns,
                                      take_record)

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk


def list_conflicts(desk: "Desk", *, status: str | None = "open") -> list[dict]:
    """Conflicts (open ones by default), oldest first, with both versions decoded and the
    fields that differ."""
    sql, params = "SELECT * FROM sync_conflicts", []
    if status:
        sql += " WHERE status = ?"
        params.append(status)
    names = {r["site_id"]: r["name"] for r in desk.query("SELECT site_id, name FROM sync_sites")}
    out = []
    for r in desk.query(sql + " ORDER BY id", params):
        r["local"] = json.loads(r.pop("local_row") or "null")
        r["incoming"] = json.loads(r.pop("incoming_row") or "null")
        r["table_label"] = TABLE_LABELS.get(r["table_name"], r["table_name"])
        r["reason_label"] = REASONS.get(r["reason"], r["reason"])
        r["sender_name"] = names.get(r["sender_site_id"], "")
        loc, inc = r["local"] or {}, r["incoming"] or {}
        # Only ours can be kept when the record here belongs to another site (or theirs
        # claims another owner): taking theirs would move or delete another site's record.
        r["only_local"] = _foreign(r["local"], inc, r["sender_site_id"])
        r["differs"] = sorted(k for k in set(loc) | set(inc)
                              if k in inc and loc.get(k) != inc.get(k))
        out.append(r)
    return out


def get_conflict(desk: "Desk", conflict_id: int) -> dict:
    for c in list_conflicts(desk, status=None):
        if c["id"] == conflict_id:
            return c
    raise NotFound(f"找不到冲突 {conflict_id}")


def _foreign(local: dict | None, incoming: dict, sender: str) -> bool:
    """True if the record here belongs to a site other than the sender's (or the sender's
    version claims another owner): taking theirs would move or delete another site's
    record, so only ours can be kept."""
    if not local:
        return False
    owner = incoming.get("site_id", sender)
    return local["site_id"] != sender or owner != local["site_id"]


def _require_same_owner(conflict: dict, local: dict | None) -> None:
    if _foreign(local, conflict["incoming"] or {}, conflict["sender_site_id"]):
        raise ReadOnlyRecord("该记录属于另一个站点，不能采用发送方的版本（否则会把记录转给发送方或删除"
                             "别人的记录），只能保留本站版本",
                             hint="请与两个站点核对这条记录应属于谁")


def resolve_conflict(desk: "Desk", conflict_id: int, *, keep: str,
                     values: dict | None = None) -> dict:
    """Resolve one conflict (see the module docstring); returns the resolved conflict."""
    c = get_conflict(desk, conflict_id)
    if c["status"] != "open":
        raise ValidationError("该冲突已处理过", field="conflict")
    if keep not in ("local", "incoming", "merged"):
        raise ValidationError("处理方式应为 local（保留本站）、incoming（采用对方）或 merged（合并）",
                              field="keep")
    table, rid = c["table_name"], c["record_id"]
    inc = c["incoming"] or {}
    deleted = bool(inc.get("deleted")) and set(inc) == {"id", "rev", "deleted"}
    if keep == "merged" and (deleted or not values):
        raise ValidationError("合并需要给出字段值（删除冲突只能二选一）", field="values")
    with desk.transaction():
        desk.db.conn.execute("PRAGMA defer_foreign_keys = ON")
        local = desk.query_one(f"SELECT * FROM {table} WHERE id = ?", (rid,))
        if keep in ("incoming", "merged"):
            _require_same_owner(c, local)
            if deleted:
                if local:
                    rules.check_delete(table, local)
                take_record(desk, table, rid, None, local=local, rev=inc["rev"])
            else:
                row = {k: inc[k] for k in inc if k in table_columns(desk, table)}
                rules.check_row(table, row, codes=desk.records.code_sets())
                if local:
                    rules.check_change(table, local, row)
                if local and keep == "merged":
                    row["rev"] = max(local["rev"], inc["rev"])
                take_record(desk, table, rid, row, local=local)
                if keep == "merged":
                    assert values                   # (refused above otherwise)
                    desk.records.update(table, rid, values, action="conflict_merge",
                                        override_owner=True)
            if table in ("cases", "parties"):
                case_id = rid if table == "cases" else (inc.get("case_id") or
                                                        (local or {}).get("case_id"))
                if case_id and desk.scalar("SELECT 1 FROM cases WHERE id = ?", (case_id,)):
                    reindex_cases(desk, {case_id})
            desk.note_change(table)
        store.mark_conflict_resolved(desk, conflict_id, keep=keep)
        desk.records.audit("conflict_resolve", table=table, record_id=rid,
                           case_id=rid if table == "cases" else inc.get("case_id", ""),
                           details={"conflict": conflict_id, "keep": keep,
                                    **({"values": values} if values else {})})
    return get_conflict(desk, conflict_id)
