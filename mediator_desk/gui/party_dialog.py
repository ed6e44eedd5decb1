"""Entering one party (当事人): a person or an organisation, validated field by field.

Each input is checked when the user leaves it, with the core's validators and their Chinese
messages (a malformed ID number, phone or date is refused at the field). A valid resident ID
number fills in birth date and sex. While the party is typed, earlier cases involving the same
person (same ID number, or same name and phone) are listed as a warning: repeat disputes are an
early-warning sign. OK runs ``desk.parties.validate`` on the worker; the dialog only closes
with values the core has accepted (``dialog.values``). Nothing is written here: the case editor
saves the parties together with the case.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QComboBox, QFormLayout, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QListWidget, QPushButton,
                               QVBoxLayout, QWidget)

from mediator_desk.core.parties import ID_TYPES, KINDS, ROLES
from mediator_desk.core.validation import check_date, check_id_number, check_phone
from mediator_desk.errors import ValidationError
from mediator_desk.gui import worker
from mediator_desk.gui.form_dialog import FormDialog
from mediator_desk.gui.forms import fill_combo, fit_to_screen, select_code, set_role

LOOKUP_DELAY_MS = 400
PERSON_ONLY = ("sex", "ethnicity", "birth_date", "age", "occupation")
ORGANISATION_ONLY = ("legal_rep", "legal_rep_title")


class PartyDialog(FormDialog):
    """Add or edit one party. ``values`` (after ``accepted``) holds the validated fields.
    The skeleton (buttons, field errors, submit) is gui/form_dialog.py's."""

    earlierCasesShown = Signal(int)   # number of earlier cases listed (after each lookup)

    def __init__(self, context, values: dict | None = None, *, case_id: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.case_id = case_id
        self.values: dict | None = None
        self.earlier: list[dict] = []
        self._prefilled_from = (values or {}).get("id_number") or ""
        self.setWindowTitle(self.tr("Edit party") if (values or {}).get("name")
                            else self.tr("Add party"))
        self._build()
        self._lookup_timer = QTimer(self, singleShot=True, interval=LOOKUP_DELAY_MS)
        self._lookup_timer.timeout.connect(self._lookup_earlier)
        if values:
            self.set_values(values)
        self._kind_changed()
        fit_to_screen(self, self.body.sizeHint().width() + 40, self.body.sizeHint().height() + 110)

    # --- layout ------------------------------------------------------------------------
    def _build(self) -> None:
        self.role = QComboBox()
        fill_combo(self.role, ROLES.items())
        self.kind = QComboBox()
        fill_combo(self.kind, KINDS.items())
        self.name = QLineEdit()
        self.sex = QComboBox()
        fill_combo(self.sex, [("男", "男"), ("女", "女")], blank=self.tr("(not given)"))
        self.ethnicity = QComboBox()
        fill_combo(self.ethnicity, [(i["code"], i["label"]) for i in self.context.ethnicities],
                   blank=self.tr("(not given)"))
        self.birth_date = QLineEdit()
        self.birth_date.setPlaceholderText(self.tr("e.g. 1965-03-08"))
        self.age = QLineEdit()
        self.age.setPlaceholderText(self.tr("if the birth date is unknown"))
        self.id_type = QComboBox()
        fill_combo(self.id_type, ID_TYPES.items())
        self.id_number = QLineEdit()
        self.id_number.setPlaceholderText(self.tr("18 characters; fills in birth date and sex"))
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("mobile, or landline with area code"))
        self.address = QLineEdit()
        # the service address (送达地址) the court application prints; empty = the home address
        self.service_address = QLineEdit()
        self.service_address.setPlaceholderText(self.tr("Same as the home address"))
        self.service_address.setToolTip(self.tr(
            "Where court papers reach the party (printed on the judicial confirmation "
            "application). Leave empty when it is the home address; confirm it with the party."))
        self.occupation = QLineEdit()
        self.employer = QLineEdit()
        self.legal_rep = QLineEdit()
        self.legal_rep_title = QLineEdit()
        self.agent_name = QLineEdit()
        self.agent_phone = QLineEdit()
        self.agent_relation = QLineEdit()

        who = QGroupBox(self.tr("Party"))
        form = QFormLayout(who)
        self._labels: dict[str, QLabel] = {}

        def row(layout, field, text, widget):
            label = QLabel(text)
            label.setBuddy(widget)
            self._labels[field] = label
            layout.addRow(label, self.bind(field, widget))

        row(form, "role", self.tr("&Role"), self.role)
        row(form, "kind", self.tr("&Kind"), self.kind)
        row(form, "name", self.tr("&Name"), self.name)
        row(form, "id_type", self.tr("ID &type"), self.id_type)
        row(form, "id_number", self.tr("&ID number"), self.id_number)
        row(form, "sex", self.tr("&Sex"), self.sex)
        row(form, "ethnicity", self.tr("Ethni&city"), self.ethnicity)
        row(form, "birth_date", self.tr("&Birth date"), self.birth_date)
        row(form, "age", self.tr("&Age"), self.age)

        contact = QGroupBox(self.tr("Contact and work"))
        form2 = QFormLayout(contact)
        row(form2, "phone", self.tr("&Phone"), self.phone)
        row(form2, "address", self.tr("A&ddress"), self.address)
        row(form2, "service_address", self.tr("Ser&vice address"), self.service_address)
        row(form2, "occupation", self.tr("&Occupation"), self.occupation)
        row(form2, "employer", self.tr("&Employer"), self.employer)
        row(form2, "legal_rep", self.tr("&Legal representative"), self.legal_rep)
        row(form2, "legal_rep_title", self.tr("Representative's post (&M)"), self.legal_rep_title)

        agent = QGroupBox(self.tr("Agent (if any)"))
        form3 = QFormLayout(agent)
        row(form3, "agent_name", self.tr("A&gent"), self.agent_name)
        row(form3, "agent_phone", self.tr("Agent's p&hone"), self.agent_phone)
        row(form3, "agent_relation", self.tr("Relation to the party (&U)"), self.agent_relation)
        em = self.fontMetrics().horizontalAdvance("中")
        for w in (self.name, self.id_number, self.phone, self.address, self.service_address,
                  self.employer, self.agent_name):
            w.setMinimumWidth(em * 14)

        self.earlier_box = QGroupBox(self.tr("Earlier cases of this person (repeat dispute?)"))
        self.earlier_box.setProperty("role", "warning")
        box_layout = QVBoxLayout(self.earlier_box)
        self.earlier_note = QLabel()
        set_role(self.earlier_note, "warning")
        self.earlier_list = QListWidget()
        self.earlier_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        # the earlier record's details, offered for the fields still empty
        self.use_earlier_button = QPushButton(self.tr("Use the details recorded &then"))
        self.use_earlier_button.setToolTip(self.tr(
            "Fill the empty fields (phone, ethnicity, address, occupation, employer) from the "
            "latest earlier case"))
        self.use_earlier_button.clicked.connect(self.use_earlier)
        box_layout.addWidget(self.earlier_note)
        box_layout.addWidget(self.earlier_list)
        box_layout.addWidget(self.use_earlier_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.earlier_list.itemDoubleClicked.connect(lambda _item: self.use_earlier())
        self.earlier_box.hide()

        # Box layouts only: a grid with a spanning cell squeezed rows when messages appeared.
        left = QVBoxLayout()
        left.addWidget(who)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(contact)
        right.addWidget(agent)
        right.addStretch(1)
        columns_box = QWidget()
        columns = QHBoxLayout(columns_box)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        self.form.addRow(columns_box)
        self.form.addRow(self.earlier_box)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.id_type.currentIndexChanged.connect(lambda _=0: self._check("id_number"))
        self.id_number.editingFinished.connect(lambda: self._check("id_number"))
        self.phone.editingFinished.connect(lambda: self._check("phone"))
        self.agent_phone.editingFinished.connect(lambda: self._check("agent_phone"))
        self.birth_date.editingFinished.connect(lambda: self._check("birth_date"))
        self.age.editingFinished.connect(lambda: self._check("age"))
        for w in (self.name, self.phone, self.id_number):
            w.textChanged.connect(self._schedule_lookup)
        for field in ("name", "address", "service_address", "occupation", "employer", "legal_rep",
                      "agent_name"):
            getattr(self, field).textEdited.connect(lambda _t, f=field: self.errors.clear(f))
        self.name.setFocus()

    def _kind_changed(self, _index: int = 0) -> None:
        person = self.kind.currentData() == "person"
        for field in PERSON_ONLY:
            self._set_row_visible(field, person)
        for field in ORGANISATION_ONLY:
            self._set_row_visible(field, not person)
        self._labels["name"].setText(self.tr("&Name") if person else self.tr("Organisation &name"))
        if not self.id_number.text().strip():
            select_code(self.id_type, "resident_id" if person else "credit_code")
        self.id_number.setPlaceholderText(
            self.tr("18 characters; fills in birth date and sex") if person
            else self.tr("unified social credit code, 18 characters"))

    def _set_row_visible(self, field: str, visible: bool) -> None:
        widget = self.errors.widget(field)
        assert widget is not None, f"{field} is a field of this form"
        container = widget.parentWidget()       # holds the field and its error line
        assert container is not None
        container.setVisible(visible)
        self._labels[field].setVisible(visible)

    # --- values ------------------------------------------------------------------------
    def set_values(self, values: dict) -> None:
        select_code(self.role, values.get("role") or "applicant")
        select_code(self.kind, values.get("kind") or "person")
        select_code(self.id_type, values.get("id_type") or "resident_id")
        select_code(self.sex, values.get("sex") or "")
        select_code(self.ethnicity, values.get("ethnicity") or "")
        for field in ("name", "birth_date", "id_number", "phone", "address", "service_address",
                      "occupation",
                      "employer", "legal_rep", "legal_rep_title", "agent_name", "agent_phone",
                      "agent_relation"):
            getattr(self, field).setText(values.get(field) or "")
        age = values.get("age")
        self.age.setText("" if age in (None, "") else str(age))

    def current_values(self) -> dict:
        """The fields as typed (not yet validated); person-only fields dropped for organisations."""
        v = {"role": self.role.currentData(), "kind": self.kind.currentData(),
             "id_type": self.id_type.currentData(), "sex": self.sex.currentData(),
             "ethnicity": self.ethnicity.currentData(), "age": self.age.text().strip()}
        for field in ("name", "birth_date", "id_number", "phone", "address", "service_address",
                      "occupation",
                      "employer", "legal_rep", "legal_rep_title", "agent_name", "agent_phone",
                      "agent_relation"):
            v[field] = getattr(self, field).text().strip()
        hidden = PERSON_ONLY if v["kind"] != "person" else ORGANISATION_ONLY
        for field in hidden:
            v[field] = None if field == "age" else ""
        return v

    # --- field checks (pure core validators: no database, so on the GUI thread) ------------
    def _check(self, field: str, *, prefill: bool = True) -> bool:
        """Check one field now; show or clear its message. True if acceptable.

        A newly entered valid ID number fills in birth date and sex (once per number, so a
        deliberate change afterwards is not overwritten; the core then reports a conflict)."""
        self.errors.clear(field)
        text = getattr(self, field).text().strip()
        try:
            if field == "id_number":
                if text and self.id_type.currentData() == "resident_id":
                    info = check_id_number(text)
                    self.id_number.setText(info.number)
                    if prefill and info.number != self._prefilled_from:
                        self._prefilled_from = info.number
                        self.birth_date.setText(info.birth_date.isoformat())
                        select_code(self.sex, info.sex)
                        self.errors.clear("birth_date")
                        self.errors.clear("sex")
            elif field in ("phone", "agent_phone"):
                if text:
                    getattr(self, field).setText(check_phone(text, field=field))
            elif field == "birth_date":
                if text:
                    self.birth_date.setText(check_date(
                        text, field="birth_date", label=self.tr("birth date"), required=False))
            elif field == "age":
                if text and not (text.isdigit() and int(text) < 150):
                    raise ValidationError(self.tr("Age must be a whole number from 0 to 149"),
                                          field="age")
        except ValidationError as exc:
            self.errors.show(exc.field or field, exc.message, focus=False)
            return False
        return True

    # --- earlier cases -------------------------------------------------------------------
    def _schedule_lookup(self, _text: str = "") -> None:
        self._lookup_timer.start()

    def _lookup_earlier(self) -> None:
        number, name, phone = "", self.name.text().strip(), self.phone.text().strip()
        if self.id_type.currentData() == "resident_id":
            try:
                number = check_id_number(self.id_number.text()).number
            except ValidationError:
                number = ""
        elif self.id_number.text().strip():
            number = self.id_number.text().strip()
        if not number and not (name and phone):
            self._show_earlier([])
            return
        case_id = self.case_id
        worker.run_op(self, lambda desk: desk.parties.earlier_cases(
            id_number=number, name=name, phone=phone, exclude_case_id=case_id),
            self._show_earlier)

    def _show_earlier(self, rows: list[dict]) -> None:
        self.earlier = rows
        self.earlier_list.clear()
        for r in rows:
            self.earlier_list.addItem(
                f"{r['case_no']}　{r['received_date']}　{r['dispute_type_label']}　"
                f"{r['name']}（{ROLES.get(r['role'], r['role'])}）")
        if rows:
            self.earlier_note.setText(self.tr(
                "This person appears in {n} earlier case(s). Repeat disputes can escalate: "
                "check the earlier outcome.").format(n=len(rows)))
        self.earlier_box.setVisible(bool(rows))
        self.use_earlier_button.setEnabled(bool(self._earlier_details()))
        self.earlierCasesShown.emit(len(rows))

    def _earlier_details(self) -> dict:
        """What the latest earlier record knows that this form does not yet."""
        if not self.earlier:
            return {}
        latest = self.earlier[0]
        out = {}
        for field in ("phone", "address", "occupation", "employer"):
            if latest.get(field) and not getattr(self, field).text().strip():
                out[field] = latest[field]
        if latest.get("ethnicity") and not self.ethnicity.currentData():
            out["ethnicity"] = latest["ethnicity"]
        return out

    def use_earlier(self) -> dict:
        """Fill the empty fields from the person's latest earlier case; returns what was
        filled."""
        details = self._earlier_details()
        for field, value in details.items():
            if field == "ethnicity":
                index = self.ethnicity.findData(value)
                if index >= 0:
                    self.ethnicity.setCurrentIndex(index)
            else:
                getattr(self, field).setText(value)
        self.use_earlier_button.setEnabled(False)
        return details

    # --- OK ----------------------------------------------------------------------------
    def make_op(self):
        """Check every field here, then let the core validate; close only if it accepts."""
        ok = all([self._check(f, prefill=False) for f in ("id_number", "phone", "agent_phone",
                                                           "birth_date", "age")])
        if not self.name.text().strip():
            self.errors.show("name", self.tr("Please enter the name"), focus=False)
            ok = False
        if not ok:
            self._focus_first_error()
            return None
        values = self.current_values()
        return lambda desk: desk.parties.validate(values)

    def run_op(self, op) -> None:
        worker.run_op(self, op, self._accepted, self._refused)

    def accepted_value(self, cleaned: dict) -> None:
        self.values = cleaned

    def _focus_first_error(self) -> None:
        for field in ("name", "id_number", "birth_date", "age", "phone", "agent_phone"):
            widget = self.errors.widget(field)
            if widget is not None and self.errors.message(field):
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return
