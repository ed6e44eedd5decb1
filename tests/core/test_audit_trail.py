"""Every write leaves its audit row and change-log row, in the same transaction."""

from __future__ import annotations

import json
import sqlite3

import pytest

from mediator_desk.errors import DatabaseRefused, ValidationError
from tests.conftest import VALID_ID, VALID_ID_2


def audit_rows(desk, **where) -> list[dict]:
    cond = " AND ".join(f"{k} = ?" for k in where) or "1"
    rows = desk.query(f"SELECT * FROM audit_log WHERE {cond} ORDER BY seq", tuple(where.values()))
    for r in rows:
        r["details"] = json.loads(r["details"])
    return rows


def changes(desk, record_id) -> list[tuple]:
    return [tuple(r.values()) for r in desk.query(
        "SELECT table_name, rev, op FROM change_log WHERE record_id = ? ORDER BY seq",
        (record_id,))]


def test_registration_audits_every_record(desk, make_case):
    case_id = make_case()
    rows = audit_rows(desk, case_id=case_id)
    assert [(r["action"], r["table_name"]) for r in rows] == [
        ("register", "cases"), ("create", "parties"), ("create", "parties"),
        ("create", "case_mediators")]
    assert all(r["user"] == "乌力吉" and r["site_id"] == desk.site_id for r in rows)
    assert rows[0]["record_id"] == case_id
    assert rows[0]["details"]["summary"] == "两家因院墙位置发生争执"
    # The audit row and the record carry the same time: written together.
    assert rows[0]["at"] == desk.cases.get_row(case_id)["created_at"]


def test_id_numbers_are_masked_in_the_audit_trail(desk, make_case):
    case_id = make_case()
    text = json.dumps([r["details"] for r in audit_rows(desk, case_id=case_id)],
                      ensure_ascii=False)
    assert VALID_ID not in text
    assert "110105********002X" in text
    party = desk.parties.for_case(case_id)[1]
    desk.parties.update(party["id"], id_number=VALID_ID_2, sex="", birth_date="")
    last = audit_rows(desk, record_id=party["id"])[-1]
    assert last["action"] == "update"
    assert last["details"]["id_number"] == ["", "150402********1237"]
    assert VALID_ID_2 not in json.dumps(audit_rows(desk), ensure_ascii=False)
    # ...while the record itself keeps the full number.
    assert desk.parties.get(party["id"])["id_number"] == VALID_ID_2


def test_updates_and_deletes_log_old_and_new_values_and_revisions(desk, make_case):
    case_id = make_case()
    desk.cases.update(case_id, summary="改后的案情", amount_fen="1,200.50")
    row = desk.cases.get_row(case_id)
    assert row["rev"] == 2
    last = audit_rows(desk, record_id=case_id)[-1]
    assert last["details"] == {"summary": ["两家因院墙位置发生争执", "改后的案情"],
                               "amount_fen": [0, 120050]}
    assert desk.cases.update(case_id, summary="改后的案情") == {}     # no change, no write
    assert desk.cases.get_row(case_id)["rev"] == 2
    party = desk.parties.for_case(case_id)[1]
    desk.parties.remove(party["id"])
    gone = audit_rows(desk, record_id=party["id"])[-1]
    assert gone["action"] == "delete" and gone["details"]["name"] == "李四"
    assert changes(desk, case_id) == [("cases", 1, "upsert"), ("cases", 2, "upsert")]
    assert changes(desk, party["id"]) == [("parties", 1, "upsert"), ("parties", 2, "delete")]


def test_a_failed_transaction_leaves_neither_record_nor_audit(desk):
    before = {t: desk.scalar(f"SELECT count(*) FROM {t}")
              for t in ("organisations", "audit_log", "change_log")}
    with pytest.raises(RuntimeError):
        with desk.transaction():
            desk.records.insert("organisations", {"kind": "city", "name": "临时"})
            assert desk.scalar("SELECT count(*) FROM audit_log") == before["audit_log"] + 1
            raise RuntimeError("boom")
    assert {t: desk.scalar(f"SELECT count(*) FROM {t}") for t in before} == before


def test_a_refused_registration_writes_nothing(desk, make_case):
    before = {t: desk.scalar(f"SELECT count(*) FROM {t}")
              for t in ("cases", "parties", "audit_log", "change_log", "case_counters")}
    with pytest.raises(ValidationError) as err:
        make_case(parties=[dict(name="张三", id_number="110105194912310021")])
    assert err.value.field == "id_number"
    with pytest.raises(ValidationError):
        make_case(parties=[dict(name="张三", phone="123")])
    with pytest.raises(ValidationError):
        make_case(received_date="2999-01-01")
    assert {t: desk.scalar(f"SELECT count(*) FROM {t}") for t in before} == before


def test_a_write_failing_inside_the_database_rolls_back_everything(desk, make_case, monkeypatch):
    """The audit row is written after the record: if it fails, the record goes too."""
    case_id = make_case()
    before = desk.cases.get_row(case_id)
    audits = desk.scalar("SELECT count(*) FROM audit_log")
    original = desk.records.audit

    def broken_audit(*a, **k):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(desk.records, "audit", broken_audit)
    with pytest.raises(DatabaseRefused):
        desk.cases.update(case_id, summary="不会保存")
    monkeypatch.setattr(desk.records, "audit", original)
    assert desk.cases.get_row(case_id) == before
    assert desk.scalar("SELECT count(*) FROM audit_log") == audits


def test_writes_outside_a_transaction_are_refused(desk):
    with pytest.raises(Exception) as err:
        desk.records.insert("organisations", {"kind": "city", "name": "临时"})
    assert "事务" in str(err.value)


def test_insert_many_writes_sync_columns_change_log_and_one_audit_row(desk):
    rows = [{"kind": "city", "name": f"城{i}", "short_name": "", "parent_id": None,
             "division_code": "", "speciality": "", "note": ""} for i in range(50)]
    rows[0]["id"] = "f" * 32
    audits = desk.scalar("SELECT count(*) FROM audit_log")
    with desk.transaction():
        assert desk.records.insert_many("organisations", rows, details={"source": "test"}) == 50
    made = desk.query("SELECT * FROM organisations WHERE name LIKE '城%' ORDER BY rowid")
    assert len(made) == 50 and made[0]["id"] == "f" * 32
    assert all(r["site_id"] == desk.site_id and r["rev"] == 1 and r["created_at"]
               for r in made)
    assert all(changes(desk, r["id"]) == [("organisations", 1, "upsert")] for r in made)
    new = audit_rows(desk)[audits:]
    assert len(new) == 1
    assert new[0]["action"] == "bulk_create" and new[0]["table_name"] == "organisations"
    assert new[0]["details"] == {"source": "test", "table": "organisations", "count": 50,
                                 "first_id": "f" * 32, "last_id": made[-1]["id"]}
    assert desk.take_changes().touches("organisations")


def test_settings_changes_are_audited(desk):
    with desk.transaction():
        desk.settings.set("retention", "永久")
    last = audit_rows(desk, table_name="settings")[-1]
    assert last["record_id"] == "retention" and last["details"] == {"retention": [None, "永久"]}
