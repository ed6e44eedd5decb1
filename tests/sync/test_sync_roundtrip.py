"""Village → office → receipt → village, with two villages: nothing lost, nothing duplicated
(cumulative bundles, idempotent imports, ordering, receipts, attachments sent once:
docs/sync-format.md §6–§8)."""

from __future__ import annotations

import pytest

from mediator_desk import sync
from mediator_desk.core.cases import CaseFilter
from mediator_desk.errors import ReadOnlyRecord
from mediator_desk.sync import BundleRefused
from mediator_desk.sync.files import attachment_path

from sync_helpers import (accept, add_case, audit_ids, dump, first_import, office_peer,
                          records)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _audit_sent(village, bundle: dict) -> set[str]:
    """The village's own audit entries that a bundle export covered."""
    upto = bundle["changes"]["audit_to"]
    return {r[0] for r in village.db.conn.execute(
        "SELECT id FROM audit_log WHERE site_id = ? AND seq <= ?", (village.site_id, upto))}


def test_two_villages_round_trip_with_overlapping_resend(sites, tmp_path):
    office, v1, v2 = sites["office"], sites["v1"], sites["v2"]
    # v1: two cases, one with a scanned document; v2: one case.
    a = add_case(v1, names=("张三", "李四"))
    b = add_case(v1, names=("乌力吉", "其其格"), summary="草场边界纠纷", dispute_type="07")
    att = v1.attachments.add_bytes(a, PDF, file_name="申请书.pdf", item="application")
    c = add_case(v2, names=("王五", "赵六"), summary="借款未还", dispute_type="04")

    b1 = sync.export_bundle(v1, tmp_path / "b1.mdsync")
    assert b1["counts"]["files"] == 1
    r = first_import(office, v1, tmp_path / "b1.mdsync")
    assert r.status == "applied"
    assert r.preview["tables"]["cases"]["new"] == 2
    assert r.preview["files"] == {"new": 1, "received": 1}
    assert attachment_path(office, v1.attachments.get(att)["sha256"]).read_bytes() == PDF
    sync.export_bundle(v2, tmp_path / "c1.mdsync")
    assert first_import(office, v2, tmp_path / "c1.mdsync").status == "applied"

    # No receipt yet: v1's next bundle re-sends everything (cumulative) plus the new changes.
    v1.cases.update(a, summary="两家因院墙位置发生争执，已多次协商未果")
    d = add_case(v1, names=("孙七", "周八"), summary="邻居噪音", dispute_type="02")
    b2 = sync.export_bundle(v1, tmp_path / "b2.mdsync")
    assert b2["changes"]["prerequisite"] == 0 and b2["changes"]["to"] > b1["changes"]["to"]
    r = sync.import_bundle(office, tmp_path / "b2.mdsync")
    cases = r.preview["tables"]["cases"]
    assert (cases["new"], cases["updated"], cases["unchanged"]) == (1, 1, 1)
    assert r.preview["files"]["new"] == 0          # the scan is already at the office

    # The office sees every village case once, with its village as owner, read-only.
    office_cases = {row["id"]: row for row in office.query("SELECT * FROM cases")}
    assert set(office_cases) >= {a, b, c, d}
    assert office_cases[a]["site_id"] == v1.site_id and office_cases[c]["site_id"] == v2.site_id
    assert office_cases[a]["summary"] == "两家因院墙位置发生争执，已多次协商未果"
    assert office.cases.search(CaseFilter(text="其其格")) == [b]      # imported cases are found

    # The office reviews: a return for v1's case, an approval for v2's.
    office.reviews.add(a, kind="return", text="请补充双方身份证明材料")
    office.reviews.add(c, kind="approve")
    sync.export_receipt(office, tmp_path / "r1.mdreceipt", to=v1.site_id)
    sync.export_receipt(office, tmp_path / "r2.mdreceipt", to=v2.site_id)
    r1 = sync.import_receipt(v1, tmp_path / "r1.mdreceipt")
    assert [m["kind"] for m in r1.extra["messages"]] == ["return"]
    assert r1.extra["messages"][0]["text"] == "请补充双方身份证明材料"
    assert office_peer(v1)["acked_seq"] == b2["changes"]["to"]
    assert [x["kind"] for x in v1.reviews.for_case(a)] == ["return"]
    assert v1.reviews.for_case(b) == []                     # only its own cases' reviews
    r2 = sync.import_receipt(v2, tmp_path / "r2.mdreceipt")
    assert [m["kind"] for m in r2.extra["messages"]] == ["approve"]
    # The village cannot change the office's review (it belongs to the office).
    rid = v1.reviews.for_case(a)[0]["id"]
    with pytest.raises(ReadOnlyRecord):
        with v1.transaction():
            v1.records.update("case_reviews", rid, {"text": "改掉"})

    # After the receipt v1 sends only what changed since; the acknowledged scan is not re-sent.
    with v1.transaction():
        v1.records.update("attachments", att, {"note": "已补充盖章"}, case_id=a)
    v1.cases.set_mediators(b, [])                          # deletes a case_mediators row
    b3 = sync.export_bundle(v1, tmp_path / "b3.mdsync")
    assert b3["changes"]["prerequisite"] == b2["changes"]["to"]
    assert "cases" not in b3["counts"]["tables"]
    assert b3["counts"]["tables"]["attachments"] == {"upsert": 1, "delete": 0}
    assert b3["counts"]["tables"]["case_mediators"] == {"upsert": 0, "delete": 1}
    assert b3["counts"]["files"] == 0
    r = sync.import_bundle(office, tmp_path / "b3.mdsync")
    assert r.preview["tables"]["case_mediators"]["deleted"] == 1
    assert r.preview["tables"]["attachments"]["updated"] == 1

    # Nothing lost or duplicated: the office holds exactly each village's records.
    for village, last in ((v1, b3), (v2, None)):
        assert records(office, village.site_id) == records(village, village.site_id)
    assert audit_ids(office, v1.site_id) == _audit_sent(v1, b3)
    assert office.scalar("SELECT count(*) FROM cases") == 4
    assert office.scalar("SELECT count(DISTINCT case_no) FROM cases") == 4
    assert sync.list_conflicts(office) == []


