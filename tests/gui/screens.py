"""Every main window and dialog of the app, opened on demo data: one function per screen.

Used by tests/gui/test_screens_fit.py (each screen fits a 1366×768 laptop, nothing is elided,
Alt letters are unique, no English) and by build_scripts/screenshots.py (a PNG of each).

A screen function takes the :class:`Env` and ``invalid`` (True: also trigger the screen's
validation messages, e.g. press OK on an empty form) and returns the top-level widget, shown.
Register a new screen with ``@screen("name")``; the tests and the screenshots pick it up.
No pytest here: the functions wait with :func:`wait_until`, so a plain script can use them.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

from PySide6.QtWidgets import QApplication, QWidget

from mediator_desk.gui import worker

# the day the demo data and the screens take as "today"
TODAY = date(2026, 6, 30)
DEMO_CASES = 40

SCREENS: dict[str, Callable[["Env", bool], QWidget]] = {}


def screen(name: str):
    """Register a screen function under ``name``."""
    def register(fn):
        SCREENS[name] = fn
        return fn
    return register


def wait_until(condition, timeout: float = 10.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        QApplication.processEvents()
        if time.monotonic() > end:
            raise TimeoutError("screen did not become ready")
        time.sleep(0.001)
    QApplication.processEvents()


def settle() -> None:
    """Let the worker deliver everything queued and the widgets lay themselves out."""
    wait_until(lambda: worker.runner().pending == 0)
    for _ in range(3):
        QApplication.processEvents()


@dataclass
class Env:
    """The demo desk with its main window; ``opened`` collects what a screen opened."""
    desk: object
    window: object
    opened: list = field(default_factory=list)
    data: list = field(default_factory=list)       # user data shown (not words): paths, ids

    def case_in(self, *statuses: str) -> str:
        """The id of a case of the window's own committee in one of ``statuses``."""
        marks = ",".join("?" * len(statuses))
        row = self.desk.db.conn.execute(
            f"SELECT id FROM cases WHERE status IN ({marks}) AND org_id = ? "
            "ORDER BY received_date DESC LIMIT 1",
            (*statuses, self.desk.settings.get("committee_id"))).fetchone()
        assert row is not None, f"no demo case in {statuses}"
        return row[0]

    def open_case(self, case_id: str, tab_class=None):
        """The case's window (as opened from the list), on the tab of ``tab_class``."""
        self.window.open_case(case_id)
        wait_until(lambda: case_id in self.window.case_windows)
        case_window = self.window.case_windows[case_id]
        wait_until(lambda: getattr(case_window, "_mediation_path", None) is not None
                   and case_window._mediation_path.view is not None)
        settle()
        self.opened.append(case_window)
        if tab_class is not None:
            for i in range(case_window.tabs.count()):
                if isinstance(case_window.tabs.widget(i), tab_class):
                    case_window.tabs.setCurrentIndex(i)
            settle()
        return case_window

    def close_all(self) -> None:
        for w in reversed(self.opened):
            editor = getattr(w, "editor", None)
            if editor is not None:
                editor._set_clean()
            w.close()
        self.opened.clear()
        settle()


def make_env(desk) -> Env:
    """The main window on ``desk`` (already filled with :func:`fill_demo`)."""
    from mediator_desk.gui import today
    from mediator_desk.gui.app import create_main_window

    today.FIXED = TODAY
    window = create_main_window(desk)
    window.show()
    wait_until(lambda: bool(window.context.committee_id) and not window.model.loading)
    settle()
    return Env(desk, window, data=[str(Path(desk.path).parent), desk.site_id])


def fill_demo(desk) -> None:
    """The demo township, plus three cases of the desk's own committee on the way: accepted,
    agreed (not signed yet) and effective (signed)."""
    from mediator_desk.demo.book import build_demo

    build_demo(desk, cases=DEMO_CASES, seed=7, today=TODAY)
    org_id = desk.settings.get("committee_id")
    mediator = desk.settings.get("current_mediator_id")
    ids = []
    for received in ("2026-06-02", "2026-05-20", "2026-05-06"):
        case_id = desk.cases.register(
            org_id=org_id, received_date=received, source="apply", dispute_type="02",
            summary="两家因院墙位置发生争执，李四称院墙占用其宅基地约半米。",
            claims="请求确认院墙边界", place="红旗村三组",
            parties=[dict(name="张三", role="applicant", id_number="11010519491231002X",
                          phone="13912345678", address="红旗村三组12号"),
                     dict(name="李四", role="respondent", phone="0476-8123456")],
            mediator_ids=[mediator], today=TODAY)
        desk.acceptance.accept(case_id, decided_on=received, consent_form="written_application",
                               rights_notice_given=True, today=TODAY)
        ids.append(case_id)
    for case_id, agreed in ((ids[1], "2026-05-28"), (ids[2], "2026-05-12")):
        aid = desk.agreements.create(case_id, agreed_on=agreed, terms=["李四于期限内拆除院墙"],
                                     facts="两家因院墙位置发生争执，经调解双方自愿达成协议。",
                                     performance_method="自行拆除",
                                     performance_deadline="2026-06-20", today=TODAY)
        if case_id == ids[2]:
            desk.agreements.sign(aid, "2026-05-14", today=TODAY)
    desk.take_changes()


