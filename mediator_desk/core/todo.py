"""The to-do list: every deadline the law and practice set, for one day.

Kinds (each item: case id and number, kind, kind label, due date, days left, Chinese text):

- ``followup_due``: an agreement in force whose follow-up visit is due (N days after the
  performance deadline, setting ``followup_days``) and not yet made;
- ``performance_overdue``: the performance deadline has passed and performance is not recorded
  as complete (unless a follow-up found that a party has gone to court, Art. 32);
- ``confirmation_closing``: the Art. 33 window of a written agreement closes within 7 days
  (setting ``confirmation_warn_days``) and no application is recorded;
- ``case_overdue``: a case still being mediated after a full calendar month has passed since
  it was accepted (accepted 02-03: from 03-04 on; registration does not count);
- ``risk_unreported``: an escalation risk (Art. 25) not yet reported to the police;
- ``returned``: the township office returned the case for correction (its latest review is a
  return) and the case has not been changed since.

Each item also names the ``place`` where it is dealt with (``workflow.STEP_PLACES``: a screen
opens the case there).

Archived cases are left out (they are read-only). ``todo(today=…)`` is deterministic: the
same database and day give the same list, sorted by due date, then case number.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from mediator_desk.core import deadlines, path_settings, workflow
from mediator_desk.core.outcomes import RISK_KINDS

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk

# Agreements in force belong to cases in these statuses (archived cases are left out); the
# queries start from the status index rather than scanning every agreement ever made.
IN_FORCE = "c.status IN ({})".format(", ".join(f"'{s}'" for s in workflow.IN_FORCE_STATUSES))

KINDS = {
    "followup_due": "回访到期",
    "performance_overdue": "履行期限已过",
    "confirmation_closing": "司法确认期限将届满",
    "case_overdue": "受理超过一个月",
    "risk_unreported": "风险未报告公安机关",
    "returned": "司法所退回补正",
}
# where each kind is dealt with (workflow.STEP_PLACES; "review": the office's review)
PLACES = {"followup_due": "followup", "performance_overdue": "performance",
          "confirmation_closing": "agreement", "case_overdue": "outcome",
          "risk_unreported": "outcome", "returned": "review"}


@dataclass(frozen=True, slots=True)
class TodoItem:
    """One to-do item: which case, what kind (``KINDS``), when it is due and how many days
    are left (negative: overdue), the Chinese text, the record it concerns ('' for the case
    itself) and the ``place`` where it is dealt with."""

    case_id: str
    case_no: str
    kind: str
    kind_label: str
    due: str
    days_left: int
    description: str
    record_id: str
    place: str

    def as_dict(self) -> dict:
        """The item as a plain dict (the command line's JSON)."""
        return asdict(self)


class TodoList:
    """``desk.todo``: call it — ``desk.todo(today=date(2026, 12, 1))`` — for the items."""

    def __init__(self, desk: "Desk"):
        self.desk = desk

    def __call__(self, today: date | None = None, *, kinds=None,
                 limit_per_kind: int | None = None) -> list[TodoItem]:
        return todo(self.desk, today=today, kinds=kinds, limit_per_kind=limit_per_kind)

    def counts(self, today: date | None = None) -> dict[str, int]:
        """{kind: number of items} for every kind (zeros included)."""
        out = dict.fromkeys(KINDS, 0)
        for item in todo(self.desk, today=today):
            out[item.kind] += 1
        return out


def _item(row: dict, kind: str, due: date, today: date, text: str) -> TodoItem:
    return TodoItem(case_id=row["case_id"], case_no=row["case_no"], kind=kind,
                    kind_label=KINDS[kind], due=due.isoformat(),
                    days_left=deadlines.days_left(due, today), description=text,
                    record_id=row.get("record_id", ""), place=PLACES[kind])


def todo(desk: "Desk", today: date | None = None, *, kinds=None,
         limit_per_kind: int | None = None) -> list[TodoItem]:
    """The to-do items on ``today`` (default: the local date), sorted by due date then case
    number. ``kinds`` restricts to some kinds; ``limit_per_kind`` caps each kind (the
    earliest due first)."""
    from mediator_desk.core.clock import today as _today
    today = today or _today()
    iso = today.isoformat()
    wanted = set(kinds or KINDS)
    lim = f" LIMIT {int(limit_per_kind)}" if limit_per_kind else ""
    items: list[TodoItem] = []
    q = desk.query

    if "followup_due" in wanted:
        days = int(path_settings.get(desk, "followup_days"))
        rows = q(
            "SELECT * FROM (SELECT a.id AS record_id, a.case_id, c.case_no, a.agreement_no,"
            "  CASE WHEN a.followup_due != '' THEN a.followup_due"
            "       ELSE date(CASE WHEN a.performance_deadline != '' THEN a.performance_deadline"
            "                 ELSE a.effective_on END, ?) END AS due"
            f" FROM cases c JOIN agreements a ON a.case_id = c.id WHERE {IN_FORCE}"
            "  AND a.effective_on != '' AND a.voided_on = ''"
            "  AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.agreement_id = a.id))"
            f" WHERE due <= ? ORDER BY due, case_no{lim}", (f"+{days} days", iso))
        for r in rows:
            due = date.fromisoformat(r["due"])
            items.append(_item(r, "followup_due", due, today,
                               f"协议{r['agreement_no']}应于{r['due']}回访，尚未回访"
                               f"（{deadlines.countdown_text(due, today)}）"))

    if "performance_overdue" in wanted:
        rows = q(
            "SELECT a.id AS record_id, a.case_id, c.case_no, a.agreement_no,"
            " a.performance_deadline AS due, a.performance_status"
            # index agreements_unperformed (migration 0006); "+c.status" keeps the planner
            # from starting at the (much larger) status index instead
            " FROM agreements a JOIN cases c ON c.id = a.case_id WHERE +{}".format(IN_FORCE) +
            "  AND a.effective_on != '' AND a.voided_on = '' AND a.performance_deadline != ''"
            "  AND a.performance_deadline < ? AND a.performance_status != 'performed'"
            # once a party has sued over it (Art. 32) the court, not the committee, acts
            "  AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.agreement_id = a.id"
            "   AND f.lawsuit = 1)"
            f" ORDER BY a.performance_deadline, c.case_no{lim}",
            (iso,))
        from mediator_desk.core.agreements import PERFORMANCE
        for r in rows:
            due = date.fromisoformat(r["due"])
            items.append(_item(r, "performance_overdue", due, today,
                               f"协议{r['agreement_no']}履行期限{r['due']}已过，履行情况："
                               f"{PERFORMANCE[r['performance_status']]}，请督促履行"))

    if "confirmation_closing" in wanted:
        warn = int(path_settings.get(desk, "confirmation_warn_days"))
        # window end = effective + 30 days, wanted: today <= end <= today + warn
        first = (today - timedelta(days=deadlines.CONFIRMATION_DAYS)).isoformat()
        last = (today + timedelta(days=warn - deadlines.CONFIRMATION_DAYS)).isoformat()
        rows = q(
            "SELECT a.id AS record_id, a.case_id, c.case_no, a.agreement_no, a.effective_on"
            " FROM agreements a JOIN cases c ON c.id = a.case_id"
            " WHERE a.form = 'written' AND a.voided_on = '' AND a.effective_on != ''"
            f"  AND a.effective_on BETWEEN ? AND ? AND +{IN_FORCE}"
            "  AND NOT EXISTS (SELECT 1 FROM confirmations k WHERE k.agreement_id = a.id)"
            f" ORDER BY a.effective_on, c.case_no{lim}", (first, last))
        for r in rows:
            _, end = deadlines.confirmation_window(r["effective_on"])
            items.append(_item(r, "confirmation_closing", end, today,
                               f"协议{r['agreement_no']}申请司法确认的期限至{end.isoformat()}"
                               f"（{deadlines.countdown_text(end, today)}）"))

    if "case_overdue" in wanted:
        # the month counts from acceptance (a case only registered is not yet being mediated)
        cutoff = deadlines.latest_start_overdue(today).isoformat()
        open_statuses = workflow.OPEN_STATUSES
        marks = ",".join("?" * len(open_statuses))
        rows = q(
            "SELECT c.id AS case_id, c.case_no, a.decided_on AS accepted_on, c.status"
            " FROM cases c JOIN acceptances a ON a.case_id = c.id"
            f" WHERE c.status IN ({marks}) AND a.decision = 'accepted' AND a.decided_on <= ?"
            f" ORDER BY a.decided_on, c.case_no{lim}", (*open_statuses, cutoff))
        for r in rows:
            due = deadlines.one_month_due(r["accepted_on"])
            items.append(_item(r, "case_overdue", due, today,
                               f"{r['accepted_on']}受理，至今已超过一个月仍未办结"
                               f"（{workflow.label(r['status'])}）"))

    if "risk_unreported" in wanted:
        rows = q(
            "SELECT r.id AS record_id, r.case_id, c.case_no, r.kind, r.flagged_on"
            " FROM risk_flags r JOIN cases c ON c.id = r.case_id"
            " WHERE r.reported_on = '' AND c.status != 'archived'"
            f" ORDER BY r.flagged_on, c.case_no{lim}")
        for r in rows:
            due = date.fromisoformat(r["flagged_on"])
            items.append(_item(r, "risk_unreported", due, today,
                               f"{r['flagged_on']}发现“{RISK_KINDS[r['kind']]}”，尚未向公安机关报告"
                               "（《人民调解法》第二十五条）"))
        # A case marked at risk in the register (its risk flag) without any typed risk yet:
        # the mediator still has to say which risk it is and whether the police were told.
        rows = q(
            "SELECT c.id AS case_id, c.case_no, c.received_date, c.risk_note FROM cases c"
            " WHERE c.risk_flag = 1 AND c.status != 'archived' AND NOT EXISTS"
            " (SELECT 1 FROM risk_flags r WHERE r.case_id = c.id)"
            f" ORDER BY c.received_date, c.case_no{lim}")
        for r in rows:
            due = date.fromisoformat(r["received_date"])
            items.append(_item(r, "risk_unreported", due, today,
                               f"登记时标记了激化风险（{r['risk_note']}），尚未登记风险类型"
                               "及向公安机关报告情况（《人民调解法》第二十五条）"))

    if "returned" in wanted:
        rows = q(
            "SELECT r.id AS record_id, r.case_id, c.case_no, r.reviewed_on, r.text"
            " FROM case_reviews r JOIN cases c ON c.id = r.case_id"
            " WHERE r.kind = 'return' AND c.status != 'archived' AND c.updated_at <= r.created_at"
            "  AND NOT EXISTS (SELECT 1 FROM case_reviews l WHERE l.case_id = r.case_id"
            "   AND (l.created_at > r.created_at OR (l.created_at = r.created_at AND l.id > r.id)))"
            f" ORDER BY r.reviewed_on, c.case_no{lim}")
        for r in rows:
            due = date.fromisoformat(r["reviewed_on"])
            items.append(_item(r, "returned", due, today,
                               f"司法所{r['reviewed_on']}退回补正：{r['text']}"))

    items.sort(key=lambda i: (i.due, i.case_no, i.kind))
    return items
