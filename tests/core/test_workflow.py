"""The case state machine (core/workflow.py): every legal and illegal transition, and that the
mediation-path managers move cases only through it."""

import itertools

import pytest

from mediator_desk.core import workflow
from mediator_desk.errors import IllegalStep

ALL = list(workflow.STATUSES)
LEGAL = {
    ("registered", "accepted"), ("registered", "refused"), ("registered", "withdrawn"),
    ("accepted", "mediating"), ("accepted", "agreed"), ("accepted", "ended"),
    ("accepted", "withdrawn"),
    ("mediating", "agreed"), ("mediating", "ended"), ("mediating", "withdrawn"),
    ("agreed", "effective"), ("agreed", "mediating"),
    # no ("effective", "mediating"): an agreement in force is never voided (Arts. 31–33)
    ("effective", "performed"), ("effective", "archived"),
    ("performed", "effective"), ("performed", "archived"),
    ("ended", "archived"), ("withdrawn", "archived"), ("refused", "archived"),
}


def test_the_table_is_exactly_the_documented_one():
    table = {(a, b) for a, targets in workflow.TRANSITIONS.items() for b in targets}
    assert table == LEGAL
    assert set(workflow.TRANSITIONS) == set(workflow.STATUSES)
    assert workflow.TRANSITIONS["archived"] == set()


@pytest.mark.parametrize("current,target", sorted(LEGAL))
def test_legal_transition_passes(current, target):
    workflow.check_transition(current, target)
    assert workflow.is_legal(current, target)


ILLEGAL = sorted(set(itertools.product(ALL, ALL)) - LEGAL)


@pytest.mark.parametrize("current,target", ILLEGAL)
def test_illegal_transition_is_refused_in_chinese(current, target):
    with pytest.raises(IllegalStep) as exc:
        workflow.check_transition(current, target)
    assert not workflow.is_legal(current, target)
    message = exc.value.message
    if current == "archived":
        assert "已归档" in message
    else:
        assert workflow.label(current) in message and workflow.label(target) in message


def test_common_mistakes_say_what_to_do():
    for current, target, words in [
            ("registered", "mediating", "请先受理"),
            ("agreed", "ended", "作废"),
            ("mediating", "archived", "办结"),
            ("refused", "accepted", "重新登记")]:
        with pytest.raises(IllegalStep, match=words):
            workflow.check_transition(current, target)


def test_unknown_status_is_refused():
    with pytest.raises(IllegalStep, match="未知"):
        workflow.check_transition("registered", "teleported")


def test_every_status_is_reachable_from_registered():
    seen, todo = {workflow.INITIAL}, [workflow.INITIAL]
    while todo:
        for nxt in workflow.TRANSITIONS[todo.pop()]:
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    assert seen == set(workflow.STATUSES)


@pytest.mark.parametrize("step", sorted(workflow.STEP_RULES))
def test_steps_allowed_only_in_their_statuses(step):
    allowed, _ = workflow.STEP_RULES[step]
    for status in ALL:
        if status in allowed:
            workflow.check_step(status, step)
        else:
            with pytest.raises(IllegalStep) as exc:
                workflow.check_step(status, step)
            assert exc.value.message  # a Chinese reason
    with pytest.raises(IllegalStep, match="已归档"):
        workflow.check_step("archived", step)


def test_archivable_statuses():
    assert set(workflow.ARCHIVABLE) == {"effective", "performed", "ended", "withdrawn", "refused"}


def test_status_changes_are_audited_with_old_and_new(desk, make_case):
    case_id = make_case()
    desk.cases.set_status(case_id, "accepted")
    rows = [h for h in desk.audit.for_case(case_id) if h["action"] == "status"]
    assert rows[-1]["details"] == {"status": ["registered", "accepted"]}
    with pytest.raises(IllegalStep):
        desk.cases.set_status(case_id, "archived")
    assert desk.cases.get_row(case_id)["status"] == "accepted"
