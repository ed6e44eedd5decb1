"""Tab "Outcome and risks": the outcome so far; ending mediation without agreement (the reason
and the routes explained, Art. 26) or the parties' withdrawal; escalation risks (criminal,
group petition, group fight) and the report to the police (Art. 25)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QVBoxLayout, QWidget)

from mediator_desk.core import workflow
from mediator_desk.core.outcomes import RISK_KINDS
from mediator_desk.gui.forms import (cell, fill_combo, fill_table, fit_to_screen, plain_text,
                                     set_role, table, text_area)
from mediator_desk.gui.messages import Messages
from mediator_desk.gui.tabs.case_path import (CasePath, PathTab, PathView, step_reason,
                                               transition_reason)
from mediator_desk.gui.tabs.record_dialog import RecordDialog, open_dialog
from mediator_desk.gui.tabs.widgets import (allow, button_row, chosen, date_edit, fit_rows,
                                            note_label, spin)


class OutcomeTab(PathTab):
    """The outcome, ending or withdrawal, and the risks of the case."""

    agreementRequested = Signal()     # "record an agreement" → the agreement tab

    def __init__(self, path: CasePath, parent: QWidget | None = None):
        super().__init__(path, parent)
        self.dialog: RecordDialog | None = None
        self._build()

    def _build(self) -> None:
        e = self.errors
        self.outcome_box = QGroupBox(self.tr("Outcome"))
        self.outcome_label = QLabel()
        set_role(self.outcome_label, "heading")
        self.outcome_label.setWordWrap(True)
        self.outcome_detail = note_label()
        self.agreement_hint = note_label(self.tr(
            "If the parties reached an agreement, record it (written or oral) on the "
            "Agreement tab."))
        self.agreement_button = QPushButton(self.tr("Go to the agreement"))
        self.agreement_button.clicked.connect(self.agreementRequested.emit)
        ol = QVBoxLayout(self.outcome_box)
        ol.addWidget(self.outcome_label)
        ol.addWidget(self.outcome_detail)
        hint_row = QHBoxLayout()
        hint_row.addWidget(self.agreement_hint, 1)
        hint_row.addWidget(self.agreement_button)
        ol.addLayout(hint_row)

        self.close_box = QGroupBox(self.tr("End without agreement, or withdrawal"))
        self.close_kind = self.editor(QComboBox())
        fill_combo(self.close_kind, [
            ("ended", self.tr("Mediation ended without agreement")),
            ("withdrawn", self.tr("The parties withdrew"))])
        self.closed_on = self.editor(date_edit())
        self.close_reason = self.editor(text_area(2))
        self.routes = self.editor(text_area(2))
        self.routes.setPlaceholderText(self.tr(
            "e.g. told both parties they may sue at the county court or apply for arbitration"))
        self.close_note = self.editor(QLineEdit())
        form = QFormLayout()
        form.addRow(self.tr("What happened"), self.close_kind)
        form.addRow(self.tr("Date"), e.wrap("closed_on", self.closed_on, "ended_on",
                                            "withdrawn_on"))
        form.addRow(self.tr("Reason"), e.wrap("reason", self.close_reason))
        self.routes_label = QLabel(self.tr("Other routes explained"))
        form.addRow(self.routes_label, e.wrap("routes_explained", self.routes))
        form.addRow(self.tr("Note"), e.wrap("note", self.close_note))
        self.close_button = self.action(QPushButton(self.tr("Record")))
        self.close_button.clicked.connect(self.record_closure)
        self.close_kind.currentIndexChanged.connect(self._kind_changed)
        self.close_form = QWidget()
        self.close_form.setLayout(form)
        cl = QVBoxLayout(self.close_box)
        cl.addWidget(note_label(self.tr(
            "Mediation is voluntary: when it fails, end it and tell the parties which other "
            "routes they have (court, arbitration, administrative bodies; Art. 26).")))
        cl.addWidget(self.close_form)
        cl.addLayout(button_row(self.close_button, right=True))

        self.risk_box = QGroupBox(self.tr("Escalation risks"))
        self.risks = table([self.tr("Risk"), self.tr("Found on"), self.tr("What was seen"),
                            self.tr("People"), self.tr("Report to the police"),
                            self.tr("Prevented")], stretch=2)
        fit_rows(self.risks, 3)
        self.flag_button = self.action(QPushButton(self.tr("Flag a risk…")))
        self.report_button = self.action(QPushButton(self.tr("Report to the police…")))
        self.prevented_button = self.action(QPushButton(self.tr("Mark as prevented")))
        self.remove_risk_button = self.action(QPushButton(self.tr("Delete")))
        self.flag_button.clicked.connect(lambda: self.flag_risk())
        self.report_button.clicked.connect(lambda: self.report())
        self.prevented_button.clicked.connect(lambda: self.mark_prevented())
        self.remove_risk_button.clicked.connect(lambda: self.remove_risk())
        self.risks.itemSelectionChanged.connect(self._risk_selected)
        rl = QVBoxLayout(self.risk_box)
        rl.addWidget(note_label(self.tr(
            "If a dispute may turn criminal, lead to a group petition or a group fight, or "
            "drive someone to suicide, take preventive steps and report it to the police "
            "promptly (Art. 25).")))
        rl.addWidget(self.risks)
        rl.addLayout(button_row(self.flag_button, self.report_button, self.prevented_button,
                                self.remove_risk_button))

        self.set_sections(self.outcome_box, self.close_box, self.risk_box)
        self._kind_changed()

    def _kind_changed(self, _i: int = 0) -> None:
        ended = self.close_kind.currentData() == "ended"
        self.routes.setVisible(ended)
        self.routes_label.setVisible(ended)
        self.errors.clear("routes_explained")
        if self.view is not None:
            self._allow_close()

    # --- showing --------------------------------------------------------------------------
    def show_view(self, view: PathView) -> None:
        out = view.case.outcome
        if out.kind:
            self.outcome_label.setText(self.tr("{outcome} ({day})").format(
                outcome=out.label, day=out.date))
        else:
            self.outcome_label.setText(self.tr("No outcome yet: the case is still open."))
        detail = []
        if out.reason:
            detail.append(self.tr("Reason: {reason}").format(reason=out.reason))
        if out.routes_explained:
            detail.append(self.tr("Routes explained: {routes}").format(
                routes=out.routes_explained))
        self.outcome_detail.setText("\n".join(detail))
        self.outcome_detail.setVisible(bool(detail))
        open_case = not out.kind and view.case.status in workflow.OPEN_STATUSES
        self.agreement_hint.setVisible(open_case)
        self.agreement_button.setVisible(open_case)
        # ending or withdrawing is for open cases (with an unsigned agreement the button
        # stays visible, disabled, saying that the agreement must be voided first)
        self.close_box.setVisible(view.case.status in workflow.OPEN_STATUSES)
        self._allow_close()

        rows, ids = [], []
        for r in view.case.risks:
            report = (self.tr("{day}, to {recipient}").format(day=r["reported_on"],
                                                               recipient=r["report_recipient"])
                      if r["reported_on"] else self.tr("not reported"))
            rows.append([r["kind_label"], r["flagged_on"], r["note"], str(r["people"] or ""),
                         report, self.tr("yes") if r["prevented"] else ""])
            ids.append(r["id"])
        fill_table(self.risks, rows, ids)
        for row, risk in enumerate(view.case.risks):
            if not risk["reported_on"]:
                cell(self.risks, row, 4).setForeground(QColor("#b00020"))
        allow(self.flag_button, step_reason(view.case.status, "risk"))
        self._risk_selected()

    def _allow_close(self) -> None:
        kind = self.close_kind.currentData()
        allow(self.close_button, transition_reason(self.status, kind))

    def _selected_risk(self) -> dict | None:
        return chosen(self.risks, self.case_view.risks if self.case_view else [])

    def _risk_selected(self) -> None:
        risk = self._selected_risk()
        self.report_button.setEnabled(risk is not None and not risk["reported_on"])
        self.prevented_button.setEnabled(risk is not None and not risk["prevented"])
        self.remove_risk_button.setEnabled(risk is not None and not risk["reported_on"])

    # --- actions ---------------------------------------------------------------------------
    def record_closure(self) -> None:
        self.errors.clear_all()
        case_id = self.path.case_id
        kind = self.close_kind.currentData()
        day = self.closed_on.text().strip()
        reason, note = plain_text(self.close_reason), self.close_note.text().strip()
        if kind == "ended":
            routes = plain_text(self.routes)
            question = self.tr("End the mediation without agreement? The case is then closed.")
            op = (lambda desk, today: desk.outcomes.end(
                case_id, ended_on=day, reason=reason, routes_explained=routes, note=note,
                today=today))
        else:
            question = self.tr("Record that the parties withdrew? The case is then closed.")
            op = (lambda desk, today: desk.outcomes.withdraw(
                case_id, withdrawn_on=day, reason=reason, note=note, today=today))
        if not Messages.confirm(self, question):
            return
        self.run(op, label=self.tr("Saving…"))

    def flag_risk(self) -> "RiskDialog":
        return open_dialog(self, RiskDialog(self.path, self))

    def report(self) -> "ReportDialog | None":
        risk = self._selected_risk()
        if risk is None:
            return None
        return open_dialog(self, ReportDialog(self.path, risk, self))

    def mark_prevented(self) -> None:
        risk = self._selected_risk()
        if risk is None:
            return
        rid, base = risk["id"], dict(risk)                 # as shown: no silent overwrite
        self.run(lambda desk, _t: desk.outcomes.update_risk(rid, based_on=base, prevented=True))

    def remove_risk(self) -> None:
        risk = self._selected_risk()
        if risk is None or not Messages.confirm(self, self.tr(
                "Delete the risk “{kind}” flagged by mistake?").format(kind=risk["kind_label"])):
            return
        rid = risk["id"]
        self.run(lambda desk, _t: desk.outcomes.remove_risk(rid))


class RiskDialog(RecordDialog):
    """Flag an escalation risk."""

    def __init__(self, path: CasePath, parent: QWidget | None = None):
        super().__init__(path, parent)
        self.setWindowTitle(self.tr("Flag an escalation risk"))
        self.kind = self.row("kind", self.tr("Risk"), QComboBox())
        fill_combo(self.kind, RISK_KINDS.items())
        self.flagged_on = self.row("flagged_on", self.tr("Found on"), date_edit())
        self.note = self.row("note", self.tr("What was seen"), text_area(3))
        self.people = self.row("people", self.tr("People involved"), spin())
        fit_to_screen(self, 640, 380)

    def make_op(self):
        case_id = self.path.case_id
        kind, day = self.kind.currentData(), self.flagged_on.text().strip()
        note, people = plain_text(self.note), self.people.value()
        return lambda desk, today: desk.outcomes.flag_risk(
            case_id, kind=kind, flagged_on=day, note=note, people=people, today=today)


class ReportDialog(RecordDialog):
    """Record the report of a risk to the police (Art. 25)."""

    def __init__(self, path: CasePath, risk: dict, parent: QWidget | None = None):
        super().__init__(path, parent)
        self.risk = risk
        self.setWindowTitle(self.tr("Report to the police"))
        self.form.addRow(QLabel(self.tr("Risk: {kind} (found on {day})").format(
            kind=risk["kind_label"], day=risk["flagged_on"])))
        self.reported_on = self.row("reported_on", self.tr("Reported on"), date_edit())
        self.recipient = self.row("recipient", self.tr("Reported to"), QLineEdit())
        self.recipient.setPlaceholderText(self.tr("police station and officer"))
        self.note = self.row("note", self.tr("Note"), text_area(2))
        fit_to_screen(self, 640, 340)

    def make_op(self):
        rid, base = self.risk["id"], dict(self.risk)       # as shown: no silent overwrite
        day, recipient = self.reported_on.text().strip(), self.recipient.text().strip()
        note = plain_text(self.note)
        return lambda desk, today: desk.outcomes.report_to_police(
            rid, reported_on=day, recipient=recipient, note=note, today=today, based_on=base)
