"""Tab "Agreement": the written or oral agreement with its numbered terms (typed by the
mediator, never filled in), signing as a separate step (date and scan), the effective date and
the Art. 33 judicial-confirmation countdown, supplementary agreements, voiding with a reason
(only before it is in force),
and the judicial confirmation (application, court, result, court case number)."""

from __future__ import annotations

from pathlib import Path

from datetime import date

from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout,
                               QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget)

from mediator_desk.core import deadlines
from mediator_desk.core.agreements import FORMS, void_refusal
from mediator_desk.core.confirmation import RESULTS as CONFIRMATION_RESULTS
from mediator_desk.gui.case_editor import yuan_text
from mediator_desk.gui.files import Files
from mediator_desk.gui.forms import (fill_combo, fit_to_screen, plain_text, select_code, set_role,
                                     text_area)
from mediator_desk.gui.messages import Messages
from mediator_desk.gui.today import today
from mediator_desk.gui.tabs.case_path import (CasePath, PathTab, PathView, step_reason,
                                               transition_reason)
from mediator_desk.gui.tabs.record_dialog import RecordDialog, open_dialog
from mediator_desk.gui.tabs.widgets import (OK_STYLE, WARN_STYLE, NamePicker, RowsEditor, allow,
                                            button_row, date_edit, note_label, set_editable, spin)

CLOSING_DAYS = 7


