"""The template language: every shipped form parses; a malformed one is refused with the file
and the line; a committee's local copy of a form takes precedence."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from mediator_desk import documents
from mediator_desk.documents import fields, kinds, template
from mediator_desk.documents.template import TemplateError

GOOD = "@文书 测试\n@标题 {调委会名称}\n{案件编号}\n"


def test_every_kind_has_a_template_that_parses():
    for kind in documents.list_kinds():
        t = kinds.load_template(kind)
        assert t.kind == kind.code and t.name and t.body
        assert "调委会名称" in t.fields_used or kind.code in ("toc", "back_cover")
    # and every template in forms/ belongs to a kind
    assert {p.stem for p in kinds.forms_dir().glob("*.txt")} == {k.code for k in documents.KINDS}


@pytest.mark.parametrize("text, line, words", [
    ("@标题 x\n", 1, "缺少“@文书"),
    ("@文书 测试\n@标题 {案件编号\n", 2, "花括号"),
    ("@文书 测试\n\n正文{当时人.姓名}\n", 3, "没有名为“当时人”的列表"),
    ("@文书 测试\n{当事人.姓名}\n", 2, "只能写在“@每个 当事人”"),
    ("@文书 测试\n@每个 当事人\n{当事人.性另}\n@结束\n", 3, "没有字段“性另”"),
    ("@文书 测试\n@每个 当事人\n{当事人.姓名}\n", 2, "没有对应的“@结束”"),
    ("@文书 测试\n@结束\n", 2, "多余的“@结束”"),
    ("@文书 测试\n@否则\n", 2, "缺少对应的“@如果”"),
    ("@文书 测试\n@签字 甲方\n", 2, "不认识的指令“@签字”"),
    ("@文书 测试\n@表格 1:1\n| a | b | c |\n@结束\n", 3, "有3列"),
    ("@文书 测试\n@表格 1:1\n没有竖线\n@结束\n", 3, "以“|”开头"),
    ("@文书 测试\n@表格 宽:窄\n| a | b |\n@结束\n", 2, "宽度的比例"),
    ("@文书 测试\n{案件编号:宽}\n", 2, "空白宽度"),
    ("@文书 测试\n{纠纷简要情况}\n@说明 晚了\n", 3, "开头"),
    ("@文书 测试\n@空行 很多\n", 2, "数字"),
    ("@文书 测试\n{当事人}\n", 2, "是列表"),
    ("@文书 测试\n@每个 条款\n{内容}\n@结束\n", 3, "{条款.内容}"),
])
def test_malformed_template_names_file_and_line(text, line, words):
    with pytest.raises(TemplateError) as err:
        template.parse(text, "forms/agreement.txt")
    assert err.value.line == line
    assert f"forms/agreement.txt 第{line}行" in str(err.value)
    assert words in str(err.value)


def test_not_utf8_names_the_line(tmp_path):
    path = tmp_path / "agreement.txt"
    path.write_bytes("@文书 测试\n第二行\n".encode("utf-8") + "第三行".encode("gbk"))
    with pytest.raises(TemplateError, match="第3行.*UTF-8"):
        template.load(path)


def test_comments_indent_and_escaped_braces():
    t = template.parse("# 说明\n@文书 测试\n　　正文{{不是字段}}{案件编号!:8}\n", "x.txt")
    para = t.body[0]
    assert para.indent == 2 and para.text.parts[0] == "正文{不是字段}"
    ph = para.text.parts[1]
    assert (ph.name, ph.required, ph.spec) == ("案件编号", True, "8")


def test_a_local_copy_of_a_form_wins(desk, tmp_path, monkeypatch):
    local = desk.path.parent / "forms"
    local.mkdir()
    (local / "agreement.txt").write_text("@文书 人民调解协议书\n@标题 {调委会名称}\n本村自定的格式\n",
                                         encoding="utf-8")
    from doc_helpers import flat, pdf_text
    text = flat(pdf_text(documents.render_blank(desk, "agreement")))
    assert "本村自定的格式" in text
    # a broken local copy is reported with its own path and line
    (local / "agreement.txt").write_text("@文书 协议\n@每个 当事人\n", encoding="utf-8")
    with pytest.raises(TemplateError, match="forms/agreement.txt 第2行") as err:
        documents.render_blank(desk, "agreement")
    assert str(local / "agreement.txt") in str(err.value)     # the copy, not the shipped one


def test_field_catalogue_has_what_templates_use():
    used = set()
    for kind in documents.list_kinds():
        used |= kinds.load_template(kind).fields_used
    top = {u for u in used if "." not in u}
    assert top <= set(fields.FIELDS) | set(fields.LISTS)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("@{}|!:：行文书标题每个如果结束否则表格当事人.姓名 \n1２"))))
def test_parser_only_ever_raises_template_errors(text):
    try:
        template.parse(text, "fuzz.txt")
    except TemplateError as exc:
        assert "fuzz.txt 第" in str(exc)


def test_docs_table_of_missing_values_matches_the_templates():
    from pathlib import Path
    from mediator_desk.documents.template import missing_value_policy
    doc = (Path(__file__).resolve().parents[2] / "docs" / "documents.md").read_text("utf-8")
    for kind in documents.list_kinds():
        refused, blank = missing_value_policy(kinds.load_template(kind))
        row = f"| {kind.label} (`{kind.code}`) | {'、'.join(refused) or '—'} | " \
              f"{'、'.join(blank) or '—'} |"
        assert row in doc, f"docs/documents.md is out of date for {kind.code}:\n{row}"
