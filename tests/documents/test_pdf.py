"""Filled documents as PDF, read back with pypdf: names (䶮 堃 𫖮), terms, amounts in capitals,
case numbers, the copies line, embedded fonts, page numbers, mainland line breaking."""

from __future__ import annotations

import re

import pytest

from mediator_desk import documents
from mediator_desk.errors import DeskError
from mediator_desk.documents.fonts import CANNOT_START
from doc_helpers import (AMOUNT_CAPITALS, CREDIT_CODE, ORG_NAME, T, TERMS, VALID_ID, flat,
                         pdf_fonts, pdf_pages, pdf_text)

CASE_NO = "（2026）红旗人调字第1号"
FULL_KINDS = [k.code for k in documents.list_kinds()
              if k.code not in ("oral_agreement", "confirmation_organisation")]


def render(desk, case_id, kind):
    return documents.render(desk, case_id, kind, "pdf", today=T)


@pytest.mark.parametrize("kind", FULL_KINDS)
def test_every_kind_prints_for_a_full_case(desk, full_case, kind):
    data = render(desk, full_case, kind)
    assert data.startswith(b"%PDF")
    text = flat(pdf_text(data))
    # every font is embedded (TrueType subsets), none is a non-embedded base font
    fonts = pdf_fonts(data)
    assert fonts and all(fonts.values()), fonts
    label = documents.find_kind(kind).label
    title = {"cover": "调解卷宗", "toc": "卷内目录", "back_cover": "卷内备考表",
             "confirmation_persons": "司法确认申请书"}.get(kind, label)
    assert title in text
    if kind not in ("application", "confirmation_persons", "rights_notice"):
        assert CASE_NO in text
    if kind not in ("cover", "toc", "back_cover", "confirmation_persons", "application"):
        assert "红旗嘎查人民调解委员会" in text


def test_agreement_content(desk, full_case):
    data = render(desk, full_case, "agreement")
    pages = pdf_pages(data)
    text = flat("\n".join(pages))
    for name in ("王䶮", "赵堃", "孙𫖮"):
        assert name in text
    assert "甲方：王䶮" in text and "乙方：赵堃" in text and "丙方：孙𫖮" in text
    for i, term in zip("一二三", TERMS):
        assert f"{i}、{term}" in text
    assert AMOUNT_CAPITALS in text and "12,000.00元" in text
    assert "本协议一式四份，当事人、人民调解委员会各持一份。" in text   # 3 parties + 1
    assert "（2026）红旗调协字第1号" in text and CASE_NO in text
    assert "2026年3月10日" in text          # agreed on, Chinese style
    assert "年龄：76岁" in text            # born 1949-12-31, age at the agreement date
    assert "纠纷的主要事实、争议事项以及各方当事人的责任：" in text and "履行方式、时限" in text
    assert "签名盖章或按指印" in text and "（人民调解委员会印）" in text
    # two pages, numbered; ID numbers are not printed on the agreement
    assert len(pages) == 2 and "第1页共2页" in flat(pages[0]) and "第2页共2页" in flat(pages[1])
    assert VALID_ID not in text


def test_printing_does_not_sign(desk, make_case):
    from mediation_helpers import accepted_case
    case_id = accepted_case(desk, make_case)
    aid = desk.agreements.create(case_id, agreed_on="2026-03-10", terms=["李四拆除院墙"],
                                 facts="院墙越界", performance_method="自行拆除", today=T)
    documents.render(desk, case_id, "agreement", today=T)
    documents.record_print(desk, kind="agreement", fmt="pdf", case_id=case_id, target="x.pdf")
    a = desk.agreements.get(aid, today=T)
    assert (a["signed_on"], a["effective_on"], a["state"]) == ("", "", "awaiting_signature")
    assert desk.cases.get_row(case_id)["status"] == "agreed"
    entry = desk.audit.for_case(case_id)[-1]
    assert entry["action"] == "print" and entry["details"]["文书"] == "人民调解协议书"


def test_records_print_one_document_each(desk, full_case):
    mediations = desk.sessions.mediations(full_case)
    both = pdf_text(render(desk, full_case, "mediation_record"))
    assert flat(both).count("人民调解记录") == 2
    one = documents.render(desk, full_case, "mediation_record", record_id=mediations[1]["id"],
                           today=T)
    text = flat(pdf_text(one))
    assert text.count("人民调解记录") == 1
    assert "2026年3月10日14:00—16:30" in text and "经实地测量，院墙越界0.5米。" in text
    assert "经调解，当事人自愿达成协议。" in text and "村民小组长巴特尔" in text


def test_investigation_questions_and_answers(desk, full_case):
    text = flat(pdf_text(render(desk, full_case, "investigation")))
    assert "问：院墙是哪一年翻建的？" in text and "答：2025年秋天。" in text
    assert "2026年3月3日09:30—10:40" in text and "被调查人：赵堃" in text


