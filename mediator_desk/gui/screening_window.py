"""Dispute screening (矛盾纠纷排查): the rounds of a period, the disputes each found, their
progress 排查 → 预警 → 调处 → 处置, and a found dispute registered as a case.

Everything is read and written through the worker (``desk.screening``, core/screening.py);
a refusal lands next to its field — every missing field at once. At the township office the
villages' screening is shown read-only (the actions are hidden: the records are the
villages').
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeGuard, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox,
                               QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QSpinBox, QSplitter, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from mediator_desk.core.screening import PREVENTED, RISK_LEVELS, ROUND_KINDS, STATUSES
from mediator_desk.gui import today, worker
from mediator_desk.gui.forms import (FieldErrors, error_label, fill_combo, fit_to_screen,
                                     plain_text, select_code, text_area)

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk

# Risk levels as colours (background, text) people recognise from the paper forms.
RISK_COLOURS = {"red": ("#f8d0d0", "#8b0000"), "orange": ("#fde2c4", "#8a4b00"),
                "yellow": ("#fff5b8", "#5c5200")}
STATUS_ORDER = list(STATUSES)
# A round's stored columns (the list adds counts and labels).
ROUND_STORED = ("id", "site_id", "rev", "created_at", "updated_at", "org_id", "held_on",
                "kind", "area", "screeners", "note")
# The left column of the item dialog: what was found (the right: what is done about it).
FOUND_FIELDS = ("found_on", "dispute_type", "parties", "contact", "people_involved", "place",
                "summary")
AnyDialog = TypeVar("AnyDialog", bound=QDialog)


def _load(desk: Desk, period: str, round_id: str) -> dict:
    rounds = desk.screening.rounds(period or None)
    if round_id and not any(r["id"] == round_id for r in rounds):
        round_id = ""
    round_id = round_id or (rounds[0]["id"] if rounds else "")
    return {"rounds": rounds, "round_id": round_id,
            "items": desk.screening.items(round_id) if round_id else [],
            "types": {i["code"]: i["label"] for i in desk.codes.items("dispute_type",
                                                                      include_inactive=True)},
            "type_items": desk.codes.items("dispute_type"),
            "committee_id": desk.settings.get("committee_id") or "",
            "site_id": desk.site_id,
            "mediators": [m["name"] for m in desk.mediators.list(
                desk.settings.get("committee_id") or None)]}


class SavingDialog(QDialog):
    """A form that saves through the worker: ``saved_id`` is what the operation returned;
    a refusal lands next to its field (every field named at once)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.saved_id = ""
        self.general = error_label()
        self.errors = FieldErrors(self.general)

    def buttons(self, ok_text: str) -> QDialogButtonBox:
        box = QDialogButtonBox()
        self.ok_button = box.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        box.accepted.connect(self.submit)
        box.rejected.connect(self.reject)
        return box

    def submit(self) -> None:
        raise NotImplementedError

    def save(self, op, label: str) -> None:
        self.errors.clear_all()
        self.ok_button.setEnabled(False)
        worker.run_op(self, op, self._saved, self._refused, label=label)

    def _saved(self, saved_id: str) -> None:
        self.saved_id = saved_id
        self.accept()

    def _refused(self, exc) -> None:
        self.ok_button.setEnabled(True)
        self.errors.show_error(exc)


