"""Data exchange through the GUI: two village installs and one township office,
three databases opened in turn through ``gui.app.create_main_window`` and the setup dialog,
exchange enrolment, data files and receipts as files — driving the real menu actions and
dialogs, with only the file choosers, passphrases and confirmations replaced."""

from __future__ import annotations

import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt

from gui_helpers import WAIT_MS, choose, type_into, wait_idle

from mediator_desk import sync
from mediator_desk.core.desk import Desk
from mediator_desk.core.setup import set_up_committee
from mediator_desk.gui import worker
from mediator_desk.gui.sync_dialogs import PassphraseDialog, SyncAsk, pick_removable
from mediator_desk.storage.schema import TRAVELLING_TABLES

VALID_ID = "11010519491231002X"
OFFICE = dict(committee_name="巴彦塔拉苏木人民调解委员会", short_name="巴彦",
              county_name="阿鲁科尔沁旗", mediator_name="司法所长")
VILLAGES = {
    "v1": dict(committee_name="红旗嘎查人民调解委员会", short_name="红旗",
               township_name="巴彦塔拉苏木人民调解委员会", county_name="阿鲁科尔沁旗",
               mediator_name="乌力吉", mediator_phone="13904761234"),
    "v2": dict(committee_name="东升村人民调解委员会", short_name="东升",
               township_name="巴彦塔拉苏木人民调解委员会", county_name="阿鲁科尔沁旗",
               mediator_name="王建国", mediator_phone="13904761235"),
}


# --- helpers ----------------------------------------------------------------------------------

class Ask:
    """Answers for the replaced SyncAsk questions (files, passphrase, village)."""

    def __init__(self):
        self.open: list[str] = []
        self.save: list[str] = []
        self.village = ""
        self.passphrase = ""
        self.restore: dict | None = None
        self.kinds: list[str] = []


@pytest.fixture
def ask(monkeypatch):
    a = Ask()

    def open_file(cls, parent, title, kind):
        a.kinds.append(kind)
        return str(a.open.pop(0)) if a.open else ""

    def save_file(cls, parent, title, suggested, kind):
        a.kinds.append(kind)
        assert suggested.endswith({"bundle": ".mdsync", "receipt": ".mdreceipt",
                                   "enrolment": ".mdenrol", "keys": ".mdkeys"}[kind])
        return str(a.save.pop(0)) if a.save else ""

    monkeypatch.setattr(SyncAsk, "open_file", classmethod(open_file))
    monkeypatch.setattr(SyncAsk, "save_file", classmethod(save_file))
    monkeypatch.setattr(SyncAsk, "choose_village", classmethod(lambda cls, p, v: a.village))
    monkeypatch.setattr(SyncAsk, "passphrase", classmethod(lambda cls, p, t: a.passphrase))
    monkeypatch.setattr(SyncAsk, "restore_options", classmethod(lambda cls, p: a.restore))
    return a


def set_up_site(qtbot, path: Path, role: str, fields: dict, *, site_name: str = "",
                enrolment: Path | None = None, ask: Ask | None = None) -> dict:
    """Run the first-run setup dialog on a new database, as a person would."""
    from mediator_desk.gui.setup_dialog import SetupDialog

    desk = Desk.open(path)
    worker.install(desk)
    try:
        dialog = SetupDialog()
        qtbot.addWidget(dialog)
        dialog.show()
        choose(dialog.site_role, role)
        if role == "village":
            choose(dialog.level, "village")
        assert dialog.level.isEnabled() == (role == "village")
        assert dialog.site_name.isVisibleTo(dialog) == (role == "office")
        assert dialog.enrolment_button.isVisibleTo(dialog) == (role == "village")
        for field, text in fields.items():
            type_into(getattr(dialog, field), text)
        if site_name:
            type_into(dialog.site_name, site_name)
        if enrolment is not None:
            ask.open.append(str(enrolment))
            qtbot.mouseClick(dialog.enrolment_button, Qt.MouseButton.LeftButton)
            assert dialog.enrolment_file.text() == str(enrolment)
        with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
            qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        wait_idle(qtbot)
        return dialog.result_ids
    finally:
        worker.shutdown()
        desk.close()


