"""A valid signature proves who sent a file, not that its content is right (sync/trust.py).

Every hostile file here is signed with the REAL key of an enrolled, accepted village (or of
the office, for receipts), with a correct manifest — only the content breaks a rule. Each
must be refused as a whole, with one Chinese line that names the sender, the case number
(where there is one) and the field in words, never a table or column name, and must leave
the receiving database exactly as it was (a logical dump of every table).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from mediator_desk import sync
from mediator_desk.core import rules
from mediator_desk.core.desk import Desk
from mediator_desk.errors import DeskError, ReadOnlyRecord
from mediator_desk.sync import receipts
from mediator_desk.sync.payload import TableRows

from sync_helpers import (SITES, add_case, copy_db, copy_site, dump, first_import, full_row,
                          records, signed_bundle)

T = date(2026, 6, 30)
V1 = "红旗嘎查人民调解委员会"
V2 = "东升村人民调解委员会"


def english_words(msg: str) -> list[str]:
    """ASCII words of three or more letters (a table or column name, an English exception
    text) — short record-id prefixes in hex are not words."""
    return [t for t in re.findall(r"[A-Za-z0-9_]+", msg)
            if re.search(r"[A-Za-z_]{3,}", t) and not re.fullmatch(r"[0-9a-f]{4,32}", t)]


@dataclass
class World:
    office: object
    v1: object
    v2: object
    tmp: Path
    case: str           # v1: accepted, investigated, mediated, unsigned written agreement
    party: str          # its first party
    investigation: str
    session: str
    agreement: str      # unsigned
    signed_case: str    # v1: a written agreement signed, the case 'effective'
    signed: str
    archived_case: str  # v1: refused, then archived
    archived_party: str
    v2_case: str        # v2's case, held at the office

    def row(self, desk, table: str, rid: str) -> dict:
        return desk.query_one(f"SELECT * FROM {table} WHERE id = ?", (rid,))

    def case_no(self, case_id: str) -> str:
        return self.row(self.office, "cases", case_id)["case_no"]

    def newer(self, table: str, rid: str, **values) -> dict:
        """The village's row with ``values`` changed, one revision up."""
        own = self.row(self.v1, table, rid)
        return {**own, "rev": own["rev"] + 1, **values}

    def bundle(self, name: str, desk=None, **kw) -> Path:
        return signed_bundle(desk or self.v1, self.tmp / f"{name}.mdsync", **kw)


def _mediated(desk, names, *, sign: bool):
    case = add_case(desk, received_date="2026-03-02", names=names)
    desk.acceptance.accept(case, decided_on="2026-03-02", consent_form="written_application",
                           rights_notice_given=True, today=T)
    inv = desk.sessions.add_investigation(case, held_on="2026-03-03", start_time="09:30",
                                          subject=names[1], qa=[("院墙是哪年建的？", "2010年。")],
                                          today=T)
    ses = desk.sessions.add_mediation(case, held_on="2026-03-05", mediators="乌力吉",
                                      parties_present=list(names), matter="院墙边界纠纷",
                                      result="continue", today=T)
    aid = desk.agreements.create(case, agreed_on="2026-03-10", terms=["李四于期限内拆除院墙"],
                                 facts="院墙越界", amount_fen="3000", performance_method="自行拆除",
                                 performance_deadline="2026-04-10", today=T)
    if sign:
        desk.agreements.sign(aid, "2026-03-12", today=T)
    return case, inv, ses, aid


