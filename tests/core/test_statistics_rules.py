"""Each counting rule of docs/statistics.md on small hand-made cases with known answers.
The cases walk the real mediation path (the managers), as a committee records them."""

from __future__ import annotations

from datetime import date

import pytest

from mediator_desk.errors import NotFound, ValidationError
from tests.mediation_helpers import T, accepted_case, signed_written


def figures(desk, period, **kw):
    return desk.statistics.report(period, today=T, **kw)


def total(desk, period, indicator, **kw):
    return figures(desk, period, **kw).total.value(indicator)


def ids(desk, period, indicator, **kw):
    return {r["id"] for r in desk.statistics.records(desk.statistics.period(period, today=T),
                                                     indicator, **kw)}


def test_received_in_one_month_concluded_in_the_next(desk, make_case):
    """Accepted counts by the acceptance date, success by the day the agreement took effect."""
    case = accepted_case(desk, make_case, received="2026-03-28")
    signed_written(desk, case, agreed_on="2026-03-30", signed_on="2026-04-02",
                   deadline="2026-05-01")
    assert total(desk, "2026-03", "accepted") == 1
    assert total(desk, "2026-03", "success") == 0
    assert total(desk, "2026-03", "mediated") == 0
    assert total(desk, "2026-04", "accepted") == 0
    assert total(desk, "2026-04", "success") == 1
    assert total(desk, "2026-04", "success_written") == 1
    assert total(desk, "2026-04", "success_rate") == 100.0
    # the quarter is the sum of its months
    assert total(desk, "2026Q1", "success") + total(desk, "2026Q2", "success") == 1
    assert total(desk, "2026H1", "accepted") == total(desk, "2026", "accepted") == 1
    assert ids(desk, "2026-04", "success") == {case}


def test_unsigned_written_agreement_is_not_yet_a_success(desk, make_case):
    case = accepted_case(desk, make_case, received="2026-03-02")
    desk.agreements.create(case, agreed_on="2026-03-10", terms=["归还借款"], today=T)
    assert total(desk, "2026", "success") == 0
    assert total(desk, "2026", "mediated") == 0


def test_oral_agreement_counts_as_success_on_the_day_agreed(desk, make_case):
    case = accepted_case(desk, make_case, received="2026-05-03", people_involved=3)
    desk.agreements.create(case, form="oral", agreed_on="2026-05-06", terms=["当面道歉"],
                           today=T)
    f = figures(desk, "2026-05")
    assert f.total.value("success_oral") == 1
    assert f.total.value("success_written") == 0
    assert f.total.value("success") == 1
    assert f.total.value("people") == 3


def test_refused_case_counts_as_refused_only(desk, make_case):
    case = make_case(received_date="2026-02-10")
    desk.acceptance.refuse(case, decided_on="2026-02-11", reason="outside_scope", today=T)
    f = figures(desk, "2026-02")
    assert f.total.value("refused") == 1
    assert f.total.value("accepted") == 0
    assert f.total.value("mediated") == 0
    assert f.total.value("success_rate") is None        # nothing mediated: no rate
    assert ids(desk, "2026-02", "refused") == {case}


def test_withdrawn_case_is_not_mediated(desk, make_case):
    case = accepted_case(desk, make_case, received="2026-02-10")
    desk.outcomes.withdraw(case, withdrawn_on="2026-02-20", reason="双方自行和解", today=T)
    f = figures(desk, "2026-02")
    assert f.total.value("withdrawn") == 1
    assert f.total.value("accepted") == 1
    assert f.total.value("mediated") == 0


