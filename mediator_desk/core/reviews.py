"""Office reviews of village cases: comment on, approve, or return a case (案件审查意见).

The township office does not edit a village's records (they belong to the village, see
core/records.py); it writes its own ``case_reviews`` records, which travel back to the village in
the next receipt. A village reads them with :meth:`ReviewManager.for_case` or :meth:`list`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mediator_desk.core.clock import today
from mediator_desk.errors import IllegalStep, ValidationError

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk

KINDS = {"comment": "意见", "approve": "审核通过", "return": "退回补正"}


class ReviewManager:
    def __init__(self, desk: "Desk"):
        self.desk = desk

    def add(self, case_id: str, *, kind: str, text: str = "") -> str:
        """Record an office action on a case; returns the review id.

        Office only (setting ``site_role``). ``kind`` is 'comment' (text required), 'approve'
        or 'return' (a reason is required: the village must know what to correct).
        """
        if self.desk.settings.get("site_role") != "office":
            raise IllegalStep("只有乡镇（街道）司法所可以对案件提出意见、审核或退回")
        if kind not in KINDS:
            raise ValidationError("审查类型应为意见、审核通过或退回补正", field="kind")
        text = (text or "").strip()
        if kind in ("comment", "return") and not text:
            raise ValidationError("请填写意见内容" if kind == "comment" else "请填写退回原因",
                                  field="text")
        if len(text) > 2000:
            raise ValidationError("意见过长（最多2000字）", field="text")
        with self.desk.transaction():
            self.desk.cases.get_row(case_id)
            return self.desk.records.insert("case_reviews", {
                "case_id": case_id, "kind": kind, "text": text, "reviewer": self.desk.user,
                "reviewed_on": today().isoformat()}, case_id=case_id, action=f"review_{kind}")

    def for_case(self, case_id: str) -> list[dict]:
        """The reviews of one case, oldest first, with a label for the kind."""
        rows = self.desk.query(
            "SELECT * FROM case_reviews WHERE case_id = ? ORDER BY created_at, id", (case_id,))
        for r in rows:
            r["kind_label"] = KINDS[r["kind"]]
        return rows

    def list(self, *, kind: str | None = None, limit: int = 500) -> list[dict]:
        """Recent reviews (newest first) with the case number, optionally of one kind."""
        sql = ("SELECT r.*, c.case_no FROM case_reviews r JOIN cases c ON c.id = r.case_id")
        params: list = []
        if kind:
            sql += " WHERE r.kind = ?"
            params.append(kind)
        rows = self.desk.query(sql + " ORDER BY r.created_at DESC, r.id LIMIT ?", [*params, limit])
        for r in rows:
            r["kind_label"] = KINDS[r["kind"]]
        return rows
