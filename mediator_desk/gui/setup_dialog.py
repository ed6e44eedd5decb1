"""First-run setup: which committee this install is, and who the current mediator is.

Calls ``core.setup.set_up_committee`` through the worker; refusals appear next to their
fields. The site's role for data exchange (village committee or township office) is chosen
here too: ``sync.init_site`` makes its keys, and a village may import its office's enrolment
file straight away (checked before anything is written). "Try with sample data" instead
fills the (new, empty) database with a made-up township from ``demo.book.build_demo`` — its
own committees and mediators, since sample data must never mix with real records (build_demo
refuses a database that has any).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import importlib

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout,
                               QLabel, QLineEdit, QPushButton, QWidget)

from mediator_desk.core.setup import LEVELS, set_up_committee, suggest_short_name
from mediator_desk.errors import DeskError, ValidationError
from mediator_desk.gui import worker
from mediator_desk.gui.form_dialog import FormDialog
from mediator_desk.gui.forms import fill_combo, fit_to_screen, set_role

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk

SAMPLE_CASES = 500
SAMPLE_SEED = 2026


def demo_builder():
    """``demo.book.build_demo`` if that module exists in this build, else None."""
    try:
        module = importlib.import_module("mediator_desk.demo.book")
    except ImportError:
        return None
    return getattr(module, "build_demo", None)


def _set_up(desk: Desk, values: dict, sample: bool, cases: int, site: dict | None = None) -> dict:
    enrolment = (site or {}).get("enrolment") if not sample else ""
    if enrolment:
        _check_enrolment(enrolment)          # a wrong file is refused before anything is written
    if sample:
        summary = demo_builder()(desk, cases=cases, seed=SAMPLE_SEED)
        ids = {"committee_id": summary["committee_id"],
               "mediator_id": desk.settings.get("current_mediator_id")}
    else:
        ids = set_up_committee(desk, **values, role=(site or {}).get("role") or "village")
    if site:
        from mediator_desk import sync

        ids["site"] = sync.init_site(desk, role=site["role"], name=site.get("name") or None)
        if enrolment:
            try:
                ids["enrolment"] = sync.import_enrolment(desk, enrolment)
            except DeskError as exc:         # set up all the same: it can be imported later
                ids["enrolment_error"] = exc
    return ids


def _chosen_site(desk: Desk) -> dict:
    """The role (and name) chosen with `site init` before the first start, if any."""
    from mediator_desk.sync import sites

    return {"role": sites.site_role(desk), "name": sites.site_name(desk)}


def _check_enrolment(path: str) -> None:
    from mediator_desk import sync

    try:
        kind = sync.inspect_file(path)["kind"]
    except DeskError as exc:
        raise ValidationError(exc.message, field="enrolment_file") from None
    if kind != "enrolment":
        raise ValidationError("这不是司法所的登记文件（.mdenrol）", field="enrolment_file")


class SetupDialog(FormDialog):
    """Asks for the committee and the current mediator; ``result_ids`` after acceptance.
    The skeleton (buttons, field errors, submit) is gui/form_dialog.py's."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, ok_text=self.tr("&Start"))
        self.setWindowTitle(self.tr("Set up the mediation desk"))
        self.result_ids: dict | None = None

        intro = QLabel(self.tr(
            "Welcome. Before the first case, tell the desk which mediation committee it "
            "works for and who is using it."))
        intro.setWordWrap(True)

        self.committee_name = QLineEdit()
        self.committee_name.setPlaceholderText(self.tr("e.g. 红旗嘎查人民调解委员会"))
        self.level = QComboBox()
        fill_combo(self.level, LEVELS.items())
        self.township_name = QLineEdit()
        self.township_name.setPlaceholderText(self.tr("e.g. 巴彦塔拉苏木"))
        self.county_name = QLineEdit()
        self.county_name.setPlaceholderText(self.tr("e.g. 阿鲁科尔沁旗"))
        self.short_name = QLineEdit()
        self.short_name.setMaxLength(8)
        self.short_name.setPlaceholderText(self.tr("used in case numbers, e.g. 红旗"))
        self.example = QLabel()
        set_role(self.example, "hint")
        self.mediator_name = QLineEdit()
        self.mediator_sex = QComboBox()
        fill_combo(self.mediator_sex, [("男", "男"), ("女", "女")], blank=self.tr("(not given)"))
        self.mediator_phone = QLineEdit()
        self.mediator_phone.setPlaceholderText(self.tr("mobile, or landline with area code"))
        self.site_role = QComboBox()
        fill_combo(self.site_role, [("village", self.tr("Village (community) mediation committee")),
                                    ("office", self.tr("Township (street) judicial office"))])
        self.site_name = QLineEdit()
        self.site_name.setMaxLength(100)
        self.site_name.setPlaceholderText(self.tr("e.g. 巴彦塔拉司法所"))
        self.enrolment_file = QLineEdit()
        self.enrolment_file.setReadOnly(True)
        self.enrolment_file.setPlaceholderText(self.tr("optional: can also be imported later"))
        self.enrolment_button = QPushButton(self.tr("Choose &file…"))
        self.enrolment_button.clicked.connect(self.choose_enrolment)
        self.sample = QCheckBox(self.tr("Instead, just try the desk &out on made-up sample cases"))
        self.sample.setToolTip(self.tr(
            "Fills this new database with a made-up township, its mediators and cases. "
            "Sample data never mixes with real records: for real work, start a new database."))

        self.committee_box = committee = QGroupBox(self.tr("Committee"))
        form = QFormLayout(committee)

        def row(layout, field, text, widget, *aliases):
            label = QLabel(text)
            label.setBuddy(widget)
            layout.addRow(label, self.bind(field, widget, *aliases))

        self.site_box = site = QGroupBox(self.tr("This computer is used by"))
        site_form = QFormLayout(site)
        row(site_form, "role", self.tr("&Role"), self.site_role)
        self.site_name_label = QLabel(self.tr("Name of the &judicial office"))
        self.site_name_label.setBuddy(self.site_name)
        self.site_name_row = self.bind("site_name", self.site_name)
        site_form.addRow(self.site_name_label, self.site_name_row)
        file_row = QHBoxLayout()
        file_row.setContentsMargins(0, 0, 0, 0)
        file_row.addWidget(self.enrolment_file, 1)
        file_row.addWidget(self.enrolment_button)
        file_box = QWidget()
        file_box.setLayout(file_row)
        self.enrolment_label = QLabel(self.tr("Office's &enrolment file"))
        self.enrolment_label.setBuddy(self.enrolment_button)
        self.enrolment_row = self.bind("enrolment_file", file_box)
        site_form.addRow(self.enrolment_label, self.enrolment_row)

        row(form, "committee_name", self.tr("Committee &name"), self.committee_name)
        row(form, "level", self.tr("&Level"), self.level)
        row(form, "township_name", self.tr("&Township (sumu)"), self.township_name)
        row(form, "county_name", self.tr("&County (banner)"), self.county_name)
        row(form, "short_name", self.tr("S&hort name"), self.short_name)
        form.addRow("", self.example)
        self.mediator_box = you = QGroupBox(self.tr("Current mediator"))
        form2 = QFormLayout(you)
        row(form2, "mediator_name", self.tr("Your na&me"), self.mediator_name)
        row(form2, "mediator_sex", self.tr("Se&x"), self.mediator_sex, "sex")
        row(form2, "mediator_phone", self.tr("&Phone"), self.mediator_phone, "phone")

        # the form scrolls on a small screen or with large text; the buttons stay in view
        for part in (intro, site, committee, you, self.sample):
            self.form.addRow(part)
        if demo_builder() is None:
            self.sample.setEnabled(False)
            self.sample.setToolTip(self.tr("Sample data is not available in this version."))
        body = self.body

        self.level.currentIndexChanged.connect(self._level_changed)
        self.site_role.currentIndexChanged.connect(self._role_changed)
        self.sample.toggled.connect(self._sample_toggled)
        self.short_name.textChanged.connect(self._show_example)
        # 简称 is suggested from the committee's name until the person types one
        self._short_suggested = True
        self.short_name.textEdited.connect(lambda t: setattr(self, "_short_suggested", not t))
        self.committee_name.textChanged.connect(self._suggest_short_name)
        for field in ("committee_name", "township_name", "short_name", "mediator_name",
                      "mediator_phone"):
            getattr(self, field).textEdited.connect(lambda _t, f=field: self.errors.clear(f))
        self._level_changed()
        self._role_changed()
        self._show_example()
        self.committee_name.setFocus(Qt.FocusReason.OtherFocusReason)
        self.setMinimumWidth(620)
        fit_to_screen(self, max(660, body.sizeHint().width() + 80), body.sizeHint().height() + 120)
        # a role chosen before (`site init --role office`) is the default here
        if worker.installed():
            worker.run_op(self, _chosen_site, self._preset_site)

    def _preset_site(self, site: dict) -> None:
        if site.get("role"):
            self.site_role.setCurrentIndex(max(self.site_role.findData(site["role"]), 0))
        if site.get("name") and not self.site_name.text():
            self.site_name.setText(site["name"])

    def _suggest_short_name(self, name: str) -> None:
        if self._short_suggested:
            self.short_name.setText(suggest_short_name(name))
            self.errors.clear("short_name")

    def _sample_toggled(self, on: bool) -> None:
        self.committee_box.setEnabled(not on)
        self.mediator_box.setEnabled(not on)
        if on:
            self.errors.clear_all()

    def _role_changed(self, _index: int = 0) -> None:
        # A township office sets up the township's committee; a village may enrol at once.
        office = self.site_role.currentData() == "office"
        if office:
            self.level.setCurrentIndex(self.level.findData("township"))
        self.level.setEnabled(not office)
        self.committee_name.setPlaceholderText(
            self.tr("e.g. 巴彦塔拉苏木人民调解委员会") if office
            else self.tr("e.g. 红旗嘎查人民调解委员会"))
        for w in (self.site_name_label, self.site_name_row):
            w.setVisible(office)
        for w in (self.enrolment_label, self.enrolment_row):
            w.setVisible(not office)
        self.errors.clear("enrolment_file")

    def choose_enrolment(self) -> None:
        """Pick the office's enrolment file (.mdenrol) to import during setup."""
        from mediator_desk.gui.sync_dialogs import SyncAsk

        path = SyncAsk.open_file(self, self.tr("The office's enrolment file"), "enrolment")
        if path:
            self.enrolment_file.setText(path)
            self.errors.clear("enrolment_file")

    def site(self) -> dict:
        """The role chosen for data exchange (and the office's name, or the village's
        enrolment file)."""
        role = self.site_role.currentData() or "village"
        return {"role": role,
                "name": self.site_name.text().strip() if role == "office" else "",
                "enrolment": self.enrolment_file.text().strip() if role == "village" else ""}

    def _level_changed(self, _index: int = 0) -> None:
        village = self.level.currentData() == "village"
        self.township_name.setEnabled(village)
        if not village:
            self.errors.clear("township_name")

    def _show_example(self, _text: str = "") -> None:
        from datetime import date

        from mediator_desk.core.cases import format_case_no

        short = self.short_name.text().strip() or "××"
        self.example.setText(self.tr("Case numbers will look like {number}").format(
            number=format_case_no(date.today().year, short, 1)))

    def values(self) -> dict:
        return {
            "committee_name": self.committee_name.text().strip(),
            "level": self.level.currentData(),
            "short_name": self.short_name.text().strip(),
            "township_name": self.township_name.text().strip()
            if self.level.currentData() == "village" else "",
            "county_name": self.county_name.text().strip(),
            "mediator_name": self.mediator_name.text().strip(),
            "mediator_sex": self.mediator_sex.currentData() or "",
            "mediator_phone": self.mediator_phone.text().strip(),
        }

    @property
    def saving(self) -> bool:
        return self._submitting

    def _sample(self) -> bool:
        return self.sample.isChecked() and self.sample.isEnabled()

    def make_op(self):
        values, sample, cases, site = self.values(), self._sample(), SAMPLE_CASES, self.site()
        return lambda desk: _set_up(desk, values, sample, cases, site)

    def run_op(self, op) -> None:
        label = self.tr("Building sample cases…") if self._sample() else self.tr("Setting up…")
        worker.run_op(self, op, self._accepted, self._refused, label=label)

    def accepted_value(self, ids: dict) -> None:
        self.result_ids = ids
        if ids.get("enrolment") or ids.get("enrolment_error"):
            from mediator_desk.gui.sync_dialogs import show_enrolment_result

            show_enrolment_result(self, ids.get("enrolment"), ids.get("site", {}),
                                  ids.get("enrolment_error"))

    def _refused(self, exc) -> None:
        # set_up_committee also passes on the organisation's and mediator's own field names
        field = getattr(exc, "field", "")
        mapped = {"name": "committee_name", "parent_id": "township_name"}.get(field)
        if mapped:
            exc.field = mapped
        super()._refused(exc)