def test_ended_case_is_mediated_but_not_successful(desk, make_case):
    ok = accepted_case(desk, make_case, received="2026-02-02", people_involved=2,
                       amount_fen=150_000_00)
    signed_written(desk, ok, agreed_on="2026-02-05", signed_on="2026-02-06",
                   deadline="2026-03-01")
    failed = accepted_case(desk, make_case, received="2026-02-03", people_involved=4)
    desk.outcomes.end(failed, ended_on="2026-02-25", reason="双方分歧过大",
                      routes_explained="可向人民法院起诉", today=T)
    f = figures(desk, "2026-02")
    assert f.total.value("mediated") == 2
    assert f.total.value("success") == 1
    assert f.total.value("ended") == 1
    assert f.total.value("success_rate") == 50.0
    assert f.total.value("people") == 6
    assert f.total.value("amount") == 150_000.0
    assert f.total.value("hard") == 1                  # ≥ 100,000 元 at stake
    assert ids(desk, "2026-02", "success_rate") == {ok, failed}


def test_local_dispute_type_rolls_up_to_its_statistical_type(desk, make_case):
    desk.codes.add("dispute_type", code="0701", label="土地草牧场边界纠纷", rollup="07")
    case = accepted_case(desk, make_case, received="2026-04-01", dispute_type="0701")
    desk.agreements.create(case, form="oral", agreed_on="2026-04-02", terms=["按旧界"], today=T)
    f = figures(desk, "2026-04", by=("type",))
    rows = {r.key[0]: r for r in f.rows}
    assert "0701" not in rows
    assert rows["07"].value("success") == 1
    assert rows["07"].labels == ("山林土地纠纷",)
    assert len(f.rows) == 15
    assert ids(desk, "2026-04", "success", row={"type": "07"}) == {case}
    assert ids(desk, "2026-04", "success", row={"type": "02"}) == set()


def test_performed_and_confirmed_count_by_their_own_dates(desk, make_case):
    case = accepted_case(desk, make_case, received="2026-03-02")
    aid = signed_written(desk, case, agreed_on="2026-03-10", signed_on="2026-03-12",
                         deadline="2026-04-10")
    desk.agreements.record_performance(aid, status="performed", checked_on="2026-04-12",
                                       today=T)
    cid = desk.confirmations.apply(aid, applied_on="2026-03-20", court="某某旗人民法院", today=T)
    desk.confirmations.record_result(cid, result="confirmed", result_on="2026-05-08",
                                     court_case_no="（2026）内0421民特1号", today=T)
    assert total(desk, "2026-03", "success") == 1
    assert total(desk, "2026-04", "performed") == 1
    assert total(desk, "2026-03", "performed") == 0
    assert total(desk, "2026-05", "confirmed") == 1


def test_prevented_risk_counts_as_cases_and_people(desk, make_case):
    case = accepted_case(desk, make_case, received="2026-03-02")
    rid = desk.outcomes.flag_risk(case, kind="group_petition", flagged_on="2026-03-05",
                                  note="二十余户欲集体上访", people=23, today=T)
    assert total(desk, "2026-03", "prev_petition") == 0       # not (yet) prevented
    desk.outcomes.update_risk(rid, prevented=1)
    f = figures(desk, "2026-03")
    assert f.total.value("prev_petition") == 1
    assert f.total.value("prev_petition_people") == 23
    assert f.total.value("prev_criminal") == 0


def test_villages_roll_up_into_the_township(desk, make_case):
    orgs = desk.organisations
    village = desk.settings.get("committee_id")
    township = orgs.get(village)["parent_id"]
    other = orgs.create(kind="village", name="白音村人民调解委员会", short_name="白音",
                        parent_id=township)
    a = accepted_case(desk, make_case, received="2026-03-02")
    b = accepted_case(desk, make_case, received="2026-03-03", org_id=other)
    f = figures(desk, "2026-03", org=township)
    by_row = {r.key[0]: r.value("accepted") for r in f.rows}
    assert by_row == {township: 0, village: 1, other: 1}     # the township committee itself: 本级
    assert f.total.value("accepted") == 2
    assert ids(desk, "2026-03", "accepted", org=township, row={"org": other}) == {b}
    # the village's own report holds only its case
    assert ids(desk, "2026-03", "accepted") == {a}
    assert total(desk, "2026-03", "accepted", org="白音") == 1


