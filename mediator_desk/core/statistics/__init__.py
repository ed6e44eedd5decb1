"""Statistics of mediation work (``desk.statistics``): figures by period, organisation and
dimension, the monthly report, completeness of the villages' reports and locked reports.

    stats = desk.statistics
    period = stats.period("2026-11")
    table = stats.report(period)                 # committees × indicators + total
    table.rows[0].value("success_rate")
    stats.records(period, "success", row={"org": village_id})   # the cases behind a number

Definitions: indicators.py (and docs/statistics.md, in words). Qt-free.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from mediator_desk.core import path_settings
from mediator_desk.core.clock import today as _today
from mediator_desk.core.statistics.engine import DIMENSIONS, Figures, Row  # noqa: F401
from mediator_desk.core.statistics.indicators import BY_KEY, INDICATORS, shown  # noqa: F401
from mediator_desk.core.statistics.periods import Period
from mediator_desk.core.statistics.reporting import STATES, Reporting  # noqa: F401

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk


class Statistics(Reporting):
    def __init__(self, desk: "Desk"):
        super().__init__(desk)

    def report(self, period: str | Period, *, org: str | None = None, by=("org",),
               today: date | None = None) -> Figures:
        """The report table (default: committees × indicators, with the total row)."""
        return self.figures(self.period(period, today=today), org=org, by=by)

    def header(self, figures: Figures, *, today: date | None = None) -> dict:
        """Header and footer of the printed report: unit, period, who filled it in and who
        reviewed it (settings ``stats_reviewer``), and the date."""
        return {"title": "人民调解工作统计" + {"month": "月报", "quarter": "季报", "half": "半年报",
                                              "year": "年报"}.get(figures.period.kind, "表"),
                "unit": figures.org["name"], "period": figures.period.label,
                "filled_by": self.desk.user,
                "reviewer": path_settings.get(self.desk, "stats_reviewer"),
                "date": (today or _today()).isoformat()}

    def case_rows(self, items: list[dict]) -> list[dict]:
        """Drill-down items (``records``) with what a list shows: the case's number, parties,
        committee, type and status, or the screening entry's place and summary."""
        cases = self.desk.cases.list_rows([i["id"] for i in items if i["record"] == "case"])
        out = []
        for item in items:
            entry = dict(item)
            if item["record"] == "case" and item["id"] in cases:
                entry.update(cases[item["id"]].as_dict())
            elif item["record"] != "case":
                table = "screening_items" if item["record"] == "screening_item" \
                    else "screening_rounds"
                row = self.desk.query_one(f"SELECT * FROM {table} WHERE id = ?", (item["id"],))
                entry["summary"] = (row or {}).get("summary") or (row or {}).get("area", "")
                entry["case_no"] = "排查" if table == "screening_items" else "排查活动"
            out.append(entry)
        return out
