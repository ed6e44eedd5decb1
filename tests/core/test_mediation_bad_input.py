"""Bad input on the mediation path: out-of-order and future dates, edits to signed
agreements and archived cases — each refused with a Chinese reason, changing nothing."""

from datetime import date

import pytest

from mediation_helpers import PNG, T, accepted_case, signed_written, status, write_file
from mediator_desk.core.audit import ACTION_LABELS
from mediator_desk.errors import IllegalStep, ReadOnlyRecord, ValidationError


def count(desk, table):
    return desk.scalar(f"SELECT count(*) FROM {table}")


def test_acceptance_before_received_or_in_future(desk, make_case):
    case_id = make_case(received_date="2026-03-02")
    with pytest.raises(ValidationError, match="不能早于") as exc:
        desk.acceptance.accept(case_id, decided_on="2026-03-01",
                               consent_form="oral_application", today=T)
    assert exc.value.field == "decided_on"
    with pytest.raises(ValidationError, match="不能晚于今天"):
        desk.acceptance.accept(case_id, decided_on="2026-07-01",
                               consent_form="oral_application", today=T)
    with pytest.raises(ValidationError) as exc:
        desk.acceptance.accept(case_id, decided_on="2026-03-02", consent_form="", today=T)
    assert exc.value.field == "consent_form"
    assert count(desk, "acceptances") == 0 and status(desk, case_id) == "registered"


def test_session_before_the_case_was_received(desk, make_case):
    case_id = accepted_case(desk, make_case)
    before = count(desk, "audit_log")
    with pytest.raises(ValidationError, match="不能早于") as exc:
        desk.sessions.add_mediation(case_id, held_on="2026-03-01", mediators="乌力吉",
                                    parties_present="张三", today=T)
    assert exc.value.field == "held_on"
    with pytest.raises(ValidationError, match="不能早于"):
        desk.sessions.add_investigation(case_id, held_on="2026-02-01", subject="李四",
                                        qa=[("问", "答")], today=T)
    with pytest.raises(ValidationError, match="不能晚于今天"):
        desk.sessions.add_mediation(case_id, held_on=date(2026, 7, 1), mediators="乌力吉",
                                    parties_present="张三", today=T)
    with pytest.raises(ValidationError) as exc:
        desk.sessions.add_mediation(case_id, held_on="2026-03-03", mediators="",
                                    parties_present="张三", today=T)
    assert exc.value.field == "mediators"
    with pytest.raises(ValidationError) as exc:
        desk.sessions.add_investigation(case_id, held_on="2026-03-03", subject="李四", qa=[],
                                        today=T)
    assert exc.value.field == "qa"
    with pytest.raises(ValidationError) as exc:
        desk.sessions.add_mediation(case_id, held_on="2026-03-03", mediators="乌力吉",
                                    parties_present="张三", start_time="25:00", today=T)
    assert exc.value.field == "start_time"
    assert count(desk, "mediation_sessions") == 0 and count(desk, "investigations") == 0
    assert count(desk, "audit_log") == before
    assert status(desk, case_id) == "accepted"


def test_mediation_before_acceptance_is_an_illegal_step(desk, make_case):
    case_id = make_case(received_date="2026-03-02")
    with pytest.raises(IllegalStep, match="请先受理"):
        desk.sessions.add_mediation(case_id, held_on="2026-03-03", mediators="乌力吉",
                                    parties_present="张三", today=T)
    with pytest.raises(IllegalStep, match="已受理"):
        desk.agreements.create(case_id, agreed_on="2026-03-03", terms=["a"], today=T)