def test_by_month_source_and_mediator(desk, make_case):
    accepted_case(desk, make_case, received="2026-01-05", source="initiative")
    accepted_case(desk, make_case, received="2026-03-05")
    f = figures(desk, "2026Q1", by=("month",))
    assert [r.value("accepted") for r in f.rows] == [1, 0, 1]
    f = figures(desk, "2026Q1", by=("source",))
    by_source = {r.key[0]: r.value("accepted") for r in f.rows}
    assert by_source["initiative"] == 1 and by_source["apply"] == 1
    f = figures(desk, "2026Q1", by=("mediator",))
    me = desk.settings.get("current_mediator_id")
    assert {r.key[0]: r.value("accepted") for r in f.rows}[me] == 2
    # the records behind a month's, a source's and a mediator's number
    assert len(ids(desk, "2026Q1", "accepted", row={"month": "2026-03"})) == 1
    assert len(ids(desk, "2026Q1", "accepted", row={"source": "initiative"})) == 1
    assert len(ids(desk, "2026Q1", "accepted", row={"mediator": me})) == 2
    assert ids(desk, "2026Q1", "accepted", row={"mediator": ""}) == set()


@pytest.mark.parametrize("text,code,first,last", [
    ("2026-11", "2026-11", "2026-11-01", "2026-11-30"),
    ("2026q4", "2026Q4", "2026-10-01", "2026-12-31"),
    ("2026H1", "2026H1", "2026-01-01", "2026-06-30"),
    ("2024", "2024", "2024-01-01", "2024-12-31"),
    ("2024-02..2024-03", "2024-02-01..2024-03-31", "2024-02-01", "2024-03-31"),
    ("2026-01-05..2026-02-10", "2026-01-05..2026-02-10", "2026-01-05", "2026-02-10"),
])
def test_periods(desk, text, code, first, last):
    p = desk.statistics.period(text, today=date(2026, 12, 1))
    assert (p.code, p.first, p.last) == (code, first, last)


@pytest.mark.parametrize("text,words", [
    ("2026-13", "无法识别"), ("11月", "无法识别"), ("2027", "尚未开始"),
    ("2026-05..2026-01", "早于"),
])
def test_bad_periods(desk, text, words):
    with pytest.raises(ValidationError, match=words):
        desk.statistics.period(text, today=T)


def test_unknown_organisation(desk):
    with pytest.raises(NotFound, match="找不到组织"):
        desk.statistics.report("2026-01", org="不存在村", today=T)
    with pytest.raises(ValidationError, match="未知的分组方式"):
        desk.statistics.report("2026-01", by=("colour",), today=T)


def test_screening_counts_rounds_found_and_prevented(desk, make_case):
    org = desk.settings.get("committee_id")
    rnd = desk.screening.add_round(org_id=org, held_on="2026-03-30", area="全村", items=[
        dict(dispute_type="02", risk_level="red", summary="两户因排水沟争执", people_involved=6),
        dict(dispute_type="07", risk_level="yellow", summary="草场边界",
             people_involved=30)], today=T)
    found = [i["id"] for i in desk.screening.items(rnd)]
    desk.screening.move(found[0], "settled", settled_on="2026-04-02", prevented="suicide",
                        prevented_people=1, today=T)
    desk.screening.move(found[1], "settled", settled_on="2026-04-03",
                        prevented="group_petition", prevented_people=30, today=T)
    case = accepted_case(desk, make_case, received="2026-04-01")
    rid = desk.outcomes.flag_risk(case, kind="group_petition", flagged_on="2026-04-05",
                                  note="欲集体上访", people=12, today=T)
    desk.outcomes.update_risk(rid, prevented=1)
    march, april = figures(desk, "2026-03"), figures(desk, "2026-04")
    assert march.total.value("screen_rounds") == 1
    assert march.total.value("screen_found") == 2
    assert march.total.value("prev_suicide") == 0           # settled in April
    assert april.total.value("prev_suicide") == 1
    assert april.total.value("prev_suicide_people") == 1
    # prevented as 件 and 人: the screened dispute and the flagged case together
    assert april.total.value("prev_petition") == 2
    assert april.total.value("prev_petition_people") == 42
    listed = desk.statistics.records(desk.statistics.period("2026-04", today=T), "prev_petition")
    assert {(r["record"], r["id"]) for r in listed} == {("screening_item", found[1]),
                                                       ("case", case)}


