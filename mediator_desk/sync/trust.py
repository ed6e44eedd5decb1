"""A valid signature proves who sent a file, not that its content is right.

Every record a bundle, receipt or enrolment file brings passes the rules a local write passes
(``core/rules.py``: types, dates, code lists, lengths, dates in order, the case's state
machine, what may no longer change), may only touch what its sender owns, and is checked
before anything is written. Called by :func:`sync.apply.plan_incoming` (so all three flows get
it); a broken rule refuses the whole file with one Chinese line naming the sender, the case
number and the field in words.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from mediator_desk.core import rules
from mediator_desk.core.audit import TABLE_LABELS
from mediator_desk.core.records import NOT_OF_CASE
from mediator_desk.errors import DeskError
from mediator_desk.storage.schema import OFFICE_TABLES, SENT_BY, TRAVELLING_TABLES
from mediator_desk.sync.container import BundleRefused
from mediator_desk.sync.payload import CHECKED_HERE

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk
    from mediator_desk.sync.apply import Plan
    from mediator_desk.sync.payload import Incoming

BATCH = 900


def label(table: str) -> str:
    return TABLE_LABELS.get(table, "记录")


class Context:
    """Who sent the file and how to name a record of it in a message."""

    def __init__(self, desk: "Desk", inc: "Incoming", sender_label: str):
        self.desk = desk
        self.inc = inc
        self.sender = sender_label
        self._case_no: dict[str, str] = {}
        t = inc.tables.get("cases")
        if t is not None and "case_no" in t.columns:
            i_id, i_no = t.columns.index("id"), t.columns.index("case_no")
            self._case_no = {r[i_id]: r[i_no] for r in t.rows if isinstance(r[i_no], str)}

    def case_no(self, case_id) -> str:
        if not isinstance(case_id, str):
            return ""
        if case_id not in self._case_no:
            row = self.desk.db.conn.execute("SELECT case_no FROM cases WHERE id = ?",
                                            (case_id,)).fetchone()
            self._case_no[case_id] = row[0] if row else ""
        return self._case_no[case_id]

    def where(self, table: str, row: dict) -> str:
        """“案件（2026）红旗人调字第3号的当事人记录” / “调解员记录（张三）”."""
        case_id = row.get("id") if table == "cases" else row.get("case_id")
        no = self.case_no(case_id)
        what = label(table)
        what = what if what.endswith("记录") else f"{what}记录"
        if table == "cases":
            return f"案件{no}" if no else "一件案件"
        if no:
            return f"案件{no}的{what}"
        name = row.get("name")
        return what + (f"（{name[:20]}）" if isinstance(name, str) and name else "")

    def refuse(self, table: str, row: dict, message: str, hint: str = "") -> BundleRefused:
        return BundleRefused(f"{self.sender}发来的{self.where(table, row)}：{message}，"
                             "未导入任何内容",
                             hint=hint or "发送方的数据不符合规则（软件版本不同或数据被改动过）；"
                             "请让发送方升级软件、核对后重新导出")


SENDERS = {"bundle": "村调委会的同步包", "receipt": "司法所的回执", "enrolment": "司法所的登记文件"}


def check_roles(ctx: Context) -> None:
    """A file carries only the tables its sender's role writes (storage/schema.py SENT_BY):
    a village cannot speak for the office (reviews, approvals, returns), nor a receipt carry
    a village's records other than corrections."""
    kind = ctx.inc.kind
    allowed = SENT_BY[kind]
    hint = ("这类记录只能由" + ("司法所" if kind == "bundle" else "村调委会")
            + "填写；文件可能来自有缺陷或被改动过的软件")
    for table, t in ctx.inc.tables.items():
        if table not in allowed:
            row = dict(zip(t.columns, t.rows[0])) if t.rows else {}
            raise ctx.refuse(table, row, f"{SENDERS[kind]}不能包含{label(table)}记录", hint)
    for table, items in ctx.inc.deletions.items():
        if table not in allowed:
            row = {"id": items[0][0]} if items else {}
            raise ctx.refuse(table, row, f"{SENDERS[kind]}不能包含{label(table)}记录的删除", hint)


