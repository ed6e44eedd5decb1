"""Settings of the mediation path (core/path_settings.py): follow-up days, attachment limits,
retention choices, and this committee's agreement number pattern.

The values are checked by the core; all changed values are saved in one call
(``path_settings.set_values``), so a refused one saves nothing and its message shows next to its
field.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QVBoxLayout, QWidget)

from mediator_desk.core import path_settings
from mediator_desk.gui import worker
from mediator_desk.gui.forms import FieldErrors, error_label

MB = 1024 * 1024


def _load(desk) -> dict:
    org_id = desk.settings.get("committee_id") or ""
    return {"org_id": org_id, "values": path_settings.values(desk, org_id=org_id)}


def _save(desk, changed: dict, org_id: str) -> dict:
    return path_settings.set_values(desk, changed, org_id=org_id)


def _size_text(n: int) -> str:
    return f"{n // MB}MB" if n % MB == 0 else str(n)


class SettingsDialog(QDialog):
    """Edit the path settings; Save writes only what changed."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.org_id = ""
        self.shown_values: dict[str, str] = {}
        self.loading = True
        self.saved = False
        self.general = error_label()
        self.errors = e = FieldErrors(self.general)
        self.followup_days = QLineEdit()
        self.confirmation_warn_days = QLineEdit()
        self.attachment_max_bytes = QLineEdit()
        self.attachment_max_bytes.setPlaceholderText(self.tr("e.g. 20MB"))
        self.attachment_types = QLineEdit()
        self.attachment_types.setPlaceholderText(self.tr("e.g. pdf, jpg, png"))
        self.retention_choices = QLineEdit()
        self.retention_choices.setPlaceholderText(self.tr("separated by commas"))
        self.agreement_no_pattern = QLineEdit()
        self.stats_reviewer = QLineEdit()
        self.stats_on_time_days = QLineEdit()
        self.stats_hard_people = QLineEdit()
        self.stats_hard_yuan = QLineEdit()

        form = QFormLayout()

        def row(field, text, widget, *aliases):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, e.wrap(field, widget, *aliases))

        row("followup_days", self.tr("&Follow-up visit due (days after the performance "
                                     "deadline)"), self.followup_days)
        row("confirmation_warn_days", self.tr("&Warn before the confirmation window closes "
                                              "(days)"), self.confirmation_warn_days)
        row("attachment_max_bytes", self.tr("Largest &attachment"), self.attachment_max_bytes)
        row("attachment_types", self.tr("Accepted attachment &types"), self.attachment_types)
        row("retention_choices", self.tr("&Retention periods offered when archiving"),
            self.retention_choices)
        row("agreement_no_pattern", self.tr("Agreement &number pattern (this committee)"),
            self.agreement_no_pattern, "pattern")
        pattern_hint = QLabel(self.tr("{year} = year, {short} = committee short name, "
                                      "{n} = sequence number"))
        pattern_hint.setProperty("role", "warning")
        form.addRow("", pattern_hint)
        row("stats_reviewer", self.tr("Statistics re&viewer"), self.stats_reviewer)
        row("stats_on_time_days", self.tr("Monthly report on time (days after the month)"),
            self.stats_on_time_days)
        row("stats_hard_people", self.tr("Hard case: people involved from"),
            self.stats_hard_people)
        row("stats_hard_yuan", self.tr("Hard case: amount from (yuan)"), self.stats_hard_yuan)

        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(self.tr("&Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(self.tr("Cancel"),
                                               QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.setDefault(True)
        self.ok_button.setEnabled(False)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        for key in path_settings.DEFAULTS:
            getattr(self, key).textEdited.connect(lambda _t, k=key: self.errors.clear(k))
        self.setMinimumWidth(700)
        self.followup_days.setFocus(Qt.FocusReason.OtherFocusReason)
        worker.run_op(self, _load, self._loaded)

    def _texts(self, values: dict) -> dict[str, str]:
        out = {}
        for key, value in values.items():
            if key == "attachment_max_bytes":
                out[key] = _size_text(int(value))
            elif isinstance(value, list):
                out[key] = ", ".join(map(str, value))
            else:
                out[key] = str(value)
        return out

    def _loaded(self, data: dict) -> None:
        self.org_id = data["org_id"]
        self.shown_values = self._texts(data["values"])
        for key, text in self.shown_values.items():
            getattr(self, key).setText(text)
        self.loading = False
        self.ok_button.setEnabled(True)

    def changed(self) -> dict[str, str]:
        """The fields whose text differs from what was loaded."""
        return {key: getattr(self, key).text().strip() for key in path_settings.DEFAULTS
                if getattr(self, key).text().strip() != self.shown_values.get(key, "")}

    def submit(self) -> None:
        self.errors.clear_all()
        changed = self.changed()
        if not changed:
            self.accept()
            return
        org_id = self.org_id
        self.ok_button.setEnabled(False)
        worker.run_op(self, lambda desk: _save(desk, changed, org_id), self._saved,
                      self._refused, label=self.tr("Saving…"))

    def _saved(self, values: dict) -> None:
        self.saved = True
        self.shown_values = self._texts(values)
        self.ok_button.setEnabled(True)
        self.accept()

    def _refused(self, exc) -> None:
        self.ok_button.setEnabled(True)
        self.errors.show_error(exc)
