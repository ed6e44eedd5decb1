"""Settings of the mediation path (core/path_settings.py): follow-up days, attachment limits,
retention choices, and this committee's agreement number pattern.

The values are checked by the core; all changed values are saved in one call
(``path_settings.set_values``), so a refused one saves nothing and its message shows next to its
field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from mediator_desk.core import path_settings
from mediator_desk.core.agreements import format_agreement_no
from mediator_desk.gui import worker
from mediator_desk.gui.form_dialog import FormDialog
from mediator_desk.gui.forms import fit_to_screen, set_role

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk

MB = 1024 * 1024
# The agreement number pattern in words: what a person sees and types for the core's fields.
PATTERN_WORDS = (("{year}", "〔年份〕"), ("{short}", "〔简称〕"), ("{n}", "〔序号〕"))
# attachment types offered as check boxes (the extensions each one stands for)
TYPE_CHOICES = (("pdf",), ("jpg", "jpeg"), ("png",), ("tif", "tiff"))


def pattern_in_words(text: str) -> str:
    for field, words in PATTERN_WORDS:
        text = text.replace(field, words)
    return text


def pattern_from_words(text: str) -> str:
    for field, words in PATTERN_WORDS:
        text = text.replace(words, field)
    return text


def _load(desk: Desk) -> dict:
    org_id = desk.settings.get("committee_id") or ""
    return {"org_id": org_id, "values": path_settings.values(desk, org_id=org_id)}


def _save(desk: Desk, changed: dict, org_id: str) -> dict:
    return path_settings.set_values(desk, changed, org_id=org_id)


def _size_text(n: int) -> str:
    """Bytes as megabytes ("20", "0.5")."""
    return f"{n / MB:.1f}".rstrip("0").rstrip(".")


class SettingsDialog(FormDialog):
    """Edit the path settings; Save writes only what changed. Fields are bound by the
    setting's key (gui/form_dialog.py) and shown in words (``_texts``)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, ok_text=self.tr("&Save"))
        self.setWindowTitle(self.tr("Settings"))
        self.org_id = ""
        self.shown_values: dict[str, str] = {}
        self.loading = True
        field = self.field
        self.followup_days = field("followup_days", self.tr(
            "&Follow-up visit due (days after the performance deadline)"), QLineEdit())
        self.confirmation_warn_days = field("confirmation_warn_days", self.tr(
            "&Warn before the confirmation window closes (days)"), QLineEdit())
        self.attachment_max_bytes = QLineEdit()
        self.attachment_max_bytes.setPlaceholderText(self.tr("e.g. 20"))
        self.attachment_max_bytes.textEdited.connect(
            lambda _t: self.errors.clear("attachment_max_bytes"))
        size_box = QWidget()
        size_row = QHBoxLayout(size_box)
        size_row.setContentsMargins(0, 0, 0, 0)
        size_row.addWidget(self.attachment_max_bytes, 1)
        size_row.addWidget(QLabel(self.tr("megabytes (a phone photo is 2–5)")))
        size_box.setFocusProxy(self.attachment_max_bytes)
        field("attachment_max_bytes", self.tr("Largest &attachment"), size_box,
              read=lambda _w: self.attachment_max_bytes.text().strip(),
              write=lambda _w, v: self.attachment_max_bytes.setText(v))
        self.type_boxes = {}
        types_box = QWidget()
        types_row = QGridLayout(types_box)
        types_row.setContentsMargins(0, 0, 0, 0)
        names = (self.tr("PDF files"), self.tr("Photos (JPG)"), self.tr("Pictures (PNG)"),
                 self.tr("Scans (TIF)"))
        for i, (exts, text) in enumerate(zip(TYPE_CHOICES, names)):
            box = QCheckBox(text)
            box.toggled.connect(lambda _on: self.errors.clear("attachment_types"))
            self.type_boxes[exts] = box
            types_row.addWidget(box, i // 2, i % 2)
        types_box.setFocusProxy(next(iter(self.type_boxes.values())))
        field("attachment_types", self.tr("Accepted attachment &types"), types_box,
              read=lambda _w: self._types_text(), write=lambda _w, v: self._tick_types(v))
        self.retention_choices = field("retention_choices", self.tr(
            "&Retention periods offered when archiving"), QLineEdit())
        self.retention_choices.setPlaceholderText(self.tr("e.g. 10年、30年、永久"))
        self.agreement_no_pattern = field("agreement_no_pattern", self.tr(
            "Agreement &number pattern (this committee)"), QLineEdit(), "pattern")
        self.agreement_no_pattern.textChanged.connect(self._show_pattern_example)
        self.pattern_example = QLabel()
        set_role(self.pattern_example, "warning")
        self.form.addRow("", self.pattern_example)
        pattern_hint = QLabel(self.tr("〔年份〕〔简称〕〔序号〕 are filled in for each agreement"))
        self.form.addRow("", pattern_hint)
        self.stats_reviewer = field("stats_reviewer", self.tr("Statistics re&viewer"),
                                    QLineEdit())
        self.stats_on_time_days = field("stats_on_time_days", self.tr(
            "Monthly report on time (days after the month)"), QLineEdit())
        self.stats_hard_people = field("stats_hard_people", self.tr(
            "Hard case: people involved from"), QLineEdit())
        self.stats_hard_yuan = field("stats_hard_yuan", self.tr("Hard case: amount from (yuan)"),
                                     QLineEdit())
        self.ok_button.setEnabled(False)
        fit_to_screen(self, max(760, self.body.sizeHint().width() + 80),
                      self.body.sizeHint().height() + 100)
        self.followup_days.setFocus(Qt.FocusReason.OtherFocusReason)
        worker.run_op(self, _load, self._loaded)

    def _texts(self, values: dict) -> dict[str, str]:
        """The settings as the form shows them (words, not the stored codes)."""
        out = {}
        for key, value in values.items():
            if key == "attachment_max_bytes":
                out[key] = _size_text(int(value))
            elif key == "attachment_types":
                out[key] = ",".join(sorted(value))
            elif key == "agreement_no_pattern":
                out[key] = pattern_in_words(str(value))
            elif isinstance(value, list):
                out[key] = "、".join(map(str, value))
            else:
                out[key] = str(value)
        return out

    def _types_text(self) -> str:
        return ",".join(sorted(ext for exts, box in self.type_boxes.items()
                               if box.isChecked() for ext in exts))

    def _tick_types(self, text: str) -> None:
        chosen = set(text.split(","))
        for exts, box in self.type_boxes.items():
            box.setChecked(bool(chosen & set(exts)))

    def _loaded(self, data: dict) -> None:
        self.org_id = data["org_id"]
        self.shown_values = self._texts(data["values"])
        self.load(self.shown_values)
        self.loading = False
        self.ok_button.setEnabled(True)

    def _show_pattern_example(self, text: str) -> None:
        try:
            example = format_agreement_no(pattern_from_words(text), year=2026, short="红旗", n=1)
        except (KeyError, IndexError, ValueError):
            example = ""
        self.pattern_example.setText(self.tr("For example: {number}").format(number=example)
                                     if example else "")

    def changed(self) -> dict[str, str]:
        """The fields whose value differs from what was loaded, as the core takes them."""
        out = {}
        for key, text in self.field_values().items():
            if text == self.shown_values.get(key, ""):
                continue
            if key == "attachment_max_bytes":
                out[key] = f"{text}MB" if text.replace(".", "", 1).isdigit() else text
            elif key == "agreement_no_pattern":
                out[key] = pattern_from_words(text)
            else:
                out[key] = text
        return out

    def make_op(self):
        changed = self.changed()
        if not changed:
            self.accept()
            return None
        org_id = self.org_id
        return lambda desk: _save(desk, changed, org_id)

    def accepted_value(self, values: dict) -> None:
        self.shown_values = self._texts(values)

    def _refused(self, exc) -> None:
        # the core names the pattern's fields as stored; the form shows them in words
        exc.message = pattern_in_words(exc.message)
        super()._refused(exc)
