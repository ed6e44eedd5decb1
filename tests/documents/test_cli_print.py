"""CLI: mediator-desk print (--list, a filled document in PDF and DOCX, --blank, --dossier,
--record), an unwritable output path, and the audit entry each print leaves."""

from __future__ import annotations

import pytest

from mediator_desk.cli import main
from doc_helpers import docx_text, flat, pdf_pages, pdf_text


@pytest.fixture
def case_db(desk, full_case, db_path):
    case_no = desk.cases.get_row(full_case)["case_no"]
    desk.close()
    return str(db_path), case_no


def audit_prints(db):
    from mediator_desk.core.desk import Desk
    with Desk.open(db, create=False) as desk:
        return desk.query("SELECT action, case_id, details FROM audit_log WHERE action = 'print'"
                          " ORDER BY seq")


def test_list(capsys):
    assert main(["print", "--list"]) == 0
    out = capsys.readouterr().out
    assert "agreement\t人民调解协议书" in out and "back_cover\t封底" in out
    assert out.count("\n") == 15


def test_agreement_pdf_and_docx(case_db, tmp_path, capsys):
    db, case_no = case_db
    out = tmp_path / "协议书.pdf"
    assert main(["print", "--db", db, "--case", case_no, "--doc", "agreement",
                 "--out", str(out)]) == 0
    assert "已生成人民调解协议书" in capsys.readouterr().out
    text = flat(pdf_text(out.read_bytes()))
    assert "王䶮" in text and "人民币壹万贰仟元整" in text
    docx = tmp_path / "协议书.docx"      # format from the extension
    assert main(["print", "--db", db, "--case", case_no, "--doc", "人民调解协议书",
                 "--out", str(docx)]) == 0
    assert "孙𫖮" in docx_text(docx.read_bytes())
    prints = audit_prints(db)
    assert len(prints) == 2 and all(p["case_id"] for p in prints)
    assert '"格式": "docx"' in prints[1]["details"]


def test_one_record_of_several(case_db, tmp_path):
    db, case_no = case_db
    out = tmp_path / "m.pdf"
    assert main(["print", "--db", db, "--case", case_no, "--doc", "mediation_record",
                 "--record", "2", "--out", str(out)]) == 0
    text = flat(pdf_text(out.read_bytes()))
    assert text.count("人民调解记录") == 1 and "经实地测量" in text
    assert main(["print", "--db", db, "--case", case_no, "--doc", "mediation_record",
                 "--record", "3", "--out", str(out)]) == 2


def test_blank_form(case_db, tmp_path):
    db, _ = case_db
    out = tmp_path / "空白调查记录.pdf"
    assert main(["print", "--db", db, "--doc", "investigation", "--blank", "--out", str(out)]) == 0
    text = flat(pdf_text(out.read_bytes()))
    assert "红旗嘎查人民调解委员会" in text and "王䶮" not in text
    assert '"空白": true' in audit_prints(db)[-1]["details"]


def test_dossier(case_db, tmp_path, capsys):
    db, case_no = case_db
    out = tmp_path / "卷宗.pdf"
    assert main(["print", "--db", db, "--case", case_no, "--dossier", "--out", str(out)]) == 0
    assert "卷内16页" in capsys.readouterr().out
    pages = pdf_pages(out.read_bytes())
    assert len(pages) == 19 and "调解卷宗" in flat(pages[0])
    assert '"文书": "整本卷宗"' in audit_prints(db)[-1]["details"]


def test_unwritable_output_and_other_refusals(case_db, tmp_path, capsys):
    db, case_no = case_db
    missing_dir = tmp_path / "没有这个文件夹" / "a.pdf"
    assert main(["print", "--db", db, "--case", case_no, "--doc", "agreement",
                 "--out", str(missing_dir)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：无法保存到") and "不存在" in err and err.count("\n") == 1
    assert main(["print", "--db", db, "--case", case_no, "--doc", "agreement",
                 "--out", str(tmp_path)]) == 2
    assert "这是一个文件夹" in capsys.readouterr().err
    assert main(["print", "--db", db, "--case", case_no, "--doc", "oral_agreement",
                 "--out", str(tmp_path / "x.pdf")]) == 2
    assert "本案没有口头调解协议" in capsys.readouterr().err
    assert main(["print", "--db", db, "--doc", "agreement", "--out", str(tmp_path / "x.pdf")]) == 2
    assert "--case" in capsys.readouterr().err
    assert main(["print", "--db", db, "--case", case_no, "--dossier", "--format", "docx",
                 "--out", str(tmp_path / "x.docx")]) == 2
    assert not list(tmp_path.glob("x.*"))
    assert audit_prints(db) == []          # nothing printed, nothing audited
