"""Every indicator recounted from raw SQL, written here independently of the engine, on
randomised databases whose cases walk the real mediation path."""

from __future__ import annotations

import shutil
import tempfile
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from mediator_desk.core.desk import Desk
from mediator_desk.core.statistics import INDICATORS
from tests.conftest import VALID_ID
from tests.mediation_helpers import T

START = date(2026, 1, 1)

OUTCOMES = ["registered", "refused", "accepted", "withdrawn", "ended", "oral", "written",
            "unsigned", "performed", "confirmed"]

plan = st.lists(st.fixed_dictionaries({
    "outcome": st.sampled_from(OUTCOMES),
    "received": st.integers(0, 150),
    "gap1": st.integers(0, 20),
    "gap2": st.integers(0, 20),
    "people": st.sampled_from([0, 1, 2, 9, 10, 11, 25]),
    "amount": st.sampled_from([0, 500_00, 99_999_00, 100_000_00]),
    "type": st.sampled_from(["01", "02", "07", "0701", "13", "99"]),
    "source": st.sampled_from(["apply", "initiative", "court"]),
    "village": st.integers(0, 1),
    "risk": st.sampled_from(["", "criminal", "group_petition", "group_fight", "suicide"]),
    "prevented": st.booleans(),
}), min_size=4, max_size=14)

# screening rounds, each with the disputes it found: (found day, people, settled after N days
# or never, what was prevented, people prevented)
screens = st.lists(st.fixed_dictionaries({
    "held": st.integers(0, 150),
    "village": st.integers(0, 1),
    "items": st.lists(st.fixed_dictionaries({
        "people": st.integers(0, 30),
        "type": st.sampled_from(["02", "07", "0701", "99"]),
        "settle": st.sampled_from([None, 0, 5, 40]),
        "prevented": st.sampled_from(["", "dispute", "suicide", "criminal", "group_petition",
                                      "group_fight"]),
    }), max_size=3),
}), max_size=4)


def day(n: int) -> str:
    return min(START + timedelta(days=n), T).isoformat()


