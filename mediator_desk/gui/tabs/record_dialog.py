"""The base of the dialogs that write one record of a case (the core's refusal is shown next
to its field and the dialog stays open), and opening such a dialog once per owner."""

from __future__ import annotations

from typing import Callable, TypeVar

from PySide6.QtWidgets import QDialog, QWidget

from mediator_desk.gui.form_dialog import FormDialog, Input
from mediator_desk.gui.tabs.case_path import CasePath

Dialog = TypeVar("Dialog", bound=QDialog)


class RecordDialog(FormDialog):
    """A dialog that writes one record of the case's path through the core
    (gui/form_dialog.py): subclasses bind their fields with :meth:`row` (``field``) and
    implement :meth:`make_op` returning ``op(desk, today)`` (or None after showing a local
    error). OK runs it on the worker; the dialog closes only when the core accepted, with the
    result in ``result_value`` (and ``saved`` True)."""

    def __init__(self, path: CasePath, parent: QWidget | None = None):
        super().__init__(parent)
        self.path = path
        self.finished.connect(lambda _r: self.deleteLater())

    def row(self, field: str, text: str, widget: Input, *aliases: str,
            read: Callable | None = None, write: Callable | None = None) -> Input:
        return self.field(field, text, widget, *aliases, read=read, write=write)

    def run_op(self, op) -> None:
        self.path.run(self, op, self._accepted, self._refused)


def open_dialog(owner, dialog: Dialog) -> Dialog:
    """Show ``dialog`` window-modal without blocking (tests and the event loop go on);
    ``owner.dialog`` holds it while open."""
    owner.dialog = dialog
    dialog.finished.connect(lambda _r, o=owner, d=dialog: _forget(o, d))
    dialog.open()
    return dialog


def _forget(owner, dialog) -> None:
    if getattr(owner, "dialog", None) is dialog:
        owner.dialog = None
