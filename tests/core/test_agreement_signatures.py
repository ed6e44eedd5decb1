"""Art. 29: each party's signing date and the committee's seal date are recorded; a written
agreement is in force from the last of them."""

from __future__ import annotations

import pytest

from mediator_desk.core import rules
from mediator_desk.core.desk import Desk
from mediator_desk.errors import ReadOnlyRecord, ValidationError

from mediation_helpers import (OLD_AT, OLD_CASE, OLD_ORG, OLD_SITE, T, accepted_case,
                               older_database_with_a_case, status)


def _agreement(desk, make_case, deadline="2026-04-10"):
    case_id = accepted_case(desk, make_case)
    aid = desk.agreements.create(case_id, agreed_on="2026-03-10", terms=["李四拆除院墙"],
                                 performance_deadline=deadline, today=T)
    zhang, li = desk.parties.for_case(case_id)
    return case_id, aid, zhang["id"], li["id"]


def test_each_party_dated_and_the_last_day_wins(desk, make_case):
    case_id, aid, zhang, li = _agreement(desk, make_case)
    desk.agreements.sign(aid, party_dates={zhang: "2026-03-11", li: "2026-03-14"},
                         sealed_on="2026-03-13", today=T)
    a = desk.agreements.get(aid, today=T)
    assert (a["signed_on"], a["effective_on"], a["sealed_on"]) == \
        ("2026-03-14", "2026-03-14", "2026-03-13")
    assert a["party_signatures"] == [
        {"party_id": zhang, "name": "张三", "signed_on": "2026-03-11"},
        {"party_id": li, "name": "李四", "signed_on": "2026-03-14"}]
    assert a["confirmation_window"]["start"] == "2026-03-14"
    assert status(desk, case_id) == "effective"
    # in force: the dates are frozen with the rest
    earlier = desk.query_one("SELECT party_signatures FROM agreements WHERE id = ?",
                             (aid,))["party_signatures"].replace("2026-03-11", "2026-03-12")
    for change in ({"sealed_on": "2026-03-12"}, {"party_signatures": earlier}):
        with pytest.raises(ReadOnlyRecord, match="已生效"), desk.transaction():
            desk.records.update("agreements", aid, change, case_id=case_id)


def test_the_seal_can_be_the_last(desk, make_case):
    _, aid, zhang, li = _agreement(desk, make_case)
    desk.agreements.sign(aid, "2026-03-11", sealed_on="2026-03-16", today=T)
    a = desk.agreements.get(aid, today=T)
    assert (a["signed_on"], a["effective_on"]) == ("2026-03-16", "2026-03-16")
    assert {s["signed_on"] for s in a["party_signatures"]} == {"2026-03-11"}


def test_one_date_for_all_still_works(desk, make_case):
    _, aid, zhang, li = _agreement(desk, make_case)
    desk.agreements.sign(aid, "2026-03-12", today=T)
    a = desk.agreements.get(aid, today=T)
    assert (a["signed_on"], a["sealed_on"]) == ("2026-03-12", "2026-03-12")
    assert [s["signed_on"] for s in a["party_signatures"]] == ["2026-03-12"] * 2


def test_a_party_left_out_takes_the_common_date(desk, make_case):
    _, aid, zhang, li = _agreement(desk, make_case)
    desk.agreements.sign(aid, "2026-03-12", party_dates={li: "2026-03-15"}, today=T)
    a = desk.agreements.get(aid, today=T)
    assert [s["signed_on"] for s in a["party_signatures"]] == ["2026-03-12", "2026-03-15"]
    assert (a["sealed_on"], a["effective_on"]) == ("2026-03-12", "2026-03-15")


def test_refusals_name_the_party(desk, make_case):
    _, aid, zhang, li = _agreement(desk, make_case)
    with pytest.raises(ValidationError, match="当事人李四的签字日期"):
        desk.agreements.sign(aid, party_dates={zhang: "2026-03-11"}, today=T)
    with pytest.raises(ValidationError, match="当事人李四的签字日期.*不能早于达成协议日期"):
        desk.agreements.sign(aid, party_dates={zhang: "2026-03-11", li: "2026-03-09"}, today=T)
    with pytest.raises(ValidationError, match="当事人张三的签字日期"):
        desk.agreements.sign(aid, party_dates={zhang: "2026-07-01", li: "2026-03-11"}, today=T)
    with pytest.raises(ValidationError, match="盖章日期.*不能早于达成协议日期"):
        desk.agreements.sign(aid, "2026-03-11", sealed_on="2026-03-01", today=T)
    with pytest.raises(ValidationError, match="不属于本案"):
        desk.agreements.sign(aid, "2026-03-11", party_dates={"f" * 32: "2026-03-11"}, today=T)
    assert desk.agreements.get(aid, today=T)["signed_on"] == ""


