"""Read every printed form back the way a reader looks at it: for every document kind in PDF,
filled with stress cases — a 3,000-character summary and long facts, 8 and 40 parties, long
organisation names, rare characters, no amount — and blank, no two text lines overlap,
nothing leaves the page margins (the page footer lives in the bottom margin by design) —
neither text nor drawn rules and boxes — and no line starts with a mark that may not begin a
line.

A long table cell used to be split by reportlab inside its row, which drew the remainder at
one column's width and over the title, the header and the party rows of the next page.

Text fragments and their positions come from pypdf's ``visitor_text``; a fragment's box is
its advance width in the shipped font (reportlab's metrics) by 0.2 em below to 0.8 em above
the baseline.
"""

from __future__ import annotations

import functools
import io
import re
import shutil

import pytest

from doc_helpers import (NO_SOFFICE, ORG_NAME, SOFFICE, T, VALID_ID, VALID_ID_2, libreoffice_pdf,
                         pdf_pages)
from mediator_desk import documents
from mediator_desk.core.desk import Desk
from mediator_desk.documents.fonts import CANNOT_START
from mediator_desk.errors import IllegalStep, NotFound

MM = 72 / 25.4
A4 = (595.2756, 841.8898)
MARGINS = dict(top=25 * MM, bottom=25 * MM, left=26 * MM, right=24 * MM)
SENTENCES = ("两家因院墙位置发生争执，王䶮认为赵堃翻建院墙时占用其宅基地约0.5米；",
             "孙𫖮称院墙系2025年秋天按原址翻建，并有村民小组长巴特尔在场见证。",
             "双方多次协商未果（其间曾发生推搡），遂于2026年3月2日申请调解：",
             "“请求确认院墙边界，并赔偿损失人民币12,000元。”")
LONG_ORG = "内蒙古自治区赤峰市阿鲁科尔沁旗巴彦塔拉苏木红旗嘎查喆昇农牧业专业合作社联合社有限责任公司"


def long_text(chars: int) -> str:
    text, i = "", 0
    while len(text) < chars:
        text += SENTENCES[i % len(SENTENCES)]
        i += 1
    return text[:chars - 1] + "。"


def parties(count: int, *, org: bool) -> list[dict]:
    out = [dict(name="王䶮", role="applicant", id_number=VALID_ID, ethnicity="02",
                phone="13912345678", address="阿鲁科尔沁旗巴彦塔拉苏木红旗嘎查三组" * 2,
                occupation="牧民"),
           dict(name="赵堃", role="respondent", id_number=VALID_ID_2, ethnicity="01",
                phone="0476-8123456", address="阿鲁科尔沁旗巴彦塔拉苏木红旗嘎查五组")]
    if org:
        out.append(dict(name=LONG_ORG, role="respondent", kind="organisation",
                        legal_rep="周㑇", legal_rep_title="执行董事兼总经理",
                        phone="0476-8888888", address="红山区长青街道" + LONG_ORG))
    for i in range(len(out), count):
        out.append(dict(name=f"孙𫖮{i}", role="third_party" if i % 2 else "respondent",
                        sex="男", age=30 + i, ethnicity="02", address=f"红旗嘎查{i}组"))
    return out[:count]