def test_reimporting_and_reverse_order_change_nothing(sites, tmp_path):
    office, v1 = sites["office"], sites["v1"]
    a = add_case(v1)
    m = v1.settings.get("current_mediator_id")
    sync.export_bundle(v1, tmp_path / "old.mdsync")        # case at rev 1, mediator link
    v1.cases.update(a, summary="更新后的案情")
    v1.cases.set_mediators(a, [])                          # link deleted
    sync.export_bundle(v1, tmp_path / "new.mdsync")        # cumulative: rev 2 + deletion

    first_import(office, v1, tmp_path / "new.mdsync")
    after_new = dump(office)
    assert office.cases.get_row(a)["summary"] == "更新后的案情"
    assert office.scalar("SELECT count(*) FROM case_mediators WHERE mediator_id = ?", (m,)) == 0

    # The same bundle again: refused as already imported, nothing written.
    r = sync.import_bundle(office, tmp_path / "new.mdsync")
    assert r.status == "already"
    assert dump(office) == after_new
    # The older, overlapping bundle after the newer one: nothing goes back, nothing comes back.
    r = sync.import_bundle(office, tmp_path / "old.mdsync")
    assert r.status == "unchanged"
    assert r.preview["tables"]["cases"]["unchanged"] == 1
    assert dump(office) == after_new
    # The import log names every attempt and its result.
    results = [(e["file"], e["result"]) for e in sync.import_log(office)]
    assert ("new.mdsync", "applied") in results
    assert ("new.mdsync", "already") in results and ("old.mdsync", "unchanged") in results


def test_in_order_and_reverse_order_reach_the_same_records(site_paths, sync_template, tmp_path):
    from mediator_desk.core.desk import Desk

    from sync_helpers import copy_site

    v1 = Desk.open(site_paths["v1"])
    a = add_case(v1)
    sync.export_bundle(v1, tmp_path / "1.mdsync")
    v1.cases.update(a, claims="请求拆除院墙")
    add_case(v1, names=("甲", "乙"))
    sync.export_bundle(v1, tmp_path / "2.mdsync")
    results = []
    for order in (("1", "2"), ("2", "1")):
        folder = tmp_path / ("-".join(order))
        folder.mkdir()
        office = Desk.open(copy_site(sync_template, folder, "office"))
        first_import(office, v1, tmp_path / f"{order[0]}.mdsync")
        sync.import_bundle(office, tmp_path / f"{order[1]}.mdsync")
        results.append(records(office, v1.site_id))
        office.close()
    assert results[0] == results[1] == records(v1, v1.site_id)
    v1.close()


