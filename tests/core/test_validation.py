"""Validation of ID numbers, phones, dates and amounts (core/validation.py)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum.cn import ric

from mediator_desk.core.validation import (check_date, check_id_number, check_phone,
                                           mask_id_number, parse_amount_fen)
from mediator_desk.errors import ValidationError
from tests.conftest import VALID_ID, VALID_ID_2

TODAY = date(2026, 11, 28)


def make_id(region: str, born: date, seq: int) -> str:
    body = f"{region}{born:%Y%m%d}{seq:03d}"
    return body + ric.calc_check_digit(body + "?")   # stdnum ignores the last character


# --- ID numbers ---------------------------------------------------------------------------

def test_valid_id_gives_birth_date_and_sex():
    info = check_id_number(VALID_ID, on=TODAY)
    assert (info.number, info.birth_date, info.sex) == (VALID_ID, date(1949, 12, 31), "女")
    info = check_id_number(VALID_ID_2, on=TODAY)
    assert (info.birth_date, info.sex) == (date(1990, 1, 1), "男")


def test_id_is_normalised_spaces_and_lower_case_x():
    info = check_id_number(" 110105 19491231 002x ", on=TODAY)
    assert info.number == VALID_ID


@pytest.mark.parametrize("number, says", [
    ("11010519491231002", "应为18位，现在是17位"),
    ("1101051949123100200", "应为18位，现在是19位"),
    ("", "应为18位，现在是0位"),
    ("110105194912310021", "校验位不正确"),        # last digit changed
    ("15040219901301123" + ric.calc_check_digit("15040219901301123?"), "出生日期无效"),
    ("11010519491231A02X", "只能由数字"),
])
def test_invalid_id_numbers_are_refused_with_the_reason(number, says):
    with pytest.raises(ValidationError) as err:
        check_id_number(number, on=TODAY)
    assert says in err.value.message
    assert err.value.field == "id_number"


def test_id_with_birth_date_in_the_future_is_refused():
    tomorrow = TODAY + timedelta(days=1)
    with pytest.raises(ValidationError) as err:
        check_id_number(make_id("150421", tomorrow, 11), on=TODAY)
    assert "晚于今天" in err.value.message
    assert check_id_number(make_id("150421", TODAY, 11), on=TODAY).birth_date == TODAY


def test_masking_shows_region_and_last_four_only():
    assert mask_id_number(VALID_ID) == "110105********002X"
    assert mask_id_number("12345") == "12***"


@settings(max_examples=200, deadline=None)
@given(region=st.sampled_from(["150402", "150421", "150430", "110105", "440305"]),
       born=st.dates(min_value=date(1900, 1, 1), max_value=TODAY),
       seq=st.integers(min_value=0, max_value=999))
def test_any_valid_generated_id_round_trips(region, born, seq):
    number = make_id(region, born, seq)
    info = check_id_number(number, on=TODAY)
    assert info.number == number
    assert info.birth_date == born
    assert info.sex == ("男" if seq % 2 else "女")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=25))
def test_random_text_never_crashes_the_id_check(text):
    try:
        info = check_id_number(text, on=TODAY)
    except ValidationError as err:
        assert err.message and err.field == "id_number"
    else:
        assert ric.is_valid(info.number)


@settings(max_examples=300, deadline=None)
@given(st.from_regex(r"(11|15|44)0[0-9]{3}(19|20)[0-9]{2}(0[1-9]|1[0-2])[0-3][0-9][0-9]{3}[0-9X]",
                     fullmatch=True))
def test_plausible_numbers_validate_exactly_when_check_digit_and_date_are_right(number):
    try:
        birth = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        birth = None
    expected = number[-1] == ric.calc_check_digit(number) and birth is not None \
        and birth <= TODAY
    try:
        check_id_number(number, on=TODAY)
        ok = True
    except ValidationError:
        ok = False
    assert ok == expected


def test_older_people_from_chifeng_are_accepted():
    """stdnum's ric.validate refuses these (code 150421 dates from 1983, the person from
    1958), but numbers were issued from 1984 with the code of the day: they are genuine."""
    number = make_id("150421", date(1958, 4, 6), 382)
    assert not ric.is_valid(number)
    assert check_id_number(number, on=TODAY).birth_date == date(1958, 4, 6)


def test_unknown_province_is_refused():
    with pytest.raises(ValidationError) as err:
        check_id_number(make_id("990421", date(1980, 1, 1), 1), on=TODAY)
    assert "省份代码" in err.value.message


# --- phones -------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, stored", [
    ("13912345678", "13912345678"),
    ("139 1234 5678", "13912345678"),
    ("139-1234-5678", "13912345678"),
    ("+86 13912345678", "13912345678"),
    ("0476-8123456", "0476-8123456"),
    ("04768123456", "0476-8123456"),
    ("(0476)8123456", "0476-8123456"),
    ("010-12345678", "010-12345678"),
    ("02187654321", "021-87654321"),
    ("", ""),
])
def test_phones_are_normalised(raw, stored):
    assert check_phone(raw) == stored


@pytest.mark.parametrize("raw", ["1391234567", "139123456789", "12912345678", "8123456",
                                 "0476-81234", "电话13912345678", "abc"])
def test_bad_phones_are_refused(raw):
    with pytest.raises(ValidationError) as err:
        check_phone(raw, field="agent_phone")
    assert "电话号码格式不正确" in err.value.message
    assert err.value.field == "agent_phone"


def test_required_phone():
    with pytest.raises(ValidationError) as err:
        check_phone("  ", required=True)
    assert err.value.message == "请填写联系电话"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_random_text_never_crashes_the_phone_check(text):
    try:
        out = check_phone(text)
    except ValidationError as err:
        assert err.message
    else:
        assert out == "" or out.replace("-", "").isdigit()


# --- dates --------------------------------------------------------------------------------

@pytest.mark.parametrize("raw", ["2026-11-28", "2026/11/28", "2026.11.28", "2026年11月28日",
                                 "2026-1-5", " 2026 年 1 月 5 日 "])
def test_date_formats(raw):
    out = check_date(raw, field="d", label="受理日期", on=TODAY)
    assert out in ("2026-11-28", "2026-01-05")


@pytest.mark.parametrize("raw, says", [
    ("2026-11-29", "不能晚于今天"),
    ("2026-02-30", "不是有效日期"),
    ("28/11/2026", "格式不正确"),
    ("昨天", "格式不正确"),
    ("1899-12-31", "早于1900年"),
    ("", "请填写受理日期"),
])
def test_bad_dates_are_refused(raw, says):
    with pytest.raises(ValidationError) as err:
        check_date(raw, field="received_date", label="受理日期", on=TODAY)
    assert says in err.value.message and err.value.field == "received_date"


def test_optional_and_future_allowed_dates():
    assert check_date("", field="d", label="x", required=False) == ""
    assert check_date("2027-01-01", field="d", label="期限", not_future=False, on=TODAY) \
        == "2027-01-01"
    assert check_date(date(2025, 3, 1), field="d", label="x", on=TODAY) == "2025-03-01"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=20))
def test_random_text_never_crashes_the_date_check(text):
    try:
        out = check_date(text, field="d", label="日期", on=TODAY)
    except ValidationError as err:
        assert err.message
    else:
        assert date.fromisoformat(out) <= TODAY


# --- amounts ------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, fen", [
    ("12000", 1_200_000), ("12,000.50", 1_200_050), ("1.2万", 1_200_000),
    ("0.01", 1), ("3元", 300), ("１２", 1200), (250, 250), ("", 0), (None, 0),
    ("12，000", 1_200_000),
])
def test_amounts_in_yuan_become_fen(raw, fen):
    assert parse_amount_fen(raw) == fen


@pytest.mark.parametrize("raw, says", [
    ("-5", "不能为负数"), (-1, "不能为负数"), ("12.345", "最多精确到分"),
    ("一万", "只能填写数字"), ("1e20", "过大"),
])
def test_bad_amounts_are_refused(raw, says):
    with pytest.raises(ValidationError) as err:
        parse_amount_fen(raw, label="涉及金额")
    assert says in err.value.message


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=20), st.integers(), st.none()))
def test_random_amounts_never_crash(value):
    try:
        fen = parse_amount_fen(value)
    except ValidationError as err:
        assert err.message
    else:
        assert isinstance(fen, int) and fen >= 0


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_fen_round_trip_through_yuan_text(fen):
    assert parse_amount_fen(f"{fen // 100}.{fen % 100:02d}") == fen
