"""Tab "Acceptance and records": accept (consent) or refuse (reason), then the investigation
records (question/answer pairs) and mediation records of the case, several, in order."""

from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QGroupBox,
                               QLineEdit, QPushButton, QVBoxLayout, QWidget)

from mediator_desk.core.acceptance import CONSENT_FORMS, REFUSAL_REASONS
from mediator_desk.core.sessions import RESULTS
from mediator_desk.gui.forms import fill_combo, fill_table, fit_to_screen, table, text_area
from mediator_desk.gui.messages import Messages
from mediator_desk.gui.tabs.case_path import (CasePath, PathTab, PathView, step_reason,
                                               transition_reason)
from mediator_desk.gui.tabs.record_dialog import RecordDialog, open_dialog
from mediator_desk.gui.tabs.widgets import (NameCombo, NamePicker, RowsEditor, allow, button_row,
                                            chosen, date_edit, fit_rows, note_label, time_edit)


def _names(items) -> str:
    return "、".join(items or [])


class MediationTab(PathTab):
    """Acceptance, investigation records and mediation records."""

    def __init__(self, path: CasePath, parent: QWidget | None = None):
        super().__init__(path, parent)
        self.dialog: RecordDialog | None = None
        self._build()

    # --- layout ------------------------------------------------------------------------
    def _build(self) -> None:
        e = self.errors
        # acceptance
        self.acceptance_box = QGroupBox(self.tr("Acceptance"))
        self.acceptance_summary = note_label()
        self.decision = self.editor(QComboBox())
        fill_combo(self.decision, [("accept", self.tr("Accept: the parties consent")),
                                   ("refuse", self.tr("Refuse"))])
        self.decided_on = self.editor(date_edit())
        self.consent_form = self.editor(QComboBox())
        fill_combo(self.consent_form, CONSENT_FORMS.items())
        self.consent_note = self.editor(QLineEdit())
        self.rights_notice = self.editor(QCheckBox(
            self.tr("The notice of rights and duties was given to the parties")))
        self.refusal_reason = self.editor(QComboBox())
        fill_combo(self.refusal_reason, REFUSAL_REASONS.items(), blank=self.tr("(choose)"))
        self.refusal_note = self.editor(QLineEdit())
        self.refusal_note.setPlaceholderText(self.tr("which court, police or office, or why"))
        self.decide_button = self.action(QPushButton(self.tr("Record the decision")))
        self.decide_button.clicked.connect(self.decide)
        self.notice_button = self.action(QPushButton(self.tr("Rights notice given")))
        self.notice_button.setToolTip(self.tr(
            "Record that the notice of rights and duties was given"))
        self.notice_button.clicked.connect(self.record_notice)
        # one form (aligned labels); the rows of the other decision are hidden
        self.decision_form = QWidget()
        df = self.decision_layout = QFormLayout(self.decision_form)
        df.setContentsMargins(0, 0, 0, 0)
        df.addRow(self.tr("Decision"), self.decision)
        df.addRow(self.tr("Decided on"), e.wrap("decided_on", self.decided_on))
        self._accept_rows = [e.wrap("consent_form", self.consent_form),
                             e.wrap("consent_note", self.consent_note), self.rights_notice]
        df.addRow(self.tr("How the parties consented"), self._accept_rows[0])
        df.addRow(self.tr("Note"), self._accept_rows[1])
        df.addRow("", self._accept_rows[2])
        self._refuse_rows = [e.wrap("reason", self.refusal_reason),
                             e.wrap("note", self.refusal_note)]
        df.addRow(self.tr("Reason"), self._refuse_rows[0])
        df.addRow(self.tr("Note"), self._refuse_rows[1])
        self.decision.currentIndexChanged.connect(self._decision_changed)
        self._decision_changed()
        al = QVBoxLayout(self.acceptance_box)
        al.addWidget(self.acceptance_summary)
        al.addWidget(self.decision_form)
        al.addLayout(button_row(self.decide_button, self.notice_button))

        # investigation records
        self.investigation_box = QGroupBox(self.tr("Investigation records"))
        self.investigations = table([self.tr("No."), self.tr("Date"), self.tr("Person asked"),
                                     self.tr("Place"), self.tr("Investigators"),
                                     self.tr("Recorder"), self.tr("Questions")], stretch=2)
        fit_rows(self.investigations, 3)
        self.investigations.doubleClicked.connect(lambda _i: self.edit_investigation())
        self.add_investigation_button = self.action(QPushButton(
            self.tr("Add investigation record…")))
        self.edit_investigation_button = self.action(QPushButton(self.tr("Edit…")))
        self.remove_investigation_button = self.action(QPushButton(self.tr("Delete")))
        self.add_investigation_button.clicked.connect(lambda: self.add_investigation())
        self.edit_investigation_button.clicked.connect(lambda: self.edit_investigation())
        self.remove_investigation_button.clicked.connect(lambda: self.remove_investigation())
        il = QVBoxLayout(self.investigation_box)
        il.addWidget(self.investigations)
        il.addLayout(button_row(self.add_investigation_button, self.edit_investigation_button,
                          self.remove_investigation_button))

        # mediation records
        self.mediation_box = QGroupBox(self.tr("Mediation records"))
        self.mediations = table([self.tr("No."), self.tr("Date"), self.tr("Place"),
                                 self.tr("Mediators"), self.tr("Parties present"),
                                 self.tr("Recorder"), self.tr("Result")], stretch=4)
        fit_rows(self.mediations, 3)
        self.mediations.doubleClicked.connect(lambda _i: self.edit_mediation())
        self.add_mediation_button = self.action(QPushButton(self.tr("Add mediation record…")))
        self.edit_mediation_button = self.action(QPushButton(self.tr("Edit…")))
        self.remove_mediation_button = self.action(QPushButton(self.tr("Delete")))
        self.add_mediation_button.clicked.connect(lambda: self.add_mediation())
        self.edit_mediation_button.clicked.connect(lambda: self.edit_mediation())
        self.remove_mediation_button.clicked.connect(lambda: self.remove_mediation())
        ml = QVBoxLayout(self.mediation_box)
        ml.addWidget(self.mediations)
        ml.addLayout(button_row(self.add_mediation_button, self.edit_mediation_button,
                          self.remove_mediation_button))

        self.set_sections(self.acceptance_box, self.investigation_box, self.mediation_box)

    def _decision_changed(self, _i: int = 0) -> None:
        accept = self.decision.currentData() == "accept"
        for w in self._accept_rows:
            self.decision_layout.setRowVisible(w, accept)
        for w in self._refuse_rows:
            self.decision_layout.setRowVisible(w, not accept)

    # --- showing --------------------------------------------------------------------------
    def show_view(self, view: PathView) -> None:
        case = view.case
        acc = case.acceptance
        status = case.status
        if acc is None:
            self.acceptance_summary.setText(self.tr(
                "Not decided yet. Accept the case when the parties agree to mediation; refuse "
                "it when a party clearly refuses (Art. 17), it is outside people's mediation, "
                "or a court, the police or an administrative body already handles it."))
        elif acc["decision"] == "accepted":
            text = self.tr("Accepted on {day} ({how}).").format(day=acc["decided_on"],
                                                                 how=acc["consent_form_label"])
            if acc["consent_note"]:
                text += " " + acc["consent_note"]
            text += " " + (self.tr("Notice of rights and duties given.")
                           if acc["rights_notice_given"]
                           else self.tr("Notice of rights and duties not yet recorded."))
            self.acceptance_summary.setText(text)
        else:
            text = self.tr("Refused on {day}: {reason}").format(
                day=acc["decided_on"], reason=acc["refusal_reason_label"])
            if acc["refusal_note"]:
                text += f"（{acc['refusal_note']}）"
            self.acceptance_summary.setText(text)
        undecided = acc is None
        self.decision_form.setVisible(undecided)
        self.decide_button.setVisible(undecided)
        allow(self.decide_button, transition_reason(status, "accepted"))
        self.notice_button.setVisible(acc is not None and acc["decision"] == "accepted"
                                      and not acc["rights_notice_given"])

        fill_table(self.investigations, [
            [str(r["no"]), r["held_on"] + (f" {r['start_time']}" if r["start_time"] else ""),
             r["subject"], r["place"], _names(r["investigators"]), r["recorder"],
             str(len(r["qa"]))] for r in case.investigations],
            [r["id"] for r in case.investigations])
        fill_table(self.mediations, [
            [str(r["no"]), r["held_on"] + (f" {r['start_time']}" if r["start_time"] else ""),
             r["place"], _names(r["mediators"]), _names(r["parties_present"]), r["recorder"],
             r["result_label"]] for r in case.mediations],
            [r["id"] for r in case.mediations])
        reason = step_reason(status, "record_session")
        allow(self.add_investigation_button, reason)
        allow(self.add_mediation_button, reason)
        for b, t in ((self.edit_investigation_button, self.investigations),
                     (self.remove_investigation_button, self.investigations),
                     (self.edit_mediation_button, self.mediations),
                     (self.remove_mediation_button, self.mediations)):
            b.setEnabled(t.rowCount() > 0)

    # --- acceptance -------------------------------------------------------------------------
    def decide(self) -> None:
        """Accept or refuse with the values in the form."""
        self.errors.clear_all()
        case_id = self.path.case_id
        day = self.decided_on.text().strip()
        if self.decision.currentData() == "accept":
            form = self.consent_form.currentData()
            note = self.consent_note.text().strip()
            notice = self.rights_notice.isChecked()
            self.run(lambda desk, today: desk.acceptance.accept(
                case_id, decided_on=day, consent_form=form, consent_note=note,
                rights_notice_given=notice, today=today), label=self.tr("Saving…"))
            return
        if not Messages.confirm(self, self.tr(
                "Refuse this case? A refused case stays on record but cannot be mediated.")):
            return
        reason = self.refusal_reason.currentData() or ""
        note = self.refusal_note.text().strip()
        self.run(lambda desk, today: desk.acceptance.refuse(
            case_id, decided_on=day, reason=reason, note=note, today=today),
            label=self.tr("Saving…"))

    def record_notice(self) -> None:
        case_id = self.path.case_id
        shown = self.case_view.acceptance if self.case_view else None
        base = dict(shown) if shown else None       # as shown: no silent overwrite
        self.run(lambda desk, _today: desk.acceptance.set_rights_notice(case_id, True,
                                                                        based_on=base))

    # --- records ------------------------------------------------------------------------------
    # Investigation and mediation records are handled alike: (list widget, the records shown,
    # dialog class, core remover, confirmation text).
    def _records(self, kind: str):
        case = self.case_view
        if kind == "investigation":
            return (self.investigations, case.investigations if case else [], InvestigationDialog,
                    lambda desk, rid: desk.sessions.remove_investigation(rid),
                    self.tr("Delete investigation record {no} ({day})? "
                            "This is recorded in the history."))
        return (self.mediations, case.mediations if case else [], MediationDialog,
                lambda desk, rid: desk.sessions.remove_mediation(rid),
                self.tr("Delete mediation record {no} ({day})? This is recorded in the history."))

    def _add_record(self, kind: str):
        _list, _rows, dialog, _remove, _ask = self._records(kind)
        return open_dialog(self, dialog(self.path, None, self))

    def _edit_record(self, kind: str):
        widget, rows, dialog, _remove, _ask = self._records(kind)
        record = chosen(widget, rows)
        if record is None:
            return None
        return open_dialog(self, dialog(self.path, record, self))

    def _remove_record(self, kind: str) -> None:
        widget, rows, _dialog, remove, ask = self._records(kind)
        record = chosen(widget, rows)
        if record is None or not Messages.confirm(
                self, ask.format(no=record["no"], day=record["held_on"])):
            return
        rid = record["id"]
        self.run(lambda desk, _t: remove(desk, rid))

    def add_investigation(self) -> "InvestigationDialog":
        return self._add_record("investigation")

    def edit_investigation(self) -> "InvestigationDialog | None":
        return self._edit_record("investigation")

    def remove_investigation(self) -> None:
        self._remove_record("investigation")

    def add_mediation(self) -> "MediationDialog":
        return self._add_record("mediation")

    def edit_mediation(self) -> "MediationDialog | None":
        return self._edit_record("mediation")

    def remove_mediation(self) -> None:
        self._remove_record("mediation")

