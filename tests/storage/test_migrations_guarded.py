"""Released migrations never change, and every older database upgrades to the schema a new
one gets.

A migration that has been released has run on users' databases: editing it would leave
their schema different from a fresh install's without anyone noticing. Each released step's
source (and what the steps share: the sync columns, the FTS5 probe, the version-1 code
lists) is fingerprinted here. A new migration is appended after these and added to
``RELEASED`` when its version ships.
"""

from __future__ import annotations

import hashlib
import inspect
import sqlite3

import pytest

from mediator_desk.core.desk import Desk
from mediator_desk.storage import codelists_v1, migrations
from mediator_desk.storage.migrations import MIGRATIONS
from test_open_database import _older_database

RELEASED = {
    "0001_case_book": "13af6b3fb88f7bd7",
    "0002_mediation_path": "8abf067904815d9d",
    "0003_sync": "f699ced66c5eb79f",
    "0004_sync_tombstones": "e763e162b9cc1bfc",
    "0005_search_list_keys": "03cfd01e52adec6a",
    "0006_todo_index": "545c12e08cea116f",
    "0007_case_risk_index": "88d7089ee10a5133",
    "0008_search_text_pairs": "3e8e2ee60935ad24",
    "0009_audit_chain": "3c71378c9d1ff76a",
    "0010_agreement_signatures": "3b8108bc7b7d903c",
    "0011_party_service_address": "b19865c7040c5a07",
    "0012_screening": "6b7258997c6509a0",
    "0013_statistics": "0f16ae32e74caf69",
}
SHARED = {
    "SYNC_COLUMNS": "091356e6ea387b03",
    "fts5_available": "42819cf57b561cf3",
    "codelists_v1": "9c0b240d96f6b051",
}


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def test_released_migrations_are_never_edited():
    steps = {step.name: step.fn for step in MIGRATIONS._migrations}
    assert MIGRATIONS.names[:len(RELEASED)] == list(RELEASED), \
        "released migrations keep their names and order; new ones go after them"
    changed = [name for name, digest in RELEASED.items()
               if fingerprint(inspect.getsource(steps[name])) != digest]
    assert not changed, f"released migrations edited: {changed} — add a new migration instead"
    shared = {"SYNC_COLUMNS": fingerprint(migrations.SYNC_COLUMNS),
              "fts5_available": fingerprint(inspect.getsource(migrations.fts5_available)),
              "codelists_v1": fingerprint(inspect.getsource(codelists_v1))}
    assert shared == SHARED, "what released migrations use was changed"


def schema(path) -> list[tuple]:
    conn = sqlite3.connect(str(path))
    try:
        return sorted(conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master "
            "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"))
    finally:
        conn.close()


@pytest.fixture(scope="module")
def fresh_schema(tmp_path_factory):
    path = tmp_path_factory.mktemp("fresh") / "fresh.db"
    Desk.open(path).close()
    return schema(path)


@pytest.mark.parametrize("upto", MIGRATIONS.names[:-1])
def test_every_older_database_upgrades_to_the_fresh_schema(tmp_path, upto, fresh_schema):
    path = tmp_path / "old.db"
    _older_database(path, upto)
    desk = Desk.open(path)
    try:
        assert desk.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert not desk.db.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        desk.close()
    upgraded = schema(path)
    missing = [row[:2] for row in fresh_schema if row not in upgraded]
    extra = [row[:2] for row in upgraded if row not in fresh_schema]
    assert not missing and not extra, (missing, extra)
