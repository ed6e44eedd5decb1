"""Archiving waits for business that an archived (read-only) case could no longer record:
a judicial confirmation awaiting the court's result, and performance still open."""

import pytest

from mediation_helpers import PNG, T, accepted_case, signed_written, status, write_file
from mediator_desk.errors import IllegalStep


def complete_case(desk, make_case, tmp_path, **agreement) -> tuple[str, str]:
    """A signed written agreement with every required item of the file present."""
    case_id = accepted_case(desk, make_case)
    desk.attachments.add(case_id, write_file(tmp_path, "id.png", PNG), item="identity")
    desk.sessions.add_mediation(case_id, held_on="2026-03-05", mediators="乌力吉",
                                parties_present="张三", today=T)
    return case_id, signed_written(desk, case_id, **agreement)


def archive(desk, case_id, day):
    return desk.dossier.archive(case_id, archived_on=day, retention="10年", today=T)


def count(desk, table):
    return desk.scalar(f"SELECT count(*) FROM {table}")


def test_pending_confirmation_blocks_archiving_until_the_result(desk, make_case, tmp_path):
    case_id, aid = complete_case(desk, make_case, tmp_path)
    desk.agreements.record_performance(aid, status="performed", checked_on="2026-03-20",
                                       today=T)
    conf = desk.confirmations.apply(aid, applied_on="2026-03-25", court="红山区人民法院",
                                    today=T)
    before = (count(desk, "audit_log"), count(desk, "archives"))
    with pytest.raises(IllegalStep, match="申请司法确认，尚未登记法院裁定结果"):
        archive(desk, case_id, "2026-04-01")
    assert "尚未登记法院裁定结果" in desk.dossier.archive_refusal(case_id, on="2026-04-01")
    assert (count(desk, "audit_log"), count(desk, "archives")) == before
    assert status(desk, case_id) == "performed"
    desk.confirmations.record_result(conf, result="not_confirmed", result_on="2026-04-05",
                                     today=T)
    assert desk.dossier.archive_refusal(case_id, on="2026-04-06") == ""
    archive(desk, case_id, "2026-04-06")
    assert status(desk, case_id) == "archived"


def test_unchecked_performance_blocks_archiving(desk, make_case, tmp_path):
    case_id, aid = complete_case(desk, make_case, tmp_path, deadline="2026-03-20")
    # never checked: refused even after the deadline
    with pytest.raises(IllegalStep, match="履行情况尚未核实登记"):
        archive(desk, case_id, "2026-04-01")
    desk.agreements.record_performance(aid, status="performed", checked_on="2026-03-25",
                                       today=T)
    archive(desk, case_id, "2026-04-01")
    assert status(desk, case_id) == "archived"


@pytest.mark.parametrize("performance", ["partly", "not_performed"])
def test_failed_performance_archives_only_after_the_deadline(desk, make_case, tmp_path,
                                                             performance):
    case_id, aid = complete_case(desk, make_case, tmp_path, deadline="2026-04-10")
    desk.agreements.record_performance(aid, status=performance, checked_on="2026-03-20",
                                       today=T)
    # on the deadline day performance is still due
    with pytest.raises(IllegalStep, match="履行期限（2026-04-10）尚未届满"):
        archive(desk, case_id, "2026-04-10")
    assert count(desk, "archives") == 0
    assert status(desk, case_id) == "effective"
    archive(desk, case_id, "2026-04-11")
    assert status(desk, case_id) == "archived"


def test_no_deadline_failure_is_settled_and_closed_cases_stay_archivable(desk, make_case,
                                                                        tmp_path):
    case_id, aid = complete_case(desk, make_case, tmp_path, deadline="")
    desk.agreements.record_performance(aid, status="not_performed", checked_on="2026-03-20",
                                       today=T)
    archive(desk, case_id, "2026-03-21")
    assert status(desk, case_id) == "archived"
    # a refused case has no agreement and nothing pending
    refused = make_case(received_date="2026-03-01")
    desk.acceptance.refuse(refused, decided_on="2026-03-02", reason="party_refuses", today=T)
    assert desk.dossier._pending_business(refused, "2026-03-03") == ""


def test_view_carries_the_reason_for_the_gui(desk, make_case, tmp_path):
    case_id, aid = complete_case(desk, make_case, tmp_path, deadline="2026-04-10")
    view = desk.dossier.view(case_id, today=T)
    assert "履行情况尚未核实登记" in view.archive_refusal
    desk.agreements.record_performance(aid, status="performed", checked_on="2026-03-20",
                                       today=T)
    assert desk.dossier.view(case_id, today=T).archive_refusal == ""