@pytest.fixture(scope="module")
def desk(template_db, tmp_path_factory):
    """One database for the module with the stress cases; yields (desk, case ids)."""
    path = tmp_path_factory.mktemp("overprint") / "desk.db"
    shutil.copyfile(template_db, path)
    d = Desk.open(path)
    cases = {}

    def register(summary: str, party_list: list[dict], received="2026-03-02") -> str:
        case_id = d.cases.register(
            org_id=d.settings.get("committee_id"), received_date=received, source="apply",
            dispute_type="02", summary=summary, claims="1. 请求确认院墙边界\n2. " + long_text(200),
            parties=party_list, mediator_ids=[d.settings.get("current_mediator_id")])
        d.acceptance.accept(case_id, decided_on=received, consent_form="written_application",
                            consent_note="双方同意调解", rights_notice_given=True, today=T)
        return case_id

    # 3,000 characters, 8 parties, a written agreement with long facts and no amount,
    # records, a court application and a follow-up.
    case_id = register(long_text(3000), parties(8, org=False))
    d.sessions.add_investigation(
        case_id, held_on="2026-03-03", start_time="9:30", end_time="10:40", subject="赵堃",
        place="赵堃家中", participants="村民小组长", investigators=["乌力吉"], recorder="其其格",
        qa=[("院墙是哪一年翻建的？", long_text(800)), ("翻建前是否商量？", "没有商量。")], today=T)
    d.sessions.add_mediation(
        case_id, held_on="2026-03-10", start_time="14:00", end_time="16:30", place="红旗嘎查村委会",
        matter="院墙边界纠纷", mediators=["乌力吉", "其其格"], parties_present="王䶮、赵堃",
        recorder="其其格", rights_notice_given=True, statements=long_text(1500),
        findings=long_text(600), result="agreed", result_note="双方自愿达成协议。", today=T)
    aid = d.agreements.create(
        case_id, agreed_on="2026-03-10", facts=long_text(3000),
        terms=[long_text(300), "双方今后和睦相处，不再因此事发生纠纷"],
        performance_method=long_text(200), performance_deadline="2026-04-10",
        place="红旗嘎查村委会", mediators=["乌力吉", "其其格"], recorder="其其格", today=T)
    d.agreements.sign(aid, "2026-03-12", today=T)
    d.confirmations.apply(aid, applied_on="2026-04-01", court="阿鲁科尔沁旗人民法院", today=T)
    d.followups.add(aid, visited_on="2026-04-25", party="王䶮、赵堃", reason=long_text(300),
                    performance="performed", satisfaction="satisfied",
                    action_taken=long_text(500), note=long_text(1200), visitor="乌力吉", today=T)
    cases["long"] = case_id
    # 40 parties, 300 characters, an oral agreement with long content and no amount.
    case_id = register(long_text(300), parties(40, org=False), received="2026-04-01")
    oral = d.agreements.create(case_id, form="oral", agreed_on="2026-04-02", facts=long_text(1500),
                               terms=[long_text(900), "双方各自看管好牲畜"], place="巴特尔家",
                               performance_method=long_text(300), today=T)
    d.followups.add(oral, visited_on="2026-04-25", party="巴特尔", reason="了解履行情况",
                    performance="performed", satisfaction="satisfied",
                    action_taken=long_text(2000), visitor="乌力吉", today=T)
    cases["many"] = case_id
    # A person and a long-named organisation (the organisation's court application).
    case_id = register(long_text(700), parties(3, org=True)[::2])
    aid = d.agreements.create(case_id, agreed_on="2026-03-09", facts=long_text(700),
                              terms=[long_text(400)], performance_method="银行转账",
                              performance_deadline="2026-03-31", today=T)
    d.agreements.sign(aid, "2026-03-10", today=T)
    d.confirmations.apply(aid, applied_on="2026-03-20", court="赤峰市红山区人民法院", today=T)
    cases["org"] = case_id
    d.take_changes()
    yield d, cases
    d.close()


@pytest.fixture(scope="module")
def forms(desk):
    """Each form of each stress case and each blank form, rendered once for the module
    (rendering reads the database only): ``forms(kind, name, "pdf")`` → bytes, with ``name``
    a key of the stress cases or "blank"; NotFound / IllegalStep are raised again each time.
    Each case's file is laid out once (the table of contents and the back cover, in PDF and
    in DOCX, number their pages from that layout of the unchanged case)."""
    from mediator_desk.documents import case_file
    d, cases = desk
    rendered: dict[tuple, bytes | Exception] = {}
    laid_out: dict[str, case_file.Plan] = {}
    plan = case_file.plan

    def plan_once(desk, case_id, **options):
        if case_id not in laid_out:
            laid_out[case_id] = plan(desk, case_id, **options)
        return laid_out[case_id]

    def form(kind: str, name: str, fmt: str) -> bytes:
        key = (kind, name, fmt)
        if key not in rendered:
            try:
                rendered[key] = (documents.render_blank(d, kind, fmt) if name == "blank"
                                 else documents.render(d, cases[name], kind, fmt))
            except (NotFound, IllegalStep) as exc:
                rendered[key] = exc
        found = rendered[key]
        if isinstance(found, Exception):
            raise found
        return found

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(case_file, "plan", plan_once)
        yield form


