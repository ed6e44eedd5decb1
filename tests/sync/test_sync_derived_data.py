"""Derived data never makes a database unusable: the search index of imported
cases is rebuilt after the commit; if that fails, the import stands, the database opens, a
line goes to the text log, and the next open indexes the cases."""

from __future__ import annotations

import sqlite3

from mediator_desk.core import search
from mediator_desk.core.cases import CaseFilter
from mediator_desk.core.desk import Desk
from mediator_desk.sync import apply, log as synclog
from mediator_desk import sync

from sync_helpers import add_case, first_import


def test_a_failing_search_index_after_the_commit_leaves_a_working_database(
        sites, site_paths, tmp_path, monkeypatch):
    office, v1 = sites["office"], sites["v1"]
    add_case(v1, names=("巴特尔", "䶮堃"))
    sync.export_bundle(v1, tmp_path / "b.mdsync")

    def broken(*args, **kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(apply, "reindex_cases", broken)
    result = first_import(office, v1, tmp_path / "b.mdsync")
    assert result.status == "applied"
    assert "搜索索引未能更新" in result.message
    assert office.cases.count() == 1                      # the records are in
    lines = synclog.log_path(office).read_text(encoding="utf-8")
    assert "index_failed" in lines
    monkeypatch.undo()
    office.close()
    again = Desk.open(site_paths["office"])               # opens, and indexes what was missed
    try:
        assert len(again.cases.search(CaseFilter(text="䶮堃"))) == 1
    finally:
        again.close()


def test_index_texts_never_fail_on_odd_values():
    """Values the record rules keep out are still indexed without an error."""
    grams, body = search.index_texts(
        {"case_no": None, "case_seq": "x", "summary": 12, "claims": ["a"], "place": None},
        [{"name": 7, "kind": "person", "phone": 13912345678, "id_number": None}])
    assert "12" in body
    assert search.day_of("昨天") == 1


def _index(desk) -> list[tuple]:
    return desk.db.conn.execute(
        "SELECT rowid, case_id, grams, body FROM case_search ORDER BY rowid").fetchall()


def _queries(desk) -> list[str]:
    """Queries of every kind the index answers: one and two characters of names, full names,
    pinyin initials, three characters of the case text, case numbers, phone numbers."""
    out: set[str] = set()
    conn = desk.db.conn
    for name, phone, kind in conn.execute(
            "SELECT name, phone, kind FROM parties ORDER BY id LIMIT 40"):
        out.update({name[:1], name[:2], name, phone})
        if kind == "person":            # initials of people only (core/search.py)
            out.update(search.name_initials(name))
    for no, summary, place in conn.execute(
            "SELECT case_no, summary, place FROM cases ORDER BY id LIMIT 20"):
        out.update({no, summary[2:5], summary[:2], place[:2]})
    return sorted(q for q in out if q.strip())


def test_the_index_an_import_builds_is_the_one_a_rebuild_gives(site_paths, sync_template,
                                                                tmp_path):
    """The search rows a bulk import writes (from the rows in memory, with the larger FTS5
    write buffer of a bulk) are exactly those a rebuild from the stored records gives, and
    every kind of query finds the same cases."""
    from datetime import date

    from mediator_desk.core.cases import FTS_BULK_ROWS, FTS_DEFAULT_HASH
    from mediator_desk.demo.book import build_demo

    village = Desk.open(tmp_path / "village.db")
    build_demo(village, cases=FTS_BULK_ROWS + 150, seed=11, today=date(2026, 11, 1))
    sync.init_site(village, role="village")
    sync.import_enrolment(village, sync_template / "office.mdenrol")
    sync.export_bundle(village, tmp_path / "b.mdsync")
    office = Desk.open(site_paths["office"])
    try:
        assert first_import(office, village, tmp_path / "b.mdsync").status == "applied"
        imported = _index(office)
        assert len(imported) == office.cases.count() == FTS_BULK_ROWS + 150
        queries = _queries(office)
        found = {q: office.cases.search(CaseFilter(text=q), limit=10_000) for q in queries}
        assert [q for q, ids in found.items() if not ids] == []    # every query finds cases

        with office.transaction():                                 # drop the index, rebuild
            office.cases.unindex([r[1] for r in imported])
        assert _index(office) == []
        assert office.cases.ensure_index() == len(imported)

        assert _index(office) == imported
        assert {q: office.cases.search(CaseFilter(text=q), limit=10_000)
                for q in queries} == found
        conn = office.db.conn
        for table in ("case_fts", "case_grams"):
            conn.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
            assert conn.execute(f"SELECT v FROM {table}_config WHERE k = 'hashsize'"
                                ).fetchone() == (FTS_DEFAULT_HASH,)
    finally:
        office.close()
        village.close()
