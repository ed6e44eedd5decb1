"""Sample data (demo/book.py): a realistic Chifeng township, valid people, deterministic."""

from __future__ import annotations

import re
from datetime import date

import pytest

from mediator_desk.core.cases import CaseFilter, format_case_no
from mediator_desk.core.desk import Desk
from mediator_desk.core.progress import Cancelled
from mediator_desk.core.validation import check_credit_code, check_id_number, check_phone
from mediator_desk.demo import book as demo
from mediator_desk.demo import sampling
from mediator_desk.errors import DeskError, ValidationError
from mediator_desk.storage.schema import TRAVELLING_TABLES

TODAY = date(2026, 11, 28)
CHIFENG_CODES = {"150402", "150403", "150404", "150421", "150422", "150423", "150424", "150425",
                 "150426", "150428", "150429", "150430"}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    desk = Desk.open(tmp_path_factory.mktemp("demo") / "demo.db")
    seen = []
    summary = demo.build_demo(desk, cases=400, seed=7, today=TODAY,
                              progress=lambda done, total: seen.append((done, total)))
    yield desk, summary, seen
    desk.close()


def test_summary_and_progress(built):
    desk, summary, seen = built
    assert summary["cases"] == 400 == desk.cases.count()
    assert summary["parties"] == desk.scalar("SELECT count(*) FROM parties")
    assert summary["years"] == (2021, 2026)
    assert seen[0] == (0, 400) and seen[-1] == (400, 400)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_a_township_of_a_real_chifeng_county_with_12_to_20_villages(built):
    desk, summary, _ = built
    orgs = desk.query("SELECT * FROM organisations")
    by_kind = {}
    for o in orgs:
        by_kind.setdefault(o["kind"], []).append(o)
    assert [o["name"] for o in by_kind["city"]] == ["赤峰市"]
    county = by_kind["county"][0]
    assert (county["name"], county["division_code"]) in {(c[0], c[1]) for c in sampling.COUNTIES}
    assert county["name"] == summary["county"]
    assert len(by_kind["township"]) == 1
    assert 12 <= len(by_kind["village"]) <= 20
    committees = by_kind["township"] + by_kind["village"]
    shorts = [c["short_name"] for c in committees]
    assert all(shorts) and len(set(shorts)) == len(shorts)
    assert all(re.fullmatch(r"\w{1,8}", s) for s in shorts)
    assert all(c["name"].endswith("人民调解委员会") for c in committees)
    assert all(v["parent_id"] == by_kind["township"][0]["id"] for v in by_kind["village"])
    assert len(by_kind["group"]) >= 3 * len(by_kind["village"])
    assert desk.settings.get("committee_id") == by_kind["township"][0]["id"]


def test_mediators_have_the_fields_of_the_law(built):
    desk, _, _ = built
    for committee in desk.organisations.committees():
        members = desk.mediators.list(committee["id"], active_only=False)
        assert 3 <= len(members) <= 7
        assert any(m["sex"] == "女" for m in members)          # at least one woman
        assert any(m["ethnicity"] == "02" for m in members)    # a Mongol member
    everyone = desk.query("SELECT * FROM mediators")
    for m in everyone:
        assert m["name"] and m["birth_date"] and check_phone(m["phone"]) == m["phone"]
        assert m["education"] and m["profession"] and m["training"]
    assert {m["full_time"] for m in everyone} == {0, 1}
    assert any(m["title"] for m in everyone) and any(m["honours"] for m in everyone)
    assert any(m["legal_training"] for m in everyone)


def test_every_dispute_type_and_source_with_referral_notes(built):
    desk, _, _ = built
    types = {r[0] for r in desk.db.conn.execute("SELECT DISTINCT dispute_type FROM cases")}
    assert types == {i["code"] for i in desk.codes.items("dispute_type")}
    sources = {r[0] for r in desk.db.conn.execute("SELECT DISTINCT source FROM cases")}
    assert sources == {i["code"] for i in desk.codes.items("case_source")}
    referral = {i["code"] for i in desk.codes.items("case_source") if i["rollup"] == "referral"}
    for row in desk.query("SELECT source, referral_note FROM cases"):
        assert bool(row["referral_note"]) == (row["source"] in referral)