def _make_world(office, v1, v2, tmp: Path) -> dict:
    """Cases at every stage in village 1, one in village 2, both imported at the office;
    returns the ids (the fields of World after ``tmp``)."""
    case, inv, ses, aid = _mediated(v1, ("张三", "李四"), sign=False)
    signed_case, _, _, signed = _mediated(v1, ("王五", "赵六"), sign=True)
    archived = add_case(v1, received_date="2026-03-02", names=("孙七", "周八"))
    v1.acceptance.refuse(archived, decided_on="2026-03-03", reason="other_body",
                         note="已由派出所处理", today=T)
    v1.dossier.archive(archived, archived_on="2026-03-05", retention="10年", today=T)
    sync.export_bundle(v1, tmp / "v1-first.mdsync")
    assert first_import(office, v1, tmp / "v1-first.mdsync").status == "applied"
    v2_case = add_case(v2, names=("吴九", "郑十"))
    sync.export_bundle(v2, tmp / "v2-first.mdsync")
    assert first_import(office, v2, tmp / "v2-first.mdsync").status == "applied"
    assert office.cases.get_row(signed_case)["status"] == "effective"
    assert office.cases.get_row(archived)["status"] == "archived"

    def first_party(c):
        return v1.query_one("SELECT id FROM parties WHERE case_id = ? ORDER BY seq", (c,))["id"]

    return dict(case=case, party=first_party(case), investigation=inv, session=ses,
                agreement=aid, signed_case=signed_case, signed=signed, archived_case=archived,
                archived_party=first_party(archived), v2_case=v2_case)


@pytest.fixture(scope="module")
def made_world(sync_template, tmp_path_factory) -> tuple[Path, dict]:
    """The world made once for the module: its sites' folder and its ids."""
    root = tmp_path_factory.mktemp("trust-world")
    desks = {name: Desk.open(copy_site(sync_template, root, name)) for name in SITES}
    try:
        ids = _make_world(desks["office"], desks["v1"], desks["v2"], root)
    finally:
        for desk in desks.values():
            desk.close()
    return root, ids


@pytest.fixture
def world(made_world, tmp_path) -> World:
    """A copy of the world for one test."""
    root, ids = made_world
    desks = {name: Desk.open(copy_db(root / f"{name}.db", tmp_path / f"{name}.db"))
             for name in SITES}
    yield World(desks["office"], desks["v1"], desks["v2"], tmp_path, **ids)
    for desk in desks.values():
        desk.close()


def refused(desk, path, *, importer=sync.import_bundle, sender: str | None = V1,
            case_no: str | None = None, field: str | None = None, english: bool = False) -> str:
    """The import raises a DeskError; the database is logically unchanged; the message (with
    its hint) is Chinese, names the sender, the case and the field in words, and carries no
    English word (table or column name)."""
    before = dump(desk)
    with pytest.raises(DeskError) as exc:
        importer(desk, path)
    assert dump(desk) == before
    msg = str(exc.value)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in msg), msg
    assert english or not english_words(msg), msg
    if sender:
        assert sender in msg, msg
    if case_no:
        assert case_no in msg, msg
    if field:
        label = rules.field_label(field)
        assert label != "某一字段" and label in msg, msg
    return msg


# --- values ---------------------------------------------------------------------------------
BIG = "长" * (10 * 1024 * 1024)