def test_application_lists_claims_and_parties(desk, full_case):
    text = flat(pdf_text(render(desk, full_case, "application")))
    assert "申请人：王䶮" in text and "被申请人：赵堃" in text
    assert "1．请求确认院墙边界" in text and "2．请求赵堃赔偿损失" in text
    assert "民族：蒙古族" in text and "年龄：76岁" in text   # at the application date


def test_confirmation_for_two_individuals_shows_id_numbers(desk, full_case):
    text = flat(pdf_text(render(desk, full_case, "confirmation_persons")))
    assert f"居民身份证号码：{VALID_ID}" in text          # the court needs them
    assert "阿鲁科尔沁旗人民法院" in text and "（2026）红旗调协字第1号" in text
    assert "该调解协议于2026年3月12日生效" in text
    assert "2026年4月1日" in text


def test_confirmation_with_an_organisation(desk, org_case):
    text = flat(pdf_text(render(desk, org_case, "confirmation_organisation")))
    assert ORG_NAME in text and f"统一社会信用代码：{CREDIT_CODE}" in text
    assert "法定代表人（负责人）：周㑇" in text and "申请人：刘赟" in text
    assert "赤峰市红山区人民法院" in text and "申请人（单位盖章）" in text
    # the variant for two individuals refuses, naming the organisation
    with pytest.raises(DeskError, match=ORG_NAME):
        documents.render(desk, org_case, "confirmation_persons", today=T)


def test_agreement_with_an_organisation_and_capitals(desk, org_case):
    text = flat(pdf_text(render(desk, org_case, "agreement")))
    assert f"乙方：{ORG_NAME}" in text and "法定代表人（负责人）：周㑇" in text
    assert "人民币叁仟伍佰元整" in text and "3,500.00元" in text
    assert "本协议一式三份，当事人、人民调解委员会各持一份。" in text
    assert "盖章，法定代表人或委托代理人签名" in text


def test_oral_agreement_register(desk, oral_case):
    text = flat(pdf_text(render(desk, oral_case, "oral_agreement")))
    assert "人民调解口头协议登记表" in text and "吴㛃" in text and "巴特尔" in text
    assert "一、吴㛃赔偿巴特尔草场损失800元" in text and "二、双方各自看管好牲畜" in text
    assert "人民币捌佰元整" in text and "2026年4月2日" in text


def test_followup_record(desk, full_case):
    text = flat(pdf_text(render(desk, full_case, "followup")))
    assert "协议履行情况：已履行" in text and "当事人满意程度：满意" in text
    assert "（2026）红旗调协字第1号" in text and "2026年4月25日" in text


def test_cover_and_back_cover(desk, full_case):
    cover = flat(pdf_text(render(desk, full_case, "cover")))
    assert "王䶮与赵堃邻里纠纷" in cover and "30年" in cover and "2026年5月1日" in cover
    assert "自2026年3月2日至2026年3月10日" in cover
    back = flat(pdf_text(render(desk, full_case, "back_cover")))
    assert "本卷共有文书材料16页，附件2件。" in back


def test_no_line_starts_with_closing_punctuation():
    # 31 characters of 14 pt fill a line of the A4 frame; the mark after them must not begin
    # the next line (mainland rule added to reportlab's Japanese-oriented list: without it,
    # '，；：！？》”' all start line two).
    from mediator_desk.documents import fonts, layout, pdf, template
    for mark in "，；：！？》”）":
        t = template.parse(f"@文书 测试\n{'一' * 31}{mark}{'二' * 8}\n", "test.txt")
        doc = layout.expand(t, {}, cmap=fonts.cmap())
        lines = [ln for ln in pdf_pages(pdf.render([doc])[0])[0].splitlines() if ln.strip()]
        assert len(lines) == 2, lines
        assert lines[1][0] not in CANNOT_START, (mark, lines)


def test_a_wrapped_signature_label_gets_a_taller_row():
    # 乙方（盖章，法定代表人或委托代理人签名）： wraps to two lines; with a fixed row height
    # its second line printed over the next party's label.
    from mediator_desk.documents import layout, pdf
    from mediator_desk.documents.layout import Block, Run
    styles = pdf._style_sheet()
    group = [Block("fingerprint", [Run("甲方（签名盖章或按指印）：")]),
             Block("signature", [Run("乙方（盖章，法定代表人或委托代理人签名）：")]),
             Block("fingerprint", [Run("丙方（签名盖章或按指印）：")])]
    frame = 453.0
    table = pdf._signatures(group, styles, frame, group)
    table.wrap(frame, 10_000)
    label_width = table._colWidths[0]
    for block, height in zip(group, table._rowHeights):
        from reportlab.platypus import Paragraph
        _, needed = Paragraph(block.text, styles["signature"]).wrap(label_width, 10_000)
        assert height >= needed + styles["signature"].fontSize, (block.text, height, needed)
    assert layout  # the blocks are the layout's own