def fragments(data: bytes) -> list[list[tuple]]:
    """Per page: (text, x0, y0, x1, y1) of every text fragment drawn."""
    return read_back(data)[1]


@functools.lru_cache(maxsize=64)
def read_back(data: bytes) -> tuple[list[str], list[list[tuple]]]:
    """Per page, the text (as ``pdf_pages`` gives it) and the fragments, from one reading of
    the PDF; kept for the bytes of the last documents read (a layout test reads each of its
    PDFs for several checks)."""
    from pypdf import PdfReader
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from mediator_desk.documents import fonts
    font = fonts.register_pdf_font()
    texts, pages = [], []
    for page in PdfReader(io.BytesIO(data)).pages:
        found = []
        last = {}

        def visit(text, cm, tm, _font, size, found=found, last=last):
            # pypdf reports each show-text operation with the text matrix of the line's
            # start: a run in another font subset (rare characters, or any character
            # once the first 256-glyph subset is full) follows on where the previous ended.
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            origin = (round(x, 2), round(y, 2))
            if last.get("origin") == origin:
                x = last["end"]
            last["origin"] = origin
            width = stringWidth(text.rstrip("\n"), font, size)
            last["end"] = x + width
            text = text.rstrip("\n")
            if text.strip():
                found.append((text, x, y - 0.2 * size, x + width, y + 0.8 * size, size))

        texts.append(page.extract_text(visitor_text=visit) or "")
        pages.append(found)
    return texts, pages


@functools.lru_cache(maxsize=64)
def drawn_shapes(data: bytes) -> list[list[tuple]]:
    """Per page: (operator, x0, y0, x1, y1) of every rectangle (``re``: fingerprint boxes,
    cell backgrounds) and straight line (``m``/``l``: table rules, signing lines) drawn,
    in page coordinates (the content stream read with pypdf, following q/Q/cm)."""
    from pypdf import PdfReader
    from pypdf.generic import ContentStream
    reader = PdfReader(io.BytesIO(data))
    pages = []
    for page in reader.pages:
        contents = page.get_contents()
        if contents is None:
            pages.append([])
            continue
        ctm, stack, found, current = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0], [], [], None

        def at(x, y, m):
            return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]

        for operands, op in ContentStream(contents, reader).operations:
            if op == b"q":
                stack.append(list(ctm))
            elif op == b"Q":
                ctm = stack.pop() if stack else ctm
            elif op == b"cm":
                a, b, c, d, e, f = (float(v) for v in operands)
                m = ctm
                ctm = [a * m[0] + b * m[2], a * m[1] + b * m[3], c * m[0] + d * m[2],
                       c * m[1] + d * m[3], e * m[0] + f * m[2] + m[4],
                       e * m[1] + f * m[3] + m[5]]
            elif op == b"re":
                x, y, w, h = (float(v) for v in operands)
                (ax, ay), (bx, by) = at(x, y, ctm), at(x + w, y + h, ctm)
                found.append(("re", min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)))
            elif op == b"m":
                current = at(*(float(v) for v in operands), ctm)
            elif op == b"l" and current is not None:
                (ax, ay), (bx, by) = current, at(*(float(v) for v in operands), ctm)
                found.append(("line", min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)))
                current = (bx, by)
        pages.append(found)
    return pages


def problems(data: bytes) -> list[str]:
    texts, found = read_back(data)
    out = placed_problems(drawn_shapes(data), found)
    for n, page in enumerate(texts, 1):
        for line in page.splitlines():
            line = line.strip()
            if line and line[0] in CANNOT_START:
                out.append(f"page {n}: line starts with {line[0]!r}: {line[:20]!r}")
    return out


