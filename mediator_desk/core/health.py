"""The health of an open database, as ``mediator-desk check`` reports it: SQLite's integrity
check, the schema version (and upgrades pending), record counts, attachment files missing,
the audit chain and what killed attachment adds left behind. Reads only: a desk opened with
``read_only=True`` is enough, and nothing is changed."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from mediator_desk.storage.database import integrity_summary, schema_version

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk

# The records counted, in the order they are shown, with their names in words.
COUNTED = {"organisations": "组织", "mediators": "调解员", "cases": "案件", "parties": "当事人",
           "audit_log": "操作记录"}


@dataclass
class Health:
    """What ``check`` found. ``ok``: intact, up to date, no file missing, chain whole."""

    path: Path
    integrity: str                      # '正常' or a few words (details in the log file)
    intact: bool
    schema: str                         # the newest migration applied ('' for none)
    pending: int                        # upgrades not yet applied (the rest is not checked)
    site_id: str = ""
    counts: dict[str, int] = field(default_factory=dict)    # label → number
    attachments: int = 0
    missing: list[dict] = field(default_factory=list)       # attachment rows + case_no, message
    chain_break: dict | None = None     # the first audit entry that does not follow on
    leftovers: list[Path] = field(default_factory=list)     # temporary files of killed adds

    @property
    def ok(self) -> bool:
        return (self.intact and not self.pending and not self.missing
                and self.chain_break is None)


def check(desk: "Desk") -> Health:
    result = desk.scalar("PRAGMA integrity_check")
    intact = result == "ok"
    health = Health(path=desk.path, intact=intact,
                    integrity="正常" if intact else integrity_summary(result, desk.path),
                    schema=schema_version(desk.db), pending=len(desk.db.pending or ()))
    if health.pending:
        return health
    health.site_id = desk.site_id
    health.counts = {label: desk.scalar(f"SELECT count(*) FROM {table}")
                     for table, label in COUNTED.items()}
    health.attachments = desk.scalar("SELECT count(*) FROM attachments")
    health.missing = [dict(p, case_no=desk.cases.get_row(p["case_id"])["case_no"])
                      for p in desk.attachments.check()]
    health.chain_break = desk.audit.verify_chain()
    health.leftovers = desk.attachments.leftovers()
    return health