def check_values(ctx: Context) -> None:
    """Every incoming row (and receipt correction) passes the core's value rules."""
    check_roles(ctx)
    codes = ctx.desk.records.code_sets()
    for tables in (ctx.inc.tables, ctx.inc.corrections):
        for table in TRAVELLING_TABLES:
            t = tables.get(table)
            if t is None:
                continue
            try:
                rules.check_rows(table, t.columns, t.rows, codes=codes, checked=CHECKED_HERE)
            except rules.RuleBroken as exc:
                row = next((dict(zip(t.columns, r)) for r in t.rows
                            if r[t.columns.index("id")] == exc.record_id), {})
                raise ctx.refuse(table, row, exc.message) from None


def check_plan(ctx: Context, plan: "Plan", deletion_rows: dict[str, dict[str, dict]]) -> None:
    """What the plan would write may only touch the sender's cases, never a record frozen by
    its state (a binding agreement, an archived case) and never jump the state machine.

    ``deletion_rows``: per table, the local rows the payload deletes (id → row).
    """
    sender = plan.sender
    # Cases each written row belongs to, and their owners and statuses here.
    case_ids: set[str] = set()
    for bucket in (plan.inserts, plan.updates):
        for table, (cols, rows) in bucket.items():
            if table != "cases" and "case_id" in cols:
                i = cols.index("case_id")
                case_ids.update(r[i] for r in rows)
    for table, items in deletion_rows.items():
        case_ids.update(r["case_id"] for r in items.values() if r.get("case_id"))
    for c in plan.conflicts:
        cid = _json(c[6]).get("case_id")
        if isinstance(cid, str):
            case_ids.add(cid)
    local_cases = _local_cases(ctx.desk, case_ids)

    def owner_check(table: str, row: dict, here: dict) -> None:
        """``here``: the case the row belongs to, as held here (a case new in this file is
        the sender's own: nothing to check)."""
        if here["site_id"] != sender:
            raise ctx.refuse(table, row, "该案件由其他站点登记，发送方无权为它添加、修改或删除记录",
                             hint="每个案件只能由登记它的调委会修改；请与该村核对")
        if here["status"] == "archived" and table not in NOT_OF_CASE:
            raise ctx.refuse(table, row, f"案件{here['case_no']}在本站已归档，不能再修改")

    def child_tables(table: str) -> bool:
        # The office's own notes on a village's case are the office's: not the case owner's.
        return table != "cases" and table not in OFFICE_TABLES

    for bucket in (plan.inserts, plan.updates):
        for table, (cols, rows) in bucket.items():
            if not child_tables(table) or "case_id" not in cols:
                continue
            i = cols.index("case_id")
            for r in rows:
                here = local_cases.get(r[i])
                if here is not None:
                    owner_check(table, dict(zip(cols, r)), here)
    for c in plan.conflicts:
        row = _json(c[6])
        here = local_cases.get(row.get("case_id") or "")
        if here is not None and child_tables(c[0]):
            owner_check(c[0], row, here)
    for table, items in deletion_rows.items():
        for row in items.values():
            here = local_cases.get(row.get("case_id") or "")
            if here is not None and child_tables(table):
                owner_check(table, row, here)
            try:
                rules.check_delete(table, row)
            except DeskError as exc:
                raise ctx.refuse(table, row, exc.message) from None
    _check_case_deletions(ctx, deletion_rows.get("cases", {}))
    _check_updates(ctx, plan)
    _check_same_case(ctx, plan)
    _check_screening(ctx, plan)
    _check_period_reports(ctx, plan)