# (target record, table, column, hostile value, what the message says)
VALUES = [
    ("case", "cases", "received_date", "昨天", "不是有效日期"),
    ("new_case", "cases", "received_date", "昨天", "不是有效日期"),
    ("agreement", "agreements", "performance_deadline", "2026-02-30", "不是有效日期"),
    ("agreement", "agreements", "agreed_on", "2026-3-10", "不是有效日期"),
    ("case", "cases", "people_involved", "五个人", "应为整数"),
    ("case", "cases", "amount_fen", 1200.5, "应为整数"),
    ("party", "parties", "age", 35.0, "应为整数"),
    ("case", "cases", "people_involved", -3, "超出允许的范围"),
    ("case", "cases", "amount_fen", 2 ** 62 + 1, "超出允许的范围"),
    ("case", "cases", "summary", BIG, "过长"),
    ("new_case", "cases", "summary", BIG, "过长"),
    ("case", "cases", "dispute_type", "77", "不在代码表中"),
    ("party", "parties", "ethnicity", "A9", "不在代码表中"),
    ("case", "cases", "source", "", "不能为空"),
    ("party", "parties", "role", "法官", "不在允许的范围内"),
    ("agreement", "agreements", "performance_status", "差不多", "不在允许的范围内"),
    ("case", "cases", "status", "已结", "不在允许的范围内"),
    ("session", "mediation_sessions", "start_time", "25:99", "不是有效时间"),
    ("investigation", "investigations", "end_time", "9:30", "不是有效时间"),
    ("agreement", "agreements", "terms", '["甲方赔偿乙方", ', "应为条款列表"),
    ("agreement", "agreements", "terms", '{"1": "赔偿"}', "应为条款列表"),
    ("investigation", "investigations", "qa", '[{"问": "答"}]', "应为问答列表"),
    ("agreement", "agreements", "party_signatures", '[{"name": "张三"}]', "应为各方当事人"),
    ("agreement", "agreements", "sealed_on", "3月12日", "不是有效日期"),
    ("investigation", "investigations", "qa", "[{", "应为问答列表"),
    ("session", "mediation_sessions", "mediators", "乌力吉", "应为姓名列表"),
    ("case", "cases", "summary", None, "应为文本"),
    ("case", "cases", "summary", ["列表"], "应为文本"),
    ("party", "parties", "name", {"姓": "张"}, "应为文本"),
]


def _target(w: World, which: str, table: str, column: str, value) -> tuple[dict, str]:
    """The hostile row and the number of the case it belongs to."""
    if which == "new_case":
        row = full_row(w.v1, "cases", dict(
            id="c" * 32, case_no="（2026）红旗人调字第99号", case_seq=99, **{column: value}))
        return row, "（2026）红旗人调字第99号"
    rid = {"case": w.case, "party": w.party, "agreement": w.agreement, "session": w.session,
           "investigation": w.investigation}[which]
    return w.newer(table, rid, **{column: value}), w.case_no(w.case)


@pytest.mark.parametrize("which, table, column, value, expect", VALUES,
                         ids=[f"{n}-{t}.{c}" for n, (_, t, c, _, _) in enumerate(VALUES)])
def test_a_value_no_record_may_hold_is_refused(world, which, table, column, value, expect):
    row, case_no = _target(world, which, table, column, value)
    path = world.bundle("bad", tables={table: [row]})
    msg = refused(world.office, path, case_no=case_no, field=column)
    assert expect in msg and "未导入任何内容" in msg


def test_the_record_is_named_without_a_stutter(world):
    row = world.newer("mediation_sessions", world.session, start_time="25:99")
    msg = refused(world.office, world.bundle("stutter", tables={"mediation_sessions": [row]}),
                  case_no=world.case_no(world.case), field="start_time")
    assert "记录记录" not in msg


def test_a_performance_deadline_before_the_agreement_date_is_refused(world):
    row = world.newer("agreements", world.agreement, performance_deadline="2026-03-01")
    msg = refused(world.office, world.bundle("order", tables={"agreements": [row]}),
                  field="performance_deadline")
    assert "履行期限（2026-03-01）不能早于达成协议日期（2026-03-10）" in msg


def test_a_date_order_refusal_names_the_case(world):
    row = world.newer("agreements", world.agreement, performance_deadline="2026-03-01")
    refused(world.office, world.bundle("order", tables={"agreements": [row]}),
            case_no=world.case_no(world.case), field="performance_deadline")


def test_a_long_but_realistic_summary_is_accepted(world):
    text = "两家因院墙位置发生争执。" * 1666 + "争执"
    assert len(text) == 19_994
    text += "䶮𫖮堃" * 2
    assert len(text) == 20_000
    row = world.newer("cases", world.case, summary=text)
    r = sync.import_bundle(world.office, world.bundle("long", tables={"cases": [row]}))
    assert r.status == "applied"
    assert world.office.cases.get_row(world.case)["summary"] == text
    one_more = world.newer("cases", world.case, summary=text + "。", rev=row["rev"] + 1)
    refused(world.office, world.bundle("longer", tables={"cases": [one_more]}),
            case_no=world.case_no(world.case), field="summary")


