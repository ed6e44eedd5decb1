"""Rows that go into a sync file besides the changed records: this site's audit entries,
the code lists (and taking the office's), the rows of a table matching a condition."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mediator_desk.errors import ValidationError
from mediator_desk.sync.container import BundleRefused
from mediator_desk.sync.payload import AUDIT_COLUMNS, TableRows

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk


def audit_rows(desk: "Desk", *, after: int, upto: int) -> TableRows:
    """This site's own audit entries with after < seq ≤ upto."""
    rows = desk.db.conn.execute(
        f"SELECT {', '.join(AUDIT_COLUMNS)} FROM audit_log WHERE seq > ? AND seq <= ?"
        " AND site_id = ? ORDER BY seq", (after, upto, desk.site_id)).fetchall()
    return TableRows(list(AUDIT_COLUMNS), [list(r) for r in rows])


def codes_payload(desk: "Desk") -> dict:
    items = desk.query("SELECT list, code, label, rollup, sort, active, version FROM code_items"
                       " ORDER BY list, sort, code")
    return {"version": desk.codes.version(), "items": items}


def apply_codes(desk: "Desk", codes: dict | None) -> bool:
    """Take the office's code lists if newer than ours (core/codes.py ``CodeLists.take``,
    inside the caller's transaction); a list that breaks the code-list rules refuses the
    file."""
    try:
        return desk.codes.take(codes)
    except ValidationError as exc:
        raise BundleRefused(f"司法所发来的代码表不符合规则：{exc.message}，未导入任何内容") from None


def rows_of(desk: "Desk", table: str, where: str, params=()) -> TableRows | None:
    """All columns of the rows of ``table`` matching ``where``."""
    cur = desk.db.conn.execute(f"SELECT * FROM {table} WHERE {where} ORDER BY id", params)
    cols = [d[0] for d in cur.description]
    rows = [list(r) for r in cur.fetchall()]
    return TableRows(cols, rows) if rows else None
