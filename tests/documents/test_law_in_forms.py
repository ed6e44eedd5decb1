"""The law in the forms: a refused case prints its refusal and files it; the
judicial-confirmation application only for an agreement in force, with a warning past the
Art. 33 window — read back from the PDF text as a reader would."""

from __future__ import annotations

from datetime import date

import pytest

from doc_helpers import T, flat, pdf_text
from mediation_helpers import accepted_case, signed_written
from mediator_desk import documents
from mediator_desk.cli import main
from mediator_desk.core.dossier import REFUSAL_TITLE
from mediator_desk.errors import IllegalStep


def refused_case(desk, make_case, *, reason="other_body", note="已由阿鲁科尔沁旗人民法院立案受理"):
    case_id = make_case(received_date="2026-03-02", summary="两家因宅基地边界发生争执")
    desk.acceptance.refuse(case_id, decided_on="2026-03-04", reason=reason, note=note, today=T)
    return case_id


# --- a refused case -----------------------------------------------------------------------
def test_the_registration_form_of_a_refused_case_prints_the_refusal(desk, make_case):
    case_id = refused_case(desk, make_case)
    text = flat(pdf_text(documents.render(desk, case_id, "registration", today=T)))
    assert "人民调解受理登记表" in text
    assert "经当事人同意" not in text and "调解张三与李四之间的纠纷" not in text
    assert "决定不予受理" in text and "受理决定不予受理" in text
    assert "已由人民法院、公安机关或其他行政机关受理或处理：已由阿鲁科尔沁旗人民法院立案受理" in text
    assert "决定日期2026年3月4日" in text
    assert "2026年3月2日，本委员会登记" in text          # registered on the received date
    decided_by = desk.acceptance.get(case_id)["decided_by"]
    assert decided_by and f"决定人{decided_by}" in text
    # the same in DOCX
    from doc_helpers import docx_text
    docx = flat(docx_text(documents.render(desk, case_id, "registration", "docx", today=T)))
    assert "决定不予受理" in docx and "经当事人同意" not in docx


def test_the_art_17_refusal_reason_is_printed_without_a_note(desk, make_case):
    case_id = refused_case(desk, make_case, reason="party_refuses", note="")
    text = flat(pdf_text(documents.render(desk, case_id, "registration", today=T)))
    assert "当事人一方明确拒绝调解（《人民调解法》第十七条）" in text


def test_an_accepted_case_still_prints_the_consent(desk, make_case):
    case_id = accepted_case(desk, make_case)
    text = flat(pdf_text(documents.render(desk, case_id, "registration", today=T)))
    assert "本委员会经当事人同意，调解" in text and "不予受理" not in text


def test_the_case_file_lists_the_refusal_and_archives_with_it(desk, make_case):
    case_id = refused_case(desk, make_case)
    item = desk.dossier.contents(case_id)[0]
    assert (item.title, item.present, item.missing) == (REFUSAL_TITLE, True, False)
    assert item.refusal is not None and item.refusal["reason"] == "other_body"
    assert item.refusal["note"] == "已由阿鲁科尔沁旗人民法院立案受理"
    toc = flat(pdf_text(documents.render(desk, case_id, "toc", today=T)))
    assert REFUSAL_TITLE in toc and "不予受理" in toc.replace(REFUSAL_TITLE, "")
    result = documents.render_dossier(desk, case_id, today=T)
    assert "决定不予受理" in flat(pdf_text(result.pdf))
    assert desk.dossier.archive_refusal(case_id, on="2026-03-10") == ""
    desk.dossier.archive(case_id, archived_on="2026-03-10", retention="10年", today=T)
    assert desk.cases.get_row(case_id)["status"] == "archived"


def test_a_refused_case_without_its_refusal_on_file_cannot_be_archived(desk, make_case):
    case_id = refused_case(desk, make_case)
    acc = desk.acceptance.get(case_id)
    # a refusal that lost its reason (as an old record or a tool could leave it)
    desk.db.conn.execute("UPDATE acceptances SET refusal_reason = '' WHERE id = ?", (acc["id"],))
    item = desk.dossier.contents(case_id)[0]
    assert (item.title, item.present, item.missing) == (REFUSAL_TITLE, False, True)
    assert REFUSAL_TITLE in desk.dossier.archive_refusal(case_id, on="2026-03-10")
    with pytest.raises(IllegalStep, match="不予受理决定"):
        desk.dossier.archive(case_id, archived_on="2026-03-10", retention="10年", today=T)
    # nor without the acceptance row at all
    desk.db.conn.execute("DELETE FROM acceptances WHERE id = ?", (acc["id"],))
    assert desk.dossier.contents(case_id)[0].missing
    with pytest.raises(IllegalStep, match="不予受理决定"):
        desk.dossier.archive(case_id, archived_on="2026-03-10", retention="10年", today=T)
    assert desk.cases.get_row(case_id)["status"] == "refused"