@contextmanager
def site_window(qtbot, path: Path):
    """Open a database in the main window (as ``mediator-desk --db PATH`` would)."""
    from mediator_desk.gui.app import create_main_window

    desk = Desk.open(path)
    window = create_main_window(desk)
    window.show()
    qtbot.waitUntil(lambda: bool(window.context.committee_id) and not window.model.loading,
                    timeout=WAIT_MS)
    wait_idle(qtbot)
    try:
        yield window
    finally:
        wait_idle(qtbot)
        for w in list(window.case_windows.values()):
            w.editor._set_clean()
            w.close()
        window.close()
        wait_idle(qtbot)
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        worker.shutdown()
        desk.close()


def add_case(desk, summary: str, names=("张三", "李四"), **over) -> str:
    values = dict(org_id=desk.settings.get("committee_id"), received_date="2026-11-20",
                  source="apply", dispute_type="02", summary=summary,
                  parties=[dict(name=names[0], role="applicant", id_number=VALID_ID,
                                phone="13912345678"),
                           dict(name=names[1], role="respondent", phone="0476-8123456")],
                  mediator_ids=[desk.settings.get("current_mediator_id")])
    values.update(over)
    return desk.cases.register(**values)


def dump(desk) -> dict:
    """Every row of every table: a logical dump, to show that something changed nothing."""
    conn = desk.db.conn
    out = {}
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
        out[name] = sorted(conn.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr)
    return out


def owned(desk, site_id: str) -> dict[str, set[str]]:
    """Ids of every travelling record owned by ``site_id``, per table."""
    return {t: {r[0] for r in desk.db.conn.execute(f"SELECT id FROM {t} WHERE site_id = ?",
                                                   (site_id,))} for t in TRAVELLING_TABLES}


def import_bundle(qtbot, window, ask, path: Path, *, fingerprint: str | None = None):
    """Office: Data exchange → Import a village's data, through to the result."""
    ask.open.append(str(path))
    window.sync.import_bundle_action.trigger()
    dialog = window.sync.last_dialog
    if fingerprint is not None:
        qtbot.waitUntil(lambda: dialog.stage == "accept", timeout=WAIT_MS)
        assert dialog.fingerprint_label.text() == fingerprint
        assert not dialog.next_button.isEnabled()          # only after comparing
        dialog.matches.setChecked(True)
        qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.stage in ("preview", "refused", "done"), timeout=WAIT_MS)
    assert dialog.stage == "preview", dialog.reasons.text()
    counts = dialog.counts()
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.stage in ("done", "refused"), timeout=WAIT_MS)
    wait_idle(qtbot)
    assert dialog.stage == "done", dialog.reasons.text()
    return dialog, counts


def case_window(qtbot, window, case_id: str):
    window.open_case(case_id)
    qtbot.waitUntil(lambda: case_id in window.case_windows, timeout=WAIT_MS)
    wait_idle(qtbot)
    return window.case_windows[case_id]


def reviews_tab(case_win):
    from mediator_desk.gui.reviews_tab import ReviewsTab

    for i in range(case_win.tabs.count()):
        if isinstance(case_win.tabs.widget(i), ReviewsTab):
            return case_win.tabs.widget(i), case_win.tab_title(i)
    raise AssertionError("no review tab")


# --- the whole exchange, as users do it --------------------------------------------------------