def _check_case_deletions(ctx: Context, cases: dict[str, dict]) -> None:
    """Deleting a case takes every record of it along (the schema cascades): refuse it when
    one of them may not go — an agreement in force or voided (it binds, or documents that it
    was voided), or a record another site owns (the office's reviews)."""
    if not cases:
        return
    conn = ctx.desk.db.conn
    ids = list(cases)
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        marks = ",".join("?" * len(chunk))
        for row in _dict_rows(conn, f"SELECT * FROM agreements WHERE case_id IN ({marks})"
                              " AND (effective_on != '' OR voided_on != '')", chunk):
            try:
                rules.check_delete("agreements", row)
            except DeskError as exc:
                raise ctx.refuse("cases", cases[row["case_id"]],
                                 f"不能删除该案件：{exc.message}") from None
        for table in TRAVELLING_TABLES:
            if table == "cases" or not _has_case(ctx.desk, table):
                continue
            found = conn.execute(f"SELECT case_id FROM {table} WHERE case_id IN ({marks})"
                                 " AND site_id != ? LIMIT 1", [*chunk, ctx.inc.sender]).fetchone()
            if found:
                raise ctx.refuse("cases", cases[found[0]],
                                 f"不能删除该案件：它有其他站点（司法所）的{label(table)}记录")


def _has_case(desk: "Desk", table: str) -> bool:
    return any(r[1] == "case_id" for r in desk.db.conn.execute(f"PRAGMA table_info({table})"))


def _dict_rows(conn, sql: str, params) -> list[dict]:
    """Rows of a query as dicts."""
    cur = conn.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def _check_updates(ctx: Context, plan: "Plan") -> None:
    """An update may not change what its state froze, nor move a case backwards."""
    for table, (cols, rows) in plan.updates.items():
        i_id = cols.index("id")
        local = local_rows(ctx.desk, table, [r[i_id] for r in rows])
        for r in rows:
            new = dict(zip(cols, r))
            old = local.get(r[i_id])
            if old is None:
                continue
            try:
                rules.check_change(table, old, new)
            except DeskError as exc:
                # Named as held here: a record moved to another case is named by its own.
                raise ctx.refuse(table, old, exc.message, exc.hint) from None


def local_rows(desk: "Desk", table: str, ids: list[str]) -> dict[str, dict]:
    """The rows of ``table`` held here with these ids (id → row as a dict)."""
    out: dict[str, dict] = {}
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        out.update((r["id"], r) for r in _dict_rows(
            desk.db.conn, f"SELECT * FROM {table} WHERE id IN ({','.join('?' * len(chunk))})",
            chunk))
    return out


def _check_same_case(ctx: Context, plan: "Plan") -> None:
    """A record naming an agreement belongs to that agreement's case (follow-ups,
    confirmations): a village cannot hang its record on another case's agreement."""
    for table in ("followups", "confirmations"):
        for bucket in (plan.inserts, plan.updates):
            entry = bucket.get(table)
            if not entry or "agreement_id" not in entry[0] or "case_id" not in entry[0]:
                continue
            cols, rows = entry
            i_case, i_agr = cols.index("case_id"), cols.index("agreement_id")
            cases = _agreement_cases(ctx.desk, plan, {r[i_agr] for r in rows})
            for r in rows:
                if r[i_agr] in cases and cases[r[i_agr]] != r[i_case]:
                    raise ctx.refuse(table, dict(zip(cols, r)), "所属协议不是本案件的协议")