def test_gap_is_detected_and_the_missing_bundle_named(site_paths, sync_template, tmp_path):
    from mediator_desk.core.desk import Desk

    from sync_helpers import copy_site

    v1 = Desk.open(site_paths["v1"])
    office = Desk.open(site_paths["office"])
    add_case(v1)
    b1 = sync.export_bundle(v1, tmp_path / "b1.mdsync")
    first_import(office, v1, tmp_path / "b1.mdsync")
    sync.export_receipt(office, tmp_path / "r1.mdreceipt", to=v1.site_id)
    sync.import_receipt(v1, tmp_path / "r1.mdreceipt")
    add_case(v1, names=("甲", "乙"))
    b2 = sync.export_bundle(v1, tmp_path / "b2.mdsync")
    assert b2["changes"]["prerequisite"] == b1["changes"]["to"]

    # A second office install that knows the village but never received b1 (e.g. restored
    # from an old backup) must not apply b2: it builds on b1.
    folder = tmp_path / "other"
    folder.mkdir()
    other = Desk.open(copy_site(sync_template, folder, "office"))
    accept(other, v1, tmp_path)
    before = dump(other)
    with pytest.raises(BundleRefused) as exc:
        sync.import_bundle(other, tmp_path / "b2.mdsync")
    assert f"同步包 {b1['bundle_id'][:8]}" in str(exc.value)
    assert f"序号 1–{b1['changes']['to']}" in str(exc.value)
    assert dump(other) == before
    info = sync.inspect_file(tmp_path / "b2.mdsync", other)
    assert not info["can_import"] and any("缺少前序内容" in x for x in info["reasons"])
    # Bundles are cumulative: a full export closes the gap.
    sync.export_bundle(v1, tmp_path / "full.mdsync", full=True)
    assert sync.import_bundle(other, tmp_path / "full.mdsync").status == "applied"
    assert records(other, v1.site_id) == records(v1, v1.site_id)
    for d in (v1, office, other):
        d.close()


def test_export_reads_only_changes_since_the_acknowledgement(sites, tmp_path):
    """What a bundle carries is decided by change_log from the acknowledged sequence."""
    office, v1 = sites["office"], sites["v1"]
    for i in range(5):
        add_case(v1, names=(f"甲{i}", f"乙{i}"))
    sync.export_bundle(v1, tmp_path / "b1.mdsync")
    first_import(office, v1, tmp_path / "b1.mdsync")
    sync.export_receipt(office, tmp_path / "r.mdreceipt", to=v1.site_id)
    sync.import_receipt(v1, tmp_path / "r.mdreceipt")
    one = add_case(v1, names=("新", "案"))
    b2 = sync.export_bundle(v1, tmp_path / "b2.mdsync")
    assert b2["counts"]["tables"]["cases"] == {"upsert": 1, "delete": 0}
    assert b2["counts"]["tables"]["parties"] == {"upsert": 2, "delete": 0}
    r = sync.import_bundle(office, tmp_path / "b2.mdsync")
    assert r.preview["tables"]["cases"]["new"] == 1
    assert office.cases.get_row(one)["site_id"] == v1.site_id
    # The village's data is never dropped because it was exported and acknowledged.
    assert v1.scalar("SELECT count(*) FROM cases") == 6


def test_office_cannot_edit_village_records_but_can_review(sites, tmp_path):
    office, v1 = sites["office"], sites["v1"]
    a = add_case(v1)
    sync.export_bundle(v1, tmp_path / "b.mdsync")
    first_import(office, v1, tmp_path / "b.mdsync")
    before = dump(office)
    with pytest.raises(ReadOnlyRecord):
        office.cases.update(a, summary="司法所改的")
    with pytest.raises(ReadOnlyRecord):
        office.cases.set_status(a, "accepted")
    party = office.parties.for_case(a)[0]["id"]
    with pytest.raises(ReadOnlyRecord):
        with office.transaction():
            office.records.delete("parties", party, case_id=a)
    assert dump(office) == before
    review = office.reviews.add(a, kind="comment", text="请注意调解期限")
    row = office.query_one("SELECT * FROM case_reviews WHERE id = ?", (review,))
    assert row["site_id"] == office.site_id and row["case_id"] == a
    # The village's own records stay editable at the village.
    v1.cases.update(a, summary="村里改的")
    assert v1.cases.get_row(a)["summary"] == "村里改的"


