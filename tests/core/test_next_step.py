"""The next step of a case follows the state machine; performance is not "not yet due" after
the deadline; setup reports every missing field at once and suggests a short name."""

from datetime import date

import pytest

from mediation_helpers import T, accepted_case, signed_written
from mediator_desk.core import workflow
from mediator_desk.core.workflow import NextStep
from mediator_desk.core.setup import set_up_committee, suggest_short_name
from mediator_desk.errors import FieldsRefused


def test_next_step_walks_the_path(desk, make_case):
    case_id = make_case(received_date="2026-03-02")
    step = lambda: desk.dossier.view(case_id, today=T).next_step   # noqa: E731
    assert step().place == "acceptance"
    desk.acceptance.accept(case_id, decided_on="2026-03-02", consent_form="written_application",
                           rights_notice_given=True, today=T)
    assert step() == NextStep("调查、调解，并添加调解记录", "records")
    aid = desk.agreements.create(case_id, agreed_on="2026-03-10", terms=["李四拆除院墙"],
                                 performance_method="自行拆除",
                                 performance_deadline="2026-04-10", today=T)
    assert step().place == "agreement" and step().text.startswith("登记签字")
    desk.agreements.sign(aid, "2026-03-12", today=T)
    # the deadline (2026-04-10) has passed on T without performance being recorded
    assert step() == NextStep("登记履行情况（履行期限已过）", "performance")
    assert desk.dossier.view(case_id, today=date(2026, 4, 1)).next_step.text \
        == "跟踪履行，2026-04-10前履行完毕"


def test_next_step_after_the_end_is_archiving_and_then_nothing():
    assert workflow.next_step("ended") == NextStep("立卷归档", "archive")
    assert workflow.next_step("archived") == NextStep("", "")


def test_performance_is_overdue_not_undue_after_the_deadline(desk, make_case):
    case_id = accepted_case(desk, make_case)
    aid = signed_written(desk, case_id, deadline="2026-04-10")
    [before] = desk.agreements.for_case(case_id, today=date(2026, 4, 10))
    assert before["performance_label"] == "未到履行期" and not before["performance_overdue"]
    [after] = desk.agreements.for_case(case_id, today=date(2027, 1, 10))
    assert after["id"] == aid and after["performance_overdue"]
    assert after["performance_label"] == "履行期限已过，尚未登记履行情况"


def test_setup_names_every_missing_field_at_once(tmp_path):
    from mediator_desk.core.desk import Desk

    with Desk.open(tmp_path / "new.db") as desk:
        with pytest.raises(FieldsRefused) as caught:
            set_up_committee(desk, committee_name="", level="village", short_name="",
                             mediator_name="")
        assert caught.value.fields == [
            "committee_name", "township_name", "short_name", "mediator_name"]


@pytest.mark.parametrize("name, short", [("红旗嘎查人民调解委员会", "红旗"),
                                         ("城关镇东街社区人民调解委员会", "东街"),
                                         ("天义镇人民调解委员会", "天义"),
                                         ("巴彦塔拉苏木人民调解委员会", "巴彦塔拉"), ("", "")])
def test_short_name_is_suggested_from_the_committee_name(name, short):
    assert suggest_short_name(name) == short