def test_two_villages_and_an_office_exchange_files_through_the_gui(tmp_path, qtbot, gui_app,
                                                                   messages, ask):
    stick = tmp_path / "stick"
    stick.mkdir()
    db = {name: tmp_path / f"{name}.db" for name in ("office", "v1", "v2")}

    # The township office sets itself up and exports its enrolment file.
    set_up_site(qtbot, db["office"], "office", OFFICE, site_name="巴彦塔拉司法所")
    with site_window(qtbot, db["office"]) as w:
        assert w.windowTitle() == "人民调解工作台 — 巴彦塔拉苏木人民调解委员会 — 乡镇司法所"
        assert w.sync.import_bundle_action.isVisible()
        assert not w.sync.export_bundle_action.isVisible()
        ask.save.append(str(stick / "office.mdenrol"))
        w.sync.export_enrolment_action.trigger()
        wait_idle(qtbot)
        office_fp = sync.site_info(worker.runner().desk)["fingerprint"]
        assert office_fp in messages.infos[-1]
    assert (stick / "office.mdenrol").is_file()

    # Two villages set up, importing the office's enrolment file during setup.
    fp = {}
    for name, fields in VILLAGES.items():
        set_up_site(qtbot, db[name], "village", fields, enrolment=stick / "office.mdenrol",
                    ask=ask)
        assert "巴彦塔拉司法所" in messages.infos[-1] and office_fp in messages.infos[-1]
        with Desk.open(db[name]) as d:
            fp[name] = sync.site_info(d)["fingerprint"]
            assert [p["name"] for p in sync.list_peers(d, "office")] == ["巴彦塔拉司法所"]
            assert fp[name] in messages.infos[-1]        # its own, to read to the office

    # Each village registers cases and exports its data to the stick.
    village_cases = {"v1": [], "v2": []}
    for name, n in (("v1", 3), ("v2", 2)):
        with site_window(qtbot, db[name]) as w:
            assert w.windowTitle().endswith(" — 村级调委会")
            assert w.sync.export_bundle_action.isVisible()
            assert not w.sync.import_bundle_action.isVisible()
            desk = worker.runner().desk
            for i in range(n):
                village_cases[name].append(add_case(desk, f"{name}第{i + 1}起：宅基地边界纠纷",
                                                    names=(f"{name}甲{i}", f"{name}乙{i}")))
            ask.save.append(str(stick / f"{name}-1.mdsync"))
            shown = len(messages.infos)
            w.sync.export_bundle_action.trigger()
            qtbot.waitUntil(lambda: len(messages.infos) > shown, timeout=WAIT_MS)
            assert f"{name}-1.mdsync" in messages.infos[-1] and "巴彦塔拉司法所" in \
                messages.infos[-1]
            assert f"案件 {n}" in messages.infos[-1] and f"当事人 {2 * n}" in messages.infos[-1]

    with site_window(qtbot, db["office"]) as w:
        office = worker.runner().desk
        # First file of v1: the fingerprint is compared; the preview shows the counts; Cancel
        # at the preview changes nothing (the village is not even accepted).
        before = dump(office)
        ask.open.append(str(stick / "v1-1.mdsync"))
        w.sync.import_bundle_action.trigger()
        dialog = w.sync.last_dialog
        qtbot.waitUntil(lambda: dialog.stage == "accept", timeout=WAIT_MS)
        assert "红旗嘎查人民调解委员会" in dialog.sender_label.text()
        assert dialog.fingerprint_label.text() == fp["v1"]
        dialog.matches.setChecked(True)
        qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.stage == "preview", timeout=WAIT_MS)
        counts = dialog.counts()
        assert counts["案件"][:4] == ["3", "0", "0", "0"]
        assert counts["当事人"][0] == "6"
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        wait_idle(qtbot)
        assert not dialog.isVisible()
        assert dump(office) == before
        assert sync.list_peers(office, "village") == []

        # Now for real, both villages.
        for name in ("v1", "v2"):
            dialog, counts = import_bundle(qtbot, w, ask, stick / f"{name}-1.mdsync",
                                           fingerprint=fp[name])
            assert counts["案件"][0] == str(len(village_cases[name]))
            assert "已导入" in dialog.outcome.text()
            qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)   # Close
        # The case list shows both villages' cases, each with its village.
        qtbot.waitUntil(lambda: w.model.count == 5 and not w.model.loading, timeout=WAIT_MS)
        committees = {w.model.index(r, 5).data() for r in range(w.model.rowCount())}
        assert committees == {"红旗嘎查人民调解委员会", "东升村人民调解委员会"}
        choose(w.org_filter, office.cases.get(village_cases["v2"][0])["org_id"])
        qtbot.waitUntil(lambda: w.model.count == 2 and not w.model.loading, timeout=WAIT_MS)
        choose(w.org_filter, "")

        # A village's case is read-only here, with a banner saying why.
        cw = case_window(qtbot, w, village_cases["v1"][0])
        editor = cw.editor
        assert editor.read_only and not editor.save_button.isVisible()
        assert editor.owner_banner.isVisibleTo(cw)
        assert editor.owner_banner.text() == \
            "本案件由红旗嘎查人民调解委员会所有，乡镇只能批注、审核或退回"
        assert not editor.summary.isEnabled() and not editor.add_party_button.isEnabled()
        editor.summary.setPlainText("司法所想改的内容")
        assert not editor.dirty and editor.save() is False
        # ... but the office reviews it: a comment, and a return of another case.
        tab, title = reviews_tab(cw)
        assert title == "审核"
        assert tab.form.isVisibleTo(tab)
        tab.text.setPlainText("请补充双方的宅基地证明材料")
        qtbot.mouseClick(tab.comment_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: tab.texts() == ["请补充双方的宅基地证明材料"], timeout=WAIT_MS)
        cw2 = case_window(qtbot, w, village_cases["v1"][1])
        tab2, _ = reviews_tab(cw2)
        tab2.text.setPlainText("当事人签名缺失，请补正")
        qtbot.mouseClick(tab2.return_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: tab2.texts() == ["当事人签名缺失，请补正"], timeout=WAIT_MS)
        assert office.cases.get_row(village_cases["v1"][0])["summary"] == "v1第1起：宅基地边界纠纷"

        # A receipt for v1, the village chosen among the known ones.
        [ask.village] = [p["site_id"] for p in sync.list_peers(office, "village")
                         if p["name"] == "红旗嘎查人民调解委员会"]
        ask.save.append(str(stick / "v1-receipt-1.mdreceipt"))
        w.sync.export_receipt_action.trigger()
        qtbot.waitUntil(lambda: (stick / "v1-receipt-1.mdreceipt").is_file()
                        and worker.runner().pending == 0, timeout=WAIT_MS)
        assert "红旗嘎查人民调解委员会" in messages.infos[-1]

    # v1 imports the receipt and sees what the office said.
    with site_window(qtbot, db["v1"]) as w:
        v1 = worker.runner().desk
        ask.open.append(str(stick / "v1-receipt-1.mdreceipt"))
        w.sync.import_receipt_action.trigger()
        qtbot.waitUntil(lambda: w.sync.last_dialog is not None, timeout=WAIT_MS)
        receipt = w.sync.last_dialog
        assert set(receipt.texts()) == {"请补充双方的宅基地证明材料", "当事人签名缺失，请补正"}
        # not modal: a case opened from it can be worked on while it stays open
        from PySide6.QtWidgets import QApplication

        assert not receipt.isModal() and QApplication.activeModalWidget() is None
        assert "司法所已确认收到" in receipt.import_result.message
        receipt.accept()
        # ... and on the cases themselves.
        cw = case_window(qtbot, w, village_cases["v1"][1])
        tab, _ = reviews_tab(cw)
        qtbot.waitUntil(lambda: tab.texts() == ["当事人签名缺失，请补正"], timeout=WAIT_MS)
        # shown above the tabs on opening, whichever tab is current
        assert cw.tabs.currentIndex() == 0
        assert tab.returned.isVisibleTo(cw) and "当事人签名缺失" in tab.returned.text()
        # ... and in the to-do list, where it opens the review
        todo = w.todo_panel
        todo.refresh()
        qtbot.waitUntil(lambda: todo.counts()["returned"] == 1, timeout=WAIT_MS)
        cw.tabs.setCurrentIndex(0)
        todo._chosen(todo.group("returned").child(0))
        wait_idle(qtbot)
        assert cw.tabs.currentWidget() is tab
        assert not tab.form.isVisibleTo(tab) and not cw.editor.read_only
        # More work, then the next file: only what the office has not acknowledged.
        village_cases["v1"].append(add_case(v1, "v1第4起：草场纠纷", names=("巴图", "其其格")))
        v1.cases.update(village_cases["v1"][1], summary="v1第2起：已补正当事人签名")
        ask.save.append(str(stick / "v1-2.mdsync"))
        w.sync.export_bundle_action.trigger()
        qtbot.waitUntil(lambda: (stick / "v1-2.mdsync").is_file()
                        and worker.runner().pending == 0, timeout=WAIT_MS)
        assert "案件 2" in messages.infos[-1]

    # v2 had no receipt: its next file repeats everything (an overlapping re-send).
    with site_window(qtbot, db["v2"]) as w:
        village_cases["v2"].append(add_case(worker.runner().desk, "v2第3起：借贷纠纷"))
        ask.save.append(str(stick / "v2-2.mdsync"))
        w.sync.export_bundle_action.trigger()
        qtbot.waitUntil(lambda: (stick / "v2-2.mdsync").is_file()
                        and worker.runner().pending == 0, timeout=WAIT_MS)
        assert "案件 3" in messages.infos[-1]

    with site_window(qtbot, db["office"]) as w:
        _, counts = import_bundle(qtbot, w, ask, stick / "v1-2.mdsync")
        assert counts["案件"][:4] == ["1", "1", "0", "0"]
        _, counts = import_bundle(qtbot, w, ask, stick / "v2-2.mdsync")
        assert counts["案件"][:4] == ["1", "0", "2", "0"]
        # The same file again: nothing to do, nothing changed.
        office = worker.runner().desk
        before = dump(office)
        ask.open.append(str(stick / "v2-2.mdsync"))
        w.sync.import_bundle_action.trigger()
        again = w.sync.last_dialog
        qtbot.waitUntil(lambda: again.stage == "refused", timeout=WAIT_MS)
        assert "已经导入过" in again.reasons.text()
        assert dump(office) == before
        qtbot.waitUntil(lambda: w.model.count == 7, timeout=WAIT_MS)
        # The import log lists every file.
        w.sync.import_log_action.trigger()
        log = w.sync.last_dialog
        qtbot.waitUntil(lambda: log.table.rowCount() == 4, timeout=WAIT_MS)
        files = {log.table.item(r, 1).text() for r in range(log.table.rowCount())}
        assert {"v1-1.mdsync", "v2-1.mdsync", "v1-2.mdsync", "v2-2.mdsync"} <= files
        # The villages list: both accepted, how far their data arrived, receipts sent.
        w.sync.villages_action.trigger()
        villages = w.sync.last_dialog
        qtbot.waitUntil(lambda: villages.table.rowCount() == 2, timeout=WAIT_MS)
        rows = {villages.table.item(r, 0).text(): villages.table.item(r, 4).text()
                for r in range(2)}
        assert rows == {"红旗嘎查人民调解委员会": "1", "东升村人民调解委员会": "0"}

    # Nothing lost, nothing duplicated: the office holds exactly the villages' records.
    office = Desk.open(db["office"])
    try:
        for name in ("v1", "v2"):
            with Desk.open(db[name]) as v:
                mine = owned(v, v.site_id)
                theirs = owned(office, v.site_id)
                assert mine == theirs, name
                assert mine["cases"] == set(village_cases[name])
                for case_id in village_cases[name]:
                    assert office.cases.get_row(case_id)["summary"] == \
                        v.cases.get_row(case_id)["summary"]
        assert office.scalar("SELECT count(*) FROM cases") == 7
        assert office.scalar("SELECT count(DISTINCT id) FROM cases") == 7
    finally:
        office.close()


