"""The exceptions every layer raises. Each carries a message in plain Chinese for the user.

Shared by storage, core, documents, sync, the CLI and the GUI, so it sits at the top of the
package and imports nothing.
"""

from __future__ import annotations


class DeskError(Exception):
    """Base class: ``message`` is shown to the user as is (Simplified Chinese)."""

    def __init__(self, message: str, *, hint: str = ""):
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}{('' if not self.hint else '。' + self.hint)}"


class DatabaseRefused(DeskError):
    """The database cannot be opened as it is (newer, foreign, corrupt, locked, read-only).

    The file has not been modified.
    """


class ValidationError(DeskError):
    """Input that is refused; ``field`` names the offending field (the key used by forms)."""

    def __init__(self, message: str, *, field: str = "", hint: str = ""):
        super().__init__(message, hint=hint)
        self.field = field


class NotFound(DeskError):
    """A record that was asked for does not exist."""


class IllegalStep(DeskError):
    """An operation that the case's current state does not allow (with the reason)."""


class ReadOnlyRecord(DeskError):
    """An edit to a record that may no longer change (signed agreement, archived case, …)."""
