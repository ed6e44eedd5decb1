"""Case status: the one state machine every step goes through.

Statuses and their legal transitions live here and nowhere else. (The mediation path —
sessions, outcomes, agreements, archiving — drives these transitions.)
"""

from __future__ import annotations

from mediator_desk.errors import IllegalStep

STATUSES = {
    "registered": "已登记",
    "accepted": "已受理",
    "refused": "不予受理",
    "mediating": "调解中",
    "agreed": "达成协议",
    "ended": "调解终止",
    "withdrawn": "已撤回",
    "archived": "已归档",
}

TRANSITIONS: dict[str, set[str]] = {
    "registered": {"accepted", "refused", "withdrawn"},
    "accepted": {"mediating", "agreed", "ended", "withdrawn"},
    "mediating": {"agreed", "ended", "withdrawn"},
    "agreed": {"archived"},
    "ended": {"archived"},
    "withdrawn": {"archived"},
    "refused": {"archived"},
    "archived": set(),
}

INITIAL = "registered"
OPEN_STATUSES = ("registered", "accepted", "mediating")


def label(status: str) -> str:
    return STATUSES.get(status, status)


def check_transition(current: str, target: str) -> None:
    """Raise :class:`IllegalStep` with a Chinese reason unless current → target is allowed."""
    if target not in TRANSITIONS.get(current, set()):
        raise IllegalStep(f"案件当前状态为“{label(current)}”，不能转为“{label(target)}”")