# --- conflicts ------------------------------------------------------------------------------

def core_sites(root: Path) -> dict[str, Path]:
    """An office and one village, enrolled, made through the core (quicker than the GUI)."""
    office = Desk.open(root / "office.db")
    set_up_committee(office, level="township", role="office", **OFFICE)
    sync.init_site(office, role="office", name="巴彦塔拉司法所")
    sync.export_enrolment(office, root / "office.mdenrol")
    office.close()
    v1 = Desk.open(root / "v1.db")
    set_up_committee(v1, level="village", **VILLAGES["v1"])
    sync.init_site(v1, role="village")
    sync.import_enrolment(v1, root / "office.mdenrol")
    v1.close()
    return {"office": root / "office.db", "v1": root / "v1.db"}


def test_a_conflict_is_shown_side_by_side_and_resolved_in_the_dialog(tmp_path, qtbot, gui_app,
                                                                      messages, ask):
    paths = core_sites(tmp_path)
    office, v1 = Desk.open(paths["office"]), Desk.open(paths["v1"])
    case_id = add_case(v1, "两家因院墙位置发生争执", place="村委会")
    sync.export_bundle(v1, tmp_path / "b1.mdsync")
    sync.import_bundle(office, tmp_path / "b1.mdsync",
                       accept_fingerprint=sync.site_info(v1)["fingerprint"])
    v1.close()
    shutil.copyfile(paths["v1"], tmp_path / "v1-backup.db")
    v1 = Desk.open(paths["v1"])
    v1.cases.update(case_id, summary="版本甲：双方同意各退一步")
    sync.export_bundle(v1, tmp_path / "b2.mdsync")
    sync.import_bundle(office, tmp_path / "b2.mdsync")
    v1.close()
    # The laptop is restored from the backup and the case edited again, differently.
    shutil.copyfile(tmp_path / "v1-backup.db", paths["v1"])
    v1 = Desk.open(paths["v1"])
    v1.cases.update(case_id, summary="版本乙：申请人撤回部分请求", place="嘎查委员会")
    sync.export_bundle(v1, tmp_path / "b3.mdsync")
    v1.close()
    office.close()

    with site_window(qtbot, paths["office"]) as w:
        dialog, counts = import_bundle(qtbot, w, ask, tmp_path / "b3.mdsync")
        assert counts["案件"][3] == "1"                       # the preview said so
        assert dialog.conflicts_button.isVisible()
        qtbot.mouseClick(dialog.conflicts_button, Qt.MouseButton.LeftButton)
        conflicts = w.sync.last_dialog
        qtbot.waitUntil(lambda: len(conflicts.conflicts) == 1, timeout=WAIT_MS)
        assert set(conflicts.differing_fields()) >= {"summary", "place"}
        t = conflicts.fields
        shown = {t.item(r, 0).data(Qt.ItemDataRole.UserRole): (t.item(r, 1).text(),
                                                              t.item(r, 2).text())
                 for r in range(t.rowCount())}
        assert shown["summary"] == ("版本甲：双方同意各退一步", "版本乙：申请人撤回部分请求")
        assert shown["place"] == ("村委会", "嘎查委员会")
        assert shown["case_no"][0] == shown["case_no"][1]          # same, not highlighted
        assert "case_no" not in conflicts.differing_fields()
        # Merge: the village's summary, but this desk's place.
        conflicts.choose("summary", "incoming")
        conflicts.choose("place", "local")
        qtbot.mouseClick(conflicts.merge_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: conflicts.conflicts == [] and conflicts.empty.isVisibleTo(
            conflicts), timeout=WAIT_MS)
        office = worker.runner().desk
        row = office.cases.get_row(case_id)
        assert (row["summary"], row["place"]) == ("版本乙：申请人撤回部分请求", "村委会")
        [c] = sync.list_conflicts(office, status=None)
        assert (c["status"], c["resolution"]) == ("resolved", "merged")
        conflicts.accept()

        # Revoking the village from the villages list: its next file is refused.
        w.sync.villages_action.trigger()
        villages = w.sync.last_dialog
        qtbot.waitUntil(lambda: villages.table.rowCount() == 1, timeout=WAIT_MS)
        assert villages.revoke_button.isEnabled()
        qtbot.mouseClick(villages.revoke_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: villages.table.item(0, 2).text() == "已吊销", timeout=WAIT_MS)
        assert "红旗嘎查人民调解委员会" in messages.questions[-1]
        assert not villages.receipt_button.isEnabled()
        assert sync.list_peers(office, "village")[0]["status"] == "revoked"
        villages.accept()
        with Desk.open(paths["v1"]) as v1:
            add_case(v1, "吊销之后的新案件")
            sync.export_bundle(v1, tmp_path / "b4.mdsync")
        before = dump(office)
        ask.open.append(str(tmp_path / "b4.mdsync"))
        w.sync.import_bundle_action.trigger()
        refused = w.sync.last_dialog
        qtbot.waitUntil(lambda: refused.stage == "refused", timeout=WAIT_MS)
        assert "吊销" in refused.reasons.text()
        assert dump(office) == before


