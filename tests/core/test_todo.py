"""The to-do list on a fixed date: every kind of deadline, deterministic, archived cases out."""

import dataclasses
from datetime import date, timedelta

import pytest

from mediator_desk.core import deadlines
from mediator_desk.core.todo import TodoItem

from mediation_helpers import PNG, T, accepted_case, signed_written, write_file

DAY = date(2026, 3, 20)


def build(desk, make_case, tmp_path):
    """Cases in every situation the to-do list knows; returns their ids by name."""
    ids = {}
    # accepted 19 Feb: the month runs to 19 Mar → overdue on DAY (20 Mar)
    ids["old"] = accepted_case(desk, make_case, received="2026-02-19")
    desk.sessions.add_mediation(ids["old"], held_on="2026-02-20", mediators="乌力吉",
                                parties_present="张三", today=T)
    # accepted 21 Feb: the month runs to 21 Mar → not yet
    ids["young"] = accepted_case(desk, make_case, received="2026-02-21")
    # registered only, 1 Feb: not overdue (the month counts from acceptance)
    ids["registered"] = make_case(received_date="2026-02-01")
    # written, effective 25 Feb, deadline 1 Mar passed, not performed; follow-up due 16 Mar;
    # confirmation window ends 27 Mar (7 days left)
    ids["written"] = accepted_case(desk, make_case, received="2026-02-20")
    ids["written_agreement"] = signed_written(desk, ids["written"], agreed_on="2026-02-24",
                                              signed_on="2026-02-25", deadline="2026-03-01")
    # written, effective 10 Mar, performed, visited: window ends 9 Apr (too far), nothing due
    ids["calm"] = accepted_case(desk, make_case, received="2026-03-02")
    calm = signed_written(desk, ids["calm"], agreed_on="2026-03-09", signed_on="2026-03-10",
                          deadline="2026-03-12")
    desk.followups.add(calm, visited_on="2026-03-15", party="张三", visitor="乌力吉",
                       performance="performed", today=T)
    # oral, effective 10 Mar, deadline 30 Mar: no window, follow-up due 14 Apr
    ids["oral"] = accepted_case(desk, make_case, received="2026-03-09")
    desk.agreements.create(ids["oral"], form="oral", agreed_on="2026-03-10", terms=["付款"],
                           performance_deadline="2026-03-30", today=T)
    # risks: one unreported, one reported
    ids["risky"] = accepted_case(desk, make_case, received="2026-03-14")
    desk.outcomes.flag_risk(ids["risky"], kind="criminal", flagged_on="2026-03-15",
                            note="扬言报复", today=T)
    reported = desk.outcomes.flag_risk(ids["risky"], kind="group_petition",
                                       flagged_on="2026-03-15", note="组织上访", today=T)
    desk.outcomes.report_to_police(reported, reported_on="2026-03-16", recipient="派出所",
                                   today=T)
    # archived with an unperformed agreement (deadline passed, failure recorded): left out
    ids["archived"] = accepted_case(desk, make_case, received="2026-02-02")
    desk.sessions.add_mediation(ids["archived"], held_on="2026-02-03", mediators="乌力吉",
                                parties_present="张三", today=T)
    unperformed = signed_written(desk, ids["archived"], agreed_on="2026-02-04",
                                 signed_on="2026-02-05", deadline="2026-02-10")
    desk.agreements.record_performance(unperformed, status="not_performed",
                                       checked_on="2026-02-11", today=T)
    desk.attachments.add(ids["archived"], write_file(tmp_path, "id.png", PNG), item="identity")
    desk.dossier.archive(ids["archived"], archived_on="2026-02-12", retention="10年", today=T)
    return ids


def test_todo_on_a_fixed_date(desk, make_case, tmp_path):
    ids = build(desk, make_case, tmp_path)
    items = desk.todo(today=DAY)
    got = [(i.case_id, i.kind, i.due, i.days_left) for i in items]
    assert got == [
        (ids["written"], "performance_overdue", "2026-03-01", -19),
        (ids["risky"], "risk_unreported", "2026-03-15", -5),
        (ids["written"], "followup_due", "2026-03-16", -4),
        (ids["old"], "case_overdue", "2026-03-19", -1),
        (ids["written"], "confirmation_closing", "2026-03-27", 7),
    ]
    by_kind = {(i.case_id, i.kind): i for i in items}
    assert len(items) == 5
    assert (ids["young"], "case_overdue") not in by_kind
    assert (ids["registered"], "case_overdue") not in by_kind
    assert not any(i.case_id in (ids["archived"], ids["calm"], ids["oral"]) for i in items)
    text = by_kind[(ids["written"], "confirmation_closing")].description
    assert "2026-03-27" in text and "还剩7天" in text
    assert by_kind[(ids["old"], "case_overdue")].kind_label == "受理超过一个月"
    assert "第二十五条" in by_kind[(ids["risky"], "risk_unreported")].description
    assert all(i.case_no.startswith("（2026）红旗人调字第") for i in items)
    # sorted by due date, and the same answer twice
    assert [i.due for i in items] == sorted(i.due for i in items)
    assert desk.todo(today=DAY) == items
    assert desk.todo.counts(today=DAY) == {"followup_due": 1, "performance_overdue": 1,
                                           "confirmation_closing": 1, "case_overdue": 1,
                                           "risk_unreported": 1, "returned": 0}