def test_a_column_the_rules_do_not_know_is_refused(world):
    row = world.newer("cases", world.case, colour="红色")
    refused(world.office, world.bundle("col", tables={"cases": [row]}))


# --- whose records ------------------------------------------------------------------------
def test_a_party_added_to_another_villages_case_is_refused(world):
    party = full_row(world.v1, "parties", dict(case_id=world.v2_case, seq=9, name="冒名者",
                                               role="third_party"))
    msg = refused(world.office, world.bundle("foreign-party", tables={"parties": [party]}),
                  case_no=world.case_no(world.v2_case))
    assert "其他站点" in msg
    assert [p["name"] for p in world.office.parties.for_case(world.v2_case)] == ["吴九", "郑十"]


def test_another_villages_case_cannot_get_records_of_the_mediation_path(world):
    session = full_row(world.v1, "mediation_sessions", dict(
        case_id=world.v2_case, seq=1, held_on="2026-11-21", result="continue"))
    refused(world.office, world.bundle("foreign-session",
                                       tables={"mediation_sessions": [session]}),
            case_no=world.case_no(world.v2_case))


def test_a_party_moved_onto_another_villages_case_is_refused(world):
    row = world.newer("parties", world.party, case_id=world.v2_case)
    refused(world.office, world.bundle("moved", tables={"parties": [row]}),
            case_no=world.case_no(world.v2_case))


# --- frozen records: a binding agreement, an archived case -------------------------------
@pytest.mark.parametrize("values, field", [
    ({"amount_fen": 9_900_000}, "amount_fen"),
    ({"terms": '["李四不必拆除院墙"]'}, "terms"),
    ({"agreed_on": "2026-03-11"}, "agreed_on"),
    ({"signed_on": "", "effective_on": ""}, "signed_on"),
    ({"sealed_on": "2026-03-11"}, "sealed_on"),
    ({"party_signatures": "[]"}, "party_signatures"),
])
def test_a_signed_agreement_cannot_change(world, values, field):
    row = world.newer("agreements", world.signed, **values)
    msg = refused(world.office, world.bundle("resign", tables={"agreements": [row]}),
                  case_no=world.case_no(world.signed_case), field=field)
    assert "已生效" in msg and "补充协议" in msg


def test_a_signed_agreement_may_still_record_its_performance(world):
    row = world.newer("agreements", world.signed, performance_status="performed",
                      performance_checked_on="2026-04-10", performance_note="已拆除")
    r = sync.import_bundle(world.office, world.bundle("perf", tables={"agreements": [row]}))
    assert r.status == "applied"
    assert world.office.agreements.get(world.signed)["performance_status"] == "performed"


def test_a_signed_agreement_cannot_be_deleted(world):
    rev = world.row(world.v1, "agreements", world.signed)["rev"]
    msg = refused(world.office, world.bundle("del-signed",
                                             deletions={"agreements": [(world.signed, rev + 1)]}),
                  case_no=world.case_no(world.signed_case))
    assert "不能删除" in msg


def test_a_case_with_a_signed_agreement_cannot_be_deleted(world):
    rev = world.row(world.v1, "cases", world.signed_case)["rev"]
    refused(world.office, world.bundle("del-case",
                                       deletions={"cases": [(world.signed_case, rev + 1)]}),
            case_no=world.case_no(world.signed_case))


def test_deleting_a_case_cannot_remove_the_offices_reviews(world):
    review = world.office.reviews.add(world.case, kind="comment", text="请补充当事人身份证明")
    rev = world.row(world.v1, "cases", world.case)["rev"]
    path = world.bundle("del-reviewed", deletions={"cases": [(world.case, rev + 1)]})
    try:
        sync.import_bundle(world.office, path)
    except DeskError:
        pass
    assert world.row(world.office, "case_reviews", review) is not None


