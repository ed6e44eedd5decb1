"""What a stored row of a travelling table may hold: the rules every write passes.

The managers turn what a person typed into clean values (``core/validation.py``, ``guards``);
this module states what a *stored* record must look like, whoever wrote it: column types,
ISO dates, enumerations and code lists, lengths, required fields, dates in order, the case's
state machine and what may no longer change (a signed agreement, an archived case).

It is the lowest level every path goes through: ``RecordWriter`` (GUI, CLI, demo data,
receipt corrections, conflict merges) checks each row it writes, and the sync importer checks
every incoming row with the same rules in bulk (:func:`check_rows`, column by column, so a
10,000-case bundle costs a fraction of a second) before anything is written.

A broken rule raises :class:`RuleBroken` (a ``ValidationError``) whose message names the field
in words — never a table or column name.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Callable, Iterable, Sequence

from mediator_desk.core import workflow
from mediator_desk.errors import ReadOnlyRecord, ValidationError

# Lengths in characters. Long texts: a summary of a few thousand characters is realistic; a
# megabyte is not (it would make every screen, printout and bundle slow).
NAME, SHORT, MEDIUM, LONG = 100, 200, 2_000, 20_000
MAX_INT = 2 ** 62


class RuleBroken(ValidationError):
    """A value (or a change) that no stored record may have; ``field`` names the column."""

    def __init__(self, message: str, *, table: str, field: str = "", record_id: str = ""):
        super().__init__(message, field=field)
        self.table = table
        self.record_id = record_id


@dataclass(frozen=True)
class Col:
    """One column's rule. ``kind`` is one of the checkers below."""

    kind: str
    max_len: int = SHORT          # text, json
    required: bool = False        # text/date/code: not ''
    values: tuple = ()            # choice
    code_list: str = ""           # code
    lo: int = 0                   # integer
    hi: int = MAX_INT
    nullable: bool = False        # ref, integer
    pattern: str = ""             # text: the whole value must match (re.fullmatch)


def text(n: int = SHORT, *, required: bool = False, pattern: str = "") -> Col:
    return Col("text", max_len=n, required=required, pattern=pattern)


# Numbers people write on paper and look up: no spaces or line breaks, full-width brackets.
CASE_NO = r"（[0-9]{4}）[^\s()（）]{1,40}人调字第[1-9][0-9]{0,8}号"
NUMBER = r"[^\s()]+"


def day(*, required: bool = False) -> Col:
    return Col("date", required=required)


def choice(*values: str) -> Col:
    return Col("choice", values=values)


def code(list_name: str, *, required: bool = False) -> Col:
    return Col("code", code_list=list_name, required=required)


def integer(lo: int = 0, hi: int = MAX_INT, *, nullable: bool = False) -> Col:
    return Col("integer", lo=lo, hi=hi, nullable=nullable)


FLAG = Col("integer", lo=0, hi=1)
ID = Col("id")
REF = Col("ref")
REF_NULL = Col("ref", nullable=True)
STAMP = Col("stamp")
TIME = Col("time")
NAMES = Col("names", max_len=MEDIUM)          # JSON list of names
MONEY = integer(0, 10 ** 13)                  # fen (1,000 亿元 at most)

# Dispute screening (排查 → 预警 → 调处 → 处置): an item only moves forward along this order
# (skipping a step is allowed, going back is not).
SCREENING_STATUSES = ("screened", "warned", "mediating", "settled")
SCREENING_LABELS = {"screened": "排查", "warned": "预警", "mediating": "调处", "settled": "处置"}

SYNC = {"id": ID, "site_id": ID, "rev": integer(1), "created_at": STAMP, "updated_at": STAMP}

