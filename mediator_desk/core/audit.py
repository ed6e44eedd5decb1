"""Reading the audit trail (writing is done by core/records.py inside each transaction)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from mediator_desk.storage import audit_chain

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk

ACTION_LABELS = {
    "create": "新建", "update": "修改", "delete": "删除", "setting": "修改设置",
    "code_add": "新增代码", "register": "登记案件", "bulk_create": "批量生成",
    # the mediation path
    "status": "案件状态变更", "accept": "受理", "refuse": "不予受理", "investigate": "调查",
    "mediate": "调解", "end": "调解终止", "withdraw": "撤回申请", "flag_risk": "标记激化风险",
    "report_police": "报告公安机关", "agree_written": "达成书面协议", "agree_oral": "达成口头协议",
    "sign": "协议签字生效", "supplement": "订立补充协议", "void": "作废协议",
    "performance": "登记履行情况", "plan_followup": "安排回访", "follow_up": "回访",
    "confirm_apply": "申请司法确认", "confirm_result": "司法确认结果", "archive": "立卷归档",
    "attach": "添加附件", "detach": "删除附件",
    # dispute screening (core/screening.py)
    "screening_link": "由排查发现的纠纷登记",
    # documents (printing is audited, never a signature)
    "print": "打印文书", "show_full_id": "查看完整证件号码",
    # backups (core/backup.py)
    "restore_backup": "恢复备份",
    # monthly statistics (core/statistics/)
    "close_month": "报送月报", "lock_report": "锁定上报报表",
}

TABLE_LABELS = {
    "cases": "案件", "parties": "当事人", "organisations": "组织", "mediators": "调解员",
    "case_mediators": "承办调解员", "settings": "设置", "code_items": "代码表",
    "acceptances": "受理", "investigations": "调查记录", "mediation_sessions": "调解记录",
    "risk_flags": "激化风险", "closures": "调解终止/撤回", "agreements": "调解协议",
    "followups": "回访记录", "confirmations": "司法确认", "archives": "立卷归档",
    "attachments": "附件", "case_reviews": "审查意见",
    "screening_rounds": "矛盾纠纷排查", "screening_items": "排查事项",
    "period_reports": "月度统计报送", "report_locks": "上报报表锁定",
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

    def verify_chain(self) -> dict | None:
        """Check the hash chain of every site's entries (storage/audit_chain.py); None if
        intact, else the first broken entry: {"seq", "at", "action", "site_id"} — an entry
        changed, or one before it deleted or inserted by hand."""
        fields = ", ".join(audit_chain.LINKED)
        previous: dict[str, str] = {}
        for row in self.desk.db.conn.execute(
                f"SELECT seq, site_id, chain, {fields} FROM audit_log ORDER BY site_id, seq"):
            seq, site, chain, entry = row[0], row[1], row[2], row[3:]
            expected = audit_chain.link(previous.get(site, ""), entry)
            if chain != expected:
                return {"seq": seq, "site_id": site, "at": entry[1], "action": entry[3]}
            previous[site] = chain
        return None

