"""Case numbers （YYYY）<short name>人调字第N号: per committee per year, unique, never reused."""

from __future__ import annotations

import pytest

from mediator_desk.core.cases import format_case_no
from mediator_desk.errors import ValidationError


def number(desk, case_id: str) -> str:
    return desk.cases.get_row(case_id)["case_no"]


def test_format():
    assert format_case_no(2026, "红旗", 12) == "（2026）红旗人调字第12号"


def test_numbers_count_up_per_committee_and_year(desk, make_case):
    committee = desk.settings.get("committee_id")
    township = desk.organisations.get(committee)["parent_id"]
    other = desk.organisations.create(kind="village", name="东升村人民调解委员会",
                                      short_name="东升", parent_id=township)
    a1 = make_case(received_date="2026-03-01")
    a2 = make_case(received_date="2026-03-02")
    b1 = make_case(org_id=other, received_date="2026-03-02")
    old1 = make_case(received_date="2025-12-31")
    a3 = make_case(received_date="2026-01-15")       # numbered in order of registration
    old2 = make_case(received_date="2025-06-01")
    assert [number(desk, c) for c in (a1, a2, a3)] == [
        "（2026）红旗人调字第1号", "（2026）红旗人调字第2号", "（2026）红旗人调字第3号"]
    assert number(desk, b1) == "（2026）东升人调字第1号"
    assert [number(desk, c) for c in (old1, old2)] == [
        "（2025）红旗人调字第1号", "（2025）红旗人调字第2号"]
    rows = desk.query("SELECT org_id, year, last_seq FROM case_counters ORDER BY year, last_seq")
    assert {(r["org_id"], r["year"]): r["last_seq"] for r in rows} == {
        (committee, 2025): 2, (committee, 2026): 3, (other, 2026): 1}


def test_numbers_are_never_reused_after_deletion(desk, make_case):
    first = make_case()
    second = make_case()
    assert number(desk, second) == "（2026）红旗人调字第2号"
    with desk.transaction():
        desk.records.delete("cases", second)
    third = make_case()
    assert number(desk, third) == "（2026）红旗人调字第3号"
    with desk.transaction():
        desk.records.delete("cases", first)
        desk.records.delete("cases", third)
    assert desk.cases.count() == 0
    fourth = make_case()
    assert number(desk, fourth) == "（2026）红旗人调字第4号"


def test_a_committee_without_short_name_cannot_number_cases(desk, make_case):
    county = desk.query_one("SELECT id FROM organisations WHERE kind = 'county'")["id"]
    town = desk.organisations.create(kind="township", name="新镇人民调解委员会", short_name="新镇",
                                     parent_id=county)
    desk.db.conn.execute("UPDATE organisations SET short_name = '' WHERE id = ?", (town,))
    before = desk.cases.count()
    with pytest.raises(ValidationError) as err:
        make_case(org_id=town)
    assert "简称" in err.value.message
    assert desk.cases.count() == before


def test_case_year_cannot_change_because_numbers_are_per_year(desk, make_case):
    case_id = make_case(received_date="2026-02-01")
    with pytest.raises(ValidationError) as err:
        desk.cases.update(case_id, received_date="2025-12-30")
    assert err.value.field == "received_date"
    desk.cases.update(case_id, received_date="2026-02-03")
    assert desk.cases.get_row(case_id)["case_no"] == "（2026）红旗人调字第1号"


def test_short_names_unique_under_one_parent(desk):
    committee = desk.settings.get("committee_id")
    township = desk.organisations.get(committee)["parent_id"]
    with pytest.raises(ValidationError) as err:
        desk.organisations.create(kind="village", name="另一个红旗村人民调解委员会",
                                  short_name="红旗", parent_id=township)
    assert err.value.field == "short_name"
