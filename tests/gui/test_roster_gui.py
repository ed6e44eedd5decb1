"""At the township office: the villages' mediators are listed (read-only) in the mediators
dialog, the 调解组织与人员 view shows the organisation tree with counts and every mediator,
and the villages' screening is shown read-only. The office is the one the township demo
builds (real enrolment, bundles and receipts)."""

from __future__ import annotations

from datetime import date

import pytest

from mediator_desk.demo import township as demo_township

from gui_helpers import WAIT_MS


@pytest.fixture(scope="module")
def township(tmp_path_factory):
    folder = tmp_path_factory.mktemp("roster") / "t"
    return demo_township.build_township(folder, villages=2, months=2, seed=5,
                                        today=date(2026, 12, 5))


@pytest.fixture
def db_path(township, tmp_path):
    import shutil

    path = tmp_path / "office.db"
    shutil.copyfile(township["office"], path)
    return path


def test_office_lists_the_villages_mediators_read_only(qtbot, desk, main_window, township):
    main_window.mediators_action.trigger()
    dialog = main_window.mediators_dialog
    qtbot.waitUntil(lambda: not dialog.loading and dialog.table.rowCount() > 0, timeout=WAIT_MS)
    committees = {dialog.table.item(r, 8).text() for r in range(dialog.table.rowCount())}
    assert {v["name"] for v in township["villages"]} <= committees
    own = desk.settings.get("committee_id")
    assert dialog.table.rowCount() == desk.scalar("SELECT count(*) FROM mediators")
    village_row = next(r for r, m in enumerate(dialog.mediators) if m["org_id"] != own)
    dialog.table.selectRow(village_row)
    assert not dialog.edit_button.isEnabled() and not dialog.active_button.isEnabled()
    assert dialog.edit_selected() is None
    own_row = next(r for r, m in enumerate(dialog.mediators) if m["org_id"] == own)
    dialog.table.selectRow(own_row)
    assert dialog.edit_button.isEnabled()


def test_roster_view_tree_counts_and_mediators(qtbot, desk, main_window, township):
    main_window.roster_action.trigger()
    r = main_window.roster_dialog
    qtbot.waitUntil(lambda: not r.loading and r.table.rowCount() > 0, timeout=WAIT_MS)
    r.resize(1366, 768)
    top = r.tree.topLevelItem(0)
    assert top.text(0) == "赤峰市"
    names = []

    def walk(item, depth):
        names.append((depth, item.text(0), item.text(2)))
        for i in range(item.childCount()):
            walk(item.child(i), depth + 1)

    walk(top, 0)
    villages = [(d, n, c) for d, n, c in names if n.endswith("人民调解委员会") and d == 3]
    assert {n for _, n, _ in villages} == {v["name"] for v in township["villages"]}
    assert all(int(c) >= 3 for _, _, c in villages)       # each village's active mediators
    assert any(n.endswith("组") and d == 4 for d, n, _ in names)   # groups under villages
    active = desk.scalar("SELECT count(*) FROM mediators WHERE active = 1")
    assert r.table.rowCount() == active
    assert f"{active}" in r.counts.text()
    # selecting a village lists only its mediators
    village_item = next(top.child(0).child(0).child(i)
                        for i in range(top.child(0).child(0).childCount()))
    r.tree.setCurrentItem(village_item)
    shown = {r.table.item(i, 1).text() for i in range(r.table.rowCount())}
    assert shown == {village_item.text(0)}
    r.inactive.setChecked(True)
    qtbot.waitUntil(lambda: not r.loading, timeout=WAIT_MS)
    headers = [r.table.horizontalHeaderItem(c).text() for c in range(r.table.columnCount())]
    assert len(headers) == 9


def test_office_sees_the_villages_screening_read_only(qtbot, desk, main_window):
    main_window.screening_action.trigger()
    w = main_window.screening_window
    w.period.setText("")
    w.reload()
    qtbot.waitUntil(lambda: not w.loading and w.rounds.rowCount() > 0, timeout=WAIT_MS)
    assert w.rounds.rowCount() == desk.scalar("SELECT count(*) FROM screening_rounds")
    assert not w.add_round_button.isVisible() and not w.add_item_button.isVisible()
    assert {w.rounds.item(i, 1).text() for i in range(w.rounds.rowCount())} <= \
        {o["name"] for o in desk.organisations.list(kind="village")}
    w.items.selectRow(0)
    assert w.edit_item() is None
