"""Benchmark the documents layer; numbers go to docs/performance.md.

    .venv/bin/python build_scripts/bench_documents.py [--batch 1000] [--runs 30]

Targets (each measured in this run):
1. one agreement PDF, warm (font registered, template parsed), from the database:
   ≤ 1.5 × a bare reportlab script laying out the same text with the same font;
2. a batch of 1,000 agreements (one PDF, as the GUI's batch printing makes): every one
   printed, and per agreement ≤ 1.5 × the same bare reportlab script;
3. one agreement PDF ≤ 150 KB.

Reported without a target: a 200-party agreement with 3,000-character terms and a
受理登记表 with a 3,000-character summary, PDF and DOCX (the DOCX includes a PDF layout for
its cached page totals).

The bare baseline gets the laid-out text for free (no database, no template): it only builds
Paragraphs of the same lines in the same registered font, the same sizes, CJK wrapping, on A4.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_results import report  # noqa: E402
from mediator_desk import documents  # noqa: E402
from mediator_desk.core.desk import Desk  # noqa: E402
from mediator_desk.core.setup import set_up_committee  # noqa: E402

TODAY = date(2026, 6, 30)
SURNAMES = "王赵孙李周吴郑冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜"
GIVEN = ["䶮", "堃", "喆", "昇", "赟", "燚", "玥", "㑇", "㛃", "𫖮", "巴特尔", "其其格", "建国", "秀英"]


def build(path: Path, cases: int) -> tuple[Desk, list[str]]:
    """A committee with ``cases`` accepted cases, each with an unsigned written agreement."""
    desk = Desk.open(path)
    set_up_committee(desk, committee_name="红旗嘎查人民调解委员会", level="village",
                     short_name="红旗", township_name="巴彦塔拉苏木", county_name="阿鲁科尔沁旗",
                     mediator_name="乌力吉")
    org = desk.settings.get("committee_id")
    mediator = desk.settings.get("current_mediator_id")
    ids = []
    with desk.transaction():
        for i in range(cases):
            a = SURNAMES[i % len(SURNAMES)] + GIVEN[i % len(GIVEN)]
            b = SURNAMES[(i * 7 + 3) % len(SURNAMES)] + GIVEN[(i * 5 + 1) % len(GIVEN)]
            case_id = desk.cases.register(
                org_id=org, received_date="2026-03-02", source="apply", dispute_type="02",
                summary=f"{a}与{b}因院墙位置发生争执", claims="请求确认院墙边界",
                parties=[dict(name=a, role="applicant", sex="男", age=40 + i % 30,
                              ethnicity="02", phone="13912345678",
                              address="阿鲁科尔沁旗巴彦塔拉苏木红旗嘎查三组", occupation="牧民"),
                         dict(name=b, role="respondent", sex="女", age=35 + i % 20,
                              ethnicity="01", phone="0476-8123456",
                              address="阿鲁科尔沁旗巴彦塔拉苏木红旗嘎查五组", occupation="农民")],
                mediator_ids=[mediator], today=TODAY)
            desk.acceptance.accept(case_id, decided_on="2026-03-02",
                                   consent_form="written_application", rights_notice_given=True,
                                   today=TODAY)
            desk.agreements.create(
                case_id, agreed_on="2026-03-10",
                facts=f"{b}翻建院墙时向{a}一侧越界约0.5米，双方多次发生争执。",
                terms=[f"{b}于2026年4月10日前将院墙恢复至原位置，费用由{b}承担",
                       f"{b}一次性赔偿{a}损失{1000 + i}元，于2026年4月10日前以现金方式支付",
                       "双方今后和睦相处，不再因此事发生纠纷"],
                amount_fen=(1000 + i) * 100, performance_method="自行恢复院墙，赔偿款现金当面交付",
                performance_deadline="2026-04-10", place="红旗嘎查村委会",
                mediators=["乌力吉"], recorder="其其格", today=TODAY)
            ids.append(case_id)
    return desk, ids


def bare_reportlab(lines: list[tuple[str, float, bool]]) -> bytes:
    """The baseline: the same lines, same font and sizes, Paragraphs on A4, nothing else."""
    import io

    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from mediator_desk.documents import fonts
    font = fonts.register_pdf_font()
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=74, rightMargin=68, topMargin=71,
                            bottomMargin=71)
    story = [Paragraph(text, ParagraphStyle("p", fontName=font, fontSize=size,
                                            leading=size * 1.7, wordWrap="CJK",
                                            alignment=TA_CENTER if centred else 0))
             for text, size, centred in lines]
    doc.build(story)
    return out.getvalue()


def timed(fn, runs: int) -> tuple[float, object]:
    result = fn()   # warm-up
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples), result


def interleaved(a, b, runs: int) -> tuple[float, float, object, object]:
    """Median times of ``a`` and ``b`` run alternately, so both see the same machine load
    (the build machine is shared); returns (median a, median b, result a, result b)."""
    ra, rb = a(), b()   # warm-up
    ta, tb = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        ra = a()
        t1 = time.perf_counter()
        rb = b()
        t2 = time.perf_counter()
        ta.append(t1 - t0)
        tb.append(t2 - t1)
    return statistics.median(ta), statistics.median(tb), ra, rb


def stress_cases(desk: Desk) -> dict[str, tuple[str, str]]:
    """The stress cases: a written agreement with 200 parties (long terms) and a
    受理登记表 with a 3,000-character summary; name → (case id, document kind)."""
    org = desk.settings.get("committee_id")
    mediator = desk.settings.get("current_mediator_id")
    text = ("两家因院墙位置发生争执，王䶮认为赵堃翻建院墙时占用其宅基地约0.5米；"
            "孙𫖮称院墙系2025年秋天按原址翻建，并有村民小组长巴特尔在场见证。") * 60
    people = [dict(name=SURNAMES[i % len(SURNAMES)] + GIVEN[i % len(GIVEN)] + str(i),
                   role="applicant" if i == 0 else "respondent", sex="男", age=30 + i % 50,
                   ethnicity="02", address=f"红旗嘎查{i % 9 + 1}组") for i in range(200)]
    out = {}
    with desk.transaction():
        case_id = desk.cases.register(
            org_id=org, received_date="2026-03-02", source="apply", dispute_type="02",
            summary="草场边界纠纷", claims="请求确认草场边界", parties=people,
            mediator_ids=[mediator], today=TODAY)
        desk.acceptance.accept(case_id, decided_on="2026-03-02",
                               consent_form="written_application", rights_notice_given=True,
                               today=TODAY)
        desk.agreements.create(case_id, agreed_on="2026-03-10", facts=text[:1500],
                               terms=[text[:3000], "各方今后和睦相处，不再因此事发生纠纷"],
                               performance_method="自行恢复界桩", performance_deadline="2026-04-10",
                               place="红旗嘎查村委会", mediators=["乌力吉"], recorder="其其格",
                               today=TODAY)
        out["agreement, 200 parties, 3,000-character terms"] = (case_id, "agreement")
        case_id = desk.cases.register(
            org_id=org, received_date="2026-03-02", source="apply", dispute_type="02",
            summary=text[:3000], claims="请求确认院墙边界", parties=people[:2],
            mediator_ids=[mediator], today=TODAY)
        out["受理登记表, 3,000-character summary, 2 parties"] = (case_id, "registration")
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        desk, ids = build(Path(tmp) / "bench.db", args.batch)
        print(f"built {len(ids)} cases with agreements in {time.perf_counter() - t0:.1f} s")
        case_id = ids[0]

        # cold: first agreement in this process (font registration, template parse, imports)
        t0 = time.perf_counter()
        documents.render(desk, case_id, "agreement", today=TODAY)
        cold = time.perf_counter() - t0

        doc = documents.documents_for(desk, case_id, "agreement", today=TODAY)[0]
        from mediator_desk.documents.layout import Block, TableBlock
        from xml.sax.saxutils import escape
        lines = []
        for b in doc.blocks:
            if isinstance(b, Block) and b.text:
                size = {"title": 22, "subtitle": 16}.get(b.style, 14)
                lines.append((escape(b.text), size, b.style in ("title", "subtitle")))
            elif isinstance(b, TableBlock):
                lines += [(escape(c.text), 12, False) for row in b.rows for c in row if c.text]
        ours, bare, pdf, bare_pdf = interleaved(
            lambda: documents.render(desk, case_id, "agreement", today=TODAY),
            lambda: bare_reportlab(lines), args.runs)
        ratio = ours / bare

        # the parts of ours: reading the case vs rendering
        from mediator_desk.documents.form_values import CaseData
        read, _ = timed(lambda: CaseData(desk, case_id, today=TODAY), args.runs)
        docx_time, docx = timed(
            lambda: documents.render(desk, case_id, "agreement", "docx", today=TODAY), args.runs)

        stress = []
        from pypdf import PdfReader
        import io
        for name, (sid, kind) in stress_cases(desk).items():
            pdf_time, data = timed(lambda: documents.render(desk, sid, kind, today=TODAY), 5)
            docx_s, docx_data = timed(
                lambda: documents.render(desk, sid, kind, "docx", today=TODAY), 5)
            stress.append((name, f"PDF {pdf_time * 1000:.0f} ms "
                                 f"({len(PdfReader(io.BytesIO(data)).pages)} pages, "
                                 f"{len(data) / 1024:.0f} KB); DOCX {docx_s * 1000:.0f} ms "
                                 f"({len(docx_data) / 1024:.0f} KB)"))

        t0 = time.perf_counter()
        batch = documents.render_batch(desk, ids, "agreement", today=TODAY)
        batch_time = time.perf_counter() - t0
        from pypdf import PdfReader
        import io
        batch_pages = len(PdfReader(io.BytesIO(batch.data)).pages)
        desk.close()

    size_kb = len(pdf) / 1024
    targets = [
        ("one agreement PDF, warm, from the database ≤ 1.5× bare reportlab laying out the same "
         "text", f"{ours * 1000:.1f} ms vs {bare * 1000:.1f} ms = {ratio:.2f}×", ratio <= 1.5),
        (f"batch of {len(ids)} agreements (one PDF): all printed, per agreement ≤ 1.5× bare "
         "reportlab", f"{batch_time:.1f} s, {batch_time / len(ids) * 1000:.1f} ms each = "
         f"{batch_time / len(ids) / bare:.2f}×; {batch_pages} pages, "
         f"{len(batch.data) / 1e6:.1f} MB, skipped {len(batch.skipped)}",
         len(batch.printed) == len(ids) and batch_time / len(ids) <= 1.5 * bare),
        ("one agreement PDF ≤ 150 KB", f"{size_kb:.0f} KB", size_kb <= 150),
    ]
    details = [
        ("cold first agreement in a fresh process (imports, font, template)",
         f"{cold * 1000:.0f} ms"),
        ("of the warm time, reading the case from the database", f"{read * 1000:.1f} ms"),
        ("the same agreement as DOCX, warm", f"{docx_time * 1000:.1f} ms, "
         f"{len(docx) / 1024:.0f} KB"),
        ("bare reportlab PDF size", f"{len(bare_pdf) / 1024:.0f} KB"),
    ] + stress
    return report("documents", targets, details)


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())
