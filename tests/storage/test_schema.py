"""The schema's promises to the sync layer: travelling tables are listed, parents first."""

from __future__ import annotations

from mediator_desk.storage.database import open_database
from mediator_desk.storage.schema import TRAVELLING_TABLES

SYNC_COLUMNS = {"id", "site_id", "rev", "created_at", "updated_at"}


def _tables(db) -> dict[str, set[str]]:
    names = [r[0] for r in db.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
        " AND name NOT LIKE 'sqlite_%'")]
    return {n: {r[1] for r in db.conn.execute(f"PRAGMA table_info('{n}')")} for n in names}


def test_every_table_with_sync_columns_is_a_travelling_table(tmp_path):
    db = open_database(tmp_path / "s.db")
    tables = _tables(db)
    with_sync = {name for name, cols in tables.items() if SYNC_COLUMNS <= cols}
    assert with_sync == set(TRAVELLING_TABLES)
    assert len(TRAVELLING_TABLES) == len(set(TRAVELLING_TABLES))
    db.conn.close()


def test_travelling_tables_have_uuid_text_ids_and_revisions(tmp_path):
    db = open_database(tmp_path / "s.db")
    for table in TRAVELLING_TABLES:
        info = {r[1]: r for r in db.conn.execute(f"PRAGMA table_info('{table}')")}
        assert info["id"][2].upper() == "TEXT" and info["id"][5] == 1, table   # primary key
        assert info["site_id"][3] == 1 and info["rev"][3] == 1, table          # NOT NULL
    db.conn.close()


def test_parents_come_before_children(tmp_path):
    """A bundle is applied in TRAVELLING_TABLES order, so a row's parent must arrive first."""
    db = open_database(tmp_path / "s.db")
    position = {t: i for i, t in enumerate(TRAVELLING_TABLES)}
    for table in TRAVELLING_TABLES:
        for fk in db.conn.execute(f"PRAGMA foreign_key_list('{table}')"):
            parent = fk[2]
            if parent in position and parent != table:
                assert position[parent] < position[table], f"{parent} must precede {table}"
    db.conn.close()