def words(pdf_path) -> list[list[tuple]]:
    """Per page: (text, x0, y0, x1, y1, height) of every word as poppler's ``pdftotext -bbox``
    measures it, in PDF coordinates — the widths of the fonts actually used, for a PDF
    another program wrote (LibreOffice draws underscores and digits in a Latin face)."""
    import html
    import subprocess
    out = subprocess.run(["pdftotext", "-bbox", str(pdf_path), "-"], capture_output=True,
                         text=True, check=True).stdout
    pages = []
    for page in re.findall(r"<page .*?</page>", out, flags=re.S):
        height = float(re.search(r'height="([\d.]+)"', page).group(1))
        found = []
        for x0, y0, x1, y1, text in re.findall(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                r"(.*?)</word>", page):
            x0, y0, x1, y1 = map(float, (x0, y0, x1, y1))
            # (a line box is ~1.3 em high)
            found.append((html.unescape(text), x0, height - y1, x1, height - y0,
                          (y1 - y0) / 1.3))
        pages.append(found)
    return pages


def placed_problems(shapes: list[list[tuple]], texts: list[list[tuple]]) -> list[str]:
    """Rules and boxes, and text, outside the margins; text over text."""
    out = []
    for n, page in enumerate(shapes, 1):
        for op, x0, y0, x1, y1 in page:
            # (half a rule's width of tolerance)
            if (x0 < MARGINS["left"] - 1 or x1 > A4[0] - MARGINS["right"] + 1
                    or y0 < MARGINS["bottom"] - 1 or y1 > A4[1] - MARGINS["top"] + 1):
                out.append(f"page {n}: {op} drawn outside the margins "
                           f"({x0:.0f},{y0:.0f})–({x1:.0f},{y1:.0f})")
    for n, page in enumerate(texts, 1):
        for text, x0, y0, x1, y1, size in page:
            # 第 N 页 共 M 页 (in pieces when its characters are in several font subsets)
            footer = y1 < MARGINS["bottom"] and re.fullmatch(r"[第页共\d\s]+", text)
            # A closing mark may hang into the margin (documents.md, line breaking).
            right = x1 - (size if text.rstrip()[-1] in CANNOT_START else 0)
            if not footer and (x0 < MARGINS["left"] - 1 or right > A4[0] - MARGINS["right"] + 1
                               or y0 < MARGINS["bottom"] - 1
                               or y1 > A4[1] - MARGINS["top"] + 1):
                out.append(f"page {n}: outside the margins: {text[:20]!r} "
                           f"({x0:.0f},{y0:.0f})–({x1:.0f},{y1:.0f})")
        for i, a in enumerate(page):
            for b in page[i + 1:]:
                dx = min(a[3], b[3]) - max(a[1], b[1])
                dy = min(a[4], b[4]) - max(a[2], b[2])
                if dx > 1 and dy > 1:
                    out.append(f"page {n}: {a[0][:20]!r} overlaps {b[0][:20]!r}")
    return out


def test_the_checker_sees_an_overprint():
    from reportlab.pdfgen.canvas import Canvas
    from mediator_desk.documents import fonts
    font = fonts.register_pdf_font()
    out = io.BytesIO()
    c = Canvas(out, pagesize=A4)
    c.setFont(font, 12)
    c.drawString(100, 500, "人民调解受理登记表")
    c.drawString(110, 504, "两家因院墙位置发生争执")
    c.drawString(20, 300, "页边以外")
    c.showPage()
    c.save()
    found = problems(out.getvalue())
    assert any("overlaps" in p for p in found) and any("outside" in p for p in found), found


def test_the_checker_sees_a_box_past_the_margin():
    # The fingerprint boxes of a signing table as wide as the margins stuck out by the
    # frame's 6 pt padding.
    from reportlab.pdfgen.canvas import Canvas
    out = io.BytesIO()
    c = Canvas(out, pagesize=A4)
    c.saveState()
    c.translate(480, 400)
    c.rect(5, 0, 48, 48)
    c.restoreState()
    c.line(100, 300, 400, 300)
    c.showPage()
    c.save()
    found = problems(out.getvalue())
    assert len(found) == 1 and "re drawn outside the margins" in found[0], found