def build(desk, items, rounds=()) -> None:
    committee = desk.settings.get("committee_id")
    township = desk.organisations.get(committee)["parent_id"]
    other = desk.organisations.create(kind="village", name="白音村人民调解委员会",
                                      short_name="白音", parent_id=township)
    desk.codes.add("dispute_type", code="0701", label="土地草牧场边界纠纷", rollup="07")
    mediator = desk.settings.get("current_mediator_id")
    for rnd in rounds:
        rid = desk.screening.add_round(
            org_id=(committee, other)[rnd["village"]], held_on=day(rnd["held"]), today=T,
            items=[dict(dispute_type=i["type"], risk_level="yellow", summary="邻里争执",
                        people_involved=i["people"]) for i in rnd["items"]])
        for found, i in zip(desk.screening.items(rid), rnd["items"]):
            if i["settle"] is None:
                continue
            people = min(i["people"], 3) if i["prevented"] else 0
            desk.screening.move(found["id"], "settled", settled_on=day(rnd["held"] + i["settle"]),
                                prevented=i["prevented"], prevented_people=people, today=T)
    for it in items:
        received = it["received"]
        d1, d2 = received + it["gap1"], received + it["gap1"] + it["gap2"]
        case = desk.cases.register(
            org_id=(committee, other)[it["village"]], received_date=day(received),
            source=it["source"], referral_note="某某旗人民法院委派" if it["source"] == "court" else "",
            dispute_type=it["type"], summary="两家因院墙位置发生争执", people_involved=it["people"],
            amount_fen=it["amount"], mediator_ids=[mediator],
            parties=[dict(name="张三", role="applicant", id_number=VALID_ID),
                     dict(name="李四", role="respondent")])
        outcome = it["outcome"]
        if outcome == "registered":
            continue
        if outcome == "refused":
            desk.acceptance.refuse(case, decided_on=day(d1), reason="outside_scope", today=T)
            continue
        desk.acceptance.accept(case, decided_on=day(d1), consent_form="written_application",
                               rights_notice_given=True, today=T)
        if it["risk"]:
            rid = desk.outcomes.flag_risk(case, kind=it["risk"], flagged_on=day(d1),
                                          note="情绪激动", people=it["people"], today=T)
            if it["prevented"]:
                desk.outcomes.update_risk(rid, prevented=1)
        if outcome == "withdrawn":
            desk.outcomes.withdraw(case, withdrawn_on=day(d2), reason="自行和解", today=T)
        elif outcome == "ended":
            desk.outcomes.end(case, ended_on=day(d2), reason="分歧大", routes_explained="可起诉",
                              today=T)
        elif outcome == "oral":
            desk.agreements.create(case, form="oral", agreed_on=day(d2), terms=["道歉"],
                                   amount_fen=it["amount"] // 2, today=T)
        elif outcome in ("written", "unsigned", "performed", "confirmed"):
            aid = desk.agreements.create(case, agreed_on=day(d1), terms=["赔偿"],
                                         amount_fen=it["amount"], today=T)
            if outcome == "unsigned":
                continue
            desk.agreements.sign(aid, day(d2), today=T)
            if outcome == "performed":
                desk.agreements.record_performance(aid, status="performed",
                                                   checked_on=day(d2 + 3), today=T)
            if outcome == "confirmed":
                cid = desk.confirmations.apply(aid, applied_on=day(d2), court="某某旗人民法院",
                                               today=T)
                desk.confirmations.record_result(cid, result="confirmed", result_on=day(d2 + 5),
                                                 court_case_no="（2026）内0421民特1号", today=T)


def recount(conn, first: str, last: str, orgs: list[str], type_codes=None) -> dict:
    """The indicators of docs/statistics.md, straight from the tables."""
    marks = ",".join("?" * len(orgs))
    types = ""
    if type_codes is not None:
        types = " AND c.dispute_type IN (%s)" % ",".join(f"'{t}'" for t in type_codes)

    def one(sql, *extra):
        return conn.execute(sql.format(orgs=marks, types=types),
                            (first, last, *orgs, *extra)).fetchone()[0] or 0

    acc = "SELECT count(*) FROM acceptances a JOIN cases c ON c.id = a.case_id WHERE" \
          " a.decided_on BETWEEN ? AND ? AND c.org_id IN ({orgs}){types} AND a.decision = ?"
    agr = "FROM agreements g JOIN cases c ON c.id = g.case_id WHERE g.effective_on BETWEEN ? AND ?" \
          " AND c.org_id IN ({orgs}){types} AND g.voided_on = '' AND g.supplements_id IS NULL"
    clo = "FROM closures k JOIN cases c ON c.id = k.case_id WHERE k.closed_on BETWEEN ? AND ?" \
          " AND c.org_id IN ({orgs}){types}"
    hard = ("(c.people_involved >= 10 OR c.amount_fen >= 10000000 OR EXISTS"
            " (SELECT 1 FROM risk_flags r WHERE r.case_id = c.id))")
    written = one(f"SELECT count(*) {agr} AND g.form = 'written'")
    oral = one(f"SELECT count(*) {agr} AND g.form = 'oral'")
    ended = one(f"SELECT count(*) {clo} AND k.kind = 'ended'")
    out = {
        "accepted": one(acc, "accepted"),
        "refused": one(acc, "refused"),
        "success_written": written, "success_oral": oral, "success": written + oral,
        "ended": ended, "mediated": written + oral + ended,
        "success_rate": round(100 * (written + oral) / (written + oral + ended), 1)
        if written + oral + ended else None,
        "withdrawn": one(f"SELECT count(*) {clo} AND k.kind = 'withdrawn'"),
        "people": one(f"SELECT sum(c.people_involved) {agr}")
        + one(f"SELECT sum(c.people_involved) {clo} AND k.kind = 'ended'"),
        "amount": (one(f"SELECT sum(c.amount_fen) {agr}")
                   + one(f"SELECT sum(c.amount_fen) {clo} AND k.kind = 'ended'")) / 100,
        "amount_agreed": one(f"SELECT sum(g.amount_fen) {agr}") / 100,
        "hard": one(f"SELECT count(*) {agr} AND {hard}")
        + one(f"SELECT count(*) {clo} AND k.kind = 'ended' AND {hard}"),
        "performed": one(
            "SELECT count(*) FROM agreements g JOIN cases c ON c.id = g.case_id WHERE"
            " g.performance_checked_on BETWEEN ? AND ? AND c.org_id IN ({orgs}){types}"
            " AND g.performance_status = 'performed' AND g.effective_on != ''"
            " AND g.voided_on = '' AND g.supplements_id IS NULL"),
        "confirmed": one(
            "SELECT count(*) FROM confirmations f JOIN cases c ON c.id = f.case_id WHERE"
            " f.result_on BETWEEN ? AND ? AND c.org_id IN ({orgs}){types}"
            " AND f.result = 'confirmed'"),
    }
    s_types = types.replace("c.dispute_type", "s.dispute_type")
    settled = ("FROM screening_items s WHERE (CASE WHEN s.settled_on = '' THEN s.found_on"
               " ELSE s.settled_on END) BETWEEN ? AND ? AND s.org_id IN ({orgs})" + s_types
               + " AND s.prevented = ?")
    for key, kind in (("prev_criminal", "criminal"), ("prev_petition", "group_petition"),
                      ("prev_fight", "group_fight"), ("prev_suicide", "suicide")):
        base = ("FROM risk_flags r JOIN cases c ON c.id = r.case_id WHERE r.flagged_on"
                " BETWEEN ? AND ? AND c.org_id IN ({orgs}){types} AND r.prevented = 1"
                " AND r.kind = ?")
        out[key] = one(f"SELECT count(*) {base}", kind) + one(f"SELECT count(*) {settled}", kind)
        out[key + "_people"] = one(f"SELECT sum(r.people) {base}", kind) \
            + one(f"SELECT sum(s.prevented_people) {settled}", kind)
    out["prev_dispute"] = one(f"SELECT count(*) {settled}", "dispute")
    out["prev_dispute_people"] = one(f"SELECT sum(s.prevented_people) {settled}", "dispute")
    out["screen_found"] = one("SELECT count(*) FROM screening_items s WHERE s.found_on BETWEEN ?"
                              " AND ? AND s.org_id IN ({orgs})" + s_types)
    out["screen_rounds"] = one("SELECT count(*) FROM screening_rounds s WHERE s.held_on"
                               " BETWEEN ? AND ? AND s.org_id IN ({orgs})") \
        if type_codes is None else 0
    return out


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(items=plan, rounds=screens, period=st.sampled_from(["2026-01", "2026-02", "2026-03", "2026Q1",
                                           "2026Q2", "2026H1", "2026",
                                           "2026-02-10..2026-04-20"]))
def test_every_indicator_recounts_from_raw_sql(template_db, items, rounds, period):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "desk.db"
        shutil.copyfile(template_db, path)
        desk = Desk.open(path)
        try:
            build(desk, items, rounds)
            stats = desk.statistics
            p = stats.period(period, today=T)
            committee = desk.settings.get("committee_id")
            township = desk.organisations.get(committee)["parent_id"]
            tree = stats.tree()
            report = stats.report(p, org=township, today=T)
            conn = desk.db.conn
            expected_total = recount(conn, p.first, p.last, tree.below(township))
            checked = [k for k in expected_total]
            assert set(checked) == {i.key for i in INDICATORS}       # every indicator
            for key in checked:
                assert report.total.value(key) == expected_total[key], key
            for row in report.rows:
                expected = recount(conn, p.first, p.last, tree.below(row.key[0])
                                   if row.key[0] != township else [township])
                for key in checked:
                    assert row.value(key) == expected[key], (row.labels, key)
            # by type: local types roll up to the 15
            by_type = stats.report(p, org=township, by=("type",), today=T)
            for row in by_type.rows:
                if row.key[0] == "":             # screening rounds have no dispute type
                    assert set(row.values) == {"screen_rounds"}
                    assert row.value("screen_rounds") == expected_total["screen_rounds"]
                    continue
                codes = [row.key[0]] + (["0701"] if row.key[0] == "07" else [])
                expected = recount(conn, p.first, p.last, tree.below(township), codes)
                for key in checked:
                    assert row.value(key) == expected[key], (row.labels, key)
            # a higher period is the sum of its months (additive indicators)
            if p.kind != "range":
                months = [stats.report(m, org=township, today=T) for m in p.month_periods()]
                for ind in INDICATORS:
                    if ind.den:
                        continue
                    assert report.total.value(ind) == sum(m.total.value(ind) for m in months)
            # the drill-down lists exactly the counted cases
            for key in ("accepted", "success", "ended", "refused", "performed"):
                listed = stats.records(p, key, org=township)
                assert len(listed) == report.total.value(key)
        finally:
            desk.close()