TABLES: dict[str, dict[str, Col]] = {
    "organisations": {
        "kind": choice("city", "county", "township", "village", "group", "specialised"),
        "name": text(SHORT, required=True), "short_name": text(20), "parent_id": REF_NULL,
        "division_code": text(20), "speciality": text(SHORT), "note": text(MEDIUM)},
    "mediators": {
        "org_id": REF_NULL, "name": text(NAME, required=True), "sex": choice("", "男", "女"),
        "ethnicity": code("ethnicity"), "birth_date": day(), "phone": text(40),
        "education": code("education"), "legal_training": FLAG, "profession": text(SHORT),
        "full_time": FLAG, "title": text(SHORT), "honours": text(MEDIUM),
        "training": text(MEDIUM), "active": FLAG},
    "cases": {
        "org_id": REF, "case_no": text(80, required=True, pattern=CASE_NO), "case_year": integer(1900, 9999),
        "case_seq": integer(1), "received_date": day(required=True),
        "source": code("case_source", required=True), "referral_note": text(MEDIUM),
        "dispute_type": code("dispute_type", required=True), "summary": text(LONG),
        "claims": text(LONG), "place": text(SHORT), "people_involved": integer(0, 10 ** 7),
        "amount_fen": MONEY, "risk_flag": FLAG, "risk_note": text(MEDIUM),
        "status": choice(*workflow.STATUSES), "created_by": text(NAME)},
    "case_mediators": {"case_id": REF, "mediator_id": REF, "role": choice("lead", "member")},
    "parties": {
        "case_id": REF, "seq": integer(), "role": choice("applicant", "respondent", "third_party"),
        "kind": choice("person", "organisation"), "name": text(SHORT, required=True),
        "sex": choice("", "男", "女"), "ethnicity": code("ethnicity"), "birth_date": day(),
        "age": integer(0, 149, nullable=True),
        "id_type": choice("resident_id", "credit_code", "passport", "other"),
        "id_number": text(40), "phone": text(40), "address": text(SHORT),
        "service_address": text(SHORT), "occupation": text(SHORT), "employer": text(SHORT), "legal_rep": text(NAME),
        "legal_rep_title": text(NAME), "agent_name": text(NAME), "agent_phone": text(40),
        "agent_relation": text(NAME)},
    "acceptances": {
        "case_id": REF, "decision": choice("accepted", "refused"), "decided_on": day(required=True),
        "consent_form": choice("", "written_application", "oral_application",
                               "initiative_consent", "referral_consent"),
        "consent_note": text(MEDIUM), "rights_notice_given": FLAG,
        "refusal_reason": choice("", "party_refuses", "outside_scope", "other_body"),
        "refusal_note": text(MEDIUM), "decided_by": text(NAME)},
    "investigations": {
        "case_id": REF, "seq": integer(1), "held_on": day(required=True), "start_time": TIME,
        "end_time": TIME, "place": text(SHORT), "subject": text(SHORT, required=True),
        "participants": NAMES, "investigators": NAMES, "recorder": text(NAME),
        "qa": Col("qa", max_len=LONG * 2), "note": text(MEDIUM)},
    "mediation_sessions": {
        "case_id": REF, "seq": integer(1), "held_on": day(required=True), "start_time": TIME,
        "end_time": TIME, "place": text(SHORT), "matter": text(MEDIUM), "mediators": NAMES,
        "parties_present": NAMES, "participants": NAMES, "recorder": text(NAME),
        "rights_notice_given": FLAG, "statements": text(LONG), "findings": text(LONG),
        "risk_warning": text(MEDIUM), "result": choice("continue", "agreed", "failed"),
        "result_note": text(MEDIUM), "routes_explained": text(MEDIUM)},
    "risk_flags": {
        "case_id": REF, "kind": choice("criminal", "group_petition", "group_fight", "suicide"),
        "flagged_on": day(required=True), "note": text(MEDIUM), "people": integer(0, 10 ** 7),
        "prevented": FLAG, "reported_on": day(), "report_recipient": text(SHORT),
        "report_note": text(MEDIUM)},
    "closures": {
        "case_id": REF, "kind": choice("ended", "withdrawn"), "closed_on": day(required=True),
        "reason": text(MEDIUM, required=True), "routes_explained": text(MEDIUM),
        "note": text(MEDIUM)},
    "agreements": {
        "case_id": REF, "form": choice("written", "oral"),
        "agreement_no": text(80, required=True, pattern=NUMBER), "agreement_year": integer(1900, 9999),
        "agreement_seq": integer(1), "supplements_id": REF_NULL, "agreed_on": day(required=True),
        "place": text(SHORT), "facts": text(LONG), "terms": Col("terms", max_len=LONG),
        "performance_method": text(MEDIUM), "performance_deadline": day(), "amount_fen": MONEY,
        "copies": integer(0, 1000), "mediators": NAMES, "recorder": text(NAME),
        "signed_on": day(), "effective_on": day(),
        "party_signatures": Col("signatures", max_len=LONG * 2), "sealed_on": day(),
        "performance_status": choice("not_due", "performed", "partly", "not_performed"),
        "performance_checked_on": day(), "performance_note": text(MEDIUM),
        "followup_due": day(), "voided_on": day(), "void_reason": text(MEDIUM)},
    "followups": {
        "case_id": REF, "agreement_id": REF, "visited_on": day(required=True),
        "party": text(SHORT), "reason": text(MEDIUM),
        "performance": choice("", "not_due", "performed", "partly", "not_performed"),
        "satisfaction": choice("", "satisfied", "basic", "dissatisfied"), "lawsuit": FLAG,
        "lawsuit_note": text(MEDIUM), "wrong_mediation": FLAG,
        "wrong_mediation_note": text(MEDIUM), "escalation_risk": FLAG,
        "escalation_note": text(MEDIUM), "action_taken": text(MEDIUM), "visitor": text(NAME),
        "note": text(MEDIUM)},
    "confirmations": {
        "case_id": REF, "agreement_id": REF, "applied_on": day(required=True),
        "court": text(SHORT, required=True),
        "result": choice("pending", "confirmed", "not_confirmed"), "result_on": day(),
        "court_case_no": text(80), "note": text(MEDIUM)},
    "archives": {
        "case_id": REF, "archived_on": day(required=True), "archived_by": text(NAME, required=True),
        "retention": text(40, required=True), "volume_title": text(SHORT),
        "file_note": text(MEDIUM), "note": text(MEDIUM)},
    "attachments": {
        "case_id": REF, "item": choice(
            "application", "notice", "identity", "power_of_attorney", "investigation",
            "evidence", "mediation_record", "signed_agreement", "performance", "followup",
            "confirmation", "file_note", "other"),
        "record_table": text(40), "record_id": Col("ref_or_empty"),
        "file_name": text(SHORT, required=True), "mime_type": text(100, required=True),
        "size": integer(0, 2 ** 40), "sha256": Col("sha256"), "added_on": day(),
        "note": text(MEDIUM)},
    "case_reviews": {
        "case_id": REF, "kind": choice("comment", "approve", "return"), "text": text(MEDIUM),
        "reviewer": text(NAME), "reviewed_on": day(required=True)},
    "screening_rounds": {
        "org_id": REF, "held_on": day(required=True),
        "kind": choice("routine", "holiday", "special"), "area": text(SHORT),
        "screeners": text(SHORT), "note": text(MEDIUM)},
    "screening_items": {
        "round_id": REF, "org_id": REF, "found_on": day(required=True), "place": text(SHORT),
        "dispute_type": code("dispute_type", required=True), "parties": NAMES,
        "contact": text(SHORT), "people_involved": integer(0, 10 ** 7), "summary": text(LONG),
        "risk_level": choice("red", "orange", "yellow"), "measures": text(MEDIUM),
        "responsible": text(NAME), "deadline": day(),
        "status": choice(*SCREENING_STATUSES), "settled_on": day(),
        "case_id": Col("ref_or_empty"),
        "prevented": choice("", "dispute", "suicide", "criminal", "group_petition",
                            "group_fight"),
        "prevented_people": integer(0, 10 ** 7)},
    "period_reports": {
        "org_id": REF, "period": text(7, required=True, pattern=r"[0-9]{4}-(0[1-9]|1[0-2])"),
        "closed_on": day(required=True), "closed_by": text(NAME), "zero": FLAG,
        "note": text(MEDIUM)},
}

