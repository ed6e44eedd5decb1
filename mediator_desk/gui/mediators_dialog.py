"""The committee's mediators (人民调解员): list, add, edit, mark inactive.

Every read and write goes through the worker (``desk.mediators``); a refusal from the core
lands next to its field (:class:`~mediator_desk.gui.forms.FieldErrors`). The worker then
broadcasts a change to ``mediators``, the main window reloads its context, and the case
editors offer the new choices.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog,
                               QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from mediator_desk.gui import worker
from mediator_desk.gui.form_dialog import FormDialog
from mediator_desk.gui.forms import error_label, fill_combo, fit_to_screen, select_code

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk

# The stored columns of a mediator (the roster adds labels and its committee's name).
_STORED = ("id", "site_id", "rev", "created_at", "updated_at", "org_id", "name", "sex",
           "ethnicity", "birth_date", "phone", "education", "legal_training", "profession",
           "full_time", "title", "honours", "training", "active")


def _load(desk: Desk) -> dict:
    """Mediators of this committee and of the committees below it (active and not) — at a
    township office also its villages' (read-only here: ``own`` is False) — and the code
    lists the form offers."""
    committee_id = desk.settings.get("committee_id") or ""
    return {"committee_id": committee_id,
            "mediators": desk.mediators.roster(committee_id or None, active_only=False),
            "ethnicities": desk.codes.items("ethnicity"),
            "educations": desk.codes.items("education")}


def _save(desk: Desk, mediator_id: str, values: dict, based_on: dict | None = None) -> str:
    """Add a mediator, or change one: ``based_on`` is the mediator as the form loaded it, so a
    change saved meanwhile elsewhere is kept or the save refused (RecordWriter.update)."""
    if mediator_id:
        desk.mediators.update(mediator_id, based_on=based_on, **values)
        return mediator_id
    return desk.mediators.add(**values)


class MediatorForm(FormDialog):
    """Add or edit one mediator: every field of the mediators' register (core/mediators.py),
    bound by name (gui/form_dialog.py)."""

    def __init__(self, lists: dict, mediator: dict | None, parent: QWidget | None = None):
        super().__init__(parent, ok_text=self.tr("&Save"))
        self.lists = lists
        self.mediator = mediator or {}
        self.saved_id = ""
        self.setWindowTitle(self.tr("Edit mediator") if mediator else self.tr("Add mediator"))
        field = self.field
        self.name = field("name", self.tr("&Name"), QLineEdit())
        self.sex = field("sex", self.tr("Se&x"), QComboBox())
        fill_combo(self.sex, [("男", self.tr("Male")), ("女", self.tr("Female"))],
                   blank=self.tr("(not given)"))
        self.ethnicity = field("ethnicity", self.tr("&Ethnicity"), QComboBox())
        fill_combo(self.ethnicity, [(i["code"], i["label"]) for i in lists["ethnicities"]],
                   blank=self.tr("(not given)"))
        self.birth_date = field("birth_date", self.tr("&Birth date"), QLineEdit())
        self.birth_date.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.phone = field("phone", self.tr("&Phone"), QLineEdit())
        self.education = field("education", self.tr("E&ducation"), QComboBox())
        fill_combo(self.education, [(i["code"], i["label"]) for i in lists["educations"]],
                   blank=self.tr("(not given)"))
        self.legal_training = field("legal_training", self.tr("&Legal training"),
                                    QCheckBox(self.tr("Has had legal training")))
        self.profession = field("profession", self.tr("P&rofession"), QLineEdit())
        self.profession.setPlaceholderText(self.tr("e.g. retired judge, lawyer, teacher"))
        self.full_time = field("full_time", self.tr("&Employment"), QComboBox(),
                               read=lambda w: int(w.currentData() or 0),
                               write=lambda w, v: select_code(w, 1 if v else 0))
        fill_combo(self.full_time, [(0, self.tr("Part-time")), (1, self.tr("Full-time"))])
        self.title = field("title", self.tr("&Title"), QLineEdit())
        self.title.setPlaceholderText(self.tr("e.g. gold medal, grade one"))
        self.honours = field("honours", self.tr("H&onours"), QLineEdit())
        self.training = field("training", self.tr("Trainin&g"), QLineEdit())
        self.active = field("active", self.tr("&Status"),
                            QCheckBox(self.tr("Active (offered when assigning cases)")))
        self.load({"active": 1, "full_time": 0, **self.mediator})
        self.setMinimumWidth(560)
        fit_to_screen(self, 620, self.body.sizeHint().height() + 120)
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def values(self) -> dict:
        """The fields as the core takes them (``desk.mediators.add/update``)."""
        out = self.field_values()
        if not self.mediator:
            out["org_id"] = self.lists.get("committee_id") or ""
            if not out["org_id"]:
                out.pop("org_id")
        return out

    def make_op(self):
        mediator_id = self.mediator.get("id", "")
        values = self.values()
        base = dict(self.mediator) if mediator_id else None
        return lambda desk: _save(desk, mediator_id, values, base)

    def accepted_value(self, mediator_id: str) -> None:
        self.saved_id = mediator_id



class MediatorsDialog(QDialog):
    """The list of the committee's mediators with add / edit / mark inactive."""

    COLUMNS = ("name", "sex", "ethnicity", "phone", "education", "full_time", "title", "active",
               "org_name")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mediators"))
        self.lists: dict = {}
        self.mediators: list[dict] = []
        self.form: MediatorForm | None = None      # the add/edit form open last (tests)
        self.loading = False
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Sex"), self.tr("Ethnicity"), self.tr("Phone"),
            self.tr("Education"), self.tr("Employment"), self.tr("Title"), self.tr("Status"),
            self.tr("Committee")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.add_button = QPushButton(self.tr("&Add…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.active_button = QPushButton(self.tr("Mark &inactive"))
        close = QPushButton(self.tr("&Close"))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.active_button.clicked.connect(self.toggle_active)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.active_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        hint = QLabel(self.tr("Inactive mediators stay on their past cases but are no longer "
                              "offered for new ones."))
        hint.setWordWrap(True)
        self.general = error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addWidget(self.general)
        layout.addLayout(buttons)
        fit_to_screen(self, 900, 480)
        # changes_signal() is annotated Signal but returns the runner's bound signal
        worker.changes_signal().connect(self._on_changes)
        self._update_buttons()
        self.reload()

    # --- data ----------------------------------------------------------------------------
    def reload(self) -> None:
        self.loading = True
        worker.run_op(self, _load, self._loaded)

    def _loaded(self, data: dict) -> None:
        self.loading = False
        self.lists = data
        self.mediators = data["mediators"]
        eth = {i["code"]: i["label"] for i in data["ethnicities"]}
        edu = {i["code"]: i["label"] for i in data["educations"]}
        selected = self.selected()
        self.table.setRowCount(len(self.mediators))
        again = None
        for r, m in enumerate(self.mediators):
            cells = (m["name"], m.get("sex") or "", eth.get(m.get("ethnicity") or "", ""),
                     m.get("phone") or "", edu.get(m.get("education") or "", ""),
                     self.tr("Full-time") if m.get("full_time") else self.tr("Part-time"),
                     m.get("title") or "",
                     self.tr("Active") if m.get("active") else self.tr("Inactive"),
                     m.get("org_name") or "")
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if not m.get("active"):
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(r, c, item)
            if selected and m["id"] == selected["id"]:
                again = r
        # selected once the rows are filled: with a row selected, every further cell costs a
        # pass over the table (the office lists all its villages' mediators)
        if again is not None:
            self.table.selectRow(again)
        self._update_buttons()

    def _on_changes(self, changes) -> None:
        if changes.touches("mediators", "code_items"):
            self.reload()

    def selected(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.mediators):
            return None
        return self.mediators[rows[0].row()]

    def select_name(self, name: str) -> bool:
        """Select the row of the mediator called ``name`` (keyboard users type; tests)."""
        for r, m in enumerate(self.mediators):
            if m["name"] == name:
                self.table.selectRow(r)
                return True
        return False

    def _update_buttons(self) -> None:
        m = self.selected()
        own = m is not None and m.get("own", True)
        self.edit_button.setEnabled(own)
        self.active_button.setEnabled(own)
        why = "" if own or m is None else self.tr(
            "Registered by another committee (a village): read-only here.")
        self.edit_button.setToolTip(why)
        self.active_button.setToolTip(why)
        self.active_button.setText(self.tr("Mark &active") if m and not m.get("active")
                                   else self.tr("Mark &inactive"))

    # --- actions -------------------------------------------------------------------------
    def _open_form(self, mediator: dict | None) -> MediatorForm:
        self.form = MediatorForm(self.lists, mediator, self)
        self.form.setWindowModality(Qt.WindowModality.WindowModal)
        self.form.show()
        return self.form

    def add(self) -> MediatorForm | None:
        if not self.lists:
            return None
        return self._open_form(None)

    def edit_selected(self) -> MediatorForm | None:
        m = self.selected()
        if m is None or not self.lists or not m.get("own", True):
            return None
        return self._open_form({k: v for k, v in m.items() if k in _STORED})

    def toggle_active(self) -> None:
        m = self.selected()
        if m is None:
            return
        self.general.hide()
        if not m.get("own", True):
            return
        mediator_id, active = m["id"], not m.get("active")
        base = {k: v for k, v in m.items() if k in _STORED}
        worker.run_op(self, lambda desk: desk.mediators.update(mediator_id, based_on=base,
                                                                active=active),
                      None, self._refused)

    def _refused(self, exc) -> None:
        self.general.setText(getattr(exc, "message", str(exc)))
        self.general.show()
