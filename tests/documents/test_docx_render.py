"""The DOCX as LibreOffice (Kylin, UOS, Debian), WPS and Word render it: zh-CN language
settings, a Chinese font table with a Linux fallback, page totals every suite fills in, and
real column widths — read back from the parts; and, where LibreOffice is installed, the file
converted to PDF and checked for a CJK serif face and right page totals."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from mediator_desk import documents
import importlib

from mediator_desk.documents import layout
from mediator_desk.documents.pdf import MARGINS, MM
from doc_helpers import NO_SOFFICE, SOFFICE, T, docx_parts, libreoffice_pdf, pdf_pages

TEXT_WIDTH_TWIPS = round(((210 * MM) - MARGINS["left"] - MARGINS["right"]) * 20)
LONG_SUMMARY = "院墙翻建时越界，双方多次协商未果，联系电话13912345678。" * 40


def grids(body: str) -> list[list[int]]:
    return [[int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"', g)]
            for g in re.findall(r"<w:tblGrid>.*?</w:tblGrid>", body, re.S)]


def test_language_settings_and_font_table(desk, full_case):
    parts = docx_parts(documents.render(desk, full_case, "agreement", "docx", today=T))
    settings, fonts = parts["word/settings.xml"], parts["word/fontTable.xml"]
    assert re.search(r'<w:themeFontLang [^>]*w:eastAsia="zh-CN"', settings)
    assert "ja-JP" not in settings
    for japanese in ("ＭＳ 明朝", "ＭＳ ゴシック", "MS Mincho", "MS Gothic"):
        assert japanese not in fonts
    for face, alt in (("宋体", "Noto Serif CJK SC"), ("仿宋", "Noto Serif CJK SC")):
        entry = re.search(rf'<w:font w:name="{face}">.*?</w:font>', fonts, re.S).group(0)
        assert f'<w:altName w:val="{alt}"/>' in entry and 'w:charset w:val="86"' in entry
    assert '<w:font w:name="Noto Serif CJK SC">' in fonts
    defaults = re.search(r"<w:docDefaults>.*?</w:docDefaults>", parts["word/styles.xml"],
                         re.S).group(0)
    assert re.search(r'<w:rFonts [^>]*w:eastAsia="仿宋"', defaults)
    assert re.search(r'<w:lang [^>]*w:eastAsia="zh-CN"', defaults)


def test_page_totals_use_numpages_with_the_page_count_cached(desk, make_case):
    case_id = make_case(summary=LONG_SUMMARY)
    pdf = documents.render(desk, case_id, "registration", "pdf", today=T)
    pages = len(pdf_pages(pdf))
    assert pages > 1
    parts = docx_parts(documents.render(desk, case_id, "registration", "docx", today=T))
    footer = "".join(v for k, v in parts.items() if k.startswith("word/footer"))
    assert "SECTIONPAGES" not in footer
    cached = re.search(r'w:instr="NUMPAGES".*?<w:t[^>]*>(\d+)</w:t>', footer, re.S).group(1)
    assert int(cached) == pages


def test_several_documents_keep_per_section_totals(desk, full_case, oral_case):
    batch = documents.render_batch(desk, [full_case, full_case], "agreement", "docx")
    parts = docx_parts(batch.data)
    footer = "".join(v for k, v in parts.items() if k.startswith("word/footer"))
    assert "SECTIONPAGES" in footer and "NUMPAGES" not in footer


@pytest.mark.parametrize("kind", ["registration", "agreement"])
def test_column_widths_follow_the_layout(desk, full_case, kind):
    data = documents.render(desk, full_case, kind, "docx", today=T)
    body = docx_parts(data)["word/document.xml"]
    assert 'w:type="fixed"' in body
    found = grids(body)
    assert found and all(len(set(g)) > 1 for g in found if len(g) > 1)   # not 1512 each
    docs = importlib.import_module("mediator_desk.documents.render").documents_for(
        desk, full_case, kind, today=T)
    tables = [b for d in docs for b in d.blocks if isinstance(b, layout.TableBlock)]
    for block in tables:
        total = sum(block.widths)
        expected = [TEXT_WIDTH_TWIPS * w / total for w in block.widths]
        match = [g for g in found if len(g) == len(expected)
                 and all(abs(a - b) <= 1 for a, b in zip(g, expected))]
        assert match, (kind, expected, found)
        assert sum(match[0]) == TEXT_WIDTH_TWIPS
    if kind == "registration":
        assert tables
        assert re.search(rf'<w:tblW [^>]*w:w="{TEXT_WIDTH_TWIPS}"', body)
    else:
        # the signing table: label, a 55 mm line, the fingerprint box, as in the PDF
        assert any(len(g) == 3 and abs(g[1] - round(55 * MM * 20)) <= 1 for g in found)
    # every cell's width is the sum of the columns it spans
    for tbl in re.findall(r"<w:tbl>.*?</w:tbl>", body, re.S):
        cols = [int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"', tbl)]
        for tr in re.findall(r"<w:tr[ >].*?</w:tr>", tbl, re.S):
            widths = [int(re.search(r'w:w="(\d+)"', tc).group(1))
                      for tc in re.findall(r"<w:tcW [^>]*/>", tr)]
            assert sum(widths) == sum(cols)


@pytest.mark.skipif(SOFFICE is None, reason=NO_SOFFICE)
def test_libreoffice_renders_a_cjk_serif_and_right_totals(desk, full_case, make_case, tmp_path):
    long_case = make_case(summary=LONG_SUMMARY)
    files = {"agreement": documents.render(desk, full_case, "agreement", "docx", today=T),
             "registration": documents.render(desk, long_case, "registration", "docx", today=T),
             "confirmation": documents.render(desk, full_case, "confirmation_persons", "docx",
                                              today=T)}
    for name, data in files.items():
        (tmp_path / f"{name}.docx").write_bytes(data)
    libreoffice_pdf([tmp_path / f"{n}.docx" for n in files], tmp_path)
    for name in files:
        pdf = (tmp_path / f"{name}.pdf").read_bytes()
        pages = pdf_pages(pdf)
        for i, text in enumerate(pages, 1):
            flat = re.sub(r"\s+", "", text)
            assert f"第{i}页共{len(pages)}页" in flat, (name, i, flat[-40:])
        if shutil.which("pdffonts"):
            out = subprocess.run(["pdffonts", str(tmp_path / f"{name}.pdf")],
                                 capture_output=True, text=True, check=True).stdout
            faces = [line.split()[0] for line in out.splitlines()[2:]]
            assert any(re.search(r"Serif.*CJK|Song|SimSun|FangSong|Ming", f) for f in faces), \
                (name, faces)
            assert not any(re.search(r"Sans.*CJK.*JP|Gothic|Mincho", f) for f in faces), \
                (name, faces)