MAINLAND_SAMPLE = ("赵堃一次性赔偿王䶮损失人民币壹万贰仟元整（大写：人民币壹万贰仟元整）。双方（甲方、乙方）："
                   "“同意”！依照《人民调解法》第三十三条……”。法定代表人（负责人）：周㑇，12.5%，"
                   "（1）2021年9月25日前履行完毕；【附】〈清单〉、‘备注’》。") * 3


def _wrapped_lines(markup: str, width: float) -> list[str]:
    """The lines reportlab's paragraph wrap produces (its own line list)."""
    from reportlab.platypus import Paragraph
    from mediator_desk.documents import pdf
    para = Paragraph(markup, pdf._style_sheet()["para"])
    para.wrap(width, 100_000)
    return [line[1][0] if isinstance(line, tuple) else "".join(f.text for f in line.words)
            for line in para.blPara.lines]


@pytest.mark.parametrize("markup", [
    MAINLAND_SAMPLE,                                                    # one fragment
    MAINLAND_SAMPLE.replace("赔偿", "<font size='12'>赔偿</font>"),     # several fragments
])
def test_runs_of_no_start_marks_go_down_with_the_character_before(markup):
    from mediator_desk.documents.fonts import CANNOT_END
    for width in range(80, 460, 3):      # from 6 characters a line to the full A4 frame
        lines = _wrapped_lines(markup, width)
        assert "".join(lines) == MAINLAND_SAMPLE, width
        for line in lines[1:]:
            assert line[0] not in CANNOT_START, (width, line)
        for line in lines[:-1]:
            assert line[-1] not in CANNOT_END, (width, line)


def test_no_line_of_a_rendered_page_starts_with_a_full_stop():
    # Read back from the PDF: 元整）。 at the end of a full line used to put 。 alone on the
    # next line (reportlab hangs one mark, not two).
    from mediator_desk.documents import fonts, layout, pdf, template
    from mediator_desk.documents.fonts import CANNOT_END
    for pad in range(0, 31, 3):
        t = template.parse(f"@文书 测试\n{'一' * pad}{MAINLAND_SAMPLE}\n", "test.txt")
        doc = layout.expand(t, {}, cmap=fonts.cmap())
        lines = [ln for ln in pdf_pages(pdf.render([doc])[0])[0].splitlines() if ln.strip()]
        assert len(lines) > 5
        for line in lines[1:]:
            assert line[0] not in CANNOT_START, (pad, line)
        for line in lines[:-1]:
            assert line[-1] not in CANNOT_END, (pad, line)


def test_a_heading_is_never_the_last_line_of_a_page():
    # 履行方式、时限： used to end page 1 alone for three-party agreements; whatever the
    # length of the text before it, the heading and its first line share a page.
    from mediator_desk.documents import fonts, layout, pdf, template
    for filler in range(24, 34):
        body = "\n".join(f"　　第{i}段填充文字。" for i in range(filler))
        t = template.parse(f"@文书 测试\n{body}\n@小节 履行方式、时限：\n　　赔偿款当面交付现金\n",
                           "test.txt")
        doc = layout.expand(t, {}, cmap=fonts.cmap())
        pages = [flat(p) for p in pdf_pages(pdf.render([doc])[0])]
        where = [i for i, p in enumerate(pages) if "履行方式、时限：" in p]
        assert where and "赔偿款当面交付现金" in pages[where[0]], (filler, pages)


def test_three_party_agreement_keeps_heading_and_signatures_with_their_text(desk, full_case):
    pages = [flat(p) for p in pdf_pages(render(desk, full_case, "agreement"))]
    heading = [i for i, p in enumerate(pages) if "履行方式、时限：" in p]
    assert heading and "赵堃自行恢复院墙" in pages[heading[0]]
    signing = [i for i, p in enumerate(pages) if "丙方（签名盖章或按指印）" in p]
    assert signing and "甲方（签名盖章或按指印）" in pages[signing[0]]
    # the signing block shares its page with the closing sentence, seal and date
    assert "之日起生效" in pages[signing[0]] and "（人民调解委员会印）" in pages[signing[0]]


def test_signing_block_keeps_with_the_table_or_paragraph_before_it(desk, full_case):
    for kind, blank in (("registration", False), ("application", True), ("registration", True)):
        data = (documents.render_blank(desk, kind, "pdf") if blank
                else documents.render(desk, full_case, kind, "pdf", today=T))
        for page in pdf_pages(data):
            text = flat(page)
            if "（签名" in text:
                # never a page of nothing but signing lines, seal and date
                rest = re.sub(r"(当事人|登记人|申请人|[甲乙丙丁]方|人民调解员|记录人)（[^）]*）：|"
                              r"指印|（人民调解委员会印章?）|_+年_+月_+日|\d+年\d+月\d+日|"
                              r"第\d+页共\d+页", "", text)
                assert len(rest) > 4, (kind, blank, text)
