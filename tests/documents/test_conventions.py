"""How values are written on the forms: Chinese dates, amounts in figures and capitals,
ordinals, the copies line, ages at the document's date."""

from __future__ import annotations

from datetime import date

import pytest

from mediator_desk.documents import conventions as cv
from mediator_desk.documents.form_values import party_values


def test_dates():
    assert cv.cn_date("2026-11-28") == "2026年11月28日"
    assert cv.cn_date("2026-01-05") == "2026年1月5日"
    assert cv.cn_date("") == ""
    assert cv.cn_datetime("2026-03-03", "09:30", "10:40") == "2026年3月3日 09:30—10:40"


@pytest.mark.parametrize("fen, figures, capitals", [
    (1200000, "12,000.00元", "人民币壹万贰仟元整"),
    (1200050, "12,000.50元", "人民币壹万贰仟元伍角"),
    (10500, "105.00元", "人民币壹佰零伍元整"),
    (123456789, "1,234,567.89元", "人民币壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分"),
    (0, "0.00元", "人民币零元整"),
])
def test_amounts(fen, figures, capitals):
    assert cv.amount_figures(fen) == figures
    assert cv.amount_capitals(fen) == capitals


def test_numbers_and_sides():
    assert [cv.cn_number(n) for n in (1, 3, 10, 12, 20, 21, 99)] == \
        ["一", "三", "十", "十二", "二十", "二十一", "九十九"]
    assert [cv.side_name(i) for i in (1, 2, 3, 11)] == ["甲方", "乙方", "丙方", "第11方"]


def test_copies_line():
    assert cv.copies_line(3, 2) == "本协议一式三份，当事人、人民调解委员会各持一份。"
    assert cv.copies_line(0, 4) == "本协议一式五份，当事人、人民调解委员会各持一份。"
    assert cv.copies_line(4, 2) == "本协议一式四份，当事人各持一份，人民调解委员会持二份。"


def test_age_at_the_document_date(desk):
    p = {"kind": "person", "role": "applicant", "name": "张三", "birth_date": "1990-06-15",
         "age": None, "ethnicity": "02"}
    assert party_values(desk, p, date(2026, 6, 14))["年龄"] == "35"
    assert party_values(desk, p, date(2026, 6, 15))["年龄"] == "36"
    assert party_values(desk, p, date(2026, 6, 15))["民族"] == "蒙古族"
    org = {"kind": "organisation", "role": "respondent", "name": "某公司", "birth_date": "",
           "age": None, "address": "红山区", "legal_rep": "周㑇"}
    values = party_values(desk, org, date(2026, 6, 15))
    assert values["是单位"] and values["年龄"] == "" and values["法定代表人"] == "周㑇"


def test_copies_line_for_old_records_with_too_few_copies():
    # Recording fewer than parties + 1 copies is refused now; older records print the total
    # only — never a crash, never "人民调解委员会持零份".
    assert cv.copies_line(3, 3) == "本协议一式三份。"
    assert cv.copies_line(2, 3) == "本协议一式二份。"
    assert cv.copies_line(1, 2) == "本协议一式一份。"
    assert "零" not in cv.copies_line(3, 3)
