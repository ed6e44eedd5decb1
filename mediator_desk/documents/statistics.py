"""Exports of the statistics report (XLSX and PDF): one call gathers every table from
``desk.statistics`` and hands it to the writer of the format.

    data = export_report(desk, "2026-11", fmt="xlsx")
    write_output(data, "月报.xlsx")
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from mediator_desk.errors import ValidationError

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk
    from mediator_desk.core.statistics import Figures

FORMATS = ("xlsx", "pdf")


@dataclass
class ReportData:
    report: "Figures"
    header: dict
    by_type: "Figures"
    organisation: dict
    completeness: dict
    corrections: list
    trend: "Figures | None"   # the months of the year up to the period's end (charts)


def gather(desk: "Desk", period, *, org: str | None = None, by=("org",),
           today: date | None = None, charts: bool = True) -> ReportData:
    """Every table of the report; ``charts``: also the monthly trend the charts draw."""
    stats = desk.statistics
    p = stats.period(period, today=today)
    report = stats.figures(p, org=org, by=by)
    root = report.org["id"]
    year = stats.period(f"{p.end.year}-01..{p.end:%Y-%m}", today=today)
    return ReportData(
        report=report, header=stats.header(report, today=today),
        by_type=stats.figures(p, org=root, by=("type",)),
        organisation=stats.organisation(org=root),
        completeness=stats.completeness(p, org=root, today=today),
        corrections=stats.corrections(p, org=root, figures=report) if by == ("org",) else [],
        trend=stats.figures(year, org=root, by=("month",)) if charts else None)


def export_report(desk: "Desk", period, *, fmt: str = "xlsx", org: str | None = None,
                  by=("org",), today: date | None = None) -> bytes:
    fmt = (fmt or "xlsx").lower().lstrip(".")
    if fmt not in FORMATS:
        raise ValidationError(f"不支持的格式“{fmt}”，可用：xlsx、pdf", field="format")
    data = gather(desk, period, org=org, by=by, today=today, charts=fmt == "pdf")
    if fmt == "xlsx":
        from mediator_desk.documents.statistics_xlsx import workbook

        return workbook(report=data.report, header=data.header, by_type=data.by_type,
                        organisation=data.organisation, completeness=data.completeness,
                        corrections=data.corrections)
    from mediator_desk.documents.statistics_pdf import report_pdf

    return report_pdf(data)


def export_reminders(desk: "Desk", period, *, org: str | None = None,
                     today: date | None = None) -> bytes:
    from mediator_desk.documents.statistics_xlsx import reminder_workbook

    stats = desk.statistics
    p = stats.period(period, today=today)
    root = stats.org(org)
    return reminder_workbook(stats.reminders(p, org=root["id"], today=today),
                             title=f"{root['name']} {p.label} 未报送调委会催报名单")
