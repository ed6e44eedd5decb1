"""``demo township``: an office and N villages of ONE township, each its own database with its
own keys, exchanging real bundles and receipts month by month; one village misses the last
month. The office's database holds the villages' cases (distinct numbers) and screening."""

from __future__ import annotations

from datetime import date

import pytest

from mediator_desk import sync
from mediator_desk.cli import main
from mediator_desk.core.desk import Desk
from mediator_desk.demo import township as demo_township
from mediator_desk.errors import DeskError

TODAY = date(2026, 12, 5)


@pytest.fixture(scope="module")
def township(tmp_path_factory):
    folder = tmp_path_factory.mktemp("township") / "t"
    closing: list[tuple[str, str]] = []

    def hook(village, period):
        closing.append((village.settings.get("committee_id"), period))

    demo_township.MONTH_CLOSING_HOOKS.append(hook)
    try:
        summary = demo_township.build_township(folder, villages=4, months=3, seed=3,
                                               today=TODAY)
    finally:
        demo_township.MONTH_CLOSING_HOOKS.remove(hook)
    return summary, closing


def test_office_holds_the_villages_cases_and_screening(township):
    s, closing = township
    assert s["periods"] == ["2026-09", "2026-10", "2026-11"]
    office = Desk.open(s["office"])
    try:
        villages = office.organisations.list(kind="village")
        assert len(villages) == 4
        assert len({v["short_name"] for v in villages}) == 4
        # every case sent is there, numbers distinct, each village's numbered by its own name
        expected = sum(v["cases"] for v in s["villages"][:-1])
        last = Desk.open(s["villages"][-1]["path"])
        try:
            unsent = last.scalar("SELECT count(*) FROM cases WHERE received_date >= '2026-11-01'")
            expected += last.scalar("SELECT count(*) FROM cases") - unsent
            assert unsent > 0
            assert last.scalar("SELECT count(*) FROM screening_items") > \
                office.scalar("SELECT count(*) FROM screening_items WHERE site_id = ?",
                              (last.site_id,))
        finally:
            last.close()
        assert office.scalar("SELECT count(*) FROM cases") == expected == s["office_cases"]
        assert office.scalar("SELECT count(DISTINCT case_no) FROM cases") == expected
        for v in villages:
            nos = [r["case_no"] for r in office.query(
                "SELECT case_no FROM cases WHERE org_id = ?", (v["id"],))]
            assert nos and all(f"{v['short_name']}人调字第" in n for n in nos)
        # screening arrived: rounds of every village, settled items, some prevented escalations
        assert office.scalar("SELECT count(DISTINCT org_id) FROM screening_rounds") == 4
        assert office.scalar("SELECT count(*) FROM screening_items WHERE status = 'settled'"
                             " AND prevented != ''") > 0
        assert office.scalar("SELECT count(*) FROM screening_items i JOIN cases c"
                             " ON c.id = i.case_id") == 4          # one per village
        # each village enrolled with its own keys, accepted; the last one missed November
        peers = sync.list_peers(office, "village")
        assert len(peers) == 4 and len({p["fingerprint"] for p in peers}) == 4
        assert [len(v["sent"]) for v in s["villages"]] == [3, 3, 3, 2]
        assert s["missing"]["period"] == "2026-11"
        # the roster: all four villages' mediators are the office's to read
        roster = office.mediators.roster()
        assert {m["org_name"] for m in roster} >= {v["name"] for v in villages}
        assert office.audit.verify_chain() is None
        # the villages closed their months; the office sees the one missing report
        status = office.statistics.completeness("2026-11", today=TODAY)
        assert (status["expected"], status["reported"], status["missing"]) == (4, 3, 1)
        assert [u["name"] for u in status["units"] if u["state"] == "missing"] == \
            [s["missing"]["village"]]
        assert office.scalar("SELECT count(*) FROM period_reports") == 11
    finally:
        office.close()
    # the month-closing hook ran before each bundle that was sent, not for the missing one
    assert len(closing) == 11


def test_villages_got_their_receipts(township):
    s, _ = township
    v = Desk.open(s["villages"][0]["path"])
    try:
        peer = sync.list_peers(v, "office")[0]
        assert peer["acked_seq"] > 0
        assert v.scalar("SELECT count(*) FROM organisations WHERE kind = 'township'") == 1
    finally:
        v.close()


def test_refuses_a_folder_in_use_and_too_many_villages(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "office.db").write_bytes(b"")
    with pytest.raises(DeskError, match="不是空的"):
        demo_township.build_township(tmp_path / "x", villages=2, today=TODAY)
    with pytest.raises(DeskError, match="最多有"):
        demo_township.build_township(tmp_path / "y", villages=99, today=TODAY)


def test_cli_demo_township_and_the_single_database_demo(tmp_path, capsys):
    assert main(["demo", "township", "--dir", str(tmp_path / "t"), "--villages", "2",
                 "--months", "1"]) == 0
    out = capsys.readouterr().out
    assert "已生成示例乡镇" in out and "未报送" in out and "village-02.db" in out
    assert main(["demo", "--db", str(tmp_path / "one.db"), "--cases", "20"]) == 0
    assert "20 件案件" in capsys.readouterr().out
    # the single-database demo screens too: every committee, final states, prevented escalations
    one = Desk.open(tmp_path / "one.db")
    try:
        assert one.scalar("SELECT count(DISTINCT org_id) FROM screening_rounds") == \
            one.scalar("SELECT count(*) FROM organisations WHERE kind IN ('village', 'township')")
        assert one.scalar("SELECT count(*) FROM screening_items WHERE prevented = 'suicide'"
                          " AND prevented_people = 1") > 0
        assert one.scalar("SELECT count(*) FROM screening_items WHERE status != 'settled'"
                          " AND prevented != ''") == 0
    finally:
        one.close()
    with pytest.raises(SystemExit):
        main(["demo", "--db", str(tmp_path / "two.db")])
    assert "缺少必填参数：--cases" in capsys.readouterr().err
