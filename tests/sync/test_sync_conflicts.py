"""Conflicts are kept for a person, never decided by clock (docs/sync-format.md §8)."""

from __future__ import annotations

import shutil

import pytest

from mediator_desk import sync
from mediator_desk.core import records as records_mod
from mediator_desk.core.cases import CaseFilter
from mediator_desk.core.desk import Desk
from mediator_desk.errors import ValidationError
from mediator_desk.sync.payload import TableRows

from sync_helpers import add_case, craft_bundle, dump, first_import


def test_village_restored_from_backup_gives_a_conflict_not_an_overwrite(site_paths, tmp_path):
    office = Desk.open(site_paths["office"])
    v1 = Desk.open(site_paths["v1"])
    a = add_case(v1)
    sync.export_bundle(v1, tmp_path / "b1.mdsync")
    first_import(office, v1, tmp_path / "b1.mdsync")
    v1.close()
    backup = tmp_path / "v1-backup.db"
    shutil.copyfile(site_paths["v1"], backup)
    v1 = Desk.open(site_paths["v1"])
    v1.cases.update(a, summary="版本甲：双方同意各退一步")           # rev 2 on the laptop
    sync.export_bundle(v1, tmp_path / "b2.mdsync")
    sync.import_bundle(office, tmp_path / "b2.mdsync")
    v1.close()
    # The laptop is restored from the backup and the same case edited again, differently:
    # the same revision number now carries other content.
    shutil.copyfile(backup, site_paths["v1"])
    v1 = Desk.open(site_paths["v1"])
    v1.cases.update(a, summary="版本乙：申请人撤回部分请求")
    sync.export_bundle(v1, tmp_path / "b3.mdsync")
    r = sync.import_bundle(office, tmp_path / "b3.mdsync")
    assert r.status == "conflicts"
    assert sync.import_log(office)[0]["result_label"] == "已导入（有冲突待处理）"
    assert r.preview["tables"]["cases"]["conflicts"] == 1
    assert office.cases.get_row(a)["summary"] == "版本甲：双方同意各退一步"   # ours kept
    [c] = sync.list_conflicts(office)
    assert (c["table_name"], c["record_id"], c["reason"]) == ("cases", a, "same_rev")
    assert c["local"]["summary"] == "版本甲：双方同意各退一步"
    assert c["incoming"]["summary"] == "版本乙：申请人撤回部分请求"
    assert "summary" in c["differs"] and c["sender_name"] == "红旗嘎查人民调解委员会"
    # Importing an overlapping bundle with the same conflicting version adds nothing.
    sync.export_bundle(v1, tmp_path / "b4.mdsync")
    sync.import_bundle(office, tmp_path / "b4.mdsync")
    assert len(sync.list_conflicts(office)) == 1
    # A person takes the village's version; the case (and its search row) follow.
    resolved = sync.resolve_conflict(office, c["id"], keep="incoming")
    assert resolved["status"] == "resolved" and resolved["resolution"] == "incoming"
    assert office.cases.get_row(a)["summary"] == "版本乙：申请人撤回部分请求"
    assert office.cases.search(CaseFilter(text="申请人撤回")) == [a]
    assert sync.list_conflicts(office) == []
    # the import log no longer says a conflict is waiting
    assert [e["result_label"] for e in sync.import_log(office)
            if e["result"] == "conflicts"] == ["已导入（冲突已处理）"]
    with pytest.raises(ValidationError):
        sync.resolve_conflict(office, c["id"], keep="local")
    office.close()
    v1.close()


def test_a_record_changed_at_the_office_since_it_arrived_is_a_conflict(sites, tmp_path,
                                                                       monkeypatch):
    office, v1 = sites["office"], sites["v1"]
    a = add_case(v1)
    sync.export_bundle(v1, tmp_path / "b1.mdsync")
    first_import(office, v1, tmp_path / "b1.mdsync")
    # Pretend cases were a table the office may annotate, and the office edits one.
    monkeypatch.setattr(records_mod, "SHARED_TABLES", {"cases"})
    office.cases.update(a, place="司法所调解室")
    monkeypatch.setattr(records_mod, "SHARED_TABLES", set())
    # The village changes the same case twice (a higher revision than the office's).
    v1.cases.update(a, place="嘎查委员会")
    v1.cases.update(a, claims="请求确认边界")
    sync.export_bundle(v1, tmp_path / "b2.mdsync")
    r = sync.import_bundle(office, tmp_path / "b2.mdsync")
    assert r.preview["tables"]["cases"]["conflicts"] == 1
    assert office.cases.get_row(a)["place"] == "司法所调解室"        # never last-write-wins
    [c] = sync.list_conflicts(office)
    assert c["reason"] == "changed_here"
    assert c["incoming"]["place"] == "嘎查委员会" and c["local"]["place"] == "司法所调解室"
    sync.resolve_conflict(office, c["id"], keep="local")
    assert office.cases.get_row(a)["place"] == "司法所调解室"
    assert sync.list_conflicts(office, status="resolved")[0]["resolution"] == "local"


