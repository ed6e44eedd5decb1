"""Form content: the ID number's label from the party's ID type, Art. 29's
facts heading on the agreement, a case cover that stays one page however many parties, and
refusals that name the document that was asked for."""

from __future__ import annotations

import dataclasses

import pytest

from doc_helpers import CREDIT_CODE, T, VALID_ID, VALID_ID_2, docx_text, flat, pdf_pages, pdf_text
from mediation_helpers import accepted_case, signed_written
from mediator_desk import documents
from mediator_desk.core.parties import ID_TYPES
from mediator_desk.documents import MissingFields, MissingGlyph
from mediator_desk.documents.form_values import ID_LABELS, CaseData, case_title
from mediator_desk.documents.layout import as_requested
from mediator_desk.documents.render import expand, to_bytes

LONG_ORG = "内蒙古自治区赤峰市阿鲁科尔沁旗巴彦塔拉苏木红旗嘎查喆昇农牧业专业合作社联合社有限责任公司"


# --- 1. the ID label ----------------------------------------------------------------------

def test_every_id_type_has_a_label():
    assert set(ID_LABELS) == set(ID_TYPES)


def test_confirmation_prints_the_label_of_each_id_type(desk, make_case):
    case_id = accepted_case(desk, make_case, parties=[
        dict(name="张三", role="applicant", id_number=VALID_ID, phone="13912345678"),
        dict(name="李四", role="respondent", id_type="passport", id_number="E12345678"),
        dict(name="王五", role="respondent", id_type="other", id_number="H0123456789")])
    signed_written(desk, case_id)
    pdf = documents.render(desk, case_id, "confirmation_persons", today=T)
    docx = documents.render(desk, case_id, "confirmation_persons", "docx", today=T)
    for text in (flat(pdf_text(pdf)), flat(docx_text(docx))):
        assert f"居民身份证号码：{VALID_ID}" in text
        assert "护照号码：E12345678" in text
        assert "证件号码：H0123456789" in text
        assert "公民身份号码" not in text


def test_confirmation_with_an_organisation_labels_both(desk, make_case):
    case_id = accepted_case(desk, make_case, parties=[
        dict(name="刘赟", role="applicant", id_number=VALID_ID_2),
        dict(name="某物业公司", role="respondent", kind="organisation", id_number=CREDIT_CODE)])
    signed_written(desk, case_id)
    text = flat(pdf_text(documents.render(desk, case_id, "confirmation_organisation", today=T)))
    assert f"居民身份证号码：{VALID_ID_2}" in text
    assert f"统一社会信用代码：{CREDIT_CODE}" in text


def test_blank_confirmation_leaves_the_id_kind_open(desk):
    text = flat(pdf_text(documents.render_blank(desk, "confirmation_persons")))
    assert text.count("身份证件号码：____") == 2 and "公民身份号码" not in text
    text = flat(pdf_text(documents.render_blank(desk, "confirmation_organisation")))
    assert "身份证件号码：____" in text and "统一社会信用代码：____" in text


# --- 2. Art. 29's facts heading --------------------------------------------------------------

def test_agreement_facts_heading_is_art_29s(desk, full_case):
    heading = "纠纷的主要事实、争议事项以及各方当事人的责任："
    assert heading in flat(pdf_text(documents.render(desk, full_case, "agreement")))
    assert heading in flat(docx_text(documents.render(desk, full_case, "agreement", "docx")))
    assert heading in flat(pdf_text(documents.render_blank(desk, "agreement")))


# --- 3. a one-page cover -----------------------------------------------------------------------

def _party(name, role, **more):
    return dict(name=name, role=role, **more)


def test_case_title_is_shortened_as_archives_do():
    a, r, t = "applicant", "respondent", "third_party"
    assert case_title([_party("张三", a), _party("李四", r)], "邻里纠纷") == "张三与李四邻里纠纷"
    assert case_title([_party("张三", a), _party("王五", a), _party("李四", r),
                       _party("赵六", r), _party("孙七", t)], "邻里纠纷") == "张三等与李四等邻里纠纷"
    assert case_title([_party("张三", t)], "邻里纠纷") == "张三邻里纠纷"
    long = case_title([_party(LONG_ORG, a), _party(LONG_ORG + "二", r)], "合同纠纷")
    assert len(long) <= 50 and long.startswith(LONG_ORG[:18]) and "与" in long


