"""Screening travels from the village to the office, and only the village's own.

Round trip: the village screens (a round, items, one settled after preventing a group
petition, one registered as a case), exports; the office imports and holds the same rows.
Hostile bundles, signed with the real key of an enrolled village: screening for another
village's committee, an item hung on another village's round, or linked to another
village's case — each refused as a whole, nothing written.
"""

from __future__ import annotations

from datetime import date

import pytest

from mediator_desk import sync
from mediator_desk.errors import DeskError

from sync_helpers import accept, dump, first_import, signed_bundle

T = date(2026, 11, 30)


def _screen(v) -> str:
    rid = v.screening.add_round(
        org_id=v.settings.get("committee_id"), held_on="2026-11-15", area="全村",
        screeners="乌力吉", today=T,
        items=[dict(dispute_type="07", parties="王䶮、赵堃", people_involved=30,
                    summary="草场边界争议，两个村民组聚集", risk_level="red"),
               dict(dispute_type="02", parties="张三、李四", people_involved=2,
                    summary="院墙", risk_level="yellow")])
    red, yellow = v.screening.items(rid)
    v.screening.move(red["id"], "settled", settled_on="2026-11-20", prevented="group_petition",
                     prevented_people=30, today=T)
    v.screening.register_case(yellow["id"], received_date="2026-11-16", today=T)
    return rid


def _rows(desk, table):
    return sorted(desk.db.conn.execute(f"SELECT * FROM {table}").fetchall())


def test_village_screening_arrives_at_the_office(sites, tmp_path):
    v1, office = sites["v1"], sites["office"]
    _screen(v1)
    path = tmp_path / "b.mdsync"
    sync.export_bundle(v1, path)
    first_import(office, v1, path)
    for table in ("screening_rounds", "screening_items"):
        assert _rows(office, table) == _rows(v1, table) and _rows(office, table)
    linked = office.query_one("SELECT i.case_id, c.case_no FROM screening_items i"
                              " JOIN cases c ON c.id = i.case_id")
    assert linked["case_no"].startswith("（2026）红旗人调字第")
    # the office reads them through the same manager, and may not change them
    items = office.screening.items(period="2026-11")
    assert {i["prevented_label"] for i in items} == {"防止群体性上访", ""}
    with pytest.raises(DeskError, match="其他站点"):
        office.screening.move(items[1]["id"], "settled", settled_on="2026-11-21", today=T)
    # a later change travels as an update
    yellow = v1.query_one("SELECT id FROM screening_items WHERE risk_level = 'yellow'")["id"]
    v1.screening.move(yellow, "mediating", today=T)
    path2 = tmp_path / "b2.mdsync"
    sync.export_bundle(v1, path2)
    sync.import_bundle(office, path2)
    assert office.query_one("SELECT status FROM screening_items WHERE id = ?",
                            (yellow,))["status"] == "mediating"


@pytest.fixture
def held(sites, tmp_path):
    """Both villages screened and sent everything; the office holds it all."""
    office = sites["office"]
    for name in ("v1", "v2"):
        _screen(sites[name])
        path = tmp_path / f"{name}.mdsync"
        sync.export_bundle(sites[name], path)
        first_import(office, sites[name], path)
    return sites


def _refused(office, path, match):
    before = dump(office)
    with pytest.raises(DeskError, match=match) as exc:
        sync.import_bundle(office, path)
    assert "未导入任何内容" in exc.value.message
    assert dump(office) == before


def test_screening_for_another_village_is_refused(held, tmp_path):
    office, v1, v2 = held["office"], held["v1"], held["v2"]
    v2_org = v2.settings.get("committee_id")
    township = office.settings.get("committee_id")
    for i, org in enumerate((v2_org, township)):
        path = signed_bundle(v1, tmp_path / f"h{i}.mdsync", tables={
            "screening_rounds": [dict(org_id=org, held_on="2026-11-18")]})
        _refused(office, path, "红旗嘎查.*排查所属的调委会不是发送方自己的调委会")


def test_item_on_another_villages_round_or_case_is_refused(held, tmp_path):
    office, v1, v2 = held["office"], held["v1"], held["v2"]
    v2_round = v2.query_one("SELECT id FROM screening_rounds")["id"]
    v2_case = v2.query_one("SELECT id FROM cases")["id"]
    own_round = v1.query_one("SELECT id FROM screening_rounds")["id"]
    path = signed_bundle(v1, tmp_path / "r.mdsync", tables={
        "screening_items": [dict(round_id=v2_round)]})
    _refused(office, path, "所属的排查记录不是发送方本调委会的排查")
    path = signed_bundle(v1, tmp_path / "c.mdsync", tables={
        "screening_items": [dict(round_id=own_round, case_id=v2_case)]})
    _refused(office, path, "其他站点登记")


def test_item_moving_back_is_refused(held, tmp_path):
    office, v1 = held["office"], held["v1"]
    settled = v1.query_one("SELECT * FROM screening_items WHERE status = 'settled'")
    path = signed_bundle(v1, tmp_path / "back.mdsync", tables={"screening_items": [dict(
        id=settled["id"], rev=settled["rev"] + 1, status="mediating", settled_on="",
        prevented="", prevented_people=0)]})
    _refused(office, path, "不能从“处置”退回“调处”")
