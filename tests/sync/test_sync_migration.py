"""Upgrade: a database made before the sync migrations (0003_sync, 0004_sync_tombstones) gets
them when opened, and its earlier records travel in the first bundle."""

from __future__ import annotations

import sqlite3

import sqlite_utils

from mediator_desk import sync
from mediator_desk.core.desk import Desk
from mediator_desk.storage.database import APPLICATION_ID
from mediator_desk.storage.migrations import MIGRATIONS

from sync_helpers import first_import, records


def test_database_from_before_sync_upgrades_and_its_records_travel(sync_template, tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    MIGRATIONS.apply(sqlite_utils.Database(conn), stop_before="0003_sync")
    at = "2026-01-05T02:00:00+00:00"
    site = "a" * 32
    conn.execute("INSERT INTO settings (key, value) VALUES ('site_id', ?)", (f'"{site}"',))
    conn.execute("INSERT INTO organisations (id, site_id, rev, created_at, updated_at, kind, name,"
                 " short_name) VALUES ('00000000000000000000000000000001', ?, 1, ?, ?, 'village', '前进村人民调解委员会', '前进')",
                 (site, at, at))
    conn.execute("INSERT INTO cases (id, site_id, rev, created_at, updated_at, org_id, case_no,"
                 " case_year, case_seq, received_date, source, dispute_type, summary, status)"
                 " VALUES ('ccccccccccccccccccccccccccccccc1', ?, 1, ?, ?, '00000000000000000000000000000001', '（2026）前进人调字第1号', 2026, 1, '2026-01-05',"
                 " 'apply', '02', '宅基地边界', 'registered')", (site, at, at))
    conn.executemany("INSERT INTO change_log (table_name, record_id, rev, op, at)"
                     " VALUES (?, ?, 1, 'upsert', ?)", [("organisations", "00000000000000000000000000000001", at),
                                                        ("cases", "ccccccccccccccccccccccccccccccc1", at)])
    conn.execute("INSERT INTO settings (key, value) VALUES ('committee_id', '\"00000000000000000000000000000001\"')")
    conn.close()

    village = Desk.open(path)              # migrates: 0003_sync, 0004_sync_tombstones, …
    tables = {r[0] for r in village.db.conn.execute("SELECT name FROM sqlite_master")}
    assert {"case_reviews", "sync_sites", "sync_imports", "sync_conflicts",
            "sync_tombstones"} <= tables
    assert village.cases.get_row("ccccccccccccccccccccccccccccccc1")["summary"] == "宅基地边界"
    sync.init_site(village, role="village")
    sync.import_enrolment(village, sync_template / "office.mdenrol")
    out = sync.export_bundle(village, tmp_path / "b.mdsync")
    assert out["counts"]["tables"]["cases"] == {"upsert": 1, "delete": 0}

    from sync_helpers import copy_site

    office = Desk.open(copy_site(sync_template, tmp_path, "office"))
    assert first_import(office, village, tmp_path / "b.mdsync").status == "applied"
    assert records(office, site)["cases"] == records(village, site)["cases"]
    office.close()
    village.close()