@pytest.mark.parametrize("kind", [k.code for k in documents.list_kinds()])
def test_no_overprint_in_any_form(desk, forms, kind):
    _, cases = desk
    rendered = 0
    for name in cases:
        try:
            data = forms(kind, name, "pdf")
        except (NotFound, IllegalStep):    # nothing of that kind; the other court form
            continue
        rendered += 1
        assert problems(data) == [], (name, kind)
    assert rendered, f"no stress case has a {kind}"
    assert problems(forms(kind, "blank", "pdf")) == [], kind


def test_a_long_summary_keeps_the_registration_readable(desk):
    # 3,000 characters used to give 10 unreadable pages; now the summary runs on in its
    # own rows under the same label, at full width, for as many pages as it needs.
    d, cases = desk
    data = documents.render(d, cases["long"], "registration", "pdf")
    pages = pdf_pages(data)
    assert 3 <= len(pages) <= 6, len(pages)
    text = re.sub(r"\s+", "", "".join(pages))
    assert long_text(3000)[:400] in text
    assert "人民调解受理登记表" in pages[0] and "人民调解受理登记表" not in "".join(pages[1:])


@pytest.mark.skipif(SOFFICE is None, reason=NO_SOFFICE)
def test_every_docx_reads_right_in_libreoffice(desk, forms, tmp_path):
    """Every form as DOCX, stress cases and blanks, converted by LibreOffice: page totals
    right on every page, a CJK serif (no Japanese fallback), no line starting with a mark
    that may not start one, nothing outside the margins and no text over text (measured by
    poppler with the fonts LibreOffice used)."""
    import subprocess

    _, cases = desk
    files, numbered = [], set()     # numbered: the PDF of the same document has page numbers

    def keep(name: str, docx: bytes, pdf: bytes) -> None:
        files.append(tmp_path / f"{name}.docx")
        files[-1].write_bytes(docx)
        first_page = read_back(pdf)[0][0]
        if "第1页" in re.sub(r"\s+", "", first_page):
            numbered.add(files[-1])

    for kind in [k.code for k in documents.list_kinds()]:
        for name in cases:
            try:
                keep(f"{kind}-{name}", forms(kind, name, "docx"), forms(kind, name, "pdf"))
            except (NotFound, IllegalStep):
                continue
        keep(f"{kind}-blank", forms(kind, "blank", "docx"), forms(kind, "blank", "pdf"))
    assert len(numbered) > 10            # most forms carry 第N页 共M页
    libreoffice_pdf(files, tmp_path)
    found = []
    for docx in files:
        pdf = docx.with_suffix(".pdf")
        pages = pdf_pages(pdf.read_bytes())
        for n, text in enumerate(pages, 1):
            if docx in numbered and f"第{n}页共{len(pages)}页" not in re.sub(r"\s+", "", text):
                found.append(f"{docx.name} page {n}: no 第{n}页共{len(pages)}页")
            for line in text.splitlines():
                line = line.strip()
                if line and line[0] in CANNOT_START:
                    found.append(f"{docx.name} page {n}: line starts with {line[:10]!r}")
        # LibreOffice paints each page's white background first.
        shapes = [[s for s in page if not (s[0] == "re" and s[1] < 1 and s[2] < 1
                                           and s[3] >= A4[0] - 1 and s[4] >= A4[1] - 1)]
                  for page in drawn_shapes(pdf.read_bytes())]
        found += [f"{docx.name} {p}" for p in placed_problems(shapes, words(pdf))]
        if shutil.which("pdffonts"):
            out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                                 check=True).stdout
            faces = [row.split()[0] for row in out.splitlines()[2:]]
            if not any(re.search(r"Serif.*CJK|Song|SimSun|FangSong|Ming", f) for f in faces) \
                    or any(re.search(r"CJK.*JP|Gothic|Mincho", f) for f in faces):
                found.append(f"{docx.name}: fonts {faces}")
    assert not found, "\n".join(found)
