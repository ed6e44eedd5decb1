"""CaseManager.count_matching: the number the case list's status bar shows."""

from mediator_desk.core.cases import CaseFilter


def test_count_matching_agrees_with_search(desk, make_case):
    make_case()
    make_case(parties=[dict(name="王五", role="applicant")], dispute_type="01")
    make_case(parties=[dict(name="赵六", role="applicant")], received_date="2025-03-01")
    assert desk.cases.count_matching(CaseFilter()) == 3
    for flt in (CaseFilter(text="张三"), CaseFilter(text="ww"), CaseFilter(dispute_type="01"),
                CaseFilter(year=2025), CaseFilter(text="院墙", year=2026),
                CaseFilter(text="没有这个人")):
        assert desk.cases.count_matching(flt) == len(desk.cases.search(flt, limit=100))
    assert desk.cases.count_matching(CaseFilter(text="张三")) == 1
    assert desk.cases.count_matching(CaseFilter(year=2025)) == 1


def test_years_lists_each_year_with_cases_newest_first(desk, make_case):
    assert desk.cases.years() == []
    for day in ("2026-11-20", "2023-02-01", "2026-01-05", "2024-12-31", "2023-07-09"):
        make_case(received_date=day)
    assert desk.cases.years() == [2026, 2024, 2023]
    assert desk.cases.years() == [r["case_year"] for r in desk.query(
        "SELECT DISTINCT case_year FROM cases ORDER BY case_year DESC")]
