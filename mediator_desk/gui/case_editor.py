"""The case editor: a dispute's registration fields and its parties.

A new case is registered with its parties in one ``desk.cases.register`` call; an existing case
is saved in one ``desk.cases.save_edits`` call (the case, its mediators and parties in one
transaction), so a refusal leaves nothing half-saved. Both go through the worker.
Malformed dates and amounts are refused at the field before anything is sent; any refusal from
the core is shown next to the field it names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFormLayout, QGridLayout,
                               QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QPushButton,
                               QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from mediator_desk.core.parties import FIELDS as PARTY_FIELDS
from mediator_desk.core.parties import KINDS, ROLES
from mediator_desk.core.validation import check_date, mask_id_number, parse_amount_fen
from mediator_desk.errors import ValidationError
from mediator_desk.gui import case_owner, worker
from mediator_desk.gui.forms import (FieldErrors, error_label, fill_combo, plain_text,
                                     scroll_area, select_code, text_area)
from mediator_desk.gui.messages import Messages
from mediator_desk.gui.party_dialog import PartyDialog

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk
    from mediator_desk.gui.context import DeskContext


def yuan_text(fen: int) -> str:
    """Integer fen as the yuan a person types: 1200000 → '12000', 1250 → '12.50'."""
    if not fen:
        return ""
    return f"{fen // 100}" if fen % 100 == 0 else f"{fen // 100}.{fen % 100:02d}"


def _register(desk: Desk, org_id: str, values: dict, parties: list[dict], mediator_ids: list[str]):
    return desk.cases.register(org_id=org_id, parties=parties, mediator_ids=mediator_ids,
                               **values)


def _save_existing(desk: Desk, case_id: str, values: dict, mediator_ids: list[str] | None,
                   parties: list[dict], removed: list[str], based_on: dict | None = None) -> str:
    """Everything the editor changed, all or nothing (``CaseManager.save_edits``)."""
    return desk.cases.save_edits(case_id, values, based_on=based_on, mediator_ids=mediator_ids,
                                 parties=parties, removed=removed)


class CaseEditor(QWidget):
    """Fields of one case plus its parties. ``case`` is None for a new registration."""

    saved = Signal(str)            # the case id, after the core accepted the save
    dirtyChanged = Signal(bool)

    def __init__(self, context: DeskContext, case: dict | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.case = case
        self.parties: list[dict] = []      # {"id": "" for new, "values": {...}, "dirty": bool}
        self.removed: list[str] = []
        self.party_dialog: PartyDialog | None = None
        self.saving = False
        self.read_only = False
        self._dirty = False
        self._loading = False
        self._counted_parties = 0
        self.general = error_label()
        self.errors = FieldErrors(self.general)
        self._build()
        self.set_case(case)

    # --- layout ------------------------------------------------------------------------
    def _build(self) -> None:
        e = self.errors
        self.received_date = QLineEdit()
        self.received_date.setPlaceholderText(self.tr("e.g. 2026-11-28"))
        self.source = QComboBox()
        self.referral_note = QLineEdit()
        self.referral_note.setPlaceholderText(self.tr("court, police station or office that referred it"))
        self.dispute_type = QComboBox()
        self.place = QLineEdit()
        self.people_involved = QSpinBox()
        self.people_involved.setRange(0, 1_000_000)
        self.people_involved.setSuffix(self.tr(" people"))
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("in yuan, e.g. 12000 or 1.2万"))
        self.risk_flag = QCheckBox(self.tr("Risk of &escalation"))
        self.risk_note = QLineEdit()
        self.risk_note.setPlaceholderText(self.tr("what could escalate, and what was done"))
        self.summary = text_area(5)      # a few sentences in view without scrolling
        self.claims = text_area(2)
        self.mediators = QListWidget()
        self.mediators.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 16)

        facts = QGroupBox(self.tr("Registration"))
        facts_layout = QVBoxLayout(facts)
        left = QFormLayout()
        facts_layout.addLayout(left)
        facts_layout.addStretch(1)

        def row(layout, field, text, widget, *aliases):
            label = QLabel(text)
            label.setBuddy(widget)
            layout.addRow(label, e.wrap(field, widget, *aliases))

        row(left, "received_date", self.tr("&Received on"), self.received_date)
        row(left, "source", self.tr("&Source"), self.source)
        row(left, "referral_note", self.tr("Referred &by"), self.referral_note)
        row(left, "dispute_type", self.tr("Dispute &type"), self.dispute_type)
        row(left, "mediator_ids", self.tr("&Mediators"), self.mediators)
        hint = QLabel(self.tr("The first ticked mediator leads."))
        hint.setWordWrap(True)
        left.addRow("", hint)

        story = QGroupBox(self.tr("The dispute"))
        right = QFormLayout(story)
        row(right, "summary", self.tr("Brief &facts"), self.summary)
        row(right, "claims", self.tr("&Claims"), self.claims)
        row(right, "place", self.tr("&Place"), self.place)
        row(right, "people_involved", self.tr("People &involved"), self.people_involved)
        row(right, "amount_fen", self.tr("&Amount (yuan)"), self.amount)
        right.addRow("", e.wrap("risk_flag", self.risk_flag))
        row(right, "risk_note", self.tr("Risk &note"), self.risk_note)

        parties = QGroupBox(self.tr("Parties"))
        pl = QVBoxLayout(parties)
        self.party_table = QTableWidget(0, 5)
        self.party_table.setHorizontalHeaderLabels([
            self.tr("Role"), self.tr("Name"), self.tr("Kind"), self.tr("ID number"),
            self.tr("Phone")])
        self.party_table.verticalHeader().hide()
        self.party_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.party_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.party_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.party_table.horizontalHeader()
        # a case has a handful of parties: the short columns fit their contents and the name
        # takes the rest, so a narrow window never squeezes the name (nor its header) away
        for column in range(self.party_table.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.party_table.setTextElideMode(Qt.TextElideMode.ElideRight)
        # header + four rows; more parties scroll (keeps the facts in view on 768-pixel screens)
        rows = self.party_table.verticalHeader().defaultSectionSize()
        self.party_table.setFixedHeight(self.party_table.horizontalHeader().sizeHint().height()
                                        + rows * 4 + 4)
        self.party_table.doubleClicked.connect(lambda _i: self.edit_party())
        buttons = QHBoxLayout()
        self.add_party_button = QPushButton(self.tr("A&dd party…"))
        self.edit_party_button = QPushButton(self.tr("Edit part&y…"))
        self.remove_party_button = QPushButton(self.tr("Remo&ve party"))
        self.add_party_button.clicked.connect(lambda: self.add_party())
        self.edit_party_button.clicked.connect(lambda: self.edit_party())
        self.remove_party_button.clicked.connect(lambda: self.remove_party())
        for b in (self.add_party_button, self.edit_party_button, self.remove_party_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        pl.addWidget(e.wrap("parties", self.party_table))
        pl.addLayout(buttons)

        # Parties first (as on the acceptance register); spare height goes to their table.
        content = QWidget()
        grid = QGridLayout(content)
        grid.addWidget(parties, 0, 0, 1, 2)
        grid.addWidget(facts, 1, 0)
        grid.addWidget(story, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(2, 1)
        scroll = scroll_area(content)

        self.save_button = QPushButton()
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        # "已保存 14:05" after a save (Ctrl+S too), until the next change
        self.saved_note = QLabel()
        self.saved_note.setObjectName("saved_note")
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.saved_note)
        bottom.addWidget(self.save_button)
        # Another site's case (a village's case at the office): shown read-only, with why.
        self.owner_banner = QLabel()
        self.owner_banner.setWordWrap(True)
        self.owner_banner.setStyleSheet(case_owner.BANNER_STYLE)
        self.owner_banner.hide()
        outer = QVBoxLayout(self)
        outer.addWidget(self.owner_banner)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.general)
        outer.addLayout(bottom)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

        # as the eye reads the form: the parties, then the registration, then the dispute
        order: tuple[QWidget, ...] = (
            self.party_table, self.add_party_button, self.edit_party_button,
            self.remove_party_button, self.received_date, self.source, self.referral_note,
            self.dispute_type, self.mediators, self.summary, self.claims, self.place,
            self.people_involved, self.amount, self.risk_flag, self.risk_note, self.save_button)
        for first, then in zip(order, order[1:]):
            self.setTabOrder(first, then)

        self.source.currentIndexChanged.connect(self._source_changed)
        self.risk_flag.toggled.connect(self._risk_changed)
        self.received_date.editingFinished.connect(lambda: self._check("received_date"))
        self.amount.editingFinished.connect(lambda: self._check("amount_fen"))
        for line in (self.received_date, self.referral_note, self.place, self.amount,
                     self.risk_note):
            line.textChanged.connect(self._mark_dirty)
        for area in (self.summary, self.claims):
            area.textChanged.connect(self._mark_dirty)
        for combo in (self.source, self.dispute_type):
            combo.currentIndexChanged.connect(self._mark_dirty)
        self.people_involved.valueChanged.connect(self._mark_dirty)
        self.risk_flag.toggled.connect(self._mark_dirty)
        self.mediators.itemChanged.connect(self._mark_dirty)
        self.summary.textChanged.connect(lambda: self.errors.clear("summary"))
        self.referral_note.textEdited.connect(lambda _t: self.errors.clear("referral_note"))
        self.risk_note.textEdited.connect(lambda _t: self.errors.clear("risk_note"))

    def _fill_choices(self) -> None:
        ctx = self.context
        mediators = (self.case or {}).get("mediator_choices") or ctx.mediators
        fill_combo(self.source, [(i["code"], i["label"]) for i in ctx.case_sources])
        fill_combo(self.dispute_type, [(i["code"], i["label"]) for i in ctx.dispute_types],
                   blank=self.tr("(choose)"))
        checked = set(self.mediator_ids())
        self.mediators.blockSignals(True)
        self.mediators.clear()
        for m in mediators:
            item = QListWidgetItem(m["name"])
            item.setData(Qt.ItemDataRole.UserRole, m["id"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if m["id"] in checked
                               else Qt.CheckState.Unchecked)
            self.mediators.addItem(item)
        self.mediators.blockSignals(False)

    def set_context(self, context: DeskContext) -> None:
        """New code lists / mediators (e.g. after an office added a dispute type)."""
        self.context = context
        self._fill_choices()

    # --- state -------------------------------------------------------------------------
    @property
    def is_new(self) -> bool:
        return self.case is None

    @property
    def dirty(self) -> bool:
        return self._dirty

    def _mark_dirty(self, *_args: object) -> None:
        if not self._loading and not self._dirty and not self.read_only:
            self.saved_note.clear()
            self._dirty = True
            self.dirtyChanged.emit(True)

    def _set_clean(self) -> None:
        if self._dirty:
            self._dirty = False
            self.dirtyChanged.emit(False)

    def set_case(self, case: dict | None) -> None:
        """Show ``case`` (as returned by ``desk.cases.get``) or empty fields for a new one."""
        self._loading = True
        self.case = case
        self._fill_choices()
        self.errors.clear_all()
        c = case or {}
        self.received_date.setText(c.get("received_date") or date.today().isoformat())
        select_code(self.source, c.get("source") or "apply")
        self.referral_note.setText(c.get("referral_note") or "")
        select_code(self.dispute_type, c.get("dispute_type") or "")
        self.place.setText(c.get("place") or "")
        self.people_involved.setValue(int(c.get("people_involved") or 0))
        self.amount.setText(yuan_text(int(c.get("amount_fen") or 0)))
        self.risk_flag.setChecked(bool(c.get("risk_flag")))
        self.risk_note.setText(c.get("risk_note") or "")
        self.summary.setPlainText(c.get("summary") or "")
        self.claims.setPlainText(c.get("claims") or "")
        if case is None:
            wanted = [self.context.current_mediator_id] if self.context.current_mediator_id else []
        else:
            wanted = [m["id"] for m in case.get("mediators", [])]
        self._set_mediators(wanted)
        self.parties = [{"id": p["id"], "values": {k: p[k] for k in p if k in PARTY_FIELDS},
                         "dirty": False, "base": dict(p)} for p in c.get("parties", [])]
        self.removed = []
        self._show_parties()
        foreign = case_owner.is_foreign(case, self.context)
        read_only = self.read_only = bool(case) and (c.get("status") == "archived" or foreign)
        self.owner_banner.setText(case_owner.owner_banner(c) if foreign else "")
        self.owner_banner.setVisible(foreign)
        for w in self.findChildren(QWidget):
            if isinstance(w, (QLineEdit, QComboBox, QSpinBox, QCheckBox)) or w in (
                    self.summary, self.claims, self.add_party_button, self.edit_party_button,
                    self.remove_party_button):
                w.setEnabled(not read_only)
        self._source_changed()
        self._risk_changed(self.risk_flag.isChecked())
        self.save_button.setVisible(not read_only)
        self.save_button.setText(self.tr("Register case") if self.is_new
                                 else self.tr("Save changes"))
        self._original_mediators = self.mediator_ids()
        self._loading = False
        self._set_clean()

    def _set_mediators(self, ids: list[str]) -> None:
        self.mediators.blockSignals(True)
        # the lead (first) at the top, then the others in list order
        items = [self.mediators.takeItem(0) for _ in range(self.mediators.count())]
        order = {mid: i for i, mid in enumerate(ids)}
        items.sort(key=lambda it: order.get(it.data(Qt.ItemDataRole.UserRole), len(order)))
        for item in items:
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole)
                               in order else Qt.CheckState.Unchecked)
            self.mediators.addItem(item)
        self.mediators.blockSignals(False)

    def mediator_ids(self) -> list[str]:
        return [self.mediators.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.mediators.count())
                if self.mediators.item(i).checkState() == Qt.CheckState.Checked]

    def _source_changed(self, _index: int = 0) -> None:
        referral = self.context.is_referral(self.source.currentData() or "")
        self.referral_note.setEnabled(referral and self.source.isEnabled())
        if not referral:
            self.errors.clear("referral_note")

    def _risk_changed(self, on: bool) -> None:
        self.risk_note.setEnabled(on and self.risk_flag.isEnabled())
        if not on:
            self.errors.clear("risk_note")

    # --- parties -----------------------------------------------------------------------
    def _show_parties(self) -> None:
        table = self.party_table
        table.setRowCount(len(self.parties))
        for r, entry in enumerate(self.parties):
            v = entry["values"]
            number = v.get("id_number") or ""
            cells = [ROLES.get(v.get("role"), v.get("role") or ""), v.get("name") or "",
                     KINDS.get(v.get("kind"), v.get("kind") or ""),
                     mask_id_number(number) if number else "", v.get("phone") or ""]
            for c, text in enumerate(cells):
                table.setItem(r, c, QTableWidgetItem(text))
        if self.parties:
            self.errors.clear("parties")
        # 涉及人数 follows the parties while nobody has typed another number
        count = len(self.parties)
        if not self._loading and self.people_involved.value() in (0, self._counted_parties):
            self.people_involved.setValue(count)
        self._counted_parties = count

    def _open_party_dialog(self, values: dict | None, on_done) -> PartyDialog:
        dialog = PartyDialog(self.context, values, case_id=(self.case or {}).get("id", ""),
                             parent=self)
        dialog.accepted.connect(lambda: on_done(dialog.values))
        dialog.finished.connect(lambda _r: self._party_dialog_closed(dialog))
        self.party_dialog = dialog
        dialog.open()   # window-modal but not blocking: tests and the event loop go on
        return dialog

    def _party_dialog_closed(self, dialog: PartyDialog) -> None:
        if self.party_dialog is dialog:
            self.party_dialog = None
        dialog.deleteLater()

    def add_party(self) -> PartyDialog:
        """Open the party dialog for a new party (applicant first, then respondent)."""
        role = "applicant" if not any(p["values"].get("role") == "applicant"
                                      for p in self.parties) else "respondent"

        def done(values):
            self.parties.append({"id": "", "values": values, "dirty": True})
            self._show_parties()
            self.party_table.selectRow(len(self.parties) - 1)
            self._mark_dirty()

        return self._open_party_dialog({"role": role}, done)

    def edit_party(self, row: int | None = None) -> PartyDialog | None:
        row = self.party_table.currentRow() if row is None else row
        if not 0 <= row < len(self.parties):
            return None
        entry = self.parties[row]

        def done(values):
            entry["values"] = values
            entry["dirty"] = True
            self._show_parties()
            self._mark_dirty()

        return self._open_party_dialog(entry["values"], done)

    def remove_party(self, row: int | None = None, *, confirm: bool = True) -> bool:
        row = self.party_table.currentRow() if row is None else row
        if not 0 <= row < len(self.parties):
            return False
        entry = self.parties[row]
        if confirm and not Messages.confirm(self, self.tr("Remove party {name} from this case?")
                                            .format(name=entry["values"].get("name", ""))):
            return False
        if entry["id"]:
            self.removed.append(entry["id"])
        del self.parties[row]
        self._show_parties()
        self._mark_dirty()
        return True

    # --- checks and saving ------------------------------------------------------------
    def _check(self, field: str) -> bool:
        self.errors.clear(field)
        try:
            if field == "received_date":
                self.received_date.setText(check_date(self.received_date.text(),
                                                      field="received_date",
                                                      label=self.tr("received date")))
            elif field == "amount_fen":
                parse_amount_fen(self.amount.text().strip() or None, label=self.tr("amount"))
        except ValidationError as exc:
            self.errors.show(field, exc.message, focus=False)
            return False
        return True

    def case_values(self) -> dict:
        """The case fields as the core's ``register`` / ``update`` take them."""
        return {
            "received_date": self.received_date.text().strip(),
            "source": self.source.currentData() or "",
            "referral_note": self.referral_note.text().strip()
            if self.context.is_referral(self.source.currentData() or "") else "",
            "dispute_type": self.dispute_type.currentData() or "",
            "summary": plain_text(self.summary),
            "claims": plain_text(self.claims),
            "place": self.place.text().strip(),
            "people_involved": self.people_involved.value(),
            "amount_fen": self.amount.text().strip() or 0,   # yuan text; the core parses it
            "risk_flag": self.risk_flag.isChecked(),
            "risk_note": self.risk_note.text().strip() if self.risk_flag.isChecked() else "",
        }

    def save(self) -> bool:
        """Check locally, then register or save through the worker. False if refused here."""
        if self.saving or self.read_only:
            return False
        self.errors.clear_all()
        ok = all([self._check("received_date"), self._check("amount_fen")])
        if not self.dispute_type.currentData():
            self.errors.show("dispute_type", self.tr("Please choose the dispute type"),
                             focus=False)
            ok = False
        if not plain_text(self.summary):
            self.errors.show("summary", self.tr("Please describe the dispute briefly"),
                             focus=False)
            ok = False
        if not self.parties:
            self.errors.show("parties", self.tr("Please add at least one party"), focus=False)
            ok = False
        if not ok:
            self._focus_first_error()
            return False
        values = self.case_values()
        mediator_ids = self.mediator_ids()
        self.saving = True
        self.save_button.setEnabled(False)
        case = self.case
        if case is None:        # a new case
            org_id = self.context.committee_id
            parties = [p["values"] for p in self.parties]
            worker.run_op(self, lambda desk: _register(desk, org_id, values, parties,
                                                       mediator_ids),
                          self._saved, self._refused, label=self.tr("Registering the case…"))
        else:
            case_id = case["id"]
            meds = mediator_ids if mediator_ids != self._original_mediators else None
            parties = [dict(p) for p in self.parties]
            removed = list(self.removed)
            based_on = dict(case)
            worker.run_op(self, lambda desk: _save_existing(desk, case_id, values, meds,
                                                            parties, removed, based_on),
                          self._saved, self._refused, label=self.tr("Saving…"))
        return True

    def _saved(self, case_id: str) -> None:
        from datetime import datetime

        self.saving = False
        self.save_button.setEnabled(True)
        self._set_clean()
        self.saved_note.setText(self.tr("Saved {time}").format(
            time=datetime.now().strftime("%H:%M")))
        self.saved.emit(case_id)

    def _refused(self, exc: BaseException) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        self.errors.show_error(exc)

    def _focus_first_error(self) -> None:
        for field in ("received_date", "dispute_type", "amount_fen", "summary", "parties"):
            widget = self.errors.widget(field)
            if widget is not None and self.errors.message(field):
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return