def _agreement_cases(desk: "Desk", plan: "Plan", ids: set[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for bucket in (plan.inserts, plan.updates):
        entry = bucket.get("agreements")
        if entry and "case_id" in entry[0]:
            cols, rows = entry
            i_id, i_case = cols.index("id"), cols.index("case_id")
            out.update((r[i_id], r[i_case]) for r in rows if r[i_id] in ids)
    rest = [i for i in ids if i not in out]
    for start in range(0, len(rest), BATCH):
        chunk = rest[start:start + BATCH]
        out.update(desk.db.conn.execute(
            f"SELECT id, case_id FROM agreements WHERE id IN ({','.join('?' * len(chunk))})",
            chunk).fetchall())
    return out


def _check_period_reports(ctx: Context, plan: "Plan") -> None:
    """A committee declares its own months only: a report declaration names an organisation
    the sender owns."""
    rows = []
    for bucket in (plan.inserts, plan.updates):
        entry = bucket.get("period_reports")
        if entry:
            rows += [dict(zip(entry[0], r)) for r in entry[1]]
    if not rows:
        return
    orgs = dict(ctx.desk.db.conn.execute("SELECT id, site_id FROM organisations"))
    for table in (plan.inserts, plan.updates):
        entry = table.get("organisations")
        if entry:
            orgs.update((dict(zip(entry[0], r))["id"], plan.sender) for r in entry[1])
    for row in rows:
        if "org_id" in row and orgs.get(row["org_id"]) != plan.sender:
            raise ctx.refuse("period_reports", row, "报送月报的调委会不是发送方自己的调委会",
                             hint="每个村只能报送本村调委会的月报；请与该村核对")


def _check_screening(ctx: Context, plan: "Plan") -> None:
    """A village screens for its own committees only: a screening round or item names an
    organisation the sender owns (not another village's, nor the office's), an item hangs on
    a round of the sender for the same committee, and the case it became (if any) is a case
    of that committee."""
    def incoming(table: str) -> list[dict]:
        out = []
        for bucket in (plan.inserts, plan.updates):
            entry = bucket.get(table)
            if entry:
                out += [dict(zip(entry[0], r)) for r in entry[1]]
        return out

    rounds, items = incoming("screening_rounds"), incoming("screening_items")
    if not rounds and not items:
        return
    conn = ctx.desk.db.conn
    orgs = dict(conn.execute("SELECT id, site_id FROM organisations"))
    orgs.update((r["id"], plan.sender) for r in incoming("organisations"))
    round_org = {r["id"]: (plan.sender, r.get("org_id")) for r in rounds}
    for table, rows in (("screening_rounds", rounds), ("screening_items", items)):
        for row in rows:
            if "org_id" in row and orgs.get(row["org_id"]) != plan.sender:
                raise ctx.refuse(table, row, "排查所属的调委会不是发送方自己的调委会",
                                 hint="每个村只能发送本村调委会的排查记录；请与该村核对")
    wanted = [r["round_id"] for r in items if r.get("round_id") not in round_org]
    for start in range(0, len(wanted), BATCH):
        chunk = wanted[start:start + BATCH]
        round_org.update((rid, (site, org)) for rid, site, org in conn.execute(
            "SELECT id, site_id, org_id FROM screening_rounds WHERE id IN"
            f" ({','.join('?' * len(chunk))})", chunk))
    case_org: dict = {}                  # the incoming cases' committees (not whole rows)
    for bucket in (plan.inserts, plan.updates):
        entry = bucket.get("cases")
        if entry:
            cols, case_rows = entry
            i_id = cols.index("id")
            i_org = cols.index("org_id") if "org_id" in cols else None
            case_org.update((r[i_id], None if i_org is None else r[i_org]) for r in case_rows)
    linked = [r["case_id"] for r in items if r.get("case_id") and r["case_id"] not in case_org]
    for start in range(0, len(linked), BATCH):
        chunk = linked[start:start + BATCH]
        case_org.update(conn.execute(
            f"SELECT id, org_id FROM cases WHERE id IN ({','.join('?' * len(chunk))})", chunk))
    for row in items:
        if "round_id" in row:
            site, org = round_org.get(row["round_id"], (None, None))
            if site is None:
                raise ctx.refuse("screening_items", row, "所属的排查记录不存在")
            if site != plan.sender or ("org_id" in row and org != row["org_id"]):
                raise ctx.refuse("screening_items", row, "所属的排查记录不是发送方本调委会的排查")
        if row.get("case_id"):
            if row["case_id"] not in case_org:
                raise ctx.refuse("screening_items", row, "关联的案件不存在")
            if "org_id" in row and case_org[row["case_id"]] != row["org_id"]:
                raise ctx.refuse("screening_items", row, "关联的案件不是本调委会的案件")


def _local_cases(desk: "Desk", ids: set[str]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    items = [i for i in ids if isinstance(i, str)]
    for start in range(0, len(items), BATCH):
        chunk = items[start:start + BATCH]
        for cid, site, status, no in desk.db.conn.execute(
                "SELECT id, site_id, status, case_no FROM cases WHERE id IN"
                f" ({','.join('?' * len(chunk))})", chunk):
            out[cid] = {"site_id": site, "status": status, "case_no": no}
    return out


def _json(text: str) -> dict:
    try:
        value = json.loads(text)
    except (TypeError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}