def _click_ok(dialog, button=None) -> None:
    (button or dialog.ok_button).click()
    settle()


# --- the screens ---------------------------------------------------------------------------------
@screen("main")
def main_window(env: Env, invalid: bool = False) -> QWidget:
    env.window.todo_dock.show()
    settle()
    return env.window


@screen("setup")
def setup(env: Env, invalid: bool = False) -> QWidget:
    from mediator_desk.gui.setup_dialog import SetupDialog

    dialog = SetupDialog()
    env.opened.append(dialog)
    dialog.show()
    settle()
    if invalid:
        _click_ok(dialog)
    return dialog


@screen("new case")
def new_case(env: Env, invalid: bool = False) -> QWidget:
    window = env.window.new_case()
    env.opened.append(window)
    settle()
    if invalid:
        window.editor.save_button.click()
        settle()
    return window


@screen("case")
def case(env: Env, invalid: bool = False) -> QWidget:
    window = env.open_case(env.case_in("mediating", "accepted"))
    if invalid:
        window.editor.summary.setPlainText("")
        window.editor.save_button.click()
        settle()
    return window


@screen("party")
def party(env: Env, invalid: bool = False) -> QWidget:
    window = env.open_case(env.case_in("mediating", "accepted"))
    window.editor.add_party_button.click()
    dialog = window.editor.party_dialog
    env.opened.append(dialog)
    settle()
    if invalid:
        _click_ok(dialog)
    return dialog


def _record_dialog(env: Env, invalid: bool, opener: str) -> QWidget:
    from mediator_desk.gui.tabs.mediation import MediationTab

    window = env.open_case(env.case_in("mediating", "accepted"), MediationTab)
    tab = window.tabs.currentWidget()
    dialog = getattr(tab, opener)()
    env.opened.append(dialog)
    settle()
    if invalid:
        _click_ok(dialog)
    return dialog


@screen("investigation record")
def investigation(env: Env, invalid: bool = False) -> QWidget:
    return _record_dialog(env, invalid, "add_investigation")


@screen("mediation record")
def mediation_record(env: Env, invalid: bool = False) -> QWidget:
    return _record_dialog(env, invalid, "add_mediation")


@screen("agreement")
def agreement(env: Env, invalid: bool = False) -> QWidget:
    from mediator_desk.gui.tabs.agreement import AgreementTab

    window = env.open_case(env.case_in("agreed", "effective"), AgreementTab)
    return window


@screen("follow-up")
def follow_up(env: Env, invalid: bool = False) -> QWidget:
    from mediator_desk.gui.tabs.followups import FollowUpTab

    window = env.open_case(env.case_in("effective"), FollowUpTab)
    if invalid:
        tab = window.tabs.currentWidget()
        dialog = tab.add_visit()
        env.opened.append(dialog)
        settle()
        _click_ok(dialog)
        return dialog
    return window


@screen("documents")
def documents(env: Env, invalid: bool = False) -> QWidget:
    from mediator_desk.gui.documents_tab import DocumentsTab

    return env.open_case(env.case_in("effective", "performed"), DocumentsTab)


@screen("risk")
def risk(env: Env, invalid: bool = False) -> QWidget:
    from mediator_desk.gui.tabs.outcome import OutcomeTab

    window = env.open_case(env.case_in("mediating", "accepted"), OutcomeTab)
    dialog = window.tabs.currentWidget().flag_risk()
    env.opened.append(dialog)
    settle()
    if invalid:
        _click_ok(dialog)
    return dialog


@screen("void agreement")
def void_agreement(env: Env, invalid: bool = False) -> QWidget:
    from mediator_desk.gui.tabs.agreement import AgreementTab

    window = env.open_case(env.case_in("agreed"), AgreementTab)
    dialog = window.tabs.currentWidget().void()
    env.opened.append(dialog)
    settle()
    if invalid:
        _click_ok(dialog)
    return dialog


@screen("archive")
def archive(env: Env, invalid: bool = False) -> QWidget:
    from mediator_desk.gui.tabs.casefile import CaseFileTab

    window = env.open_case(env.case_in("effective"), CaseFileTab)
    dialog = window.tabs.currentWidget().archive()
    env.opened.append(dialog)
    settle()
    if invalid:
        _click_ok(dialog)
    return dialog


@screen("batch print")
def batch_print(env: Env, invalid: bool = False) -> QWidget:
    from mediator_desk.gui.batch_print import open_batch_print

    table = env.window.table
    table.selectRow(0)
    table.selectionModel().select(
        env.window.model.index(1, 0),
        table.selectionModel().SelectionFlag.Select | table.selectionModel().SelectionFlag.Rows)
    dialog = open_batch_print(env.window)
    env.opened.append(dialog)
    settle()
    return dialog