def test_todo_follows_the_days(desk, make_case, tmp_path):
    ids = build(desk, make_case, tmp_path)
    kinds = lambda day: {(i.case_id, i.kind) for i in desk.todo(today=day)}  # noqa: E731
    # window of the written agreement: closes 27 Mar → warned from 20 Mar, gone after 27 Mar
    assert (ids["written"], "confirmation_closing") not in kinds(date(2026, 3, 19))
    assert (ids["written"], "confirmation_closing") in kinds(date(2026, 3, 27))
    assert (ids["written"], "confirmation_closing") not in kinds(date(2026, 3, 28))
    # the young case's month runs to 21 Mar: overdue from 22 Mar
    assert (ids["young"], "case_overdue") not in kinds(date(2026, 3, 21))
    assert (ids["young"], "case_overdue") in kinds(date(2026, 3, 22))
    # the follow-up setting moves the plan
    with desk.transaction():
        desk.settings.set("followup_days", 30)
    assert (ids["written"], "followup_due") not in kinds(DAY)
    assert (ids["written"], "followup_due") in kinds(date(2026, 3, 31))
    # a visit clears it; recording performance clears the overdue deadline
    desk.followups.add(ids["written_agreement"], visited_on="2026-03-18", party="张三",
                       visitor="乌力吉", performance="performed", today=T)
    assert not {k for k in kinds(date(2026, 3, 31)) if k[0] == ids["written"]
                and k[1] in ("followup_due", "performance_overdue")}


def test_one_month_rule_at_a_month_end(desk, make_case):
    case_id = accepted_case(desk, make_case, received="2026-01-31")
    overdue = lambda day: [i for i in desk.todo(today=day, kinds=["case_overdue"])  # noqa: E731
                           if i.case_id == case_id]
    assert overdue(date(2026, 2, 28)) == []          # the month runs to 02-28 inclusive
    item = overdue(date(2026, 3, 1))[0]
    assert (item.due, item.days_left) == ("2026-02-28", -1)
    assert item.description.startswith("2026-01-31受理，至今已超过一个月")


def test_one_month_counts_from_acceptance_not_registration(desk, make_case):
    """Received 01-31, accepted 02-03: not on 02-28 (registration does not count), not on
    03-03 (the month is not yet over), from 03-04 on."""
    case_id = make_case(received_date="2026-01-31")
    overdue = lambda day: [i for i in desk.todo(today=day, kinds=["case_overdue"])  # noqa: E731
                           if i.case_id == case_id]
    assert overdue(date(2026, 3, 10)) == []          # registered only: not being mediated
    desk.acceptance.accept(case_id, decided_on="2026-02-03", consent_form="written_application",
                           today=T)
    assert overdue(date(2026, 2, 28)) == []
    assert overdue(date(2026, 3, 3)) == []
    assert overdue(date(2026, 3, 4))[0].due == "2026-03-03"
    assert "2026-02-03受理" in overdue(date(2026, 3, 4))[0].description


def test_one_month_passed_on_every_day_of_a_year():
    day = date(2027, 1, 1)
    while day.year == 2027:
        cut = deadlines.latest_start_overdue(day)
        assert deadlines.one_month_passed(cut, day)
        assert not deadlines.one_month_passed(cut + timedelta(days=1), day)
        day += timedelta(days=1)


def test_limit_per_kind(desk, make_case):
    for day in ("2026-01-05", "2026-01-06", "2026-01-07"):
        accepted_case(desk, make_case, received=day)
    items = desk.todo(today=DAY, kinds=["case_overdue"], limit_per_kind=2)
    assert [i.due for i in items] == ["2026-02-05", "2026-02-06"]


def test_performance_overdue_stops_once_a_party_has_sued(desk, make_case):
    case_id = accepted_case(desk, make_case, received="2026-02-20")
    aid = signed_written(desk, case_id, agreed_on="2026-02-24", signed_on="2026-02-25",
                         deadline="2026-03-01")
    overdue = lambda: [i for i in desk.todo(today=DAY, kinds=["performance_overdue"])]  # noqa: E731
    assert [i.record_id for i in overdue()] == [aid]
    desk.followups.add(aid, visited_on="2026-03-18", party="张三", visitor="乌力吉",
                       performance="not_performed", lawsuit=True,
                       lawsuit_note="张三已向人民法院起诉", today=T)
    assert overdue() == []


def test_todo_lists_a_case_flagged_at_registration_until_the_risk_is_typed(desk, make_case):
    case_id = make_case(received_date="2026-03-10", risk_flag=True, risk_note="双方扬言动手")
    items = [i for i in desk.todo(today=DAY) if i.case_id == case_id
             and i.kind == "risk_unreported"]
    assert len(items) == 1
    assert "双方扬言动手" in items[0].description and items[0].due == "2026-03-10"
    # once the risk is typed, the typed risk (not yet reported) is the one to-do item
    desk.outcomes.flag_risk(case_id, kind="group_fight", flagged_on="2026-03-11",
                            note="双方扬言动手", today=DAY)
    items = [i for i in desk.todo(today=DAY) if i.case_id == case_id
             and i.kind == "risk_unreported"]
    assert [i.due for i in items] == ["2026-03-11"]


def test_todo_items_are_frozen_records(desk, make_case):
    case_id = make_case(received_date="2026-03-10", risk_flag=True, risk_note="双方扬言动手")
    item = next(i for i in desk.todo(today=DAY) if i.case_id == case_id)
    assert isinstance(item, TodoItem)
    with pytest.raises(dataclasses.FrozenInstanceError):
        item.kind = "returned"  # type: ignore[misc]
    assert item.as_dict() == {
        "case_id": case_id, "case_no": item.case_no, "kind": "risk_unreported",
        "kind_label": "风险未报告公安机关", "due": "2026-03-10", "days_left": -10,
        "description": item.description, "record_id": "", "place": "outcome"}