def test_agreement_dates_out_of_order(desk, make_case):
    case_id = accepted_case(desk, make_case)
    with pytest.raises(ValidationError, match="不能早于") as exc:
        desk.agreements.create(case_id, agreed_on="2026-03-01", terms=["a"], today=T)
    assert exc.value.field == "agreed_on"
    with pytest.raises(ValidationError) as exc:
        desk.agreements.create(case_id, agreed_on="2026-03-10", terms=["a"],
                               performance_deadline="2026-03-09", today=T)
    assert exc.value.field == "performance_deadline"
    with pytest.raises(ValidationError) as exc:
        desk.agreements.create(case_id, agreed_on="2026-03-10", terms=[" ", ""], today=T)
    assert exc.value.field == "terms"          # never auto-filled: terms are required
    aid = desk.agreements.create(case_id, agreed_on="2026-03-10", terms=["a"],
                                 performance_deadline="2026-12-31", today=T)  # future is fine
    with pytest.raises(ValidationError, match="签字日期") as exc:
        desk.agreements.sign(aid, "2026-03-09", today=T)       # signed before agreed
    assert exc.value.field == "signed_on"
    with pytest.raises(ValidationError, match="不能晚于今天"):
        desk.agreements.sign(aid, "2026-07-01", today=T)
    a = desk.agreements.get(aid)
    assert (a["signed_on"], a["effective_on"]) == ("", "")
    assert status(desk, case_id) == "agreed"


def test_followup_and_confirmation_dates(desk, make_case):
    case_id = accepted_case(desk, make_case)
    aid = signed_written(desk, case_id, signed_on="2026-03-12")
    with pytest.raises(ValidationError, match="协议生效日期") as exc:
        desk.followups.add(aid, visited_on="2026-03-11", party="张三", visitor="乌力吉", today=T)
    assert exc.value.field == "visited_on"
    with pytest.raises(ValidationError) as exc:
        desk.followups.add(aid, visited_on="2026-03-20", party="张三", visitor="乌力吉",
                           lawsuit=True, today=T)
    assert exc.value.field == "lawsuit_note"
    with pytest.raises(ValidationError, match="第三十三条") as exc:
        desk.confirmations.apply(aid, applied_on="2026-04-12", court="法院", today=T)
    assert exc.value.field == "applied_on"
    with pytest.raises(ValidationError, match="协议生效日期"):
        desk.confirmations.apply(aid, applied_on="2026-03-11", court="法院", today=T)
    kid = desk.confirmations.apply(aid, applied_on="2026-04-11", court="法院", today=T)  # last day
    with pytest.raises(ValidationError) as exc:
        desk.confirmations.record_result(kid, result="confirmed", result_on="2026-04-20",
                                         today=T)
    assert exc.value.field == "court_case_no"
    with pytest.raises(ValidationError, match="申请日期"):
        desk.confirmations.record_result(kid, result="not_confirmed", result_on="2026-04-10",
                                         today=T)
    assert count(desk, "followups") == 0
    assert desk.confirmations.get(kid)["result"] == "pending"


def test_signed_agreement_cannot_be_edited(desk, make_case):
    case_id = accepted_case(desk, make_case)
    aid = signed_written(desk, case_id)
    before = desk.agreements.get(aid)
    with pytest.raises(ReadOnlyRecord, match="已签字生效") as exc:
        desk.agreements.update(aid, terms=["另一条"])
    assert "补充协议" in exc.value.message and "作废" not in exc.value.message
    with pytest.raises(ReadOnlyRecord, match="已于2026-03-12登记签字"):
        desk.agreements.sign(aid, "2026-03-13", today=T)
    after = desk.agreements.get(aid)
    assert after["terms"] == before["terms"] and after["rev"] == before["rev"]


@pytest.fixture
def archived_case(desk, make_case, tmp_path):
    case_id = accepted_case(desk, make_case)
    desk.attachments.add(case_id, write_file(tmp_path, "id.png", PNG), item="identity")
    desk.sessions.add_mediation(case_id, held_on="2026-03-05", mediators="乌力吉",
                                parties_present="张三", today=T)
    aid = signed_written(desk, case_id)
    # performance settled (archiving refuses while it is open)
    desk.agreements.record_performance(aid, status="performed", checked_on="2026-03-14",
                                       today=T)
    desk.dossier.archive(case_id, archived_on="2026-03-15", retention="10年", today=T)
    return case_id, aid


