"""The demo's mediation path: cases in every stage, with dates in order and files present."""

from datetime import date

import pytest

from mediator_desk.core import workflow
from mediator_desk.demo import book as demo
from mediator_desk.demo import path as demo_path

TODAY = date(2026, 11, 28)


@pytest.fixture(scope="module")
def demo_desk(tmp_path_factory):
    from mediator_desk.core.desk import Desk

    if demo_path.stage not in demo.STAGES:      # until demo.py registers the stage itself
        demo.STAGES.append(demo_path.stage)
    d = Desk.open(tmp_path_factory.mktemp("demo") / "demo.db")
    demo.build_demo(d, cases=600, seed=3, today=TODAY)
    demo_path.store_sample_files(d)
    yield d
    d.close()


def test_every_stage_is_there(demo_desk):
    d = demo_desk
    statuses = {r["status"] for r in d.query("SELECT DISTINCT status FROM cases")}
    assert statuses <= set(workflow.STATUSES)
    assert {"refused", "mediating", "effective", "performed", "ended", "withdrawn",
            "archived"} <= statuses
    forms = {r["form"] for r in d.query("SELECT DISTINCT form FROM agreements")}
    assert forms == {"written", "oral"}
    assert d.scalar("SELECT count(*) FROM confirmations WHERE result = 'confirmed'") > 0
    assert d.scalar("SELECT count(*) FROM followups") > 0
    assert d.scalar("SELECT count(*) FROM investigations") > 0


def test_dates_are_in_order(demo_desk):
    d = demo_desk
    t = TODAY.isoformat()
    bad = {
        "future": d.scalar(
            "SELECT count(*) FROM (SELECT decided_on AS x FROM acceptances UNION ALL"
            " SELECT held_on FROM mediation_sessions UNION ALL SELECT signed_on FROM agreements"
            " UNION ALL SELECT visited_on FROM followups UNION ALL SELECT archived_on FROM"
            " archives UNION ALL SELECT result_on FROM confirmations) WHERE x > ?", (t,)),
        "decided_before_received": d.scalar(
            "SELECT count(*) FROM acceptances a JOIN cases c ON c.id = a.case_id"
            " WHERE a.decided_on < c.received_date"),
        "session_before_received": d.scalar(
            "SELECT count(*) FROM (SELECT case_id, held_on FROM mediation_sessions UNION ALL"
            " SELECT case_id, held_on FROM investigations) s JOIN cases c ON c.id = s.case_id"
            " WHERE s.held_on < c.received_date"),
        "signed_before_agreed": d.scalar(
            "SELECT count(*) FROM agreements WHERE signed_on != '' AND signed_on < agreed_on"),
        "effective_wrong": d.scalar(
            "SELECT count(*) FROM agreements WHERE effective_on != CASE form WHEN 'oral'"
            " THEN agreed_on ELSE signed_on END"),
        "visit_before_effective": d.scalar(
            "SELECT count(*) FROM followups f JOIN agreements a ON a.id = f.agreement_id"
            " WHERE f.visited_on < a.effective_on"),
        "confirmation_outside_window": d.scalar(
            "SELECT count(*) FROM confirmations k JOIN agreements a ON a.id = k.agreement_id"
            " WHERE k.applied_on < a.effective_on OR k.applied_on > date(a.effective_on,"
            " '+30 days')"),
    }
    assert bad == dict.fromkeys(bad, 0)
    for row in d.query("SELECT case_id, archived_on FROM archives"):
        assert row["archived_on"] >= d.dossier._latest_date(row["case_id"])


def test_statuses_match_the_records(demo_desk):
    d = demo_desk
    for case in d.query("SELECT id, status FROM cases"):
        acc = d.acceptance.get(case["id"])
        agreement = d.agreements.current(case["id"])
        closure = d.outcomes.closure(case["id"])
        st = case["status"]
        if st == "registered":
            assert acc is None
        if st in ("refused",):
            assert acc["decision"] == "refused"
        if st in ("agreed", "effective", "performed"):
            assert agreement is not None
            assert bool(agreement["effective_on"]) == (st != "agreed")
            assert (agreement["performance_status"] == "performed") == (st == "performed")
        if st in ("ended", "withdrawn"):
            assert closure["kind"] == st
        if st == "archived":
            assert d.dossier.get_archive(case["id"]) is not None
            assert d.dossier.missing(case["id"]) == []


def test_sample_files_exist_and_numbers_continue(demo_desk):
    d = demo_desk
    assert d.attachments.check(verify_hash=True) == []
    assert d.scalar("SELECT count(DISTINCT sha256) FROM attachments") <= 2  # stored once
    numbers = d.query("SELECT agreement_no FROM agreements")
    assert len({r["agreement_no"] for r in numbers}) == len(numbers)
    org = d.query_one("SELECT c.org_id, a.agreement_year, max(a.agreement_seq) AS n FROM"
                      " agreements a JOIN cases c ON c.id = a.case_id WHERE a.agreement_year ="
                      " 2026 GROUP BY c.org_id ORDER BY n DESC LIMIT 1")
    with d.transaction():
        seq, _ = d.agreements.next_number(org["org_id"], 2026)
    assert seq == org["n"] + 1
