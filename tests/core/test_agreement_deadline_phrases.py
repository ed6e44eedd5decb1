"""A performance deadline typed as "within N days/months" is stored as the ISO date counted
from the agreement date with the calendar-month arithmetic of core/deadlines."""

import pytest

from mediation_helpers import T, accepted_case
from mediator_desk.core.agreements import deadline_date
from mediator_desk.errors import ValidationError


def test_deadline_date_helper():
    assert deadline_date("一个月内", start="2026-01-31") == "2026-02-28"
    assert deadline_date("2026-04-10", start="2026-01-31") == "2026-04-10"
    assert deadline_date("", start="2026-01-31") == ""
    with pytest.raises(ValidationError) as err:
        deadline_date("0日内", start="2026-01-31")
    assert err.value.field == "performance_deadline"


@pytest.mark.parametrize("typed,expected", [
    ("一个月内", "2026-04-30"), ("1个月内", "2026-04-30"), ("15日内", "2026-04-15"),
    ("15天内", "2026-04-15"), ("三个月内", "2026-06-30"), ("半年内", "2026-09-30")])
def test_create_converts_the_period(desk, make_case, typed, expected):
    case_id = accepted_case(desk, make_case)
    aid = desk.agreements.create(case_id, agreed_on="2026-03-31", terms=["李四拆除院墙"],
                                 performance_deadline=typed, today=T)
    assert desk.agreements.get(aid)["performance_deadline"] == expected


def test_update_counts_from_the_agreement_date(desk, make_case):
    case_id = accepted_case(desk, make_case)
    aid = desk.agreements.create(case_id, agreed_on="2026-03-31",
                                 terms=["李四拆除院墙"], today=T)
    desk.agreements.update(aid, performance_deadline="一个月内", today=T)
    assert desk.agreements.get(aid)["performance_deadline"] == "2026-04-30"
    desk.agreements.update(aid, agreed_on="2026-03-10", performance_deadline="十五日内", today=T)
    assert desk.agreements.get(aid)["performance_deadline"] == "2026-03-25"
