"""Case search: names of 1–2 characters, pinyin initials, ID and phone fragments, summary text,
filters, order and paging — with FTS5 and with the scan fallback."""

from __future__ import annotations

import pytest
from stdnum.cn import ric

from mediator_desk.core.cases import CaseFilter
from mediator_desk.core.search import index_texts, name_initials, normalise_query
from tests.conftest import VALID_ID, VALID_ID_2

ID_OLD = "15042119580406382" + ric.calc_check_digit("15042119580406382?")


@pytest.fixture
def book(desk, make_case):
    """Six cases with the names that make search hard; returns {label: case id}."""
    c = {}
    c["zhang"] = make_case(received_date="2026-01-05", parties=[
        dict(name="张三", id_number=VALID_ID, phone="13912345678"),
        dict(name="李四", role="respondent", phone="0476-8123456")])
    c["zeng"] = make_case(received_date="2026-02-10", dispute_type="03",
                          summary="曾家与单家因宅基地边界发生争执", parties=[
                              dict(name="曾小贤", id_number=VALID_ID_2, phone="15647612345"),
                              dict(name="单田芳", role="respondent")])
    c["ouyang"] = make_case(received_date="2025-07-01", dispute_type="01", parties=[
        dict(name="欧阳明", phone="18604760000"),
        dict(name="乌力吉", role="respondent", ethnicity="02", id_number=ID_OLD)])
    c["rare"] = make_case(received_date="2026-03-01", parties=[
        dict(name="王䶮", phone="13800001111"), dict(name="李𫖮", role="respondent")])
    c["company"] = make_case(received_date="2026-03-01", dispute_type="10",
                             summary="拖欠工资三万元未付", parties=[
                                 dict(name="张伟", phone="13700002222"),
                                 dict(name="赤峰恒泰建筑工程有限公司", kind="organisation",
                                      role="respondent", legal_rep="赵建国",
                                      agent_name="钱多多", agent_phone="13300003333")])
    c["zhangsan2"] = make_case(received_date="2024-05-05", parties=[
        dict(name="张三丰", phone="13900009999")])
    return c


def found(desk, text="", **filters):
    ids = desk.cases.search(CaseFilter(text=text, **filters))
    assert desk.cases.count_matching(CaseFilter(text=text, **filters)) == len(ids)
    return ids


@pytest.fixture(params=["fts", "scan"])
def mode(request, desk):
    """Run each search test with FTS5 and with the fallback scan (no FTS5 in this SQLite)."""
    if request.param == "scan":
        desk.cases._fts = False
    return request.param


def test_two_character_name(desk, book, mode):
    assert set(found(desk, "张三")) == {book["zhang"], book["zhangsan2"]}
    assert found(desk, "李四") == [book["zhang"]]
    assert found(desk, "阳明") == [book["ouyang"]]      # the end of a name
    assert found(desk, "欧阳") == [book["ouyang"]]


def test_one_character_surname(desk, book, mode):
    assert set(found(desk, "张")) == {book["zhang"], book["company"], book["zhangsan2"]}
    assert found(desk, "曾") == [book["zeng"]]
    assert found(desk, "䶮") == [book["rare"]]
    assert found(desk, "𫖮") == [book["rare"]]          # outside the BMP


def test_three_character_names_and_mongolian_names(desk, book, mode):
    assert found(desk, "张三丰") == [book["zhangsan2"]]
    assert found(desk, "乌力吉") == [book["ouyang"]]
    assert found(desk, "王䶮") == [book["rare"]]


def test_pinyin_initials(desk, book, mode):
    assert set(found(desk, "zs")) == {book["zhang"], book["zhangsan2"]}
    assert found(desk, "ZSF") == [book["zhangsan2"]]
    assert found(desk, "oym") == [book["ouyang"]]
    # 曾 reads zēng and céng: both initials find 曾小贤; 单 reads dān, shàn and chán.
    assert found(desk, "zxx") == [book["zeng"]]
    assert found(desk, "cxx") == [book["zeng"]]
    for initials in ("dtf", "stf", "ctf"):
        assert found(desk, initials) == [book["zeng"]]
    # Legal representatives and agents count as people; organisation names don't get initials.
    assert found(desk, "zjg") == [book["company"]]
    assert found(desk, "cfht") == []


def test_initials_of_polyphonic_surnames():
    assert set(name_initials("曾小贤")) == {"zxx", "cxx"}
    assert set(name_initials("单田芳")) == {"dtf", "stf", "ctf"}
    assert name_initials("张三") == ("zs",)
    assert name_initials("") == ()