# Dates that may not precede another date of the same record: (later, earlier).
DATE_ORDER: dict[str, list[tuple[str, str]]] = {
    "agreements": [("signed_on", "agreed_on"), ("effective_on", "agreed_on"),
                   ("performance_deadline", "agreed_on"),
                   ("performance_deadline", "signed_on"), ("voided_on", "agreed_on"),
                   ("sealed_on", "agreed_on"), ("signed_on", "sealed_on"),
                   ("performance_checked_on", "effective_on")],
    "confirmations": [("result_on", "applied_on")],
    "risk_flags": [("reported_on", "flagged_on")],
    "screening_items": [("deadline", "found_on"), ("settled_on", "found_on")],
}

# What a record is, once written: the case (or agreement) it belongs to and the numbers people
# write on paper. No write changes them (a record never moves to another case).
IMMUTABLE = frozenset({"case_id", "agreement_id", "supplements_id", "case_no", "case_year",
                       "case_seq", "agreement_no", "agreement_year", "agreement_seq"})

# An agreement in force binds (Arts. 31–33): of its fields only the record of its
# performance and the follow-up plan may still change — it is never voided (non-performance
# leads to the court or to a supplementary agreement); a voided one not at all.
AGREEMENT_OPEN_WHEN_IN_FORCE = frozenset({
    "performance_status", "performance_checked_on", "performance_note", "followup_due"})


