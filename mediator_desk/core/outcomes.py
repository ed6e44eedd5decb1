"""Outcomes of a case and escalation risks.

Outcome kinds: written agreement, oral agreement (both in core/agreements.py), mediation ended
without agreement (调解终止: the reason and the routes explained to the parties, Art. 26), and
withdrawn. ``get`` derives the current outcome from the records.

Risks (Art. 25): a case may be flagged at risk of turning criminal (民转刑), of a group
petition (群体性上访) or of a group fight (群体性械斗); a report to the police is recorded with
its date and recipient. Flagging also sets the case's escalation-risk flag.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from mediator_desk.core import guards, workflow
from mediator_desk.core.validation import check_count
from mediator_desk.errors import IllegalStep, NotFound, ValidationError

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk

OUTCOME_KINDS = {"written": "书面调解协议", "oral": "口头调解协议", "ended": "调解终止（未达成协议）",
                 "withdrawn": "当事人撤回申请", "refused": "不予受理"}
RISK_KINDS = {"criminal": "可能民转刑", "group_petition": "可能引发群体性上访",
              "group_fight": "可能引发群体性械斗", "suicide": "可能因纠纷引发自杀"}
RISK_FIELDS = ("note", "people", "prevented", "flagged_on")


@dataclass(frozen=True, slots=True)
class Outcome:
    """How the mediation of a case came out (``desk.outcomes.get``): ``kind`` (a key of
    ``OUTCOME_KINDS``, '' while the case is open) with its ``label``, the ``date``, the
    reason and the routes explained (ended, withdrawn, refused), and the agreement (written,
    oral)."""

    kind: str = ""
    label: str = ""
    date: str = ""
    reason: str = ""
    routes_explained: str = ""
    agreement_id: str = ""


class OutcomeManager:
    """``desk.outcomes``: ending without agreement, withdrawal, the derived outcome, risks."""

    def __init__(self, desk: "Desk"):
        self.desk = desk

    # --- endings ---------------------------------------------------------------------------
    def _close(self, case_id: str, kind: str, day: str, reason: str, routes: str,
               note: str) -> str:
        with self.desk.transaction():
            case = guards.editable_case(self.desk, case_id)
            guards.not_before(day, case["received_date"], field="closed_on", label="日期",
                              earlier_label="案件登记日期")
            last = self.desk.sessions.last_date(case_id)
            guards.not_before(day, last, field="closed_on", label="日期",
                              earlier_label="最后一次调查或调解记录的日期")
            # check_transition gives the reason (e.g. a pending agreement must be voided first)
            workflow.check_transition(case["status"], kind)
            rid = self.desk.records.insert("closures", {
                "case_id": case_id, "kind": kind, "closed_on": day, "reason": reason,
                "routes_explained": routes, "note": note}, case_id=case_id,
                action="end" if kind == "ended" else "withdraw")
            guards.move(self.desk, case_id, kind)
            return rid

    def end(self, case_id: str, *, ended_on, reason: str, routes_explained: str,
            note: str = "", today: date | None = None) -> str:
        """End mediation without agreement (调解终止, Art. 26).

        Both the reason and the routes explained to the parties (court, arbitration,
        administrative bodies) are required. Status → ended. Returns the closure id.
        """
        reason = guards.text(reason, field="reason", label="调解终止的原因", required=True)
        routes = guards.text(routes_explained, field="routes_explained",
                             label="已告知当事人的其他途径（诉讼、仲裁、行政等）", required=True)
        day = guards.past_date(ended_on, field="ended_on", label="终止日期", today=today)
        return self._close(case_id, "ended", day, reason, routes,
                           guards.text(note, field="note", label="备注"))

    def withdraw(self, case_id: str, *, withdrawn_on, reason: str, note: str = "",
                 today: date | None = None) -> str:
        """Record that the parties withdrew (Art. 23: they may end mediation). Status →
        withdrawn. Returns the closure id."""
        reason = guards.text(reason, field="reason", label="撤回原因", required=True)
        day = guards.past_date(withdrawn_on, field="withdrawn_on", label="撤回日期", today=today)
        return self._close(case_id, "withdrawn", day, reason, "",
                           guards.text(note, field="note", label="备注"))

    def closure(self, case_id: str) -> dict | None:
        row = self.desk.query_one("SELECT * FROM closures WHERE case_id = ?", (case_id,))
        if row:
            row["kind_label"] = OUTCOME_KINDS[row["kind"]]
        return row

    def get(self, case_id: str) -> Outcome:
        """The current outcome (an empty ``Outcome``, kind '', while the case is open)."""
        closure = self.closure(case_id)
        if closure:
            return Outcome(kind=closure["kind"], label=closure["kind_label"],
                           date=closure["closed_on"], reason=closure["reason"],
                           routes_explained=closure["routes_explained"])
        acc = self.desk.acceptance.get(case_id)
        if acc and acc["decision"] == "refused":
            return Outcome(kind="refused", label=OUTCOME_KINDS["refused"],
                           date=acc["decided_on"], reason=acc["refusal_reason_label"] + (
                               f"（{acc['refusal_note']}）" if acc["refusal_note"] else ""))
        agreement = self.desk.query_one(
            "SELECT id, form, agreed_on FROM agreements WHERE case_id = ? AND voided_on = ''"
            " AND supplements_id IS NULL ORDER BY agreed_on DESC LIMIT 1", (case_id,))
        if agreement:
            return Outcome(kind=agreement["form"], label=OUTCOME_KINDS[agreement["form"]],
                           date=agreement["agreed_on"], agreement_id=agreement["id"])
        return Outcome()

    # --- risks ------------------------------------------------------------------------------
    def flag_risk(self, case_id: str, *, kind: str, flagged_on, note: str, people=0,
                  today: date | None = None) -> str:
        """Flag a risk (RISK_KINDS) with what was observed; sets the case's risk flag.

        Returns the risk id. One flag per kind per case.
        """
        kind = guards.choice(kind, RISK_KINDS, field="kind", label="风险类型")
        note = guards.text(note, field="note", label="风险情况", required=True)
        day = guards.past_date(flagged_on, field="flagged_on", label="发现日期", today=today)
        people = check_count(people, field="people", label="涉及人数")
        with self.desk.transaction():
            case = guards.editable_case(self.desk, case_id, "risk")
            guards.not_before(day, case["received_date"], field="flagged_on", label="发现日期",
                              earlier_label="案件登记日期")
            if self.desk.scalar("SELECT 1 FROM risk_flags WHERE case_id = ? AND kind = ?",
                                (case_id, kind)):
                raise ValidationError(f"该案件已标记“{RISK_KINDS[kind]}”", field="kind")
            rid = self.desk.records.insert("risk_flags", {
                "case_id": case_id, "kind": kind, "flagged_on": day, "note": note,
                "people": people}, case_id=case_id, action="flag_risk")
            self.desk.records.update("cases", case_id, {
                "risk_flag": 1, "risk_note": case["risk_note"] or f"{RISK_KINDS[kind]}：{note}"},
                action="flag_risk")
            return rid

    def report_to_police(self, risk_id: str, *, reported_on, recipient: str, note: str = "",
                         today: date | None = None, based_on: dict | None = None) -> dict:
        """Record the report to the police (Art. 25): date and recipient (e.g. 某派出所 张警官)."""
        risk = self.get_risk(risk_id)
        recipient = guards.text(recipient, field="recipient", label="报告对象（公安机关、接收人）",
                                required=True)
        day = guards.past_date(reported_on, field="reported_on", label="报告日期", today=today)
        guards.not_before(day, risk["flagged_on"], field="reported_on", label="报告日期",
                          earlier_label="发现风险的日期")
        with self.desk.transaction():
            guards.editable_case(self.desk, risk["case_id"])
            return self.desk.records.update("risk_flags", risk_id, {
                "reported_on": day, "report_recipient": recipient,
                "report_note": guards.text(note, field="note", label="报告情况")},
                case_id=risk["case_id"], action="report_police", based_on=based_on)

    def update_risk(self, risk_id: str, *, based_on: dict | None = None, **values) -> dict:
        """Change a risk's note, people involved or whether escalation was prevented.
        ``based_on``: the risk as the screen showed it (no silent overwrite)."""
        guards.check_unknown(values, RISK_FIELDS)
        risk = self.get_risk(risk_id)
        v = dict(values)
        if "note" in v:
            v["note"] = guards.text(v["note"], field="note", label="风险情况", required=True)
        if "people" in v:
            v["people"] = check_count(v["people"], field="people", label="涉及人数")
        if "prevented" in v:
            v["prevented"] = 1 if v["prevented"] else 0
        if "flagged_on" in v:
            v["flagged_on"] = guards.past_date(v["flagged_on"], field="flagged_on",
                                               label="发现日期")
        with self.desk.transaction():
            guards.editable_case(self.desk, risk["case_id"])
            return self.desk.records.update("risk_flags", risk_id, v, case_id=risk["case_id"],
                                            based_on=based_on)

    def remove_risk(self, risk_id: str) -> None:
        """Delete a risk flagged by mistake (audited). A reported risk cannot be removed."""
        risk = self.get_risk(risk_id)
        if risk["reported_on"]:
            raise IllegalStep("已向公安机关报告的风险不能删除")
        with self.desk.transaction():
            guards.editable_case(self.desk, risk["case_id"])
            self.desk.records.delete("risk_flags", risk_id, case_id=risk["case_id"])

    def get_risk(self, risk_id: str) -> dict:
        row = self.desk.query_one("SELECT * FROM risk_flags WHERE id = ?", (risk_id,))
        if row is None:
            raise NotFound("找不到该风险记录")
        row["kind_label"] = RISK_KINDS[row["kind"]]
        return row

    def risks(self, case_id: str) -> list[dict]:
        """Risk flags of a case with Chinese labels, oldest first."""
        rows = self.desk.query("SELECT * FROM risk_flags WHERE case_id = ? ORDER BY flagged_on,"
                               " kind", (case_id,))
        for r in rows:
            r["kind_label"] = RISK_KINDS[r["kind"]]
        return rows