def test_merge_keeps_both_sides(sites, tmp_path, monkeypatch):
    office, v1 = sites["office"], sites["v1"]
    a = add_case(v1)
    sync.export_bundle(v1, tmp_path / "b1.mdsync")
    first_import(office, v1, tmp_path / "b1.mdsync")
    monkeypatch.setattr(records_mod, "SHARED_TABLES", {"cases"})
    office.cases.update(a, place="司法所调解室")
    monkeypatch.setattr(records_mod, "SHARED_TABLES", set())
    v1.cases.update(a, claims="请求确认边界")
    sync.export_bundle(v1, tmp_path / "b2.mdsync")
    sync.import_bundle(office, tmp_path / "b2.mdsync")
    [c] = sync.list_conflicts(office)
    sync.resolve_conflict(office, c["id"], keep="merged", values={"place": "司法所调解室"})
    row = office.cases.get_row(a)
    assert (row["place"], row["claims"]) == ("司法所调解室", "请求确认边界")
    assert row["rev"] == c["incoming"]["rev"] + 1
    assert office.audit.for_case(a)[-1]["action"] == "conflict_resolve"


def test_a_village_cannot_overwrite_another_villages_record(sites, tmp_path):
    office, v1, v2 = sites["office"], sites["v1"], sites["v2"]
    a = add_case(v1)
    sync.export_bundle(v1, tmp_path / "b1.mdsync")
    first_import(office, v1, tmp_path / "b1.mdsync")
    add_case(v2)
    sync.export_bundle(v2, tmp_path / "c0.mdsync")
    first_import(office, v2, tmp_path / "c0.mdsync")
    original = office.cases.get_row(a)

    def forge(out):       # v2 claims v1's case id as its own record, with new content
        row = dict(original, site_id=v2.site_id, rev=original["rev"] + 5, summary="伪造的内容")
        cols = list(row)
        out.tables["cases"] = TableRows(cols, [list(row.values())])

    craft_bundle(v2, tmp_path / "forged.mdsync", edit_outgoing=forge)
    r = sync.import_bundle(office, tmp_path / "forged.mdsync")
    assert r.preview["tables"]["cases"]["conflicts"] == 1
    assert office.cases.get_row(a) == original
    assert sync.list_conflicts(office)[0]["reason"] == "owner"


def test_deleting_a_record_the_office_changed_is_a_conflict(sites, tmp_path, monkeypatch):
    office, v1 = sites["office"], sites["v1"]
    a = add_case(v1)
    sync.export_bundle(v1, tmp_path / "b1.mdsync")
    first_import(office, v1, tmp_path / "b1.mdsync")
    link = office.query_one("SELECT id FROM case_mediators WHERE case_id = ?", (a,))["id"]
    monkeypatch.setattr(records_mod, "SHARED_TABLES", {"case_mediators"})
    with office.transaction():
        office.records.update("case_mediators", link, {"role": "member"}, case_id=a)
    monkeypatch.setattr(records_mod, "SHARED_TABLES", set())
    v1.cases.set_mediators(a, [])
    sync.export_bundle(v1, tmp_path / "b2.mdsync")
    before = office.query_one("SELECT * FROM case_mediators WHERE id = ?", (link,))
    r = sync.import_bundle(office, tmp_path / "b2.mdsync")
    assert r.preview["tables"]["case_mediators"]["conflicts"] == 1
    assert office.query_one("SELECT * FROM case_mediators WHERE id = ?", (link,)) == before
    [c] = sync.list_conflicts(office)
    assert c["incoming"]["deleted"] is True
    sync.resolve_conflict(office, c["id"], keep="incoming")
    assert office.query_one("SELECT * FROM case_mediators WHERE id = ?", (link,)) is None
    snapshot = dump(office)
    sync.import_bundle(office, tmp_path / "b2.mdsync")      # already imported: no change
    assert dump(office) == snapshot


