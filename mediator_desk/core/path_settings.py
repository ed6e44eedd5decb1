"""Settings of the mediation path, with their defaults (local settings table, see settings.py).

Each committee may tune these; the defaults follow domain.md. Read them through ``get``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mediator_desk.core.deadlines import DEFAULT_CONFIRMATION_WARN_DAYS, DEFAULT_FOLLOWUP_DAYS

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk

# The agreement number; {year}, {short} (committee short name) and {n} are filled in.
DEFAULT_AGREEMENT_PATTERN = "（{year}）{short}调协字第{n}号"

DEFAULTS: dict[str, Any] = {
    # days after the performance deadline a follow-up visit (回访) falls due
    "followup_days": DEFAULT_FOLLOWUP_DAYS,
    # warn this many days before the Art. 33 confirmation window closes
    "confirmation_warn_days": DEFAULT_CONFIRMATION_WARN_DAYS,
    # attachments: largest file accepted, and the accepted types (extensions)
    "attachment_max_bytes": 20 * 1024 * 1024,
    "attachment_types": ["pdf", "jpg", "jpeg", "png", "tif", "tiff"],
    # retention periods offered when archiving (no national schedule: a local choice)
    "retention_choices": ["10年", "30年", "永久"],
    # agreement number pattern (per committee: key "agreement_no_pattern:<org_id>")
    "agreement_no_pattern": DEFAULT_AGREEMENT_PATTERN,
}


def get(desk: "Desk", key: str, *, org_id: str = "") -> Any:
    """The value of a path setting: per committee if set, else this install's, else default."""
    if org_id:
        value = desk.settings.get(f"{key}:{org_id}")
        if value not in (None, ""):
            return value
    value = desk.settings.get(key)
    return DEFAULTS[key] if value in (None, "") else value