def _frozen(table: str, old: dict) -> tuple[frozenset[str], str] | None:
    """(fields that may still change, why the rest may not) — None if nothing is frozen."""
    if table == "agreements":
        no = old.get("agreement_no", "")
        if old.get("voided_on"):
            return frozenset(), f"协议{no}已作废，不能再修改"
        if old.get("effective_on"):
            return AGREEMENT_OPEN_WHEN_IN_FORCE, f"协议{no}已生效，其内容不能再修改"
    if table == "cases" and old.get("status") == "archived":
        return frozenset(), f"案件{old.get('case_no', '')}已归档，不能修改"
    return None


def field_label(column: str) -> str:
    """The column as people call it (the audit trail's labels), never the raw name."""
    from mediator_desk.core.history import FIELD_LABELS

    return FIELD_LABELS.get(column, "某一字段")


# --- single values --------------------------------------------------------------------
_HEX32 = re.compile(r"[0-9a-f]{32}")
_HEX_DIGITS = "0123456789abcdef"


def all_record_ids(values: Sequence) -> bool:
    """True if every value is a record id (32 lowercase hex digits), with builtins over the
    whole column instead of a regular expression per value: the lengths, then the digits of
    all of them joined (``strip`` leaves something only if some character is not one)."""
    return (set(map(type, values)) <= {str} and set(map(len, values)) <= {32}
            and not "".join(values).strip(_HEX_DIGITS))
_HEX64 = re.compile(r"[0-9a-f]{64}")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d", re.ASCII)
_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(\+00:00|Z)", re.ASCII)


def _iso_date(v: str) -> bool:
    if not _DATE.fullmatch(v):
        return False
    try:
        return date.fromisoformat(v).year >= 1900
    except ValueError:
        return False


_DECODE = json.JSONDecoder().raw_decode


def _json_list(v: str, item_ok: Callable[[object], bool]) -> bool:
    if not v.startswith("["):
        return False
    try:
        items, end = _DECODE(v)
    except ValueError:
        return False
    if end != len(v) and v[end:].strip():
        return False
    return type(items) is list and all(item_ok(i) for i in items)


def _name_item(i) -> bool:
    return type(i) is str and len(i) <= SHORT


def _qa_item(i) -> bool:
    return (type(i) is dict and set(i) <= {"q", "a"}
            and all(type(x) is str for x in i.values()))


def _term_item(i) -> bool:
    return type(i) is str


