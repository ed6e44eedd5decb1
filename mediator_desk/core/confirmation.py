"""Judicial confirmation (司法确认, Art. 33).

Within 30 days of a written agreement taking effect the parties may jointly apply to a court
for confirmation; a confirmed agreement is enforceable. The window (effective date + 30 days)
is shown as a countdown; the application date (inside the window), the court, the result
(confirmed / not confirmed) and the court's case number are recorded.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from mediator_desk.core import deadlines, guards
from mediator_desk.errors import IllegalStep, NotFound, ValidationError

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk

RESULTS = {"pending": "待法院审查", "confirmed": "确认有效", "not_confirmed": "不予确认"}


class ConfirmationManager:
    """``desk.confirmations``: the Art. 33 window, the application and the court's result."""

    def __init__(self, desk: "Desk"):
        self.desk = desk

    def window(self, agreement_id: str, *, today: date | None = None) -> dict | None:
        """{'start', 'end', 'days_left', 'text', 'open'} for a written agreement in force;
        None for an oral, unsigned or voided agreement."""
        from mediator_desk.core.clock import today as _today
        today = today or _today()
        a = self.desk.agreements._row(agreement_id)
        if a["form"] != "written" or not a["effective_on"] or a["voided_on"]:
            return None
        start, end = deadlines.confirmation_window(a["effective_on"])
        left = deadlines.days_left(end, today)
        return {"start": start.isoformat(), "end": end.isoformat(), "days_left": left,
                "text": deadlines.countdown_text(end, today), "open": left >= 0}

    def apply(self, agreement_id: str, *, applied_on, court: str, note: str = "",
              today: date | None = None) -> str:
        """Record the joint application to a court; ``applied_on`` must lie in the window.
        Returns the confirmation id."""
        a = self.desk.agreements._row(agreement_id)
        if a["form"] != "written":
            raise IllegalStep("只有书面调解协议可以申请司法确认")
        if a["voided_on"]:
            raise IllegalStep(f"协议{a['agreement_no']}已作废，不能申请司法确认")
        if not a["effective_on"]:
            raise IllegalStep("协议尚未签字生效，不能申请司法确认")
        court = guards.text(court, field="court", label="受理法院", required=True)
        day = guards.past_date(applied_on, field="applied_on", label="申请日期", today=today)
        start, end = deadlines.confirmation_window(a["effective_on"])
        guards.not_before(day, start.isoformat(), field="applied_on", label="申请日期",
                          earlier_label="协议生效日期")
        if day > end.isoformat():
            raise ValidationError(f"申请日期（{day}）已超过司法确认期限：协议生效之日起30日内"
                                  f"（至{end.isoformat()}），《人民调解法》第三十三条",
                                  field="applied_on")
        with self.desk.transaction():
            guards.editable_case(self.desk, a["case_id"], "confirm")
            if self.desk.scalar("SELECT 1 FROM confirmations WHERE agreement_id = ?",
                                (agreement_id,)):
                raise IllegalStep(f"协议{a['agreement_no']}已登记司法确认申请")
            return self.desk.records.insert("confirmations", {
                "case_id": a["case_id"], "agreement_id": agreement_id, "applied_on": day,
                "court": court, "note": guards.text(note, field="note", label="备注")},
                case_id=a["case_id"], action="confirm_apply")

    def record_result(self, confirmation_id: str, *, result: str, result_on,
                      court_case_no: str = "", note: str = "",
                      today: date | None = None, based_on: dict | None = None) -> dict:
        """Record the court's decision (confirmed / not_confirmed) with its date and case
        number (required when confirmed)."""
        row = self.get(confirmation_id)
        result = guards.choice(result, {k: v for k, v in RESULTS.items() if k != "pending"},
                               field="result", label="确认结果")
        day = guards.past_date(result_on, field="result_on", label="裁定日期", today=today)
        guards.not_before(day, row["applied_on"], field="result_on", label="裁定日期",
                          earlier_label="申请日期")
        number = guards.text(court_case_no, field="court_case_no", label="法院案号",
                             required=(result == "confirmed"))
        values = {"result": result, "result_on": day, "court_case_no": number}
        if note:
            values["note"] = guards.text(note, field="note", label="备注")
        with self.desk.transaction():
            guards.editable_case(self.desk, row["case_id"])
            return self.desk.records.update("confirmations", confirmation_id, values,
                                            case_id=row["case_id"], action="confirm_result",
                                            based_on=based_on)

    def get(self, confirmation_id: str) -> dict:
        row = self.desk.query_one(
            "SELECT c.*, a.agreement_no FROM confirmations c JOIN agreements a"
            " ON a.id = c.agreement_id WHERE c.id = ?", (confirmation_id,))
        if row is None:
            raise NotFound("找不到该司法确认记录")
        row["result_label"] = RESULTS[row["result"]]
        return row

    def for_case(self, case_id: str) -> list[dict]:
        """Confirmation records of a case with the agreement number and result label."""
        rows = self.desk.query(
            "SELECT c.*, a.agreement_no FROM confirmations c JOIN agreements a"
            " ON a.id = c.agreement_id WHERE c.case_id = ? ORDER BY c.applied_on", (case_id,))
        for r in rows:
            r["result_label"] = RESULTS[r["result"]]
        return rows
