"""The schema, as named migrations in one list (applied by sqlite-utils ``Migrations``).

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


from mediator_desk.storage import codelists_v1



class MigrationList:
    """Named migrations in one list, applied through sqlite-utils' ``Migrations``.

    The decorator API is that of ``sqlite_utils.Migrations``; the difference is that
    sqlite-utils (≈0.09 s to import, with click, dateutil and pluggy) is imported only when a
    migration is actually pending, so opening an up-to-date database at start-up doesn't pay it.
    Applied names are recorded in sqlite-utils' own table, ``_sqlite_migrations``.
    """

    migrations_table = "_sqlite_migrations"

    class Step:
        def __init__(self, name, fn):
            self.name, self.fn = name, fn

    def __init__(self, name: str):
        self.name = name
        self._migrations: list[MigrationList.Step] = []

    def __call__(self, *, name: str):
        def register(fn):
            if any(m.name == name for m in self._migrations):
                raise ValueError(f"migration {name!r} registered twice")
            self._migrations.append(self.Step(name, fn))
            return fn
        return register

    @property
    def names(self) -> list[str]:
        return [m.name for m in self._migrations]

    def apply(self, db, *, stop_before=None) -> None:
        """Apply pending steps to ``db`` (a ``sqlite_utils.Database``), each in a transaction."""
        from sqlite_utils import Migrations

        real = Migrations(self.name)
        for step in self._migrations:
            real(name=step.name)(step.fn)
        real.apply(db, stop_before=stop_before)


MIGRATIONS = MigrationList("mediator_desk")

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


@MIGRATIONS(name="0002_mediation_path")
def m0002_mediation_path(db):
    """The mediation path: acceptance, records, outcomes, agreements, follow-ups,
    judicial confirmation, archiving and attachments. All travelling tables.

    Lists (mediators present, parties present, terms, question/answer pairs) are JSON text.
    No foreign key points at ``attachments`` (an attachment names the record it proves through
    ``record_table``/``record_id``), so attachments can travel last.
    """
    db.executescript(f"""
    -- Acceptance (受理) or refusal (不予受理, Art. 17 / 2002 rules). One per case.
    CREATE TABLE acceptances ({SYNC_COLUMNS},
        case_id TEXT NOT NULL UNIQUE REFERENCES cases(id) ON DELETE CASCADE,
        decision TEXT NOT NULL CHECK (decision IN ('accepted', 'refused')),
        decided_on TEXT NOT NULL,
        consent_form TEXT NOT NULL DEFAULT '',
        consent_note TEXT NOT NULL DEFAULT '',
        rights_notice_given INTEGER NOT NULL DEFAULT 0,
        refusal_reason TEXT NOT NULL DEFAULT ''
            CHECK (refusal_reason IN ('', 'party_refuses', 'outside_scope', 'other_body')),
        refusal_note TEXT NOT NULL DEFAULT '',
        decided_by TEXT NOT NULL DEFAULT ''
    );

    -- Investigation records (调查记录): body as ordered question/answer pairs (JSON list of
    -- {{"q": …, "a": …}}).
    CREATE TABLE investigations ({SYNC_COLUMNS},
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        held_on TEXT NOT NULL,
        start_time TEXT NOT NULL DEFAULT '',
        end_time TEXT NOT NULL DEFAULT '',
        place TEXT NOT NULL DEFAULT '',
        subject TEXT NOT NULL,
        participants TEXT NOT NULL DEFAULT '',
        investigators TEXT NOT NULL DEFAULT '[]',
        recorder TEXT NOT NULL DEFAULT '',
        qa TEXT NOT NULL DEFAULT '[]',
        note TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX investigations_case ON investigations(case_id, held_on, seq);

    -- Mediation records (调解记录). mediators/parties_present/participants are JSON lists of
    -- names as written on the record (participants: invited helpers, not mediators/parties).
    CREATE TABLE mediation_sessions ({SYNC_COLUMNS},
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        held_on TEXT NOT NULL,
        start_time TEXT NOT NULL DEFAULT '',
        end_time TEXT NOT NULL DEFAULT '',
        place TEXT NOT NULL DEFAULT '',
        matter TEXT NOT NULL DEFAULT '',
        mediators TEXT NOT NULL DEFAULT '[]',
        parties_present TEXT NOT NULL DEFAULT '[]',
        participants TEXT NOT NULL DEFAULT '[]',
        recorder TEXT NOT NULL DEFAULT '',
        rights_notice_given INTEGER NOT NULL DEFAULT 0,
        statements TEXT NOT NULL DEFAULT '',
        findings TEXT NOT NULL DEFAULT '',
        risk_warning TEXT NOT NULL DEFAULT '',
        result TEXT NOT NULL DEFAULT 'continue' CHECK (result IN ('continue', 'agreed', 'failed')),
        result_note TEXT NOT NULL DEFAULT '',
        routes_explained TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX mediation_sessions_case ON mediation_sessions(case_id, held_on, seq);

    -- Escalation risks (Art. 25): one row per kind per case, with the police report if made.
    CREATE TABLE risk_flags ({SYNC_COLUMNS},
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('criminal', 'group_petition', 'group_fight')),
        flagged_on TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        people INTEGER NOT NULL DEFAULT 0 CHECK (people >= 0),
        prevented INTEGER NOT NULL DEFAULT 0,
        reported_on TEXT NOT NULL DEFAULT '',
        report_recipient TEXT NOT NULL DEFAULT '',
        report_note TEXT NOT NULL DEFAULT '',
        UNIQUE (case_id, kind)
    );
    CREATE INDEX risk_flags_unreported ON risk_flags(case_id) WHERE reported_on = '';

    -- Endings without agreement: mediation ended (调解终止, Art. 26) or application withdrawn.
    CREATE TABLE closures ({SYNC_COLUMNS},
        case_id TEXT NOT NULL UNIQUE REFERENCES cases(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('ended', 'withdrawn')),
        closed_on TEXT NOT NULL,
        reason TEXT NOT NULL,
        routes_explained TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT ''
    );

    -- Agreements (调解协议书 written / 口头协议 oral), numbered per committee per year.
    -- supplements_id names the agreement a supplementary agreement corrects (no FK: rows of
    -- one table may arrive in any order in a sync bundle).
    CREATE TABLE agreements ({SYNC_COLUMNS},
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        form TEXT NOT NULL CHECK (form IN ('written', 'oral')),
        agreement_no TEXT NOT NULL UNIQUE,
        agreement_year INTEGER NOT NULL,
        agreement_seq INTEGER NOT NULL,
        supplements_id TEXT,
        agreed_on TEXT NOT NULL,
        place TEXT NOT NULL DEFAULT '',
        facts TEXT NOT NULL DEFAULT '',
        terms TEXT NOT NULL DEFAULT '[]',
        performance_method TEXT NOT NULL DEFAULT '',
        performance_deadline TEXT NOT NULL DEFAULT '',
        amount_fen INTEGER NOT NULL DEFAULT 0 CHECK (amount_fen >= 0),
        copies INTEGER NOT NULL DEFAULT 0 CHECK (copies >= 0),
        mediators TEXT NOT NULL DEFAULT '[]',
        recorder TEXT NOT NULL DEFAULT '',
        signed_on TEXT NOT NULL DEFAULT '',
        effective_on TEXT NOT NULL DEFAULT '',
        performance_status TEXT NOT NULL DEFAULT 'not_due'
            CHECK (performance_status IN ('not_due', 'performed', 'partly', 'not_performed')),
        performance_checked_on TEXT NOT NULL DEFAULT '',
        performance_note TEXT NOT NULL DEFAULT '',
        followup_due TEXT NOT NULL DEFAULT '',
        voided_on TEXT NOT NULL DEFAULT '',
        void_reason TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX agreements_case ON agreements(case_id, agreed_on);
    CREATE INDEX agreements_deadline ON agreements(performance_deadline)
        WHERE effective_on != '' AND voided_on = '';
    CREATE INDEX agreements_effective ON agreements(effective_on) WHERE voided_on = '';

    -- Numbers are never reused: the counter only grows (like case_counters). Local table.
    CREATE TABLE agreement_counters (
        org_id TEXT NOT NULL,
        year INTEGER NOT NULL,
        last_seq INTEGER NOT NULL,
        PRIMARY KEY (org_id, year)
    );

    -- Follow-up visits (回访记录).
    CREATE TABLE followups ({SYNC_COLUMNS},
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        agreement_id TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
        visited_on TEXT NOT NULL,
        party TEXT NOT NULL DEFAULT '',
        reason TEXT NOT NULL DEFAULT '',
        performance TEXT NOT NULL DEFAULT ''
            CHECK (performance IN ('', 'not_due', 'performed', 'partly', 'not_performed')),
        satisfaction TEXT NOT NULL DEFAULT ''
            CHECK (satisfaction IN ('', 'satisfied', 'basic', 'dissatisfied')),
        lawsuit INTEGER NOT NULL DEFAULT 0,
        lawsuit_note TEXT NOT NULL DEFAULT '',
        wrong_mediation INTEGER NOT NULL DEFAULT 0,
        wrong_mediation_note TEXT NOT NULL DEFAULT '',
        escalation_risk INTEGER NOT NULL DEFAULT 0,
        escalation_note TEXT NOT NULL DEFAULT '',
        action_taken TEXT NOT NULL DEFAULT '',
        visitor TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX followups_agreement ON followups(agreement_id, visited_on);
    CREATE INDEX followups_case ON followups(case_id, visited_on);

    -- Judicial confirmation (司法确认, Art. 33): one application per agreement.
    CREATE TABLE confirmations ({SYNC_COLUMNS},
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        agreement_id TEXT NOT NULL UNIQUE REFERENCES agreements(id) ON DELETE CASCADE,
        applied_on TEXT NOT NULL,
        court TEXT NOT NULL,
        result TEXT NOT NULL DEFAULT 'pending'
            CHECK (result IN ('pending', 'confirmed', 'not_confirmed')),
        result_on TEXT NOT NULL DEFAULT '',
        court_case_no TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX confirmations_case ON confirmations(case_id);

    -- Archiving (立卷): makes the case read-only.
    CREATE TABLE archives ({SYNC_COLUMNS},
        case_id TEXT NOT NULL UNIQUE REFERENCES cases(id) ON DELETE CASCADE,
        archived_on TEXT NOT NULL,
        archived_by TEXT NOT NULL,
        retention TEXT NOT NULL,
        volume_title TEXT NOT NULL DEFAULT '',
        file_note TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT ''
    );

    -- Attachments: metadata here, the file itself stored once by content hash at
    -- <attachments_dir>/<sha256[:2]>/<sha256> (outside the database).
    CREATE TABLE attachments ({SYNC_COLUMNS},
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        item TEXT NOT NULL CHECK (item IN ('application', 'notice', 'identity',
            'power_of_attorney', 'investigation', 'evidence', 'mediation_record',
            'signed_agreement', 'performance', 'followup', 'confirmation', 'file_note',
            'other')),
        record_table TEXT NOT NULL DEFAULT '',
        record_id TEXT NOT NULL DEFAULT '',
        file_name TEXT NOT NULL,
        mime_type TEXT NOT NULL,
        size INTEGER NOT NULL CHECK (size >= 0),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        added_on TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX attachments_case ON attachments(case_id, item);
    CREATE INDEX attachments_record ON attachments(record_id) WHERE record_id != '';
    CREATE INDEX attachments_sha ON attachments(sha256);
    """)


@MIGRATIONS(name="0003_sync")
def m0003_sync(db):
    """Sync between villages and the township office.

    ``case_reviews`` travels (office-owned: comments, approvals, returns sent back in receipts).
    The ``sync_*`` tables are local bookkeeping and never travel: the sites this install knows
    (with their public keys and how far each side has acknowledged the other), the import and
    export logs, conflicts kept for a person to resolve, and attachment hashes the office holds.
    """
    db.executescript(f"""
    CREATE TABLE case_reviews ({SYNC_COLUMNS},
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('comment', 'approve', 'return')),
        text TEXT NOT NULL DEFAULT '',
        reviewer TEXT NOT NULL DEFAULT '',
        reviewed_on TEXT NOT NULL
    );
    CREATE INDEX case_reviews_case ON case_reviews(case_id, created_at);

    -- Other sites: at an office its villages, at a village its office.
    CREATE TABLE sync_sites (
        site_id TEXT PRIMARY KEY,
        role TEXT NOT NULL CHECK (role IN ('village', 'office')),
        name TEXT NOT NULL DEFAULT '',
        signing_key TEXT NOT NULL,
        age_recipient TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'accepted' CHECK (status IN ('accepted', 'revoked')),
        enrolled_at TEXT NOT NULL,
        revoked_at TEXT NOT NULL DEFAULT '',
        -- office side: how far we hold this village's changes and audit entries
        recv_seq INTEGER NOT NULL DEFAULT 0,
        recv_audit_seq INTEGER NOT NULL DEFAULT 0,
        recv_bundle_id TEXT NOT NULL DEFAULT '',
        -- receipts: office = last number issued to this village; village = last one applied
        receipt_no INTEGER NOT NULL DEFAULT 0,
        office_instance TEXT NOT NULL DEFAULT '',
        -- village side: how far this office has acknowledged our changes
        acked_seq INTEGER NOT NULL DEFAULT 0,
        acked_audit_seq INTEGER NOT NULL DEFAULT 0,
        acked_bundle_id TEXT NOT NULL DEFAULT '',
        details TEXT NOT NULL DEFAULT '{{}}'
    );

    CREATE TABLE sync_imports (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        bundle_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        sender_site_id TEXT NOT NULL,
        manifest_sha256 TEXT NOT NULL,
        seq_from INTEGER NOT NULL DEFAULT 0,
        seq_to INTEGER NOT NULL DEFAULT 0,
        result TEXT NOT NULL,
        summary TEXT NOT NULL DEFAULT '{{}}',
        file_name TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL
    );
    CREATE INDEX sync_imports_bundle ON sync_imports(bundle_id);

    CREATE TABLE sync_exports (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        bundle_id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        receiver_site_id TEXT NOT NULL,
        seq_from INTEGER NOT NULL DEFAULT 0,
        seq_to INTEGER NOT NULL DEFAULT 0,
        audit_from INTEGER NOT NULL DEFAULT 0,
        audit_to INTEGER NOT NULL DEFAULT 0,
        counts TEXT NOT NULL DEFAULT '{{}}',
        file_name TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL
    );

    CREATE TABLE sync_conflicts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        table_name TEXT NOT NULL,
        record_id TEXT NOT NULL,
        sender_site_id TEXT NOT NULL,
        bundle_id TEXT NOT NULL,
        reason TEXT NOT NULL,
        local_row TEXT,
        incoming_row TEXT,
        incoming_hash TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
        resolution TEXT NOT NULL DEFAULT '',
        resolved_by TEXT NOT NULL DEFAULT '',
        resolved_at TEXT NOT NULL DEFAULT '',
        detected_at TEXT NOT NULL
    );
    CREATE INDEX sync_conflicts_record ON sync_conflicts(table_name, record_id, status);

    -- Village side: attachment files the office has confirmed it holds (never sent again).
    CREATE TABLE sync_files_acked (
        site_id TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        PRIMARY KEY (site_id, sha256)
    ) WITHOUT ROWID;
    """)


@MIGRATIONS(name="0004_sync_tombstones")
def m0004_sync_tombstones(db):
    """Deletions received from other sites (local, never travels): an older copy of a deleted
    record arriving later (bundles imported in reverse order) must not bring it back."""
    db.executescript("""
    CREATE TABLE sync_tombstones (
        table_name TEXT NOT NULL,
        record_id TEXT NOT NULL,
        site_id TEXT NOT NULL,
        rev INTEGER NOT NULL,
        deleted_at TEXT NOT NULL,
        PRIMARY KEY (table_name, record_id)
    ) WITHOUT ROWID;
    """)


@MIGRATIONS(name="0005_search_list_keys")
def m0005_search_list_keys(db):
    """The case search index, keyed by the case list's order (see core/search.py).

    ``case_search.rowid`` becomes the list key (received date, then order of indexing), so
    every query stops after one page instead of sorting all matches; a second FTS5 table over
    ``grams`` (characters and character pairs of names and initials) answers 1–2 character
    queries from an index instead of a scan. Derived data only: the table is rebuilt empty and
    flagged; core (CaseManager.ensure_index, at open) refills it from the records, because
    building it needs pinyin, which storage does not know about.
    """
    db.executescript("""
    DROP TRIGGER IF EXISTS case_search_ai;
    DROP TRIGGER IF EXISTS case_search_ad;
    DROP TRIGGER IF EXISTS case_search_au;
    DROP TABLE IF EXISTS case_fts;
    DROP TABLE case_search;
    CREATE TABLE case_search (
        rowid INTEGER PRIMARY KEY,
        case_id TEXT NOT NULL UNIQUE REFERENCES cases(id) ON DELETE CASCADE,
        grams TEXT NOT NULL,
        body TEXT NOT NULL
    );
    INSERT INTO settings (key, value) VALUES ('search_index_stale', 'true')
        ON CONFLICT(key) DO UPDATE SET value = excluded.value;
    """)
    if fts5_available(db.conn):
        db.executescript("""
        CREATE VIRTUAL TABLE case_fts USING fts5(
            body, content='case_search', content_rowid='rowid', tokenize='trigram');
        CREATE VIRTUAL TABLE case_grams USING fts5(
            grams, content='case_search', content_rowid='rowid', tokenize='ascii');
        CREATE TRIGGER case_search_ai AFTER INSERT ON case_search BEGIN
            INSERT INTO case_fts(rowid, body) VALUES (new.rowid, new.body);
            INSERT INTO case_grams(rowid, grams) VALUES (new.rowid, new.grams);
        END;
        CREATE TRIGGER case_search_ad AFTER DELETE ON case_search BEGIN
            INSERT INTO case_fts(case_fts, rowid, body) VALUES ('delete', old.rowid, old.body);
            INSERT INTO case_grams(case_grams, rowid, grams)
                VALUES ('delete', old.rowid, old.grams);
        END;
        CREATE TRIGGER case_search_au AFTER UPDATE ON case_search BEGIN
            INSERT INTO case_fts(case_fts, rowid, body) VALUES ('delete', old.rowid, old.body);
            INSERT INTO case_fts(rowid, body) VALUES (new.rowid, new.body);
            INSERT INTO case_grams(case_grams, rowid, grams)
                VALUES ('delete', old.rowid, old.grams);
            INSERT INTO case_grams(rowid, grams) VALUES (new.rowid, new.grams);
        END;
        """)


@MIGRATIONS(name="0006_todo_index")
def m0006_todo_index(db):
    """The to-do list's "performance deadline passed" reads only unperformed agreements in
    force (a small set), not every agreement ever made."""
    db.executescript("""
    CREATE INDEX agreements_unperformed ON agreements(performance_deadline)
        WHERE effective_on != '' AND voided_on = '' AND performance_status != 'performed';
    """)


@MIGRATIONS(name="0007_case_risk_index")
def m0007_case_risk_index(db):
    """The to-do list also reads cases flagged at risk in the register (few of them)."""
    db.executescript("""
    CREATE INDEX cases_risk ON cases(received_date) WHERE risk_flag = 1;
    """)


@MIGRATIONS(name="0008_search_text_pairs")
def m0008_search_text_pairs(db):
    """The search grams now also hold the character pairs of summary, claims and place, so
    2-character words of the case text (院墙, 借款) are found (core/search.py). The index is
    derived data: rebuilt empty and flagged exactly as 0005 does, and refilled by core
    (CaseManager.ensure_index, at open).
    """
    # 0005 drops and recreates the whole index (tables, FTS5 tables, triggers) and flags it
    # stale; it predates case_grams, so that one is dropped here first.
    db.executescript("""
    DROP TRIGGER IF EXISTS case_search_ai;
    DROP TRIGGER IF EXISTS case_search_ad;
    DROP TRIGGER IF EXISTS case_search_au;
    DROP TABLE IF EXISTS case_grams;
    """)
    m0005_search_list_keys(db)


@MIGRATIONS(name="0009_audit_chain")
def m0009_audit_chain(db):
    """The audit trail becomes tamper-evident: every entry carries a link, SHA-256
    of the previous entry's link of the same site and its own fields (storage/audit_chain.py);
    existing entries are linked here in the order they were written."""
    from mediator_desk.storage import audit_chain

    conn = db.conn
    conn.execute("ALTER TABLE audit_log ADD COLUMN chain TEXT NOT NULL DEFAULT ''")
    conn.execute("CREATE INDEX audit_log_site ON audit_log(site_id, seq)")
    fields = ", ".join(audit_chain.LINKED)
    sites = [r[0] for r in conn.execute("SELECT DISTINCT site_id FROM audit_log")]
    for site in sites:
        previous, batch = "", []
        for row in conn.execute(f"SELECT seq, {fields} FROM audit_log WHERE site_id = ?"
                                " ORDER BY seq", (site,)).fetchall():
            previous = audit_chain.link(previous, row[1:])
            batch.append((previous, row[0]))
        conn.executemany("UPDATE audit_log SET chain = ? WHERE seq = ?", batch)



@MIGRATIONS(name="0010_agreement_signatures")
def m0010_agreement_signatures(db):
    """A written agreement records each party's signing date and the committee's seal date
    (Art. 29: in force from the last of them): ``party_signatures`` is a JSON list of
    ``{"party_id", "name", "signed_on"}`` in the case's party order, ``sealed_on`` the seal
    date. An agreement signed before (one date) had every party sign and the seal put on that
    day. Both sites derive the same values from the same rows, so no revision moves."""
    conn = db.conn
    conn.execute("ALTER TABLE agreements ADD COLUMN party_signatures TEXT NOT NULL DEFAULT '[]'")
    conn.execute("ALTER TABLE agreements ADD COLUMN sealed_on TEXT NOT NULL DEFAULT ''")
    import json

    signed = conn.execute("SELECT id, case_id, signed_on FROM agreements"
                          " WHERE signed_on != ''").fetchall()
    batch = []
    for rid, case_id, day in signed:
        parties = conn.execute("SELECT id, name FROM parties WHERE case_id = ?"
                               " ORDER BY seq, id", (case_id,)).fetchall()
        sigs = [{"party_id": pid, "name": name, "signed_on": day} for pid, name in parties]
        batch.append((json.dumps(sigs, ensure_ascii=False), day, rid))
    conn.executemany("UPDATE agreements SET party_signatures = ?, sealed_on = ? WHERE id = ?",
                     batch)


@MIGRATIONS(name="0011_party_service_address")
def m0011_party_service_address(db):
    """Each party's service address (送达地址), which the court wants confirmed on the
    judicial confirmation application; '' = the same as the home address (``address``)."""
    db.conn.execute("ALTER TABLE parties ADD COLUMN service_address TEXT NOT NULL DEFAULT ''")


@MIGRATIONS(name="0012_screening")
def m0012_screening(db):
    """Dispute screening (矛盾纠纷排查): a committee's screening rounds and the disputes each
    found, followed 排查 → 预警 → 调处 → 处置 (screened → warned → mediating → settled), with
    what escalation a settled one prevented. Both travel from the village to the office.

    Case risk flags may also record a risk of suicide (防止民间纠纷引起自杀): ``risk_flags`` is
    rebuilt with the wider CHECK (SQLite cannot alter one), keeping its rows, columns in the
    same order and its indexes. Nothing references ``risk_flags``, so dropping the old table
    touches no other row.
    """
    db.executescript(f"""
    CREATE TABLE screening_rounds ({SYNC_COLUMNS},
        org_id TEXT NOT NULL REFERENCES organisations(id),
        held_on TEXT NOT NULL,                -- ISO date of the screening
        kind TEXT NOT NULL DEFAULT 'routine' CHECK (kind IN ('routine','holiday','special')),
        area TEXT NOT NULL DEFAULT '',        -- where was screened
        screeners TEXT NOT NULL DEFAULT '',   -- who screened (names)
        note TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX screening_rounds_org ON screening_rounds(org_id, held_on);

    CREATE TABLE screening_items ({SYNC_COLUMNS},
        round_id TEXT NOT NULL,               -- the screening round (no FK: bundle rows arrive in any order)
        org_id TEXT NOT NULL,
        found_on TEXT NOT NULL,               -- ISO date found
        place TEXT NOT NULL DEFAULT '',
        dispute_type TEXT NOT NULL,           -- dispute type code (same code list as cases.dispute_type)
        parties TEXT NOT NULL DEFAULT '[]',   -- JSON list of names
        contact TEXT NOT NULL DEFAULT '',
        people_involved INTEGER NOT NULL DEFAULT 0 CHECK (people_involved >= 0),
        summary TEXT NOT NULL DEFAULT '',
        risk_level TEXT NOT NULL CHECK (risk_level IN ('red','orange','yellow')),
        measures TEXT NOT NULL DEFAULT '',
        responsible TEXT NOT NULL DEFAULT '',
        deadline TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'screened' CHECK (status IN ('screened','warned','mediating','settled')),  -- 排查→预警→调处→处置
        settled_on TEXT NOT NULL DEFAULT '',
        case_id TEXT NOT NULL DEFAULT '',     -- the case it became ('' if none)
        prevented TEXT NOT NULL DEFAULT '' CHECK (prevented IN ('','dispute','suicide','criminal','group_petition','group_fight')),
        prevented_people INTEGER NOT NULL DEFAULT 0 CHECK (prevented_people >= 0)
    );
    CREATE INDEX screening_items_org ON screening_items(org_id, found_on);
    CREATE INDEX screening_items_round ON screening_items(round_id);

    CREATE TABLE risk_flags_0012 ({SYNC_COLUMNS},
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('criminal', 'group_petition', 'group_fight', 'suicide')),
        flagged_on TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        people INTEGER NOT NULL DEFAULT 0 CHECK (people >= 0),
        prevented INTEGER NOT NULL DEFAULT 0,
        reported_on TEXT NOT NULL DEFAULT '',
        report_recipient TEXT NOT NULL DEFAULT '',
        report_note TEXT NOT NULL DEFAULT '',
        UNIQUE (case_id, kind)
    );
    INSERT INTO risk_flags_0012 SELECT id, site_id, rev, created_at, updated_at, case_id, kind,
        flagged_on, note, people, prevented, reported_on, report_recipient, report_note
        FROM risk_flags;
    DROP TABLE risk_flags;
    ALTER TABLE risk_flags_0012 RENAME TO risk_flags;
    CREATE INDEX risk_flags_unreported ON risk_flags(case_id) WHERE reported_on = '';
    """)


@MIGRATIONS(name="0013_statistics")
def m0013_statistics(db):
    """Monthly statistics (core/statistics/).

    ``period_reports`` travels from the village: its committee declares a month closed
    ("本月已报送"), or closed with nothing to report (零上报, ``zero`` = 1); one per committee
    and month. ``report_locks`` is the office's own (local) record of a report sent upward:
    the period is locked and ``figures`` holds the submitted data elements of every row
    (JSON), so later changes show as corrections. The indexes let each statistics query read
    only the period's records by the date that counts them, from the index alone (they hold
    the columns the figures read; agreement rows themselves are wide).
    """
    db.executescript(f"""
    CREATE TABLE period_reports ({SYNC_COLUMNS},
        org_id TEXT NOT NULL REFERENCES organisations(id),
        period TEXT NOT NULL,                 -- 'YYYY-MM'
        closed_on TEXT NOT NULL,              -- ISO date the month was declared closed
        closed_by TEXT NOT NULL DEFAULT '',
        zero INTEGER NOT NULL DEFAULT 0,      -- 1: zero report (nothing recorded that month)
        note TEXT NOT NULL DEFAULT '',
        UNIQUE (org_id, period)
    );
    CREATE INDEX period_reports_period ON period_reports(period);

    CREATE TABLE report_locks (
        org_id TEXT NOT NULL,
        period TEXT NOT NULL,                 -- the period's code: 2026-11, 2026Q4, 2026H2, 2026
        locked_on TEXT NOT NULL,
        locked_by TEXT NOT NULL DEFAULT '',
        figures TEXT NOT NULL DEFAULT '{{}}',
        at TEXT NOT NULL,
        PRIMARY KEY (org_id, period)
    ) WITHOUT ROWID;

    CREATE INDEX acceptances_decided ON acceptances(decided_on, decision, case_id);
    CREATE INDEX closures_closed ON closures(closed_on, kind, case_id);
    CREATE INDEX agreements_in_force ON agreements(effective_on, voided_on, supplements_id,
        case_id, form, amount_fen) WHERE voided_on = '';
    CREATE INDEX agreements_performed_on ON agreements(performance_checked_on,
        performance_status, effective_on, voided_on, supplements_id, case_id)
        WHERE performance_status = 'performed';
    CREATE INDEX confirmations_result ON confirmations(result_on, result, case_id)
        WHERE result = 'confirmed';
    CREATE INDEX risk_flags_prevented ON risk_flags(flagged_on, prevented, kind, people, case_id)
        WHERE prevented = 1;
    CREATE INDEX screening_items_found ON screening_items(found_on);
    CREATE INDEX screening_rounds_held ON screening_rounds(held_on);
    """)