def test_an_older_revision_with_new_content_after_a_restore_is_a_conflict(site_paths, tmp_path):
    """The village edits a party twice (rev 3), the office imports; the laptop is restored from
    an older backup and the same party edited again (rev 2, new phone): a conflict, not 未变."""
    office = Desk.open(site_paths["office"])
    v1 = Desk.open(site_paths["v1"])
    a = add_case(v1)
    pid = v1.query_one("SELECT id FROM parties WHERE case_id = ? ORDER BY seq", (a,))["id"]
    sync.export_bundle(v1, tmp_path / "b1.mdsync")
    first_import(office, v1, tmp_path / "b1.mdsync")
    v1.close()
    backup = tmp_path / "v1-backup.db"
    shutil.copyfile(site_paths["v1"], backup)
    v1 = Desk.open(site_paths["v1"])
    with v1.transaction():
        v1.records.update("parties", pid, {"phone": "13900000001"}, case_id=a)
        v1.records.update("parties", pid, {"phone": "13900000002"}, case_id=a)
    sync.export_bundle(v1, tmp_path / "b2.mdsync")
    sync.import_bundle(office, tmp_path / "b2.mdsync")
    assert office.query_one("SELECT rev, phone FROM parties WHERE id = ?", (pid,)) == {
        "rev": 3, "phone": "13900000002"}
    v1.close()
    shutil.copyfile(backup, site_paths["v1"])
    v1 = Desk.open(site_paths["v1"])
    with v1.transaction():
        v1.records.update("parties", pid, {"phone": "13911112222"}, case_id=a)
    assert v1.query_one("SELECT rev FROM parties WHERE id = ?", (pid,))["rev"] == 2
    sync.export_bundle(v1, tmp_path / "b3.mdsync")
    r = sync.import_bundle(office, tmp_path / "b3.mdsync")
    assert r.status == "conflicts"
    assert sync.import_log(office)[0]["result_label"] == "已导入（有冲突待处理）"
    assert r.preview["tables"]["parties"]["conflicts"] == 1
    assert office.query_one("SELECT phone FROM parties WHERE id = ?", (pid,))["phone"] \
        == "13900000002"                                   # ours stays until a person decides
    [c] = sync.list_conflicts(office)
    assert (c["table_name"], c["record_id"], c["reason"]) == ("parties", pid,
                                                              "older_revision_differs")
    assert c["incoming"]["phone"] == "13911112222" and c["incoming"]["rev"] == 2
    assert "备份" in c["reason_label"]
    # A stale stick (the rev-3 bundle again, under another name) still changes nothing.
    before = dump(office)
    assert sync.import_bundle(office, tmp_path / "b2.mdsync").status == "already"
    assert dump(office) == before
    office.close()
    v1.close()


def _same_rev_conflict(site_paths, tmp_path):
    """A same-revision conflict over a village case at the office (restore from a backup)."""
    office = Desk.open(site_paths["office"])
    v1 = Desk.open(site_paths["v1"])
    a = add_case(v1)
    sync.export_bundle(v1, tmp_path / "b1.mdsync")
    first_import(office, v1, tmp_path / "b1.mdsync")
    v1.close()
    backup = tmp_path / "v1-backup.db"
    shutil.copyfile(site_paths["v1"], backup)
    v1 = Desk.open(site_paths["v1"])
    v1.cases.update(a, summary="版本甲：双方同意各退一步")
    sync.export_bundle(v1, tmp_path / "b2.mdsync")
    sync.import_bundle(office, tmp_path / "b2.mdsync")
    v1.close()
    shutil.copyfile(backup, site_paths["v1"])
    v1 = Desk.open(site_paths["v1"])
    v1.cases.update(a, summary="版本乙：申请人撤回部分请求")
    sync.export_bundle(v1, tmp_path / "b3.mdsync")
    assert sync.import_bundle(office, tmp_path / "b3.mdsync").status == "conflicts"
    [c] = sync.list_conflicts(office)
    return office, v1, a, c


@pytest.mark.parametrize("keep", ["merged", "local"])
def test_a_resolved_conflict_reaches_the_village_and_does_not_come_back(site_paths, tmp_path,
                                                                        keep):
    office, v1, a, c = _same_rev_conflict(site_paths, tmp_path)
    merged = "版本丙：双方同意各退一步，申请人撤回部分请求"
    if keep == "merged":
        sync.resolve_conflict(office, c["id"], keep="merged", values={"summary": merged})
    else:
        sync.resolve_conflict(office, c["id"], keep="local")
        merged = "版本甲：双方同意各退一步"
    assert office.cases.get_row(a)["summary"] == merged
    office_rev = office.cases.get_row(a)["rev"]
    sync.export_receipt(office, tmp_path / "r1.mdreceipt", to=v1.site_id)
    r = sync.import_receipt(v1, tmp_path / "r1.mdreceipt")
    assert "按乡镇合并结果更正" in r.message and r.preview["corrections"] == 1
    row = v1.cases.get_row(a)
    assert row["summary"] == merged and row["rev"] > office_rev
    assert v1.query_one("SELECT 1 AS x FROM audit_log WHERE record_id = ? AND action ="
                        " 'sync_correction'", (a,))
    # The same receipt again (or a later one carrying the same correction) changes nothing.
    sync.export_receipt(office, tmp_path / "r2.mdreceipt", to=v1.site_id)
    sync.import_receipt(v1, tmp_path / "r2.mdreceipt")
    assert v1.cases.get_row(a)["rev"] == row["rev"]
    # The village edits again; its next bundle is an update at the office, not a conflict.
    v1.cases.update(a, place="嘎查委员会")
    sync.export_bundle(v1, tmp_path / "b5.mdsync")
    r = sync.import_bundle(office, tmp_path / "b5.mdsync")
    assert r.status == "applied", r.preview
    assert sync.list_conflicts(office) == []
    got = office.cases.get_row(a)
    assert (got["summary"], got["place"]) == (merged, "嘎查委员会")
    assert got == v1.cases.get_row(a)
    office.close()
    v1.close()
