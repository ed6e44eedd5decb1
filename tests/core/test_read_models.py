"""The read models: ``desk.dossier.view`` is a frozen ``CaseView`` with a typed attribute for
every column of the case and every section of the mediation path; its ``as_dict()`` (the
JSON of ``case show``) keeps the shape of one dict per case. (``TodoItem`` is tested with the
to-do list, ``CaseRow`` with the search.)"""

from __future__ import annotations

import dataclasses
import json

import pytest

from mediation_helpers import PDF, PNG, T, accepted_case, signed_written, write_file
from mediator_desk.core.dossier import (NOT_APPLICABLE, REFUSAL_TITLE, AgreementView, CaseView,
                                         ContentsItem)
from mediator_desk.core.outcomes import Outcome
from mediator_desk.core.workflow import NextStep

# the attributes of a CaseView that are not the case's own fields (desk.cases.get)
SECTIONS = {"acceptance", "investigations", "mediations", "outcome", "closure", "risks",
            "agreements", "followups", "confirmations", "attachments", "missing_files",
            "contents", "archive", "archive_refusal", "history", "next_step"}


def walked_to_the_archive(desk, make_case, tmp_path) -> tuple[str, str, str]:
    """A case with a record of every kind, archived; returns (case id, agreement id, visit id)."""
    case_id = accepted_case(desk, make_case, received="2026-03-02")
    desk.sessions.add_investigation(case_id, held_on="2026-03-03", subject="李四",
                                    qa=[("院墙何时所建？", "2010年")], today=T)
    desk.sessions.add_mediation(case_id, held_on="2026-03-05", mediators="乌力吉",
                                parties_present="张三、李四", statements="双方各执一词", today=T)
    desk.outcomes.flag_risk(case_id, kind="criminal", flagged_on="2026-03-04", note="扬言报复",
                            today=T)
    aid = signed_written(desk, case_id, scan=write_file(tmp_path, "scan.pdf", PDF))
    desk.confirmations.apply(aid, applied_on="2026-03-20", court="阿鲁科尔沁旗人民法院", today=T)
    desk.confirmations.record_result(desk.confirmations.for_case(case_id)[0]["id"],
                                     result="confirmed", result_on="2026-03-30",
                                     court_case_no="（2026）内0421民特12号", today=T)
    desk.agreements.record_performance(aid, status="performed", checked_on="2026-04-09",
                                       today=T)
    fid = desk.followups.add(aid, visited_on="2026-04-25", party="张三", visitor="乌力吉",
                             performance="performed", today=T)
    desk.attachments.add(case_id, write_file(tmp_path, "id.png", PNG), item="identity")
    desk.dossier.archive(case_id, archived_on="2026-05-01", retention="30年", today=T)
    return case_id, aid, fid


def test_the_view_of_a_walked_case_has_every_section_as_an_attribute(desk, make_case,
                                                                       tmp_path):
    case_id, aid, fid = walked_to_the_archive(desk, make_case, tmp_path)
    view = desk.dossier.view(case_id, today=T)
    assert isinstance(view, CaseView)
    with pytest.raises(dataclasses.FrozenInstanceError):
        view.status = "registered"  # type: ignore[misc]
    # the case's own fields, typed, with labels and people (ID numbers masked)
    assert (view.id, view.status, view.status_label) == (case_id, "archived", "已归档")
    assert view.case_no.startswith("（2026）红旗人调字第") and view.case_year == 2026
    assert (view.dispute_type_label, view.source_label) == ("邻里纠纷", "当事人申请")
    assert view.org_name == "红旗嘎查人民调解委员会" and view.received_date == "2026-03-02"
    assert [p["name"] for p in view.parties] == ["张三", "李四"]
    assert "*" in view.parties[0]["id_number"]
    assert [m["name"] for m in view.mediators] == ["乌力吉"]
    # every section of the path
    assert view.acceptance is not None and view.acceptance["decision"] == "accepted"
    assert view.investigations[0]["qa"] == [{"q": "院墙何时所建？", "a": "2010年"}]
    assert [m["statements"] for m in view.mediations] == ["双方各执一词"]
    assert view.outcome.kind == "written" and view.outcome.agreement_id == aid
    assert view.closure is None
    assert [r["kind"] for r in view.risks] == ["criminal"]
    [agreement] = view.agreements
    assert isinstance(agreement, AgreementView) and agreement.row["id"] == aid
    assert agreement.row["performance_status"] == "performed"
    assert agreement.confirmation is not None and agreement.confirmation["result"] == "confirmed"
    assert [f["id"] for f in agreement.followups] == [fid] == [f["id"] for f in view.followups]
    assert [a["item"] for a in agreement.attachments] == ["signed_agreement"]
    assert [c["agreement_id"] for c in view.confirmations] == [aid]
    assert sorted(a["item"] for a in view.attachments) == ["identity", "signed_agreement"]
    assert view.missing_files == []
    assert [c.no for c in view.contents] == list(range(1, 14))
    assert not any(c.missing for c in view.contents) and view.contents[0].refusal is None
    assert view.archive is not None and view.archive["retention"] == "30年"
    assert view.archive_refusal == ""
    assert {"register", "sign", "archive"} <= {h["action"] for h in view.history}
    assert view.next_step == NextStep("", "")