_SIGNATURE_KEYS = frozenset({"party_id", "name", "signed_on"})


def _signature_item(i) -> bool:
    return (type(i) is dict and i.keys() == _SIGNATURE_KEYS
            and type(i["party_id"]) is str and _HEX32.fullmatch(i["party_id"]) is not None
            and type(i["name"]) is str and len(i["name"]) <= SHORT
            and type(i["signed_on"]) is str and _iso_date(i["signed_on"]))


def problem(col: Col, v, codes: dict[str, set[str]] | None = None) -> str:
    """What is wrong with one value ('' if nothing). ``codes``: list name → known codes."""
    k = col.kind
    if k in ("text", "date", "time", "stamp", "names", "qa", "terms", "signatures", "choice",
             "code", "sha256", "ref_or_empty"):
        if type(v) is not str:
            return "应为文本"
        if len(v) > col.max_len and k in ("text", "names", "qa", "terms", "signatures"):
            return f"过长（{len(v)} 字，最多 {col.max_len} 字）"
        if col.required and not v.strip():
            return "不能为空"
        if col.pattern and not re.fullmatch(col.pattern, v):
            return f"“{v[:40]}”的格式不正确"
        if k == "date":
            return "" if v == "" or _iso_date(v) else "不是有效日期（应为“2026-11-28”格式）"
        if k == "time":
            return "" if v == "" or _TIME.fullmatch(v) else "不是有效时间（应为“14:30”格式）"
        if k == "stamp":
            return "" if _STAMP.fullmatch(v) else "不是有效的时间戳"
        if k == "names":
            return "" if _json_list(v, _name_item) else "应为姓名列表"
        if k == "qa":
            return "" if _json_list(v, _qa_item) else "应为问答列表"
        if k == "terms":
            return "" if _json_list(v, _term_item) else "应为条款列表"
        if k == "signatures":
            if not _json_list(v, _signature_item):
                return "应为各方当事人及其签字日期（2026-11-28格式）的列表"
            ids = [i["party_id"] for i in json.loads(v)]
            return "" if len(ids) == len(set(ids)) else "中同一当事人出现了两次"
        if k == "choice":
            return "" if v in col.values else f"取值“{v[:20]}”不在允许的范围内"
        if k == "code":
            if v == "" and not col.required:
                return ""
            if codes is not None and v not in codes.get(col.code_list, ()):
                return f"代码“{v[:20]}”不在代码表中"
            return ""
        if k == "sha256":
            return "" if _HEX64.fullmatch(v) else "应为64位十六进制摘要"
        if k == "ref_or_empty":
            return "" if v == "" or _HEX32.fullmatch(v) else "应为记录编号"
        return ""
    if k in ("id", "ref"):
        if v is None and col.nullable:
            return ""
        return "" if type(v) is str and _HEX32.fullmatch(v) else "应为记录编号（32位十六进制）"
    if k == "integer":
        if v is None and col.nullable:
            return ""
        if type(v) is not int:
            return "应为整数"
        if not col.lo <= v <= col.hi:
            return "超出允许的范围"
        return ""
    return "无法识别的规则"


# --- rows ---------------------------------------------------------------------------
def rules_of(table: str) -> dict[str, Col]:
    return {**SYNC, **TABLES[table]}


def _broken(table: str, column: str, what: str, record_id="") -> RuleBroken:
    return RuleBroken(f"{field_label(column)}{what}", table=table, field=column,
                      record_id=record_id if isinstance(record_id, str) else "")


def check_row(table: str, row: dict, *, codes: dict[str, set[str]] | None = None) -> None:
    """Refuse a row (all or some of its columns) that breaks a rule of ``table``."""
    cols = rules_of(table)
    for name, v in row.items():
        col = cols.get(name)
        if col is None:
            raise RuleBroken("记录含有本软件不认识的字段", table=table, field=name)
        what = problem(col, v, codes)
        if what:
            raise _broken(table, name, what, row.get("id", ""))
    _check_order(table, row)


