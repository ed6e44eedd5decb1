"""The signing box of the agreement tab: one date for all parties by default, a date per
party when they signed on different days, the seal date, and the effective date shown as the
last of them (Art. 29)."""

from gui_helpers import type_into
from path_helpers import T, click, open_case, status, tab

from mediator_desk.gui import today as gui_today
from mediator_desk.gui.tabs.agreement import AgreementTab


def _unsigned(desk, make_case, deadline="2026-04-10"):
    case_id = make_case(received_date="2026-03-02")
    desk.acceptance.accept(case_id, decided_on="2026-03-02", consent_form="written_application",
                           rights_notice_given=True, today=T)
    aid = desk.agreements.create(case_id, agreed_on="2026-03-10", terms=["李四拆除院墙"],
                                 performance_deadline=deadline, today=T)
    return case_id, aid


def test_a_date_per_party_and_the_seal(qtbot, desk, make_case, main_window, messages,
                                       monkeypatch):
    monkeypatch.setattr(gui_today, "FIXED", T)
    case_id, aid = _unsigned(desk, make_case)
    zhang, li = desk.parties.for_case(case_id)
    window = open_case(qtbot, main_window, case_id)
    ag = tab(window, AgreementTab)
    assert ag.sign_box.isVisible() and not ag.party_box.isVisible()
    assert list(ag.party_dates) == [zhang["id"], li["id"]]

    type_into(ag.signed_on, "2026-03-11")
    assert ag.effective_preview.text() == "自2026年3月11日起生效（最后一方签字/盖章之日）"
    ag.per_party.setChecked(True)
    assert ag.party_box.isVisible()
    type_into(ag.party_dates[li["id"]], "2026-03-09")         # before the agreement
    click(qtbot, ag.sign_button)                               # no scan: asked, then tried
    assert "当事人李四的签字日期" in ag.errors.message("party_dates")
    assert desk.agreements.get(aid)["signed_on"] == ""

    type_into(ag.party_dates[li["id"]], "2026-03-14")
    type_into(ag.sealed_on, "2026-03-13")
    assert ag.effective_preview.text() == "自2026年3月14日起生效（最后一方签字/盖章之日）"
    click(qtbot, ag.sign_button)
    a = desk.agreements.get(aid, today=T)
    assert (a["signed_on"], a["effective_on"], a["sealed_on"]) == \
        ("2026-03-14", "2026-03-14", "2026-03-13")
    assert [(s["name"], s["signed_on"]) for s in a["party_signatures"]] == \
        [("张三", "2026-03-11"), ("李四", "2026-03-14")]
    assert status(desk, case_id) == "effective"
    assert not ag.sign_box.isVisible()
    shown = ag.signatures_label.text()
    assert "张三于2026-03-11签字" in shown and "人民调解委员会于2026-03-13盖章" in shown


def test_the_seal_after_the_deadline_is_refused_next_to_it(qtbot, desk, make_case, main_window,
                                                            messages, monkeypatch):
    monkeypatch.setattr(gui_today, "FIXED", T)
    case_id, aid = _unsigned(desk, make_case, deadline="2026-03-12")
    window = open_case(qtbot, main_window, case_id)
    ag = tab(window, AgreementTab)
    type_into(ag.signed_on, "2026-03-11")
    type_into(ag.sealed_on, "2026-03-13")
    assert ag.effective_preview.text() == "自2026年3月13日起生效（最后一方签字/盖章之日）"
    click(qtbot, ag.sign_button)
    assert "履行期限" in ag.errors.message("sealed_on")
    assert desk.agreements.get(aid)["signed_on"] == ""