class AgreementTab(PathTab):
    """The agreements of a case: one shown at a time (main agreement, supplements, voided)."""

    def __init__(self, path: CasePath, parent: QWidget | None = None):
        super().__init__(path, parent)
        self.dialog: RecordDialog | None = None
        self.mode = "view"            # view | new | supplement
        self.agreement: dict | None = None
        self.scan_path = ""
        self._want_id = ""
        self._build()

    # --- layout ------------------------------------------------------------------------
    def _build(self) -> None:
        e = self.errors
        self.chooser = QComboBox()
        self.chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.chooser.activated.connect(self._chosen)
        self.new_button = self.action(QPushButton(self.tr("New agreement")))
        self.new_button.clicked.connect(lambda: self.start_new())
        self.supplement_button = self.action(QPushButton(self.tr("Supplementary agreement")))
        self.supplement_button.clicked.connect(lambda: self.start_supplement())
        self.void_button = self.action(QPushButton(self.tr("Void…")))
        self.void_button.clicked.connect(lambda: self.void())
        top = QHBoxLayout()
        self.chooser_label = QLabel(self.tr("Agreement"))
        top.addWidget(self.chooser_label)
        top.addWidget(self.chooser)
        top.addStretch(1)
        for b in (self.new_button, self.supplement_button, self.void_button):
            top.addWidget(b)
        # printing is where the agreement is (also of an archived case: not an action)
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setToolTip(self.tr("Print this agreement (preview in the tab "
                                             "Documents)"))
        self.print_button.clicked.connect(lambda: self.print_agreement())
        top.addWidget(self.print_button)

        self.number_label = QLabel()
        set_role(self.number_label, "heading")
        self.number_label.setWordWrap(True)
        self.state_note = note_label()

        # the agreement itself
        self.form_box = QGroupBox(self.tr("Content of the agreement"))
        self.form_kind = self.editor(QComboBox())
        fill_combo(self.form_kind, FORMS.items())
        self.agreed_on = self.editor(date_edit())
        self.place = self.editor(QLineEdit())
        self.facts = self.editor(text_area(3))
        self.terms = self.editor(RowsEditor([self.tr("Term (one per row)")]))
        self.performance_method = self.editor(QLineEdit())
        self.performance_method.setPlaceholderText(self.tr(
            "e.g. paid in cash in one sum at the committee"))
        self.performance_deadline = self.editor(date_edit(default_today=False))
        self.performance_deadline.setPlaceholderText(self.tr("e.g. 2026-11-28 or 一个月内"))
        self.performance_deadline.setToolTip(self.tr(
            "A date, or a period from the agreement date: 15日内, 一个月内, 三个月内, 半年内 "
            "(a month ends on the same day of the next month, or its last day)"))
        # the date a "within N days/months" deadline comes to, shown as it is typed
        self.deadline_hint = note_label()
        self.amount = self.editor(QLineEdit())
        self.amount.setPlaceholderText(self.tr("in yuan, e.g. 12000 or 1.2万"))
        self.copies = self.editor(spin(99))
        self.copies.setMinimum(1)
        self.copies_hint = note_label()
        self.mediators = self.editor(NamePicker(self.tr("others, separated by 、")))
        self.recorder = self.editor(QLineEdit())
        form = QFormLayout()
        self.form_kind_label = QLabel(self.tr("Form"))
        form.addRow(self.form_kind_label, e.wrap("form", self.form_kind))
        form.addRow(self.tr("Agreed on"), e.wrap("agreed_on", self.agreed_on))
        form.addRow(self.tr("Place"), e.wrap("place", self.place))
        form.addRow(self.tr("Main facts and matters in dispute"), e.wrap("facts", self.facts))
        # the facts are offered from what the case already says (the terms never are)
        self.facts_button = self.action(QPushButton(self.tr("Fill in from the brief facts and "
                                                            "the mediation record")))
        self.facts_button.clicked.connect(lambda: self.offer_facts())
        form.addRow("", self.facts_button)
        form.addRow(self.tr("Agreed terms"), e.wrap("terms", self.terms))
        form.addRow(self.tr("How it is performed"),
                    e.wrap("performance_method", self.performance_method))
        deadline_row = QHBoxLayout()
        deadline_row.addWidget(e.wrap("performance_deadline", self.performance_deadline))
        deadline_row.addWidget(self.deadline_hint, 1)
        form.addRow(self.tr("Performed by"), deadline_row)
        self.performance_deadline.textChanged.connect(self._show_deadline)
        self.agreed_on.textChanged.connect(self._show_deadline)
        form.addRow(self.tr("Amount (yuan)"), e.wrap("amount_fen", self.amount))
        self.copies_label = QLabel(self.tr("Copies"))
        copies_row = QHBoxLayout()
        copies_row.addWidget(e.wrap("copies", self.copies))
        copies_row.addWidget(self.copies_hint, 1)
        form.addRow(self.copies_label, copies_row)
        form.addRow(self.tr("Mediators"), e.wrap("mediators", self.mediators))
        form.addRow(self.tr("Recorder"), e.wrap("recorder", self.recorder))
        self.save_button = self.action(QPushButton())
        self.save_button.clicked.connect(self.save)
        self.cancel_button = self.action(QPushButton(self.tr("Cancel")))
        self.cancel_button.clicked.connect(self.cancel)
        self.form_kind.currentIndexChanged.connect(self._form_changed)
        fl = QVBoxLayout(self.form_box)
        self.never_filled = note_label(self.tr(
            "Type the terms exactly as the parties agreed them; nothing is filled in for you."))
        fl.addWidget(self.never_filled)
        fl.addLayout(form)
        fl.addLayout(button_row(self.cancel_button, self.save_button, right=True))

        # signing (written agreements)
        self.sign_box = self.action(QGroupBox(self.tr("Signing")))
        self.signed_on = self.editor(date_edit(default_today=False))
        self.scan_label = QLabel(self.tr("no scan chosen"))
        self.choose_scan_button = self.action(QPushButton(self.tr("Choose scan…")))
        self.choose_scan_button.clicked.connect(self.choose_scan)
        self.sign_button = self.action(QPushButton(self.tr("Record signing")))
        self.sign_button.clicked.connect(self.sign)
        self.signed_on.setPlaceholderText(self.tr("the day every party signed"))
        self.per_party = self.action(QCheckBox(self.tr("The parties signed on different days")))
        self.per_party.toggled.connect(self._per_party_toggled)
        self.party_box = QWidget()
        self.party_form = QFormLayout(self.party_box)
        self.party_form.setContentsMargins(0, 0, 0, 0)
        self.party_box.setVisible(False)
        self.party_dates: dict[str, QLineEdit] = {}
        self.sealed_on = self.editor(date_edit(default_today=False))
        self.sealed_on.setPlaceholderText(self.tr("same day"))
        self.effective_preview = note_label()
        self.signed_on.textChanged.connect(self._preview_effect)
        self.sealed_on.textChanged.connect(self._preview_effect)
        sf = QFormLayout()
        sf.addRow(self.tr("Signed on"), e.wrap("signed_on", self.signed_on))
        sf.addRow("", self.per_party)
        sf.addRow("", e.wrap("party_dates", self.party_box))
        sf.addRow(self.tr("Committee seal on"), e.wrap("sealed_on", self.sealed_on))
        sf.addRow("", self.effective_preview)
        scan_row = QHBoxLayout()
        scan_row.addWidget(e.wrap("file", self.scan_label), 1)
        scan_row.addWidget(self.choose_scan_button)
        sf.addRow(self.tr("Scan of the signed copy"), scan_row)
        sl = QVBoxLayout(self.sign_box)
        sl.addWidget(note_label(self.tr(
            "Printing is not signing. A written agreement takes effect on the day every party, "
            "the mediator and the committee seal have completed it (Art. 29): record each "
            "party's signing date and the seal date here, with a scan of the signed copy.")))
        sl.addLayout(sf)
        sl.addLayout(button_row(self.sign_button, right=True))

        # effect and Art. 33 countdown
        self.effect_box = QGroupBox(self.tr("In force"))
        self.effective_label = QLabel()
        self.countdown_label = QLabel()
        self.countdown_label.setWordWrap(True)
        self.signatures_label = note_label()
        el = QVBoxLayout(self.effect_box)
        el.addWidget(self.effective_label)
        el.addWidget(self.signatures_label)
        el.addWidget(self.countdown_label)

        # judicial confirmation
        self.confirm_box = QGroupBox(self.tr("Judicial confirmation"))
        self.confirm_summary = note_label()
        self.applied_on = self.editor(date_edit())
        self.court = self.editor(QLineEdit())
        self.court.setPlaceholderText(self.tr("e.g. the basic people's court of the county"))
        self.apply_note = self.editor(QLineEdit())
        self.apply_button = self.action(QPushButton(self.tr("Record the application")))
        self.apply_button.clicked.connect(self.apply_confirmation)
        self.apply_form = self.action(QWidget())
        af = QFormLayout(self.apply_form)
        af.setContentsMargins(0, 0, 0, 0)
        af.addRow(self.tr("Applied on"), e.wrap("applied_on", self.applied_on))
        af.addRow(self.tr("Court"), e.wrap("court", self.court))
        af.addRow(self.tr("Note"), e.wrap("apply_note", self.apply_note))
        af.addRow("", button_row(self.apply_button, right=True))
        self.result = self.editor(QComboBox())
        fill_combo(self.result, [(k, v) for k, v in CONFIRMATION_RESULTS.items()
                                 if k != "pending"])
        self.result_on = self.editor(date_edit())
        self.court_case_no = self.editor(QLineEdit())
        self.court_case_no.setPlaceholderText(self.tr("e.g. (2026) Inner Mongolia 0421 civil "
                                                      "special No. 12"))
        self.result_button = self.action(QPushButton(self.tr("Record the court's decision")))
        self.result_button.clicked.connect(self.record_result)
        self.result_form = self.action(QWidget())
        rf = QFormLayout(self.result_form)
        rf.setContentsMargins(0, 0, 0, 0)
        rf.addRow(self.tr("Result"), e.wrap("result", self.result))
        rf.addRow(self.tr("Decided on"), e.wrap("result_on", self.result_on))
        rf.addRow(self.tr("Court case number"), e.wrap("court_case_no", self.court_case_no))
        rf.addRow("", button_row(self.result_button, right=True))
        cl = QVBoxLayout(self.confirm_box)
        cl.addWidget(self.confirm_summary)
        cl.addWidget(self.apply_form)
        cl.addWidget(self.result_form)

        self.top_row = QWidget()
        self.top_row.setLayout(top)
        top.setContentsMargins(0, 0, 0, 0)
        self.set_sections(self.top_row, self.number_label, self.state_note, self.effect_box,
                          self.sign_box, self.confirm_box, self.form_box)

    # --- which agreement -------------------------------------------------------------------
    def _agreements(self) -> list[dict]:
        """The case's agreement rows (``AgreementView.row``)."""
        case = self.case_view
        return [a.row for a in case.agreements] if case is not None else []

    def _confirmation(self) -> dict | None:
        """The judicial confirmation of the agreement shown, if one was applied for."""
        case, a = self.case_view, self.agreement
        if case is None or a is None:
            return None
        return next((x.confirmation for x in case.agreements if x.row["id"] == a["id"]), None)

    def _default(self, agreements: list[dict]) -> dict | None:
        live = [a for a in agreements if a["state"] != "void" and not a["is_supplement"]]
        shown = live or agreements
        return shown[-1] if shown else None

    def _chosen(self, index: int) -> None:
        aid = self.chooser.itemData(index)
        self.mode = "view"
        self.agreement = next((a for a in self._agreements() if a["id"] == aid), None)
        self._show_agreement()

    def show_view(self, view: PathView) -> None:
        agreements = self._agreements()
        keep = self.mode in ("new", "supplement") and not self._want_id
        if keep and self.mode == "new" and step_reason(view.case.status, "agree"):
            keep = False         # the case moved on meanwhile (ended, withdrawn …)
        wanted = self._want_id or (self.agreement or {}).get("id", "")
        self._want_id = ""
        chosen = next((a for a in agreements if a["id"] == wanted), None) \
            or self._default(agreements)
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for a in agreements:
            kind = self.tr("Supplementary") if a["is_supplement"] else a["form_label"]
            self.chooser.addItem(f"{a['agreement_no']}　{kind}　{a['state_label']}", a["id"])
        self.chooser.blockSignals(False)
        self.chooser.setVisible(len(agreements) > 1)
        self.chooser_label.setVisible(len(agreements) > 1)
        if chosen is not None:
            self.chooser.setCurrentIndex(self.chooser.findData(chosen["id"]))
        self.agreement = chosen
        if keep:
            # a reload while a new agreement is being typed: keep what was typed
            self._show_agreement(keep_form=True)
            return
        self.mode = "view"
        if chosen is None and not step_reason(view.case.status, "agree"):
            self.mode = "new"
        self._show_agreement()

    def print_agreement(self) -> None:
        """Print the agreement shown: the tab Documents with it chosen, then the print
        dialog (the document is rendered there first)."""
        from mediator_desk.gui.documents_tab import print_record

        a = self.agreement
        if a is not None:
            print_record(self.path.window, "agreement" if a["form"] == "written"
                         else "oral_agreement", a["id"])

    # --- showing one agreement -------------------------------------------------------------
    def _show_agreement(self, keep_form: bool = False) -> None:
        status = self.case_view.status if self.case_view is not None else ""
        a = self.agreement
        editing = self.mode in ("new", "supplement")
        self.print_button.setEnabled(a is not None and not editing and a["state"] != "void")
        if self.mode == "new":
            self.number_label.setText(self.tr("New agreement (the number is given when it is "
                                              "recorded)"))
        elif self.mode == "supplement" and a is not None:
            self.number_label.setText(self.tr("Supplementary agreement to {no}").format(
                no=a["agreement_no"]))
        elif a is None:
            self.number_label.setText(self.tr("No agreement recorded"))
        else:
            kind = self.tr("supplementary agreement") if a["is_supplement"] else a["form_label"]
            self.number_label.setText(self.tr("Agreement {no} — {kind} — {state}").format(
                no=a["agreement_no"], kind=kind, state=a["state_label"]))
        notes = []
        if a is not None and not editing:
            if a["state"] == "void":
                notes.append(self.tr("Voided on {day}: {reason}").format(
                    day=a["voided_on"], reason=a["void_reason"]))
            elif a["state"] == "in_force":
                notes.append(self.tr("An agreement in force binds and can be neither changed "
                                     "nor voided: correct it with a supplementary agreement; "
                                     "record non-performance in the tab Performance and follow-up."))
        elif a is None and not editing:
            reason = step_reason(status, "agree")
            if reason:
                notes.append(reason)
        self.state_note.setText("\n".join(notes))
        self.state_note.setVisible(bool(notes))

        # the form
        changeable = editing or (a is not None and a["state"] == "awaiting_signature")
        self.form_box.setVisible(editing or a is not None)
        if not keep_form:
            self._fill_form(None if editing else a)
        self.form_kind.setEnabled(self.mode == "new")
        for w in (self.agreed_on, self.place, self.facts, self.performance_method,
                  self.performance_deadline, self.amount, self.copies, self.mediators,
                  self.recorder, self.terms):
            set_editable(w, changeable)
        self.save_button.setVisible(changeable)
        self.facts_button.setVisible(changeable and bool(self.facts_offered()))
        self.cancel_button.setVisible(editing and a is not None)
        self.save_button.setText({"new": self.tr("Record the agreement"),
                                  "supplement": self.tr("Record the supplementary agreement")}
                                 .get(self.mode, self.tr("Save changes")))
        self.never_filled.setVisible(changeable)
        self._form_changed()

        # actions on the chosen agreement
        agree_reason = step_reason(status, "agree")
        main_live = any(x["state"] != "void" and not x["is_supplement"]
                        for x in self._agreements())
        self.new_button.setVisible(not editing and not main_live and not agree_reason
                                   and bool(self._agreements()))
        in_force = a is not None and a["state"] == "in_force" and not editing
        self.supplement_button.setVisible(in_force and a is not None and not a["is_supplement"])
        allow(self.supplement_button, step_reason(status, "supplement"))
        self.void_button.setVisible(a is not None and a["state"] != "void" and not editing)
        void_reason = ""
        if a is not None and a["state"] != "void":
            # an agreement in force binds (Arts. 31–33): the core says why and what instead
            void_reason = void_refusal(a)
            if not void_reason and not a["is_supplement"]:
                void_reason = transition_reason(status, "mediating")
        allow(self.void_button, void_reason)

        # signing
        awaiting = (a is not None and not editing and a["form"] == "written"
                    and a["state"] == "awaiting_signature")
        self.sign_box.setVisible(awaiting)
        if awaiting and a is not None:
            reason = "" if a["is_supplement"] else transition_reason(status, "effective")
            allow(self.sign_button, reason)
            allow(self.choose_scan_button, reason)

        # in force: effective date and countdown
        self.effect_box.setVisible(a is not None and not editing and bool(a["effective_on"]))
        if a is not None and a["effective_on"]:
            if a["form"] == "written":
                text = self.tr("Signed on {signed}; in force since {day} (Art. 29).").format(
                    signed=a["signed_on"], day=a["effective_on"])
            else:
                text = self.tr("Oral agreement: in force since the day it was reached, {day} "
                               "(Art. 30).").format(day=a["effective_on"])
            self.effective_label.setText(text)
            sigs = a.get("party_signatures") or []
            lines = [self.tr("{name} signed on {day}").format(name=x["name"], day=x["signed_on"])
                     for x in sigs]
            if a.get("sealed_on"):
                lines.append(self.tr("Committee seal on {day}").format(day=a["sealed_on"]))
            self.signatures_label.setText("；".join(lines))
            self.signatures_label.setVisible(bool(lines))
            self._show_countdown(a)
        self._show_confirmation(a if not editing else None, status)

    def _show_countdown(self, a: dict) -> None:
        w = a.get("confirmation_window")
        k = self._confirmation()
        if w is None:
            self.countdown_label.setText(self.tr("Judicial confirmation applies to written "
                                                 "agreements only.")
                                         if a["form"] == "oral" else "")
            self.countdown_label.setStyleSheet("")
            return
        if k:
            text = self.tr("Judicial confirmation applied for on {day}.").format(
                day=k["applied_on"])
            style = OK_STYLE
        else:
            text = self.tr("Judicial confirmation (Art. 33): the parties may apply together "
                           "from {start} to {end} — {left}.").format(
                start=w["start"], end=w["end"], left=w["text"])
            style = WARN_STYLE if w["days_left"] <= CLOSING_DAYS else OK_STYLE
        self.countdown_label.setText(text)
        self.countdown_label.setStyleSheet(style)

    def _show_confirmation(self, a: dict | None, status: str) -> None:
        written_in_force = a is not None and a["form"] == "written" and a["state"] == "in_force"
        k = self._confirmation() if a is not None else None
        self.confirm_box.setVisible(written_in_force or bool(k))
        if a is None:
            return
        self.apply_form.setVisible(written_in_force and not k)
        self.result_form.setVisible(k is not None and k["result"] == "pending")
        if k:
            text = self.tr("Applied on {day} to {court}: {result}").format(
                day=k["applied_on"], court=k["court"], result=k["result_label"])
            if k["result_on"]:
                text += self.tr(" (decided on {day})").format(day=k["result_on"])
            if k["court_case_no"]:
                text += self.tr(", court case number {no}").format(no=k["court_case_no"])
            self.confirm_summary.setText(text)
        else:
            w = a.get("confirmation_window") or {}
            self.confirm_summary.setText(self.tr(
                "The parties apply together to the court within 30 days of the agreement "
                "taking effect; a confirmed agreement can be enforced."))
            if w and w.get("days_left", 0) < 0:
                # an application made in time may still be recorded afterwards: the core
                # checks the application date against the window
                self.confirm_summary.setText(self.tr(
                    "The 30-day window closed on {day}. Record an application only if the "
                    "parties applied by then.").format(day=w["end"]))
            allow(self.apply_button, step_reason(status, "confirm"))

    def _fill_form(self, a: dict | None) -> None:
        case = self.case_view
        self.errors.clear_all()
        self.mediators.set_choices([m["name"] for m in case.mediators] if case else [])
        parties = len(case.parties) if case else 0
        self.copies_hint.setText(self.tr("default: {n} (each party and the committee)")
                                 .format(n=parties + 1))
        if a is None:
            select_code(self.form_kind, "written")
            self.agreed_on.setText(today().isoformat())
            self.place.clear()
            self.facts.clear()
            self.terms.set_rows([])
            self.performance_method.clear()
            self.performance_deadline.clear()
            self.amount.clear()
            self.copies.setMinimum(parties + 1)    # Art. 29: one copy each + the committee
            self.copies.setValue(parties + 1)
            self.mediators.set_names([])
            # the current mediator usually records it; the place of the last sitting
            self.recorder.setText(getattr(self.path.window.context, "user", "") or "")
            sittings = case.mediations if case else []
            if sittings and sittings[-1].get("place"):
                self.place.setText(sittings[-1]["place"])
            self._reset_signing()
            self.scan_path = ""
            self.scan_label.setText(self.tr("no scan chosen"))
            return
        select_code(self.form_kind, a["form"])
        self.agreed_on.setText(a["agreed_on"])
        self.place.setText(a["place"])
        self.facts.setPlainText(a["facts"])
        self.terms.set_rows([[t] for t in a["terms"]])
        self.performance_method.setText(a["performance_method"])
        self.performance_deadline.setText(a["performance_deadline"])
        self.amount.setText(yuan_text(int(a["amount_fen"] or 0)))
        copies = max(int(a["copies"] or 0), 1)
        self.copies.setMinimum(min(parties + 1, copies))   # an old record may have fewer
        self.copies.setValue(copies)
        self.mediators.set_names(a["mediators"])
        self.recorder.setText(a["recorder"])
        self._reset_signing()
        self.scan_path = ""
        self.scan_label.setText(self.tr("no scan chosen"))

    def _reset_signing(self) -> None:
        """Empty signing fields, one date field per party of the case (hidden until the
        parties signed on different days)."""
        self.signed_on.clear()
        self.sealed_on.clear()
        while self.party_form.rowCount():
            self.party_form.removeRow(0)
        self.party_dates = {}
        for p in (self.case_view.parties if self.case_view else []):
            edit = date_edit(default_today=False)   # rebuilt per case: not in self._editors
            edit.setPlaceholderText(self.tr("same as above"))
            edit.textChanged.connect(self._preview_effect)
            self.party_dates[p["id"]] = edit
            self.party_form.addRow(p["name"], edit)
        self.per_party.setChecked(False)
        self._preview_effect()

    def _per_party_toggled(self, on: bool) -> None:
        self.party_box.setVisible(on)
        self._preview_effect()

    def signing_values(self) -> dict:
        """What the signing fields say, as ``desk.agreements.sign`` takes it."""
        v: dict = {"signed_on": self.signed_on.text().strip() or None,
                   "sealed_on": self.sealed_on.text().strip() or None}
        if self.per_party.isChecked():
            v["party_dates"] = {pid: e.text().strip() for pid, e in self.party_dates.items()
                                if e.text().strip()}
        return v

    def _preview_effect(self, _text: str = "") -> None:
        """"In force from …": the last of the parties' signing dates and the seal date."""
        v = self.signing_values()
        common = v["signed_on"] or ""
        days = [(v.get("party_dates") or {}).get(pid) or common for pid in self.party_dates] \
            or [common]
        days.append(v["sealed_on"] or common or max(days, default=""))
        try:
            last = max(date.fromisoformat(d) for d in days)
        except (TypeError, ValueError):
            self.effective_preview.setText(self.tr(
                "In force from the day of the last signature or seal."))
            return
        self.effective_preview.setText(self.tr(
            "In force from {year}-{month}-{day} (the day of the last signature or seal)")
            .format(year=last.year, month=last.month, day=last.day))

    def _show_deadline(self, _text: str = "") -> None:
        """Next to the performance deadline: the date "within N days/months" comes to,
        counted from the agreement date (what the core stores on save)."""
        text = self.performance_deadline.text().strip()
        try:
            if deadlines.parse_within(text) is None:
                self.deadline_hint.clear()
                return
        except ValueError as exc:
            self.deadline_hint.setText(str(exc))
            return
        start = self.agreed_on.text().strip()
        try:
            day = deadlines.within_date(text, start)
        except ValueError:
            self.deadline_hint.setText(self.tr("counted from the agreement date: type it first"))
            return
        assert day is not None, "the text is a 'within' phrase: parse_within said so above"
        self.deadline_hint.setText(self.tr("= {date} (counted from the agreement date {start})")
                                   .format(date=day.isoformat(), start=start))

    def _form_changed(self, _i: int = 0) -> None:
        written = self.form_kind.currentData() == "written" or self.mode == "supplement"
        self.copies.setVisible(written)
        self.copies_hint.setVisible(written and self.save_button.isVisible())
        self.copies_label.setVisible(written)

    def facts_offered(self) -> str:
        """The case's brief facts and what the last mediation record found."""
        case = self.case_view
        parts = [case.summary if case else ""]
        sittings = case.mediations if case else []
        if sittings and sittings[-1].get("findings"):
            parts.append(sittings[-1]["findings"])
        return "\n".join(p.strip() for p in parts if p and p.strip())

    def offer_facts(self) -> None:
        """Put the offered facts into the facts field (below what is typed there, if any)."""
        offered = self.facts_offered()
        typed = plain_text(self.facts)
        if offered and offered not in typed:
            self.facts.setPlainText(f"{typed}\n{offered}" if typed else offered)

    # --- actions ---------------------------------------------------------------------------
    def start_new(self) -> None:
        """Enter a new main agreement (after the previous one was voided)."""
        self.mode = "new"
        self._show_agreement()

    def start_supplement(self) -> None:
        """Enter a supplementary agreement to the agreement in force shown."""
        if self.agreement is None:
            return
        self.mode = "supplement"
        self._show_agreement()

    def cancel(self) -> None:
        self.mode = "view"
        self._show_agreement()

    def values(self) -> dict:
        written = self.form_kind.currentData() == "written" or self.mode == "supplement"
        return dict(agreed_on=self.agreed_on.text().strip(), place=self.place.text(),
                    facts=plain_text(self.facts), terms=[r[0] for r in self.terms.rows()],
                    performance_method=self.performance_method.text(),
                    performance_deadline=self.performance_deadline.text().strip(),
                    amount_fen=self.amount.text().strip() or 0,
                    copies=self.copies.value() if written else None,
                    mediators=self.mediators.names(), recorder=self.recorder.text())

    def save(self) -> None:
        """Record the new agreement / supplement, or save changes to an unsigned one."""
        self.errors.clear_all()
        v = self.values()
        case_id = self.path.case_id
        if self.mode == "new":
            form = self.form_kind.currentData()
            if form == "oral" and not Messages.confirm(self, self.tr(
                    "An oral agreement takes effect on the day it is reached (Art. 30) and "
                    "cannot be changed afterwards. Record it?")):
                return
            if form == "oral":
                del v["copies"]
            self.run(lambda desk, today: desk.agreements.create(case_id, form=form, today=today,
                                                                **v),
                     self._created, label=self.tr("Saving…"))
        elif self.mode == "supplement":
            assert self.agreement is not None, "start_supplement needs an agreement shown"
            original = self.agreement["id"]
            self.run(lambda desk, today: desk.agreements.supplement(original, today=today, **v),
                     self._created, label=self.tr("Saving…"))
        elif self.agreement is not None:
            aid, base = self.agreement["id"], dict(self.agreement)  # as shown: no silent overwrite
            self.run(lambda desk, today: desk.agreements.update(aid, today=today, based_on=base,
                                                                **v),
                     label=self.tr("Saving…"))

    def _created(self, agreement_id: str) -> None:
        self.mode = "view"
        self._want_id = agreement_id

    def choose_scan(self) -> None:
        path = Files.choose_scan(self, self.tr("Scan of the signed agreement"))
        if path:
            self.scan_path = path
            self.scan_label.setText(Path(path).name)
            self.errors.clear("file")

    def sign(self) -> None:
        """Record the signing date (and the scan) of the written agreement shown."""
        if self.agreement is None:
            return
        self.errors.clear_all()
        if not self.scan_path and not Messages.confirm(self, self.tr(
                "Record the signing without a scan of the signed copy?")):
            return
        aid, v, scan = self.agreement["id"], self.signing_values(), self.scan_path
        self.run(lambda desk, today: desk.agreements.sign(aid, scan=scan or None, today=today,
                                                          **v),
                 lambda _r: self._signed(), label=self.tr("Saving…"))

    def _signed(self) -> None:
        self.scan_path = ""
        self.scan_label.setText(self.tr("no scan chosen"))

    def void(self) -> "VoidDialog | None":
        if self.agreement is None:
            return None
        return open_dialog(self, VoidDialog(self.path, self.agreement, self))

    def apply_confirmation(self) -> None:
        if self.agreement is None:
            return
        self.errors.clear_all()
        aid, day = self.agreement["id"], self.applied_on.text().strip()
        court, note = self.court.text().strip(), self.apply_note.text().strip()
        self.run(lambda desk, today: desk.confirmations.apply(aid, applied_on=day, court=court,
                                                              note=note, today=today))

    def record_result(self) -> None:
        k = self._confirmation()
        if not k:
            return
        self.errors.clear_all()
        kid, result, base = k["id"], self.result.currentData(), dict(k)
        day, number = self.result_on.text().strip(), self.court_case_no.text().strip()
        self.run(lambda desk, today: desk.confirmations.record_result(
            kid, result=result, result_on=day, court_case_no=number, today=today,
            based_on=base))


class VoidDialog(RecordDialog):
    """Void an agreement with a reason (it keeps its number)."""

    def __init__(self, path: CasePath, agreement: dict, parent: QWidget | None = None):
        super().__init__(path, parent)
        self.agreement = agreement
        self.setWindowTitle(self.tr("Void agreement {no}").format(no=agreement["agreement_no"]))
        self.form.addRow(note_label(self.tr(
            "Only an agreement not yet in force can be voided. A voided agreement keeps its "
            "number and stays on record. Voiding the main agreement sends the case back to "
            "mediation (mediate again, or end it).")))
        self.reason = self.row("reason", self.tr("Reason"), text_area(3))
        self.voided_on = self.row("voided_on", self.tr("Voided on"), date_edit())
        fit_to_screen(self, 640, 360)

    def make_op(self):
        aid, reason, day = self.agreement["id"], plain_text(self.reason), \
            self.voided_on.text().strip()
        return lambda desk, today: desk.agreements.void(aid, reason=reason, voided_on=day,
                                                        today=today)