def test_as_dict_is_the_case_with_its_sections(desk, make_case, tmp_path):
    case_id, aid, fid = walked_to_the_archive(desk, make_case, tmp_path)
    view = desk.dossier.view(case_id, today=T)
    data = json.loads(json.dumps(view.as_dict(), ensure_ascii=False))
    assert list(data) == [f.name for f in dataclasses.fields(CaseView)]
    assert data["case_no"] == view.case_no and data["status"] == "archived"
    agreement = data["agreements"][0]
    assert agreement["id"] == aid and agreement["agreement_no"] == view.agreements[0].row[
        "agreement_no"]
    assert [f["id"] for f in agreement["followups"]] == [fid]
    assert agreement["confirmation"]["result"] == "confirmed"
    assert agreement["attachments"][0]["item"] == "signed_agreement"
    assert data["next_step"] == {"text": "", "place": ""}
    assert data["outcome"] == {"kind": "written", "label": "书面调解协议",
                               "date": "2026-03-10", "reason": "", "routes_explained": "",
                               "agreement_id": aid}


def test_the_view_covers_every_column_of_the_case(desk, make_case):
    """A column added to ``cases`` by a migration must become an attribute of CaseView."""
    case_id = make_case()
    columns = [r["name"] for r in desk.query("PRAGMA table_info(cases)")]
    own = [f.name for f in dataclasses.fields(CaseView) if f.name not in SECTIONS]
    assert own[:len(columns)] == columns
    assert set(own) == set(desk.cases.get(case_id))


def test_an_ended_case_has_its_closure_and_points_to_the_archive(desk, make_case):
    case_id = accepted_case(desk, make_case)
    desk.sessions.add_mediation(case_id, held_on="2026-03-05", mediators="乌力吉",
                                parties_present="张三、李四", today=T)
    desk.outcomes.end(case_id, ended_on="2026-03-06", reason="双方分歧过大",
                      routes_explained="告知可向人民法院起诉", today=T)
    view = desk.dossier.view(case_id, today=T)
    assert view.closure is not None and view.closure["kind"] == "ended"
    assert view.outcome == Outcome(kind="ended", label="调解终止（未达成协议）",
                                   date="2026-03-06", reason="双方分歧过大",
                                   routes_explained="告知可向人民法院起诉")
    assert view.agreements == []
    assert view.next_step == NextStep("立卷归档", "archive") and view.archive is None
    assert "当事人身份证明" in view.archive_refusal


def test_a_refused_case_lists_its_refusal_in_the_contents(desk, make_case):
    case_id = make_case(received_date="2026-03-02")
    desk.acceptance.refuse(case_id, decided_on="2026-03-04", reason="other_body",
                           note="已由人民法院立案受理", today=T)
    first, second = desk.dossier.view(case_id, today=T).contents[:2]
    assert isinstance(first, ContentsItem) and first.title == REFUSAL_TITLE
    assert first.refusal is not None and first.refusal["note"] == "已由人民法院立案受理"
    assert (first.present, first.missing, first.source) == (True, False, "record")
    assert first.as_dict()["refusal"] == first.refusal and "refusal" not in second.as_dict()
    assert second.need == NOT_APPLICABLE and not second.missing
