"""Migration scripts run statement by statement inside their transaction: the statements are
split where SQLite says one is complete, checked at each ";" (storage/database.py)."""

from __future__ import annotations

import sqlite3

import sqlite_utils

from mediator_desk.storage.database import split_statements
from mediator_desk.storage.migrations import MIGRATIONS

SCRIPT = """
CREATE TABLE t (a TEXT, b TEXT DEFAULT 'x;y');  -- a comment; with a semicolon
/* a block; comment */
INSERT INTO t (a) VALUES ('one;two');
CREATE TRIGGER t_ai AFTER INSERT ON t BEGIN
    UPDATE t SET b = 'set;by trigger' WHERE rowid = new.rowid;
    SELECT 1;
END;
;
INSERT INTO t (a) VALUES ('it''s; quoted');
-- the end
"""


def test_statements_end_where_sqlite_says_they_are_complete():
    statements = list(split_statements(SCRIPT))
    assert statements[0].startswith("CREATE TABLE t") and statements[0].endswith(";")
    assert statements[1].startswith("-- a comment; with a semicolon")
    assert statements[1].endswith("VALUES ('one;two');")
    assert statements[2].startswith("CREATE TRIGGER") and statements[2].endswith("END;")
    assert statements[3] == ";"
    assert statements[4] == "INSERT INTO t (a) VALUES ('it''s; quoted');"
    assert statements[5] == "-- the end"
    assert len(statements) == 6
    assert list(split_statements("")) == [] and list(split_statements("SELECT 1")) == \
        ["SELECT 1"]


def test_a_script_in_a_transaction_does_what_sqlite_does_with_it(tmp_path):
    ours = sqlite3.connect(tmp_path / "ours.db", isolation_level=None)
    ours.execute("BEGIN")
    for statement in split_statements(SCRIPT):
        ours.execute(statement)
    ours.execute("COMMIT")
    theirs = sqlite3.connect(tmp_path / "theirs.db")
    theirs.executescript(SCRIPT)
    for conn in (ours, theirs):
        assert conn.execute("SELECT a, b FROM t ORDER BY rowid").fetchall() == \
            [("one;two", "x;y"), ("it's; quoted", "set;by trigger")]


def test_every_migration_makes_the_schema_sqlite_utils_own_splitting_makes(tmp_path):
    """The whole schema of a new database, made with our splitting and with sqlite-utils'
    plain ``Database`` (which tests after every character)."""
    schemas = []
    for name, db in (("ours", None), ("plain", sqlite_utils.Database(tmp_path / "plain.db"))):
        if db is None:
            from mediator_desk.storage.database import open_database

            db = open_database(tmp_path / "ours.db").full
        else:
            MIGRATIONS.apply(db)
        schemas.append(db.conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").fetchall())
        db.conn.close()
    assert schemas[0] == schemas[1] and len(schemas[0]) > 50
