"""The audit trail of a case as people read it: who, when, which step, what changed (old → new).

``entries(rows)`` turns ``desk.audit.for_case`` rows into display entries with Chinese labels
for the action, the kind of record and each field, and values shown the way the screens show
them (status and code labels, 是/否 for flags, lists joined, fen as yuan). No Qt: the GUI's
history tab and any printout use the same text.
"""

from __future__ import annotations

import json
import re
from typing import Any

from mediator_desk.core import screening, workflow
from mediator_desk.core.acceptance import CONSENT_FORMS, REFUSAL_REASONS
from mediator_desk.core.agreements import FORMS, PERFORMANCE
from mediator_desk.core.attachments import ITEMS as ATTACHMENT_ITEMS
from mediator_desk.core.audit import ACTION_LABELS, TABLE_LABELS
from mediator_desk.core.clock import local_display
from mediator_desk.core.confirmation import RESULTS as CONFIRMATION_RESULTS
from mediator_desk.core.followups import SATISFACTION
from mediator_desk.core.outcomes import OUTCOME_KINDS, RISK_KINDS
from mediator_desk.core.sessions import RESULTS as SESSION_RESULTS
from mediator_desk.core.validation import format_fen

# Columns every travelling record has, or that only link records: not worth showing.
HIDDEN = {"id", "site_id", "rev", "created_at", "updated_at", "case_id", "org_id",
          "agreement_id", "supplements_id", "record_id", "mediator_id", "sha256",
          "agreement_year", "agreement_seq", "case_year", "case_seq", "seq", "round_id"}

_RECORD_ID = re.compile(r"[0-9a-f]{32}")

FIELD_LABELS = {
    # the case and its parties
    "case_no": "案件编号", "received_date": "登记（收到）日期", "source": "案件来源",
    "referral_note": "移送单位", "dispute_type": "纠纷类型", "summary": "纠纷简要情况",
    "claims": "申请事项", "people_involved": "涉及人数", "amount_fen": "金额（元）",
    "risk_flag": "激化风险", "risk_note": "风险情况", "status": "案件状态",
    "created_by": "登记人", "role": "身份", "kind": "类型", "name": "姓名", "sex": "性别",
    "ethnicity": "民族", "birth_date": "出生日期", "age": "年龄", "id_type": "证件类型",
    "id_number": "证件号码", "phone": "联系电话", "address": "住址", "service_address": "送达地址",
    "occupation": "职业",
    "employer": "工作单位", "legal_rep": "法定代表人", "legal_rep_title": "法定代表人职务",
    "agent_name": "代理人", "agent_phone": "代理人电话", "agent_relation": "与当事人关系",
    # acceptance
    "decision": "受理决定", "decided_on": "决定日期", "consent_form": "当事人同意方式",
    "consent_note": "说明", "rights_notice_given": "已告知权利义务",
    "refusal_reason": "不予受理理由", "refusal_note": "说明", "decided_by": "决定人",
    # investigation and mediation records
    "held_on": "日期", "start_time": "开始时间", "end_time": "结束时间", "place": "地点",
    "subject": "被调查人", "participants": "参加人", "investigators": "调查人",
    "recorder": "记录人", "qa": "问答", "note": "备注", "matter": "事由",
    "mediators": "人民调解员", "parties_present": "到场当事人", "statements": "当事人陈述",
    "findings": "查明事实", "risk_warning": "风险提示", "result": "结果",
    "result_note": "结果说明", "routes_explained": "告知的其他途径",
    # outcomes and risks
    "closed_on": "日期", "reason": "原因", "flagged_on": "发现日期", "people": "涉及人数",
    "prevented": "已防止", "reported_on": "报告日期", "report_recipient": "报告对象",
    "report_note": "报告情况",
    # agreements
    "form": "协议形式", "agreement_no": "协议编号", "agreed_on": "达成协议日期",
    "facts": "纠纷主要事实、争议事项", "terms": "协议内容", "performance_method": "履行方式",
    "performance_deadline": "履行期限", "copies": "份数", "signed_on": "签字日期",
    "party_signatures": "各方当事人签字日期", "sealed_on": "盖章日期",
    "effective_on": "生效日期", "performance_status": "履行情况",
    "performance_checked_on": "履行核实日期", "performance_note": "履行情况说明",
    "followup_due": "计划回访日期", "voided_on": "作废日期", "void_reason": "作废理由",
    # follow-ups
    "visited_on": "回访日期", "party": "回访的当事人", "performance": "履行情况",
    "satisfaction": "满意程度", "lawsuit": "已起诉", "lawsuit_note": "诉讼情况",
    "wrong_mediation": "错调迹象", "wrong_mediation_note": "错调情况",
    "escalation_risk": "激化或隐患", "escalation_note": "激化或隐患情况",
    "action_taken": "采取的措施", "visitor": "回访人",
    # judicial confirmation
    "applied_on": "申请日期", "court": "受理法院", "result_on": "裁定日期",
    "court_case_no": "法院案号",
    # archiving and attachments
    "archived_on": "立卷日期", "archived_by": "立卷人", "retention": "保管期限",
    "volume_title": "卷名", "file_note": "卷宗情况说明", "item": "附件类别",
    "record_table": "所属记录", "file_name": "文件名", "mime_type": "文件类型",
    "size": "大小", "added_on": "日期",
    # the sync columns, links and numbers (not shown in the history, named in refusals)
    "id": "记录编号", "site_id": "所属站点", "rev": "版本号", "created_at": "创建时间",
    "updated_at": "修改时间", "org_id": "所属组织", "parent_id": "上级组织",
    "case_id": "所属案件", "mediator_id": "调解员", "agreement_id": "所属协议",
    "supplements_id": "所补充的协议", "record_id": "所属记录", "sha256": "附件内容摘要",
    "seq": "序号", "case_year": "案件年度", "case_seq": "案件序号", "agreement_year": "协议年度",
    "agreement_seq": "协议序号",
    # organisations, mediators and the office's reviews
    "short_name": "简称", "division_code": "区划代码", "speciality": "专业领域",
    "legal_training": "受过法律培训", "profession": "职业", "full_time": "专职",
    "title": "职务/称号", "honours": "荣誉", "training": "培训情况", "active": "在任",
    "education": "文化程度", "text": "意见", "reviewer": "审查人", "reviewed_on": "审查日期",
    # dispute screening
    "area": "排查范围", "screeners": "排查人员", "round_id": "所属排查", "found_on": "发现日期",
    "parties": "当事人", "contact": "联系方式", "risk_level": "风险等级", "measures": "化解措施",
    "responsible": "责任人", "deadline": "化解期限", "settled_on": "处置日期",
    "prevented_people": "防止激化涉及人数",
    # monthly statistics
    "period": "统计月份", "closed_by": "报送人", "zero": "零上报",
}

