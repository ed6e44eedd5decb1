"""Actions of one screen that change several things are one core call, all or nothing: the
case editor's save (case, mediators, parties) and the settings dialog's save."""

from __future__ import annotations

import pytest

from mediator_desk.core import path_settings
from mediator_desk.errors import DeskError


def test_saving_a_case_with_its_parties_is_all_or_nothing(desk, make_case):
    case_id = make_case()
    loaded = desk.cases.get_row(case_id)
    parties = desk.parties.for_case(case_id)
    bad = [{"id": "", "dirty": True, "values": dict(name="王五", role="third_party",
                                                     id_number="123")}]
    with pytest.raises(DeskError):
        desk.cases.save_edits(case_id, {"summary": "改过的纠纷简要情况"}, based_on=loaded,
                              parties=bad, removed=[parties[1]["id"]])
    assert desk.cases.get_row(case_id)["summary"] == loaded["summary"]
    assert [p["id"] for p in desk.parties.for_case(case_id)] == [p["id"] for p in parties]
    good = [{"id": parties[0]["id"], "dirty": True, "base": parties[0],
             "values": dict(phone="13800000000")},
            {"id": "", "dirty": True, "values": dict(name="王五", role="third_party")}]
    desk.cases.save_edits(case_id, {"summary": "改过的纠纷简要情况"}, based_on=loaded,
                          parties=good, removed=[parties[1]["id"]])
    assert desk.cases.get_row(case_id)["summary"] == "改过的纠纷简要情况"
    now = {p["name"]: p for p in desk.parties.for_case(case_id)}
    assert set(now) == {"张三", "王五"} and now["张三"]["phone"] == "13800000000"


def test_saving_several_settings_is_all_or_nothing(desk):
    before = path_settings.values(desk)
    with pytest.raises(DeskError):
        path_settings.set_values(desk, {"confirmation_warn_days": 5, "followup_days": 0})
    assert path_settings.values(desk) == before
    after = path_settings.set_values(desk, {"confirmation_warn_days": 5, "followup_days": 20})
    assert after["confirmation_warn_days"] == 5 and after["followup_days"] == 20
