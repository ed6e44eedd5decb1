"""Helpers for the backup tests: logical dumps to compare databases before and after."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

from mediator_desk.storage.schema import TRAVELLING_TABLES

from tests.child_processes import ROOT, start_child  # noqa: F401 (the backup tests' children)
VALID_ID = "11010519491231002X"
# Local tables a backup or a restore may legitimately change (the restore's own audit entry).
SKIP = {"sqlite_sequence"}


def dump(path: Path) -> dict:
    """Every row of every table of the database file at ``path`` (read-only)."""
    conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
    try:
        out = {}
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                    " ORDER BY name"):
            if name in SKIP:
                continue
            out[name] = sorted(conn.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr)
        return out
    finally:
        conn.close()


def records(path: Path) -> dict:
    """The travelling rows only (what a restore must bring back exactly)."""
    full = dump(path)
    return {t: full.get(t) for t in TRAVELLING_TABLES}


def without_audit_of_restore(d: dict) -> dict:
    """A dump without the audit entry a restore appends (and its derived rows)."""
    out = dict(d)
    out["audit_log"] = [r for r in d.get("audit_log", []) if "restore_backup" not in r]
    return out


def case_count(path: Path) -> int:
    conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM cases").fetchone()[0]
    finally:
        conn.close()


def integrity(path: Path) -> str:
    conn = sqlite3.connect(str(path))
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def sha(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def tree(folder: Path) -> dict[str, str]:
    """Relative path → SHA-256 of every file under ``folder`` (to show it did not change)."""
    out = {}
    for base, _dirs, files in os.walk(folder):
        for f in files:
            p = Path(base) / f
            out[str(p.relative_to(folder))] = sha(p)
    return out


def add_case(desk, summary: str = "两家因院墙位置发生争执", names=("张三", "李四")) -> str:
    return desk.cases.register(
        org_id=desk.settings.get("committee_id"), received_date="2026-11-20", source="apply",
        dispute_type="02", summary=summary,
        parties=[dict(name=names[0], role="applicant", id_number=VALID_ID, phone="13912345678"),
                 dict(name=names[1], role="respondent", phone="0476-8123456")],
        mediator_ids=[desk.settings.get("current_mediator_id")])


def pdf_bytes(text: str) -> bytes:
    return b"%PDF-1.4\n% " + text.encode() + b"\n%%EOF\n"


