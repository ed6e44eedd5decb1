"""Investigation records (调查记录) and mediation records (调解记录), several per case, in order.

Fields follow the standard investigation and mediation records (docs/documents.md). Dates: no record before the case was received, none in the future.
Recording the first investigation or mediation moves an accepted case to ``mediating``.
Lists (investigators, mediators, parties present, invited participants) are stored as JSON
lists of names as written on the record; question/answer pairs as a JSON list of
``{"q": …, "a": …}`` in order. Read methods return them decoded.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from mediator_desk.core import guards
from mediator_desk.errors import NotFound, ValidationError

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk

RESULTS = {"continue": "继续调解", "agreed": "达成协议", "failed": "调解不成"}

INVESTIGATION_FIELDS = ("held_on", "start_time", "end_time", "place", "subject", "participants",
                        "investigators", "recorder", "qa", "note")
MEDIATION_FIELDS = ("held_on", "start_time", "end_time", "place", "matter", "mediators",
                    "parties_present", "participants", "recorder", "rights_notice_given",
                    "statements", "findings", "risk_warning", "result", "result_note",
                    "routes_explained")
_JSON = ("investigators", "qa", "mediators", "parties_present", "participants")


def clean_qa(pairs) -> list[dict]:
    """Ordered question/answer pairs: a list of {"q","a"} dicts or (q, a) tuples."""
    out = []
    for i, pair in enumerate(pairs or (), 1):
        if isinstance(pair, dict):
            q, a = pair.get("q", ""), pair.get("a", "")
        else:
            try:
                q, a = pair
            except (TypeError, ValueError):
                raise ValidationError(f"第{i}个问答格式不正确", field="qa") from None
        q, a = (q or "").strip(), (a or "").strip()
        if not q and not a:
            continue
        if not q:
            raise ValidationError(f"第{i}个问答缺少问题", field="qa")
        out.append({"q": q, "a": a})
    return out


class SessionManager:
    """``desk.sessions``: investigation and mediation records of a case."""

    def __init__(self, desk: "Desk"):
        self.desk = desk

    # --- cleaning ------------------------------------------------------------------------
    def _common(self, v: dict, today: date | None) -> dict:
        if "held_on" in v:
            v["held_on"] = guards.past_date(v["held_on"], field="held_on", label="时间（日期）",
                                            today=today)
        for key, label in (("start_time", "开始时间"), ("end_time", "结束时间")):
            if key in v:
                v[key] = guards.clock_time(v[key], field=key, label=label)
        if v.get("start_time") and v.get("end_time") and v["end_time"] < v["start_time"]:
            raise ValidationError("结束时间不能早于开始时间", field="end_time")
        for key, label in (("place", "地点"), ("recorder", "记录人"), ("note", "备注")):
            if key in v:
                v[key] = guards.text(v[key], field=key, label=label)
        return v

    def _clean_investigation(self, values: dict, today: date | None, *, full: bool) -> dict:
        guards.check_unknown(values, INVESTIGATION_FIELDS)
        v = self._common(dict(values), today)
        if "subject" in v or full:
            v["subject"] = guards.text(v.get("subject"), field="subject", label="被调查人",
                                       required=True)
        if "participants" in v:
            v["participants"] = guards.dumps(guards.names(v["participants"], field="participants",
                                                          label="参加人"))
        if "investigators" in v:
            v["investigators"] = guards.dumps(guards.names(v["investigators"],
                                                           field="investigators", label="调查人"))
        if "qa" in v or full:
            qa = clean_qa(v.get("qa"))
            if full and not qa:
                raise ValidationError("请至少记录一组问答（问：/答：）", field="qa")
            v["qa"] = guards.dumps(qa)
        return v

    def _clean_mediation(self, values: dict, today: date | None, *, full: bool) -> dict:
        guards.check_unknown(values, MEDIATION_FIELDS)
        v = self._common(dict(values), today)
        if "matter" in v:
            v["matter"] = guards.text(v["matter"], field="matter", label="事由")
        if "mediators" in v or full:
            v["mediators"] = guards.dumps(guards.names(v.get("mediators"), field="mediators",
                                                       label="人民调解员", required=True))
        if "parties_present" in v or full:
            v["parties_present"] = guards.dumps(guards.names(
                v.get("parties_present"), field="parties_present", label="到场当事人",
                required=True))
        if "participants" in v:
            v["participants"] = guards.dumps(guards.names(v["participants"], field="participants",
                                                          label="参加人"))
        if "rights_notice_given" in v:
            v["rights_notice_given"] = 1 if v["rights_notice_given"] else 0
        for key, label in (("statements", "当事人陈述"), ("findings", "查明事实"),
                           ("risk_warning", "风险提示"), ("result_note", "调解结果"),
                           ("routes_explained", "告知的其他救济途径")):
            if key in v:
                v[key] = guards.text(v[key], field=key, label=label)
        if "result" in v or full:
            v["result"] = guards.choice(v.get("result") or "continue", RESULTS, field="result",
                                        label="调解结果")
        return v

    def _check_mediation_result(self, row: dict) -> None:
        if row.get("result") == "failed":
            if not row.get("result_note"):
                raise ValidationError("调解不成的，请写明原因", field="result_note")
            if not row.get("routes_explained"):
                raise ValidationError("调解不成的，请记录已告知当事人的其他途径（诉讼、仲裁、行政等）",
                                      field="routes_explained")

    def _check_dates(self, case: dict, held_on: str) -> None:
        guards.not_before(held_on, case["received_date"], field="held_on", label="记录日期",
                          earlier_label="案件受理登记日期")
        acc = self.desk.acceptance.get(case["id"])
        if acc and acc["decision"] == "accepted":
            guards.not_before(held_on, acc["decided_on"], field="held_on", label="记录日期",
                              earlier_label="受理日期")

    # --- investigation records -------------------------------------------------------------
    def add_investigation(self, case_id: str, *, held_on, subject: str, qa=(), place: str = "",
                          start_time: str = "", end_time: str = "", participants=(),
                          investigators=(), recorder: str = "", note: str = "",
                          today: date | None = None) -> str:
        """Add an investigation record; returns its id. ``qa``: [(question, answer), …]."""
        v = self._clean_investigation(dict(
            held_on=held_on, subject=subject, qa=qa, place=place, start_time=start_time,
            end_time=end_time, participants=participants, investigators=investigators,
            recorder=recorder, note=note), today, full=True)
        with self.desk.transaction():
            case = guards.editable_case(self.desk, case_id, "record_session")
            self._check_dates(case, v["held_on"])
            seq = self.desk.scalar("SELECT coalesce(max(seq), 0) + 1 FROM investigations"
                                   " WHERE case_id = ?", (case_id,))
            rid = self.desk.records.insert("investigations", dict(v, case_id=case_id, seq=seq),
                                           case_id=case_id, action="investigate")
            if case["status"] == "accepted":
                guards.move(self.desk, case_id, "mediating")
            return rid

    def update_investigation(self, investigation_id: str, *, today: date | None = None,
                             based_on: dict | None = None, **values) -> dict:
        """Change fields of an investigation record; returns {field: (old, new)}.
        ``based_on``: the record as the dialog loaded it (RecordWriter.update: no silent
        overwrite of a change saved meanwhile)."""
        old = self.get_investigation(investigation_id)
        v = self._clean_investigation(values, today, full=False)
        with self.desk.transaction():
            case = guards.editable_case(self.desk, old["case_id"])
            if "held_on" in v:
                self._check_dates(case, v["held_on"])
            return self.desk.records.update("investigations", investigation_id, v,
                                            case_id=old["case_id"], based_on=based_on)

    def remove_investigation(self, investigation_id: str) -> None:
        """Delete an investigation record entered by mistake (audited)."""
        old = self.get_investigation(investigation_id)
        with self.desk.transaction():
            guards.editable_case(self.desk, old["case_id"])
            self.desk.records.delete("investigations", investigation_id, case_id=old["case_id"])

    def get_investigation(self, investigation_id: str) -> dict:
        row = self.desk.query_one("SELECT * FROM investigations WHERE id = ?", (investigation_id,))
        if row is None:
            raise NotFound("找不到该调查记录")
        return self._decode(row)

    def investigations(self, case_id: str) -> list[dict]:
        """Investigation records of a case in order (date, then entry order); ``no`` = 1, 2, …"""
        rows = self.desk.query("SELECT * FROM investigations WHERE case_id = ?"
                               " ORDER BY held_on, start_time, seq", (case_id,))
        return [dict(self._decode(r), no=i) for i, r in enumerate(rows, 1)]

    # --- mediation records -------------------------------------------------------------------
    def add_mediation(self, case_id: str, *, held_on, mediators, parties_present, place: str = "",
                      matter: str = "", participants=(), recorder: str = "",
                      start_time: str = "", end_time: str = "",
                      rights_notice_given: bool = False, statements: str = "",
                      findings: str = "", risk_warning: str = "", result: str = "continue",
                      result_note: str = "", routes_explained: str = "",
                      today: date | None = None) -> str:
        """Add a mediation record; returns its id.

        ``result``: continue / agreed / failed (failed needs the reason in ``result_note``
        and the routes explained, Art. 26). The record does not change the outcome: the
        agreement or the ending is recorded with desk.agreements / desk.outcomes.
        """
        v = self._clean_mediation(dict(
            held_on=held_on, mediators=mediators, parties_present=parties_present, place=place,
            matter=matter, participants=participants, recorder=recorder, start_time=start_time,
            end_time=end_time, rights_notice_given=rights_notice_given, statements=statements,
            findings=findings, risk_warning=risk_warning, result=result,
            result_note=result_note, routes_explained=routes_explained), today, full=True)
        self._check_mediation_result(v)
        with self.desk.transaction():
            case = guards.editable_case(self.desk, case_id, "record_session")
            self._check_dates(case, v["held_on"])
            seq = self.desk.scalar("SELECT coalesce(max(seq), 0) + 1 FROM mediation_sessions"
                                   " WHERE case_id = ?", (case_id,))
            rid = self.desk.records.insert("mediation_sessions", dict(v, case_id=case_id, seq=seq),
                                           case_id=case_id, action="mediate")
            if case["status"] == "accepted":
                guards.move(self.desk, case_id, "mediating")
            return rid

    def update_mediation(self, session_id: str, *, today: date | None = None,
                         based_on: dict | None = None, **values) -> dict:
        """Change fields of a mediation record; returns {field: (old, new)}.
        ``based_on``: the record as the dialog loaded it (no silent overwrite)."""
        old = self.get_mediation(session_id)
        v = self._clean_mediation(values, today, full=False)
        merged = dict(old, **{k: v[k] for k in v})
        self._check_mediation_result(merged)
        with self.desk.transaction():
            case = guards.editable_case(self.desk, old["case_id"])
            if "held_on" in v:
                self._check_dates(case, v["held_on"])
            return self.desk.records.update("mediation_sessions", session_id, v,
                                            case_id=old["case_id"], based_on=based_on)

    def remove_mediation(self, session_id: str) -> None:
        """Delete a mediation record entered by mistake (audited)."""
        old = self.get_mediation(session_id)
        with self.desk.transaction():
            guards.editable_case(self.desk, old["case_id"])
            self.desk.records.delete("mediation_sessions", session_id, case_id=old["case_id"])

    def get_mediation(self, session_id: str) -> dict:
        row = self.desk.query_one("SELECT * FROM mediation_sessions WHERE id = ?", (session_id,))
        if row is None:
            raise NotFound("找不到该调解记录")
        return self._decode(row)

    def mediations(self, case_id: str) -> list[dict]:
        """Mediation records of a case in order; ``no`` = 1, 2, …; ``result_label`` in Chinese."""
        rows = self.desk.query("SELECT * FROM mediation_sessions WHERE case_id = ?"
                               " ORDER BY held_on, start_time, seq", (case_id,))
        return [dict(self._decode(r), no=i) for i, r in enumerate(rows, 1)]

    def last_date(self, case_id: str) -> str:
        """The date of the latest investigation or mediation record ('' if none)."""
        return self.desk.scalar(
            "SELECT max(d) FROM (SELECT max(held_on) AS d FROM investigations WHERE case_id = ?"
            " UNION ALL SELECT max(held_on) FROM mediation_sessions WHERE case_id = ?)",
            (case_id, case_id)) or ""

    @staticmethod
    def _decode(row: dict) -> dict:
        for key in _JSON:
            if key in row:
                row[key] = guards.loads(row[key])
        if "result" in row:
            row["result_label"] = RESULTS.get(row["result"], row["result"])
        return row