# --- keys, setup refusals, the stick --------------------------------------------------------

def test_key_backup_and_restore_through_the_menu(tmp_path, qtbot, gui_app, messages, ask,
                                                quick_key_backups):
    paths = core_sites(tmp_path)
    with site_window(qtbot, paths["office"]) as w:
        ask.save.append(str(tmp_path / "office.mdkeys"))
        ask.passphrase = "长城长城长城长城"
        w.sync.backup_keys_action.trigger()
        qtbot.waitUntil(lambda: (tmp_path / "office.mdkeys").is_file()
                        and worker.runner().pending == 0, timeout=WAIT_MS)
        assert "office.mdkeys" in messages.infos[-1]
        # A wrong passphrase is refused with a message; the right one restores.
        ask.open.append(str(tmp_path / "office.mdkeys"))
        ask.restore = {"passphrase": "不是这个口令口令", "replace": False, "adopt_identity": False}
        w.sync.restore_keys_action.trigger()
        wait_idle(qtbot)
        assert "口令不正确" in messages.errors[-1]
        ask.open.append(str(tmp_path / "office.mdkeys"))
        ask.restore = {"passphrase": "长城长城长城长城", "replace": False,
                       "adopt_identity": False}
        w.sync.restore_keys_action.trigger()
        wait_idle(qtbot)
        fp = sync.site_info(worker.runner().desk)["fingerprint"]
        assert fp in messages.infos[-1]
        # The site information shows the same fingerprint.
        w.sync.site_info_action.trigger()
        info = w.sync.last_dialog
        qtbot.waitUntil(lambda: info.fingerprint.text() == fp, timeout=WAIT_MS)
        assert info.role.text() == "乡镇（街道）司法所"
        assert not info.setup_box.isVisibleTo(info)


