"""The case file (卷宗, "one case, one file") and archiving (立卷).

``contents`` computes the 13-item table of contents of the case file (docs/documents.md) from the case's data:
for each item whether it is required, needed only as the case requires (as needed), or not
applicable to this case, and whether it is present (a record in the database the documents
layer prints from, or an attached scan). ``archive`` records who, when and the retention
period and makes the case read-only; it is refused while a required item is missing, a
judicial confirmation awaits the court's result or the agreement's performance is still open
(``archive_refusal`` says why, for the GUI too).
``view`` gathers everything about a case for the CLI, the GUI and the documents layer into
one :class:`CaseView`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from datetime import date
from typing import TYPE_CHECKING

from mediator_desk.core import clock, guards, path_settings, workflow
from mediator_desk.core.outcomes import Outcome
from mediator_desk.core.workflow import NextStep
from mediator_desk.errors import IllegalStep, ValidationError

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk

REQUIRED, AS_NEEDED, NOT_APPLICABLE = "required", "as_needed", "not_applicable"
NEED_LABELS = {REQUIRED: "必备", AS_NEEDED: "视情况", NOT_APPLICABLE: "不适用"}

# (number, key, title, base need) in the MoJ order.
ITEMS = [
    (1, "application", "人民调解申请书或人民调解受理登记表", REQUIRED),
    (2, "notice", "人民调解当事人权利义务告知书", REQUIRED),
    (3, "identity", "当事人身份证明", REQUIRED),
    (4, "power_of_attorney", "授权委托书", AS_NEEDED),
    (5, "investigation", "人民调解调查记录", AS_NEEDED),
    (6, "evidence", "人民调解证据材料", AS_NEEDED),
    (7, "mediation_record", "人民调解记录", REQUIRED),
    (8, "agreement", "人民调解协议书或口头协议登记表", REQUIRED),
    (9, "performance", "收条、汇款单等履行凭证", AS_NEEDED),
    (10, "followup", "人民调解回访记录", AS_NEEDED),
    (11, "confirmation", "司法确认有关材料", AS_NEEDED),
    (12, "file_note", "卷宗情况说明", AS_NEEDED),
    (13, "back_cover", "封底", REQUIRED),
]

# Item 1 of a refused case: the registration form printing the refusal decision.
REFUSAL_TITLE = "人民调解受理登记表（不予受理决定）"


@dataclass(frozen=True, slots=True)
class ContentsItem:
    """One of the 13 items of the case file (``contents``): whether the case needs it
    (``need``: REQUIRED, AS_NEEDED or NOT_APPLICABLE, with its label), whether it is present
    and from what (``records`` the documents layer prints, ``attachments`` scanned,
    ``source`` "record", "attachment" or ""), ``missing`` when required and not present.
    Item 1 of a refused case is titled as the refusal decision (``REFUSAL_TITLE``) and
    carries the decision on record (``refusal``; None when there is none)."""

    no: int
    key: str
    title: str
    need: str
    need_label: str
    present: bool
    missing: bool
    records: int
    attachments: int
    source: str
    refusal: dict | None = None

    def as_dict(self) -> dict:
        """The item as a plain dict (JSON); ``refusal`` only on item 1 of a refused case."""
        out = asdict(self)
        if self.title != REFUSAL_TITLE:
            del out["refusal"]
        return out


@dataclass(frozen=True, slots=True)
class AgreementView:
    """One agreement of a :class:`CaseView`: its row (as ``desk.agreements.for_case``
    decorates it: terms, labels, state, confirmation window, follow-up plan) with its
    follow-up visits, its judicial confirmation (or None) and its attachments."""

    row: dict
    followups: list[dict]
    confirmation: dict | None
    attachments: list[dict]

    def as_dict(self) -> dict:
        """The row with ``followups``, ``confirmation`` and ``attachments`` added (JSON)."""
        return dict(self.row, followups=self.followups, confirmation=self.confirmation,
                    attachments=self.attachments)


@dataclass(frozen=True, slots=True)
class CaseView:
    """Everything about one case (``desk.dossier.view``): the case's own columns, typed, with
    their labels, parties and mediators; then the mediation path section by section. Rows of
    the path's own tables (an investigation, a follow-up visit, …) stay mappings as the
    managers return them (docs/architecture.md, "Read models")."""

    # the cases row (every column: a column added by a migration is added here too)
    id: str
    site_id: str
    rev: int
    created_at: str
    updated_at: str
    org_id: str
    case_no: str
    case_year: int
    case_seq: int
    received_date: str
    source: str
    referral_note: str
    dispute_type: str
    summary: str
    claims: str
    place: str
    people_involved: int
    amount_fen: int
    risk_flag: int
    risk_note: str
    status: str
    created_by: str
    # labels and the people of the case (desk.cases.get)
    status_label: str
    dispute_type_label: str
    source_label: str
    org_name: str
    parties: list[dict]
    mediators: list[dict]
    # the mediation path
    acceptance: dict | None
    investigations: list[dict]
    mediations: list[dict]
    outcome: Outcome
    closure: dict | None
    risks: list[dict]
    agreements: list[AgreementView]
    followups: list[dict]
    confirmations: list[dict]
    attachments: list[dict]
    missing_files: list[dict]
    contents: list[ContentsItem]
    archive: dict | None
    archive_refusal: str
    history: list[dict]
    next_step: NextStep

    def as_dict(self) -> dict:
        """The view as one plain dict: the case's fields and every section by name, each
        agreement with its follow-ups, confirmation and attachments (``case show --json``)."""
        out = {f.name: getattr(self, f.name) for f in fields(self)}
        out["agreements"] = [a.as_dict() for a in self.agreements]
        out["outcome"] = asdict(self.outcome)
        out["contents"] = [c.as_dict() for c in self.contents]
        out["next_step"] = {"text": self.next_step.text, "place": self.next_step.place}
        return out


class DossierManager:
    """``desk.dossier``: table of contents, archiving, and the full view of a case."""

    def __init__(self, desk: "Desk"):
        self.desk = desk

    def retention_choices(self) -> list[str]:
        """The retention periods offered when archiving (setting ``retention_choices``)."""
        return list(path_settings.get(self.desk, "retention_choices"))

    # --- table of contents ---------------------------------------------------------------
    def contents(self, case_id: str) -> list[ContentsItem]:
        """The 13 items of the case file, in order (see :class:`ContentsItem`)."""
        d = self.desk
        case = d.cases.get_row(case_id)
        acc = d.acceptance.get(case_id)
        refused = bool(acc and acc["decision"] == "refused") or case["status"] == "refused"
        # A refused case files its refusal (Art. 17/18): the decision with its reason, printed
        # on the 受理登记表; without it on record the item is missing and archiving refused.
        refusal = None
        if acc and acc["decision"] == "refused" and acc["refusal_reason"]:
            refusal = {"decided_on": acc["decided_on"], "reason": acc["refusal_reason"],
                       "reason_label": acc["refusal_reason_label"], "note": acc["refusal_note"],
                       "decided_by": acc["decided_by"]}
        closure = d.outcomes.closure(case_id)
        att = {r["item"]: r["n"] for r in d.query(
            "SELECT item, count(*) AS n FROM attachments WHERE case_id = ? GROUP BY item",
            (case_id,))}
        count = lambda sql: d.scalar(sql, (case_id,)) or 0  # noqa: E731
        agreements = count("SELECT count(*) FROM agreements WHERE case_id = ? AND voided_on = ''")
        in_force = count("SELECT count(*) FROM agreements WHERE case_id = ? AND voided_on = ''"
                         " AND effective_on != ''")
        has_agent = count("SELECT count(*) FROM parties WHERE case_id = ? AND agent_name != ''")
        archive = self.get_archive(case_id)
        records = {
            "application": (1 if refusal else 0) if refused else (1 if acc else 0),
            "notice": 1 if (acc and acc["rights_notice_given"]) or count(
                "SELECT count(*) FROM mediation_sessions WHERE case_id = ?"
                " AND rights_notice_given = 1") else 0,
            "identity": 0,
            "power_of_attorney": 0,
            "investigation": count("SELECT count(*) FROM investigations WHERE case_id = ?"),
            "evidence": 0,
            "mediation_record": count("SELECT count(*) FROM mediation_sessions WHERE case_id = ?"),
            "agreement": agreements,
            "performance": 0,
            "followup": count("SELECT count(*) FROM followups WHERE case_id = ?"),
            "confirmation": count("SELECT count(*) FROM confirmations WHERE case_id = ?"),
            "file_note": 1 if archive and archive["file_note"] else 0,
            "back_cover": 1,  # printed from the case data at any time
        }
        attach_key = {"agreement": "signed_agreement", "back_cover": ""}
        # Which items this case needs beyond the base rule.
        needs = {}
        if refused:
            needs = {k: NOT_APPLICABLE for _, k, _, _ in ITEMS
                     if k not in ("application", "back_cover", "file_note")}
        else:
            if has_agent:
                needs["power_of_attorney"] = REQUIRED
            if closure or not agreements:
                # No agreement: ended or withdrawn cases file the mediation record instead.
                needs["agreement"] = NOT_APPLICABLE
            if closure and closure["kind"] == "withdrawn" and not records["mediation_record"]:
                needs["mediation_record"] = NOT_APPLICABLE
            if not in_force:
                for k in ("performance", "followup", "confirmation"):
                    needs[k] = NOT_APPLICABLE if not records.get(k) else AS_NEEDED
        out = []
        for no, key, title, base in ITEMS:
            need = needs.get(key, base)
            n_rec = records.get(key, 0)
            n_att = att.get(attach_key.get(key, key), 0) if attach_key.get(key, key) else 0
            present = bool(n_rec or n_att)
            source = "record" if n_rec else ("attachment" if n_att else "")
            item = ContentsItem(no=no, key=key, title=title, need=need,
                                need_label=NEED_LABELS[need], present=present,
                                missing=need == REQUIRED and not present,
                                records=n_rec, attachments=n_att, source=source)
            if key == "application" and refused:
                # only the recorded decision with its reason counts (a scan is no decision)
                item = replace(item, title=REFUSAL_TITLE, present=bool(refusal),
                               missing=not refusal, refusal=refusal,
                               source="record" if refusal else "")
            out.append(item)
        return out

    def missing(self, case_id: str) -> list[str]:
        """Titles of the required items that are missing."""
        return [i.title for i in self.contents(case_id) if i.missing]

    # --- archiving ---------------------------------------------------------------------------
    def archive(self, case_id: str, *, archived_on, retention: str, archived_by: str = "",
                volume_title: str = "", file_note: str = "", note: str = "",
                today: date | None = None) -> str:
        """File the case (立卷): who, when, retention; the case becomes read-only.

        Refused while the case is open, a required item of the file is missing (the
        message lists them), or the case still has business that archiving would cut off
        (see ``archive_refusal``: a confirmation awaiting the court, performance still open).
        Returns the archive record id.
        """
        retention = (retention or "").strip()
        if retention not in self.retention_choices():
            raise ValidationError(f"保管期限应为：{'、'.join(self.retention_choices())}",
                                  field="retention")
        day = guards.past_date(archived_on, field="archived_on", label="立卷日期", today=today)
        by = guards.text(archived_by or self.desk.user, field="archived_by", label="立卷人",
                         required=True)
        with self.desk.transaction():
            case = guards.editable_case(self.desk, case_id)
            workflow.check_transition(case["status"], "archived")
            latest = self._latest_date(case_id)
            guards.not_before(day, latest, field="archived_on", label="立卷日期",
                              earlier_label="案件最后一项记录的日期")
            missing = self.missing(case_id)
            if missing:
                raise IllegalStep("卷宗缺少必备材料，不能立卷：" + "、".join(missing),
                                  hint="请补充记录或添加扫描件后再立卷")
            pending = self._pending_business(case_id, day)
            if pending:
                raise IllegalStep(pending)
            rid = self.desk.records.insert("archives", {
                "case_id": case_id, "archived_on": day, "archived_by": by,
                "retention": retention,
                "volume_title": guards.text(volume_title, field="volume_title", label="卷名"),
                "file_note": guards.text(file_note, field="file_note", label="卷宗情况说明"),
                "note": guards.text(note, field="note", label="备注")},
                case_id=case_id, action="archive")
            guards.move(self.desk, case_id, "archived")
            return rid

    def archive_refusal(self, case_id: str, *, on: date | str | None = None) -> str:
        """Why the case cannot be archived on day ``on`` (default today), in Chinese; '' if
        it can. Checks, in order, the status (workflow), the required items of the file and
        the pending business of ``_pending_business``. Does not check the archiving date
        against the case's last step (the date is chosen in the archiving dialog)."""
        from mediator_desk.core.clock import today as _today
        day = (on.isoformat() if isinstance(on, date) else on) or _today().isoformat()
        case = self.desk.cases.get_row(case_id)
        try:
            workflow.check_transition(case["status"], "archived")
        except IllegalStep as exc:
            return exc.message
        missing = self.missing(case_id)
        if missing:
            return "卷宗缺少必备材料，不能立卷：" + "、".join(missing)
        return self._pending_business(case_id, day)

    def _pending_business(self, case_id: str, day: str) -> str:
        """The reason archiving on ``day`` would cut off business still open, or ''.

        An archived case is read-only, so nothing could be recorded afterwards. Open are:

        * a judicial confirmation application with no result yet (result 'pending'), on any
          agreement of the case: the court's decision must be recorded first;
        * the performance of the current (main, not voided) agreement in force, unless it is
          settled. Settled means: recorded as performed; or recorded as partly / not
          performed and the performance deadline (if any) lies before ``day`` — the failure
          is then final and the parties are referred to the court. 'Not yet due' (never
          checked) is open whatever the deadline: the outcome must be checked and recorded.

        Cases without an agreement in force (ended, withdrawn, refused) have no such business.
        """
        pending = self.desk.query_one(
            "SELECT c.applied_on, c.court, a.agreement_no FROM confirmations c"
            " JOIN agreements a ON a.id = c.agreement_id"
            " WHERE c.case_id = ? AND c.result = 'pending' ORDER BY c.applied_on LIMIT 1",
            (case_id,))
        if pending:
            return (f"协议{pending['agreement_no']}已于{pending['applied_on']}向"
                    f"{pending['court']}申请司法确认，尚未登记法院裁定结果；"
                    "请先登记确认结果再立卷")
        case = self.desk.cases.get_row(case_id)
        if case["status"] not in workflow.IN_FORCE_STATUSES:
            return ""
        current = self.desk.agreements.current(case_id)
        if current is None or not current["effective_on"]:
            return ""
        status, deadline = current["performance_status"], current["performance_deadline"]
        if status == "performed":
            return ""
        if status == "not_due":
            return (f"协议{current['agreement_no']}的履行情况尚未核实登记；"
                    "请先在履行情况中登记已履行、部分履行或未履行，再立卷")
        if deadline and deadline >= day:
            return (f"协议{current['agreement_no']}{current['performance_label']}，"
                    f"履行期限（{deadline}）尚未届满，仍需跟踪履行和回访；期限届满后再立卷")
        return ""

    def _latest_date(self, case_id: str) -> str:
        """The latest day any step of the case happened (archiving may not precede it)."""
        return self.desk.scalar(
            "SELECT max(d) FROM ("
            " SELECT received_date AS d FROM cases WHERE id = :c"
            " UNION ALL SELECT decided_on FROM acceptances WHERE case_id = :c"
            " UNION ALL SELECT held_on FROM investigations WHERE case_id = :c"
            " UNION ALL SELECT held_on FROM mediation_sessions WHERE case_id = :c"
            " UNION ALL SELECT closed_on FROM closures WHERE case_id = :c"
            " UNION ALL SELECT max(agreed_on, signed_on, voided_on, performance_checked_on)"
            "   FROM agreements WHERE case_id = :c"
            " UNION ALL SELECT visited_on FROM followups WHERE case_id = :c"
            " UNION ALL SELECT max(applied_on, result_on) FROM confirmations WHERE case_id = :c)",
            {"c": case_id}) or ""

    def get_archive(self, case_id: str) -> dict | None:
        """The archive record (立卷) of a case, or None."""
        return self.desk.query_one("SELECT * FROM archives WHERE case_id = ?", (case_id,))

    # --- everything about a case -------------------------------------------------------------------
    def view(self, case_id: str, *, mask: bool = True, today: date | None = None) -> CaseView:
        """The case (as desk.cases.get) plus the whole mediation path: acceptance,
        investigations, mediations, outcome, risks, agreements (each with its follow-ups,
        confirmation and attachments), attachments, missing_files, contents, archive,
        history (audit trail) and the next step."""
        d = self.desk
        case = d.cases.get(case_id, mask=mask)
        agreements = d.agreements.for_case(case_id, today=today)
        confirmations = {c["agreement_id"]: c for c in d.confirmations.for_case(case_id)}
        followups = d.followups.for_case(case_id)
        mediations = d.sessions.mediations(case_id)
        attachments = d.attachments.for_case(case_id)
        return CaseView(
            **case,
            acceptance=d.acceptance.get(case_id),
            investigations=d.sessions.investigations(case_id),
            mediations=mediations,
            outcome=d.outcomes.get(case_id),
            closure=d.outcomes.closure(case_id),
            risks=d.outcomes.risks(case_id),
            agreements=[AgreementView(
                row=a, followups=[f for f in followups if f["agreement_id"] == a["id"]],
                confirmation=confirmations.get(a["id"]),
                attachments=d.attachments.for_record(a["id"])) for a in agreements],
            followups=followups,
            confirmations=list(confirmations.values()),
            attachments=attachments,
            missing_files=[a for a in attachments if not a["exists"]],
            contents=self.contents(case_id),
            archive=self.get_archive(case_id),
            archive_refusal=("" if case["status"] == "archived"
                             else self.archive_refusal(case_id, on=today)),
            history=d.audit.for_case(case_id),
            next_step=workflow.next_step(
                case["status"], agreements, mediated=bool(mediations),
                visited=bool(followups), today=(today or clock.today()).isoformat()))
