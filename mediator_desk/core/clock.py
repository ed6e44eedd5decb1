"""Time helpers: UTC timestamps for records, local dates for the user's calendar."""

from __future__ import annotations

from datetime import date, datetime, timezone


def utc_now() -> str:
    """Current UTC time as ISO text (seconds precision), e.g. 2026-11-28T05:19:00+00:00."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def today() -> date:
    """The local calendar date (what the mediator sees on the wall calendar)."""
    return date.today()


def local_display(utc_iso: str) -> str:
    """Show a stored UTC timestamp in local time with its offset, e.g. 2026-11-28 13:19 (+08:00)."""
    if not utc_iso:
        return ""
    dt = datetime.fromisoformat(utc_iso).astimezone()
    off = dt.strftime("%z")
    return f"{dt:%Y-%m-%d %H:%M} ({off[:3]}:{off[3:]})"
