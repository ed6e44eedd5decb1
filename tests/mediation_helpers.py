"""Helpers for the mediation-path tests (imported by tests/core and tests/cli)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

# Every step of these tests passes this as ``today`` so dates are checked deterministically.
T = date(2026, 6, 30)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def write_file(folder: Path, name: str, data: bytes) -> Path:
    path = Path(folder) / name
    path.write_bytes(data)
    return path


def accepted_case(desk, make_case, *, received="2026-03-02", **over) -> str:
    """A registered and accepted case (consent recorded, rights notice given)."""
    case_id = make_case(received_date=received, **over)
    desk.acceptance.accept(case_id, decided_on=received, consent_form="written_application",
                           rights_notice_given=True, today=T)
    return case_id


def signed_written(desk, case_id, *, agreed_on="2026-03-10", signed_on="2026-03-12",
                   deadline="2026-04-10", scan=None) -> str:
    """A written agreement reached and signed (effective on ``signed_on``)."""
    aid = desk.agreements.create(case_id, agreed_on=agreed_on, terms=["李四于期限内拆除院墙"],
                                 performance_method="自行拆除", performance_deadline=deadline,
                                 today=T)
    desk.agreements.sign(aid, signed_on, scan=scan, today=T)
    return aid


def status(desk, case_id) -> str:
    return desk.cases.get_row(case_id)["status"]


# Ids of the one committee and case in ``older_database_with_a_case``.
OLD_SITE, OLD_ORG, OLD_CASE = "a" * 32, "0" * 31 + "1", "c" * 32
OLD_AT = "2026-01-05T02:00:00+00:00"


def older_database_with_a_case(path: Path, stop_before: str, status: str):
    """A database as an older version left it — migrations applied up to ``stop_before`` —
    holding one village committee and one case in ``status``; returns the open connection
    (autocommit) for the test to add what it needs, with OLD_SITE/OLD_ORG/OLD_CASE and
    OLD_AT as the ids and time."""
    import sqlite3

    import sqlite_utils

    from mediator_desk.storage.database import APPLICATION_ID
    from mediator_desk.storage.migrations import MIGRATIONS

    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    MIGRATIONS.apply(sqlite_utils.Database(conn), stop_before=stop_before)
    sync = (OLD_SITE, OLD_AT, OLD_AT)
    conn.execute("INSERT INTO organisations (id, site_id, rev, created_at, updated_at, kind,"
                 " name, short_name) VALUES (?, ?, 1, ?, ?, 'village', '前进村人民调解委员会',"
                 " '前进')", (OLD_ORG, *sync))
    conn.execute("INSERT INTO cases (id, site_id, rev, created_at, updated_at, org_id, case_no,"
                 " case_year, case_seq, received_date, source, dispute_type, summary, status)"
                 " VALUES (?, ?, 1, ?, ?, ?, '（2026）前进人调字第1号', 2026, 1, '2026-01-05',"
                 " 'apply', '02', '宅基地边界', ?)", (OLD_CASE, *sync, OLD_ORG, status))
    return conn
