"""No silent overwrite: a save carries the version it was based on. A change
saved meanwhile by another window or process is kept (field-by-field merge), or the save is
refused with what changed — and another process's writes are noticed."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from mediator_desk.core.desk import Desk
from mediator_desk.core.records import StaleEdit


def _other_process(db_path, code: str) -> None:
    """Run ``code`` with ``desk`` open on the same database in another process."""
    script = (f"from mediator_desk.core.desk import Desk\ndesk = Desk.open({str(db_path)!r})\n"
              + textwrap.dedent(code) + "\ndesk.close()\n")
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)


def test_a_field_saved_meanwhile_by_another_process_is_kept(desk, db_path, make_case):
    case_id = make_case()
    loaded = desk.cases.get(case_id)                      # window A opens the case
    _other_process(db_path, f"desk.cases.update({case_id!r}, summary='乙改过的案情')")
    desk.cases.update(case_id, based_on=loaded, place="东营子",   # A changed only the place
                      summary=loaded["summary"], claims=loaded["claims"])
    case = desk.cases.get_row(case_id)
    assert case["summary"] == "乙改过的案情" and case["place"] == "东营子"
    assert case["rev"] == loaded["rev"] + 2


def test_the_same_field_changed_on_both_sides_is_refused_with_what_changed(desk, db_path,
                                                                           make_case):
    case_id = make_case()
    loaded = desk.cases.get(case_id)
    before = desk.scalar("SELECT count(*) FROM audit_log")
    _other_process(db_path, f"desk.cases.update({case_id!r}, summary='乙改过的案情')")
    with pytest.raises(StaleEdit) as err:
        desk.cases.update(case_id, based_on=loaded, summary="甲改过的案情", place="东营子")
    assert "纠纷简要情况现为“乙改过的案情”" in err.value.message
    assert err.value.field == "summary"
    case = desk.cases.get_row(case_id)
    assert case["summary"] == "乙改过的案情" and case["place"] == ""   # nothing of A's written
    assert desk.scalar("SELECT count(*) FROM audit_log") == before + 1  # only B's edit


def test_the_same_value_on_both_sides_is_no_conflict(desk, db_path, make_case):
    case_id = make_case()
    loaded = desk.cases.get(case_id)
    _other_process(db_path, f"desk.cases.update({case_id!r}, place='东营子')")
    desk.cases.update(case_id, based_on=loaded, place="东营子")
    assert desk.cases.get_row(case_id)["place"] == "东营子"


def test_a_party_edited_in_two_places(desk, db_path, make_case):
    case_id = make_case()
    party = desk.parties.for_case(case_id)[0]
    _other_process(db_path, f"desk.parties.update({party['id']!r}, address='乙填的住址')")
    desk.parties.update(party["id"], based_on=party, occupation="牧民")
    now = desk.parties.get(party["id"])
    assert now["address"] == "乙填的住址" and now["occupation"] == "牧民"
    with pytest.raises(StaleEdit, match="住址现为“乙填的住址”"):
        desk.parties.update(party["id"], based_on=party, address="甲填的住址")


def test_writes_by_another_process_are_noticed(desk, db_path, make_case):
    first = make_case()
    assert not desk.notice_other_writers()                # nothing from anyone else yet
    desk.cases.update(first, place="本窗口改的")            # our own writes are not "others"
    assert not desk.notice_other_writers()
    _other_process(db_path, """
        org = desk.settings.get('committee_id')
        desk.cases.register(org_id=org, received_date='2026-11-21', source='apply',
                            dispute_type='02', summary='另一进程登记的案件',
                            parties=[dict(name='赵六', role='applicant')], mediator_ids=[])
    """)
    seen = desk.notice_other_writers()
    new = desk.scalar("SELECT id FROM cases WHERE summary = '另一进程登记的案件'")
    assert seen.touches("cases", "parties") and new in seen.case_ids
    assert desk.take_changes().case_ids >= {new}
    assert not desk.notice_other_writers()


def test_two_connections_in_one_process_too(db_path, make_case, desk):
    case_id = make_case()
    loaded = desk.cases.get(case_id)
    other = Desk.open(db_path)
    try:
        other.cases.update(case_id, claims="乙改的申请事项")
    finally:
        other.close()
    desk.cases.update(case_id, based_on=loaded, place="东营子")
    assert desk.cases.get_row(case_id)["claims"] == "乙改的申请事项"
