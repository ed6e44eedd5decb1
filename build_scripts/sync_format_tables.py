"""Generate the column appendix of docs/sync-format.md from the live schema.

For every travelling table (storage/schema.py ``TRAVELLING_TABLES``, in that order) it lists each
column as SQLite reports it (``PRAGMA table_info`` on a freshly migrated database): name, type,
NOT NULL / default, and what the CREATE statement says about it (CHECK constraints, references,
UNIQUE, the comment on the column's line), plus the table-level constraints; then the known
``schema_version`` names (storage/migrations.py ``MIGRATIONS.names``).

    .venv/bin/python build_scripts/sync_format_tables.py          # print the appendix
    .venv/bin/python build_scripts/sync_format_tables.py --write  # replace it in the document
    .venv/bin/python build_scripts/sync_format_tables.py --check  # exit 1 if the doc drifted

tests/sync/test_sync_format_doc.py fails when the document's appendix differs from this output.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DOC = ROOT / "docs" / "sync-format.md"
BEGIN = "<!-- BEGIN GENERATED: build_scripts/sync_format_tables.py (tables) -->"
END = "<!-- END GENERATED (tables) -->"
NAMES_BEGIN = "<!-- BEGIN GENERATED: build_scripts/sync_format_tables.py (schema names) -->"
NAMES_END = "<!-- END GENERATED (schema names) -->"

# What a column holds when the schema alone does not say it (code lists, workflow states).
NOTES = {
    ("period_reports", "org_id"): "the committee (`organisations.id`) declaring its month",
    ("period_reports", "period"): "the month declared closed, `YYYY-MM`; one per committee",
    ("period_reports", "zero"): "1: zero report (零上报, nothing recorded that month)",
    ("cases", "dispute_type"): "code of the `dispute_type` code list (`codes`)",
    ("cases", "source"): "code of the `case_source` code list",
    ("cases", "status"): "case state (core/workflow.py)",
    ("parties", "ethnicity"): "code of the `ethnicity` code list",
    ("parties", "id_type"): "kind of identity document",
    ("*", "id"): "record id: 32 hex digits, unique everywhere",
    ("*", "site_id"): "id of the site that owns (created) the record",
    ("*", "rev"): "revision, 1 when created, +1 per change by the owner",
    ("*", "created_at"): "UTC ISO 8601",
    ("*", "updated_at"): "UTC ISO 8601 (informative; never used for ordering)",
    ("*", "case_id"): "the case (`cases.id`) the record belongs to",
    ("screening_items", "case_id"): "the case the found dispute became (`cases.id`), `\"\"` if none",
    ("screening_items", "org_id"): "the committee (`organisations.id`) that screened",
    ("screening_rounds", "org_id"): "the committee (`organisations.id`) that screened",
    ("screening_items", "dispute_type"): "code of the `dispute_type` code list",
    ("screening_items", "status"): "排查→预警→调处→处置, forward only",
}


def _split_top(body: str) -> list[str]:
    """Split a CREATE TABLE body at commas outside parentheses."""
    out, depth, cur = [], 0, []
    for ch in body:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "," and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur))
    return out


def _clean(text: str) -> tuple[str, str]:
    """(definition without comments, the comments' text)."""
    notes = re.findall(r"--([^\n]*)", text)
    code = re.sub(r"--[^\n]*", "", text)
    return " ".join(code.split()), " ".join(n.strip() for n in notes)


def _describe(definition: str) -> str:
    """CHECK / REFERENCES / UNIQUE parts of a column definition."""
    parts = []
    for m in re.finditer(r"CHECK\s*(\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\))", definition):
        parts.append(f"CHECK {m.group(1)}")
    m = re.search(r"REFERENCES\s+(\w+)\s*\((\w+)\)", definition)
    if m:
        parts.append(f"→ `{m.group(1)}.{m.group(2)}`")
    if re.search(r"\bUNIQUE\b", definition):
        parts.append("UNIQUE")
    return "; ".join(parts)


def table_info(conn, table: str) -> tuple[list[tuple], list[str]]:
    """Rows (name, type, not null/default, constraints, note) and table-level constraints."""
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                       (table,)).fetchone()[0]
    body = sql[sql.index("(") + 1: sql.rindex(")")]
    defs: dict[str, tuple[str, str]] = {}
    table_level = []
    # A comment on the rest of a line after a comma belongs to the column before that comma.
    cleaned: list[tuple[str, str]] = []
    for item in _split_top(body):
        code, note = _clean(item)
        first_line_note = ""
        lines = item.split("\n")
        if len(lines) > 1 and "--" in lines[0] and not _clean(lines[0])[0]:
            first_line_note = _clean(lines[0])[1]
        if cleaned and first_line_note:
            prev_code, prev_note = cleaned[-1]
            cleaned[-1] = (prev_code, (prev_note + " " + first_line_note).strip())
            note = note.replace(first_line_note, "").strip()
        cleaned.append((code, note))
    for code, note in cleaned:
        if not code:
            continue
        head = code.split()[0].upper()
        if head in ("CHECK", "UNIQUE", "PRIMARY", "FOREIGN", "CONSTRAINT"):
            table_level.append(code)
            continue
        defs[code.split()[0].strip('"')] = (code, note)
    rows = []
    for _cid, name, ctype, notnull, default, pk in conn.execute(f"PRAGMA table_info({table})"):
        code, note = defs.get(name, ("", ""))
        req = "PRIMARY KEY" if pk else ("NOT NULL" if notnull else "")
        if default is not None:
            req = f"{req}, default {default}".strip(", ")
        extra = NOTES.get((table, name)) or NOTES.get(("*", name)) or note
        rows.append((name, ctype, req, _describe(code), extra))
    return rows, table_level