def test_an_archived_case_cannot_change(world):
    row = world.newer("cases", world.archived_case, summary="归档后改写的简要情况")
    msg = refused(world.office, world.bundle("arch", tables={"cases": [row]}),
                  case_no=world.case_no(world.archived_case), field="summary")
    assert "已归档" in msg


def test_an_archived_case_cannot_get_new_records(world):
    party = full_row(world.v1, "parties", dict(case_id=world.archived_case, seq=9, name="新当事人",
                                               role="third_party"))
    msg = refused(world.office, world.bundle("arch-party", tables={"parties": [party]}),
                  case_no=world.case_no(world.archived_case))
    assert "已归档" in msg


def test_a_record_of_an_archived_case_cannot_change(world):
    row = world.newer("parties", world.archived_party, phone="13800000000")
    msg = refused(world.office, world.bundle("arch-phone", tables={"parties": [row]}),
                  case_no=world.case_no(world.archived_case))
    assert "已归档" in msg


def test_a_record_of_an_archived_case_cannot_be_deleted(world):
    rev = world.row(world.v1, "parties", world.archived_party)["rev"]
    msg = refused(world.office, world.bundle(
        "arch-del", deletions={"parties": [(world.archived_party, rev + 1)]}),
        case_no=world.case_no(world.archived_case))
    assert "已归档" in msg


def test_an_archived_case_cannot_be_deleted(world):
    rev = world.row(world.v1, "cases", world.archived_case)["rev"]
    msg = refused(world.office, world.bundle(
        "arch-del-case", deletions={"cases": [(world.archived_case, rev + 1)]}),
        case_no=world.case_no(world.archived_case))
    assert "已归档" in msg


def test_a_record_cannot_be_moved_out_of_an_archived_case(world):
    row = world.newer("parties", world.archived_party, case_id=world.case, seq=7)
    refused(world.office, world.bundle("arch-move", tables={"parties": [row]}),
            case_no=world.case_no(world.archived_case))


# --- the case's state machine -------------------------------------------------------------
@pytest.mark.parametrize("which, status, expect", [
    ("signed_case", "registered", "不能从“协议生效（履行中）”变为“已登记”"),
    # an agreement in force is never voided, so its case never goes back to mediating
    ("signed_case", "mediating", "不能从“协议生效（履行中）”变为“调解中”"),
    ("signed_case", "performed", None),
    ("case", "registered", "不能从“达成协议（待签字）”变为“已登记”"),
    ("case", "accepted", "不能从“达成协议（待签字）”变为“已受理”"),
    ("archived_case", "registered", "已归档"),
])
def test_a_case_status_cannot_jump_backwards(world, which, status, expect):
    case_id = getattr(world, which)
    row = world.newer("cases", case_id, status=status)
    path = world.bundle("status", tables={"cases": [row]})
    if expect is None:
        assert sync.import_bundle(world.office, path).status == "applied"
        return
    msg = refused(world.office, path, case_no=world.case_no(case_id), field="status")
    assert expect in msg


def test_a_new_case_may_arrive_in_any_state(world):
    """A bundle carries current state: a case registered and settled since the last bundle
    arrives as a new record already 'effective' (no backward step is involved)."""
    row = full_row(world.v1, "cases", dict(id="d" * 32, case_no="（2026）红旗人调字第98号",
                                          case_seq=98, status="effective"))
    r = sync.import_bundle(world.office, world.bundle("new-effective", tables={"cases": [row]}))
    assert r.status == "applied"


# --- what each kind of file may carry -------------------------------------------------------
def _review_row(w: World) -> dict:
    return dict(id="e" * 32, site_id=w.v1.site_id, rev=1, created_at="2026-11-20T00:00:00Z",
                updated_at="2026-11-20T00:00:00Z", case_id=w.case, kind="approve", text="",
                reviewer="乌力吉", reviewed_on="2026-11-20")


def test_a_village_bundle_cannot_carry_an_office_review(world):
    path = world.bundle("review", tables={"case_reviews": [_review_row(world)]})
    msg = refused(world.office, path, sender=None)
    assert "审查意见" in msg and "村调委会" in msg