def test_archived_case_refuses_every_edit(desk, archived_case, tmp_path):
    case_id, aid = archived_case
    party_id = desk.parties.for_case(case_id)[0]["id"]
    session_id = desk.sessions.mediations(case_id)[0]["id"]
    before = (count(desk, "audit_log"), count(desk, "change_log"))
    scan = write_file(tmp_path, "x.png", PNG)
    attempts = [
        lambda: desk.cases.update(case_id, summary="改"),
        lambda: desk.parties.add(case_id, name="王五", role="third_party"),
        lambda: desk.parties.update(party_id, phone="13900000000"),
        lambda: desk.sessions.add_mediation(case_id, held_on="2026-03-16", mediators="乌力吉",
                                            parties_present="张三", today=T),
        lambda: desk.sessions.update_mediation(session_id, place="x"),
        lambda: desk.sessions.remove_mediation(session_id),
        lambda: desk.agreements.record_performance(aid, status="performed",
                                                   checked_on="2026-03-20", today=T),
        lambda: desk.agreements.supplement(aid, agreed_on="2026-03-20", terms=["x"], today=T),
        lambda: desk.agreements.void(aid, reason="x", voided_on="2026-03-20", today=T),
        lambda: desk.followups.add(aid, visited_on="2026-03-20", party="张三", visitor="乌力吉",
                                   today=T),
        lambda: desk.confirmations.apply(aid, applied_on="2026-03-20", court="法院", today=T),
        lambda: desk.attachments.add(case_id, scan, item="evidence"),
        lambda: desk.attachments.remove(desk.attachments.for_case(case_id, "identity")[0]["id"]),
        lambda: desk.outcomes.flag_risk(case_id, kind="criminal", flagged_on="2026-03-20",
                                        note="x", today=T),
        lambda: desk.dossier.archive(case_id, archived_on="2026-03-20", retention="10年",
                                     today=T),
    ]
    for attempt in attempts:
        with pytest.raises(ReadOnlyRecord, match="已归档"):
            attempt()
    with pytest.raises(IllegalStep, match="已归档"):
        desk.cases.set_status(case_id, "mediating")
    assert (count(desk, "audit_log"), count(desk, "change_log")) == before
    assert status(desk, case_id) == "archived"


def test_archiving_needs_a_closed_case_and_a_valid_retention(desk, make_case, tmp_path):
    case_id = accepted_case(desk, make_case)
    with pytest.raises(IllegalStep, match="办结"):
        desk.dossier.archive(case_id, archived_on="2026-03-15", retention="10年", today=T)
    with pytest.raises(ValidationError) as exc:
        desk.dossier.archive(case_id, archived_on="2026-03-15", retention="5年", today=T)
    assert exc.value.field == "retention"
    desk.attachments.add(case_id, write_file(tmp_path, "id.png", PNG), item="identity")
    desk.sessions.add_mediation(case_id, held_on="2026-03-05", mediators="乌力吉",
                                parties_present="张三", today=T)
    signed_written(desk, case_id, signed_on="2026-03-12")
    with pytest.raises(ValidationError, match="最后一项记录"):
        desk.dossier.archive(case_id, archived_on="2026-03-11", retention="10年", today=T)
    assert count(desk, "archives") == 0


def test_retention_choices_are_a_setting(desk):
    assert desk.dossier.retention_choices() == ["10年", "30年", "永久"]
    with desk.transaction():
        desk.settings.set("retention_choices", ["长期", "永久"])
    assert desk.dossier.retention_choices() == ["长期", "永久"]


def test_every_action_written_has_a_label(desk, archived_case):
    case_id, _ = archived_case
    for h in desk.audit.for_case(case_id):
        assert h["action"] in ACTION_LABELS


def test_received_date_cannot_move_after_the_path_began(desk, make_case):
    case_id = accepted_case(desk, make_case, received="2026-03-02")
    desk.sessions.add_mediation(case_id, held_on="2026-03-05", mediators="乌力吉",
                                parties_present="张三", today=T)
    with pytest.raises(ValidationError, match="2026-03-02") as exc:
        desk.cases.update(case_id, received_date="2026-03-04")
    assert exc.value.field == "received_date"
    assert desk.cases.get_row(case_id)["received_date"] == "2026-03-02"
    desk.cases.update(case_id, received_date="2026-03-01")      # earlier is fine
