"""Local settings of this install (not travelling): site id, role, committee, current user…"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk


class Settings:
    """Key/value settings stored as JSON in the ``settings`` table."""

    def __init__(self, desk: "Desk"):
        self.desk = desk

    def get(self, key: str, default: Any = None) -> Any:
        row = self.desk.db.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return default if row is None else json.loads(row[0])

    def set(self, key: str, value: Any) -> None:
        """Write a setting; call inside ``desk.transaction()`` (audited)."""
        self.desk.require_transaction()
        old = self.get(key)
        self.desk.db.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, json.dumps(value, ensure_ascii=False)))
        if old != value and key != "site_id":
            self.desk.records.audit("setting", table="settings", record_id=key,
                                    details={key: [old, value]})
        self.desk.note_change("settings")

    def all(self) -> dict[str, Any]:
        return {k: json.loads(v) for k, v in self.desk.db.conn.execute("SELECT key, value FROM settings")}
