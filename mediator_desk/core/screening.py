"""Dispute screening (矛盾纠纷排查): a committee's screening rounds and the disputes each found.

A village screens every half month (a township monthly), and before holidays: a *round*
(``screening_rounds``: date, kind, area, who screened) lists the disputes found, each an
*item* (``screening_items``: date found, place, dispute type, parties and contact, people
involved, risk level red/orange/yellow, measures, person responsible and deadline) that is
followed along 排查 → 预警 → 调处 → 处置 (screened → warned → mediating → settled). An item
only moves forward (a step may be skipped, never undone). When it is settled, the date is
recorded and — if so — which escalation it prevented (a dispute as such, a suicide, a civil
dispute turning criminal, a group petition or a group fight) and how many people that
concerned; before it is settled nothing has been prevented yet, so none is recorded. A found
dispute that the committee takes up as a case becomes one (``register_case``: the case is
registered with the item's type, summary, place and parties filled in, and the item names it
in ``case_id``, once; the case must be one of the same committee).

The stored rules (types, dates in order, the forward-only status, prevented vs. settled) are in
``core/rules.py``; the link to a case of the same committee is checked here and, for what a
village sends, in ``sync/trust.py``. ``list`` reads by period (``YYYY``, ``YYYY-MM`` or a date
range) for screens, the CLI and the statistics.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Sequence

from mediator_desk.core import guards, rules
from mediator_desk.core.validation import check_count
from mediator_desk.errors import FieldsRefused, NotFound, ValidationError

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk

ROUND_KINDS = {"routine": "定期排查", "holiday": "节前排查", "special": "专项排查"}
RISK_LEVELS = {"red": "红色（高）", "orange": "橙色（较高）", "yellow": "黄色（一般）"}
STATUSES = {"screened": "排查", "warned": "预警", "mediating": "调处", "settled": "处置"}
assert tuple(STATUSES) == rules.SCREENING_STATUSES
PREVENTED = {"": "（无）", "dispute": "防止纠纷发生", "suicide": "防止民间纠纷引起自杀",
             "criminal": "防止民转刑", "group_petition": "防止群体性上访",
             "group_fight": "防止群体性械斗"}

ROUND_FIELDS = ("org_id", "held_on", "kind", "area", "screeners", "note")
ITEM_FIELDS = ("found_on", "place", "dispute_type", "parties", "contact", "people_involved",
               "summary", "risk_level", "measures", "responsible", "deadline", "status",
               "settled_on", "prevented", "prevented_people")


def period_range(period: str) -> tuple[str, str]:
    """'2026' / '2026-11' / '2026-11-01..2026-11-15' → (first day, last day), ISO."""
    import calendar
    import re

    p = (period or "").strip()
    if re.fullmatch(r"\d{4}", p):
        return f"{p}-01-01", f"{p}-12-31"
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", p)
    if m and 1 <= int(m[2]) <= 12:
        y, mo = int(m[1]), int(m[2])
        return f"{y}-{mo:02d}-01", f"{y}-{mo:02d}-{calendar.monthrange(y, mo)[1]:02d}"
    m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})\s*\.\.\s*(\d{4}-\d{2}-\d{2})", p)
    if m and m[1] <= m[2]:
        return m[1], m[2]
    raise ValidationError("期间应为“2026”“2026-11”或“2026-11-01..2026-11-15”", field="period")


class ScreeningManager:
    """``desk.screening``: rounds, items, their progress and the case a found dispute became."""

    def __init__(self, desk: "Desk"):
        self.desk = desk

    # --- rounds ---------------------------------------------------------------------------
    def _clean_round(self, values: dict, *, today: date | None) -> dict:
        guards.check_unknown(values, ROUND_FIELDS)
        v = dict(values)
        problems = []
        if "org_id" in v:
            if not v["org_id"]:
                problems.append(("org_id", "请选择调委会"))
            else:
                self._committee(v["org_id"])
        if "held_on" in v:
            try:
                v["held_on"] = guards.past_date(v["held_on"], field="held_on", label="排查日期",
                                                today=today)
            except ValidationError as exc:
                problems.append((exc.field, exc.message))
        if "kind" in v:
            v["kind"] = guards.choice(v["kind"] or "routine", ROUND_KINDS, field="kind",
                                      label="排查类型")
        for k, label in (("area", "排查范围"), ("screeners", "排查人员"), ("note", "备注")):
            if k in v:
                v[k] = guards.text(v[k], field=k, label=label)
        _raise_all(problems)
        return v

    def _committee(self, org_id: str) -> dict:
        org = self.desk.organisations.get(org_id)
        if org["site_id"] != self.desk.site_id:
            raise ValidationError("只能为本站的调委会登记排查", field="org_id")
        return org

    def add_round(self, *, org_id: str, held_on, kind: str = "routine", area: str = "",
                  screeners: str = "", note: str = "", items: Sequence[dict] = (),
                  today: date | None = None) -> str:
        """Record a screening round, with the disputes it found (``items``, each as for
        :meth:`add_item`), in one transaction; returns the round's id."""
        v = self._clean_round(dict(org_id=org_id, held_on=held_on, kind=kind, area=area,
                                   screeners=screeners, note=note), today=today)
        cleaned = [self._clean_item(dict(it), today=today, held_on=v["held_on"],
                                    new=True) for it in items]
        with self.desk.transaction():
            rid = self.desk.records.insert("screening_rounds", v)
            for it in cleaned:
                self.desk.records.insert("screening_items",
                                         dict(it, round_id=rid, org_id=org_id))
            return rid

    def update_round(self, round_id: str, *, based_on: dict | None = None,
                     today: date | None = None, **values) -> dict:
        """Change a round's date, kind, area, screeners or note (not its committee)."""
        if "org_id" in values:
            raise ValidationError("排查所属调委会一经登记不能更改", field="org_id")
        self.get_round(round_id)
        v = self._clean_round(values, today=today)
        with self.desk.transaction():
            return self.desk.records.update("screening_rounds", round_id, v,
                                            based_on=based_on)

    def get_round(self, round_id: str) -> dict:
        row = self.desk.query_one("SELECT * FROM screening_rounds WHERE id = ?", (round_id,))
        if row is None:
            raise NotFound("找不到该排查记录")
        row["kind_label"] = ROUND_KINDS.get(row["kind"], row["kind"])
        return row

    def rounds(self, period: str | None = None, *, org_id: str | None = None) -> list[dict]:
        """Rounds (newest first) with their item counts and the items by risk level."""
        sql = ("SELECT r.*, o.name AS org_name, count(i.id) AS items,"
               " sum(i.risk_level = 'red') AS red, sum(i.status = 'settled') AS settled"
               " FROM screening_rounds r JOIN organisations o ON o.id = r.org_id"
               " LEFT JOIN screening_items i ON i.round_id = r.id WHERE 1=1")
        where, params = _filters("r", "held_on", period=period, org_id=org_id)
        rows = self.desk.query(sql + where + " GROUP BY r.id ORDER BY r.held_on DESC, r.created_at DESC",
                               params)
        for r in rows:
            r["kind_label"] = ROUND_KINDS.get(r["kind"], r["kind"])
            r["red"] = r["red"] or 0
            r["settled"] = r["settled"] or 0
        return rows

    # --- items ----------------------------------------------------------------------------
    def _clean_item(self, values: dict, *, today: date | None, held_on: str = "",
                    new: bool = False, old: dict | None = None) -> dict:
        """Clean what a person typed; every missing or wrong field is named at once."""
        guards.check_unknown(values, ITEM_FIELDS)
        v = dict(values)
        problems: list[tuple[str, str]] = []

        def attempt(field, fn):
            try:
                v[field] = fn()
            except ValidationError as exc:
                problems.append((exc.field or field, exc.message))

        if new:
            v.setdefault("found_on", held_on)
            v.setdefault("status", "screened")
            for k in ("dispute_type", "risk_level"):
                v.setdefault(k, "")
        if "found_on" in v:
            attempt("found_on", lambda: guards.past_date(v["found_on"], field="found_on",
                                                         label="发现日期", today=today))
        if "dispute_type" in v:
            if not v["dispute_type"]:
                problems.append(("dispute_type", "请选择纠纷类型"))
            else:
                attempt("dispute_type", lambda: self.desk.codes.check(
                    "dispute_type", v["dispute_type"], field="dispute_type") or v["dispute_type"])
        if "risk_level" in v:
            if not v["risk_level"]:
                problems.append(("risk_level", "请选择风险等级"))
            else:
                attempt("risk_level", lambda: guards.choice(v["risk_level"], RISK_LEVELS,
                                                            field="risk_level", label="风险等级"))
        if "summary" in v:
            attempt("summary", lambda: guards.text(v["summary"], field="summary",
                                                   label="纠纷简要情况", required=True))
        elif new:
            problems.append(("summary", "请填写纠纷简要情况"))
        if "parties" in v:
            v["parties"] = guards.dumps(guards.names(v["parties"], field="parties",
                                                     label="当事人"))
        for k in ("people_involved", "prevented_people"):
            if k in v:
                label = "涉及人数" if k == "people_involved" else "防止激化涉及人数"
                attempt(k, lambda k=k, label=label: check_count(v[k] or 0, field=k, label=label))
        if "deadline" in v:
            attempt("deadline", lambda: guards.any_date(v["deadline"], field="deadline",
                                                        label="化解期限", required=False))
        if "settled_on" in v:
            attempt("settled_on", lambda: guards.past_date(v["settled_on"], field="settled_on",
                                                           label="处置日期", today=today,
                                                           required=False))
        if "status" in v:
            attempt("status", lambda: guards.choice(v["status"] or "screened", STATUSES,
                                                    field="status", label="处理进度"))
        if "prevented" in v:
            attempt("prevented", lambda: guards.choice(v["prevented"], PREVENTED,
                                                       field="prevented", label="防止激化",
                                                       allow_empty=True))
        for k, label in (("place", "地点"), ("contact", "联系方式"), ("measures", "化解措施"),
                         ("responsible", "责任人")):
            if k in v:
                attempt(k, lambda k=k, label=label: guards.text(v[k], field=k, label=label))
        _raise_all(problems)
        whole = dict(old or {}, **v)
        try:
            if old is not None:          # backwards first: it says more than the dates do
                rules.check_change("screening_items", old, v)
            rules.check_row("screening_items", {k: whole[k] for k in whole
                                                if k in rules.date_columns("screening_items")})
        except rules.RuleBroken as exc:
            raise ValidationError(exc.message, field=exc.field) from None
        return v

    def add_item(self, round_id: str, *, today: date | None = None, **values) -> str:
        """Add a dispute found by a round; returns the item's id."""
        rnd = self.get_round(round_id)
        self._committee(rnd["org_id"])
        v = self._clean_item(values, today=today, held_on=rnd["held_on"], new=True)
        with self.desk.transaction():
            return self.desk.records.insert("screening_items", dict(
                v, round_id=round_id, org_id=rnd["org_id"]))

    def update_item(self, item_id: str, *, based_on: dict | None = None,
                    today: date | None = None, **values) -> dict:
        """Change an item (its progress too: only forward, see ``core/rules.py``)."""
        old = self.get_item(item_id)
        v = self._clean_item(values, today=today, old=_stored(old))
        with self.desk.transaction():
            return self.desk.records.update("screening_items", item_id, v,
                                            based_on=_stored(based_on) if based_on else None)

    def move(self, item_id: str, status: str, *, settled_on=None, prevented: str = "",
             prevented_people=0, today: date | None = None,
             based_on: dict | None = None) -> dict:
        """Move an item forward to ``status``; settling records the date and what was
        prevented."""
        values: dict = {"status": status}
        if status == "settled":
            values.update(settled_on=settled_on or (today or date.today()).isoformat(),
                          prevented=prevented, prevented_people=prevented_people)
        return self.update_item(item_id, based_on=based_on, today=today, **values)

    def remove_item(self, item_id: str) -> None:
        """Delete an item recorded by mistake (audited); one that became a case stays."""
        item = self.get_item(item_id)
        if item["case_id"]:
            raise ValidationError("该排查事项已登记为案件，不能删除", field="case_id")
        with self.desk.transaction():
            self.desk.records.delete("screening_items", item_id)

    def get_item(self, item_id: str) -> dict:
        row = self.desk.query_one(
            "SELECT i.*, c.case_no FROM screening_items i LEFT JOIN cases c ON c.id = i.case_id"
            " WHERE i.id = ?", (item_id,))
        if row is None:
            raise NotFound("找不到该排查事项")
        return _labelled(row)

    def items(self, round_id: str | None = None, *, period: str | None = None,
              org_id: str | None = None) -> list[dict]:
        """Items of a round, or of a period (found in it), red first then by date."""
        sql = ("SELECT i.*, c.case_no, o.name AS org_name FROM screening_items i"
               " LEFT JOIN cases c ON c.id = i.case_id"
               " LEFT JOIN organisations o ON o.id = i.org_id WHERE 1=1")
        where, params = _filters("i", "found_on", period=period, org_id=org_id,
                                 round_id=round_id)
        sql += where + (" ORDER BY CASE i.risk_level WHEN 'red' THEN 0 WHEN 'orange' THEN 1 ELSE 2 END,"
                " i.found_on, i.created_at")
        return [_labelled(r) for r in self.desk.query(sql, params)]

    def find_id(self, kind: str, prefix: str) -> str:
        """The id of the round (``kind='round'``) or item (``'item'``) whose id starts with
        ``prefix`` (at least 4 digits; lists show 8)."""
        table, what = {"round": ("screening_rounds", "排查"),
                       "item": ("screening_items", "排查事项")}[kind]
        prefix = (prefix or "").strip().lower()
        found = self.desk.query(f"SELECT id FROM {table} WHERE id LIKE ? LIMIT 2",
                                (prefix + "%",)) if len(prefix) >= 4 else []
        if len(found) != 1:
            raise ValidationError(f"找不到编号为“{prefix}”的{what}" if not found
                                  else f"编号“{prefix}”对应多条{what}，请多写几位", field="id")
        return found[0]["id"]

    # --- the case a found dispute becomes -------------------------------------------------
    def case_draft(self, item_id: str) -> dict:
        """What registering the item as a case fills in (the person checks and completes it):
        type, summary, place, people involved and the parties (the first named applies, the
        others respond), source 主动调解 (the committee found it)."""
        item = self.get_item(item_id)
        names = guards.loads(item["parties"], [])
        return {"org_id": item["org_id"], "dispute_type": item["dispute_type"],
                "summary": item["summary"], "place": item["place"],
                "people_involved": item["people_involved"], "source": "initiative",
                "parties": [{"name": n, "role": "applicant" if i == 0 else "respondent"}
                            for i, n in enumerate(names)]}

    def register_case(self, item_id: str, *, received_date, source: str = "initiative",
                      parties: list[dict] | None = None, today: date | None = None,
                      **overrides) -> str:
        """Register the found dispute as a case (登记为案件) and link the item to it, in one
        transaction; returns the case id. ``parties``/``overrides`` replace the draft's."""
        item = self.get_item(item_id)
        if item["case_id"]:
            raise ValidationError(f"该排查事项已登记为案件{item['case_no'] or ''}",
                                  field="case_id")
        draft = self.case_draft(item_id)
        values = {k: draft[k] for k in ("org_id", "dispute_type", "summary", "place",
                                        "people_involved")}
        values.update(overrides)
        with self.desk.transaction():
            case_id = self.desk.cases.register(
                received_date=received_date, source=source,
                parties=draft["parties"] if parties is None else parties, today=today,
                **values)
            self.link_case(item_id, case_id)
            return case_id

    def link_case(self, item_id: str, case_id: str) -> dict:
        """Name the case the found dispute became (a case of the same committee; once)."""
        item = self.get_item(item_id)
        case = self.desk.cases.get_row(case_id)
        if case["org_id"] != item["org_id"]:
            raise ValidationError("只能关联本调委会的案件", field="case_id")
        if item["case_id"] and item["case_id"] != case_id:
            raise ValidationError(f"该排查事项已关联案件{item['case_no'] or ''}", field="case_id")
        with self.desk.transaction():
            # audited with the case, so its history says where it came from
            return self.desk.records.update("screening_items", item_id, {"case_id": case_id},
                                            case_id=case_id, action="screening_link")


