"""Every figure, defined once: data elements (counted from the records) and indicators
(formulas over data elements), in the manner of DHIS2. docs/statistics.md states the same
definitions in words; every table, chart, export, lock snapshot and drill-down uses these.

A **source** is one table read with one date that puts a record in a period (``day``), the
case's organisation, dispute type, source and lead mediator (the dimensions), and a base
condition. Each **data element** of a source is a condition (the record counts: 件) and a
value summed over the records meeting it (1 for a count; people or fen for sums). All elements
of a source are read by one ``GROUP BY`` query.

An **indicator** is the sum of its numerator elements, or, with a denominator, the ratio of
the sums in per cent — so a rate for a quarter is recomputed from the quarter's sums, never
averaged from monthly rates.
"""

from __future__ import annotations

from dataclasses import dataclass

# The lead mediator of a case (a case has exactly one lead).
LEAD = ("(SELECT m.mediator_id FROM case_mediators m WHERE m.case_id = c.id"
        " AND m.role = 'lead' LIMIT 1)")
# 疑难: many people, a large amount or an escalation risk (thresholds are settings).
HARD = ("(c.people_involved >= :hard_people OR c.amount_fen >= :hard_fen OR c.risk_flag = 1"
        " OR EXISTS (SELECT 1 FROM risk_flags r WHERE r.case_id = c.id))")
# The agreement that concludes a case successfully: in force, not voided, not a supplement.
IN_FORCE = "g.effective_on != '' AND g.voided_on = '' AND coalesce(g.supplements_id, '') = ''"


@dataclass(frozen=True)
class Element:
    key: str
    label: str
    unit: str               # 件, 人, 元 (stored in fen), 次
    cond: str = "1"         # SQL: the record counts for this element
    value: str = "1"        # SQL: what it adds (1 for a count)


@dataclass(frozen=True)
class Source:
    key: str
    table: str              # FROM … (with joins); the case is ``c`` where there is one
    day: str                # SQL date that puts a record in a period
    where: str              # base condition
    elements: tuple[Element, ...]
    case_id: str = "c.id"   # what a drill-down lists
    org: str = "c.org_id"
    dtype: str = "c.dispute_type"
    source: str = "c.source"
    mediator: str = LEAD
    record: str = "case"    # what the drill-down's ids are: case, screening_item, screening_round
    needs: str = ""         # a table that must exist (added by a later migration)


def _e(key, label, unit, cond="1", value="1"):
    return Element(key, label, unit, cond, value)


# Escalations prevented, counted from case risk flags and from screening items alike:
# (key, the kind stored, the label). Each gives a 件 and a 人 element per source.
ESCALATIONS = (("criminal", "criminal", "防止民转刑"), ("petition", "group_petition", "防止群体性上访"),
               ("fight", "group_fight", "防止群体性械斗"), ("suicide", "suicide", "防止自杀"))


def _prevented(source: str, kind_column: str, people_column: str) -> tuple[Element, ...]:
    where = {"case": "案件", "screen": "排查"}[source]
    out = []
    for key, kind, label in ESCALATIONS:
        cond = f"{kind_column} = '{kind}'"
        out += [_e(f"prev_{key}_{source}", f"{label}（{where}）", "件", cond),
                _e(f"prev_{key}_{source}_people", f"{label}人数（{where}）", "人", cond,
                   people_column)]
    return tuple(out)


SOURCES: tuple[Source, ...] = (
    Source("acceptances", "acceptances a JOIN cases c ON c.id = a.case_id", "a.decided_on",
           "1", (
               _e("accepted", "受理", "件", "a.decision = 'accepted'"),
               _e("refused", "不予受理", "件", "a.decision = 'refused'"),
           )),
    Source("success", "agreements g JOIN cases c ON c.id = g.case_id", "g.effective_on",
           IN_FORCE, (
               _e("success_written", "书面协议", "件", "g.form = 'written'"),
               _e("success_oral", "口头协议", "件", "g.form = 'oral'"),
               _e("people_success", "涉及当事人（成功）", "人", "1", "c.people_involved"),
               _e("amount_success", "涉及金额（成功）", "元", "1", "c.amount_fen"),
               _e("amount_agreed", "协议金额", "元", "1", "g.amount_fen"),
               _e("hard_success", "疑难（成功）", "件", HARD),
           )),
    Source("closures", "closures k JOIN cases c ON c.id = k.case_id", "k.closed_on", "1", (
        _e("ended", "调解终止", "件", "k.kind = 'ended'"),
        _e("withdrawn", "撤回", "件", "k.kind = 'withdrawn'"),
        _e("people_ended", "涉及当事人（终止）", "人", "k.kind = 'ended'", "c.people_involved"),
        _e("amount_ended", "涉及金额（终止）", "元", "k.kind = 'ended'", "c.amount_fen"),
        _e("hard_ended", "疑难（终止）", "件", f"k.kind = 'ended' AND {HARD}"),
    )),
    Source("performed", "agreements g JOIN cases c ON c.id = g.case_id",
           "g.performance_checked_on", f"{IN_FORCE} AND g.performance_status = 'performed'", (
               _e("performed", "协议履行", "件"),
           )),
    Source("confirmations", "confirmations f JOIN cases c ON c.id = f.case_id", "f.result_on",
           "f.result = 'confirmed'", (
               _e("confirmed", "司法确认", "件"),
           )),
    Source("risks", "risk_flags r JOIN cases c ON c.id = r.case_id", "r.flagged_on",
           "r.prevented = 1", (
               *_prevented("case", "r.kind", "r.people"),
           )),
    Source("screened", "screening_items s", "s.found_on", "1", (
        _e("screen_found", "排查纠纷", "件"),
        _e("screen_found_people", "排查纠纷涉及人数", "人", "1", "s.people_involved"),
    ), case_id="s.id", org="s.org_id", dtype="s.dispute_type", source="'screening'",
        mediator="''", record="screening_item", needs="screening_items"),
    Source("prevented", "screening_items s",
           "(CASE WHEN s.settled_on != '' THEN s.settled_on ELSE s.found_on END)",
           "s.prevented != ''", (
               _e("prev_dispute", "预防纠纷", "件", "s.prevented = 'dispute'"),
               _e("prev_dispute_people", "预防纠纷人数", "人", "s.prevented = 'dispute'",
                  "s.prevented_people"),
               *_prevented("screen", "s.prevented", "s.prevented_people"),
           ), case_id="s.id", org="s.org_id", dtype="s.dispute_type", source="'screening'",
           mediator="''", record="screening_item", needs="screening_items"),
    Source("rounds", "screening_rounds s", "s.held_on", "1", (
        _e("screen_rounds", "排查次数", "次"),
    ), case_id="s.id", org="s.org_id", dtype="''", source="'screening'", mediator="''",
        record="screening_round", needs="screening_rounds"),
)