# --- the court application ---------------------------------------------------------------
def test_no_court_application_for_an_agreement_not_in_force(desk, make_case):
    case_id = accepted_case(desk, make_case)
    desk.agreements.create(case_id, agreed_on="2026-03-10", terms=["李四拆除院墙"], today=T)
    with pytest.raises(IllegalStep) as exc:
        documents.render(desk, case_id, "confirmation_persons", today=T)
    msg = exc.value.message
    assert "司法确认申请书（双方为自然人）" in msg and "尚未签字生效" in msg
    assert "第三十三条" in msg and "登记签字" in exc.value.hint
    with pytest.raises(IllegalStep, match="尚未签字生效"):
        documents.render(desk, case_id, "confirmation_persons", "docx", today=T)


def test_no_court_application_for_a_voided_agreement(desk, make_case):
    case_id = accepted_case(desk, make_case)
    aid = desk.agreements.create(case_id, agreed_on="2026-03-10", terms=["a"], today=T)
    desk.agreements.void(aid, reason="一方拒绝签字", voided_on="2026-03-11", today=T)
    with pytest.raises(IllegalStep, match="已作废"):
        documents.render(desk, case_id, "confirmation_persons", record_id=aid, today=T)


def test_court_application_within_the_window_has_no_warning(desk, make_case):
    case_id = accepted_case(desk, make_case)
    signed_written(desk, case_id, signed_on="2026-03-12")
    day = date(2026, 4, 11)                          # the 30th day after 12 March
    text = flat(pdf_text(documents.render(desk, case_id, "confirmation_persons", today=day)))
    assert "2026年3月12日" in text
    assert documents.warnings_for(desk, case_id, "confirmation_persons", today=day) == []


def test_court_application_past_the_window_prints_with_a_warning(desk, make_case):
    case_id = accepted_case(desk, make_case)
    signed_written(desk, case_id, signed_on="2026-03-12")
    day = date(2026, 4, 12)
    assert documents.render(desk, case_id, "confirmation_persons", today=day)[:4] == b"%PDF"
    warnings = documents.warnings_for(desk, case_id, "confirmation_persons", today=day)
    assert len(warnings) == 1
    assert "2026年4月11日届满" in warnings[0] and "第三十三条" in warnings[0]
    # an application filed in time: the form is dated then, no warning
    aid = desk.agreements.for_case(case_id)[0]["id"]
    desk.confirmations.apply(aid, applied_on="2026-04-01", court="阿鲁科尔沁旗人民法院", today=T)
    assert documents.warnings_for(desk, case_id, "confirmation_persons", today=day) == []
    # other documents have no such warning
    assert documents.warnings_for(desk, case_id, "agreement", today=day) == []


@pytest.fixture
def late_case_db(desk, make_case, db_path):
    case_id = accepted_case(desk, make_case)
    signed_written(desk, case_id, signed_on="2026-03-12")     # the CLI prints on today's date
    pending = accepted_case(desk, make_case)
    desk.agreements.create(pending, agreed_on="2026-03-10", terms=["a"], today=T)
    numbers = [desk.cases.get_row(c)["case_no"] for c in (case_id, pending)]
    desk.close()
    return str(db_path), numbers


def test_cli_prints_the_warning_and_refuses_an_unsigned_agreement(late_case_db, tmp_path,
                                                                  capsys):
    db, (late, pending) = late_case_db
    out = tmp_path / "申请书.pdf"
    assert main(["print", "--db", db, "--case", late, "--doc", "confirmation_persons",
                 "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert "已生成司法确认申请书" in captured.out
    assert "注意：" in captured.err and "届满" in captured.err
    assert out.read_bytes()[:4] == b"%PDF"
    out2 = tmp_path / "未生效.pdf"
    assert main(["print", "--db", db, "--case", pending, "--doc", "confirmation_persons",
                 "--out", str(out2)]) != 0
    assert "尚未签字生效" in capsys.readouterr().err
    assert not out2.exists()
