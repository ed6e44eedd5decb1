"""The written agreement's layout rules, read back from the PDF
as a reader sees it, for 2, 8 and 200 parties and long terms:

- the signature block, the seal line and the date are on one page (the seal page never
  carries only 记录人 with every other signature on the page before); a block taller
  than a page (200 parties) keeps the mediator's, the recorder's and the last parties'
  signatures with the seal and the date;
- a heading (履行方式、时限：) is never the last line of a page;
- nothing — text, rules, fingerprint boxes — is outside the margins, and nothing overlaps
  (the checker of test_no_overprint.py).
"""

from __future__ import annotations

import shutil

import pytest

from doc_helpers import NO_SOFFICE, SOFFICE, T, libreoffice_pdf, pdf_pages
from mediator_desk import documents
from mediator_desk.core.desk import Desk
from test_no_overprint import A4, MARGINS, fragments, long_text, parties, problems

HEADINGS = ("纠纷的主要事实、争议事项以及各方当事人的责任：", "经调解，自愿达成如下协议：",
            "履行方式、时限：")
CLOSING = ("人民调解员（签名）：", "记录人（签名）：", "（人民调解委员会印）", "2026年3月10日")


def people(count: int) -> list[dict]:
    return [dict(p, age=30 + i % 50) if "age" in p else p
            for i, p in enumerate(parties(count, org=False))]


@pytest.fixture(scope="module")
def desk(template_db, tmp_path_factory):
    path = tmp_path_factory.mktemp("agreement_layout") / "desk.db"
    shutil.copyfile(template_db, path)
    d = Desk.open(path)
    made = {}

    def make(count: int, terms: int, facts: int = 300, method: int = 120) -> str:
        key = (count, terms, facts, method)
        if key not in made:
            case_id = d.cases.register(
                org_id=d.settings.get("committee_id"), received_date="2026-03-02",
                source="apply", dispute_type="02", summary="院墙纠纷", claims="确认院墙边界",
                parties=people(count), mediator_ids=[d.settings.get("current_mediator_id")])
            d.acceptance.accept(case_id, decided_on="2026-03-02",
                                consent_form="written_application", rights_notice_given=True,
                                today=T)
            d.agreements.create(
                case_id, agreed_on="2026-03-10", facts=long_text(facts),
                terms=[long_text(terms), "双方今后和睦相处，不再因此事发生纠纷"],
                performance_method=long_text(method), performance_deadline="2026-04-10",
                place="红旗嘎查村委会", mediators=["乌力吉"], recorder="其其格", today=T)
            made[key] = documents.render(d, case_id, "agreement", "pdf")
        return made[key]

    yield make
    d.close()


def page_lines(data: bytes) -> list[list[str]]:
    """Per page, the text lines top to bottom (fragments on one baseline joined), without
    the page footer."""
    out = []
    for page in fragments(data):
        rows: dict[float, list] = {}
        for text, x0, y0, _x1, _y1, size in page:
            if y0 + 0.2 * size < MARGINS["bottom"]:
                continue                                 # 第 N 页 共 M 页
            rows.setdefault(round(y0 + 0.2 * size), []).append((x0, text))
        out.append(["".join(t for _, t in sorted(rows[y])).strip()
                    for y in sorted(rows, reverse=True)])
    return out


def seal_page(lines: list[list[str]]) -> int:
    found = [n for n, page in enumerate(lines)
             if "（人民调解委员会印）" in page and "2026年3月10日" in page]
    assert len(found) == 1, lines
    return found[0]


def party_labels(page: list[str]) -> list[str]:
    return [ln for ln in page if "签名盖章或按指印" in ln]


CASES = {"2 parties": (2, 300), "2 parties, long terms": (2, 2500),
         "8 parties": (8, 300), "8 parties, long terms": (8, 1500),
         "200 parties": (200, 3000)}


@pytest.mark.parametrize("name", CASES)
def test_signatures_seal_and_date_on_one_page(desk, name):
    count, terms = CASES[name]
    data = desk(count, terms)
    lines = page_lines(data)
    n = seal_page(lines)
    page = lines[n]
    for text in CLOSING:
        assert any(ln.startswith(text) for ln in page), (name, text, page)
    labels = party_labels(page)
    if count <= 8:
        # The whole block fits a page: every party signs on the seal page.
        assert len(labels) == count, (name, page)
        assert not any(party_labels(p) for p in lines[:n]), name
    else:
        # Taller than a page: the last parties sign with the seal, the rest before, in order.
        assert len(labels) >= 1 and labels[-1].startswith(f"第{count}方"), labels
        before = sum(len(party_labels(p)) for p in lines[:n])
        assert before + len(labels) == count
    # The seal and the date come after every signature line.
    assert page.index("（人民调解委员会印）") > page.index("记录人（签名）：")
    assert page[-1] == "2026年3月10日", page[-3:]
    assert problems(data) == [], name


@pytest.mark.parametrize("count, terms, facts",
                         [(2, t, 300) for t in range(100, 1700, 80)]
                         + [(8, t, 300) for t in range(100, 1700, 80)]
                         + [(2, 300, f) for f in range(200, 1400, 70)])