ELEMENTS: dict[str, Element] = {e.key: e for s in SOURCES for e in s.elements}
SOURCE_OF: dict[str, Source] = {e.key: s for s in SOURCES for e in s.elements}


@dataclass(frozen=True)
class Indicator:
    key: str
    label: str              # column heading
    unit: str               # 件, 人, 元, %, 次
    num: tuple[str, ...]    # data elements added up
    den: tuple[str, ...] = ()
    group: str = "调解"     # heading above the column

    def value(self, values: dict) -> float | int | None:
        """The indicator from data element values (None: a rate with nothing to divide by)."""
        n = sum(values.get(k, 0) for k in self.num)
        if not self.den:
            return n / 100 if self.unit == "元" else n
        d = sum(values.get(k, 0) for k in self.den)
        return round(100 * n / d, 1) if d else None


def shown(value, unit: str = "") -> str:
    """A figure as every table shows it: thousands separated, a rate (%) with one decimal, an
    amount (元) in whole yuan or with its two decimals (12,000 / 12.50), "—" for a rate with
    nothing to divide by. Without a unit a fraction keeps one decimal."""
    if value is None:
        return "—"
    if unit == "%":
        return f"{value:,.1f}"
    if unit == "元":
        return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"
    if isinstance(value, float):
        return f"{value:,.1f}" if value != int(value) or abs(value) < 1000 else f"{value:,.0f}"
    return f"{value:,}"


_SUCCESS = ("success_written", "success_oral")
_MEDIATED = _SUCCESS + ("ended",)

INDICATORS: tuple[Indicator, ...] = (
    Indicator("accepted", "受理纠纷", "件", ("accepted",)),
    Indicator("mediated", "调解纠纷", "件", _MEDIATED),
    Indicator("success", "调解成功", "件", _SUCCESS),
    Indicator("success_written", "其中书面协议", "件", ("success_written",)),
    Indicator("success_oral", "其中口头协议", "件", ("success_oral",)),
    Indicator("success_rate", "调解成功率", "%", _SUCCESS, _MEDIATED),
    Indicator("ended", "调解终止", "件", ("ended",)),
    Indicator("withdrawn", "撤回", "件", ("withdrawn",)),
    Indicator("refused", "不予受理", "件", ("refused",)),
    Indicator("people", "涉及当事人", "人", ("people_success", "people_ended")),
    Indicator("amount", "涉及金额", "元", ("amount_success", "amount_ended")),
    Indicator("amount_agreed", "协议金额", "元", ("amount_agreed",)),
    Indicator("performed", "协议履行", "件", ("performed",)),
    Indicator("confirmed", "司法确认", "件", ("confirmed",)),
    Indicator("hard", "疑难纠纷", "件", ("hard_success", "hard_ended")),
    Indicator("prev_dispute", "预防纠纷", "件", ("prev_dispute",), group="预防"),
    Indicator("prev_dispute_people", "预防纠纷人数", "人", ("prev_dispute_people",), group="预防"),
    *(indicator for key, _kind, label in ESCALATIONS for indicator in (
        Indicator(f"prev_{key}", label, "件", (f"prev_{key}_case", f"prev_{key}_screen"),
                  group="预防"),
        Indicator(f"prev_{key}_people", f"{label}人数", "人",
                  (f"prev_{key}_case_people", f"prev_{key}_screen_people"), group="预防"))),
    Indicator("screen_rounds", "排查次数", "次", ("screen_rounds",), group="排查"),
    Indicator("screen_found", "排查纠纷", "件", ("screen_found",), group="排查"),
)

BY_KEY: dict[str, Indicator] = {i.key: i for i in INDICATORS}

# Organisation figures (a snapshot of the register, not of a period): label, SQL condition on
# the mediators row ``m`` (active mediators only).
MEDIATOR_FIGURES: tuple[tuple[str, str, str], ...] = (
    ("mediators", "调解员", "1"),
    ("full_time", "专职调解员", "m.full_time = 1"),
    ("legal_training", "受过法律培训", "m.legal_training = 1"),
    ("degree", "大专及以上学历", "m.education IN ('10', '20', '30')"),
    ("titled", "有称号", "m.title != ''"),
    ("women", "女性", "m.sex = '女'"),
    ("minority", "少数民族", "m.ethnicity NOT IN ('', '01')"),
)
COMMITTEE_FIGURES: tuple[tuple[str, str], ...] = (
    ("committees", "调委会"), ("village", "村（嘎查）调委会"), ("township", "乡镇（苏木）调委会"),
    ("specialised", "专业性行业性调委会"), ("group", "调解小组"),
)
