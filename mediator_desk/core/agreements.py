"""Mediation agreements: written (调解协议书, Art. 29) and oral (口头协议, Art. 28/30).

- Each agreement has its own number from a per-committee pattern (setting
  ``agreement_no_pattern``, default ``（{year}）{short}调协字第{n}号``); N counts per committee
  per year and is never reused (a voided agreement keeps its number).
- Terms are numbered (a list); the text is never filled in automatically (subsidy-fraud risk).
- Printing is not signing: ``sign`` records each party's signing date and the committee's
  seal date, ideally with a scan; the written agreement is in force from the last of them
  (Art. 29), which is its ``signed_on`` and effective date. An oral agreement takes effect on the day agreed (Art. 30).
- An agreement in force cannot be edited (ReadOnlyRecord) nor voided: it binds (Arts. 31–33).
  Corrections are a supplementary agreement (``supplement``); non-performance is recorded
  (``record_performance``) and leads to the court or a new mediation (``void_refusal``).
  Only an agreement not yet in force may be voided with a reason (``void``).
- Performance status: not yet due / performed / partly / not performed, with proof attachments.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from mediator_desk.core import deadlines, guards, path_settings, rules, workflow
from mediator_desk.core.validation import check_count, format_fen, parse_amount_fen
from mediator_desk.errors import IllegalStep, NotFound, ReadOnlyRecord, ValidationError

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk

FORMS = {"written": "书面协议", "oral": "口头协议"}
PERFORMANCE = {"not_due": "未到履行期", "performed": "已履行", "partly": "部分履行",
               "not_performed": "未履行"}
# shown for "not_due" once the performance deadline has passed
PERFORMANCE_OVERDUE = "履行期限已过，尚未登记履行情况"
EDITABLE = ("agreed_on", "place", "facts", "terms", "performance_method", "performance_deadline",
            "amount_fen", "copies", "mediators", "recorder")


def format_agreement_no(pattern: str, *, year: int, short: str, n: int) -> str:
    """Fill an agreement number pattern: {year}, {short}, {n}."""
    return pattern.format(year=year, short=short, n=n)


def clean_terms(terms) -> list[str]:
    """Numbered terms as a list of texts (a single text is split on line breaks); leading
    numbers like '1.' or '一、' are removed because the number is the position."""
    if isinstance(terms, str):
        terms = terms.splitlines()
    out = []
    for t in terms or ():
        text = re.sub(r"^\s*(\d+|[一二三四五六七八九十]+)\s*[、.．)）]\s*", "", str(t or "")).strip()
        if text:
            out.append(text)
    return out


def void_refusal(agreement: dict) -> str:
    """Why ``agreement`` (a row or a decorated agreement) cannot be voided, '' if it can.

    An agreement in force binds the parties (Art. 31); a party's non-performance is
    recorded (``record_performance`` 'not_performed'/'partly') and leads to the court
    (judicial confirmation and enforcement, Art. 33, or a lawsuit, Art. 32) or to a new
    mediation whose result is a supplementary agreement (``supplement``) — never to voiding.
    """
    if agreement.get("voided_on"):
        return f"协议{agreement['agreement_no']}已于{agreement['voided_on']}作废"
    if agreement.get("effective_on"):
        return (f"协议{agreement['agreement_no']}已于{agreement['effective_on']}生效，"
                "对当事人具有法律约束力（《人民调解法》第三十一条），不能作废。"
                "当事人不履行或者只部分履行的，请登记履行情况（未履行、部分履行），"
                "并告知当事人：可以依法向人民法院申请司法确认、确认后申请强制执行"
                "（第三十三条），或者就履行、协议内容的争议向人民法院提起诉讼（第三十二条）；"
                "也可以再次调解，达成补充协议（补充协议援引原协议）。")
    return ""


def deadline_date(value, *, start: str | date = "", field: str = "performance_deadline",
                  label: str = "履行期限") -> str:
    """A performance deadline as ISO text: a date, or "within N days/months" ("一个月内",
    "15日内", "三个月内", "半年内") counted from ``start`` (the agreement date, or the signing
    date when known) with the calendar-month arithmetic of core/deadlines (2026-01-31 + 一个月
    = 2026-02-28). '' stays ''."""
    text = value.strip() if isinstance(value, str) else value
    if isinstance(text, str) and text:
        try:
            period = deadlines.parse_within(text)
        except ValueError as exc:
            raise ValidationError(f"{label}：{exc}", field=field) from None
        if period is not None:
            if not start:
                raise ValidationError(f"请先填写达成协议日期，{label}“{text}”从该日起算",
                                      field="agreed_on")
            last = deadlines.within_date(text, start)
            assert last is not None             # (``period`` was found in ``text``)
            return last.isoformat()
    return guards.any_date(text, field=field, label=label, required=False)


class AgreementManager:
    """``desk.agreements``: create, sign, supplement, void, performance."""

    def __init__(self, desk: "Desk"):
        self.desk = desk

    # --- numbering -----------------------------------------------------------------------
    def number_pattern(self, org_id: str = "") -> str:
        """The agreement number pattern in force for a committee."""
        return path_settings.get(self.desk, "agreement_no_pattern", org_id=org_id)

    def set_number_pattern(self, pattern: str, *, org_id: str = "") -> None:
        """Set the agreement number pattern (for one committee, or this install).

        It must contain {year} and {n}; {short} is the committee's short name.
        """
        pattern = (pattern or "").strip()
        if "{year}" not in pattern or "{n}" not in pattern:
            raise ValidationError("协议编号格式须包含 {year}（年度）和 {n}（序号），"
                                  "如“（{year}）{short}调协字第{n}号”", field="pattern")
        try:
            sample = format_agreement_no(pattern, year=2026, short="红旗", n=1)
        except (KeyError, IndexError, ValueError):
            raise ValidationError("协议编号格式只能使用 {year}、{short}、{n}", field="pattern") from None
        if not re.fullmatch(rules.NUMBER, sample):
            # Numbers are written on paper and looked up: the record rules refuse blanks.
            raise ValidationError("协议编号格式不能含空格或半角括号，请用全角括号“（）”",
                                  field="pattern")
        key = f"agreement_no_pattern:{org_id}" if org_id else "agreement_no_pattern"
        with self.desk.transaction():
            self.desk.settings.set(key, pattern)

    def next_number(self, org_id: str, year: int) -> tuple[int, str]:
        """Reserve the next agreement number for a committee and year (inside a transaction)."""
        self.desk.require_transaction()
        org = self.desk.organisations.get(org_id)
        used = self.desk.scalar(
            "SELECT max(a.agreement_seq) FROM agreements a JOIN cases c ON c.id = a.case_id"
            " WHERE c.org_id = ? AND a.agreement_year = ?", (org_id, year)) or 0
        counter = self.desk.scalar(
            "SELECT last_seq FROM agreement_counters WHERE org_id = ? AND year = ?",
            (org_id, year)) or 0
        seq = max(used, counter) + 1
        self.desk.db.conn.execute(
            "INSERT INTO agreement_counters (org_id, year, last_seq) VALUES (?,?,?) ON CONFLICT"
            " (org_id, year) DO UPDATE SET last_seq = excluded.last_seq", (org_id, year, seq))
        return seq, format_agreement_no(self.number_pattern(org_id), year=year,
                                        short=org["short_name"], n=seq)

    # --- cleaning ------------------------------------------------------------------------------
    def _clean(self, values: dict, today: date | None, *, full: bool, start: str = "") -> dict:
        """Checked values; ``start``: the agreement date a "within N days/months" deadline
        counts from when ``values`` do not carry ``agreed_on`` (an update)."""
        guards.check_unknown(values, EDITABLE)
        v = dict(values)
        if "agreed_on" in v:
            v["agreed_on"] = guards.past_date(v["agreed_on"], field="agreed_on",
                                              label="达成协议日期", today=today)
        if "terms" in v or full:
            v["terms"] = clean_terms(v.get("terms"))
            if not v["terms"]:
                raise ValidationError("请逐条填写协议内容（经调解，自愿达成如下协议）", field="terms")
            v["terms"] = guards.dumps(v["terms"])
        if "performance_deadline" in v:
            v["performance_deadline"] = deadline_date(
                v["performance_deadline"], start=v.get("agreed_on") or start)
        if "amount_fen" in v:
            v["amount_fen"] = parse_amount_fen(v["amount_fen"], label="协议金额")
        if "copies" in v:
            if v["copies"] in (None, ""):
                v["copies"] = None  # create() fills in parties + 1; update() leaves it alone
            else:
                v["copies"] = check_count(v["copies"], field="copies", label="协议份数")
                if v["copies"] == 0:
                    raise ValidationError("协议份数至少为1份", field="copies")
        if "mediators" in v:
            v["mediators"] = guards.dumps(guards.names(v["mediators"], field="mediators",
                                                       label="人民调解员"))
        for key, label in (("place", "地点"), ("facts", "纠纷主要事实、争议事项"),
                           ("performance_method", "履行方式"), ("recorder", "记录人")):
            if key in v:
                v[key] = guards.text(v[key], field=key, label=label)
        return v

    def _check_copies(self, case_id: str, copies) -> None:
        """A written agreement is made in at least parties + 1 copies: one for each party and
        one for the committee (Law Art. 29)."""
        if copies in (None, ""):
            return
        parties = len(self.desk.parties.for_case(case_id))
        if int(copies) < parties + 1:
            raise ValidationError(
                f"协议份数不能少于{parties + 1}份：{parties}方当事人和人民调解委员会各持一份"
                f"（《人民调解法》第二十九条），现为{copies}份", field="copies")

    def _check_order(self, case: dict, v: dict) -> None:
        guards.not_before(v["agreed_on"], case["received_date"], field="agreed_on",
                          label="达成协议日期", earlier_label="案件登记日期")
        acc = self.desk.acceptance.get(case["id"])
        if acc and acc["decision"] == "accepted":
            guards.not_before(v["agreed_on"], acc["decided_on"], field="agreed_on",
                              label="达成协议日期", earlier_label="受理日期")
        if v.get("performance_deadline"):
            guards.not_before(v["performance_deadline"], v["agreed_on"],
                              field="performance_deadline", label="履行期限",
                              earlier_label="达成协议日期")
            if v.get("signed_on"):
                guards.not_before(v["performance_deadline"], v["signed_on"],
                                  field="performance_deadline", label="履行期限",
                                  earlier_label="签字日期")

    def _require_changeable(self, row: dict) -> None:
        if row["voided_on"]:
            raise ReadOnlyRecord(f"协议{row['agreement_no']}已作废，不能修改")
        if row["effective_on"]:
            what = "已签字生效" if row["form"] == "written" else "已生效（口头协议自达成之日起生效）"
            raise ReadOnlyRecord(f"协议{row['agreement_no']}{what}，不能修改；"
                                 "如需更正，请订立补充协议")

    # --- writes ------------------------------------------------------------------------------
    def create(self, case_id: str, *, form: str = "written", agreed_on, terms,
               facts: str = "", performance_method: str = "", performance_deadline="",
               amount_fen=0, copies=None, place: str = "", mediators=(), recorder: str = "",
               today: date | None = None) -> str:
        """Record the agreement reached; returns its id.

        ``form`` 'written': status → agreed (effective only when ``sign`` is recorded);
        'oral': effective on ``agreed_on`` (Art. 30), status → agreed → effective.
        ``copies`` defaults to the number of parties + 1 for written agreements (Art. 29).
        ``terms`` are entered by the mediator (a list, or one line per term).
        """
        form = guards.choice(form, FORMS, field="form", label="协议形式")
        v = self._clean(dict(agreed_on=agreed_on, terms=terms, facts=facts,
                             performance_method=performance_method,
                             performance_deadline=performance_deadline, amount_fen=amount_fen,
                             copies=copies, place=place, mediators=mediators,
                             recorder=recorder), today, full=True)
        with self.desk.transaction():
            case = guards.editable_case(self.desk, case_id, "agree")
            self._check_order(case, v)
            if form == "written":
                self._check_copies(case_id, v.get("copies"))
            if v.get("copies") in (None, ""):
                v["copies"] = (len(self.desk.parties.for_case(case_id)) + 1
                               if form == "written" else 0)
            year = int(v["agreed_on"][:4])
            seq, number = self.next_number(case["org_id"], year)
            row = dict(v, case_id=case_id, form=form, agreement_no=number, agreement_year=year,
                       agreement_seq=seq)
            if form == "oral":
                row["effective_on"] = v["agreed_on"]
            rid = self.desk.records.insert("agreements", row, case_id=case_id,
                                           action="agree_written" if form == "written"
                                           else "agree_oral")
            guards.move(self.desk, case_id, "agreed")
            if form == "oral":
                guards.move(self.desk, case_id, "effective")
            return rid

    def update(self, agreement_id: str, *, today: date | None = None,
               based_on: dict | None = None, **values) -> dict:
        """Change an agreement not yet in force; returns {field: (old, new)}.

        Refused (ReadOnlyRecord) once signed/effective or voided. ``based_on``: the agreement
        as the tab loaded it (RecordWriter.update: no silent overwrite of a change made
        meanwhile).
        """
        old = self._row(agreement_id)
        self._require_changeable(old)
        v = self._clean(values, today, full=False, start=old["agreed_on"])
        if v.get("copies", 0) is None:
            del v["copies"]
        with self.desk.transaction():
            case = guards.editable_case(self.desk, old["case_id"])
            merged = dict(old, **v)
            self._check_order(case, merged)
            if "copies" in v and old["form"] == "written":
                self._check_copies(old["case_id"], v["copies"])
            if "agreed_on" in v and int(v["agreed_on"][:4]) != old["agreement_year"]:
                raise ValidationError("达成协议日期不能改到另一年份（协议编号按年度编排）",
                                      field="agreed_on")
            return self.desk.records.update("agreements", agreement_id, v,
                                            case_id=old["case_id"], based_on=based_on)

    def sign(self, agreement_id: str, signed_on=None, *, party_dates: dict | None = None,
             sealed_on=None, scan=None, scan_name: str = "", today: date | None = None) -> str:
        """Record that every party signed (or sealed, or put a fingerprint on) the written
        agreement, the mediator signed and the committee put its seal (Art. 29): the
        agreement is in force from the last of those days, which becomes ``signed_on`` and
        the effective date.

        ``party_dates``: {party_id: date} for every party of the case; a party left out (or
        all of them, without ``party_dates``) signed on ``signed_on``. ``sealed_on``: the day
        of the committee's seal (default ``signed_on``, else the last party's date). The old
        call ``sign(id, day)`` means every party signed and the seal was put on that day.
        ``scan``: path of the signed copy's scan (PDF/image), stored as the attachment
        'signed_agreement' of this agreement. Returns the attachment id ('' without a scan).
        """
        row = self._row(agreement_id)
        if row["form"] != "written":
            raise IllegalStep("口头协议无需签字，自达成之日起生效")
        if row["voided_on"]:
            raise ReadOnlyRecord(f"协议{row['agreement_no']}已作废，不能登记签字")
        if row["signed_on"]:
            raise ReadOnlyRecord(f"协议{row['agreement_no']}已于{row['signed_on']}登记签字")
        dates = self.signing_dates(row, signed_on, party_dates=party_dates,
                                   sealed_on=sealed_on, today=today)
        self.desk.cases.require_editable(row["case_id"])
        prepared = self.desk.attachments.prepare(scan, file_name=scan_name) \
            if scan is not None else None
        try:
            return self._sign(row, dates, prepared)
        finally:
            if prepared is not None:
                self.desk.attachments.discard(prepared)

    def signing_dates(self, row: dict, signed_on=None, *, party_dates: dict | None = None,
                      sealed_on=None, today: date | None = None) -> dict:
        """The checked dates of a signing: {'signatures': [{party_id, name, signed_on}],
        'sealed_on', 'effective_on' (the last of them)}; refuses naming the party."""
        agreed = row["agreed_on"]
        common = ""
        if signed_on not in (None, ""):
            common = guards.past_date(signed_on, field="signed_on", label="签字日期", today=today)
            guards.not_before(common, agreed, field="signed_on", label="签字日期",
                              earlier_label="达成协议日期")
        parties = self.desk.parties.for_case(row["case_id"])
        if not parties:
            raise ValidationError("该案件没有当事人，无法登记签字", field="party_dates")
        given = dict(party_dates or {})
        known = {p["id"] for p in parties}
        stray = [k for k in given if k not in known]
        if stray:
            raise ValidationError("签字日期中有不属于本案的当事人", field="party_dates")
        signatures = []
        for p in parties:
            value = given.get(p["id"])
            label = f"当事人{p['name']}的签字日期"
            if value in (None, ""):
                if not common:
                    raise ValidationError(f"请填写{label}（各方当事人签名、盖章或者按指印之日）",
                                          field="party_dates")
                day_ = common
            else:
                day_ = guards.past_date(value, field="party_dates", label=label, today=today)
                guards.not_before(day_, agreed, field="party_dates", label=label,
                                  earlier_label="达成协议日期")
            signatures.append({"party_id": p["id"], "name": p["name"], "signed_on": day_})
        if sealed_on not in (None, ""):
            seal = guards.past_date(sealed_on, field="sealed_on",
                                    label="人民调解委员会盖章日期", today=today)
            guards.not_before(seal, agreed, field="sealed_on", label="人民调解委员会盖章日期",
                              earlier_label="达成协议日期")
        else:
            seal = common or max(s["signed_on"] for s in signatures)
        last = max([seal] + [s["signed_on"] for s in signatures])
        deadline = row["performance_deadline"]
        if deadline and deadline < last:
            late = [sg for sg in signatures if sg["signed_on"] == last]
            who = ("当事人" + "、".join(sg["name"] for sg in late) + "签字") if late \
                else "人民调解委员会盖章"
            if any(given.get(sg["party_id"]) not in (None, "") for sg in late):
                field = "party_dates"
            else:
                field = "signed_on" if late else "sealed_on"
            raise ValidationError(
                f"协议自最后一方签字或盖章之日（{last}，{who}）起生效，不能晚于履行期限"
                f"（{deadline}）：履行期限不能早于签字日期和生效日期。请先修改协议的履行期限，"
                "再登记签字", field=field)
        return {"signatures": signatures, "sealed_on": seal, "effective_on": last}

    def _sign(self, row: dict, dates: dict, prepared) -> str:
        agreement_id = row["id"]
        day = dates["effective_on"]
        with self.desk.transaction():
            case = guards.editable_case(self.desk, row["case_id"])
            principal = row["supplements_id"] is None
            if principal:
                workflow.check_transition(case["status"], "effective")
            self.desk.records.update("agreements", agreement_id,
                                     {"signed_on": day, "effective_on": day,
                                      "party_signatures": guards.dumps(dates["signatures"]),
                                      "sealed_on": dates["sealed_on"]},
                                     case_id=row["case_id"], action="sign")
            attachment_id = ""
            if prepared is not None:
                attachment_id = self.desk.attachments.store(
                    row["case_id"], prepared, item="signed_agreement",
                    record_table="agreements", record_id=agreement_id, added_on=day)
            if principal:
                guards.move(self.desk, row["case_id"], "effective")
            return attachment_id

    def supplement(self, agreement_id: str, *, agreed_on, terms, facts: str = "",
                   performance_method: str = "", performance_deadline="", amount_fen=0,
                   copies=None, place: str = "", mediators=(), recorder: str = "",
                   today: date | None = None) -> str:
        """A supplementary written agreement correcting one in force; it gets its own number
        and must be signed (``sign``) itself. Returns its id."""
        original = self._row(agreement_id)
        if original["voided_on"]:
            raise IllegalStep("已作废的协议不能订立补充协议")
        if not original["effective_on"]:
            raise IllegalStep("协议尚未生效，可直接修改，无需补充协议")
        v = self._clean(dict(agreed_on=agreed_on, terms=terms, facts=facts,
                             performance_method=performance_method,
                             performance_deadline=performance_deadline, amount_fen=amount_fen,
                             copies=copies, place=place, mediators=mediators,
                             recorder=recorder), today, full=True)
        guards.not_before(v["agreed_on"], original["effective_on"], field="agreed_on",
                          label="补充协议日期", earlier_label="原协议生效日期")
        with self.desk.transaction():
            case = guards.editable_case(self.desk, original["case_id"], "supplement")
            self._check_order(case, v)
            self._check_copies(case["id"], v.get("copies"))
            if v.get("copies") in (None, ""):
                v["copies"] = len(self.desk.parties.for_case(case["id"])) + 1
            year = int(v["agreed_on"][:4])
            seq, number = self.next_number(case["org_id"], year)
            return self.desk.records.insert("agreements", dict(
                v, case_id=case["id"], form="written", agreement_no=number, agreement_year=year,
                agreement_seq=seq, supplements_id=agreement_id), case_id=case["id"],
                action="supplement")

    def void(self, agreement_id: str, *, reason: str, voided_on, today: date | None = None
             ) -> None:
        """Void an agreement not yet in force with a reason (it keeps its number). Voiding
        the case's main agreement sends the case back to mediation (to mediate again, or end
        it). An agreement in force binds (Arts. 31–33) and is never voided: see
        :func:`void_refusal`."""
        row = self._row(agreement_id)
        if row["voided_on"]:
            raise ReadOnlyRecord(f"协议{row['agreement_no']}已于{row['voided_on']}作废")
        reason = guards.text(reason, field="reason", label="作废理由", required=True)
        day = guards.past_date(voided_on, field="voided_on", label="作废日期", today=today)
        guards.not_before(day, row["agreed_on"], field="voided_on", label="作废日期",
                          earlier_label="达成协议日期")
        with self.desk.transaction():
            case = guards.editable_case(self.desk, row["case_id"])
            refusal = void_refusal(row)
            if refusal:
                raise IllegalStep(refusal)
            if row["supplements_id"] is None:
                workflow.check_transition(case["status"], "mediating")
            self.desk.records.update("agreements", agreement_id,
                                     {"voided_on": day, "void_reason": reason},
                                     case_id=row["case_id"], action="void")
            if row["supplements_id"] is None:
                guards.move(self.desk, row["case_id"], "mediating")

    def record_performance(self, agreement_id: str, *, status: str, checked_on,
                           note: str = "", proof=None, proof_name: str = "",
                           today: date | None = None) -> str:
        """Record the performance status (PERFORMANCE) as checked on a day, optionally with a
        proof (receipt, transfer slip) stored as attachment 'performance'.

        'performed' on the main agreement moves the case to ``performed``; a later other
        status moves it back to ``effective``. Returns the proof attachment id ('' if none).
        """
        status = guards.choice(status, PERFORMANCE, field="status", label="履行情况")
        note = guards.text(note, field="note", label="履行情况说明")
        row = self._row(agreement_id)
        if row["voided_on"]:
            raise ReadOnlyRecord(f"协议{row['agreement_no']}已作废")
        day = guards.past_date(checked_on, field="checked_on", label="核实日期", today=today)
        self.desk.cases.require_editable(row["case_id"])
        prepared = self.desk.attachments.prepare(proof, file_name=proof_name) \
            if proof is not None else None
        try:
            return self._record_performance(row, status, day, note, prepared)
        finally:
            if prepared is not None:
                self.desk.attachments.discard(prepared)

    def _record_performance(self, row: dict, status: str, day: str, note: str,
                            prepared) -> str:
        agreement_id = row["id"]
        with self.desk.transaction():
            case = guards.editable_case(self.desk, row["case_id"], "performance")
            if not row["effective_on"]:
                raise IllegalStep("协议尚未生效，不能登记履行情况")
            guards.not_before(day, row["effective_on"], field="checked_on", label="核实日期",
                              earlier_label="协议生效日期")
            self._set_performance(case, row, status, day, note)
            if prepared is not None:
                return self.desk.attachments.store(
                    row["case_id"], prepared, item="performance", record_table="agreements",
                    record_id=agreement_id, added_on=day)
            return ""

    def _set_performance(self, case: dict, row: dict, status: str, day: str, note: str) -> None:
        """Write the performance fields and keep the case status in step (in a transaction)."""
        values = {"performance_status": status, "performance_checked_on": day}
        if note:
            values["performance_note"] = note
        self.desk.records.update("agreements", row["id"], values, case_id=row["case_id"],
                                 action="performance")
        if row["supplements_id"] is None:
            if status == "performed" and case["status"] == "effective":
                guards.move(self.desk, row["case_id"], "performed")
            elif status != "performed" and case["status"] == "performed":
                guards.move(self.desk, row["case_id"], "effective")

    def plan_followup(self, agreement_id: str, due_on) -> dict:
        """Set the day the follow-up visit is planned (overrides the default N days after the
        performance deadline); '' returns to the default."""
        row = self._row(agreement_id)
        day = guards.any_date(due_on, field="due_on", label="计划回访日期", required=False)
        if day:
            guards.not_before(day, row["agreed_on"], field="due_on", label="计划回访日期",
                              earlier_label="达成协议日期")
        with self.desk.transaction():
            guards.editable_case(self.desk, row["case_id"])
            return self.desk.records.update("agreements", agreement_id, {"followup_due": day},
                                            case_id=row["case_id"], action="plan_followup")

    # --- reads ---------------------------------------------------------------------------------
    def _row(self, agreement_id: str) -> dict:
        row = self.desk.query_one("SELECT * FROM agreements WHERE id = ?", (agreement_id,))
        if row is None:
            raise NotFound("找不到该调解协议")
        return row

    def get(self, agreement_id: str, *, today: date | None = None) -> dict:
        """One agreement, decoded, with labels, state, confirmation window and follow-up plan."""
        return self._decorate(self._row(agreement_id), today)

    def for_case(self, case_id: str, *, today: date | None = None) -> list[dict]:
        """The agreements of a case (main ones and supplements), in order of agreement."""
        rows = self.desk.query("SELECT * FROM agreements WHERE case_id = ?"
                               " ORDER BY agreed_on, agreement_seq", (case_id,))
        return [self._decorate(r, today) for r in rows]

    def current(self, case_id: str) -> dict | None:
        """The case's main agreement that is not voided (None if there is none)."""
        row = self.desk.query_one(
            "SELECT * FROM agreements WHERE case_id = ? AND voided_on = '' AND supplements_id"
            " IS NULL ORDER BY agreed_on DESC LIMIT 1", (case_id,))
        return self._decorate(row, None) if row else None

    def _decorate(self, row: dict, today: date | None) -> dict:
        from mediator_desk.core.clock import today as _today
        today = today or _today()
        row["terms"] = guards.loads(row["terms"])
        row["mediators"] = guards.loads(row["mediators"])
        row["party_signatures"] = guards.loads(row.get("party_signatures") or "[]")
        row["form_label"] = FORMS[row["form"]]
        row["performance_label"] = PERFORMANCE[row["performance_status"]]
        # "not due" stops being true on the day after the deadline
        row["performance_overdue"] = (
            row["performance_status"] == "not_due" and bool(row["performance_deadline"])
            and row["performance_deadline"] < today.isoformat())
        if row["performance_overdue"]:
            row["performance_label"] = PERFORMANCE_OVERDUE
        row["amount_text"] = format_fen(row["amount_fen"])
        row["is_supplement"] = row["supplements_id"] is not None
        if row["voided_on"]:
            state, state_label = "void", "已作废"
        elif row["effective_on"]:
            state, state_label = "in_force", "已生效"
        else:
            state, state_label = "awaiting_signature", "待签字"
        row["state"], row["state_label"] = state, state_label
        row["confirmation_window"] = None
        if state == "in_force" and row["form"] == "written":
            start, end = deadlines.confirmation_window(row["effective_on"])
            row["confirmation_window"] = {
                "start": start.isoformat(), "end": end.isoformat(),
                "days_left": deadlines.days_left(end, today),
                "text": deadlines.countdown_text(end, today)}
        due = None
        if state == "in_force":
            due = deadlines.followup_due(
                performance_deadline=row["performance_deadline"],
                effective_on=row["effective_on"], override=row["followup_due"],
                days=int(path_settings.get(self.desk, "followup_days")))
        row["followup_planned"] = due.isoformat() if due else ""
        return row
