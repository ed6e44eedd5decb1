"""Follow-up visits (回访记录, Art. 31: the committee supervises performance).

A visit records: the party visited, the agreement (its number), the reason, the day, what was
found (performed or not, satisfaction, later lawsuits, signs of wrong mediation, escalation or
hidden risk), the action taken and the visitor. The visit's performance finding also updates
the agreement's performance status. The plan: a visit falls due N days (setting
``followup_days``, default 15) after the performance deadline, unless a day was planned.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from mediator_desk.core import deadlines, guards, path_settings
from mediator_desk.core.agreements import PERFORMANCE
from mediator_desk.errors import IllegalStep, NotFound, ReadOnlyRecord, ValidationError

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk

SATISFACTION = {"satisfied": "满意", "basic": "基本满意", "dissatisfied": "不满意"}
FIELDS = ("visited_on", "party", "reason", "performance", "satisfaction", "lawsuit",
          "lawsuit_note", "wrong_mediation", "wrong_mediation_note", "escalation_risk",
          "escalation_note", "action_taken", "visitor", "note")


class FollowUpManager:
    """``desk.followups``: visits and the follow-up plan of agreements."""

    def __init__(self, desk: "Desk"):
        self.desk = desk

    def _clean(self, values: dict, today: date | None, *, full: bool) -> dict:
        guards.check_unknown(values, FIELDS)
        v = dict(values)
        if "visited_on" in v:
            v["visited_on"] = guards.past_date(v["visited_on"], field="visited_on",
                                               label="回访时间", today=today)
        if "party" in v or full:
            v["party"] = guards.text(v.get("party"), field="party", label="回访的当事人",
                                     required=True)
        if "visitor" in v or full:
            v["visitor"] = guards.text(v.get("visitor"), field="visitor", label="回访人",
                                       required=True)
        if "performance" in v:
            v["performance"] = guards.choice(v["performance"], PERFORMANCE, field="performance",
                                             label="协议履行情况", allow_empty=True)
        if "satisfaction" in v:
            v["satisfaction"] = guards.choice(v["satisfaction"], SATISFACTION,
                                              field="satisfaction", label="满意程度",
                                              allow_empty=True)
        for flag in ("lawsuit", "wrong_mediation", "escalation_risk"):
            if flag in v:
                v[flag] = 1 if v[flag] else 0
        for key, label in (("reason", "回访事由"), ("lawsuit_note", "诉讼情况"),
                           ("wrong_mediation_note", "错调情况"), ("escalation_note", "激化或隐患情况"),
                           ("action_taken", "采取的措施"), ("note", "备注")):
            if key in v:
                v[key] = guards.text(v[key], field=key, label=label)
        for flag, note, label in (("lawsuit", "lawsuit_note", "后续诉讼"),
                                  ("wrong_mediation", "wrong_mediation_note", "错调迹象"),
                                  ("escalation_risk", "escalation_note", "激化或隐患")):
            if v.get(flag) and not v.get(note):
                raise ValidationError(f"发现{label}的，请说明情况", field=note)
        return v

    def add(self, agreement_id: str, *, visited_on, party: str, visitor: str, reason: str = "",
            performance: str = "", satisfaction: str = "", lawsuit: bool = False,
            lawsuit_note: str = "", wrong_mediation: bool = False,
            wrong_mediation_note: str = "", escalation_risk: bool = False,
            escalation_note: str = "", action_taken: str = "", note: str = "",
            today: date | None = None) -> str:
        """Record a follow-up visit about an agreement in force; returns its id.

        The visit may not precede the agreement's effective date. A ``performance`` finding
        updates the agreement's performance status (and the case status).
        """
        v = self._clean(dict(
            visited_on=visited_on, party=party, visitor=visitor, reason=reason,
            performance=performance, satisfaction=satisfaction, lawsuit=lawsuit,
            lawsuit_note=lawsuit_note, wrong_mediation=wrong_mediation,
            wrong_mediation_note=wrong_mediation_note, escalation_risk=escalation_risk,
            escalation_note=escalation_note, action_taken=action_taken, note=note),
            today, full=True)
        agreement = self.desk.agreements._row(agreement_id)
        if agreement["voided_on"]:
            raise ReadOnlyRecord(f"协议{agreement['agreement_no']}已作废，不能回访")
        if not agreement["effective_on"]:
            raise IllegalStep("协议尚未生效（书面协议须先登记签字），不能回访")
        guards.not_before(v["visited_on"], agreement["effective_on"], field="visited_on",
                          label="回访时间", earlier_label="协议生效日期")
        with self.desk.transaction():
            case = guards.editable_case(self.desk, agreement["case_id"], "follow_up")
            rid = self.desk.records.insert("followups", dict(
                v, case_id=agreement["case_id"], agreement_id=agreement_id),
                case_id=agreement["case_id"], action="follow_up")
            if v["performance"] and v["performance"] != agreement["performance_status"]:
                self.desk.agreements._set_performance(case, agreement, v["performance"],
                                                      v["visited_on"], "")
            return rid

    def update(self, followup_id: str, *, today: date | None = None,
               based_on: dict | None = None, **values) -> dict:
        """Change a visit record; returns {field: (old, new)}. ``based_on``: the visit as the
        dialog loaded it (no silent overwrite of a change saved meanwhile)."""
        old = self.get(followup_id)
        v = self._clean(values, today, full=False)
        if "visited_on" in v:
            agreement = self.desk.agreements._row(old["agreement_id"])
            guards.not_before(v["visited_on"], agreement["effective_on"], field="visited_on",
                              label="回访时间", earlier_label="协议生效日期")
        with self.desk.transaction():
            guards.editable_case(self.desk, old["case_id"])
            return self.desk.records.update("followups", followup_id, v, case_id=old["case_id"],
                                            based_on=based_on)

    def remove(self, followup_id: str) -> None:
        """Delete a visit entered by mistake (audited)."""
        old = self.get(followup_id)
        with self.desk.transaction():
            guards.editable_case(self.desk, old["case_id"])
            self.desk.records.delete("followups", followup_id, case_id=old["case_id"])

    def get(self, followup_id: str) -> dict:
        row = self.desk.query_one(
            "SELECT f.*, a.agreement_no FROM followups f JOIN agreements a"
            " ON a.id = f.agreement_id WHERE f.id = ?", (followup_id,))
        if row is None:
            raise NotFound("找不到该回访记录")
        return self._label(row)

    def for_case(self, case_id: str) -> list[dict]:
        """Visits of a case, oldest first, each with its agreement number and labels."""
        rows = self.desk.query(
            "SELECT f.*, a.agreement_no FROM followups f JOIN agreements a"
            " ON a.id = f.agreement_id WHERE f.case_id = ? ORDER BY f.visited_on, f.created_at",
            (case_id,))
        return [self._label(r) for r in rows]

    def plan(self, agreement_id: str, *, today: date | None = None) -> dict:
        """The follow-up plan of an agreement: {'due', 'days_left', 'text', 'done',
        'last_visit'}; due '' when the agreement is not in force."""
        from mediator_desk.core.clock import today as _today
        today = today or _today()
        a = self.desk.agreements._row(agreement_id)
        due = None
        if a["effective_on"] and not a["voided_on"]:
            due = deadlines.followup_due(
                performance_deadline=a["performance_deadline"], effective_on=a["effective_on"],
                override=a["followup_due"], days=int(path_settings.get(self.desk,
                                                                       "followup_days")))
        last = self.desk.scalar("SELECT max(visited_on) FROM followups WHERE agreement_id = ?",
                                (agreement_id,)) or ""
        return {"due": due.isoformat() if due else "",
                "days_left": deadlines.days_left(due, today) if due else None,
                "text": deadlines.countdown_text(due, today) if due else "",
                "done": bool(last), "last_visit": last}

    @staticmethod
    def _label(row: dict) -> dict:
        row["performance_label"] = PERFORMANCE.get(row["performance"], "")
        row["satisfaction_label"] = SATISFACTION.get(row["satisfaction"], "")
        return row
