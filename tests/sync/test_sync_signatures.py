"""Each party's signing date and the seal date (Art. 29) travel with the agreement and pass
the importer's checks; a bundle that breaks their rules is refused as a whole."""

from __future__ import annotations

import json
from datetime import date

import pytest

from mediator_desk import sync
from mediator_desk.errors import DeskError

from sync_helpers import add_case, dump, first_import, records, signed_bundle

T = date(2026, 6, 30)


def _signed(desk):
    case = add_case(desk, received_date="2026-03-02")
    desk.acceptance.accept(case, decided_on="2026-03-02", consent_form="written_application",
                           rights_notice_given=True, today=T)
    aid = desk.agreements.create(case, agreed_on="2026-03-10", terms=["李四拆除院墙"],
                                 performance_deadline="2026-04-10", today=T)
    zhang, li = desk.parties.for_case(case)
    desk.agreements.sign(aid, party_dates={zhang["id"]: "2026-03-11", li["id"]: "2026-03-15"},
                         sealed_on="2026-03-13", today=T)
    unsigned_case = add_case(desk, received_date="2026-03-02", names=("王五", "赵六"))
    desk.acceptance.accept(unsigned_case, decided_on="2026-03-02",
                           consent_form="written_application", rights_notice_given=True, today=T)
    unsigned = desk.agreements.create(unsigned_case, agreed_on="2026-03-10", terms=["赔偿"],
                                      today=T)
    return aid, unsigned


def test_the_signing_dates_travel_and_pass_the_checks(sites, tmp_path):
    office, v1 = sites["office"], sites["v1"]
    aid, _ = _signed(v1)
    sync.export_bundle(v1, tmp_path / "b.mdsync")
    assert first_import(office, v1, tmp_path / "b.mdsync").status == "applied"
    assert records(office, v1.site_id)["agreements"] == records(v1, v1.site_id)["agreements"]
    a = office.agreements.get(aid, today=T)
    assert (a["effective_on"], a["sealed_on"]) == ("2026-03-15", "2026-03-13")
    assert [(s["name"], s["signed_on"]) for s in a["party_signatures"]] == \
        [("张三", "2026-03-11"), ("李四", "2026-03-15")]
    assert office.cases.get_row(a["case_id"])["status"] == "effective"


@pytest.mark.parametrize("edit, expect", [
    (lambda sigs: [dict(sigs[0], signed_on="2026-03-01"), sigs[1]], "王五的签字日期"),
    (lambda sigs: [sigs[0], dict(sigs[1], signed_on="2026-03-16")], "最后一方"),
])
def test_signing_dates_that_break_a_rule_are_refused(sites, tmp_path, edit, expect):
    office, v1 = sites["office"], sites["v1"]
    aid, unsigned = _signed(v1)
    sync.export_bundle(v1, tmp_path / "first.mdsync")
    first_import(office, v1, tmp_path / "first.mdsync")
    # an unsigned agreement "signed" in the bundle with dates that break the rules
    parties = v1.parties.for_case(v1.agreements.get(unsigned)["case_id"])
    sigs = [{"party_id": p["id"], "name": p["name"], "signed_on": "2026-03-12"} for p in parties]
    own = v1.query_one("SELECT * FROM agreements WHERE id = ?", (unsigned,))
    row = dict(own, rev=own["rev"] + 1, signed_on="2026-03-12", effective_on="2026-03-12",
               sealed_on="2026-03-12", party_signatures=json.dumps(edit(sigs), ensure_ascii=False))
    before = dump(office)
    path = signed_bundle(v1, tmp_path / "bad.mdsync", tables={"agreements": [row]})
    with pytest.raises(DeskError) as exc:
        sync.import_bundle(office, path)
    assert dump(office) == before
    assert expect in str(exc.value) and "未导入任何内容" in str(exc.value)