def _filters(alias: str, day_column: str, *, period: str | None, org_id: str | None,
             round_id: str | None = None) -> tuple[str, list]:
    """' AND …' conditions (and their parameters) for a period, a committee and a round."""
    sql, params = "", []
    if round_id:
        sql += f" AND {alias}.round_id = ?"
        params.append(round_id)
    if period:
        sql += f" AND {alias}.{day_column} BETWEEN ? AND ?"
        params += list(period_range(period))
    if org_id:
        sql += f" AND {alias}.org_id = ?"
        params.append(org_id)
    return sql, params


def _stored(row: dict | None) -> dict | None:
    """An item as read, without the labels and joined columns."""
    if row is None:
        return None
    return {k: v for k, v in row.items() if k in rules.rules_of("screening_items")}


def _labelled(row: dict) -> dict:
    row["risk_label"] = RISK_LEVELS.get(row["risk_level"], row["risk_level"])
    row["status_label"] = STATUSES.get(row["status"], row["status"])
    row["prevented_label"] = PREVENTED.get(row["prevented"], row["prevented"]) \
        if row["prevented"] else ""
    row["party_names"] = guards.loads(row["parties"], [])
    return row


def _raise_all(problems: list[tuple[str, str]]) -> None:
    """One refusal naming every problem (the first field is the one to focus)."""
    if problems:
        raise FieldsRefused(problems)