def _check_order(table: str, row: dict) -> None:
    for later, earlier in DATE_ORDER.get(table, ()):
        a, b = row.get(later), row.get(earlier)
        if a and b and isinstance(a, str) and isinstance(b, str) and a < b:
            raise RuleBroken(f"{field_label(later)}（{a}）不能早于{field_label(earlier)}（{b}）",
                             table=table, field=later, record_id=row.get("id", ""))
    if table == "agreements" and isinstance(row.get("party_signatures"), str):
        _check_signatures(row)
    if table == "screening_items":
        _check_screening(row)


# The columns of a screening item that must agree with each other (see _check_screening).
SCREENING_WHOLE = ("status", "settled_on", "prevented", "prevented_people", "people_involved")


def _check_screening(row: dict) -> None:
    """A screening item's outcome fits its status: the settling date is set exactly when the
    item is settled (处置); what it prevented is recorded only for a settled item (before
    that nothing has been prevented yet) and people prevented only with what was prevented;
    people prevented are at most the people involved (when those were counted)."""
    if not all(k in row for k in SCREENING_WHOLE):
        return
    status, settled_on, prevented, p_people, people = (row[k] for k in SCREENING_WHOLE)
    if not (isinstance(status, str) and isinstance(settled_on, str)
            and isinstance(prevented, str) and type(p_people) is int and type(people) is int):
        return  # the columns' own rules name them
    rid = row.get("id", "")

    def broken(field: str, message: str) -> RuleBroken:
        return RuleBroken(message, table="screening_items", field=field, record_id=rid)

    if status == "settled" and not settled_on:
        raise broken("settled_on", "已处置的排查事项应填写处置日期")
    if status != "settled" and settled_on:
        raise broken("settled_on", "尚未处置的排查事项不能有处置日期")
    if prevented and status != "settled":
        raise broken("prevented", "防止激化的结果只能在处置后登记")
    if p_people and not prevented:
        raise broken("prevented_people", "填写了防止激化涉及人数，但未选择防止了哪类激化")
    if people and p_people > people:
        raise broken("prevented_people",
                     f"防止激化涉及人数（{p_people}）不能多于涉及人数（{people}）")


# What _check_signatures reads of an agreement.
SIGNATURE_COLUMNS = ("id", "party_signatures", "agreed_on", "signed_on", "sealed_on")


def _check_signatures(row: dict) -> None:
    """Each party's signing date: not before the agreement was reached, not after the
    agreement's signing date; once signed with signing or seal dates recorded, the signing
    date (= the effective date) is the last of them (Art. 29)."""
    try:
        sigs = json.loads(row["party_signatures"] or "[]")
    except ValueError:
        return  # the column's own rule names it
    if type(sigs) is not list or not all(_signature_item(i) for i in sigs):
        return
    rid = row.get("id", "")
    agreed, signed, sealed = (row.get(k) for k in ("agreed_on", "signed_on", "sealed_on"))
    for s in sigs:
        day_ = s["signed_on"]
        if isinstance(agreed, str) and agreed and day_ < agreed:
            raise RuleBroken(f"当事人{s['name']}的签字日期（{day_}）不能早于达成协议日期（{agreed}）",
                             table="agreements", field="party_signatures", record_id=rid)
    if not isinstance(signed, str) or not signed or not (sigs or sealed):
        return  # not signed (yet): un-signing an agreement in force is the frozen rule's
    last = max([s["signed_on"] for s in sigs] + ([sealed] if isinstance(sealed, str) and sealed
                                                 else []))
    if signed != last:
        raise RuleBroken(f"签字日期（{signed or '空'}）应为最后一方当事人签字或人民调解委员会盖章之日"
                         f"（{last}）", table="agreements", field="signed_on", record_id=rid)


