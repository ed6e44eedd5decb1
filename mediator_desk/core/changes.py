"""What a mutation changed, so each screen refreshes only what concerns it (cf. Anki's OpChanges)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    """Tables written and cases touched by one or more committed operations."""

    tables: frozenset[str] = field(default_factory=frozenset)
    case_ids: frozenset[str] = field(default_factory=frozenset)

    def touches(self, *tables: str) -> bool:
        return any(t in self.tables for t in tables)

    def __bool__(self) -> bool:
        return bool(self.tables)

    def merge(self, other: "Changes") -> "Changes":
        return Changes(self.tables | other.tables, self.case_ids | other.case_ids)