def test_cases_are_numbered_per_committee_per_year_like_registration(built):
    desk, _, _ = built
    shorts = {o["id"]: o["short_name"] for o in desk.organisations.committees()}
    rows = desk.query("SELECT * FROM cases ORDER BY org_id, case_year, case_seq")
    groups = {}
    for r in rows:
        assert r["case_no"] == format_case_no(r["case_year"], shorts[r["org_id"]], r["case_seq"])
        assert r["case_year"] == int(r["received_date"][:4])
        groups.setdefault((r["org_id"], r["case_year"]), []).append(r)
    for (org, year), cases in groups.items():
        assert [c["case_seq"] for c in cases] == list(range(1, len(cases) + 1))
        dates = [c["received_date"] for c in cases]
        assert dates == sorted(dates)                 # numbered in order of receipt
        assert desk.scalar("SELECT last_seq FROM case_counters WHERE org_id = ? AND year = ?",
                           (org, year)) == len(cases)


def test_cases_look_real(built):
    desk, _, _ = built
    rows = desk.query("SELECT * FROM cases")
    assert all("2021-01-01" <= r["received_date"] <= TODAY.isoformat() for r in rows)
    assert all(r["summary"] and r["claims"] and r["place"] for r in rows)
    assert all(r["amount_fen"] >= 0 and r["amount_fen"] % 100 == 0 for r in rows)
    assert any(r["amount_fen"] > 0 for r in rows) and any(r["amount_fen"] == 0 for r in rows)
    flagged = [r for r in rows if r["risk_flag"]]
    assert flagged and all(r["risk_note"] for r in flagged)
    assert all(r["people_involved"] >= 1 for r in rows)
    counts = [desk.scalar("SELECT count(*) FROM parties WHERE case_id = ?", (r["id"],))
              for r in rows]
    assert set(counts) == {1, 2, 3}
    assert all(desk.scalar("SELECT count(*) FROM case_mediators WHERE case_id = ?"
                           " AND role = 'lead'", (r["id"],)) == 1 for r in rows)


def test_people_are_valid_and_consistent(built):
    desk, _, _ = built
    people = desk.query("SELECT * FROM parties WHERE kind = 'person'")
    with_id = [p for p in people if p["id_number"]]
    assert len(with_id) > 0.8 * len(people)
    for p in with_id:
        info = check_id_number(p["id_number"], on=TODAY)     # GB 11643 check digit
        assert info.birth_date.isoformat() == p["birth_date"] and info.sex == p["sex"]
        assert p["id_number"][:6] in CHIFENG_CODES
    for p in people:
        assert check_phone(p["phone"]) == p["phone"]
        assert p["address"].startswith(desk.query_one(
            "SELECT name FROM organisations WHERE kind = 'county'")["name"])
        assert p["id_number"] or p["age"] is not None
        assert p["ethnicity"] in {"01", "02", "03", "11"}
    for p in desk.query("SELECT * FROM parties WHERE kind = 'organisation'"):
        assert check_credit_code(p["id_number"]) == p["id_number"]
        assert p["legal_rep"] and p["legal_rep_title"]
    # A validated round trip through the same rules the editor applies.
    for p in with_id[:50]:
        fields = {k: p[k] for k in ("role", "kind", "name", "sex", "ethnicity", "birth_date",
                                    "id_type", "id_number", "phone", "address", "occupation")}
        assert desk.parties.validate(fields)["id_number"] == p["id_number"]


def test_names_include_mongolian_names_and_rare_characters(built):
    desk, _, _ = built
    names = [r[0] for r in desk.db.conn.execute(
        "SELECT name FROM parties WHERE kind = 'person' UNION ALL SELECT name FROM mediators")]
    mongolian = set(sampling.MONGOLIAN_MALE + sampling.MONGOLIAN_FEMALE)
    assert any(n in mongolian or n[1:] in mongolian for n in names)
    assert any(ch in n for n in names for ch in sampling.RARE_CHARS)
    assert all(2 <= len(n) <= 6 for n in names)
    assert desk.scalar("SELECT count(*) FROM parties WHERE ethnicity = '02'") > 0


def test_search_works_on_the_demo(built):
    desk, _, _ = built
    party = desk.query_one("SELECT p.name, p.id_number, p.case_id FROM parties p WHERE"
                           " p.kind = 'person' AND p.id_number != '' AND length(p.name) = 2"
                           " LIMIT 1 OFFSET 17")
    assert party["case_id"] in desk.cases.search(CaseFilter(text=party["name"]), limit=1000)
    assert party["case_id"] in desk.cases.search(CaseFilter(text=party["id_number"][-8:]))
    assert desk.scalar("SELECT count(*) FROM case_search") == 400


