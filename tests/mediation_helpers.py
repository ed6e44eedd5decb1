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