def test_cover_of_a_200_party_case_is_one_page(desk, make_case):
    parties = [_party(LONG_ORG if i < 2 else f"{LONG_ORG}{i}", "applicant" if i % 2 else
                      "respondent", kind="organisation") for i in range(200)]
    case_id = accepted_case(desk, make_case, parties=parties)
    pdf = documents.render(desk, case_id, "cover", today=T)
    pages = pdf_pages(pdf)
    assert len(pages) == 1
    text = flat(pages[0])
    assert f"{LONG_ORG[:18]}……等与{LONG_ORG[:18]}……等" in text and "纠纷" in text
    assert f"{LONG_ORG}5" not in text
    docx = flat(docx_text(documents.render(desk, case_id, "cover", "docx", today=T)))
    assert f"{LONG_ORG[:18]}……等与" in docx and f"{LONG_ORG}5" not in docx


def test_cover_shortens_a_long_remark_and_title(desk, full_case):
    data = CaseData(desk, full_case, today=T)
    data.view = dataclasses.replace(data.view, archive=dict(
        data.view.archive or {}, note="备注" * 900, volume_title="卷" * 150))
    values = data.archive_values()
    assert len(values["卷名"]) == 50 and values["卷名"].endswith("……")
    assert values["封面备注"].endswith("……（全文见卷内备考表）") and len(values["封面备注"]) == 100
    assert values["卷宗备注"] == "备注" * 900      # the back cover prints it whole
    pdf = to_bytes(expand(desk, "cover", [values]), "pdf")
    assert len(pdf_pages(pdf)) == 1


# --- 4. refusals name the document asked for ---------------------------------------------------

EMOJI = "\U0001F600"


def test_glyph_refusal_names_the_document_asked_for(desk, make_case):
    case_id = make_case(received_date="2026-03-02", parties=[
        dict(name="张三", role="applicant", phone="13912345678"),
        dict(name="李四", role="respondent", address=f"红旗嘎查五组{EMOJI}")])
    desk.acceptance.accept(case_id, decided_on="2026-03-02", consent_form="oral_application",
                           rights_notice_given=True, today=T)
    where = "“李四”的单位或住址中的“😀”（U+1F600）"
    # the form itself names itself
    with pytest.raises(MissingGlyph) as err:
        documents.render(desk, case_id, "registration", today=T)
    assert str(err.value).startswith("不能打印“人民调解受理登记表”：字体中没有这些字——")
    # the table of contents and the back cover: their name, and the form where the character is
    for kind, label in (("toc", "卷内目录"), ("back_cover", "封底")):
        for fmt in ("pdf", "docx"):
            with pytest.raises(MissingGlyph) as err:
                documents.render(desk, case_id, kind, fmt, today=T)
            message = str(err.value)
            assert message.startswith(
                f"不能打印“{label}”：卷宗里的“人民调解受理登记表”中，字体没有这些字——")
            assert where in message and err.value.problems[0][1] == EMOJI
            assert "页号按整本卷宗排出" in err.value.hint
    with pytest.raises(MissingGlyph) as err:
        documents.render_dossier(desk, case_id, today=T)
    assert str(err.value).startswith(
        "不能打印“整本卷宗”：卷宗里的“人民调解受理登记表”中，字体没有这些字——")
    assert where in str(err.value)


def test_missing_value_refusal_is_restated_for_the_document_asked_for():
    exc = as_requested(MissingFields("人民调解协议书", ["纠纷事实"]), "封底")
    assert exc.message == "不能打印“封底”：卷宗里的“人民调解协议书”缺少：纠纷事实"
    assert exc.labels == ["纠纷事实"] and exc.within == "人民调解协议书"
    same = MissingFields("封底", ["卷宗页数"])
    assert as_requested(same, "封底") is same
    assert same.message == "不能打印“封底”，缺少：卷宗页数"


# --- 5. blank forms compact ----------------------------------------------------------------------

@pytest.mark.parametrize("kind, pages", [("agreement", 2), ("application", 1)])
def test_blank_forms_are_compact(desk, kind, pages):
    """The blank agreement used to spread over 3 half-empty pages (the terms' writing lines
    went whole to page 2, the signing block to page 3) and the blank application put only
    此致 and the signature on its second page."""
    printed = pdf_pages(documents.render_blank(desk, kind))
    assert len(printed) == pages
    assert "经调解，自愿达成如下协议" in flat(printed[0]) or kind != "agreement"