def test_bulk_generation_is_audited_as_few_actions(built):
    desk, _, _ = built
    bulk = desk.query("SELECT table_name, details FROM audit_log WHERE action = 'bulk_create'")
    tables = {r["table_name"] for r in bulk}
    assert {"organisations", "mediators", "cases", "parties", "case_mediators"} <= tables
    assert tables <= set(TRAVELLING_TABLES)
    assert len(bulk) <= 3 * len(TRAVELLING_TABLES)
    # ...while every record has its change-log row.
    for table in ("cases", "parties", "organisations"):
        assert desk.scalar(f"SELECT count(*) FROM {table}") == desk.scalar(
            "SELECT count(*) FROM change_log WHERE table_name = ?", (table,))


def _content(desk) -> dict:
    skip = {"site_id", "created_at", "updated_at"}
    out = {}
    for table in ("organisations", "mediators", "cases", "parties", "case_mediators"):
        cur = desk.db.conn.execute(f"SELECT * FROM {table} ORDER BY id")
        names = [d[0] for d in cur.description]
        out[table] = [tuple(v for k, v in zip(names, r) if k not in skip) for r in cur]
    return out


def test_same_seed_same_content_ids_included(tmp_path):
    a, b, c = (Desk.open(tmp_path / f"{n}.db") for n in "abc")
    for d, seed in ((a, 11), (b, 11), (c, 12)):
        demo.build_demo(d, cases=60, seed=seed, today=TODAY)
    assert a.site_id != b.site_id
    assert _content(a) == _content(b)
    assert _content(a)["parties"] != _content(c)["parties"]
    for d in (a, b, c):
        d.close()


def test_refuses_a_database_with_records_and_changes_nothing(desk, make_case):
    make_case()
    before = {t: desk.scalar(f"SELECT count(*) FROM {t}") for t in
              ("organisations", "cases", "audit_log", "change_log")}
    with pytest.raises(DeskError) as err:
        demo.build_demo(desk, cases=10)
    assert "示例数据不能与真实数据混在一起" in err.value.message
    assert {t: desk.scalar(f"SELECT count(*) FROM {t}") for t in before} == before


def test_bad_counts_are_refused(tmp_path):
    d = Desk.open(tmp_path / "x.db")
    for bad in (-1, "10", 3.5):
        with pytest.raises(ValidationError):
            demo.build_demo(d, cases=bad)
    d.close()


class StopAt:
    def __init__(self, at):
        self.at, self.cancelled = at, False

    def update(self, done, total):
        if done >= self.at:
            self.cancelled = True


def test_cancelling_leaves_an_empty_database(tmp_path, monkeypatch):
    monkeypatch.setattr(demo, "BATCH", 40)     # several batches written before the cancel
    d = Desk.open(tmp_path / "cancel.db")
    with pytest.raises(Cancelled) as err:
        demo.build_demo(d, cases=2 * demo.BATCH + 5, progress=StopAt(demo.BATCH))
    assert "取消" in err.value.message
    for table in ("organisations", "mediators", "cases", "parties", "case_search"):
        assert d.scalar(f"SELECT count(*) FROM {table}") == 0
    assert d.settings.get("committee_id") is None
    demo.build_demo(d, cases=5, today=TODAY)         # and can be built afterwards
    assert d.cases.count() == 5
    d.close()


def test_zero_cases_builds_the_township_only(tmp_path):
    d = Desk.open(tmp_path / "zero.db")
    summary = demo.build_demo(d, cases=0, today=TODAY)
    assert summary["cases"] == 0 and summary["years"] == ()
    assert d.scalar("SELECT count(*) FROM organisations WHERE kind = 'village'") >= 12
    d.close()


def test_a_demo_killed_right_after_its_commit_has_its_sample_files(tmp_path, monkeypatch):
    """The sample files are stored before the records commit: records never
    point at files that are not there, so `check` passes after any interruption."""
    from mediator_desk.demo import book as demo
    from mediator_desk.core.desk import Desk

    desk = Desk.open(tmp_path / "demo.db")
    stored = []
    real = demo._write_world

    def write_world(*args, **kwargs):
        stored.append(sorted(p.name for p in desk.attachments_dir.rglob("*") if p.is_file()))
        return real(*args, **kwargs)

    monkeypatch.setattr(demo, "_write_world", write_world)
    demo.build_demo(desk, cases=40, seed=2)
    assert stored and len(stored[0]) >= 2                   # files were there before the commit
    assert desk.attachments.check() == []
    desk.close()
