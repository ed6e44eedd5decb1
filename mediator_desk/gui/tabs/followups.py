"""Tab "Performance and follow-up": the performance status of the agreements in force (with
proof attachments), the follow-up plan (a visit due N days after the performance deadline,
or a day the mediator sets) and the follow-up visits (回访记录)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QListWidget, QPushButton, QVBoxLayout, QWidget)

from mediator_desk.core import deadlines
from mediator_desk.core.agreements import PERFORMANCE
from mediator_desk.core.followups import SATISFACTION
from mediator_desk.gui.files import Files
from mediator_desk.gui.forms import (fill_combo, fill_table, fit_to_screen, plain_text,
                                     select_code, table, text_area)
from mediator_desk.gui.messages import Messages
from mediator_desk.gui.tabs.case_path import CasePath, PathTab, PathView, step_reason
from mediator_desk.gui.tabs.record_dialog import RecordDialog, open_dialog
from mediator_desk.gui.tabs.widgets import (WARN_STYLE, allow, button_row, chosen, date_edit,
                                            fit_rows, note_label)



class FollowUpTab(PathTab):
    """Performance, the follow-up plan and the visits."""

    def __init__(self, path: CasePath, parent: QWidget | None = None):
        super().__init__(path, parent)
        self.dialog: RecordDialog | None = None
        self.proof_path = ""
        self._build()

    def _build(self) -> None:
        e = self.errors
        self.empty_note = note_label()
        self.chooser = QComboBox()
        self.chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.chooser.activated.connect(lambda _i: self._show_agreement())
        self.chooser_row = QWidget()
        cr = QHBoxLayout(self.chooser_row)
        cr.setContentsMargins(0, 0, 0, 0)
        cr.addWidget(QLabel(self.tr("Agreement")))
        cr.addWidget(self.chooser)
        cr.addStretch(1)

        # performance
        self.performance_box = QGroupBox(self.tr("Performance"))
        self.performance_label = QLabel()
        self.performance_label.setWordWrap(True)
        self.performance_status = self.editor(QComboBox())
        fill_combo(self.performance_status, PERFORMANCE.items())
        self.checked_on = self.editor(date_edit())
        self.performance_note = self.editor(QLineEdit())
        self.proof_label = QLabel(self.tr("no proof chosen"))
        self.choose_proof_button = self.action(QPushButton(self.tr("Choose proof…")))
        self.choose_proof_button.setToolTip(self.tr(
            "A scan or photo of a receipt, a transfer slip …"))
        self.choose_proof_button.clicked.connect(self.choose_proof)
        self.performance_button = self.action(QPushButton(self.tr("Record performance")))
        self.performance_button.clicked.connect(self.record_performance)
        self.proofs = QListWidget()
        self.proofs.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        pf = QFormLayout()
        pf.addRow(self.tr("Status"), e.wrap("status", self.performance_status))
        pf.addRow(self.tr("Checked on"), e.wrap("checked_on", self.checked_on))
        pf.addRow(self.tr("Note"), e.wrap("note", self.performance_note))
        proof_row = QHBoxLayout()
        proof_row.addWidget(e.wrap("file", self.proof_label), 1)
        proof_row.addWidget(self.choose_proof_button)
        pf.addRow(self.tr("Proof"), proof_row)
        self.performance_form = self.action(QWidget())
        self.performance_form.setLayout(pf)
        pl = QVBoxLayout(self.performance_box)
        pl.addWidget(self.performance_label)
        pl.addWidget(self.performance_form)
        pl.addLayout(button_row(self.performance_button, right=True))
        self.proofs_label = QLabel(self.tr("Proof of performance on file"))
        pl.addWidget(self.proofs_label)
        pl.addWidget(self.proofs)

        # plan
        self.plan_box = QGroupBox(self.tr("Follow-up plan"))
        self.plan_label = QLabel()
        self.plan_label.setWordWrap(True)
        self.plan_date = self.editor(date_edit(default_today=False))
        self.plan_date.setPlaceholderText(self.tr("empty: the default day"))
        self.plan_button = self.action(QPushButton(self.tr("Set the visit day")))
        self.plan_button.clicked.connect(self.set_plan)
        self.plan_row = self.action(QWidget())
        plan_row = QHBoxLayout(self.plan_row)
        plan_row.setContentsMargins(0, 0, 0, 0)
        plan_row.addWidget(QLabel(self.tr("Visit on")))
        plan_row.addWidget(e.wrap("due_on", self.plan_date))
        plan_row.addWidget(self.plan_button)
        plan_row.addStretch(1)
        ll = QVBoxLayout(self.plan_box)
        ll.addWidget(self.plan_label)
        ll.addWidget(self.plan_row)

        # visits
        self.visits_box = QGroupBox(self.tr("Follow-up visits"))
        self.visits = table([self.tr("Date"), self.tr("Agreement"), self.tr("Party visited"),
                             self.tr("Visitor"), self.tr("Performance"),
                             self.tr("Satisfaction"), self.tr("Findings")], stretch=6)
        fit_rows(self.visits, 3)
        self.visits.doubleClicked.connect(lambda _i: self.edit_visit())
        self.add_visit_button = self.action(QPushButton(self.tr("Add follow-up visit…")))
        self.edit_visit_button = self.action(QPushButton(self.tr("Edit…")))
        self.remove_visit_button = self.action(QPushButton(self.tr("Delete")))
        self.add_visit_button.clicked.connect(lambda: self.add_visit())
        self.edit_visit_button.clicked.connect(lambda: self.edit_visit())
        self.remove_visit_button.clicked.connect(lambda: self.remove_visit())
        vl = QVBoxLayout(self.visits_box)
        vl.addWidget(self.visits)
        vl.addLayout(button_row(self.add_visit_button, self.edit_visit_button,
                                self.remove_visit_button))

        self.set_sections(self.empty_note, self.chooser_row, self.performance_box,
                          self.plan_box, self.visits_box)

    # --- showing --------------------------------------------------------------------------
    def in_force(self) -> list[dict]:
        """Agreements in force (main and supplementary), oldest first."""
        case = self.case_view
        return [a.row for a in (case.agreements if case else []) if a.row["state"] == "in_force"]

    def agreement(self) -> dict | None:
        aid = self.chooser.currentData()
        return next((a for a in self.in_force() if a["id"] == aid), None)

    def show_view(self, view: PathView) -> None:
        agreements = self.in_force()
        current = self.chooser.currentData()
        self.chooser.clear()
        for a in agreements:
            kind = self.tr("Supplementary") if a["is_supplement"] else a["form_label"]
            self.chooser.addItem(f"{a['agreement_no']}　{kind}", a["id"])
        if agreements:
            main = next((a for a in agreements if not a["is_supplement"]), agreements[0])
            index = self.chooser.findData(current)
            self.chooser.setCurrentIndex(index if index >= 0 else
                                         self.chooser.findData(main["id"]))
        self.chooser_row.setVisible(len(agreements) > 1)
        has = bool(agreements)
        self.empty_note.setText(self.tr(
            "Performance and follow-up visits start when an agreement is in force (a written "
            "agreement once it is signed; an oral one on the day it is reached)."))
        self.empty_note.setVisible(not has)
        self.performance_box.setVisible(has)
        self.plan_box.setVisible(has)
        rows, ids = [], []
        for f in view.case.followups:
            findings = []
            if f["lawsuit"]:
                findings.append(self.tr("lawsuit: {note}").format(note=f["lawsuit_note"]))
            if f["wrong_mediation"]:
                findings.append(self.tr("signs of wrong mediation: {note}").format(
                    note=f["wrong_mediation_note"]))
            if f["escalation_risk"]:
                findings.append(self.tr("escalation risk: {note}").format(
                    note=f["escalation_note"]))
            if f["action_taken"]:
                findings.append(self.tr("action: {note}").format(note=f["action_taken"]))
            if f["note"]:
                findings.append(f["note"])
            if not findings:
                findings.append(self.tr("no problems found"))
            rows.append([f["visited_on"], f["agreement_no"], f["party"], f["visitor"],
                         f["performance_label"], f["satisfaction_label"], "；".join(findings)])
            ids.append(f["id"])
        fill_table(self.visits, rows, ids)
        allow(self.add_visit_button, step_reason(view.case.status, "follow_up") or (
            "" if has else self.tr("No agreement is in force")))
        self.edit_visit_button.setEnabled(bool(rows))
        self.remove_visit_button.setEnabled(bool(rows))
        self._show_agreement()

    def _show_agreement(self) -> None:
        a, view = self.agreement(), self.view
        if a is None or view is None:
            return
        text = self.tr("Performance: {status}").format(status=a["performance_label"])
        if a["performance_checked_on"]:
            text += self.tr(" (checked on {day})").format(day=a["performance_checked_on"])
        if a["performance_note"]:
            text += f"　{a['performance_note']}"
        if a["performance_deadline"]:
            text += "\n" + self.tr("To be performed by {day}; method: {method}").format(
                day=a["performance_deadline"], method=a["performance_method"] or "—")
        overdue = (a["performance_deadline"] and a["performance_deadline"] < view.today
                   and a["performance_status"] != "performed")
        self.performance_label.setText(text)
        self.performance_label.setStyleSheet(WARN_STYLE if overdue else "")
        select_code(self.performance_status, a["performance_status"])
        allow(self.performance_button, step_reason(view.case.status, "performance"))
        self.proofs.clear()
        for att in next((x.attachments for x in view.case.agreements
                         if x.row["id"] == a["id"]), []):
            if att["item"] != "performance":
                continue
            name = att["file_name"] + ("" if att["exists"] else self.tr(" (file missing)"))
            self.proofs.addItem(f"{att['added_on'] or ''}　{name}")
        self.proofs.setVisible(self.proofs.count() > 0)
        self.proofs_label.setVisible(self.proofs.count() > 0)
        # plan
        planned = a["followup_planned"]
        visits = [f for f in view.case.followups if f["agreement_id"] == a["id"]]
        if planned:
            left = deadlines.countdown_text(planned, view.today)
            if visits:
                text = self.tr("Visit planned for {day}; visited on {last}.").format(
                    day=planned, last=visits[-1]["visited_on"])
                style = ""
            else:
                text = self.tr("Visit planned for {day} — {left}.").format(day=planned,
                                                                           left=left)
                style = WARN_STYLE if planned <= view.today else ""
            if a["followup_due"]:
                text += " " + self.tr("(day set by the mediator)")
            elif a["performance_deadline"]:
                text += " " + self.tr("(the default: {n} days after the performance deadline)"
                                      ).format(n=view.followup_days)
            else:
                text += " " + self.tr("(the default: {n} days after the agreement took effect)"
                                      ).format(n=view.followup_days)
        else:
            text, style = self.tr("No visit planned."), ""
        self.plan_label.setText(text)
        self.plan_label.setStyleSheet(style)
        self.plan_date.setText(a["followup_due"])

    # --- actions ---------------------------------------------------------------------------
    def choose_proof(self) -> None:
        path = Files.choose_scan(self, self.tr("Proof of performance"))
        if path:
            self.proof_path = path
            self.proof_label.setText(Path(path).name)
            self.errors.clear("file")

    def record_performance(self) -> None:
        a = self.agreement()
        if a is None:
            return
        self.errors.clear_all()
        aid, status = a["id"], self.performance_status.currentData()
        day, note, proof = (self.checked_on.text().strip(), self.performance_note.text().strip(),
                            self.proof_path)
        self.run(lambda desk, today: desk.agreements.record_performance(
            aid, status=status, checked_on=day, note=note, proof=proof or None, today=today),
            lambda _r: self._performance_recorded(), label=self.tr("Saving…"))

    def _performance_recorded(self) -> None:
        self.proof_path = ""
        self.proof_label.setText(self.tr("no proof chosen"))
        self.performance_note.clear()

    def set_plan(self) -> None:
        a = self.agreement()
        if a is None:
            return
        self.errors.clear_all()
        aid, day = a["id"], self.plan_date.text().strip()
        self.run(lambda desk, _t: desk.agreements.plan_followup(aid, day))

    def _visit(self) -> dict | None:
        return chosen(self.visits, self.case_view.followups if self.case_view else [])

    def add_visit(self) -> "FollowUpDialog":
        return open_dialog(self, FollowUpDialog(self.path, None, self.chooser.currentData(),
                                                self))

    def edit_visit(self) -> "FollowUpDialog | None":
        visit = self._visit()
        if visit is None:
            return None
        return open_dialog(self, FollowUpDialog(self.path, visit, visit["agreement_id"], self))

    def remove_visit(self) -> None:
        visit = self._visit()
        if visit is None or not Messages.confirm(self, self.tr(
                "Delete the follow-up visit of {day}? This is recorded in the history.")
                .format(day=visit["visited_on"])):
            return
        fid = visit["id"]
        self.run(lambda desk, _t: desk.followups.remove(fid))


class FollowUpDialog(RecordDialog):
    """Add or edit a follow-up visit (回访记录)."""

    def __init__(self, path: CasePath, visit: dict | None, agreement_id: str | None,
                 parent: QWidget | None = None):
        super().__init__(path, parent)
        self.visit = visit
        self.setWindowTitle(self.tr("Edit follow-up visit") if visit
                            else self.tr("New follow-up visit"))
        case = path.case_view
        self.agreement = self.row("agreement", self.tr("Agreement"), QComboBox())
        for a in (x.row for x in (case.agreements if case else [])):
            if a["state"] == "in_force" or (visit and a["id"] == visit["agreement_id"]):
                self.agreement.addItem(a["agreement_no"], a["id"])
        select_code(self.agreement, agreement_id or "")
        self.agreement.setEnabled(visit is None)
        self.visited_on = self.row("visited_on", self.tr("Visited on"), date_edit())
        self.party = self.row("party", self.tr("Party visited"), QComboBox())
        self.party.setEditable(True)
        self.party.addItems([""] + [p["name"] for p in (case.parties if case else [])])
        self.party.setCurrentIndex(0)
        self.reason = self.row("reason", self.tr("Reason for the visit"), QLineEdit())
        self.reason.setPlaceholderText(self.tr("e.g. check that the agreement was performed"))
        self.performance = self.row("performance", self.tr("Performance found"), QComboBox())
        fill_combo(self.performance, PERFORMANCE.items(), blank=self.tr("(not checked)"))
        self.satisfaction = self.row("satisfaction", self.tr("Satisfaction"), QComboBox())
        fill_combo(self.satisfaction, SATISFACTION.items(), blank=self.tr("(not asked)"))
        self.lawsuit = QCheckBox(self.tr("A party has gone to court since"))
        self.form.addRow("", self.errors.wrap("lawsuit", self.lawsuit))
        self.lawsuit_note = self.row("lawsuit_note", self.tr("About the lawsuit"), QLineEdit())
        self.wrong = QCheckBox(self.tr("Signs that the mediation was wrong"))
        self.form.addRow("", self.errors.wrap("wrong_mediation", self.wrong))
        self.wrong_note = self.row("wrong_mediation_note", self.tr("What was wrong"),
                                   QLineEdit())
        self.escalation = QCheckBox(self.tr("Escalation or hidden risk"))
        self.form.addRow("", self.errors.wrap("escalation_risk", self.escalation))
        self.escalation_note = self.row("escalation_note", self.tr("About the risk"),
                                        QLineEdit())
        self.action_taken = self.row("action_taken", self.tr("Action taken"), text_area(2))
        self.visitor = self.row("visitor", self.tr("Visitor"), QLineEdit())
        self.note = self.row("note", self.tr("Note"), text_area(2))
        for box, edit in ((self.lawsuit, self.lawsuit_note), (self.wrong, self.wrong_note),
                          (self.escalation, self.escalation_note)):
            box.toggled.connect(edit.setEnabled)
            edit.setEnabled(False)
        if visit:
            self.visited_on.setText(visit["visited_on"])
            self.party.setCurrentText(visit["party"])
            self.reason.setText(visit["reason"])
            select_code(self.performance, visit["performance"])
            select_code(self.satisfaction, visit["satisfaction"])
            self.lawsuit.setChecked(bool(visit["lawsuit"]))
            self.lawsuit_note.setText(visit["lawsuit_note"])
            self.wrong.setChecked(bool(visit["wrong_mediation"]))
            self.wrong_note.setText(visit["wrong_mediation_note"])
            self.escalation.setChecked(bool(visit["escalation_risk"]))
            self.escalation_note.setText(visit["escalation_note"])
            self.action_taken.setPlainText(visit["action_taken"])
            self.visitor.setText(visit["visitor"])
            self.note.setPlainText(visit["note"])
        fit_to_screen(self, 760, 700)

    def values(self) -> dict:
        return dict(visited_on=self.visited_on.text().strip(),
                    party=self.party.currentText().strip(), reason=self.reason.text(),
                    performance=self.performance.currentData() or "",
                    satisfaction=self.satisfaction.currentData() or "",
                    lawsuit=self.lawsuit.isChecked(),
                    lawsuit_note=self.lawsuit_note.text() if self.lawsuit.isChecked() else "",
                    wrong_mediation=self.wrong.isChecked(),
                    wrong_mediation_note=self.wrong_note.text() if self.wrong.isChecked() else "",
                    escalation_risk=self.escalation.isChecked(),
                    escalation_note=(self.escalation_note.text()
                                     if self.escalation.isChecked() else ""),
                    action_taken=plain_text(self.action_taken), visitor=self.visitor.text(),
                    note=plain_text(self.note))

    def make_op(self):
        v = self.values()
        if self.visit:
            fid, base = self.visit["id"], dict(self.visit)   # as loaded: no silent overwrite
            return lambda desk, today: desk.followups.update(fid, today=today, based_on=base,
                                                             **v)
        aid = self.agreement.currentData()
        if not aid:
            self.errors.show("agreement", self.tr("No agreement is in force"))
            return None
        return lambda desk, today: desk.followups.add(aid, today=today, **v)

