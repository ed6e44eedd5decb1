"""Counting: the data elements of indicators.py by period, organisation and dimension.

One ``GROUP BY`` query per source over the period's date range (indexed), grouped by the
record's organisation and the requested dimensions; the organisation tree is rolled up in
Python (an organisation's figures include every organisation below it), so the same code sums
villages into a township and, later, townships into a county.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from mediator_desk.core.statistics.indicators import (
    BY_KEY, COMMITTEE_FIGURES, ELEMENTS, INDICATORS, MEDIATOR_FIGURES, SOURCES, Indicator, Source)
from mediator_desk.core.clock import today as _today
from mediator_desk.core.statistics.periods import Period, parse_period
from mediator_desk.errors import NotFound, ValidationError

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk

DIMENSIONS = {"org": "调委会", "type": "纠纷类型", "source": "案件来源", "mediator": "调解员",
              "month": "月份"}
COMMITTEE_KINDS = ("township", "village", "specialised")
SCREENING_SOURCE = ("screening", "排查发现")
NO_MEDIATOR = "未指定"


@dataclass
class Row:
    key: tuple                       # one value per dimension (org id, type code, …)
    labels: tuple                    # the same in words
    values: dict = field(default_factory=dict)     # data element → number

    def value(self, indicator: str | Indicator):
        ind = BY_KEY[indicator] if isinstance(indicator, str) else indicator
        return ind.value(self.values)


@dataclass
class Figures:
    period: Period
    org: dict
    by: tuple
    rows: list[Row]
    total: Row

    def label(self, row: Row) -> str:
        return "／".join(str(x) for x in row.labels)

    def matrix(self) -> list[list]:
        """Rows (then the total) as lists: the row's label, then every indicator's value."""
        return [[self.label(r)] + [r.value(i) for i in INDICATORS]
                for r in self.rows + [self.total]]

    def as_dict(self) -> dict:
        return {
            "period": self.period.code, "period_label": self.period.label,
            "org": {"id": self.org["id"], "name": self.org["name"]}, "by": list(self.by),
            "indicators": [{"key": i.key, "label": i.label, "unit": i.unit}
                           for i in INDICATORS],
            "rows": [{"key": list(r.key), "labels": list(r.labels),
                      "figures": {i.key: r.value(i) for i in INDICATORS}} for r in self.rows],
            "total": {i.key: self.total.value(i) for i in INDICATORS},
        }


class Tree:
    """The organisation register as a tree (small: a county has a few thousand rows)."""

    def __init__(self, rows: list[dict]):
        self.orgs = {r["id"]: r for r in rows}
        self.children: dict[str, list[str]] = {}
        for r in sorted(rows, key=lambda r: (r["kind"] != "township", r["division_code"],
                                              r["name"])):
            self.children.setdefault(r["parent_id"] or "", []).append(r["id"])

    def below(self, org_id: str) -> list[str]:
        """The organisation and everything under it."""
        out, todo = [], [org_id]
        while todo:
            current = todo.pop()
            out.append(current)
            todo.extend(reversed(self.children.get(current, [])))
        return out

    def units(self, org_id: str) -> list[tuple[str, str, list[str]]]:
        """The rows of a report on ``org_id``: the organisation itself (its own records) if
        it is a committee, then each organisation directly under it with its whole subtree
        rolled up (a village with its groups; at a county, a township with its villages)."""
        org = self.orgs[org_id]
        out = []
        if org["kind"] in COMMITTEE_KINDS:
            out.append((org_id, f"{org['name']}（本级）", [org_id]))
        for child in self.children.get(org_id, []):
            out.append((child, self.orgs[child]["name"], self.below(child)))
        return out

    def committees_below(self, org_id: str) -> list[dict]:
        return [self.orgs[o] for o in self.below(org_id)
                if o != org_id and self.orgs[o]["kind"] in COMMITTEE_KINDS]


class Counter:
    """Reads data elements for one desk (used through ``desk.statistics``)."""

    def __init__(self, desk: "Desk"):
        self.desk = desk

    def period(self, text: str | Period, *, today: date | None = None) -> Period:
        """A period as written (a Period passes through); one not yet begun is refused."""
        if isinstance(text, Period):
            return text
        return parse_period(text, today=today or _today())

    # --- what there is -----------------------------------------------------------------------
    def tree(self) -> Tree:
        return Tree(self.desk.query(
            "SELECT id, kind, name, short_name, parent_id, division_code FROM organisations"))

    def org(self, name_or_id: str | None, tree: Tree | None = None) -> dict:
        """An organisation by id, name or short name; default: this desk's committee."""
        tree = tree or self.tree()
        key = (name_or_id or self.desk.settings.get("committee_id") or "").strip()
        if key in tree.orgs:
            return tree.orgs[key]
        found = [o for o in tree.orgs.values() if key in (o["name"], o["short_name"])]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise ValidationError(f"有多个组织叫“{key}”，请用组织编号", field="org")
        raise NotFound(f"找不到组织“{key}”" if key else "尚未设置本调委会，请先完成初始设置")

    def _have(self, table: str) -> bool:
        return bool(self.desk.scalar("SELECT 1 FROM sqlite_master WHERE type = 'table'"
                                     " AND name = ?", (table,)))

    def sources(self) -> list[Source]:
        return [s for s in SOURCES if not s.needs or self._have(s.needs)]

    def params(self, period: Period) -> dict:
        from mediator_desk.core import path_settings

        return {"first": period.first, "last": period.last,
                "hard_people": int(path_settings.get(self.desk, "stats_hard_people")),
                "hard_fen": int(path_settings.get(self.desk, "stats_hard_yuan")) * 100}

    def rollup_types(self) -> dict[str, str]:
        """Every dispute type code → its statistical type (one of the 15)."""
        return {r["code"]: r["rollup"] or r["code"] for r in self.desk.codes.items(
            "dispute_type", include_inactive=True)}

    # --- counting ------------------------------------------------------------------------------
    @staticmethod
    def dim_sql(src: Source, dim: str) -> str:
        return {"type": src.dtype, "source": src.source, "mediator": src.mediator,
                "month": f"substr({src.day}, 1, 7)"}[dim]

    def source_sql(self, src: Source, dims: tuple) -> str:
        """One GROUP BY query: organisation, the dimensions, then one sum per element."""
        cols = [f"{src.org} AS org"] + [f"{self.dim_sql(src, d)} AS d{i}"
                                       for i, d in enumerate(dims)]
        sums = [f"sum(CASE WHEN {e.cond} THEN {e.value} ELSE 0 END)"
                if e.cond != "1" else f"sum({e.value})" for e in src.elements]
        groups = ", ".join(str(i + 1) for i in range(len(cols)))
        return (f"SELECT {', '.join(cols + sums)} FROM {src.table}"
                f" WHERE {src.where} AND {src.day} BETWEEN :first AND :last GROUP BY {groups}")

    def count(self, period: Period, dims: tuple = ()) -> dict[tuple, dict[str, int]]:
        """Data elements by (org id, *dimension values) for the whole database."""
        params = self.params(period)
        out: dict[tuple, dict[str, int]] = {}
        conn = self.desk.db.conn
        for src in self.sources():
            for row in conn.execute(self.source_sql(src, dims), params):
                key = tuple(row[: 1 + len(dims)])
                cell = out.setdefault(key, {})
                for e, v in zip(src.elements, row[1 + len(dims):]):
                    if v:
                        cell[e.key] = cell.get(e.key, 0) + v
        return out

    def figures(self, period: Period, *, org: str | None = None, by=("org",)) -> Figures:
        """The figures of ``period`` for ``org`` (default: this committee) broken down by
        ``by`` (a tuple of DIMENSIONS keys; ``()`` gives the total only)."""
        by = tuple(by)
        for d in by:
            if d not in DIMENSIONS:
                raise ValidationError(f"未知的分组方式“{d}”（可选：{'、'.join(DIMENSIONS)}）",
                                      field="by")
        tree = self.tree()
        root = self.org(org, tree)
        units = tree.units(root["id"])
        unit_of = {o: u for u, _, members in units for o in members}
        dims = tuple(d for d in by if d != "org")
        types = self.rollup_types()
        raw = self.count(period, dims)
        cells: dict[tuple, dict] = {}
        total: dict[str, int] = {}
        for key, values in raw.items():
            unit = unit_of.get(key[0])
            if unit is None:
                continue
            rest = dict(zip(dims, key[1:]))
            if "type" in rest:
                rest["type"] = types.get(rest["type"], rest["type"])
            rkey = tuple(unit if d == "org" else (rest[d] or "") for d in by)
            cell = cells.setdefault(rkey, {})
            for k, v in values.items():
                cell[k] = cell.get(k, 0) + v
                total[k] = total.get(k, 0) + v
        keys = self._row_keys(by, period, units, root["id"], tree, cells)
        labels = self._labellers(units)
        rows = [Row(k, tuple(labels[d](v) for d, v in zip(by, k)), cells.get(k, {}))
                for k in keys]
        return Figures(period, root, by, rows, Row(("total",), ("合计",), total))

    def _row_keys(self, by, period, units, root, tree, cells) -> list[tuple]:
        """Every row a report shows — all committees, all 15 types, every month — even when
        empty (a zero is a figure too), in their usual order; then anything else counted."""
        axes = []
        for d in by:
            if d == "org":
                axes.append([u for u, _, _ in units])
            elif d == "type":
                axes.append([r["code"] for r in self.desk.codes.items("dispute_type",
                                                                       include_inactive=True)
                             if r["code"] == (r["rollup"] or r["code"])])
            elif d == "source":
                axes.append([r["code"] for r in self.desk.codes.items("case_source",
                                                                       include_inactive=True)]
                            + [SCREENING_SOURCE[0]])
            elif d == "month":
                axes.append(period.months())
            else:
                axes.append([m["id"] for m in self.desk.query(
                    "SELECT id FROM mediators WHERE active = 1 AND org_id IN"
                    " (SELECT value FROM json_each(?)) ORDER BY name",
                    (json.dumps(tree.below(root)),))])
        keys: list[tuple] = [()]
        for axis in axes:
            keys = [k + (v,) for k in keys for v in axis]
        seen = set(keys)
        extra = sorted(k for k in cells if k not in seen)
        if by and by[-1] == "source":
            extra = [k for k in extra if any(cells[k].values())]
        return keys + extra

    def _labellers(self, units) -> dict:
        codes = self.desk.codes
        unit_names = {u: name for u, name, _ in units}
        names = {m["id"]: m["name"] for m in self.desk.query("SELECT id, name FROM mediators")}
        return {
            "org": lambda v: unit_names.get(v, v),
            "type": lambda v: codes.label("dispute_type", v) if v else "（未分类）",
            "source": lambda v: SCREENING_SOURCE[1] if v == SCREENING_SOURCE[0]
            else codes.label("case_source", v),
            "mediator": lambda v: names.get(v, NO_MEDIATOR) if v else NO_MEDIATOR,
            "month": lambda v: f"{v[:4]}年{int(v[5:7])}月" if v else "",
        }

    # --- the records behind a number -----------------------------------------------------------
    def records(self, period: Period, indicator: str, *, org: str | None = None,
                row: dict | None = None) -> list[dict]:
        """The records counted in one cell: ``row`` maps dimensions to the row's values
        (``{"org": unit id, "type": "02"}``; none = the total). Each item is
        ``{"record": "case"|"screening_item"|"screening_round", "id", "day", "element"}``,
        one per record and element (a rate lists the records of numerator and denominator)."""
        ind = BY_KEY.get(indicator)
        if ind is None:
            raise ValidationError(f"未知的统计指标“{indicator}”", field="indicator")
        tree = self.tree()
        root = self.org(org, tree)
        row = dict(row or {})
        orgs = tree.below(root["id"])
        if row.get("org"):
            unit = {u: members for u, _, members in tree.units(root["id"])}.get(row["org"])
            if unit is None:
                raise NotFound("该调委会不在本报表中")
            orgs = unit
        params = self.params(period) | {"orgs": json.dumps(orgs)}
        wanted = list(dict.fromkeys(ind.num + ind.den))
        available = {s.key for s in self.sources()}
        out = []
        for key in wanted:
            element = ELEMENTS[key]
            src = next(s for s in SOURCES if element in s.elements)
            if src.key not in available:
                continue
            where = [src.where, element.cond, f"{src.day} BETWEEN :first AND :last",
                     f"{src.org} IN (SELECT value FROM json_each(:orgs))"]
            for d, v in row.items():
                if d == "org":
                    continue
                if d == "type":
                    codes = [c for c, r in self.rollup_types().items() if r == v]
                    params[f"p_{d}"] = json.dumps(codes)
                    where.append(f"{src.dtype} IN (SELECT value FROM json_each(:p_{d}))")
                else:
                    params[f"p_{d}"] = v
                    where.append(f"coalesce({self.dim_sql(src, d)}, '') = :p_{d}")
            sql = (f"SELECT DISTINCT {src.case_id} AS id, {src.day} AS day FROM {src.table}"
                   f" WHERE {' AND '.join(where)} ORDER BY 2, 1")
            for rid, day in self.desk.db.conn.execute(sql, params):
                out.append({"record": src.record, "id": rid, "day": day, "element": key,
                            "element_label": element.label})
        return out

    # --- organisation (a snapshot of the register) ---------------------------------------------
    def organisation(self, *, org: str | None = None) -> dict:
        """Committees by kind and mediators (active) by qualification, per report row."""
        tree = self.tree()
        root = self.org(org, tree)
        units = tree.units(root["id"])
        sums = ", ".join(f"sum(CASE WHEN {cond} THEN 1 ELSE 0 END)"
                         for _, _, cond in MEDIATOR_FIGURES)
        by_org = {r[0]: r[1:] for r in self.desk.db.conn.execute(
            f"SELECT m.org_id, {sums} FROM mediators m WHERE m.active = 1 GROUP BY m.org_id")}
        rows: list[dict] = []
        total: dict[str, int] = {}
        for unit, label, members in units:
            values = {k: 0 for k, _ in COMMITTEE_FIGURES} | {k: 0 for k, _, _ in MEDIATOR_FIGURES}
            for o in members:
                kind = tree.orgs[o]["kind"]
                if kind in COMMITTEE_KINDS or kind == "group":
                    values[kind] += 1
                    if kind in COMMITTEE_KINDS:
                        values["committees"] += 1
                for (k, _, _), n in zip(MEDIATOR_FIGURES, by_org.get(o, ())):
                    values[k] += n or 0
            rows.append({"key": unit, "label": label, "values": values})
            for k, v in values.items():
                total[k] = total.get(k, 0) + v
        return {"org": root, "columns": [(k, label) for k, label in COMMITTEE_FIGURES]
                + [(k, label) for k, label, _ in MEDIATOR_FIGURES],
                "rows": rows, "total": total}
