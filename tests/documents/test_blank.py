"""Blank forms for handwriting: every kind, both formats, the committee name printed and
nothing else of any case; blank lines and boxes to write in."""

from __future__ import annotations

import pytest

from mediator_desk import documents
from doc_helpers import docx_text, flat, pdf_fonts, pdf_text

KINDS = [k.code for k in documents.list_kinds()]


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_prints_blank_in_both_formats(desk, make_case, kind):
    make_case()     # a case exists, but a blank form shows none of it
    pdf = documents.render_blank(desk, kind, "pdf")
    docx = documents.render_blank(desk, kind, "docx")
    fonts = pdf_fonts(pdf)
    assert fonts and all(fonts.values())
    for text in (flat(pdf_text(pdf)), flat(docx_text(docx))):
        if kind not in ("toc", "back_cover", "confirmation_persons", "confirmation_organisation"):
            assert "红旗嘎查人民调解委员会" in text
        for case_data in ("张三", "李四", "人调字第1号", "两家因院墙"):
            assert case_data not in text
        assert "____" in text or kind in ("toc", "cover", "back_cover", "registration",
                                          "oral_agreement", "followup")


def test_blank_agreement_leaves_room_for_everything(desk):
    text = flat(pdf_text(documents.render_blank(desk, "agreement")))
    assert "甲方：____" in text and "乙方：____" in text
    assert "本协议一式____份，当事人、人民调解委员会各持一份。" in text
    assert "协议涉及金额：人民币" in text
    assert text.count("按指印）：指印") == 2     # a fingerprint box per party
    assert "______年____月____日" in text


def test_blank_table_of_contents_lists_the_13_items(desk):
    text = flat(pdf_text(documents.render_blank(desk, "toc")))
    for title in ("人民调解申请书或人民调解受理登记表", "当事人身份证明", "封底"):
        assert title in text


def test_blank_without_a_database(tmp_path):
    # The committee can also be named directly (e.g. printing for a village from the office).
    text = flat(pdf_text(documents.render_blank(None, "investigation",
                                                committee="团结村人民调解委员会")))
    assert "团结村人民调解委员会" in text and "人民调解调查记录" in text