@screen("mediator form")
def mediator_form(env: Env, invalid: bool = False) -> QWidget:
    mediators = env.window.show_mediators()
    env.opened.append(mediators)
    settle()
    form = mediators.add()
    env.opened.append(form)
    settle()
    if invalid:
        _click_ok(form)
    return form


@screen("site information")
def site_information(env: Env, invalid: bool = False) -> QWidget:
    dialog = env.window.sync.show_site_info()
    env.opened.append(dialog)
    settle()
    return dialog


@screen("import log")
def import_log(env: Env, invalid: bool = False) -> QWidget:
    dialog = env.window.sync.show_import_log()
    env.opened.append(dialog)
    settle()
    return dialog


@screen("screening")
def screening(env: Env, invalid: bool = False) -> QWidget:
    window = env.window.show_screening()
    env.opened.append(window)
    settle()
    return window


@screen("screening round")
def screening_round(env: Env, invalid: bool = False) -> QWidget:
    window = screening(env)
    dialog = window.add_round()
    env.opened.append(dialog)
    settle()
    if invalid:
        _click_ok(dialog)
    return dialog


@screen("screening item")
def screening_item(env: Env, invalid: bool = False) -> QWidget:
    window = screening(env)
    dialog = window.add_item()
    if dialog is None:                  # no round of this committee selected: a new round
        return screening_round(env, invalid)
    env.opened.append(dialog)
    settle()
    if invalid:
        _click_ok(dialog)
    return dialog


@screen("roster")
def roster(env: Env, invalid: bool = False) -> QWidget:
    dialog = env.window.show_roster()
    env.opened.append(dialog)
    settle()
    return dialog


@screen("statistics")
def statistics(env: Env, invalid: bool = False) -> QWidget:
    window = env.window.show_statistics()
    env.opened.append(window)
    settle()
    return window


@screen("settings")
def settings(env: Env, invalid: bool = False) -> QWidget:
    dialog = env.window.show_settings()
    env.opened.append(dialog)
    settle()
    return dialog


@screen("mediators")
def mediators(env: Env, invalid: bool = False) -> QWidget:
    dialog = env.window.show_mediators()
    env.opened.append(dialog)
    settle()
    return dialog


@screen("backup")
def backup(env: Env, invalid: bool = False) -> QWidget:
    dialog = env.window.show_backups()
    env.opened.append(dialog)
    settle()
    return dialog


def village_bundle(env: Env) -> str:
    """A village's data file for this desk, the township office (made once): the desk becomes
    the office, a village in a temporary folder enrols with it and exports two cases."""
    if getattr(env, "bundle", None):
        return env.bundle
    from mediator_desk import sync
    from mediator_desk.core.desk import Desk
    from mediator_desk.core.setup import set_up_committee

    folder = Path(env.desk.path).parent / "village"
    folder.mkdir(exist_ok=True)

    def office(desk):
        sync.init_site(desk, role="office", name="隆昌司法所")
        sync.export_enrolment(desk, folder / "office.mdenrol")

    worker.run_op(env.window, office, lambda _r: None)
    settle()
    with Desk.open(folder / "village.db") as village:
        set_up_committee(village, level="village", committee_name="红旗嘎查人民调解委员会",
                         short_name="红旗", township_name="隆昌镇", mediator_name="乌力吉")
        sync.init_site(village, role="village")
        sync.import_enrolment(village, folder / "office.mdenrol")
        for summary in ("两家因院墙位置发生争执", "邻里因排水沟堵塞发生纠纷"):
            village.cases.register(
                org_id=village.settings.get("committee_id"), received_date="2026-06-10",
                source="apply", dispute_type="02", summary=summary,
                parties=[dict(name="巴特尔", role="applicant"), dict(name="其木格",
                                                                    role="respondent")],
                mediator_ids=[village.settings.get("current_mediator_id")], today=TODAY)
        sync.export_bundle(village, folder / "village.mdsync")
        env.data.append(village.site_id[:8])
    env.bundle = str(folder / "village.mdsync")
    return env.bundle


@screen("import preview")
def import_preview(env: Env, invalid: bool = False) -> QWidget:
    from mediator_desk.gui.bundle_import import BundleImportDialog

    dialog = BundleImportDialog(village_bundle(env), env.window)
    env.opened.append(dialog)
    dialog.show()
    dialog.start()
    wait_until(lambda: dialog.stage == "accept")
    settle()
    if invalid:                     # the village accepted: the preview of what would change
        dialog.matches.setChecked(True)
        dialog.next_button.click()
        wait_until(lambda: dialog.stage == "preview")
        settle()
    return dialog


@screen("conflicts")
def conflicts(env: Env, invalid: bool = False) -> QWidget:
    from mediator_desk.gui.conflicts_dialog import ConflictsDialog

    dialog = ConflictsDialog(env.window)
    env.opened.append(dialog)
    dialog.show()
    settle()
    return dialog


def settle_clear() -> None:
    """After the last screen: the GUI's fixed day is the clock's again."""
    from mediator_desk.gui import today

    today.FIXED = None
