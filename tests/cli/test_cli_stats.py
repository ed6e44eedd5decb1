"""CLI: ``stats`` (text, --json, XLSX/PDF export read back) and ``report status|close|lock``."""

from __future__ import annotations

import json

import openpyxl
import pytest

from mediation_helpers import T, accepted_case, signed_written
from mediator_desk.cli import main
from mediator_desk.core.desk import Desk
from mediator_desk.core.statistics import INDICATORS


@pytest.fixture
def filled(desk, make_case, db_path):
    ok = accepted_case(desk, make_case, received="2026-03-02", people_involved=3,
                       amount_fen=1234_56)
    signed_written(desk, ok)
    failed = accepted_case(desk, make_case, received="2026-03-05", dispute_type="04")
    desk.outcomes.end(failed, ended_on="2026-03-20", reason="分歧大",
                      routes_explained="可向人民法院起诉", today=T)
    desk.close()
    return str(db_path)


def test_stats_text_and_json(filled, capsys):
    assert main(["stats", "--db", filled, "--period", "2026-03"]) == 0
    out = capsys.readouterr().out
    assert "人民调解工作统计月报" in out and "2026年3月" in out
    assert "红旗嘎查人民调解委员会" in out and "合计" in out and "50.0" in out
    assert main(["stats", "--db", filled, "--period", "2026Q1", "--by", "type", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["period"] == "2026Q1" and data["total"]["mediated"] == 2
    rows = {r["key"][0]: r["figures"] for r in data["rows"]}
    assert rows["02"]["success"] == 1 and rows["04"]["ended"] == 1


def test_stats_organisation(filled, capsys):
    assert main(["stats", "--db", filled, "--organisation"]) == 0
    out = capsys.readouterr().out
    assert "调解组织和调解员" in out and "专职调解员" in out and "合计" in out
    assert main(["stats", "--db", filled, "--organisation", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"]["mediators"] == 1 and data["total"]["village"] == 1


@pytest.mark.parametrize("argv,words", [
    (["--period", "2099"], "尚未开始"), (["--period", "三月"], "无法识别"),
    (["--org", "无此村"], "找不到组织"), (["--by", "colour"], "未知的分组方式"),
    (["--indicators", "nope"], "未知的统计指标"), (["--format", "xlsx"], "同时给出"),
])
def test_stats_bad_input(filled, capsys, argv, words):
    assert main(["stats", "--db", filled] + argv) == 2
    assert words in capsys.readouterr().err


def test_xlsx_reads_back_equal_to_the_engine(filled, tmp_path, capsys):
    out = tmp_path / "月报.xlsx"
    assert main(["stats", "--db", filled, "--period", "2026-03", "--format", "xlsx",
                 "--out", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[:3] == ["月报", "按纠纷类型", "组织队伍"]
    sheet = book["月报"]
    assert sheet.freeze_panes == "B5"
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    head = [c.value for c in sheet[4]]
    assert head[1:] == [f"{i.label}（{i.unit}）" for i in INDICATORS]
    desk = Desk.open(filled)
    try:
        figures = desk.statistics.report("2026-03", today=T)
        expected = figures.matrix()
    finally:
        desk.close()
    got = [[c.value for c in row] for row in sheet.iter_rows(min_row=5,
                                                              max_row=4 + len(expected))]
    assert got == expected
    assert isinstance(got[-1][1], (int, float))              # numbers as numbers
    footer = [c.value for c in sheet[6 + len(expected)] if c.value]
    assert any(str(v).startswith("填报人：") for v in footer)
    assert any(str(v).startswith("审核人：") for v in footer)


def test_pdf_export(filled, tmp_path):
    from pypdf import PdfReader

    out = tmp_path / "月报.pdf"
    assert main(["stats", "--db", filled, "--period", "2026-03", "--format", "pdf",
                 "--out", str(out)]) == 0
    text = "".join(p.extract_text() for p in PdfReader(out).pages)
    assert "人民调解工作统计月报" in text and "红旗嘎查人民调解委员会" in text
    assert "填报人" in text


def test_report_close_status_lock(filled, capsys):
    assert main(["report", "close", "--db", filled, "--period", "2026-04"]) == 0
    assert "零上报" in capsys.readouterr().out
    assert main(["report", "close", "--db", filled, "--period", "2026-03"]) == 0
    out = capsys.readouterr().out
    assert "本月已报送" in out and "合计" in out
    assert main(["report", "close", "--db", filled, "--period", "2026-03"]) == 2
    assert "不能重复报送" in capsys.readouterr().err
    assert main(["report", "status", "--db", filled, "--period", "2026-03", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["reported"] == 1 and status["rate"] == 100.0
    assert main(["report", "lock", "--db", filled, "--period", "2026-03"]) == 0
    assert "已锁定" in capsys.readouterr().out
    assert main(["report", "lock", "--db", filled, "--period", "2026-03"]) == 2
    assert "不能重复锁定" in capsys.readouterr().err
