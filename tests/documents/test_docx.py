"""Filled documents as DOCX, read back from the XML: the same content as the PDF, and the
East-Asian font settings Word and WPS need (w:eastAsia, no theme fonts, w:lang zh-CN)."""

from __future__ import annotations

import re

import pytest

from mediator_desk import documents
from doc_helpers import AMOUNT_CAPITALS, T, TERMS, docx_parts, docx_text, flat, pdf_text

FULL_KINDS = [k.code for k in documents.list_kinds()
              if k.code not in ("oral_agreement", "confirmation_organisation")]


def assert_east_asian(parts: dict[str, str]) -> None:
    body, styles = parts["word/document.xml"], parts["word/styles.xml"]
    # document defaults and Normal: 仿宋 for every script, zh-CN
    defaults = re.search(r"<w:docDefaults>.*?</w:docDefaults>", styles, re.S).group(0)
    assert 'w:eastAsia="仿宋"' in defaults and 'w:ascii="仿宋"' in defaults
    assert re.search(r'<w:lang [^>]*w:eastAsia="zh-CN"', defaults)
    normal = re.search(r'<w:style [^>]*w:styleId="Normal".*?</w:style>', styles, re.S).group(0)
    assert 'w:eastAsia="仿宋"' in normal
    assert "Theme=" not in styles and "Theme=" not in body     # no theme fonts anywhere
    # every run names its East-Asian face and language explicitly
    runs = re.findall(r"<w:r>.*?</w:r>", body, re.S)
    texts = [r for r in runs if "<w:t" in r]
    assert texts
    for run in texts:
        assert re.search(r'w:eastAsia="(仿宋|宋体)"', run), run
        assert 'w:eastAsia="zh-CN"' in run, run


@pytest.mark.parametrize("kind", FULL_KINDS)
def test_every_kind_as_docx_has_the_pdf_content(desk, full_case, kind):
    data = documents.render(desk, full_case, kind, "docx", today=T)
    parts = docx_parts(data)
    assert_east_asian(parts)
    text = flat(docx_text(data))
    pdf = flat(pdf_text(documents.render(desk, full_case, kind, "pdf", today=T)))
    # Every paragraph of the DOCX is in the PDF too (the PDF adds page numbers only).
    for paragraph in docx_text(data).splitlines():
        p = flat(paragraph)
        if p:
            assert p.replace("\u00a0", "") in pdf.replace("\u00a0", ""), (kind, p)
    assert text


def test_agreement_docx(desk, full_case):
    data = documents.render(desk, full_case, "agreement", "docx", today=T)
    text = flat(docx_text(data))
    for name in ("王䶮", "赵堃", "孙𫖮"):
        assert name in text
    for i, term in zip("一二三", TERMS):
        assert f"{i}、{term}" in text
    assert AMOUNT_CAPITALS in text
    assert "本协议一式四份，当事人、人民调解委员会各持一份。" in text
    assert "（2026）红旗人调字第1号" in text
    parts = docx_parts(data)
    body = parts["word/document.xml"]
    # title in 宋体, body in 仿宋; A4 page; page numbers in the footer
    assert re.search(r'w:eastAsia="宋体".*?人民调解协议书', body, re.S)
    assert '<w:pgSz w:w="11906" w:h="16838"' in body or 'w:w="11905"' in body
    footer = "".join(v for k, v in parts.items() if k.startswith("word/footer"))
    assert "PAGE" in footer and "NUMPAGES" in footer          # one document: NUMPAGES
    assert "指印" in text and "（人民调解委员会印）" in text


def test_batch_keeps_one_section_per_document(desk, full_case, oral_case):
    batch = documents.render_batch(desk, [full_case, oral_case], "mediation_record", "docx")
    assert batch.printed == ["（2026）红旗人调字第1号"]
    assert batch.skipped and "没有调解记录" in batch.skipped[0][1]
    body = docx_parts(batch.data)["word/document.xml"]
    assert body.count("<w:sectPr") == 2          # two mediation records, two sections
    assert body.count('w:start="1"') == 2        # page numbers restart per document


def test_docx_keeps_headings_and_the_signing_block_together(desk, full_case):
    import docx
    import io
    data = documents.render(desk, full_case, "agreement", "docx", today=T)
    d = docx.Document(io.BytesIO(data))
    heading = next(p for p in d.paragraphs if p.text == "履行方式、时限：")
    assert heading.paragraph_format.keep_with_next
    closing = next(p for p in d.paragraphs if "之日起生效" in p.text)
    assert closing.paragraph_format.keep_with_next
    signing = d.tables[-1]
    assert "甲方" in signing.rows[0].cells[0].text
    for row in signing.rows:
        assert row._tr.trPr.find(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}cantSplit") is not None
        assert all(p.paragraph_format.keep_with_next for c in row.cells for p in c.paragraphs)