def test_a_village_bundle_cannot_delete_an_office_review(world):
    review = world.office.reviews.add(world.case, kind="return", text="请补充调查笔录")
    msg = refused(world.office, world.bundle("unreview", deletions={"case_reviews": [(review, 2)]}),
                  sender=None)
    assert "审查意见" in msg
    assert world.row(world.office, "case_reviews", review) is not None


def test_an_office_only_table_refusal_names_the_village(world):
    refused(world.office, world.bundle("review", tables={"case_reviews": [_review_row(world)]}),
            case_no=world.case_no(world.case))


def _receipt(w: World, monkeypatch, name: str, *, tables=None, deletions=None) -> Path:
    """A receipt made by the office's own code, signed with its key, with extra content put
    in just before the payload is built (its manifest counts follow)."""
    real = receipts.build_payload

    def build(kind, bundle_id, *, tables: dict, deletions: dict, **kw):
        tables.update(extra_tables)
        deletions.update(extra_deletions)
        return real(kind, bundle_id, tables=tables, deletions=deletions, **kw)

    extra_tables = {t: TableRows(list(rows[0]), [list(r.values()) for r in rows])
                    for t, rows in (tables or {}).items()}
    extra_deletions = dict(deletions or {})
    monkeypatch.setattr(receipts, "build_payload", build)
    path = w.tmp / f"{name}.mdreceipt"
    sync.export_receipt(w.office, path, to=w.v1.site_id)
    monkeypatch.setattr(receipts, "build_payload", real)
    return path


def test_a_plain_receipt_imports(world, monkeypatch):
    path = _receipt(world, monkeypatch, "plain")
    assert sync.import_receipt(world.v1, path).status == "applied"


@pytest.mark.parametrize("what", ["office_case", "office_party", "case_deletion"])
def test_a_receipt_cannot_carry_village_content_other_than_corrections(world, monkeypatch, what):
    w = world
    office_id = w.office.site_id
    case = dict(w.row(w.office, "cases", w.case))
    if what == "office_case":              # the office "rewrites" a village case as its own
        extra = {"tables": {"cases": [dict(case, site_id=office_id, rev=case["rev"] + 1,
                                           summary="司法所改写的内容")]}}
    elif what == "office_party":            # … or adds a party to it
        party = dict(w.row(w.office, "parties", w.party))
        extra = {"tables": {"parties": [dict(party, id="f" * 32, site_id=office_id, seq=9,
                                             name="司法所加的当事人")]}}
    else:                                   # … or deletes it
        extra = {"deletions": {"cases": [(w.case, case["rev"] + 1)]}}
    path = _receipt(w, monkeypatch, what, **extra)
    msg = refused(w.v1, path, importer=sync.import_receipt, sender=None)
    assert "回执" in msg and "不能包含" in msg
    assert sync.import_receipt(w.v1, _receipt(w, monkeypatch, "plain")).status == "applied"


def test_a_receipt_cannot_carry_the_villages_own_rows_outside_corrections(world, monkeypatch):
    case = dict(world.row(world.office, "cases", world.case))
    path = _receipt(world, monkeypatch, "village-row",
                    tables={"cases": [dict(case, rev=case["rev"] + 1, summary="司法所改写的内容")]})
    msg = refused(world.v1, path, importer=sync.import_receipt, sender=None, english=True)
    assert "不属于发送方" in msg


def test_an_ownership_refusal_is_in_words(world):
    row = {**world.row(world.v1, "cases", world.case), "site_id": world.v2.site_id}
    refused(world.office, world.bundle("not-mine", tables={"cases": [row]}),
            case_no=world.case_no(world.case))