def test_no_heading_ends_a_page(desk, count, terms, facts):
    # Lengths in steps of about three lines move each heading over every position on the
    # page, the page foot included.
    data = desk(count, terms, facts)
    for n, page in enumerate(page_lines(data)[:-1], 1):
        assert page and page[-1] not in HEADINGS, (count, terms, n, page[-3:])
    for n, page in enumerate(page_lines(data), 1):
        for i, line in enumerate(page):
            if line in HEADINGS:
                # …and keeps at least one line of its text under it on the same page.
                assert i + 1 < len(page), (count, terms, n)
    assert problems(data) == [], (count, terms)


def test_a_long_section_breaks_after_its_heading_not_before(desk):
    # A heading keeps only the first lines of its text: a long facts section starts on the
    # first page under its heading instead of moving whole to the next page.
    data = desk(2, 300, facts=3000)
    first = page_lines(data)[0]
    at = first.index(HEADINGS[0])
    assert len(first) - at >= 5, first


@pytest.mark.parametrize("count", [2, 8, 200])
def test_the_signing_table_fits_the_frame(desk, count):
    # The fingerprint boxes end inside the right margin (they stuck out by the frame's 6 pt
    # padding when the table was as wide as the margins).
    from test_no_overprint import drawn_shapes
    data = desk(count, 300)
    boxes = [s for page in drawn_shapes(data) for s in page if s[0] == "re"]
    assert boxes, "no fingerprint boxes"
    assert max(s[3] for s in boxes) <= A4[0] - MARGINS["right"] + 0.5
    assert len(pdf_pages(data)) >= 1


def agreed_case(d, count: int, **agreement) -> str:
    """A case of ``count`` parties, accepted, with a written agreement (not signed)."""
    case_id = d.cases.register(
        org_id=d.settings.get("committee_id"), received_date="2026-03-02", source="apply",
        dispute_type="02", summary="院墙纠纷", claims="确认院墙边界", parties=people(count),
        mediator_ids=[d.settings.get("current_mediator_id")])
    d.acceptance.accept(case_id, decided_on="2026-03-02", consent_form="written_application",
                        rights_notice_given=True, today=T)
    d.agreements.create(case_id, agreed_on="2026-03-10", recorder="其其格", today=T, **agreement)
    return case_id


@pytest.mark.skipif(SOFFICE is None, reason=NO_SOFFICE)
def test_docx_keeps_signatures_with_the_seal_in_libreoffice(template_db, tmp_path):
    # The DOCX keeps the same rules through keep-with-next chains: the whole block when it
    # fits a page, else the last rows (as in the PDF) with the seal and the date.
    import re
    path = tmp_path / "desk.db"
    shutil.copyfile(template_db, path)
    d = Desk.open(path)
    try:
        for count in (8, 200):
            case_id = agreed_case(d, count, facts=long_text(600), terms=[long_text(1500)],
                                  performance_method=long_text(120),
                                  performance_deadline="2026-04-10")
            (tmp_path / f"p{count}.docx").write_bytes(
                documents.render(d, case_id, "agreement", "docx"))
    finally:
        d.close()
    libreoffice_pdf([tmp_path / "p8.docx", tmp_path / "p200.docx"], tmp_path)
    for count in (8, 200):
        pages = [re.sub(r"\s+", "", p)
                 for p in pdf_pages((tmp_path / f"p{count}.pdf").read_bytes())]
        sealed = [p for p in pages if "（人民调解委员会印）" in p]
        assert len(sealed) == 1, count
        page = sealed[0]
        assert "人民调解员（签名）" in page and "记录人（签名）" in page
        assert page.index("记录人（签名）") < page.index("（人民调解委员会印）") \
            < page.index("2026年3月10日")
        signed_here = page.count("签名盖章或按指印")
        if count == 8:
            assert signed_here == 8, page
        else:
            assert signed_here >= 1 and f"第{count}方（签名盖章或按指印）" in page, page
        assert sum(p.count("签名盖章或按指印") for p in pages) == count


def test_docx_signing_rows_keep_as_the_pdf_cuts_them(template_db, tmp_path):
    # In the file itself: a block that fits a page is one keep-with-next chain; a taller
    # one keeps only its first rows (with the paragraph before) and its last rows (with the
    # seal), so Word/WPS/LibreOffice never break the chain just before 记录人.
    import re
    from doc_helpers import docx_parts
    path = tmp_path / "desk.db"
    shutil.copyfile(template_db, path)
    d = Desk.open(path)
    try:
        chains = {}
        for count in (8, 200):
            case_id = agreed_case(d, count, facts="越界约0.5米。", terms=["恢复原状"],
                                  performance_method="自行恢复")
            body = docx_parts(documents.render(d, case_id, "agreement", "docx"))[
                "word/document.xml"]
            table = [t for t in re.findall(r"<w:tbl>.*?</w:tbl>", body, re.S) if "指印" in t][-1]
            rows = re.findall(r"<w:tr[ >].*?</w:tr>", table, re.S)
            chains[count] = ["<w:keepNext/>" in r for r in rows]
    finally:
        d.close()
    assert all(chains[8]) and len(chains[8]) == 10
    kept = chains[200]
    assert len(kept) == 202 and kept[:2] == [True, True] and all(kept[-5:])
    assert not any(kept[2:-12]), kept