def _mediator_names(path: CasePath) -> list[str]:
    case = path.case_view
    return [m["name"] for m in case.mediators] if case else []


def _party_names(path: CasePath) -> list[str]:
    case = path.case_view
    return [p["name"] for p in case.parties] if case else []


def _current_mediator(path: CasePath) -> str:
    """The person using the desk (the current mediator): the usual recorder of a new record.
    Who was present is never filled in (see NamePicker)."""
    return getattr(path.window.context, "user", "") or ""


class _SittingDialog(RecordDialog):
    """A record of one sitting — an investigation or a mediation: its date, times and place
    come first; the subclass adds its own fields, then calls :meth:`fill`."""

    def __init__(self, path: CasePath, record: dict | None, title: str,
                 parent: QWidget | None = None):
        super().__init__(path, parent)
        self.setWindowTitle(title)
        self.record = record
        self.held_on = self.row("held_on", self.tr("Date"), date_edit())
        self.start_time = self.row("start_time", self.tr("Start time"),
                                   time_edit(self.tr("e.g. 14:30")))
        self.end_time = self.row("end_time", self.tr("End time"), time_edit(self.tr("e.g. 15:10")))
        self.place = self.row("place", self.tr("Place"), QLineEdit())

    def fill(self, recorder: QLineEdit) -> None:
        """The record as loaded; a new one is recorded by the person at the desk."""
        if self.record:
            self.load(self.record)
        else:
            recorder.setText(_current_mediator(self.path))


