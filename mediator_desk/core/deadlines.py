"""Deadline arithmetic the law and practice set (pure functions on ``datetime.date``).

- one month to settle a dispute after acceptance (2002 MoJ rules): ``accepted + 1 calendar
  month``, month-end aware (31 January → 28/29 February); the month has passed — and the
  reminder fires — from the day after that (``one_month_passed``);
- Art. 33 judicial confirmation window: within 30 days of the agreement taking effect;
- follow-up plan: a visit due N days after the performance deadline (N is a setting);
- "within N days/months" as typed for a performance deadline (``within_date``: "一个月内",
  "15日内", "三个月内", "半年内" → the ISO date, month-end aware like the rest).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

# Art. 33: the parties may apply within 30 days of the agreement taking effect.
CONFIRMATION_DAYS = 30
# Defaults of the settings that tune the to-do list.
DEFAULT_FOLLOWUP_DAYS = 15
DEFAULT_CONFIRMATION_WARN_DAYS = 7


def as_date(value: str | date) -> date:
    """An ISO date string or a date → date."""
    return value if isinstance(value, date) else date.fromisoformat(value)


def add_months(d: str | date, months: int) -> date:
    """``d`` plus whole calendar months; a day past the end of the target month is clamped
    to its last day (2026-01-31 + 1 month = 2026-02-28; 2028-01-31 → 2028-02-29)."""
    d = as_date(d)
    index = d.year * 12 + (d.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def one_month_due(received: str | date) -> date:
    """The day a case has been open one calendar month (the settle-within-a-month rule)."""
    return add_months(received, 1)


def latest_received_overdue(today: str | date) -> date:
    """The latest received date whose one-month deadline falls on or before ``today``.

    ``one_month_due`` is non-decreasing in the received date, so cases received on or before
    this day are exactly the ones that have been open one month (lets SQL use an index).
    """
    today = as_date(today)
    candidate = add_months(today, -1)
    while one_month_due(candidate + timedelta(days=1)) <= today:
        candidate += timedelta(days=1)
    while one_month_due(candidate) > today:  # pragma: no cover - defensive
        candidate -= timedelta(days=1)
    return candidate


def one_month_passed(start: str | date, today: str | date) -> bool:
    """Whether a full calendar month has passed since ``start`` by ``today``: the month runs
    to ``one_month_due(start)`` inclusive (accepted 02-03 → settled in time up to 03-03)."""
    return as_date(today) > one_month_due(start)


def latest_start_overdue(today: str | date) -> date:
    """The latest start date (acceptance) of which a full month has passed by ``today``:
    start ≤ this day ⟺ ``one_month_passed(start, today)`` (lets SQL use an index)."""
    return latest_received_overdue(as_date(today) - timedelta(days=1))


def confirmation_window(effective_on: str | date) -> tuple[date, date]:
    """(first day, last day) on which judicial confirmation may be applied for (Art. 33)."""
    start = as_date(effective_on)
    return start, start + timedelta(days=CONFIRMATION_DAYS)


def days_left(deadline: str | date, today: str | date) -> int:
    """Whole days from ``today`` to ``deadline`` (0 = due today, negative = overdue)."""
    return (as_date(deadline) - as_date(today)).days


def followup_due(*, performance_deadline: str = "", effective_on: str = "",
                 days: int = DEFAULT_FOLLOWUP_DAYS, override: str = "") -> date | None:
    """When the follow-up visit of an agreement is due.

    ``override`` (a planned date the mediator set) wins; otherwise ``days`` after the
    performance deadline, or after the effective date when there is no deadline. ``None``
    when the agreement is not in force.
    """
    if override:
        return as_date(override)
    base = performance_deadline or effective_on
    if not base or not effective_on:
        return None
    return as_date(base) + timedelta(days=days)


def countdown_text(deadline: str | date, today: str | date) -> str:
    """'还剩5天' / '今天到期' / '已超期3天' (for lists and the case view)."""
    n = days_left(deadline, today)
    if n > 0:
        return f"还剩{n}天"
    if n == 0:
        return "今天到期"
    return f"已超期{-n}天"


# "within N days/months": 15日内 / 15天内 / 一个月内 / 1个月内 / 三个月内 / 半年内 / 两周内 / 一年以内
_WITHIN = re.compile(r"(?P<n>半|[0-9０-９]+|[零〇一二两三四五六七八九十百]+)\s*"
                     r"(?P<unit>日|天|周|个?星期|个?礼拜|个半月|个月|月|年)\s*(?:以内|之内|内)")


def _count(text: str) -> int:
    text = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if text.isdigit():
        return int(text)
    import cn2an  # lazily: importing it costs ~0.15 s
    return int(cn2an.cn2an(text.replace("两", "二"), "smart"))


def parse_within(text: str) -> tuple[int, int] | None:
    """'一个月内' → (0 days, 1 month); '15日内' → (15, 0); '半年内' → (0, 6); '两周内' →
    (14, 0); '半个月内' → (15, 0); '一个半月内' → (15, 1). ``None`` when ``text`` is not such a
    phrase (an ISO date, say). Raises ``ValueError`` for zero or absurd counts."""
    m = _WITHIN.fullmatch((text or "").strip())
    if not m:
        return None
    n, unit = m["n"], m["unit"]
    if n == "半":
        if unit == "年":
            return 0, 6
        if unit in ("个月", "月"):
            return 15, 0
        raise ValueError(f"期限“{text.strip()}”请写成天数或月数")
    count = _count(n)
    if count <= 0 or count > 3660:
        raise ValueError(f"期限“{text.strip()}”不合理")
    if unit in ("日", "天"):
        return count, 0
    if unit in ("周",) or unit.endswith(("星期", "礼拜")):
        return 7 * count, 0
    if unit == "个半月":
        return 15, count
    if unit == "年":
        return 0, 12 * count
    return 0, count


def within_date(text: str, start: str | date) -> date | None:
    """The last day of "within N days/months" counted from ``start`` (the agreement date, or
    the signing date): days are added (15日内 from 03-01 → 03-16: the period starts the day
    after, Civil Code Art. 201), months with ``add_months`` (2026-01-31 + 一个月 →
    2026-02-28). ``None`` when ``text`` is not such a phrase."""
    parsed = parse_within(text)
    if parsed is None:
        return None
    days, months = parsed
    return add_months(start, months) + timedelta(days=days)
