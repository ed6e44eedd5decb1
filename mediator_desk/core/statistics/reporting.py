"""Reporting a period: a committee closes its month (or sends a zero report), the office sees
who reported, chases who did not, and locks what it sends upward; later changes to a locked
period show as corrections against the submitted figures (docs/statistics.md)."""

from __future__ import annotations

import json
from datetime import date

from mediator_desk.core import path_settings
from mediator_desk.core.clock import today as _today, utc_now
from mediator_desk.core.statistics.engine import Counter, Figures
from mediator_desk.core.statistics.indicators import INDICATORS
from mediator_desk.core.statistics.periods import Period, parse_period
from mediator_desk.errors import ReadOnlyRecord, ValidationError

STATES = {"reported": "已报送", "zero": "零上报", "missing": "未报送"}


class Reporting(Counter):
    """Mixed into ``Statistics``; ``period()`` parses with today's date."""

    # --- a committee closes its month ----------------------------------------------------------
    def month_figures(self, period: str | Period, *, org: str | None = None,
                      today: date | None = None) -> Figures:
        """What a committee is about to declare: its figures of the month (total only)."""
        p = self._month(period, today)
        return self.figures(p, org=org, by=())

    def close_month(self, period: str | Period, *, org: str | None = None, note: str = "",
                    today: date | None = None) -> dict:
        """Declare the month closed ("本月已报送"); a zero report (零上报) when the committee
        received no case and nothing else counts in the month. Once per committee and month."""
        p = self._month(period, today)
        committee = self.org(org)
        if committee["kind"] not in ("village", "township", "specialised"):
            raise ValidationError(f"“{committee['name']}”不是调委会，不能报送月报", field="org")
        owner = self.desk.scalar("SELECT site_id FROM organisations WHERE id = ?",
                                 (committee["id"],))
        if owner != self.desk.site_id:
            raise ReadOnlyRecord(f"“{committee['name']}”的月报由该调委会自己报送")
        done = self.declaration(p.code, committee["id"])
        if done:
            raise ValidationError(f"{committee['name']}{p.label}已于{done['closed_on']}报送"
                                  f"{'（零上报）' if done['zero'] else ''}，不能重复报送",
                                  field="period")
        figures = self.figures(p, org=committee["id"], by=())
        received = self.desk.scalar(
            "SELECT count(*) FROM cases WHERE received_date BETWEEN ? AND ? AND org_id IN"
            " (SELECT value FROM json_each(?))",
            (p.first, p.last, json.dumps(self.tree().below(committee["id"]))))
        zero = 0 if received or any(figures.total.values.values()) else 1
        day = (today or _today()).isoformat()
        with self.desk.transaction():
            rid = self.desk.records.insert("period_reports", {
                "org_id": committee["id"], "period": p.code, "closed_on": day,
                "closed_by": self.desk.user, "zero": zero,
                "note": (note or "").strip()}, action="close_month")
        return {"id": rid, "period": p.code, "zero": zero, "closed_on": day,
                "org": committee["name"]}

    def declaration(self, month: str, org_id: str) -> dict | None:
        return self.desk.query_one("SELECT * FROM period_reports WHERE org_id = ? AND period = ?",
                                   (org_id, month))

    # --- the office: who reported ---------------------------------------------------------------
    def completeness(self, period: str | Period, *, org: str | None = None,
                     today: date | None = None) -> dict:
        """Per committee under ``org``: reported / zero / missing for the period (a longer
        period is reported when every month is), on time (closed within N days after each
        month's end, setting ``stats_on_time_days``), and the reporting rate."""
        p = self.period(period, today=today)
        tree = self.tree()
        root = self.org(org, tree)
        expected = tree.committees_below(root["id"]) or [root]
        months = p.months()
        days = int(path_settings.get(self.desk, "stats_on_time_days"))
        rows = self.desk.query(
            "SELECT org_id, period, closed_on, closed_by, zero FROM period_reports WHERE period IN"
            " (SELECT value FROM json_each(?))", (json.dumps(months),))
        by_org: dict[str, dict[str, dict]] = {}
        for r in rows:
            by_org.setdefault(r["org_id"], {})[r["period"]] = r
        limits = {m: parse_period(m).end.toordinal() + days for m in months}
        units, counts = [], {"reported": 0, "zero": 0, "missing": 0, "on_time": 0}
        for c in expected:
            got = by_org.get(c["id"], {})
            if len(got) < len(months):
                state = "missing"
            elif all(g["zero"] for g in got.values()):
                state = "zero"
            else:
                state = "reported"
            on_time = state != "missing" and all(
                date.fromisoformat(g["closed_on"]).toordinal() <= limits[m]
                for m, g in got.items())
            counts[state] += 1
            counts["on_time"] += on_time
            units.append({"org_id": c["id"], "name": c["name"], "state": state,
                          "state_label": STATES[state], "on_time": on_time,
                          "months": {m: got.get(m) for m in months},
                          "closed_on": max((g["closed_on"] for g in got.values()), default="")})
        n = len(expected)
        done = counts["reported"] + counts["zero"]
        return {"period": p.code, "period_label": p.label, "org": root["name"],
                "on_time_days": days, "units": units, "expected": n, "reported": done,
                "zero": counts["zero"], "missing": counts["missing"],
                "on_time": counts["on_time"],
                "rate": round(100 * done / n, 1) if n else None,
                "on_time_rate": round(100 * counts["on_time"] / n, 1) if n else None}

    def reminders(self, period: str | Period, *, org: str | None = None,
                  today: date | None = None) -> list[dict]:
        """The committees that have not reported, with their active mediators and phones."""
        status = self.completeness(period, org=org, today=today)
        missing = [u for u in status["units"] if u["state"] == "missing"]
        people = self.desk.query(
            "SELECT org_id, name, phone, title FROM mediators WHERE active = 1 AND org_id IN"
            " (SELECT value FROM json_each(?)) ORDER BY org_id, full_time DESC, name",
            (json.dumps([u["org_id"] for u in missing]),))
        out = []
        for u in missing:
            contacts = [p for p in people if p["org_id"] == u["org_id"]]
            out.append({"org_id": u["org_id"], "name": u["name"], "period": status["period"],
                        "missing_months": [m for m, g in u["months"].items() if not g],
                        "contacts": [{"name": p["name"], "phone": p["phone"],
                                      "title": p["title"]} for p in contacts]})
        return out

    # --- locking what was sent upward -----------------------------------------------------------
    def lock(self, period: str | Period, *, org: str | None = None,
             today: date | None = None) -> dict:
        """Lock the office's report of ``period``: its figures, as submitted, are kept."""
        p = self.period(period, today=today)
        root = self.org(org)
        day = today or _today()
        if p.end >= day:
            raise ValidationError(f"{p.label}尚未结束，不能锁定报表", field="period")
        held = self.lock_of(p, org=root["id"])
        if held:
            raise ValidationError(f"{root['name']}{p.label}的报表已于{held['locked_on']}锁定上报，"
                                  "不能重复锁定", field="period")
        figures = self.figures(p, org=root["id"])
        snapshot = {"rows": {r.key[0]: r.values for r in figures.rows},
                    "labels": {r.key[0]: r.labels[0] for r in figures.rows},
                    "total": figures.total.values}
        with self.desk.transaction():
            self.desk.db.conn.execute(
                "INSERT INTO report_locks (org_id, period, locked_on, locked_by, figures, at)"
                " VALUES (?,?,?,?,?,?)",
                (root["id"], p.code, day.isoformat(), self.desk.user,
                 json.dumps(snapshot, ensure_ascii=False), utc_now()))
            self.desk.records.audit("lock_report", table="report_locks",
                                    record_id=f"{root['id']}:{p.code}",
                                    details={"period": p.code})
            self.desk.note_change("report_locks")
        return {"org": root["name"], "period": p.code, "locked_on": day.isoformat()}

    def lock_of(self, period: str | Period, *, org: str | None = None) -> dict | None:
        p = self.period(period)
        root = self.org(org)
        row = self.desk.query_one("SELECT * FROM report_locks WHERE org_id = ? AND period = ?",
                                  (root["id"], p.code))
        if row:
            row["figures"] = json.loads(row["figures"])
        return row

    def corrections(self, period: str | Period, *, org: str | None = None,
                    figures: Figures | None = None) -> list[dict]:
        """Cells of a locked report that differ now from what was submitted (a late record,
        a changed one): row, indicator, submitted, now. Empty when not locked or unchanged."""
        p = self.period(period)
        held = self.lock_of(p, org=org)
        if not held:
            return []
        now = figures or self.figures(p, org=org)
        sent = held["figures"]
        out = []
        rows = [(r.key[0], r.labels[0], r.values) for r in now.rows] + [
            ("total", "合计", now.total.values)]
        for key, label, values in rows:
            before = sent["total"] if key == "total" else sent["rows"].get(key, {})
            for ind in INDICATORS:
                a, b = ind.value(before), ind.value(values)
                if a != b:
                    out.append({"row": key, "label": label, "indicator": ind.key,
                                "indicator_label": ind.label, "submitted": a, "now": b})
        return out

    # --- helpers --------------------------------------------------------------------------------
    def _month(self, period: str | Period, today: date | None) -> Period:
        p = period if isinstance(period, Period) else parse_period(period,
                                                                   today=today or _today())
        if p.kind != "month":
            raise ValidationError(f"月报按月报送，请选择一个月份（如 {p.first[:7]}）",
                                  field="period")
        return p