class InvestigationDialog(_SittingDialog):
    """Add or edit one investigation record (调查记录)."""

    def __init__(self, path: CasePath, record: dict | None, parent: QWidget | None = None):
        super().__init__(path, record, self.tr("Edit investigation record") if record
                         else self.tr("New investigation record"), parent)
        self.subject = self.row("subject", self.tr("Person asked"), NameCombo(
            _party_names(path), self.tr("choose a party, or type another name")))
        self.participants = self.row("participants", self.tr("Others present"), QLineEdit(),
                                     write=lambda w, v: w.setText(_names(v)))
        self.participants.setPlaceholderText(self.tr("names separated by 、"))
        self.investigators = self.row("investigators", self.tr("Investigators"),
                                      NamePicker(self.tr("others, separated by 、")))
        self.investigators.set_choices(_mediator_names(path))
        self.recorder = self.row("recorder", self.tr("Recorder"), QLineEdit())
        self.qa = self.row("qa", self.tr("Questions and answers"),
                           RowsEditor([self.tr("Question"), self.tr("Answer")]),
                           read=lambda w: [{"q": q, "a": a} for q, a in w.rows()],
                           write=lambda w, v: w.set_rows([[p["q"], p["a"]] for p in v]))
        fit_rows(self.qa.table, 7)
        self.note = self.row("note", self.tr("Note"), text_area(2))
        self.fill(self.recorder)
        fit_to_screen(self, 800, 760)

    def values(self) -> dict:
        return self.field_values()

    def make_op(self):
        v = self.values()
        if self.record:
            rid, base = self.record["id"], dict(self.record)   # as loaded: no silent overwrite
            return lambda desk, today: desk.sessions.update_investigation(
                rid, today=today, based_on=base, **v)
        case_id = self.path.case_id
        return lambda desk, today: desk.sessions.add_investigation(case_id, today=today, **v)


