"""The statistics report as PDF (reportlab, the shipped font embedded): the report table on
A4 landscape (mediation columns, then prevention and screening columns), header and footer,
corrections of a locked period, then the charts — the monthly trend of the year and the
breakdowns by dispute type and by committee (reportlab graphics)."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from mediator_desk.core.statistics import INDICATORS, shown
from mediator_desk.documents import fonts

if TYPE_CHECKING:
    from mediator_desk.documents.statistics import ReportData




def _table(figures, inds, font, styles):
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    head = [Paragraph("调委会", styles["head"])] + [
        Paragraph(f"{i.label}<br/>（{i.unit}）", styles["head"]) for i in inds]
    body = [[Paragraph(figures.label(r), styles["cell"])] + [shown(r.value(i)) for i in inds]
            for r in figures.rows + [figures.total]]
    first = 150
    width = (770 - first) / len(inds)
    t = Table([head] + body, colWidths=[first] + [width] * len(inds), repeatRows=1)
    t.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), font, 7.5),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8EEF4")),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONT", (0, -1), (-1, -1), font, 7.5),
        ("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#F4F4F4")),
    ]))
    return t


def _bars(title, labels, series, names, font, *, horizontal=False, width=370, height=220):
    from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors

    palette = [colors.HexColor("#4E79A7"), colors.HexColor("#F28E2B"),
               colors.HexColor("#59A14F")]
    d = Drawing(width, height)
    d.add(String(width / 2, height - 12, title, fontName=font, fontSize=10,
                 textAnchor="middle"))
    chart = HorizontalBarChart() if horizontal else VerticalBarChart()
    chart.x, chart.y = (95, 20) if horizontal else (35, 40)
    chart.width = width - chart.x - 10
    chart.height = height - chart.y - 40
    chart.data = [list(s) or [0] for s in series]
    chart.categoryAxis.categoryNames = list(labels) or [""]
    for axis in (chart.categoryAxis.labels, chart.valueAxis.labels):
        axis.fontName, axis.fontSize = font, 6.5
    if not horizontal:
        chart.categoryAxis.labels.angle = 30
        chart.categoryAxis.labels.boxAnchor = "ne"
    chart.valueAxis.valueMin = 0
    top = max([max(s) for s in chart.data if s] + [1])
    chart.valueAxis.valueMax = top * 1.1 + 1
    for k in range(len(series)):
        chart.bars[k].fillColor = palette[k % len(palette)]
        chart.bars[k].strokeColor = None
    d.add(chart)
    legend = Legend()
    legend.fontName, legend.fontSize = font, 7
    legend.x, legend.y = width - 110, height - 22
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.colorNamePairs = [(palette[k], names[k]) for k in range(len(names))]
    d.add(legend)
    return d


def report_pdf(data: "ReportData") -> bytes:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table

    font = fonts.register_pdf_font()
    styles = {
        "title": ParagraphStyle("t", fontName=font, fontSize=16, leading=22, alignment=1),
        "meta": ParagraphStyle("m", fontName=font, fontSize=9, leading=13),
        "head": ParagraphStyle("h", fontName=font, fontSize=7, leading=8.5, alignment=1,
                               wordWrap="CJK"),
        "cell": ParagraphStyle("c", fontName=font, fontSize=7.5, leading=9, wordWrap="CJK"),
        "h2": ParagraphStyle("h2", fontName=font, fontSize=11, leading=15, spaceBefore=6),
    }
    h, report = data.header, data.report
    story = [Paragraph(h["title"], styles["title"]),
             Paragraph(f"填报单位：{h['unit']}　　统计期间：{h['period']}", styles["meta"]),
             Spacer(1, 4)]
    mediation = [i for i in INDICATORS if i.group == "调解"]
    others = [i for i in INDICATORS if i.group != "调解"]
    story += [_table(report, mediation, font, styles), Spacer(1, 8),
              Paragraph("预防和排查", styles["h2"]), _table(report, others, font, styles),
              Spacer(1, 8),
              Paragraph(f"填报人：{h['filled_by']}　　审核人：{h['reviewer']}　　"
                        f"填报日期：{h['date']}", styles["meta"])]
    if data.corrections:
        story.append(Paragraph("锁定上报后的更正（上报数 → 现数）", styles["h2"]))
        for c in data.corrections:
            story.append(Paragraph(f"{c['label']}　{c['indicator_label']}：{shown(c['submitted'])}"
                                   f" → {shown(c['now'])}", styles["meta"]))
    story.append(PageBreak())
    story.append(Paragraph(f"{h['unit']}　图表", styles["h2"]))
    trend = data.trend
    assert trend is not None, "gather(charts=True) for the PDF"
    months = [f"{int(r.key[0][5:7])}月" for r in trend.rows]
    trend_chart = _bars(f"{trend.period.start.year}年逐月趋势", months,
                        [[r.value("accepted") for r in trend.rows],
                         [r.value("success") for r in trend.rows]], ["受理", "调解成功"], font)
    types = [r for r in data.by_type.rows if r.value("mediated")]
    type_chart = _bars("按纠纷类型（调解纠纷）", [r.labels[0].replace("纠纷", "") for r in types],
                       [[r.value("mediated") for r in types],
                        [r.value("success") for r in types]], ["调解", "成功"], font,
                       horizontal=True, height=max(220, 16 * len(types) + 60))
    units = report.rows if report.by == ("org",) else []
    unit_chart = _bars("按调委会（调解纠纷）", [r.labels[0].replace("人民调解委员会", "")
                                         for r in units],
                       [[r.value("mediated") for r in units],
                        [r.value("success") for r in units]], ["调解", "成功"], font,
                       horizontal=True, height=max(220, 16 * len(units) + 60))
    story.append(Table([[trend_chart, type_chart]], colWidths=[385, 385]))
    if units:
        story.append(unit_chart)
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=landscape(A4), leftMargin=12 * mm,
                            rightMargin=12 * mm, topMargin=12 * mm, bottomMargin=12 * mm,
                            title=h["title"], author=h["unit"])
    doc.build(story)
    return out.getvalue()
