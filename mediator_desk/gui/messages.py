"""Modal message boxes behind class methods, so tests can replace them (they never block).

    Messages.error(parent, exc)          # a DeskError (message + hint) or plain text
    if Messages.confirm(parent, text): … # yes/no question
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from mediator_desk.errors import DeskError

translate = QCoreApplication.translate


def describe(error: BaseException | str) -> tuple[str, str]:
    """(message, hint) for a DeskError, another exception or plain text."""
    if isinstance(error, DeskError):
        return error.message, error.hint
    if isinstance(error, BaseException):
        text = translate("Messages", "An unexpected error occurred: {error}")
        return text.format(error=str(error) or type(error).__name__), ""
    return str(error), ""


def _box(icon, title: str, text: str, parent) -> QMessageBox:
    return QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)


class Messages:
    """Every modal message the GUI shows. Tests monkeypatch these class methods."""

    @classmethod
    def error(cls, parent: QWidget | None, error: BaseException | str,
              title: str | None = None) -> None:
        message, hint = describe(error)
        box = _box(QMessageBox.Icon.Warning,
                   title or translate("Messages", "Cannot continue"), message, parent)
        if hint:
            box.setInformativeText(hint)
        box.addButton(translate("Messages", "OK"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()

    @classmethod
    def info(cls, parent: QWidget | None, text: str, title: str | None = None) -> None:
        box = _box(QMessageBox.Icon.Information, title or translate("Messages", "Notice"),
                   text, parent)
        box.addButton(translate("Messages", "OK"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()

    @classmethod
    def confirm(cls, parent: QWidget | None, text: str, title: str | None = None,
                yes: str | None = None, no: str | None = None) -> bool:
        box = _box(QMessageBox.Icon.Question, title or translate("Messages", "Please confirm"),
                   text, parent)
        yes_button = box.addButton(yes or translate("Messages", "Yes"),
                                   QMessageBox.ButtonRole.YesRole)
        no_button = box.addButton(no or translate("Messages", "No"), QMessageBox.ButtonRole.NoRole)
        box.setDefaultButton(no_button)
        box.setEscapeButton(no_button)
        box.exec()
        return box.clickedButton() is yes_button