def rule_text(table: str, name: str) -> str:
    """The value rule of core/rules.py for one column, in words (what a reader must refuse)."""
    from mediator_desk.core import rules

    col = rules.rules_of(table).get(name)
    if col is None:
        return "(no rule: refused)"
    k = col.kind
    need = ", not empty" if col.required else ""
    if k == "text":
        shape = f", matching the regular expression `{col.pattern}`" if col.pattern else ""
        return f"string ≤ {col.max_len:,} chars{need}{shape}"
    if k == "date":
        return "date `YYYY-MM-DD` (year ≥ 1900)" + (need or " or `\"\"`")
    if k == "time":
        return "`HH:MM` (24 h) or `\"\"`"
    if k == "stamp":
        return "UTC `YYYY-MM-DDThh:mm:ss[.ffffff]+00:00` (or `Z`)"
    if k == "names":
        return f"JSON array of strings (each ≤ {rules.SHORT}), as text ≤ {col.max_len:,} chars"
    if k == "qa":
        return f"JSON array of objects with string `q`, `a`, as text ≤ {col.max_len:,} chars"
    if k == "terms":
        return f"JSON array of strings, as text ≤ {col.max_len:,} chars"
    if k == "signatures":
        return ("JSON array of objects with exactly `party_id` (32 lowercase hex digits, each "
                f"party once), `name` (string ≤ {rules.SHORT}) and `signed_on` (date "
                f"`YYYY-MM-DD`), as text ≤ {col.max_len:,} chars")
    if k == "choice":
        return "one of " + ", ".join(f"`\"{v}\"`" for v in col.values)
    if k == "code":
        return f"a code of the `{col.code_list}` list held by the receiver" + (
            need or " or `\"\"`")
    if k == "sha256":
        return "64 lowercase hex digits"
    if k == "ref_or_empty":
        return "32 lowercase hex digits or `\"\"`"
    if k in ("id", "ref"):
        return "32 lowercase hex digits" + (" or `null`" if col.nullable else "")
    if k == "integer":
        span = f"{col.lo:,}–{col.hi:,}" if col.hi < rules.MAX_INT else f"≥ {col.lo:,}"
        return f"integer {span}" + (" or `null`" if col.nullable else "")
    return k


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ") if text else "—"


def generate_tables(conn) -> str:
    from mediator_desk.storage.schema import TRAVELLING_TABLES

    out = []
    for table in TRAVELLING_TABLES:
        rows, table_level = table_info(conn, table)
        out.append(f"### `{table}`\n")
        out.append("| column | type | required / default | constraints | value rule | meaning |")
        out.append("|---|---|---|---|---|---|")
        for name, ctype, req, cons, note in rows:
            out.append(f"| `{name}` | {ctype} | {_cell(req)} | {_cell(cons)} |"
                       f" {_cell(rule_text(table, name))} | {_cell(note)} |")
        if table_level:
            out.append("")
            out.append("Table constraints: " + "; ".join(f"`{c}`" for c in table_level))
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def generate_names() -> str:
    from mediator_desk.storage.migrations import MIGRATIONS

    return "\n".join(f"{n}. `{name}`" for n, name in enumerate(MIGRATIONS.names, 1)) + "\n"


def fresh_connection():
    """A connection to a newly created, fully migrated database (in a temporary folder)."""
    from mediator_desk.storage.database import open_database

    folder = tempfile.mkdtemp(prefix="sync-format-")
    return open_database(Path(folder) / "schema.db").conn


def section(text: str, begin: str, end: str) -> str:
    return text.split(begin, 1)[1].split(end, 1)[0].strip("\n") + "\n"


def render(doc: str, conn) -> str:
    """The document with both generated sections replaced."""
    doc = _replace(doc, BEGIN, END, generate_tables(conn))
    return _replace(doc, NAMES_BEGIN, NAMES_END, generate_names())


def _replace(doc: str, begin: str, end: str, body: str) -> str:
    head, rest = doc.split(begin, 1)
    _, tail = rest.split(end, 1)
    return f"{head}{begin}\n{body}{end}{tail}"


def main(argv: list[str]) -> int:
    conn = fresh_connection()
    doc = DOC.read_text(encoding="utf-8")
    new = render(doc, conn)
    if "--write" in argv:
        DOC.write_text(new, encoding="utf-8")
        print(f"wrote {DOC}")
        return 0
    if "--check" in argv:
        if new != doc:
            print("docs/sync-format.md: the column appendix differs from the schema;"
                  " run build_scripts/sync_format_tables.py --write")
            return 1
        return 0
    print(generate_tables(conn))
    print(generate_names())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