# --- consistency between records -----------------------------------------------------------
def test_a_followup_cannot_hang_on_another_cases_agreement(world):
    fu = full_row(world.v1, "followups", dict(
        case_id=world.case, agreement_id=world.signed, visited_on="2026-04-20", party="张三",
        visitor="乌力吉", performance="performed"))
    msg = refused(world.office, world.bundle("fu", tables={"followups": [fu]}),
                  case_no=world.case_no(world.case), field="agreement_id")
    assert "不是本案件的协议" in msg


def test_a_confirmation_cannot_hang_on_another_cases_agreement(world):
    conf = full_row(world.v1, "confirmations", dict(
        case_id=world.case, agreement_id=world.signed, applied_on="2026-04-01",
        court="阿鲁科尔沁旗人民法院", result="pending"))
    msg = refused(world.office, world.bundle("conf", tables={"confirmations": [conf]}),
                  case_no=world.case_no(world.case), field="agreement_id")
    assert "不是本案件的协议" in msg


def test_a_followup_cannot_hang_on_another_villages_agreement(world):
    w = world
    case, _, _, aid = _mediated(w.v2, ("吴一", "郑二"), sign=True)
    sync.export_bundle(w.v2, w.tmp / "v2-signed.mdsync")
    assert sync.import_bundle(w.office, w.tmp / "v2-signed.mdsync").status == "applied"
    fu = full_row(w.v1, "followups", dict(
        case_id=w.signed_case, agreement_id=aid, visited_on="2026-04-20", party="王五",
        visitor="乌力吉", performance="performed"))
    refused(w.office, w.bundle("fu-v2", tables={"followups": [fu]}),
            case_no=w.case_no(w.signed_case))


def test_nothing_of_a_refused_bundle_is_kept_and_a_good_one_still_imports(world):
    """After every kind of refusal the village's next honest bundle imports normally."""
    w = world
    bad = w.newer("cases", w.case, received_date="昨天")
    refused(w.office, w.bundle("bad", tables={"cases": [bad]}))
    w.v1.cases.update(w.case, claims="请求确认边界")
    sync.export_bundle(w.v1, w.tmp / "good.mdsync")
    assert sync.import_bundle(w.office, w.tmp / "good.mdsync").status == "applied"
    assert records(w.office, w.v1.site_id) == records(w.v1, w.v1.site_id)


# --- conflicts never move a record to another owner -----------------------------------------
def _owner_conflict(w: World, name: str, **content) -> dict:
    """v2 sends content about v1's records: the import keeps an 'owner' conflict."""
    path = w.bundle(name, desk=w.v2, **content)
    r = sync.import_bundle(w.office, path)
    assert r.status == "conflicts", r.preview
    [c] = sync.list_conflicts(w.office)
    assert c["reason"] == "owner" and c["sender_site_id"] == w.v2.site_id
    return c


def _claimed(w: World, table: str, rid: str, **values) -> dict:
    """v1's record as the office holds it, claimed by v2 (its site id, a higher revision)."""
    row = dict(w.row(w.office, table, rid))
    return dict(row, site_id=w.v2.site_id, rev=row["rev"] + 5, **values)


@pytest.mark.parametrize("what", ["case", "party", "mediator", "delete_case", "delete_party",
                                  "delete_signed"])
