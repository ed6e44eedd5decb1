"""One skeleton for the dialogs that write through the core (party, records, mediators, setup,
settings): OK and Cancel, the core's refusals next to their fields, one submission at a time,
and fields bound by name.

A subclass binds each input to the name the core uses, once::

    self.place = self.field("place", self.tr("Place"), QLineEdit())
    self.mediators = self.field("mediators", self.tr("Mediators"), NamePicker(…))

and then :meth:`FormDialog.load` fills every bound input from a record and
:meth:`FormDialog.field_values` reads them back as the core takes them (a line edit's stripped
text, a combo's code, a check box's state, a name picker's names …; ``read``/``write`` for the
odd one). :meth:`FormDialog.make_op` returns the operation for the worker (or None after a
local refusal); OK runs it, and the dialog closes only when the core accepted it
(``saved``, ``result_value``); a refusal lands next to its field (all of them at once when
the core names several, ``FieldsRefused``).
"""

from __future__ import annotations

from typing import Any, Callable, Protocol, TypeVar, cast

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox,
                               QDoubleSpinBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QSpinBox, QVBoxLayout, QWidget)

from mediator_desk.gui import worker
from mediator_desk.gui.forms import FieldErrors, error_label, scroll_area, select_code


class TextInput(Protocol):
    """An input that holds one line of text: a line edit, or a combo that behaves like one
    (``NameCombo``)."""

    def text(self) -> str: ...

    def setText(self, text: str) -> None: ...


def read_value(widget: QWidget) -> Any:
    """What an input holds, as the core takes it."""
    if hasattr(widget, "names"):                 # NamePicker
        return widget.names()
    if isinstance(widget, QComboBox) and not widget.isEditable():
        return widget.currentData() if widget.currentData() is not None else ""
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText().strip()
    if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
        return widget.value()
    return cast(TextInput, widget).text().strip()    # line edits, editable combos (NameCombo)


def write_value(widget: QWidget, value: Any) -> None:
    """Show a stored value in an input."""
    if hasattr(widget, "set_names"):
        widget.set_names(value or [])
    elif isinstance(widget, QComboBox) and not widget.isEditable():
        select_code(widget, value if value is not None else "")
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(str(value or ""))
    elif isinstance(widget, (QSpinBox, QDoubleSpinBox)):
        widget.setValue(value or 0)
    else:
        cast(TextInput, widget).setText("" if value is None else str(value))


Input = TypeVar("Input", bound=QWidget)


class FormDialog(QDialog):
    """OK/Cancel, a scrolling form, field errors and the submit/refuse cycle (see module)."""

    def __init__(self, parent: QWidget | None = None, *, ok_text: str = "",
                 scrolling: bool = True):
        super().__init__(parent)
        self.result_value: Any = None
        self.saved = False            # True once the core accepted (tests wait on it)
        self._submitting = False
        self._bindings: dict[str, tuple[QWidget, Callable | None, Callable | None]] = {}
        self.general = error_label()
        self.errors = FieldErrors(self.general)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(ok_text or self.tr("OK"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(self.tr("Cancel"),
                                                    QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.body = QWidget()
        self.body.setLayout(self.form)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll_area(self.body) if scrolling else self.body, 1)
        outer.addWidget(self.general)
        outer.addWidget(self.buttons)

    # --- binding fields ----------------------------------------------------------------
    def bind(self, name: str, widget: QWidget, *aliases: str, read: Callable | None = None,
             write: Callable | None = None) -> QWidget:
        """Bind ``widget`` to the core's field ``name``; returns the container holding it and
        its error line (for a subclass that lays its fields out itself)."""
        self._bindings[name] = (widget, read, write)
        container = self.errors.wrap(name, widget, *aliases)
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(lambda _t, n=name: self.errors.clear(n))
        elif isinstance(widget, QComboBox) and not widget.isEditable():
            widget.currentIndexChanged.connect(lambda _i, n=name: self.errors.clear(n))
        return container

    def field(self, name: str, text: str, widget: Input, *aliases: str,
              read: Callable | None = None, write: Callable | None = None) -> Input:
        """Bind ``widget`` to ``name`` and add it as a row of the form, labelled ``text``
        (its buddy). Returns ``widget``."""
        container = self.bind(name, widget, *aliases, read=read, write=write)
        if text:
            label = QLabel(text)
            label.setBuddy(widget)
            self.form.addRow(label, container)
        else:
            self.form.addRow("", container)
        return widget

    def load(self, record: dict) -> None:
        """Fill every bound input from ``record`` (fields it lacks are left as they are)."""
        for name, (widget, _read, write) in self._bindings.items():
            if name in record:
                (write or (lambda w, v: write_value(w, v)))(widget, record[name])

    def field_values(self) -> dict:
        """Every bound input's value, by field name, as the core takes it."""
        return {name: (read or read_value)(widget)
                for name, (widget, read, _write) in self._bindings.items()}

    # --- submitting --------------------------------------------------------------------
    def make_op(self):  # pragma: no cover - abstract
        """The operation for the worker, ``op(desk)``, or None after showing a local error."""
        raise NotImplementedError

    def run_op(self, op) -> None:
        """Hand ``op`` to the worker (a subclass may pass more, e.g. the day)."""
        worker.run_op(self, op, self._accepted, self._refused, label=self.tr("Saving…"))

    def submit(self) -> None:
        if self._submitting:
            return
        self.errors.clear_all()
        op = self.make_op()
        if op is None:
            return
        self._submitting = True
        self.ok_button.setEnabled(False)
        self.run_op(op)

    def accepted_value(self, result) -> None:
        """Called with the core's answer before the dialog closes (subclasses keep it)."""

    def _accepted(self, result) -> None:
        self._submitting = False
        self.ok_button.setEnabled(True)
        self.result_value = result
        self.saved = True
        self.accepted_value(result)
        self.accept()

    def _refused(self, exc) -> None:
        self._submitting = False
        self.ok_button.setEnabled(True)
        self.errors.show_error(exc)
