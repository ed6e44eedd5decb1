"""A tamper-evident audit trail: entries are hash-chained per site, `check` names
the first broken one; personal data is masked in it; showing full ID numbers is audited."""

from __future__ import annotations

import json
import sqlite3

from mediator_desk.cli import main as cli_main

from mediation_helpers import accepted_case


def _check(db_path, capsys) -> tuple[int, str]:
    code = cli_main(["check", "--db", str(db_path)])
    return code, capsys.readouterr().out


def test_the_chain_is_intact_after_ordinary_work(desk, make_case):
    make_case()
    accepted_case(desk, make_case)
    assert desk.scalar("SELECT count(*) FROM audit_log WHERE chain = ''") == 0
    assert desk.audit.verify_chain() is None


def test_deleting_or_changing_an_entry_by_hand_is_found(desk, db_path, make_case, capsys):
    make_case()
    make_case(summary="第二件")
    desk.close()
    code, out = _check(db_path, capsys)
    assert code == 0 and "操作记录链：完整" in out
    conn = sqlite3.connect(str(db_path))
    seqs = [r[0] for r in conn.execute("SELECT seq FROM audit_log ORDER BY seq")]
    conn.execute("DELETE FROM audit_log WHERE seq = ?", (seqs[3],))
    conn.commit()
    conn.close()
    code, out = _check(db_path, capsys)
    assert code == 1
    assert f"操作记录链：第 {seqs[4]} 条" in out and "被删除" in out
    conn = sqlite3.connect(str(db_path))
    conn.execute("UPDATE audit_log SET user = '别人' WHERE seq = ?", (seqs[1],))
    conn.commit()
    conn.close()
    code, out = _check(db_path, capsys)
    assert f"操作记录链：第 {seqs[1]} 条" in out


def test_personal_data_is_masked_in_the_audit_of_a_party(desk, make_case):
    case_id = make_case()
    party = desk.parties.for_case(case_id)[0]
    desk.parties.update(party["id"], address="林西县大井镇四家子村一组94号", phone="13912345679")
    desk.parties.remove(desk.parties.for_case(case_id)[1]["id"])
    text = " ".join(r[0] for r in desk.db.conn.execute("SELECT details FROM audit_log"))
    for secret in ("13912345679", "13912345678", "11010519491231002X", "四家子村一组94号"):
        assert secret not in text
    details = json.loads(desk.scalar(
        "SELECT details FROM audit_log WHERE action = 'update' AND table_name = 'parties'"))
    assert details["phone"] == ["139****5678", "139****5679"]
    assert details["address"][1].startswith("林西县大井镇*")
    assert "张三" in text                                     # names stay: the case needs them


def test_showing_full_id_numbers_is_audited(desk, db_path, make_case, capsys):
    make_case()
    case_no = desk.scalar("SELECT case_no FROM cases")
    desk.close()
    assert cli_main(["case", "show", case_no, "--db", str(db_path)]) == 0
    conn = sqlite3.connect(str(db_path))
    assert conn.execute("SELECT count(*) FROM audit_log WHERE action = 'show_full_id'"
                        ).fetchone()[0] == 0
    assert cli_main(["case", "show", case_no, "--full-id", "--db", str(db_path)]) == 0
    assert "11010519491231002X" in capsys.readouterr().out
    assert conn.execute("SELECT count(*) FROM audit_log WHERE action = 'show_full_id'"
                        ).fetchone()[0] == 1
    conn.close()
