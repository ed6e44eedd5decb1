"""What the screens need to know about this desk (committee, code lists, mediators …).

Loaded once on the worker thread with :func:`load_context` and reloaded when a change touches
the tables it comes from, so building a window or a combo box never waits on the database.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dataclasses import dataclass, field

from mediator_desk.core import workflow

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk

# The tables whose change makes the context stale.
SOURCE_TABLES = ("organisations", "mediators", "code_items", "settings", "cases")


@dataclass(frozen=True)
class DeskContext:
    committee: dict = field(default_factory=dict)          # this install's committee (may be {})
    committees: list[dict] = field(default_factory=list)   # every committee, for the filter
    statuses: list[tuple[str, str]] = field(default_factory=list)
    dispute_types: list[dict] = field(default_factory=list)
    case_sources: list[dict] = field(default_factory=list)
    ethnicities: list[dict] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    mediators: list[dict] = field(default_factory=list)    # active mediators of the committee
    current_mediator_id: str = ""
    user: str = ""
    site_id: str = ""        # this install (cases of other sites are read-only here)
    site_role: str = ""      # 'village', 'office' or '' (sync)

    @property
    def committee_id(self) -> str:
        return self.committee.get("id", "")

    @property
    def committee_name(self) -> str:
        return self.committee.get("name", "")

    def is_referral(self, source: str) -> bool:
        return any(i["code"] == source and i["rollup"] == "referral" for i in self.case_sources)


def load_case(desk: Desk, case_id: str) -> dict:
    """A case as ``desk.cases.get`` returns it, plus ``mediator_choices``: the active mediators
    of the case's own committee (a township desk opens its villages' cases too) and anyone
    already assigned. Runs on the worker thread."""
    case = desk.cases.get(case_id)
    choices = desk.mediators.list(case["org_id"])
    known = {m["id"] for m in choices}
    for m in case.get("mediators", []):
        if m["id"] not in known:
            choices.append(desk.mediators.get(m["id"]))
    case["mediator_choices"] = choices
    return case


def load_context(desk: Desk) -> DeskContext:
    """Read everything in :class:`DeskContext` (runs on the worker thread)."""
    committee_id = desk.settings.get("committee_id") or ""
    committee = {}
    if committee_id:
        committee = desk.organisations.get(committee_id)
    return DeskContext(
        committee=committee,
        committees=desk.organisations.committees(),
        statuses=list(workflow.STATUSES.items()),
        dispute_types=desk.codes.items("dispute_type"),
        case_sources=desk.codes.items("case_source"),
        ethnicities=desk.codes.items("ethnicity"),
        years=desk.cases.years(),
        mediators=desk.mediators.list(committee_id or None),
        current_mediator_id=desk.settings.get("current_mediator_id") or "",
        user=desk.user,
        site_id=desk.site_id,
        site_role=desk.settings.get("site_role") or "",
    )
