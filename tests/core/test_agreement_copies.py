"""The copies of a written agreement (Law Art. 29): one for each party and one for the
committee, so fewer than parties + 1 is refused on create, update and supplement."""

import pytest

from mediation_helpers import T, accepted_case, status
from mediator_desk.errors import ValidationError


def count(desk, table):
    return desk.scalar(f"SELECT count(*) FROM {table}")


def test_too_few_copies_are_refused(desk, make_case):
    case_id = accepted_case(desk, make_case)          # two parties
    for copies in (1, 2):
        with pytest.raises(ValidationError, match="不能少于3份") as exc:
            desk.agreements.create(case_id, agreed_on="2026-03-10", terms=["a"],
                                   copies=copies, today=T)
        assert exc.value.field == "copies"
    assert count(desk, "agreements") == 0 and status(desk, case_id) == "accepted"
    aid = desk.agreements.create(case_id, agreed_on="2026-03-10", terms=["a"], today=T)
    assert desk.agreements.get(aid)["copies"] == 3           # default parties + 1
    with pytest.raises(ValidationError, match="人民调解委员会各持一份") as exc:
        desk.agreements.update(aid, copies=2, today=T)
    assert exc.value.field == "copies"
    assert desk.agreements.get(aid)["copies"] == 3
    desk.agreements.update(aid, copies=4, today=T)          # e.g. one more for the police
    assert desk.agreements.get(aid)["copies"] == 4


def test_supplement_refuses_too_few_copies(desk, make_case):
    case_id = accepted_case(desk, make_case)
    aid = desk.agreements.create(case_id, agreed_on="2026-03-10", terms=["a"], today=T)
    desk.agreements.sign(aid, "2026-03-12", today=T)
    with pytest.raises(ValidationError) as exc:
        desk.agreements.supplement(aid, agreed_on="2026-03-20", terms=["b"], copies=2, today=T)
    assert exc.value.field == "copies"
    assert count(desk, "agreements") == 1


def test_oral_agreements_have_no_copies(desk, make_case):
    case_id = accepted_case(desk, make_case)
    aid = desk.agreements.create(case_id, form="oral", agreed_on="2026-03-10", terms=["a"],
                                 today=T)
    assert desk.agreements.get(aid)["copies"] == 0