FLAGS = {"zero", "rights_notice_given", "risk_flag", "prevented", "lawsuit", "wrong_mediation",
         "escalation_risk"}

# Code fields whose values are shown by their label; some names mean different code lists
# in different tables, so the table decides first.
_CODES_BY_TABLE: dict[tuple[str, str], dict[str, str]] = {
    ("closures", "kind"): OUTCOME_KINDS,
    ("risk_flags", "kind"): RISK_KINDS,
    ("mediation_sessions", "result"): SESSION_RESULTS,
    ("confirmations", "result"): CONFIRMATION_RESULTS,
    ("screening_rounds", "kind"): screening.ROUND_KINDS,
    ("screening_items", "status"): screening.STATUSES,
    ("screening_items", "risk_level"): screening.RISK_LEVELS,
    ("screening_items", "prevented"): screening.PREVENTED,
}
_CODES: dict[str, dict[str, str]] = {
    "status": workflow.STATUSES, "consent_form": CONSENT_FORMS,
    "refusal_reason": REFUSAL_REASONS, "decision": {"accepted": "受理", "refused": "不予受理"},
    "form": FORMS, "performance_status": PERFORMANCE, "performance": PERFORMANCE,
    "satisfaction": SATISFACTION, "item": ATTACHMENT_ITEMS, "record_table": TABLE_LABELS,
}


def field_label(field: str) -> str:
    """The Chinese name of a stored field (the field name itself if unknown)."""
    return FIELD_LABELS.get(field, field)


def format_value(table: str, field: str, value: Any) -> str:
    """A stored value as the screens show it ('' for nothing)."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    by_table = _CODES_BY_TABLE.get((table, field))
    if by_table is not None:
        return by_table.get(value, str(value)) if isinstance(value, str) else str(value)
    if field in FLAGS:
        return "是" if value in (1, True, "1") else "否"
    if field == "amount_fen" and isinstance(value, int):
        return format_fen(value)
    if field == "size" and isinstance(value, int):
        return f"{max(value // 1024, 1)} KB"
    codes = _CODES_BY_TABLE.get((table, field)) or _CODES.get(field)
    if codes and isinstance(value, str) and value in codes:
        return codes[value]
    if isinstance(value, str) and value[:1] in "[{":
        try:
            value = json.loads(value)
        except ValueError:
            return value
    if isinstance(value, list):
        parts = []
        for i, v in enumerate(value, 1):
            if isinstance(v, dict) and "q" in v:
                parts.append(f"问：{v.get('q', '')} 答：{v.get('a', '')}")
            elif field == "terms":
                parts.append(f"{i}. {v}")
            else:
                parts.append(str(v))
        return ("；" if field in ("terms", "qa") else "、").join(parts)
    if isinstance(value, dict):
        return "，".join(f"{k}：{v}" for k, v in value.items())
    return str(value)


def entries(rows: list[dict]) -> list[dict]:
    """Display entries for audit rows (as ``desk.audit.for_case`` returns them), same order.

    Each: {'at', 'at_text' (local time with offset), 'user', 'action', 'action_label',
    'table_label', 'changes': [{'field', 'label', 'old', 'new'}]} — for an update both
    values, for a new record only 'new', for a deletion only 'old'."""
    out = []
    for row in rows:
        table = row.get("table_name") or ""
        details = row.get("details") or {}
        action = row.get("action") or ""
        changes = []
        if action != "bulk_create":
            for field, value in details.items():
                if field in HIDDEN or (isinstance(value, str) and _RECORD_ID.fullmatch(value)):
                    continue
                # updates store [old, new]; inserts and deletions the plain values (list
                # fields are stored as JSON text, so a Python list is always a pair)
                if isinstance(value, list) and len(value) == 2:
                    old, new = value
                elif action in ("delete", "detach"):
                    old, new = value, None
                else:
                    old, new = None, value
                changes.append({"field": field, "label": field_label(field),
                                "old": format_value(table, field, old),
                                "new": format_value(table, field, new)})
        out.append({"at": row.get("at", ""), "at_text": local_display(row.get("at", "")),
                    "user": row.get("user", ""), "action": action,
                    "action_label": ACTION_LABELS.get(action, action),
                    "table_label": TABLE_LABELS.get(table, table), "changes": changes})
    return out


def describe_change(change: dict) -> str:
    """'label：old → new' / 'label：new' / 'label：old（删除）' for one change entry."""
    label, old, new = change["label"], change["old"], change["new"]
    if old and new:
        return f"{label}：{old} → {new}"
    if new:
        return f"{label}：{new}"
    if old:
        return f"{label}：{old} → （空）"
    return f"{label}：（空）"