class MediationDialog(_SittingDialog):
    """Add or edit one mediation record (调解记录)."""

    def __init__(self, path: CasePath, record: dict | None, parent: QWidget | None = None):
        super().__init__(path, record, self.tr("Edit mediation record") if record
                         else self.tr("New mediation record"), parent)
        self.matter = self.row("matter", self.tr("Matter"), QLineEdit())
        self.mediators = self.row("mediators", self.tr("Mediators"),
                                  NamePicker(self.tr("others, separated by 、")))
        self.mediators.set_choices(_mediator_names(path))
        self.parties_present = self.row("parties_present", self.tr("Parties present"),
                                        NamePicker(self.tr("others, separated by 、")))
        self.parties_present.set_choices(_party_names(path))
        self.participants = self.row("participants", self.tr("Invited participants"),
                                     QLineEdit(), write=lambda w, v: w.setText(_names(v)))
        self.participants.setPlaceholderText(self.tr(
            "relatives, experts … (not mediators, parties or the recorder)"))
        self.recorder = self.row("recorder", self.tr("Recorder"), QLineEdit())
        self.rights_notice = self.row("rights_notice_given", "", QCheckBox(
            self.tr("The parties were told their rights and duties")))
        self.statements = self.row("statements", self.tr("What each side said"), text_area(3))
        self.findings = self.row("findings", self.tr("Facts checked"), text_area(3))
        self.risk_warning = self.row("risk_warning", self.tr("Risk warning"), text_area(2))
        self.result_choice = self.row("result", self.tr("Result"), QComboBox())
        fill_combo(self.result_choice, RESULTS.items())
        self.result_note = self.row("result_note", self.tr("Result in detail"), text_area(2))
        self.routes = self.row("routes_explained", self.tr("Other routes explained"),
                               text_area(2))
        self.routes.setPlaceholderText(self.tr(
            "e.g. told both parties they may sue at the county court or apply for arbitration"))
        self.result_choice.currentIndexChanged.connect(self._result_changed)
        self.fill(self.recorder)
        self._result_changed()
        fit_to_screen(self, 820, 720)

    def _result_changed(self, _i: int = 0) -> None:
        self.routes.setEnabled(self.result_choice.currentData() == "failed")

    def values(self) -> dict:
        values = self.field_values()
        if values["result"] != "failed":
            values["routes_explained"] = ""          # only when mediation failed
        return values

    def make_op(self):
        v = self.values()
        if self.record:
            rid, base = self.record["id"], dict(self.record)   # as loaded: no silent overwrite
            return lambda desk, today: desk.sessions.update_mediation(
                rid, today=today, based_on=base, **v)
        case_id = self.path.case_id
        return lambda desk, today: desk.sessions.add_mediation(case_id, today=today, **v)
