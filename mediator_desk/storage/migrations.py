"""The schema, as named migrations in one list (sqlite-utils ``Migrations``).

Rules: a migration that has been released is never edited; add a new one at the end. The
applied names are recorded in the database; a database with a name we don't know was written
by a newer version and is refused by ``open_database``.

Every table that travels between sites (see docs/sync-format.md) has the sync columns:
``id`` (UUID text made where the record was born), ``site_id`` (the owning site), ``rev``
(revision counter, +1 per change), ``created_at``/``updated_at`` (UTC ISO text). Every write to
them appends to ``change_log`` and ``audit_log`` in the same transaction (core/records.py).
"""

from __future__ import annotations

import sqlite3

from sqlite_utils import Migrations

from mediator_desk.storage import codelists_v1

MIGRATIONS = Migrations("mediator_desk")

SYNC_COLUMNS = """
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    rev INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL"""


def fts5_available(conn: sqlite3.Connection) -> bool:
    """Probe for FTS5 with the trigram tokenizer (SQLite ≥ 3.34 built with FTS5)."""
    try:
        conn.execute("CREATE VIRTUAL TABLE temp._fts_probe USING fts5(x, tokenize='trigram')")
        conn.execute("DROP TABLE temp._fts_probe")
        return True
    except sqlite3.OperationalError:
        return False


