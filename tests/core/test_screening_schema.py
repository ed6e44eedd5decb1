"""Migration 0012_screening: the screening tables, their stored rules, and risk flags that
record a risk of suicide (the rebuilt table keeps its rows and indexes)."""

from __future__ import annotations

import sqlite3

import pytest

from mediator_desk.core import rules
from mediator_desk.storage.database import open_database

from mediation_helpers import OLD_AT, OLD_CASE, OLD_SITE, older_database_with_a_case

ITEM = dict(round_id="a" * 32, org_id="b" * 32, found_on="2026-11-03", place="三组",
            dispute_type="02", parties='["张三", "李四"]', contact="13900000000",
            people_involved=5, summary="院墙", risk_level="orange", measures="入户调解",
            responsible="乌力吉", deadline="2026-11-20", status="screened", settled_on="",
            case_id="", prevented="", prevented_people=0)


def test_risk_flags_rebuilt_with_suicide_keeping_rows_and_indexes(tmp_path):
    path = tmp_path / "old.db"
    conn = older_database_with_a_case(path, "0012_screening", "mediating")
    case, sync = OLD_CASE, (OLD_SITE, OLD_AT, OLD_AT)
    conn.execute("INSERT INTO risk_flags (id, site_id, rev, created_at, updated_at, case_id,"
                 " kind, flagged_on, note, people, prevented) VALUES (?, ?, 3, ?, ?, ?,"
                 " 'criminal', '2026-01-06', '扬言报复', 4, 1)", ("f" * 32, *sync, case))
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO risk_flags (id, site_id, created_at, updated_at, case_id,"
                     " kind, flagged_on) VALUES (?, ?, ?, ?, ?, 'suicide', '2026-01-06')",
                     ("e" * 32, *sync, case))
    before = conn.execute("SELECT * FROM risk_flags").fetchall()
    cols = [r[1] for r in conn.execute("PRAGMA table_info(risk_flags)")]
    conn.close()

    db = open_database(path)          # migrates (after a verified backup)
    c = db.conn
    assert c.execute("SELECT * FROM risk_flags").fetchall() == before
    assert [r[1] for r in c.execute("PRAGMA table_info(risk_flags)")] == cols
    indexes = {r[1] for r in c.execute("PRAGMA index_list(risk_flags)")}
    assert "risk_flags_unreported" in indexes
    assert any(r[2] == 1 for r in c.execute("PRAGMA index_list(risk_flags)"))  # UNIQUE kept
    fks = c.execute("PRAGMA foreign_key_list(risk_flags)").fetchall()
    assert fks and fks[0][2] == "cases" and fks[0][6] == "CASCADE"
    c.execute("INSERT INTO risk_flags (id, site_id, created_at, updated_at, case_id, kind,"
              " flagged_on) VALUES (?, ?, ?, ?, ?, 'suicide', '2026-01-06')",
              ("e" * 32, *sync, case))
    with pytest.raises(sqlite3.IntegrityError):   # still one flag per kind per case
        c.execute("INSERT INTO risk_flags (id, site_id, created_at, updated_at, case_id, kind,"
                  " flagged_on) VALUES (?, ?, ?, ?, ?, 'suicide', '2026-01-07')",
                  ("d" * 32, *sync, case))
    assert c.execute("PRAGMA foreign_key_check").fetchall() == []
    names = {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"screening_rounds_org", "screening_items_org", "screening_items_round"} <= names
    c.close()


def test_stored_screening_rules():
    rules.check_row("screening_items", ITEM)
    settled = dict(ITEM, status="settled", settled_on="2026-11-10", prevented="group_petition",
                   prevented_people=5)
    rules.check_row("screening_items", settled)
    for bad, what in [
            (dict(ITEM, deadline="2026-11-01"), "化解期限"),
            (dict(ITEM, settled_on="2026-11-01", status="settled"), "处置日期"),
            (dict(ITEM, status="settled"), "应填写处置日期"),
            (dict(ITEM, settled_on="2026-11-10"), "尚未处置"),
            (dict(ITEM, prevented="suicide"), "处置后"),
            (dict(settled, prevented="", prevented_people=2), "未选择"),
            (dict(settled, prevented_people=6), "不能多于"),
            (dict(ITEM, risk_level="green"), "风险等级"),
            (dict(ITEM, status="closed"), "不在允许的范围内"),
            (dict(ITEM, found_on="2026-13-01"), "发现日期"),
            (dict(ITEM, parties="张三"), "当事人")]:
        with pytest.raises(rules.RuleBroken, match=what):
            rules.check_row("screening_items", bad)
    # bulk (sync import) says the same
    cols = list(settled)
    with pytest.raises(rules.RuleBroken, match="不能多于"):
        rules.check_rows("screening_items", cols,
                         [list(settled.values()), list(dict(settled, prevented_people=9).values())])
    # people involved not counted: any number prevented
    rules.check_row("screening_items", dict(settled, people_involved=0, prevented_people=40))


def test_screening_status_only_moves_forward():
    old = dict(ITEM, id="c" * 32, status="mediating")
    rules.check_change("screening_items", old, {"status": "settled"})
    rules.check_change("screening_items", dict(old, status="screened"), {"status": "mediating"})
    with pytest.raises(rules.RuleBroken, match="不能从“调处”退回“预警”"):
        rules.check_change("screening_items", old, {"status": "warned"})
    rules.check_change("screening_items", old, {"case_id": "d" * 32})       # linked once
    with pytest.raises(rules.RuleBroken, match="一经登记不能更改"):
        rules.check_change("screening_items", dict(old, case_id="d" * 32), {"case_id": "e" * 32})
    with pytest.raises(rules.RuleBroken, match="一经登记不能更改"):
        rules.check_change("screening_items", old, {"round_id": "e" * 32})
