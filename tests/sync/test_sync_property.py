"""Property: whatever one value of one record of a properly signed village bundle holds, the
office either refuses the whole bundle cleanly (a DeskError, nothing written) or imports it —
and then every way of reading the office database still works: reopening it, the case list
and search, the case view, the CLI ``case show``, the agreement printout and the to-do list.

The bundle is made by the village's own code and signed with its enrolled key (sync_helpers
``signed_bundle``); only the one value is hostile. The village holds two realistic cases
(one settled with a signed agreement, a judicial confirmation, a follow-up, a risk flag and a
scan; one ended and archived) and a screening round whose item became the settled case, so
every table a village sends has rows to spoil.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from mediator_desk import documents, sync
from mediator_desk.cli import main as cli_main
from mediator_desk.core import rules
from mediator_desk.core.cases import CaseFilter
from mediator_desk.core.desk import Desk
from mediator_desk.errors import DeskError
from mediator_desk.storage.schema import SENT_BY, TRAVELLING_TABLES

from sync_helpers import add_case, copy_site, dump, fingerprint_of, signed_bundle

T = date(2026, 6, 30)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
VILLAGE_TABLES = [t for t in TRAVELLING_TABLES if t in SENT_BY["bundle"]]


def _realistic(v1) -> None:
    settled = add_case(v1, received_date="2026-03-02", names=("王䶮", "赵堃"),
                       summary="两家因院墙位置发生争执，王䶮认为赵堃翻建院墙时占用其宅基地",
                       claims="请求确认院墙边界", amount_fen="12000", place="红旗嘎查三组")
    v1.acceptance.accept(settled, decided_on="2026-03-02", consent_form="written_application",
                         rights_notice_given=True, today=T)
    v1.sessions.add_investigation(settled, held_on="2026-03-03", start_time="09:30",
                                  end_time="10:40", subject="赵堃", investigators=["乌力吉"],
                                  qa=[("院墙是哪一年翻建的？", "2025年秋天。")], today=T)
    v1.sessions.add_mediation(settled, held_on="2026-03-10", start_time="14:00",
                              mediators=["乌力吉"], parties_present=["王䶮", "赵堃"],
                              matter="院墙边界纠纷", statements="双方陈述", result="agreed",
                              result_note="达成协议", rights_notice_given=True, today=T)
    v1.outcomes.flag_risk(settled, kind="group_fight", flagged_on="2026-03-04",
                          note="双方亲属曾聚集", people=6, today=T)
    aid = v1.agreements.create(settled, agreed_on="2026-03-10", facts="院墙越界约0.5米",
                               terms=["赵堃于2026年4月10日前拆除越界部分", "赵堃赔偿王䶮120元"],
                               amount_fen="120", performance_method="自行拆除，现金交付",
                               performance_deadline="2026-04-10", place="红旗嘎查村委会",
                               mediators=["乌力吉"], recorder="其其格", today=T)
    v1.agreements.sign(aid, "2026-03-12", today=T)
    v1.confirmations.apply(aid, applied_on="2026-04-01", court="阿鲁科尔沁旗人民法院", today=T)
    v1.followups.add(aid, visited_on="2026-04-25", party="王䶮", reason="了解履行情况",
                     performance="partly", satisfaction="basic", visitor="乌力吉", today=T)
    v1.attachments.add_bytes(settled, PDF, file_name="借条.pdf", item="evidence")
    ended = add_case(v1, received_date="2026-03-05", names=("孙𫖮", "周八"), dispute_type="04",
                     summary="借款纠纷")
    v1.acceptance.accept(ended, decided_on="2026-03-05", consent_form="oral_application",
                         rights_notice_given=True, today=T)
    v1.sessions.add_mediation(ended, held_on="2026-03-08", mediators="乌力吉",
                              parties_present="孙𫖮、周八", result="failed", result_note="分歧过大",
                              routes_explained="可向人民法院起诉", today=T)
    v1.outcomes.end(ended, ended_on="2026-03-09", reason="双方分歧过大",
                    routes_explained="可向人民法院起诉", today=T)
    v1.attachments.add_bytes(ended, PDF + b"%id\n", file_name="身份证.pdf", item="identity")
    v1.dossier.archive(ended, archived_on="2026-03-20", retention="10年", today=T)
    rnd = v1.screening.add_round(
        org_id=v1.settings.get("committee_id"), held_on="2026-03-01", area="全嘎查",
        screeners="乌力吉、其其格", today=T,
        items=[dict(dispute_type="03", parties="王䶮、赵堃", people_involved=6,
                    summary="院墙越界，双方亲属曾聚集", risk_level="red", deadline="2026-03-15")])
    item = v1.screening.items(rnd)[0]["id"]
    v1.screening.link_case(item, settled)
    v1.screening.move(item, "settled", settled_on="2026-03-12", prevented="group_fight",
                      prevented_people=6, today=T)
    v1.statistics.close_month("2026-03", note="三月已核对", today=T)


@pytest.fixture(scope="session")
def world_template(sync_template, tmp_path_factory) -> dict[str, Path]:
    """v1 with the realistic cases; an office that only accepted v1 ('fresh') and one that
    already imported everything v1 has ('held')."""
    root = tmp_path_factory.mktemp("property")
    for name in ("office", "v1"):
        copy_site(sync_template, root, name)
    v1 = Desk.open(root / "v1.db")
    _realistic(v1)
    assert sorted(_rows(v1)) == sorted(VILLAGE_TABLES)      # something to spoil in each
    sync.export_bundle(v1, root / "first.mdsync")
    fp = fingerprint_of(v1)
    v1.close()
    office = Desk.open(root / "office.db")
    sync.accept_site(office, root / "first.mdsync", fp)
    office.close()
    held = root / "held"
    held.mkdir()
    copy_site(root, held, "office")
    office = Desk.open(held / "office.db")
    assert sync.import_bundle(office, root / "first.mdsync").status == "applied"
    office.close()
    return {"fresh": root, "held": held, "v1": root / "v1.db"}


def _office_copy(src_dir: Path, dst_dir: Path) -> Path:
    dst_dir.mkdir()
    path = copy_site(src_dir, dst_dir, "office")
    files = src_dir / "office-files"
    if files.exists():
        shutil.copytree(files, dst_dir / "office-files")
    return path


def _rows(v1) -> dict[str, list[dict]]:
    out = {}
    for table in VILLAGE_TABLES:
        rows = v1.query(f"SELECT * FROM {table} WHERE site_id = ? ORDER BY id", (v1.site_id,))
        if rows:
            out[table] = rows
    return out


RARE = ["䶮", "𫖮", "堃", "\u200b", "\u202e", "\U0001F600", "\x00", "\ufeff", "\U000F0001",
        "김", "ᠮᠣᠩᠭᠣᠯ", "\n", "'; DROP TABLE cases; --", "%s", "{0}", "\\"]
CHOICES = sorted({v for cols in rules.TABLES.values() for c in cols.values()
                  for v in c.values} | {"01", "02", "04", "99", "apply", "77"})
DATES = ["2026-03-15", "2026-02-30", "2026-13-01", "昨天", "2026-3-1", "0001-01-01", "1899-12-31",
         "9999-12-31", "2026-03-15T10:00:00", "", " ", "2026-03-01", "2027-01-01"]
TIMES = ["09:30", "25:99", "9:30", "23:59", "24:00", "14:30:00", ""]
JSONISH = ['[]', '["甲"]', '["甲",', '{"1": "甲"}', '[{"q": "问", "a": "答"}]', '[{"问": "答"}]',
           '[1, 2]', 'null', '"文本"', '[' * 50 + ']' * 50, '[{"q": "' + "长" * 30000 + '"}]']
STAMPS = ["2026-11-20T00:00:00Z", "2026-11-20T00:00:00+00:00", "2026-11-20 00:00:00", "昨天"]
HUGE = ["䶮" * 20_000, "𫖮" * 20_001, "x" * 1_000_000, "王" * 2_001]
IDS = ["0" * 32, "f" * 32, "F" * 32, "g" * 32, "1234"]

values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-2 ** 64, 2 ** 64),
    st.sampled_from([0, 1, -1, 149, 150, 2 ** 62, 2 ** 62 + 1, 2 ** 63 - 1, -2 ** 63]),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=30),
    st.lists(st.sampled_from(RARE), min_size=1, max_size=8).map("".join),
    st.sampled_from(HUGE + DATES + TIMES + JSONISH + STAMPS + IDS + CHOICES),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


def plausible(col: rules.Col, codes: dict[str, set[str]], ids: list[str]):
    """Values a record of this column may hold, from the edges of what the rules allow (rare
    characters, the longest text, the largest numbers, the first and last dates)."""
    rare = st.lists(st.sampled_from(RARE[:12] + ["张", "a", " "]), max_size=12).map("".join)
    k = col.kind
    if k == "text":
        longest = ("𫖮䶮" * col.max_len)[:col.max_len]
        return st.one_of(rare.map(lambda t: t[:col.max_len]), st.just(longest))
    if k == "date":
        return st.sampled_from(["1900-01-01", "9999-12-31", "2024-02-29", "2026-03-15",
                                "2026-06-30"] + ([] if col.required else [""]))
    if k == "time":
        return st.sampled_from(["00:00", "23:59", "14:30", ""])
    if k == "stamp":
        return st.sampled_from(["2026-11-20T00:00:00Z", "9999-12-31T23:59:59.999999+00:00",
                                "1900-01-01T00:00:00Z"])
    if k == "names":
        return st.lists(rare, max_size=4).map(lambda v: json.dumps(v, ensure_ascii=False))
    if k == "qa":
        return st.lists(st.fixed_dictionaries({"q": rare, "a": rare}), max_size=3).map(
            lambda v: json.dumps(v, ensure_ascii=False))
    if k == "terms":
        return st.one_of(st.lists(rare, max_size=4), st.just(["条" * 19_990])).map(
            lambda v: json.dumps(v, ensure_ascii=False))
    if k == "choice":
        return st.sampled_from(col.values)
    if k == "code":
        return st.sampled_from(sorted(codes.get(col.code_list, {""})))
    if k == "integer":
        edges = [col.lo, col.hi, min(col.lo + 1, col.hi)] + ([None] if col.nullable else [])
        return st.one_of(st.sampled_from(edges), st.integers(col.lo, col.hi))
    if k in ("id", "ref", "ref_or_empty"):
        return st.sampled_from(ids + ([None] if col.nullable else [])
                               + ([""] if k == "ref_or_empty" else []))
    if k == "sha256":
        return st.sampled_from(["0" * 64, "a" * 64])
    return st.nothing()


def _stored(desk, table: str, rid: str, column: str):
    row = desk.query_one(f"SELECT {column} FROM {table} WHERE id = ?", (rid,))
    return row[column] if row else None


def _read_everything(path: Path, case_nos: list[str]) -> None:
    """Every read path over the office database, as a fresh process would use it."""
    desk = Desk.open(path)
    try:
        ids = desk.cases.search(CaseFilter())
        assert len(ids) == len(case_nos)
        listed = desk.cases.list_rows(ids)
        assert set(listed) == set(ids)
        for text in ("院墙", "王", "借款"):
            desk.cases.search(CaseFilter(text=text))
        for case_id in ids:
            view = desk.dossier.view(case_id, today=T)
            json.dumps(view.as_dict(), ensure_ascii=False, default=str)
            if desk.scalar("SELECT 1 FROM agreements WHERE case_id = ? AND form = 'written'",
                           (case_id,)):
                try:
                    assert documents.render(desk, case_id, "agreement", today=T)[:5] == b"%PDF-"
                except DeskError as exc:   # a glyph the font lacks, a missing value: named
                    assert str(exc)
        desk.todo(today=T)
        desk.todo.counts(today=T)
    finally:
        desk.close()
    for no in case_nos:
        if no != no.strip().replace("(", "（").replace(")", "）").replace(" ", ""):
            continue     # known: such a number cannot be looked up (test_sync_trust, xfail)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli_main(["case", "show", no, "--db", str(path), "--today", T.isoformat()])
        assert code == 0, err.getvalue()
        assert no in out.getvalue()


_counter = itertools.count()


@given(data=st.data(), held=st.booleans())
@settings(max_examples=30, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
def test_any_value_is_refused_cleanly_or_imported_readably(world_template, tmp_path, data,
                                                           held):
    v1 = Desk.open(world_template["v1"])
    try:
        rows = _rows(v1)
        table = data.draw(st.sampled_from(sorted(rows)), label="table")
        row = dict(data.draw(st.sampled_from(rows[table]), label="row"))
        column = data.draw(st.sampled_from(sorted(row)), label="column")
        ids = sorted({r["id"] for rs in rows.values() for r in rs})
        hostile = data.draw(st.sampled_from([True, False, False]), label="hostile")
        value = data.draw(values if hostile else plausible(rules.rules_of(table)[column],
                                                           v1.records.code_sets(), ids),
                          label="value")
        row[column] = value
        if held and column != "rev":
            row["rev"] += 1                      # a newer revision: an update at the office
        n = next(_counter)
        bundle = signed_bundle(v1, tmp_path / f"b{n}.mdsync", tables={table: [row]})
    finally:
        v1.close()
    path = _office_copy(world_template["held" if held else "fresh"], tmp_path / f"o{n}")
    office = Desk.open(path)
    try:
        before = dump(office)
        try:
            result = sync.import_bundle(office, bundle)
        except DeskError as exc:
            message = str(exc)
            assert message and any("\u4e00" <= ch <= "\u9fff" for ch in message)
            assert dump(office) == before
            event("refused")
            return
        assert result.status in ("applied", "conflicts", "unchanged")
        event(result.status)
        if result.status == "applied" and column not in ("id", "rev"):
            assert _stored(office, table, row["id"], column) == value
        case_nos = [r["case_no"] for r in office.query("SELECT case_no FROM cases")]
    finally:
        office.close()
    _read_everything(path, case_nos)