def test_passphrase_dialog_checks_length_and_confirmation(qtbot, gui_app):
    dialog = PassphraseDialog(None, "口令", confirm=True)
    qtbot.addWidget(dialog)
    assert dialog.first.echoMode() == dialog.first.EchoMode.Password
    assert dialog.second.echoMode() == dialog.second.EchoMode.Password
    dialog.first.setText("short")
    dialog.accept()
    assert "8" in dialog.errors.message("passphrase") and not dialog.result()
    dialog.first.setText("a long passphrase")
    dialog.second.setText("a long passphrasE")
    dialog.accept()
    assert dialog.errors.message("again") and not dialog.result()
    dialog.second.setText("a long passphrase")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.passphrase() == "a long passphrase"


def test_setup_refuses_a_file_that_is_not_an_enrolment_file(tmp_path, qtbot, gui_app, messages,
                                                            ask):
    from mediator_desk.core.setup import is_set_up
    from mediator_desk.gui.setup_dialog import SetupDialog

    bogus = tmp_path / "office.mdenrol"
    bogus.write_bytes(b"PK\x03\x04 not really a sync file")
    desk = Desk.open(tmp_path / "v.db")
    worker.install(desk)
    try:
        dialog = SetupDialog()
        qtbot.addWidget(dialog)
        choose(dialog.level, "village")
        for field, text in VILLAGES["v1"].items():
            type_into(getattr(dialog, field), text)
        ask.open.append(str(bogus))
        qtbot.mouseClick(dialog.enrolment_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.errors.message("enrolment_file") != "", timeout=WAIT_MS)
        assert "损坏" in dialog.errors.message("enrolment_file") or \
            "结构" in dialog.errors.message("enrolment_file")
        wait_idle(qtbot)
        assert not is_set_up(desk)
        assert desk.scalar("SELECT count(*) FROM organisations") == 0
    finally:
        worker.shutdown()
        desk.close()