@pytest.mark.parametrize("keep", ["incoming", "merged"])
def test_resolving_an_owner_conflict_never_moves_or_deletes_another_sites_record(world, what,
                                                                                 keep):
    w = world
    if what == "case":
        content = {"tables": {"cases": [_claimed(w, "cases", w.case, summary="伪造的内容")]}}
        table, rid = "cases", w.case
    elif what == "party":            # v1's party id, hung on v2's own case
        content = {"tables": {"parties": [_claimed(w, "parties", w.party, case_id=w.v2_case,
                                                   name="伪造")]}}
        table, rid = "parties", w.party
    elif what == "mediator":
        mid = w.v1.settings.get("current_mediator_id")
        content = {"tables": {"mediators": [_claimed(w, "mediators", mid, name="伪造")]}}
        table, rid = "mediators", mid
    else:
        table, rid = {"delete_case": ("cases", w.case), "delete_party": ("parties", w.party),
                      "delete_signed": ("agreements", w.signed)}[what]
        content = {"deletions": {table: [(rid, 99)]}}
    c = _owner_conflict(w, f"own-{what}", **content)
    assert (c["table_name"], c["record_id"]) == (table, rid)
    before = dump(w.office)
    values = {"summary": "合并"} if table == "cases" else {"name": "合并"}
    with pytest.raises(DeskError) as exc:
        sync.resolve_conflict(w.office, c["id"], keep=keep,
                              values=values if keep == "merged" else None)
    if not c["incoming"].get("deleted"):
        assert isinstance(exc.value, ReadOnlyRecord)
    assert dump(w.office) == before
    held = w.row(w.office, table, rid)
    assert held is not None and held["site_id"] == w.v1.site_id
    assert held == w.row(w.v1, table, rid)
    # Keeping ours is always possible, and sends nothing of v1's back to v2.
    sync.resolve_conflict(w.office, c["id"], keep="local")
    assert receipts._corrections_for(w.office, w.v2.site_id) == {}
    assert w.row(w.office, table, rid)["site_id"] == w.v1.site_id


@pytest.mark.parametrize("what", ["signed", "archived"])
@pytest.mark.parametrize("keep", ["incoming", "merged"])
def test_a_conflict_over_a_frozen_record_cannot_be_resolved_into_a_change(world, what, keep):
    """The same revision with other content is a conflict, not a refusal; but taking the
    village's version must not change what the record's state froze."""
    w = world
    if what == "signed":
        table, rid, values = "agreements", w.signed, {"terms": '["李四不必拆除院墙"]'}
        merge = {"performance_note": "合并"}
    else:
        table, rid, values = "cases", w.archived_case, {"summary": "归档后改写"}
        merge = {"place": "合并"}
    same_rev = {**w.row(w.v1, table, rid), **values}
    r = sync.import_bundle(w.office, w.bundle("same-rev", tables={table: [same_rev]}))
    assert r.status == "conflicts"
    [c] = sync.list_conflicts(w.office)
    assert c["reason"] == "same_rev"
    before = dump(w.office)
    with pytest.raises(ReadOnlyRecord) as exc:
        sync.resolve_conflict(w.office, c["id"], keep=keep,
                              values=merge if keep == "merged" else None)
    assert ("已生效" if what == "signed" else "已归档") in str(exc.value)
    assert dump(w.office) == before
    assert w.row(w.office, table, rid) == w.row(w.v1, table, rid)


# --- numbers people write on paper -----------------------------------------------------------
@pytest.mark.parametrize("table, column, number", [
    ("cases", "case_no", "（2026）红旗人调字第77号"),
    ("agreements", "agreement_no", "（2026）红旗调协字第77号"),
], ids=["case_no", "agreement_no"])
def test_a_number_the_office_holds_cannot_change(world, table, column, number):
    rid = world.case if table == "cases" else world.agreement
    row = world.newer(table, rid, **{column: number})
    refused(world.office, world.bundle("renumber", tables={table: [row]}))


@pytest.mark.parametrize("number", ["（2026）红旗人调字第9号\n", " （2026）红旗人调字第9号",
                                    "(2026)红旗人调字第9号", "（2026） 红旗人调字第9号"],
                         ids=["line-break", "leading-space", "ascii-brackets", "inner-space"])
def test_a_case_number_that_arrives_can_be_looked_up(world, number):
    from mediator_desk.cli import main as cli_main

    row = full_row(world.v1, "cases", dict(id="9" * 32, case_no=number, case_seq=9))
    try:
        sync.import_bundle(world.office, world.bundle("odd-number", tables={"cases": [row]}))
    except DeskError:
        return                              # refusing such a number is fine too
    stored = world.row(world.office, "cases", "9" * 32)["case_no"]
    assert world.office.cases.find_by_number(stored) == "9" * 32
    assert cli_main(["case", "show", stored, "--db", str(world.office.path)]) == 0