class RoundDialog(SavingDialog):
    """Record a screening round (排查), or change one: date, kind, area, who screened, note."""

    def __init__(self, committee_id: str, parent: QWidget | None = None,
                 screeners: str = "", rnd: dict | None = None):
        super().__init__(parent)
        self.committee_id = committee_id
        self.round = rnd or {}
        self.setWindowTitle(self.tr("Edit screening") if rnd else self.tr("New screening"))
        e = self.errors
        self.held_on = QLineEdit(today.today().isoformat())
        self.held_on.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.kind = QComboBox()
        fill_combo(self.kind, ROUND_KINDS.items())
        self.area = QLineEdit()
        self.area.setPlaceholderText(self.tr("e.g. all groups of the village"))
        self.screeners = QLineEdit(screeners)
        self.note = text_area(2)
        form = QFormLayout()
        for field, text, widget in (("held_on", self.tr("&Date"), self.held_on),
                                    ("kind", self.tr("&Kind"), self.kind),
                                    ("area", self.tr("&Area screened"), self.area),
                                    ("screeners", self.tr("&Screened by"), self.screeners),
                                    ("note", self.tr("&Note"), self.note)):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, e.wrap(field, widget))
        buttons = self.buttons(self.tr("&Save"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        if rnd:
            for f in ("held_on", "area", "screeners"):
                getattr(self, f).setText(rnd.get(f) or "")
            self.note.setPlainText(rnd.get("note") or "")
            select_code(self.kind, rnd.get("kind") or "routine")

    def values(self) -> dict:
        return {"held_on": self.held_on.text().strip(), "kind": self.kind.currentData(),
                "area": self.area.text().strip(), "screeners": self.screeners.text().strip(),
                "note": plain_text(self.note)}

    def submit(self) -> None:
        values, day, org_id = self.values(), today.today(), self.committee_id
        round_id = self.round.get("id", "")
        base = {k: v for k, v in self.round.items() if k in ROUND_STORED}

        def op(desk: Desk):
            if round_id:
                desk.screening.update_round(round_id, based_on=base, today=day, **values)
                return round_id
            return desk.screening.add_round(org_id=org_id, today=day, **values)

        self.save(op, self.tr("Saving…"))


class ItemDialog(SavingDialog):
    """Add or edit a dispute found by a screening: what, who, how risky, what is done, and its
    progress (only forward; settling asks the date and what was prevented)."""

    TEXT = ("found_on", "place", "contact", "responsible", "deadline",
            "settled_on")

    def __init__(self, round_id: str, lists: dict, item: dict | None = None,
                 parent: QWidget | None = None, found_on: str = ""):
        super().__init__(parent)
        self.round_id = round_id
        self.item = item or {}
        self.setWindowTitle(self.tr("Edit found dispute") if item else self.tr("Add found dispute"))
        e = self.errors
        self.found_on = QLineEdit(found_on)
        self.dispute_type = QComboBox()
        fill_combo(self.dispute_type, [(i["code"], i["label"]) for i in lists["type_items"]],
                   blank=self.tr("(choose)"))
        self.parties = QLineEdit()
        self.parties.setPlaceholderText(self.tr("Names, separated by 、"))
        self.contact = QLineEdit()
        self.people_involved = QSpinBox()
        self.people_involved.setRange(0, 10 ** 6)
        self.place = QLineEdit()
        self.summary = text_area(3)
        self.risk_level = QComboBox()
        fill_combo(self.risk_level, RISK_LEVELS.items(), blank=self.tr("(choose)"))
        self.measures = text_area(2)
        self.responsible = QLineEdit()
        self.deadline = QLineEdit()
        self.status = QComboBox()
        current = self.item.get("status", "screened")
        fill_combo(self.status, [(k, v) for k, v in STATUSES.items()
                                 if STATUS_ORDER.index(k) >= STATUS_ORDER.index(current)])
        self.settled_on = QLineEdit()
        self.prevented = QComboBox()
        fill_combo(self.prevented, [(k, v) for k, v in PREVENTED.items() if k])
        self.prevented.insertItem(0, self.tr("(nothing prevented)"), "")
        self.prevented_people = QSpinBox()
        self.prevented_people.setRange(0, 10 ** 6)
        for w in (self.found_on, self.deadline, self.settled_on):
            w.setPlaceholderText(self.tr("YYYY-MM-DD"))

        # two columns (what was found | what is done about it): fits a 768-pixel screen even
        # with a message under every field
        found, handled = QFormLayout(), QFormLayout()
        self.settle_rows: list[QWidget] = []

        def row(field, text, widget, settle=False):
            label = QLabel(text)
            label.setBuddy(widget)
            box = e.wrap(field, widget)
            (found if field in FOUND_FIELDS else handled).addRow(label, box)
            if settle:
                self.settle_rows += [label, box]

        row("found_on", self.tr("Date &found"), self.found_on)
        row("dispute_type", self.tr("Dispute &type"), self.dispute_type)
        row("parties", self.tr("&Parties"), self.parties)
        row("contact", self.tr("&Contact"), self.contact)
        row("people_involved", self.tr("People &involved"), self.people_involved)
        row("place", self.tr("P&lace"), self.place)
        row("summary", self.tr("&What happened"), self.summary)
        row("risk_level", self.tr("&Risk level"), self.risk_level)
        row("measures", self.tr("&Measures"), self.measures)
        row("responsible", self.tr("Responsi&ble"), self.responsible)
        row("deadline", self.tr("&Deadline"), self.deadline)
        row("status", self.tr("Pro&gress"), self.status)
        row("settled_on", self.tr("Date s&ettled"), self.settled_on, settle=True)
        row("prevented", self.tr("Pre&vented"), self.prevented, settle=True)
        row("prevented_people", self.tr("People (&prevented)"), self.prevented_people,
            settle=True)

        buttons = self.buttons(self.tr("&Save"))
        columns = QHBoxLayout()
        columns.addLayout(found, 1)
        columns.addSpacing(16)
        columns.addLayout(handled, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addStretch(1)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self.status.currentIndexChanged.connect(self._show_settling)
        for field in ("dispute_type", "risk_level", "status", "prevented"):
            getattr(self, field).currentIndexChanged.connect(
                lambda _i, f=field: self.errors.clear(f))
        self._fill(self.item)
        self._show_settling()
        self.setMinimumWidth(1000)

    def _fill(self, it: dict) -> None:
        if not it:
            return
        for f in self.TEXT:
            getattr(self, f).setText(str(it.get(f) or ""))
        self.parties.setText("、".join(it.get("party_names") or []))
        self.summary.setPlainText(it.get("summary") or "")
        self.measures.setPlainText(it.get("measures") or "")
        self.people_involved.setValue(int(it.get("people_involved") or 0))
        self.prevented_people.setValue(int(it.get("prevented_people") or 0))
        select_code(self.dispute_type, it.get("dispute_type") or "")
        select_code(self.risk_level, it.get("risk_level") or "")
        select_code(self.status, it.get("status") or "screened")
        select_code(self.prevented, it.get("prevented") or "")

    def _show_settling(self) -> None:
        settled = self.status.currentData() == "settled"
        for w in self.settle_rows:
            w.setVisible(settled)
        if settled and not self.settled_on.text().strip():
            self.settled_on.setText(today.today().isoformat())

    def values(self) -> dict:
        out = {f: getattr(self, f).text().strip() for f in self.TEXT}
        out.update(parties=self.parties.text().strip(), summary=plain_text(self.summary),
                   measures=plain_text(self.measures),
                   people_involved=self.people_involved.value(),
                   dispute_type=self.dispute_type.currentData() or "",
                   risk_level=self.risk_level.currentData() or "",
                   status=self.status.currentData() or "screened")
        if out["status"] == "settled":
            out.update(prevented=self.prevented.currentData() or "",
                       prevented_people=self.prevented_people.value())
        else:
            out.update(settled_on="", prevented="", prevented_people=0)
        return out

    def submit(self) -> None:
        values, day = self.values(), today.today()
        item_id, round_id, base = self.item.get("id", ""), self.round_id, dict(self.item)

        def op(desk: Desk):
            if item_id:
                desk.screening.update_item(item_id, based_on=base, today=day, **values)
                return item_id
            return desk.screening.add_item(round_id, today=day, **values)

        self.save(op, self.tr("Saving…"))


class RegisterCaseDialog(SavingDialog):
    """Register a found dispute as a case (登记为案件): the draft from the screening, the
    received date and the parties to check; the case's other details are completed in its
    window afterwards."""

    def __init__(self, item: dict, draft: dict, types: dict, parent: QWidget | None = None):
        super().__init__(parent)
        self.item = item
        self.setWindowTitle(self.tr("Register as a case"))
        e = self.errors
        self.received_date = QLineEdit(today.today().isoformat())
        self.applicants = QLineEdit("、".join(p["name"] for p in draft["parties"]
                                             if p["role"] == "applicant"))
        self.respondents = QLineEdit("、".join(p["name"] for p in draft["parties"]
                                              if p["role"] == "respondent"))
        self.summary = text_area(3)
        self.summary.setPlainText(draft["summary"])
        form = QFormLayout()
        form.addRow(QLabel(self.tr("Dispute type")), QLabel(types.get(draft["dispute_type"],
                                                                       draft["dispute_type"])))
        form.addRow(QLabel(self.tr("Source")), QLabel(self.tr("Committee's own initiative")))
        for field, text, widget in (("received_date", self.tr("&Received on"),
                                     self.received_date),
                                    ("parties", self.tr("&Applicants"), self.applicants),
                                    ("respondents", self.tr("Res&pondents"), self.respondents),
                                    ("summary", self.tr("&Summary"), self.summary)):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, e.wrap(field, widget))
        buttons = self.buttons(self.tr("&Register"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def submit(self) -> None:
        import re

        split = lambda t: [n for n in re.split(r"[、，,;；\s]+", t.strip()) if n]  # noqa: E731
        parties = [{"name": n, "role": "applicant"} for n in split(self.applicants.text())] + \
            [{"name": n, "role": "respondent"} for n in split(self.respondents.text())]
        received, summary, day = self.received_date.text().strip(), plain_text(self.summary), \
            today.today()
        item_id = self.item["id"]

        def op(desk: Desk):
            mediator = desk.settings.get("current_mediator_id")
            return desk.screening.register_case(
                item_id, received_date=received, parties=parties, summary=summary, today=day,
                mediator_ids=[mediator] if mediator else [])

        self.save(op, self.tr("Registering…"))


class ScreeningWindow(QDialog):
    """The screening register: rounds of a period on top, the disputes found below."""

    openCase = Signal(str)

    ROUND_COLUMNS = 6
    ITEM_COLUMNS = 8

    def __init__(self, parent: QWidget | None = None, *, read_only: bool = False):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Dispute screening"))
        self.read_only = read_only
        self.data: dict = {}
        self.loading = False
        self.dialog: QDialog | None = None          # the dialog opened last (tests)
        self.period = QLineEdit(today.today().strftime("%Y"))
        self.period.setPlaceholderText(self.tr("2026, 2026-11 or empty for all"))
        self.period.setClearButtonEnabled(True)
        self.period.editingFinished.connect(self.reload)
        period_label = QLabel(self.tr("&Period"))
        period_label.setBuddy(self.period)
        self.summary_label = QLabel()

        self.rounds = self._table([self.tr("Date"), self.tr("Committee"), self.tr("Kind"),
                                   self.tr("Area"), self.tr("Screened by"),
                                   self.tr("Found / red / settled")])
        self.rounds.itemSelectionChanged.connect(self._round_selected)
        self.items = self._table([self.tr("Risk"), self.tr("Found"), self.tr("Type"),
                                  self.tr("Parties"), self.tr("What happened"),
                                  self.tr("Progress"), self.tr("Deadline"), self.tr("Case")])
        # the summary takes what is left (elided, whole in its tooltip); the rest fit their text
        self.items.horizontalHeader().setStretchLastSection(False)
        self.items.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.items.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.items.itemSelectionChanged.connect(self._update_buttons)
        self.items.doubleClicked.connect(lambda _i: self.edit_item())

        self.add_round_button = QPushButton(self.tr("New &screening…"))
        self.edit_round_button = QPushButton(self.tr("Edit screenin&g…"))
        self.edit_round_button.clicked.connect(self.edit_round)
        self.add_item_button = QPushButton(self.tr("&Add found dispute…"))
        self.edit_item_button = QPushButton(self.tr("&Edit / move on…"))
        self.case_button = QPushButton(self.tr("&Register as case…"))
        self.open_case_button = QPushButton(self.tr("&Open case"))
        close = QPushButton(self.tr("&Close"))
        self.add_round_button.clicked.connect(self.add_round)
        self.add_item_button.clicked.connect(self.add_item)
        self.edit_item_button.clicked.connect(self.edit_item)
        self.case_button.clicked.connect(self.register_case)
        self.open_case_button.clicked.connect(self.open_case)
        close.clicked.connect(self.accept)
        self.general = error_label()

        top = QHBoxLayout()
        top.addWidget(period_label)
        top.addWidget(self.period)
        top.addWidget(self.summary_label, 1)
        top.addWidget(self.add_round_button)
        top.addWidget(self.edit_round_button)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.rounds)
        split.addWidget(self.items)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        buttons = QHBoxLayout()
        for b in (self.add_item_button, self.edit_item_button, self.case_button,
                  self.open_case_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.general)
        layout.addLayout(buttons)
        for b in (self.add_round_button, self.edit_round_button, self.add_item_button,
                  self.edit_item_button, self.case_button):
            b.setVisible(not read_only)
        fit_to_screen(self, 1240, 720)
        # changes_signal() is annotated Signal but returns the runner's bound signal
        worker.changes_signal().connect(self._on_changes)
        self._update_buttons()
        self.reload()

    def _table(self, headers: list[str]) -> QTableWidget:
        t = QTableWidget(0, len(headers))
        t.setHorizontalHeaderLabels(headers)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setWordWrap(False)
        t.verticalHeader().hide()
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        t.horizontalHeader().setStretchLastSection(True)
        return t

    # --- data ----------------------------------------------------------------------------
    def reload(self, round_id: str | None = None) -> None:
        self.loading = True
        period = self.period.text().strip()
        keep = round_id if round_id is not None else self.selected_round_id()
        worker.run_op(self, lambda desk: _load(desk, period, keep), self._loaded,
                      self._refused)

    def _refused(self, exc) -> None:
        self.loading = False
        self.general.setText(getattr(exc, "message", str(exc)))
        self.general.show()

    def _loaded(self, data: dict) -> None:
        self.loading = False
        self.general.hide()
        self.data = data
        rounds = data["rounds"]
        self.rounds.blockSignals(True)
        self.rounds.setRowCount(len(rounds))
        selected = None
        for r, rnd in enumerate(rounds):
            cells = (rnd["held_on"], rnd["org_name"], rnd["kind_label"], rnd["area"],
                     rnd["screeners"], f"{rnd['items']} / {rnd['red']} / {rnd['settled']}")
            for c, text in enumerate(cells):
                self.rounds.setItem(r, c, QTableWidgetItem(text))
            if rnd["id"] == data["round_id"]:
                selected = r
        # selected after the rows are filled: with a row selected, every further cell costs
        # a pass over the whole table (seconds for the demo township's 160 rounds)
        if selected is not None:
            self.rounds.selectRow(selected)
        self.rounds.blockSignals(False)
        self._show_items(data["items"])
        found = sum(r["items"] for r in rounds)
        self.summary_label.setText(self.tr("{rounds} screenings, {found} disputes found, "
                                           "{red} red").format(
            rounds=len(rounds), found=found, red=sum(r["red"] for r in rounds)))
        self._update_buttons()

    def _show_items(self, items: list[dict]) -> None:
        self.data["items"] = items
        types = self.data.get("types", {})
        self.items.setRowCount(len(items))
        for r, it in enumerate(items):
            progress = it["status_label"]
            if it["status"] == "settled":
                progress += f"（{it['settled_on']}" + (
                    f"，{it['prevented_label']} {it['prevented_people']}人" if it["prevented"]
                    else "") + "）"
            cells = (it["risk_label"], it["found_on"], types.get(it["dispute_type"], ""),
                     "、".join(it["party_names"]), it["summary"], progress, it["deadline"],
                     it["case_no"] or "")
            bg, fg = RISK_COLOURS[it["risk_level"]]
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if c == 0:
                    cell.setBackground(QBrush(QColor(bg)))
                    cell.setForeground(QBrush(QColor(fg)))
                if c == 4:
                    cell.setToolTip(it["summary"])
                self.items.setItem(r, c, cell)

    def _round_selected(self) -> None:
        round_id = self.selected_round_id()
        if round_id and round_id != self.data.get("round_id"):
            self.data["round_id"] = round_id
            worker.run_op(self, lambda desk: desk.screening.items(round_id), self._show_items)
        self._update_buttons()

    def _on_changes(self, changes) -> None:
        if changes.touches("screening_rounds", "screening_items", "cases"):
            self.reload()

    def selected_round_id(self) -> str:
        rows = self.rounds.selectionModel().selectedRows()
        rounds = self.data.get("rounds", [])
        return rounds[rows[0].row()]["id"] if rows and rows[0].row() < len(rounds) else ""

    def selected_item(self) -> dict | None:
        rows = self.items.selectionModel().selectedRows()
        items = self.data.get("items", [])
        return items[rows[0].row()] if rows and rows[0].row() < len(items) else None

    def _own(self, row: dict | None) -> TypeGuard[dict]:
        return bool(row and row.get("site_id") == self.data.get("site_id"))

    def _update_buttons(self) -> None:
        item = self.selected_item()
        rnd = next((r for r in self.data.get("rounds", [])
                    if r["id"] == self.selected_round_id()), None)
        self.add_round_button.setEnabled(bool(self.data.get("committee_id")))
        self.add_item_button.setEnabled(self._own(rnd))
        self.edit_round_button.setEnabled(self._own(rnd))
        self.edit_item_button.setEnabled(self._own(item))
        self.case_button.setEnabled(self._own(item) and not item["case_id"])
        self.open_case_button.setEnabled(bool(item and item["case_id"]))

    # --- actions -------------------------------------------------------------------------
    def _open(self, dialog: AnyDialog, done) -> AnyDialog:
        self.dialog = dialog
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(done)
        dialog.show()
        return dialog

    def add_round(self) -> RoundDialog:
        dialog = RoundDialog(self.data.get("committee_id", ""), self,
                             screeners="、".join(self.data.get("mediators", [])[:2]))
        return self._open(dialog, lambda: self.reload(dialog.saved_id))

    def edit_round(self) -> RoundDialog | None:
        rnd = next((r for r in self.data.get("rounds", [])
                    if r["id"] == self.selected_round_id()), None)
        if not self._own(rnd):
            return None
        dialog = RoundDialog(rnd["org_id"], self, rnd=rnd)
        return self._open(dialog, lambda: self.reload(dialog.saved_id))

    def add_item(self) -> ItemDialog | None:
        rnd = next((r for r in self.data.get("rounds", [])
                    if r["id"] == self.selected_round_id()), None)
        if not self._own(rnd):
            return None
        return self._open(ItemDialog(rnd["id"], self.data, None, self,
                                     found_on=rnd["held_on"]), self.reload)

    def edit_item(self) -> ItemDialog | None:
        item = self.selected_item()
        if not self._own(item):
            return None
        return self._open(ItemDialog(item["round_id"], self.data, item, self), self.reload)

    def register_case(self) -> None:
        item = self.selected_item()
        if not self._own(item) or item["case_id"]:
            return
        item_id = item["id"]

        def register(draft: dict) -> None:
            self._open_register(item, draft)

        worker.run_op(self, lambda desk: desk.screening.case_draft(item_id), register)

    def _open_register(self, item: dict, draft: dict) -> RegisterCaseDialog:
        dialog = RegisterCaseDialog(item, draft, self.data.get("types", {}), self)
        return self._open(dialog, lambda: self.openCase.emit(dialog.saved_id))

    def open_case(self) -> None:
        item = self.selected_item()
        if item and item["case_id"]:
            self.openCase.emit(item["case_id"])