def test_id_number_fragments(desk, book, mode):
    assert found(desk, VALID_ID[-6:]) == [book["zhang"]]
    assert found(desk, VALID_ID[6:14]) == [book["zhang"]]      # the birth date
    assert found(desk, VALID_ID[-4:].lower()) == [book["zhang"]]   # 002x
    assert found(desk, ID_OLD[:10]) == [book["ouyang"]]


def test_phone_fragments(desk, book, mode):
    assert found(desk, "12345678") == [book["zhang"]]
    assert found(desk, "8123456") == [book["zhang"]]           # landline without area code
    assert found(desk, "0476-8123") == [book["zhang"]]         # typed with the dash
    assert found(desk, "3333") == [book["company"]]            # the agent's phone
    assert found(desk, "1564761") == [book["zeng"]]


def test_summary_text_and_case_number(desk, book, mode):
    assert found(desk, "宅基地") == [book["zeng"]]
    assert found(desk, "三万元") == [book["company"]]
    assert found(desk, "恒泰建筑") == [book["company"]]
    number = desk.cases.get_row(book["ouyang"])["case_no"]
    assert found(desk, number) == [book["ouyang"]]
    assert found(desk, "(2025)红旗") == [book["ouyang"]]       # ASCII brackets typed


def test_no_match(desk, book, mode):
    assert found(desk, "不存在的人") == []
    assert found(desk, "毛") == []
    assert found(desk, "qq") == []


def test_filters(desk, book, mode):
    assert found(desk, dispute_type="03") == [book["zeng"]]
    assert set(found(desk, year=2026)) == {book["zhang"], book["zeng"], book["rare"],
                                          book["company"]}
    assert found(desk, "张", year=2024) == [book["zhangsan2"]]
    desk.cases.set_status(book["zeng"], "accepted")
    assert found(desk, status="accepted") == [book["zeng"]]
    assert found(desk, "曾", status="registered") == []
    assert len(found(desk, status="registered")) == 5
    committee = desk.settings.get("committee_id")
    assert len(found(desk, org_id=committee)) == 6
    assert found(desk, "zs", org_id=committee, year=2026) == [book["zhang"]]


def test_order_is_newest_first_and_paging_continues(desk, book, mode):
    everything = found(desk)
    dates = [desk.cases.get_row(i)["received_date"] for i in everything]
    assert dates == sorted(dates, reverse=True)
    # Two cases received the same day: the one registered later comes first.
    assert everything.index(book["company"]) < everything.index(book["rare"])
    page1 = desk.cases.search(CaseFilter(), limit=2)
    page2 = desk.cases.search(CaseFilter(), limit=2, after_id=page1[-1])
    page3 = desk.cases.search(CaseFilter(), limit=10, after_id=page2[-1])
    assert page1 + page2 + page3 == everything
    first = desk.cases.search(CaseFilter(text="张"), limit=1)
    rest = desk.cases.search(CaseFilter(text="张"), limit=10, after_id=first[0])
    assert first + rest == found(desk, "张")


def test_edits_are_searchable_at_once(desk, book, mode):
    party = desk.parties.for_case(book["zhang"])[1]
    desk.parties.update(party["id"], name="孔乙己")
    assert found(desk, "李四") == []
    assert found(desk, "乙己") == [book["zhang"]]
    assert found(desk, "kyj") == [book["zhang"]]
    desk.parties.add(book["zhang"], name="吴六", role="third_party")
    assert found(desk, "吴六") == [book["zhang"]]
    desk.cases.update(book["zhang"], summary="因修建猪圈发生争执")
    assert found(desk, "猪圈") == [book["zhang"]]              # a 2-character word
    assert book["zhang"] not in found(desk, "位置")           # the old summary is gone
    assert found(desk, "修建猪圈") == [book["zhang"]]
    # A new received date moves the case in the list.
    assert found(desk)[0] == book["company"]
    desk.cases.update(book["zeng"], received_date="2026-03-05")
    assert found(desk)[0] == book["zeng"]
    assert found(desk, "曾") == [book["zeng"]]


def test_deleted_cases_disappear(desk, book, mode):
    with desk.transaction():
        desk.records.delete("cases", book["ouyang"])
    assert found(desk, "欧阳") == []
    assert found(desk, "乌力吉") == []
    assert book["ouyang"] not in found(desk)


