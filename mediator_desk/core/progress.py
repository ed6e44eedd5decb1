"""Progress and cancellation for long work, without Qt.

Long operations (building sample data, imports, exports, batch printing, county-wide statistics)
take a ``progress`` argument from the caller. The GUI passes an object that moves a progress bar
and whose ``cancelled`` turns true when the user presses Cancel; the CLI passes one that prints;
tests and scripts pass nothing. The core reports with :func:`report`, which also raises
:class:`Cancelled` when the caller asked to stop — the operation's transaction then rolls back,
so a cancelled operation leaves nothing behind.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from mediator_desk.errors import DeskError


@runtime_checkable
class Progress(Protocol):
    """What a caller passes to long work: ``update(done, total)`` and a ``cancelled`` flag."""

    def update(self, done: int, total: int) -> None:
        """Called now and then with the units done so far out of ``total``."""

    @property
    def cancelled(self) -> bool:
        """True once the user asked to stop."""


class Cancelled(DeskError):
    """The user cancelled a long operation; nothing was saved."""

    def __init__(self, message: str = "操作已取消，未保存任何内容", *, hint: str = ""):
        super().__init__(message, hint=hint)


def report(progress, done: int, total: int) -> None:
    """Tell ``progress`` (may be None, or a plain callable ``f(done, total)``) how far we are;
    raise :class:`Cancelled` if it asks us to stop."""
    if progress is None:
        return
    if getattr(progress, "cancelled", False):
        raise Cancelled()
    update = getattr(progress, "update", None)
    if update is not None:
        update(done, total)
    elif callable(progress):
        progress(done, total)
    if getattr(progress, "cancelled", False):
        raise Cancelled()
