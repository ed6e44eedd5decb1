"""Reading the audit trail (writing is done by core/records.py inside each transaction)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk

ACTION_LABELS = {
    "create": "新建", "update": "修改", "delete": "删除", "setting": "修改设置",
    "code_add": "新增代码", "register": "登记案件",
}

TABLE_LABELS = {
    "cases": "案件", "parties": "当事人", "organisations": "组织", "mediators": "调解员",
    "case_mediators": "承办调解员", "settings": "设置", "code_items": "代码表",
}


class AuditTrail:
    def __init__(self, desk: "Desk"):
        self.desk = desk

    def for_case(self, case_id: str) -> list[dict]:
        """Entries about one case (the case and its records), oldest first; details decoded."""
        rows = self.desk.query(
            "SELECT at, user, action, table_name, record_id, details FROM audit_log"
            " WHERE case_id = ? ORDER BY seq", (case_id,))
        for r in rows:
            r["details"] = json.loads(r["details"])
        return rows

    def recent(self, limit: int = 100) -> list[dict]:
        rows = self.desk.query(
            "SELECT at, user, action, table_name, record_id, case_id, details FROM audit_log"
            " ORDER BY seq DESC LIMIT ?", (limit,))
        for r in rows:
            r["details"] = json.loads(r["details"])
        return rows
