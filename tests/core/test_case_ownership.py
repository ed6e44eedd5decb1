"""Single writer: a case born on another site (a village's case at the office) is read-only here."""

import pytest

from mediator_desk.errors import ReadOnlyRecord


def _make_foreign(desk, case_id):
    # As if imported from a village: the row is owned by another site.
    with desk.transaction():
        desk.db.conn.execute("UPDATE cases SET site_id = 'village-site' WHERE id = ?", (case_id,))


def test_every_change_to_a_foreign_case_is_refused(desk, make_case):
    case_id = make_case()
    _make_foreign(desk, case_id)
    before = desk.scalar("SELECT count(*) FROM audit_log")
    attempts = [
        lambda: desk.cases.update(case_id, summary="改写"),
        lambda: desk.parties.add(case_id, name="王五", role="third_party"),
        lambda: desk.acceptance.accept(case_id, decided_on="2026-11-21",
                                          consent_form="written_application"),
        lambda: desk.sessions.add_mediation(case_id, held_on="2026-11-21", mediators="乌力吉",
                                            parties_present="张三"),
    ]
    for attempt in attempts:
        with pytest.raises(ReadOnlyRecord) as err:
            attempt()
        assert "不能修改" in err.value.message, attempt
    assert desk.scalar("SELECT count(*) FROM audit_log") == before
    assert desk.cases.get_row(case_id)["summary"] == "两家因院墙位置发生争执"
