"""A committee's monthly declaration (本月已报送 / 零上报) travels to the office, which then
sees the village as reported; a declaration for another committee is refused."""

from __future__ import annotations

from datetime import date

import pytest

from mediator_desk import sync
from mediator_desk.errors import DeskError

from sync_helpers import add_case, dump, first_import, signed_bundle

T = date(2026, 11, 30)


def test_declarations_arrive_and_complete_the_office_view(sites, tmp_path):
    office, v1 = sites["office"], sites["v1"]
    add_case(v1, received_date="2026-10-05")
    v1.statistics.close_month("2026-09", today=date(2026, 10, 2))      # nothing: zero report
    v1.statistics.close_month("2026-10", today=date(2026, 11, 3))
    path = tmp_path / "b.mdsync"
    sync.export_bundle(v1, path)
    first_import(office, v1, path)
    rows = office.query("SELECT org_id, period, zero FROM period_reports ORDER BY period")
    v1_org = v1.settings.get("committee_id")
    assert rows == [{"org_id": v1_org, "period": "2026-09", "zero": 1},
                    {"org_id": v1_org, "period": "2026-10", "zero": 0}]
    status = office.statistics.completeness("2026-10", today=T)
    states = {u["org_id"]: u["state"] for u in status["units"]}
    assert states[v1_org] == "reported"
    assert office.statistics.completeness("2026-09", today=T)["zero"] == 1
    # the office cannot declare a village's month for it
    with pytest.raises(DeskError, match="自己报送"):
        office.statistics.close_month("2026-08", org=v1_org, today=T)


def test_declaration_for_another_committee_is_refused(sites, tmp_path):
    office, v1 = sites["office"], sites["v1"]
    path = tmp_path / "first.mdsync"
    sync.export_bundle(v1, path)
    first_import(office, v1, path)
    before = dump(office)
    hostile = signed_bundle(v1, tmp_path / "h.mdsync", tables={"period_reports": [dict(
        org_id=office.settings.get("committee_id"), period="2026-10", closed_on="2026-11-02",
        zero=1)]})
    with pytest.raises(DeskError, match="报送月报的调委会不是发送方自己的调委会"):
        sync.import_bundle(office, hostile)
    assert dump(office) == before
