"""The payload inside a sync file: travelling rows, deletions, audit entries, attachments.

JSON layout (docs/sync-format.md, “payload”)::

    {"format": "mediator-desk-sync-payload", "kind": "bundle", "bundle_id": "…",
     "tables": {"cases": {"columns": ["id", "site_id", "rev", …], "rows": [[…], …]}, …},
     "deletions": {"parties": [["<id>", <rev>], …], …},
     "audit": {"columns": [...AUDIT_COLUMNS], "rows": [[…], …]},
     "files": [{"member": "files/000001.age", "sha256": "…", "size": 1234}, …],
     … kind-specific keys (receipts: "codes", "files_acked" and, when there are any,
       "corrections"; enrolment: "codes")}

:func:`parse_payload` checks the structure against the manifest (kind, bundle id, counts) and
that every row belongs to the sender; the database-level checks (known columns, references,
revisions) are in sync/apply.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mediator_desk.core.audit import TABLE_LABELS
from mediator_desk.core.rules import all_record_ids
from mediator_desk.storage.schema import TRAVELLING_TABLES
from mediator_desk.sync.container import HEX64, ID_TEXT, BundleRefused

PAYLOAD_FORMAT = "mediator-desk-sync-payload"
SYNC_COLUMNS = ("id", "site_id", "rev", "created_at", "updated_at")
AUDIT_COLUMNS = ("id", "site_id", "at", "user", "action", "table_name", "record_id", "case_id",
                 "details")
KEYS = {
    "bundle": {"format", "kind", "bundle_id", "tables", "deletions", "audit", "files"},
    "receipt": {"format", "kind", "bundle_id", "tables", "deletions", "audit", "files", "codes",
                "files_acked"},
    "enrolment": {"format", "kind", "bundle_id", "tables", "deletions", "audit", "files",
                  "codes"},
}
# Optional receipt key: the office's resolution of a conflict over a village-owned record.
OPTIONAL_KEYS = {"receipt": {"corrections"}}
# A record id: 32 lowercase hex digits (core/rules.py; checked here, row by row, with the other
# revision, so the bulk value check need not repeat them).
RECORD_ID = re.compile(r"[0-9a-f]{32}\Z")
CHECKED_HERE = frozenset({"id", "rev"})
CODE_ITEM_KEYS = ("list", "code", "label", "rollup", "sort", "active", "version")


@dataclass
class TableRows:
    """Rows of one table as sent: a column list and rows in that order."""

    columns: list[str]
    rows: list[list]


@dataclass
class Incoming:
    """A parsed payload: what the sender asks us to hold."""

    sender: str
    kind: str = "bundle"
    sender_name: str = ""
    tables: dict[str, TableRows] = field(default_factory=dict)
    deletions: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    audit: TableRows | None = None
    files: list[dict] = field(default_factory=list)
    codes: dict | None = None
    files_acked: list[str] = field(default_factory=list)
    # receipts: rows of the RECEIVER's own records as the office resolved a conflict over them
    corrections: dict[str, TableRows] = field(default_factory=dict)


def _bad(what: str) -> BundleRefused:
    return BundleRefused(f"同步内容格式不正确：{what}")


_PARTS = {"deletions": "删除的", "corrections": "更正的", "audit": "操作记录"}


def _words(what: str) -> str:
    """A part of the payload as people call it: “当事人记录”, “删除的当事人记录”, “操作记录”
    (never a table name)."""
    head, _, table = what.rpartition(".")
    if table in _PARTS:
        return _PARTS[table]
    return _PARTS.get(head, "") + TABLE_LABELS.get(table, "某类") + "记录"


def _rows(obj, what: str) -> TableRows:
    if not isinstance(obj, dict) or set(obj) != {"columns", "rows"}:
        raise _bad(f"{_words(what)}应含 columns 和 rows")
    cols, rows = obj["columns"], obj["rows"]
    if not isinstance(cols, list) or not cols or not all(
            type(c) is str and ID_TEXT.match(c) for c in cols) or len(set(cols)) != len(cols):
        raise _bad(f"{_words(what)}的字段名（columns）")
    if not isinstance(rows, list):
        raise _bad(f"{_words(what)}的行（rows）")
    if rows and (set(map(type, rows)) != {list} or set(map(len, rows)) != {len(cols)}):
        raise _bad(f"{_words(what)}中有一行的字段数与字段名（columns）不符")
    return TableRows(cols, rows)


def _check_owned(t: TableRows, sender: str, what: str, sender_name: str = "") -> None:
    """Every row must carry valid sync columns and belong to the sender (single writer)."""
    try:
        i_id, i_site, i_rev = (t.columns.index(c) for c in ("id", "site_id", "rev"))
    except ValueError:
        raise _bad(f"{_words(what)}缺少记录编号、所属站点或版本号") from None
    for c in SYNC_COLUMNS:
        if c not in t.columns:
            raise _bad(f"{_words(what)}缺少同步字段（{c}）")
    rows = t.rows
    ids = [r[i_id] for r in rows]
    revs = [r[i_rev] for r in rows]
    if (not rows or all_record_ids(ids) and len(set(ids)) == len(ids) and [r[i_site] for r in rows].count(sender) == len(rows)
            and set(map(type, revs)) == {int} and 1 <= min(revs) and max(revs) < 2 ** 62):
        return                           # the common case, column by column
    seen = set()
    for row in rows:
        rid, site, rev = row[i_id], row[i_site], row[i_rev]
        if type(rid) is not str or not RECORD_ID.match(rid):
            raise _bad(f"{_words(what)}中有记录编号无效")
        if rid in seen:
            raise _bad(f"{_words(what)}中记录 {rid[:8]} 重复")
        seen.add(rid)
        if site != sender:
            raise BundleRefused(f"{_sender(sender_name)}发来的{_record(t, row, what)}不属于发送方"
                                "（记录归属另一个站点），未导入任何内容",
                                hint="每条记录只能由创建它的站点发送")
        if type(rev) is not int or not 1 <= rev < 2 ** 62:
            raise _bad(f"{_words(what)}中记录 {rid[:8]} 的版本号无效")


def _sender(name: str) -> str:
    return f"“{name}”" if name else "发送方"


def _record(t: TableRows, row: list, table: str) -> str:
    """A record of the payload in words: 案件（2026）红旗人调字第3号 / 当事人记录（张三）."""
    values = dict(zip(t.columns, row))
    base = table.rpartition(".")[2]
    label = TABLE_LABELS.get(base, "")
    no = values.get("case_no") if base == "cases" else None
    if isinstance(no, str):
        return f"案件{no[:40]}"
    name = values.get("name")
    label = label if label.endswith("记录") else f"{label}记录"
    return label + (f"（{name[:20]}）" if isinstance(name, str) and name else
                    f"（编号 {str(values.get('id'))[:8]}）")


def parse_payload(payload, manifest: dict) -> Incoming:
    """Check a decoded payload against its manifest; return it as :class:`Incoming`."""
    kind = manifest["kind"]
    sender = manifest["sender"]["site_id"]
    if not isinstance(payload, dict):
        raise _bad("应为 JSON 对象")
    extra = set(payload) - KEYS[kind]
    if not KEYS[kind] <= set(payload) or not extra <= OPTIONAL_KEYS.get(kind, set()):
        raise _bad("顶层字段不符：" + ", ".join(sorted(set(payload) ^ KEYS[kind]))[:100])
    if payload["format"] != PAYLOAD_FORMAT or payload["kind"] != kind:
        raise _bad("format/kind 与清单不符")
    if payload["bundle_id"] != manifest["bundle_id"]:
        raise BundleRefused("同步内容与清单不属于同一个文件（编号不符）")
    inc = Incoming(sender=sender, kind=kind,
                   sender_name=str(manifest["sender"].get("name", ""))[:100])
    tables = payload["tables"]
    if not isinstance(tables, dict):
        raise _bad("tables")
    for name, obj in tables.items():
        if name not in TRAVELLING_TABLES:
            raise BundleRefused(f"同步内容含有本软件不认识的表“{str(name)[:40]}”",
                                hint="发送方的软件可能较新，请升级软件")
        t = _rows(obj, name)
        _check_owned(t, sender, name, inc.sender_name)
        inc.tables[name] = t
    deletions = payload["deletions"]
    if not isinstance(deletions, dict):
        raise _bad("deletions")
    for name, items in deletions.items():
        if name not in TRAVELLING_TABLES:
            raise BundleRefused(f"同步内容含有本软件不认识的表“{str(name)[:40]}”",
                                hint="发送方的软件可能较新，请升级软件")
        if not isinstance(items, list):
            raise _bad(f"{_words('deletions.' + name)}应为列表")
        out = []
        for item in items:
            if (type(item) is not list or len(item) != 2 or type(item[0]) is not str
                    or not ID_TEXT.match(item[0]) or type(item[1]) is not int
                    or not 1 <= item[1] < 2 ** 62):
                raise _bad(f"{_words('deletions.' + name)}中有一项不是[记录编号, 版本号]")
            out.append((item[0], item[1]))
        if len({i for i, _ in out}) != len(out):
            raise _bad(f"{_words('deletions.' + name)}有重复记录")
        inc.deletions[name] = out
    audit = _rows(payload["audit"], "audit")
    if tuple(audit.columns) != AUDIT_COLUMNS:
        raise _bad("audit.columns")
    seen = set()
    for row in audit.rows:
        if type(row[0]) is not str or not ID_TEXT.match(row[0]) or row[0] in seen:
            raise _bad("audit 中有记录编号无效或重复")
        seen.add(row[0])
        if row[1] != sender:
            raise BundleRefused("同步内容包含不属于发送方的操作记录，已拒绝")
        if not all(type(v) is str for v in row):
            raise _bad("audit 字段应为文本")
    inc.audit = audit
    files = payload["files"]
    if not isinstance(files, list):
        raise _bad("files")
    members = {m["name"] for m in manifest["members"] if m["name"].startswith("files/")}
    used = set()
    for f in files:
        if (not isinstance(f, dict) or set(f) != {"member", "sha256", "size"}
                or f["member"] not in members or f["member"] in used
                or type(f["sha256"]) is not str or not HEX64.match(f["sha256"])
                or type(f["size"]) is not int or f["size"] < 0):
            raise _bad("files 项")
        used.add(f["member"])
    if used != members:
        raise BundleRefused("附件成员与同步内容不符（有附件未被引用）")
    if len({f["sha256"] for f in files}) != len(files):
        raise _bad("files 中附件重复")
    inc.files = files
    if "codes" in payload:
        inc.codes = _codes(payload["codes"])
    if "files_acked" in payload:
        acked = payload["files_acked"]
        if not isinstance(acked, list) or not all(type(s) is str and HEX64.match(s) for s in acked):
            raise _bad("files_acked")
        inc.files_acked = acked
    if "corrections" in payload:
        inc.corrections = _corrections(payload["corrections"], manifest)
    _check_counts(inc, manifest)
    return inc


def _corrections(obj, manifest: dict) -> dict[str, TableRows]:
    """Receipt corrections: rows owned by the receiver (the village), per travelling table."""
    receiver = (manifest.get("receiver") or {}).get("site_id") or ""
    if not isinstance(obj, dict):
        raise _bad("corrections")
    out = {}
    for name, rows in obj.items():
        if name not in TRAVELLING_TABLES:
            raise BundleRefused(f"同步内容含有本软件不认识的表“{str(name)[:40]}”",
                                hint="发送方的软件可能较新，请升级软件")
        t = _rows(rows, f"corrections.{name}")
        _check_owned(t, receiver, f"corrections.{name}")
        out[name] = t
    return out


def _codes(obj) -> dict:
    if not isinstance(obj, dict) or set(obj) != {"version", "items"}:
        raise _bad("codes")
    if type(obj["version"]) is not int or obj["version"] < 1 or not isinstance(obj["items"], list):
        raise _bad("codes.version/items")
    for item in obj["items"]:
        if not isinstance(item, dict) or set(item) != set(CODE_ITEM_KEYS):
            raise _bad("codes.items 项")
        if not all(type(item[k]) is str and len(item[k]) <= 200
                   for k in ("list", "code", "label", "rollup")):
            raise _bad("codes.items 文本")
        if not all(type(item[k]) is int for k in ("sort", "active", "version")):
            raise _bad("codes.items 数字")
    return obj


def _check_counts(inc: Incoming, manifest: dict) -> None:
    """The clear manifest's counts must describe the encrypted content exactly."""
    counts = manifest["counts"]
    actual = {}
    for name in set(inc.tables) | set(inc.deletions):
        up = len(inc.tables[name].rows) if name in inc.tables else 0
        de = len(inc.deletions.get(name, ()))
        if up or de:
            actual[name] = {"upsert": up, "delete": de}
    declared = {k: v for k, v in counts["tables"].items() if v["upsert"] or v["delete"]}
    if actual != declared:
        diff = sorted(set(actual) ^ set(declared)) or sorted(
            k for k in actual if actual[k] != declared.get(k))
        raise BundleRefused("清单中的记录数与内容不符（"
                            + "、".join(TABLE_LABELS.get(d, "某类") for d in diff[:3]) + "）",
                            hint="文件可能被改动或已损坏")
    if counts["audit"] != (len(inc.audit.rows) if inc.audit is not None else 0):
        raise BundleRefused("清单中的操作记录数与内容不符", hint="文件可能被改动或已损坏")
    if counts["files"] != len(inc.files):
        raise BundleRefused("清单中的附件数与内容不符", hint="文件可能被改动或已损坏")


def table_counts(tables: dict[str, TableRows], deletions: dict[str, list]) -> dict:
    """Per-table counts as written into the manifest."""
    out = {}
    for name in TRAVELLING_TABLES:
        up = len(tables[name].rows) if name in tables else 0
        de = len(deletions.get(name, ()))
        if up or de:
            out[name] = {"upsert": up, "delete": de}
    return out


def build_payload(kind: str, bundle_id: str, *, tables: dict[str, TableRows],
                  deletions: dict[str, list], audit: TableRows, files: list[dict],
                  **extra) -> dict:
    """The payload object for :func:`container.dumps`."""
    body = {"format": PAYLOAD_FORMAT, "kind": kind, "bundle_id": bundle_id,
            "tables": {n: {"columns": t.columns, "rows": t.rows} for n, t in tables.items()},
            "deletions": {n: [list(d) for d in items] for n, items in deletions.items() if items},
            "audit": {"columns": list(audit.columns), "rows": audit.rows},
            "files": files}
    body.update(extra)
    return body
