"""Acceptance (受理) with the parties' consent, or refusal (不予受理) with the reason.

Art. 17: mediation needs the parties' consent; a party who clearly refuses means no mediation.
2002 MoJ rules: disputes outside people's mediation, or already before a court, the police or an
administrative body, are not accepted. A refused case stays on record (status ``refused``).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from mediator_desk.core import guards
from mediator_desk.errors import IllegalStep, ValidationError

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk

CONSENT_FORMS = {
    "written_application": "当事人书面申请",
    "oral_application": "当事人口头申请（登记）",
    "initiative_consent": "主动调解，当事人同意",
    "referral_consent": "委派/移送，当事人同意",
}

REFUSAL_REASONS = {
    "party_refuses": "当事人一方明确拒绝调解（《人民调解法》第十七条）",
    "outside_scope": "不属于人民调解范围",
    "other_body": "已由人民法院、公安机关或其他行政机关受理或处理",
}


class AcceptanceManager:
    """``desk.acceptance``: accept or refuse a registered case."""

    def __init__(self, desk: "Desk"):
        self.desk = desk

    def accept(self, case_id: str, *, decided_on, consent_form: str, consent_note: str = "",
               rights_notice_given: bool = False, today: date | None = None) -> str:
        """Accept the case with the parties' consent; status registered → accepted.

        ``consent_form`` is one of CONSENT_FORMS. ``decided_on`` may not precede the received
        date nor lie in the future. Returns the acceptance record id.
        """
        consent_form = guards.choice(consent_form, CONSENT_FORMS, field="consent_form",
                                     label="当事人同意方式")
        day = guards.past_date(decided_on, field="decided_on", label="受理日期", today=today)
        with self.desk.transaction():
            case = guards.editable_case(self.desk, case_id)
            self._check_first(case)
            guards.not_before(day, case["received_date"], field="decided_on", label="受理日期",
                              earlier_label="登记（收到）日期")
            rid = self.desk.records.insert("acceptances", {
                "case_id": case_id, "decision": "accepted", "decided_on": day,
                "consent_form": consent_form,
                "consent_note": guards.text(consent_note, field="consent_note", label="说明"),
                "rights_notice_given": 1 if rights_notice_given else 0,
                "decided_by": self.desk.user}, case_id=case_id, action="accept")
            guards.move(self.desk, case_id, "accepted")
            return rid

    def refuse(self, case_id: str, *, decided_on, reason: str, note: str = "",
               today: date | None = None) -> str:
        """Refuse the case with a reason (REFUSAL_REASONS); status registered → refused.

        The case stays on record. ``note`` is required for ``other_body`` (which body).
        """
        reason = guards.choice(reason, REFUSAL_REASONS, field="reason", label="不予受理理由")
        note = guards.text(note, field="note", label="说明")
        if reason == "other_body" and not note:
            raise ValidationError("请写明已受理该纠纷的机关（法院、公安机关或行政机关）",
                                         field="note")
        day = guards.past_date(decided_on, field="decided_on", label="决定日期", today=today)
        with self.desk.transaction():
            case = guards.editable_case(self.desk, case_id)
            self._check_first(case)
            guards.not_before(day, case["received_date"], field="decided_on", label="决定日期",
                              earlier_label="登记（收到）日期")
            rid = self.desk.records.insert("acceptances", {
                "case_id": case_id, "decision": "refused", "decided_on": day,
                "refusal_reason": reason, "refusal_note": note,
                "decided_by": self.desk.user}, case_id=case_id, action="refuse")
            guards.move(self.desk, case_id, "refused")
            return rid

    def set_rights_notice(self, case_id: str, given: bool = True, *,
                          based_on: dict | None = None) -> dict:
        """Record that the rights-and-duties notice (权利义务告知书) was given. ``based_on``:
        the acceptance as the screen showed it (no silent overwrite)."""
        with self.desk.transaction():
            guards.editable_case(self.desk, case_id)
            row = self.get(case_id)
            if row is None or row["decision"] != "accepted":
                raise IllegalStep("案件尚未受理")
            return self.desk.records.update("acceptances", row["id"],
                                            {"rights_notice_given": 1 if given else 0},
                                            case_id=case_id, based_on=based_on)

    def _check_first(self, case: dict) -> None:
        if self.get(case["id"]) is not None:
            raise IllegalStep(f"案件{case['case_no']}已作出受理决定，不能重复受理或不予受理")

    def get(self, case_id: str) -> dict | None:
        """The acceptance decision with labels, or None if not yet decided."""
        row = self.desk.query_one("SELECT * FROM acceptances WHERE case_id = ?", (case_id,))
        if row:
            row["decision_label"] = "受理" if row["decision"] == "accepted" else "不予受理"
            row["consent_form_label"] = CONSENT_FORMS.get(row["consent_form"], "")
            row["refusal_reason_label"] = REFUSAL_REASONS.get(row["refusal_reason"], "")
        return row
