"""The whole case file: cover, table of contents whose page numbers are the real pages, the
documents in order, the attached scan and photo, the back cover; missing files reported."""

from __future__ import annotations

from mediator_desk import documents
from doc_helpers import T, flat, pdf_fonts, pdf_pages, small_pdf


def first_page(rows, title_part):
    row = next(r for r in rows if title_part in r["名称"])
    return int(row["页号"].split("-")[0]) if row["页号"] else None


def test_dossier_pages_match_the_table_of_contents(desk, full_case):
    result = documents.render_dossier(desk, full_case, today=T)
    pages = [flat(p) for p in pdf_pages(result.pdf)]
    assert result.warnings == []
    # cover, table of contents, N content pages, back cover
    assert len(pages) == result.pages + 3
    assert "调解卷宗" in pages[0] and "卷内目录" in pages[1] and "卷内备考表" in pages[-1]
    assert f"本卷共有文书材料{result.pages}页" in pages[-1]
    content = pages[2:-1]
    # every content page carries its file page number (stamped top right)
    for n, page in enumerate(content, 1):
        assert str(n) in page
    expect = {"申请书": "人民调解申请书", "告知书": "人民调解当事人权利义务告知书",
              "身份证明": "附件：当事人身份证明", "调查记录": "人民调解调查记录",
              "人民调解记录": "人民调解记录", "协议书": "人民调解协议书", "回访记录": "人民调解回访记录",
              "司法确认": "司法确认申请书", "情况说明": "卷宗情况说明"}
    for row_part, heading in expect.items():
        n = first_page(result.toc, row_part)
        assert n is not None, row_part
        assert heading in content[n - 1], (row_part, n)
    # the signed scan follows the printed agreement (item 8 spans both)
    agreement_row = next(r for r in result.toc if "协议书" in r["名称"])
    last = int(agreement_row["页号"].split("-")[1])
    assert "signedagreement" in content[last - 1]
    assert "附件1件" in agreement_row["备注"]
    # items the case does not have are marked, the table shows all 13
    assert len([r for r in result.toc if r["编号"]]) == 13
    assert next(r for r in result.toc if r["名称"] == "授权委托书")["备注"] == "无"
    toc_text = pages[1]
    assert f"{first_page(result.toc, '协议书')}-{last}" in toc_text
    fonts = pdf_fonts(result.pdf)
    assert all(v for k, v in fonts.items() if "Noto" in k)


def test_missing_or_unreadable_attachment_is_reported_not_fatal(desk, make_case):
    from doc_helpers import small_png
    from mediation_helpers import accepted_case
    case_id = accepted_case(desk, make_case)
    ok = desk.attachments.add_bytes(case_id, small_pdf("evidence one"), file_name="证据1.pdf",
                                    item="evidence")
    gone = desk.attachments.add_bytes(case_id, small_png(), file_name="现场照片.png",
                                      item="evidence")
    desk.attachments.path_of(gone).unlink()
    desk.attachments.add_bytes(case_id, b"%PDF-1.4\nnot really a pdf\n", file_name="坏文件.pdf",
                               item="other")
    result = documents.render_dossier(desk, case_id, today=T)
    text = flat("\n".join(pdf_pages(result.pdf)))
    assert ok and "evidenceone" in text
    assert "附件文件缺失" in text and "现场照片.png" in text
    assert "附件无法读取" in text and "坏文件.pdf" in text
    assert any("现场照片.png" in w and "不见了" in w for w in result.warnings)
    assert any("坏文件.pdf" in w and "不是有效的PDF" in w for w in result.warnings)
    # required items the case lacks are flagged in the table and the warnings
    assert any("缺少必备材料：人民调解记录" in w for w in result.warnings)
    row = next(r for r in result.toc if r["名称"] == "人民调解记录")
    assert row["备注"] == "缺" and row["页号"] == ""
    other = next(r for r in result.toc if r["名称"] == "其他材料")
    assert other["备注"] == "附件1件"


def test_standalone_toc_has_the_same_page_numbers(desk, full_case):
    result = documents.render_dossier(desk, full_case, today=T)
    toc = flat(pdf_pages(documents.render(desk, full_case, "toc", today=T))[0])
    for row in result.toc:
        if row["页号"]:
            assert row["页号"] in toc