def test_index_texts_hold_names_grams_and_numbers():
    grams, body = index_texts(
        {"case_no": "（2026）红旗人调字第12号", "case_seq": 12, "summary": "院墙纠纷"},
        [{"name": "张三", "id_number": VALID_ID, "phone": "0476-8123456"}])
    # Names: characters and pairs; summary: pairs only.
    assert set(grams.split()) == {"张", "张三", "三", "z", "zs", "s", "1", "12", "2",
                                  "院墙", "墙纠", "纠纷"}
    assert VALID_ID.lower() in body and "04768123456" in body and "院墙纠纷" in body
    assert normalise_query("  ZS  -12 ") == "zs 12"
    assert normalise_query("(2026)红旗") == "（2026）红旗"
    assert normalise_query("139 1234  5678") == "13912345678"
    assert normalise_query("张三 139") == "张三 139"             # only spaces between digits


def test_text_pairs_skip_spaces_and_ascii_punctuation():
    grams, _ = index_texts({"case_no": "x", "summary": "借款5,000元 未还。", "claims": "",
                            "place": "红旗村"}, [])
    assert set(grams.split()) == {"借款", "款5", "00", "0元", "未还", "还。", "红旗", "旗村"}


def test_two_character_words_of_summary_claims_and_place(desk, book, make_case, mode):
    wall = make_case(received_date="2026-04-01", summary="两家因篱笆倒塌发生争执",
                     claims="请求返还借款", place="红旗嘎查")
    assert found(desk, "篱笆") == [wall]                       # summary
    assert found(desk, "借款") == [wall]                       # claims
    assert found(desk, "嘎查") == [wall]                       # place
    assert found(desk, "工资") == [book["company"]]
    assert found(desk, "宅基") == [book["zeng"]]
    # One character stays names, initials and numbers only (a documented choice).
    assert found(desk, "篱") == []
    assert found(desk, "篱笆", year=2026) == [wall]
    assert found(desk, "篱笆", dispute_type="02") == [wall]    # through the cases table
    assert set(found(desk, "院墙")) == set(book.values())       # make_case's default claims


def test_phone_fragments_typed_with_spaces(desk, book, mode):
    assert found(desk, "139 1234 5678") == [book["zhang"]]
    assert found(desk, "1391 2345") == [book["zhang"]]
    assert found(desk, "0476 812") == [book["zhang"]]


def test_migration_reindexes_an_older_search_index(tmp_path, template_db):
    """A database indexed before 0008 (no text pairs) finds 2-character summary words after
    it is opened by this version."""
    import shutil
    import sqlite3

    from mediator_desk.core.desk import Desk
    from mediator_desk.storage.migrations import MIGRATIONS

    path = tmp_path / "old.db"
    shutil.copyfile(template_db, path)
    desk = Desk.open(path)
    desk.cases.register(org_id=desk.settings.get("committee_id"), received_date="2026-11-01",
                        source="apply", dispute_type="02", summary="院墙纠纷",
                        parties=[dict(name="张三", id_number=VALID_ID)])
    desk.close()
    # Make it as the previous version left it: grams of names only, 0008 not applied.
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("UPDATE case_search SET grams = '张 张三 三 z zs s 1'")
    conn.execute(f"DELETE FROM {MIGRATIONS.migrations_table}"
                 " WHERE name = '0008_search_text_pairs'")
    conn.close()
    desk = Desk.open(path)
    assert len(desk.cases.search(CaseFilter(text="院墙"))) == 1
    assert desk.cases.count_matching(CaseFilter(text="院墙")) == 1
    assert len(desk.cases.search(CaseFilter(text="张三"))) == 1
    assert desk.settings.get("search_index_stale") is None
    desk.close()


def test_list_rows_are_typed_display_rows(desk, make_case):
    from mediator_desk.core.cases import CaseRow

    case_id = make_case(risk_flag=True, risk_note="扬言动手", parties=[
        dict(name="张三", id_number=VALID_ID), dict(name="李四", role="respondent")])
    row = desk.cases.list_rows([case_id])[case_id]
    assert isinstance(row, CaseRow)
    assert (row.id, row.dispute_type, row.dispute_type_label, row.status, row.status_label,
            row.risk_flag, row.party_names) == (case_id, "02", "邻里纠纷", "registered", "已登记",
                                                True, "张三、李四")
    assert row.org_name == "红旗嘎查人民调解委员会" and row.case_no.startswith("（2026）红旗")
    assert VALID_ID not in str(row.as_dict()) and row.as_dict()["summary"] == row.summary
    assert desk.cases.list_rows([]) == {}
