"""Bad input: a character the font lacks is reported (which party, which field), never
printed blank; a value a filled form cannot do without is named; other missing values print
a line to write on; an unwritable output path gets a message."""

from __future__ import annotations

import pytest

from mediator_desk import documents
from mediator_desk.documents import MissingFields, MissingGlyph
from mediator_desk.errors import DeskError, NotFound
from doc_helpers import T, flat, pdf_text
from mediation_helpers import accepted_case


def agreement_case(desk, make_case, **agreement):
    case_id = accepted_case(desk, make_case)
    values = dict(agreed_on="2026-03-10", terms=["李四拆除越界院墙"], facts="院墙越界",
                  performance_method="自行拆除", today=T)
    values.update(agreement)
    desk.agreements.create(case_id, **values)
    return case_id


def test_missing_glyph_names_party_and_field(desk, make_case):
    case_id = agreement_case(desk, make_case)
    party = desk.parties.for_case(case_id)[1]
    desk.parties.update(party["id"], address="红旗嘎查김家屯")     # Hangul is not in the font
    for fmt in ("pdf", "docx"):
        with pytest.raises(MissingGlyph) as err:
            documents.render(desk, case_id, "agreement", fmt, today=T)
        message = str(err.value)
        assert "乙方“李四”的单位或住址" in message and "“김”（U+AE40）" in message
        assert err.value.problems == [("乙方“李四”的单位或住址", "김")]
    # the same check guards the case-level forms
    with pytest.raises(MissingGlyph, match="被申请人“李四”的单位或住址"):
        documents.render(desk, case_id, "application", today=T)


def test_missing_glyph_in_a_name_outside_the_bmp(desk, make_case):
    case_id = agreement_case(desk, make_case)
    party = desk.parties.for_case(case_id)[0]
    desk.parties.update(party["id"], name="张\U000F0001")   # private-use plane: no glyph
    with pytest.raises(MissingGlyph, match="U\\+F0001"):
        documents.render(desk, case_id, "agreement", today=T)


def test_required_values_are_named(desk, make_case):
    case_id = agreement_case(desk, make_case, facts="", performance_method="")
    with pytest.raises(MissingFields) as err:
        documents.render(desk, case_id, "agreement", today=T)
    assert err.value.labels == ["纠纷事实", "履行方式"]
    assert "不能打印“人民调解协议书”，缺少：纠纷事实；履行方式" in str(err.value)
    # nothing invented: the blank form is the way to write them by hand
    assert documents.render_blank(desk, "agreement")


def test_optional_values_print_a_line_to_write_on(desk, make_case):
    case_id = agreement_case(desk, make_case)          # 李四 has no ethnicity, age, address
    text = flat(pdf_text(documents.render(desk, case_id, "agreement", today=T)))
    assert "乙方：李四，性别：____，民族：______，年龄：____岁" in text


def test_nothing_of_that_kind(desk, make_case):
    case_id = accepted_case(desk, make_case)
    with pytest.raises(NotFound, match="本案没有书面调解协议"):
        documents.render(desk, case_id, "agreement", today=T)
    with pytest.raises(NotFound, match="没有调查记录"):
        documents.render(desk, case_id, "investigation", today=T)
    with pytest.raises(DeskError, match="没有名为“协议”的文书"):
        documents.render(desk, case_id, "协议", today=T)
    with pytest.raises(DeskError, match="不支持的格式"):
        documents.render(desk, case_id, "application", "odt", today=T)


def test_unwritable_output(tmp_path):
    with pytest.raises(DeskError, match="文件夹.*不存在"):
        documents.write_output(b"x", tmp_path / "no" / "such" / "a.pdf")
    with pytest.raises(DeskError, match="这是一个文件夹"):
        documents.write_output(b"x", tmp_path)
    out = documents.write_output(b"%PDF", tmp_path / "a.pdf")
    assert out.read_bytes() == b"%PDF" and not list(tmp_path.glob(".print-*"))


def test_batch_skips_a_bad_case_and_reports_why(desk, make_case):
    good = agreement_case(desk, make_case)
    bad = agreement_case(desk, make_case, facts="")
    none = accepted_case(desk, make_case)
    batch = documents.render_batch(desk, [good, bad, none], "agreement")
    assert len(batch.printed) == 1 and len(batch.skipped) == 2
    reasons = dict(batch.skipped)
    assert any("纠纷事实" in r for r in reasons.values())
    assert any("没有书面调解协议" in r for r in reasons.values())
    assert flat(pdf_text(batch.data)).count("人民调解协议书") == 1


def test_batch_reports_progress_and_can_be_cancelled(desk, make_case):
    from mediator_desk.core.progress import Cancelled
    ids = [agreement_case(desk, make_case) for _ in range(3)]
    seen = []
    documents.render_batch(desk, ids, "agreement", progress=lambda done, total: seen.append(
        (done, total)))
    assert seen[0] == (0, 6) and seen[-1] == (6, 6)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)

    class StopWhileDrawing:
        cancelled = False

        def update(self, done, total):
            if done > 3:            # reading is done; stop during the drawing
                self.cancelled = True

    with pytest.raises(Cancelled):
        documents.render_batch(desk, ids, "agreement", progress=StopWhileDrawing())


def test_nothing_to_print_points_to_the_right_blank_form(desk, make_case):
    case_id = accepted_case(desk, make_case)
    with pytest.raises(NotFound) as err:
        documents.render(desk, case_id, "oral_agreement", today=T)
    assert "人民调解口头协议登记表" in err.value.hint and "协议书" not in err.value.hint
    with pytest.raises(NotFound) as err:
        documents.render(desk, case_id, "agreement", today=T)
    assert "空白的人民调解协议书" in err.value.hint
    with pytest.raises(NotFound) as err:
        documents.render(desk, case_id, "confirmation_persons", today=T)
    assert "司法确认申请书（双方为自然人）" in err.value.hint


def test_output_errors_are_in_chinese(tmp_path, monkeypatch):
    import errno
    import os

    def refuse(code):
        def replace(*_):
            raise OSError(code, os.strerror(code))
        return replace

    for code, words in ((errno.ENOSPC, "磁盘已满"), (errno.EROFS, "只读"),
                        (errno.ENOENT, "不存在"), (errno.EIO, "读写磁盘出错")):
        monkeypatch.setattr(os, "replace", refuse(code))
        with pytest.raises(DeskError) as err:
            documents.write_output(b"x", tmp_path / "a.pdf")
        assert words in str(err.value)
        assert os.strerror(code) not in str(err.value)         # no English system text
    monkeypatch.undo()
    assert not list(tmp_path.glob(".print-*"))


def test_blank_confirmation_forms_have_no_stray_underscore_line(desk):
    from doc_helpers import pdf_pages
    for kind in ("confirmation_persons", "confirmation_organisation"):
        for page in pdf_pages(documents.render_blank(desk, kind)):
            for line in page.splitlines():
                stub = line.strip()
                assert not (stub and set(stub) == {"_"} and len(stub) < 6), (kind, page)