# --- closing months, completeness, locks ------------------------------------------------------

def test_close_month_zero_report_and_twice(desk, make_case):
    stats = desk.statistics
    empty = stats.close_month("2026-04", today=T)
    assert empty["zero"] == 1
    accepted_case(desk, make_case, received="2026-05-04")
    done = stats.close_month("2026-05", note="已核对", today=T)
    assert done["zero"] == 0
    row = desk.query_one("SELECT * FROM period_reports WHERE period = '2026-05'")
    assert row["site_id"] == desk.site_id and row["closed_on"] == T.isoformat()
    with pytest.raises(ValidationError, match="不能重复报送"):
        stats.close_month("2026-05", today=T)
    with pytest.raises(ValidationError, match="尚未开始"):
        stats.close_month("2026-08", today=T)
    with pytest.raises(ValidationError, match="按月报送"):
        stats.close_month("2026Q1", today=T)
    # the declaration is audited and travels (change log)
    assert desk.scalar("SELECT count(*) FROM change_log WHERE table_name = 'period_reports'") == 2


def test_completeness_rate_on_time_and_reminders(desk, make_case):
    stats = desk.statistics
    village = desk.settings.get("committee_id")
    township = desk.organisations.get(village)["parent_id"]
    other = desk.organisations.create(kind="village", name="白音村人民调解委员会",
                                      short_name="白音", parent_id=township)
    desk.mediators.add(name="其木格", sex="女", phone="13847601234", org_id=other)
    stats.close_month("2026-05", today=date(2026, 6, 3))
    status = stats.completeness("2026-05", org=township, today=T)
    by_org = {u["org_id"]: u for u in status["units"]}
    assert by_org[village]["state"] == "zero" and by_org[village]["on_time"]
    assert by_org[other]["state"] == "missing"
    assert (status["expected"], status["reported"], status["missing"]) == (2, 1, 1)
    assert status["rate"] == 50.0
    reminders = stats.reminders("2026-05", org=township, today=T)
    assert [r["org_id"] for r in reminders] == [other]
    assert reminders[0]["contacts"][0]["phone"] == "13847601234"
    # late: closed 20 days after the month's end
    stats.close_month("2026-04", today=date(2026, 5, 20))
    assert not {u["org_id"]: u for u in stats.completeness(
        "2026-04", org=township, today=T)["units"]}[village]["on_time"]
    # a quarter is reported when all its months are
    assert {u["org_id"]: u for u in stats.completeness(
        "2026Q2", org=township, today=T)["units"]}[village]["state"] == "missing"


def test_lock_then_a_late_record_shows_as_a_correction(desk, make_case):
    stats = desk.statistics
    case = accepted_case(desk, make_case, received="2026-04-02")
    with pytest.raises(ValidationError, match="尚未结束"):
        stats.lock("2026-06", today=T)
    stats.lock("2026-04", today=T)
    with pytest.raises(ValidationError, match="不能重复锁定"):
        stats.lock("2026-04", today=T)
    assert stats.corrections("2026-04") == []
    late = accepted_case(desk, make_case, received="2026-04-20")
    fixes = stats.corrections("2026-04")
    accepted = [f for f in fixes if f["indicator"] == "accepted"]
    assert {(f["row"], f["submitted"], f["now"]) for f in accepted} == {
        (desk.settings.get("committee_id"), 1, 2), ("total", 1, 2)}
    assert stats.report("2026-04", today=T).total.value("accepted") == 2
    assert {r["id"] for r in stats.records(stats.period("2026-04"), "accepted")} == {case, late}