def test_the_stick_is_offered_first_when_one_is_mounted():
    assert pick_removable([("/", True), ("/home", True), ("/media/ann/U盘", False),
                           ("/media/ann/KINGSTON", True)]) == "/media/ann/KINGSTON"
    assert pick_removable([("/run/media/ann/STICK", True)]) == "/run/media/ann/STICK"
    assert pick_removable([("/", True), ("/mediaX/x", True)]) == ""


def test_no_english_in_the_exchange_dialogs(tmp_path, qtbot, gui_app, messages, ask):
    from test_translations import _english, _visible_texts

    from mediator_desk.gui.bundle_import import BundleImportDialog
    from mediator_desk.gui.conflicts_dialog import ConflictsDialog
    from mediator_desk.gui.sync_dialogs import ImportLogDialog, SiteInfoDialog, VillagesDialog

    paths = core_sites(tmp_path)
    with Desk.open(paths["v1"]) as v1:
        add_case(v1, "两家因院墙位置发生争执")
        sync.export_bundle(v1, tmp_path / "b1.mdsync")
    with site_window(qtbot, paths["office"]) as w:
        dialogs = [BundleImportDialog(str(tmp_path / "b1.mdsync"), w), ConflictsDialog(w),
                   ImportLogDialog(w), SiteInfoDialog(w), VillagesDialog(w, lambda _s: None),
                   PassphraseDialog(w, "口令", confirm=True)]
        dialogs[0].start()
        qtbot.waitUntil(lambda: dialogs[0].stage == "accept", timeout=WAIT_MS)
        wait_idle(qtbot)
        texts = [t for d in [w, *dialogs] for t in _visible_texts(d)]
        # menu entries of both roles
        texts += [a.text() for a in w.sync.menu.actions()]
        assert "数据交换(&X)" in texts
        # Data, not words: file paths and site numbers (hex digits).
        data = [str(tmp_path), sync.site_info(worker.runner().desk)["site_id"]]
        with Desk.open(paths["v1"]) as v1:
            data.append(v1.site_id[:8])
        assert [t for t in _english(texts) if not any(d in t for d in data)] == []
        for d in dialogs:
            d.close()