def check_rows(table: str, columns: Sequence[str], rows: Sequence[Sequence], *,
               codes: dict[str, set[str]] | None = None, checked: frozenset = frozenset()
               ) -> None:
    """Bulk :func:`check_row` for rows given as lists in ``columns`` order.

    Column by column: distinct values are checked once, types and lengths with builtins, so
    the cost is a few C-level passes per column rather than Python work per value. The first
    offending row is then found and reported exactly as :func:`check_row` would. ``checked``
    names columns the caller has already checked row by row with the same rule.
    """
    if not rows:
        return
    cols = rules_of(table)
    i_id = columns.index("id") if "id" in columns else None
    for i, (name, values) in enumerate(zip(columns, zip(*rows))):
        col = cols.get(name)
        if col is None:
            raise RuleBroken("记录含有本软件不认识的字段", table=table, field=name,
                             record_id=rows[0][i_id] if i_id is not None else "")
        if name in checked or _column_ok(col, values, codes):
            continue
        for r in rows:
            what = problem(col, r[i], codes)
            if what:
                raise _broken(table, name, what, r[i_id] if i_id is not None else "")
    pairs = [(columns.index(a), columns.index(b)) for a, b in DATE_ORDER.get(table, ())
             if a in columns and b in columns]
    for ia, ib in pairs:
        for r in rows:
            if r[ia] and r[ib] and r[ia] < r[ib]:
                _check_order(table, dict(zip(columns, r)))
    if table == "screening_items" and all(k in columns for k in SCREENING_WHOLE):
        for r in rows:
            _check_screening(dict(zip(columns, r)))
    if table == "agreements" and "party_signatures" in columns:
        # The date pairs were checked just above: only the signatures are left to check,
        # and they read these columns only.
        used = [(c, columns.index(c)) for c in SIGNATURE_COLUMNS if c in columns]
        i_sig = columns.index("party_signatures")
        i_sealed = columns.index("sealed_on") if "sealed_on" in columns else None
        for r in rows:
            if (r[i_sig] != "[]" or (i_sealed is not None and r[i_sealed])) \
                    and isinstance(r[i_sig], str):
                _check_signatures({c: r[i] for c, i in used})


def _column_ok(col: Col, values: Sequence, codes) -> bool:
    """True if every value passes (fast path); False means: look row by row."""
    types = set(map(type, values))
    k = col.kind
    if k == "integer":
        if types - {int} - ({type(None)} if col.nullable else set()):
            return False
        nums = [v for v in values if v is not None]
        return not nums or (col.lo <= min(nums) and max(nums) <= col.hi)
    if k in ("id", "ref"):
        if types - {str} - ({type(None)} if col.nullable else set()):
            return False
        return all_record_ids(list(set(values) - {None}))   # few distinct: one owner site
    if types - {str}:
        return False
    if k in ("text", "names", "qa", "terms", "signatures"):
        if max(map(len, values)) > col.max_len:
            return False
        if col.required and not all(map(str.strip, values)):
            return False
        if k == "text" and not col.pattern:
            return True
    distinct = set(values)
    if k == "text":
        # Type, length and emptiness passed above: only the pattern is left.
        return all(map(_compiled(col.pattern).fullmatch, distinct))
    many = _MANY.get(k)
    if many is not None:
        # One regular-expression pass over all distinct values, then the calendar for the
        # few dates that could be invalid (day 29–31).
        shaped = distinct - {""} if k != "stamp" else distinct
        if col.required and "" in distinct:
            return False
        if shaped and not many.fullmatch("\n".join(shaped) + "\n"):
            return False
        return k != "date" or all(_iso_date(v) for v in shaped if v[8:] > "28")
    return all(not problem(col, v, codes) for v in distinct)


@lru_cache(maxsize=None)   # bounded by the patterns of the rules
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern)


# Many values of a kind at once, each followed by a newline (which no value contains).
_MANY = {
    "date": re.compile(r"(?:(?:19|[2-9]\d)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\n)*",
                       re.ASCII),
    "time": re.compile(r"(?:(?:[01]\d|2[0-3]):[0-5]\d\n)*", re.ASCII),
    "stamp": re.compile(r"(?:\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:\+00:00|Z)\n)*",
                        re.ASCII),
}


