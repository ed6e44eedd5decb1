"""Deadline arithmetic: calendar months (month ends, leap years), the Art. 33 window, the
follow-up plan and countdowns."""

from datetime import date, timedelta

import pytest

from mediator_desk.core import deadlines as dl


@pytest.mark.parametrize("start,months,expected", [
    ("2026-01-15", 1, "2026-02-15"),
    ("2026-01-31", 1, "2026-02-28"),   # clamped to the month end
    ("2028-01-31", 1, "2028-02-29"),   # leap year
    ("2100-01-31", 1, "2100-02-28"),   # century year: not a leap year
    ("2000-01-31", 1, "2000-02-29"),   # 400-year rule: leap
    ("2026-03-31", 1, "2026-04-30"),
    ("2026-12-31", 1, "2027-01-31"),   # across the year end
    ("2026-12-15", 2, "2027-02-15"),
    ("2028-02-29", 12, "2029-02-28"),
    ("2026-03-31", -1, "2026-02-28"),
    ("2026-01-31", -2, "2025-11-30"),
])
def test_add_months(start, months, expected):
    assert dl.add_months(start, months).isoformat() == expected


def test_one_month_due_is_month_end_aware():
    assert dl.one_month_due("2026-01-31") == date(2026, 2, 28)
    assert dl.one_month_due("2028-01-30") == date(2028, 2, 29)
    assert dl.one_month_due(date(2026, 11, 28)) == date(2026, 12, 28)


def test_latest_received_overdue_matches_the_rule_on_every_day_of_two_years():
    # For each day: cases received on or before the cutoff are one month old, the next day's
    # cases are not. Covers every month end, 2027's February and 2028's leap February.
    day = date(2027, 1, 1)
    while day < date(2029, 1, 1):
        cut = dl.latest_received_overdue(day)
        assert dl.one_month_due(cut) <= day
        assert dl.one_month_due(cut + timedelta(days=1)) > day
        day += timedelta(days=1)


def test_latest_received_overdue_examples():
    # On 28 Feb 2026 cases received up to 31 Jan have been open a month.
    assert dl.latest_received_overdue(date(2026, 2, 28)) == date(2026, 1, 31)
    assert dl.latest_received_overdue(date(2026, 2, 27)) == date(2026, 1, 27)
    assert dl.latest_received_overdue(date(2028, 2, 28)) == date(2028, 1, 28)
    assert dl.latest_received_overdue(date(2028, 2, 29)) == date(2028, 1, 31)
    assert dl.latest_received_overdue(date(2026, 3, 31)) == date(2026, 2, 28)


@pytest.mark.parametrize("effective,end", [
    ("2026-03-12", "2026-04-11"),
    ("2026-12-15", "2027-01-14"),      # across the year end
    ("2028-02-10", "2028-03-11"),      # across a leap day (29 Feb counts)
    ("2027-02-10", "2027-03-12"),
])
def test_confirmation_window_is_effective_plus_30_days(effective, end):
    start, last = dl.confirmation_window(effective)
    assert start.isoformat() == effective
    assert last.isoformat() == end


def test_followup_due():
    assert dl.followup_due(performance_deadline="2026-04-10", effective_on="2026-03-12",
                           days=15) == date(2026, 4, 25)
    # without a deadline: N days after the effective date
    assert dl.followup_due(effective_on="2026-03-12", days=10) == date(2026, 3, 22)
    # a planned day wins
    assert dl.followup_due(performance_deadline="2026-04-10", effective_on="2026-03-12",
                           override="2026-05-01") == date(2026, 5, 1)
    # not in force: no plan
    assert dl.followup_due(performance_deadline="2026-04-10") is None


def test_countdown():
    assert dl.days_left("2026-04-11", "2026-04-04") == 7
    assert dl.countdown_text("2026-04-11", "2026-04-04") == "还剩7天"
    assert dl.countdown_text("2026-04-11", "2026-04-11") == "今天到期"
    assert dl.countdown_text("2026-04-11", "2026-04-14") == "已超期3天"


# --- "within N days/months" (a performance deadline typed as a period) ----------------------

@pytest.mark.parametrize("text,start,expected", [
    ("一个月内", "2026-01-31", "2026-02-28"),     # the app's month arithmetic, clamped
    ("1个月内", "2026-01-31", "2026-02-28"),
    ("一个月以内", "2028-01-31", "2028-02-29"),
    ("15日内", "2026-03-10", "2026-03-25"),
    ("15天内", "2026-03-10", "2026-03-25"),
    ("十五日内", "2026-03-10", "2026-03-25"),
    ("３０日内", "2026-03-10", "2026-04-09"),
    ("三个月内", "2026-11-30", "2027-02-28"),
    ("半年内", "2026-08-31", "2027-02-28"),
    ("两周内", "2026-03-10", "2026-03-24"),
    ("半个月内", "2026-03-10", "2026-03-25"),
    ("一年内", "2028-02-29", "2029-02-28"),
])
def test_within_date(text, start, expected):
    assert dl.within_date(text, start).isoformat() == expected


@pytest.mark.parametrize("text", ["", "2026-04-10", "尽快", "一个月", "月底前"])
def test_not_a_period_is_left_alone(text):
    assert dl.parse_within(text) is None
    assert dl.within_date(text, "2026-03-10") is None


@pytest.mark.parametrize("text", ["0日内", "零个月内", "半周内"])
def test_an_absurd_period_is_refused(text):
    with pytest.raises(ValueError):
        dl.parse_within(text)