@MIGRATIONS(name="0001_case_book")
def m0001_case_book(db):
    db.executescript(f"""
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

    CREATE TABLE code_items (
        list TEXT NOT NULL,
        code TEXT NOT NULL,
        label TEXT NOT NULL,
        rollup TEXT NOT NULL DEFAULT '',
        sort INTEGER NOT NULL DEFAULT 0,
        active INTEGER NOT NULL DEFAULT 1,
        version INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (list, code)
    );

    CREATE TABLE organisations ({SYNC_COLUMNS},
        kind TEXT NOT NULL CHECK (kind IN ('city','county','township','village','group','specialised')),
        name TEXT NOT NULL,
        short_name TEXT NOT NULL DEFAULT '',
        parent_id TEXT REFERENCES organisations(id),
        division_code TEXT NOT NULL DEFAULT '',
        speciality TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX organisations_parent ON organisations(parent_id);

    CREATE TABLE mediators ({SYNC_COLUMNS},
        org_id TEXT REFERENCES organisations(id),
        name TEXT NOT NULL,
        sex TEXT NOT NULL DEFAULT '' CHECK (sex IN ('', '男', '女')),
        ethnicity TEXT NOT NULL DEFAULT '',
        birth_date TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        education TEXT NOT NULL DEFAULT '',
        legal_training INTEGER NOT NULL DEFAULT 0,
        profession TEXT NOT NULL DEFAULT '',
        full_time INTEGER NOT NULL DEFAULT 0,
        title TEXT NOT NULL DEFAULT '',
        honours TEXT NOT NULL DEFAULT '',
        training TEXT NOT NULL DEFAULT '',
        active INTEGER NOT NULL DEFAULT 1
    );
    CREATE INDEX mediators_org ON mediators(org_id, active);

    CREATE TABLE cases ({SYNC_COLUMNS},
        org_id TEXT NOT NULL REFERENCES organisations(id),
        case_no TEXT NOT NULL UNIQUE,
        case_year INTEGER NOT NULL,
        case_seq INTEGER NOT NULL,
        received_date TEXT NOT NULL,
        source TEXT NOT NULL,
        referral_note TEXT NOT NULL DEFAULT '',
        dispute_type TEXT NOT NULL,
        summary TEXT NOT NULL DEFAULT '',
        claims TEXT NOT NULL DEFAULT '',
        place TEXT NOT NULL DEFAULT '',
        people_involved INTEGER NOT NULL DEFAULT 0 CHECK (people_involved >= 0),
        amount_fen INTEGER NOT NULL DEFAULT 0 CHECK (amount_fen >= 0),
        risk_flag INTEGER NOT NULL DEFAULT 0,
        risk_note TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL,
        created_by TEXT NOT NULL DEFAULT '',
        UNIQUE (org_id, case_year, case_seq)
    );
    CREATE INDEX cases_received ON cases(received_date DESC, case_no DESC);
    CREATE INDEX cases_status ON cases(status, received_date);
    CREATE INDEX cases_type ON cases(dispute_type, received_date);
    CREATE INDEX cases_org ON cases(org_id, received_date);
    CREATE INDEX cases_year ON cases(case_year, received_date);

    -- Numbers are never reused: the counter only grows, even if a case is removed.
    CREATE TABLE case_counters (
        org_id TEXT NOT NULL,
        year INTEGER NOT NULL,
        last_seq INTEGER NOT NULL,
        PRIMARY KEY (org_id, year)
    );

    CREATE TABLE case_mediators ({SYNC_COLUMNS},
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        mediator_id TEXT NOT NULL REFERENCES mediators(id),
        role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('lead', 'member')),
        UNIQUE (case_id, mediator_id)
    );
    CREATE INDEX case_mediators_mediator ON case_mediators(mediator_id);

    CREATE TABLE parties ({SYNC_COLUMNS},
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL DEFAULT 0,
        role TEXT NOT NULL CHECK (role IN ('applicant', 'respondent', 'third_party')),
        kind TEXT NOT NULL DEFAULT 'person' CHECK (kind IN ('person', 'organisation')),
        name TEXT NOT NULL,
        sex TEXT NOT NULL DEFAULT '' CHECK (sex IN ('', '男', '女')),
        ethnicity TEXT NOT NULL DEFAULT '',
        birth_date TEXT NOT NULL DEFAULT '',
        age INTEGER CHECK (age IS NULL OR (age >= 0 AND age < 150)),
        id_type TEXT NOT NULL DEFAULT 'resident_id',
        id_number TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        address TEXT NOT NULL DEFAULT '',
        occupation TEXT NOT NULL DEFAULT '',
        employer TEXT NOT NULL DEFAULT '',
        legal_rep TEXT NOT NULL DEFAULT '',
        legal_rep_title TEXT NOT NULL DEFAULT '',
        agent_name TEXT NOT NULL DEFAULT '',
        agent_phone TEXT NOT NULL DEFAULT '',
        agent_relation TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX parties_case ON parties(case_id, seq);
    CREATE INDEX parties_id_number ON parties(id_number) WHERE id_number != '';
    CREATE INDEX parties_name_phone ON parties(name, phone);

    -- Change tracking: one row per write to a travelling table ("what changed since seq N").
    CREATE TABLE change_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        table_name TEXT NOT NULL,
        record_id TEXT NOT NULL,
        rev INTEGER NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
        at TEXT NOT NULL
    );
    CREATE INDEX change_log_record ON change_log(table_name, record_id);

    -- Audit trail: who changed what, when. Append-only; travels with the records.
    CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        site_id TEXT NOT NULL,
        at TEXT NOT NULL,
        user TEXT NOT NULL,
        action TEXT NOT NULL,
        table_name TEXT NOT NULL DEFAULT '',
        record_id TEXT NOT NULL DEFAULT '',
        case_id TEXT NOT NULL DEFAULT '',
        details TEXT NOT NULL DEFAULT '{{}}'
    );
    CREATE INDEX audit_log_case ON audit_log(case_id, seq);
    CREATE INDEX audit_log_record ON audit_log(table_name, record_id, seq);

    -- Search: one row per case. ``short`` holds names, pinyin initials and the case number
    -- (1–2 character queries scan it); ``body`` holds everything (3+ characters use FTS5).
    CREATE TABLE case_search (
        rowid INTEGER PRIMARY KEY,
        case_id TEXT NOT NULL UNIQUE REFERENCES cases(id) ON DELETE CASCADE,
        short TEXT NOT NULL,
        body TEXT NOT NULL
    );
    """)
    if fts5_available(db.conn):
        db.executescript("""
        CREATE VIRTUAL TABLE case_fts USING fts5(
            body, content='case_search', content_rowid='rowid', tokenize='trigram');
        CREATE TRIGGER case_search_ai AFTER INSERT ON case_search BEGIN
            INSERT INTO case_fts(rowid, body) VALUES (new.rowid, new.body);
        END;
        CREATE TRIGGER case_search_ad AFTER DELETE ON case_search BEGIN
            INSERT INTO case_fts(case_fts, rowid, body) VALUES ('delete', old.rowid, old.body);
        END;
        CREATE TRIGGER case_search_au AFTER UPDATE ON case_search BEGIN
            INSERT INTO case_fts(case_fts, rowid, body) VALUES ('delete', old.rowid, old.body);
            INSERT INTO case_fts(rowid, body) VALUES (new.rowid, new.body);
        END;
        """)
    rows = []
    for i, (code, label, rollup) in enumerate(codelists_v1.DISPUTE_TYPES):
        rows.append(("dispute_type", code, label, rollup, i))
    for i, (code, label, flag) in enumerate(codelists_v1.CASE_SOURCES):
        rows.append(("case_source", code, label, flag, i))
    for i, (code, label) in enumerate(codelists_v1.ETHNICITIES):
        rows.append(("ethnicity", code, label, "", i))
    for i, (code, label) in enumerate(codelists_v1.EDUCATION_LEVELS):
        rows.append(("education", code, label, "", i))
    db.conn.executemany(
        "INSERT INTO code_items (list, code, label, rollup, sort, version) VALUES (?,?,?,?,?,1)",
        rows)
    db.conn.execute("INSERT INTO settings (key, value) VALUES ('codes_version', '1')")