# --- changes -------------------------------------------------------------------------
def check_change(table: str, old: dict, new: dict) -> None:
    """Refuse changing a record in a way no write may: fields frozen by its state (a binding
    or voided agreement, an archived case) or a case status the state machine cannot reach.
    ``new`` is the new row (all columns, or the changed ones; missing ones keep ``old``)."""
    moved = [k for k in IMMUTABLE if k in old and k in new and new[k] != old[k]
             and not (table == "screening_items" and k == "case_id" and old[k] == "")]
    if moved:
        raise RuleBroken(f"{field_label(moved[0])}一经登记不能更改", table=table, field=moved[0],
                         record_id=old.get("id", ""))
    frozen = _frozen(table, old)
    if frozen:
        still_open, why = frozen
        changed = [k for k, v in old.items()
                   if k not in SYNC and k not in still_open and k in new and new[k] != v]
        if changed:
            raise ReadOnlyRecord(f"{why}（{field_label(changed[0])}）",
                                 hint="协议生效后如需变更，应订立补充协议"
                                 if table == "agreements" else "")
    if table == "screening_items":
        _check_screening_change(old, new)
    if table == "period_reports":
        for k in ("org_id", "period"):
            if k in old and k in new and new[k] != old[k]:
                raise RuleBroken(f"{field_label(k)}一经报送不能更改", table=table, field=k,
                                 record_id=old.get("id", ""))
    if table == "cases":
        a: str = old.get("status") or ""
        b: str = new.get("status", a) or ""
        if a != b and a in workflow.STATUSES and b not in reachable(a):
            raise RuleBroken(f"案件状态不能从“{workflow.STATUSES.get(a, a)}”变为"
                             f"“{workflow.STATUSES.get(b, b)}”", table=table, field="status")


def _check_screening_change(old: dict, new: dict) -> None:
    """A screening item moves only forward along 排查 → 预警 → 调处 → 处置 (a step may be
    skipped, none undone), stays in its round and committee, and once it became a case it
    stays linked to that case (the link is set once: '' → the case; ``IMMUTABLE`` otherwise)."""
    rid = old.get("id", "")
    for k in ("round_id", "org_id"):
        if k in old and k in new and new[k] != old[k]:
            raise RuleBroken(f"{field_label(k)}一经登记不能更改", table="screening_items",
                             field=k, record_id=rid)
    a, b = old.get("status"), new.get("status", old.get("status"))
    order = SCREENING_STATUSES
    if a in order and b in order and order.index(b) < order.index(a):
        raise RuleBroken(f"排查事项的处理进度不能从“{SCREENING_LABELS[a]}”退回“"
                         f"{SCREENING_LABELS[b]}”", table="screening_items", field="status",
                         record_id=rid)


def check_delete(table: str, old: dict) -> None:
    """Refuse deleting a record that may no longer go (an agreement in force or voided, an
    archived case)."""
    frozen = _frozen(table, old)
    if frozen:
        raise ReadOnlyRecord(f"{frozen[1]}，也不能删除")


_REACH: dict[str, set[str]] = {}


def reachable(status: str) -> set[str]:
    """Statuses a case can reach from ``status`` in any number of legal steps (itself too):
    a bundle carries the current state, so the office may see several steps at once."""
    if status not in _REACH:
        seen, todo = {status}, [status]
        while todo:
            for nxt in workflow.TRANSITIONS.get(todo.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        _REACH[status] = seen
    return _REACH[status]


def code_sets(items: Iterable[tuple[str, str]]) -> dict[str, set[str]]:
    """{list: {codes}} from (list, code) pairs."""
    out: dict[str, set[str]] = {}
    for list_name, c in items:
        out.setdefault(list_name, set()).add(c)
    return out


def date_columns(table: str) -> set[str]:
    """Columns of ``table`` that take part in a date-order rule."""
    out = {c for pair in DATE_ORDER.get(table, ()) for c in pair}
    if table == "agreements":
        out.add("party_signatures")
    if table == "screening_items":
        out.update(SCREENING_WHOLE)
    return out
