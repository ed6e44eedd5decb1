"""Reporting periods: a month, quarter, half-year, year or any range of days.

Written as ``2026-11`` (month), ``2026Q4`` (quarter), ``2026H2`` (half-year), ``2026`` (year)
or ``FROM..TO`` with days (``2026-01-05..2026-02-10``) or months (``2026-01..2026-03``).
A period is a closed range of days; a calendar period also knows its months, since a higher
period is the sum of its months.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from mediator_desk.errors import ValidationError

KINDS = {"month": "月", "quarter": "季度", "half": "半年", "year": "年", "range": "期间"}
_QUARTER = "一二三四"
EXAMPLES = "2026-11、2026Q4、2026H2、2026 或 2026-01-01..2026-03-31"


@dataclass(frozen=True)
class Period:
    kind: str
    start: date
    end: date          # inclusive

    @property
    def code(self) -> str:
        s = self.start
        if self.kind == "month":
            return f"{s:%Y-%m}"
        if self.kind == "quarter":
            return f"{s.year}Q{(s.month - 1) // 3 + 1}"
        if self.kind == "half":
            return f"{s.year}H{1 if s.month == 1 else 2}"
        if self.kind == "year":
            return str(s.year)
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    @property
    def label(self) -> str:
        s = self.start
        if self.kind == "month":
            return f"{s.year}年{s.month}月"
        if self.kind == "quarter":
            return f"{s.year}年第{_QUARTER[(s.month - 1) // 3]}季度"
        if self.kind == "half":
            return f"{s.year}年{'上' if s.month == 1 else '下'}半年"
        if self.kind == "year":
            return f"{s.year}年"
        return f"{self.start.isoformat()}至{self.end.isoformat()}"

    @property
    def first(self) -> str:
        return self.start.isoformat()

    @property
    def last(self) -> str:
        return self.end.isoformat()

    def months(self) -> list[str]:
        """The calendar months the period covers ('YYYY-MM'), partly covered ones included."""
        out, y, m = [], self.start.year, self.start.month
        while (y, m) <= (self.end.year, self.end.month):
            out.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out

    def month_periods(self) -> list["Period"]:
        return [parse_period(m) for m in self.months()]

    def __str__(self) -> str:
        return self.code


def _month(year: int, month: int) -> Period:
    return Period("month", date(year, month, 1),
                  date(year, month, calendar.monthrange(year, month)[1]))


def _day_or_month(text: str, *, end: bool) -> date:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return date.fromisoformat(text)
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", text)
    if m:
        p = _month(int(m[1]), int(m[2]))
        return p.end if end else p.start
    raise ValueError(text)


def parse_period(text: str, *, today: date | None = None) -> Period:
    """The period written as ``text``; a period that has not begun by ``today`` is refused."""
    raw = (text or "").strip().upper().replace("—", "-").replace("～", "..")
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})", raw):
            period = _month(int(m[1]), int(m[2]))
        elif m := re.fullmatch(r"(\d{4})Q([1-4])", raw):
            y, q = int(m[1]), int(m[2])
            period = Period("quarter", _month(y, 3 * q - 2).start, _month(y, 3 * q).end)
        elif m := re.fullmatch(r"(\d{4})H([12])", raw):
            y, h = int(m[1]), int(m[2])
            period = Period("half", _month(y, 6 * h - 5).start, _month(y, 6 * h).end)
        elif m := re.fullmatch(r"(\d{4})", raw):
            period = Period("year", date(int(m[1]), 1, 1), date(int(m[1]), 12, 31))
        elif ".." in raw:
            a, b = (part.strip() for part in raw.split("..", 1))
            period = Period("range", _day_or_month(a, end=False), _day_or_month(b, end=True))
            if period.end < period.start:
                raise ValidationError(f"统计期间“{text}”的结束日期早于开始日期", field="period")
        else:
            raise ValueError(raw)
    except ValueError:
        raise ValidationError(f"无法识别的统计期间“{text}”（例：{EXAMPLES}）",
                              field="period") from None
    if period.start.year < 2000:
        raise ValidationError(f"统计期间“{text}”太早", field="period")
    if today is not None and period.start > today:
        raise ValidationError(f"统计期间“{period.label}”尚未开始，不能统计或报送", field="period")
    return period


def month_after(period: Period, days: int) -> date:
    """The day ``days`` after the period's last day (the on-time limit for its report)."""
    return period.end + timedelta(days=days)


def current_month(today: date) -> str:
    return f"{today:%Y-%m}"


def previous_month(today: date) -> str:
    first = today.replace(day=1) - timedelta(days=1)
    return f"{first:%Y-%m}"