def test_receipt_updates_code_lists_and_is_idempotent(sites, tmp_path):
    office, v1 = sites["office"], sites["v1"]
    add_case(v1)
    sync.export_bundle(v1, tmp_path / "b.mdsync")
    first_import(office, v1, tmp_path / "b.mdsync")
    office.codes.add("dispute_type", code="16", label="草场纠纷", rollup="07")
    sync.export_receipt(office, tmp_path / "r.mdreceipt", to=v1.site_id)
    r = sync.import_receipt(v1, tmp_path / "r.mdreceipt")
    assert r.status == "applied"
    assert v1.codes.version() == office.codes.version()
    assert v1.codes.label("dispute_type", "16") == "草场纠纷"
    before = dump(v1)
    assert sync.import_receipt(v1, tmp_path / "r.mdreceipt").status == "already"
    assert dump(v1) == before
    # A second receipt with nothing new changes only the receipt number.
    sync.export_receipt(office, tmp_path / "r2.mdreceipt", to=v1.site_id)
    r2 = sync.import_receipt(v1, tmp_path / "r2.mdreceipt")
    assert r2.status == "applied" and r2.extra["messages"] == []
    assert office_peer(v1)["receipt_no"] == 2


def test_search_index_is_rebuilt_if_the_import_stops_after_its_commit(site_paths, tmp_path,
                                                                      monkeypatch):
    """The records commit atomically; the search rows are derived and rebuilt right after. If
    the process dies in between, opening the database rebuilds them."""
    from mediator_desk.core.desk import Desk
    from mediator_desk.sync import apply, bundles

    v1 = Desk.open(site_paths["v1"])
    a = add_case(v1, names=("其其格", "巴特尔"))
    sync.export_bundle(v1, tmp_path / "b.mdsync")
    office = Desk.open(site_paths["office"])

    def crash(desk, plan):
        raise SystemExit("killed")

    monkeypatch.setattr(bundles, "index_imported", crash)
    with pytest.raises(SystemExit):
        first_import(office, v1, tmp_path / "b.mdsync")
    office.close()
    monkeypatch.setattr(bundles, "index_imported", apply.index_imported)
    office = Desk.open(site_paths["office"])
    assert office.cases.get_row(a)["site_id"] == v1.site_id
    assert office.cases.search(CaseFilter(text="巴特尔")) == [a]
    assert not office.settings.get("search_index_stale")
    office.close()
    v1.close()


def test_a_cancelled_import_changes_nothing(sites, tmp_path):
    """The GUI's Cancel button: the progress object turns ``cancelled`` mid-apply."""
    from mediator_desk.core.progress import Cancelled

    office, v1 = sites["office"], sites["v1"]
    add_case(v1)
    sync.export_bundle(v1, tmp_path / "b.mdsync")
    seen = []

    class CancelHalfway:
        cancelled = False

        def update(self, done, total):
            seen.append((done, total))
            if done * 2 > total and total == 10000:      # half-way through applying
                self.cancelled = True

    before = dump(office)
    with pytest.raises(Cancelled):
        first_import(office, v1, tmp_path / "b.mdsync", progress=CancelHalfway())
    assert dump(office) == before
    assert any(total == 10000 for _, total in seen)
    assert first_import(office, v1, tmp_path / "b.mdsync").status == "applied"


def test_only_the_office_reviews_and_reviews_need_a_text(sites):
    from mediator_desk.errors import IllegalStep, ValidationError

    v1, office = sites["v1"], sites["office"]
    a = add_case(v1)
    with pytest.raises(IllegalStep):
        v1.reviews.add(a, kind="approve")
    with pytest.raises(ValidationError):
        office.reviews.add("missing", kind="return", text="")
