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