def test_the_deadline_may_not_precede_the_last_signature(desk, make_case):
    _, aid, zhang, li = _agreement(desk, make_case, deadline="2026-03-13")
    with pytest.raises(ValidationError, match="李四签字.*履行期限") as exc:
        desk.agreements.sign(aid, party_dates={zhang: "2026-03-11", li: "2026-03-14"}, today=T)
    assert exc.value.field == "party_dates"
    with pytest.raises(ValidationError, match="盖章.*履行期限"):
        desk.agreements.sign(aid, "2026-03-11", sealed_on="2026-03-14", today=T)
    desk.agreements.sign(aid, party_dates={zhang: "2026-03-11", li: "2026-03-13"}, today=T)


def test_the_record_rules(desk, make_case):
    ok = '[{"party_id": "%s", "name": "张三", "signed_on": "2026-03-12"}]' % ("a" * 32)
    base = {"agreed_on": "2026-03-10", "signed_on": "2026-03-12", "sealed_on": "2026-03-12"}
    rules.check_row("agreements", dict(base, party_signatures=ok))
    for bad, what in [('[{"name": "张三"}]', "应为各方当事人"),
                      (ok.replace("2026-03-12", "2026-3-12"), "应为各方当事人"),
                      ("[" + ok[1:-1] + ", " + ok[1:-1] + "]", "同一当事人"),
                      (ok.replace("2026-03-12", "2026-03-09"), "张三的签字日期")]:
        with pytest.raises(rules.RuleBroken, match=what):
            rules.check_row("agreements", dict(base, party_signatures=bad))
    with pytest.raises(rules.RuleBroken, match="最后一方"):
        rules.check_row("agreements", dict(base, party_signatures=ok, signed_on="2026-03-13"))
    with pytest.raises(rules.RuleBroken, match="盖章日期"):
        rules.check_row("agreements", dict(base, party_signatures=ok, sealed_on="2026-03-09"))
    # the bulk check (sync import) says the same
    cols = ["agreed_on", "signed_on", "sealed_on", "party_signatures"]
    with pytest.raises(rules.RuleBroken, match="最后一方"):
        rules.check_rows("agreements", cols, [["2026-03-10", "2026-03-13", "2026-03-12", ok]])
    # an agreement signed by an older version (no dates per party) is still valid
    rules.check_rows("agreements", cols, [["2026-03-10", "2026-03-12", "", "[]"]])


def test_an_agreement_signed_before_the_migration_gets_every_party_and_the_seal(tmp_path):
    path = tmp_path / "old.db"
    conn = older_database_with_a_case(path, "0010_agreement_signatures", "effective")
    at, site, org, case = OLD_AT, OLD_SITE, OLD_ORG, OLD_CASE
    conn.execute("INSERT INTO settings (key, value) VALUES ('site_id', ?)", (f'"{site}"',))
    conn.execute("INSERT INTO settings (key, value) VALUES ('committee_id', ?)", (f'"{org}"',))
    sync = (site, at, at)
    for seq, (pid, name) in enumerate([("d" * 32, "张三"), ("e" * 32, "李四")], 1):
        conn.execute("INSERT INTO parties (id, site_id, rev, created_at, updated_at, case_id,"
                     " seq, role, kind, name) VALUES (?, ?, 1, ?, ?, ?, ?, 'applicant',"
                     " 'person', ?)", (pid, *sync, case, seq, name))
    for aid, no, signed in [("1" * 32, 1, "2026-01-12"), ("2" * 32, 2, "")]:
        conn.execute("INSERT INTO agreements (id, site_id, rev, created_at, updated_at, case_id,"
                     " form, agreement_no, agreement_year, agreement_seq, agreed_on, terms,"
                     " signed_on, effective_on) VALUES (?, ?, 1, ?, ?, ?, 'written', ?, 2026, ?,"
                     " '2026-01-10', '[\"拆墙\"]', ?, ?)",
                     (aid, *sync, case, f"（2026）前进调协字第{no}号", no, signed, signed))
    conn.close()

    desk = Desk.open(path)
    try:
        a = desk.agreements.get("1" * 32, today=T)
        assert a["sealed_on"] == "2026-01-12" and a["rev"] == 1
        assert a["party_signatures"] == [
            {"party_id": "d" * 32, "name": "张三", "signed_on": "2026-01-12"},
            {"party_id": "e" * 32, "name": "李四", "signed_on": "2026-01-12"}]
        rules.check_row("agreements", desk.agreements._row("1" * 32))
        unsigned = desk.agreements.get("2" * 32, today=T)
        assert (unsigned["party_signatures"], unsigned["sealed_on"]) == ([], "")
    finally:
        desk.close()
