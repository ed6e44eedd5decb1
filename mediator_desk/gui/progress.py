"""A cancellable progress bar for long work on the worker (rendering a case file, a batch of
documents, exporting or importing a sync file).

:class:`ProgressBridge` is a core/progress.py progress object: the core calls ``update`` on the
worker thread, the updates reach a QProgressDialog by a queued signal, and the Cancel button sets
``cancelled``, on which the core raises ``Cancelled`` and rolls back.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from mediator_desk.core.progress import Cancelled
from mediator_desk.errors import DeskError
from mediator_desk.gui import worker
from mediator_desk.gui.messages import describe

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


class ProgressBridge(QObject):
    """A core/progress.py progress object for work on the worker thread.

    ``update`` is called on the worker; ``progressed`` reaches GUI-thread receivers queued.
    ``cancel()`` (GUI thread) makes ``cancelled`` true, and the core then raises Cancelled."""

    progressed = Signal(int, int)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._cancelled = threading.Event()
        self.last = (0, 0)   # the newest update, for the final state of the bar

    def update(self, done: int, total: int) -> None:
        self.last = (done, total)
        self.progressed.emit(done, total)

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def cancel(self) -> None:
        self._cancelled.set()


class ProgressDialog(QProgressDialog):
    """The progress bar of :func:`run_with_progress`: ``bridge`` is its progress object,
    ``reached`` the newest (done, total) it showed."""

    def __init__(self, label: str, parent: QWidget | None):
        super().__init__(label, translate("Printing", "Cancel"), 0, 0, parent)
        self.bridge = ProgressBridge(self)
        self.reached = (0, 0)


def run_with_progress(parent: QWidget, op: Callable[[Any, ProgressBridge], Any], label: str,
                      on_success: Callable[[Any], None],
                      on_failure: Callable[[BaseException], None] | None = None,
                      on_cancel: Callable[[], None] | None = None) -> ProgressDialog:
    """Run ``op(desk, progress)`` on the worker with a progress bar that can cancel it.

    The dialog is returned (tests read its value; ``dialog.bridge`` is the progress object).
    A cancel ends in ``on_cancel`` (nothing was saved), other DeskErrors in ``on_failure``
    (default: a message box)."""
    dialog = ProgressDialog(label, parent)
    dialog.setWindowTitle(translate("Printing", "Please wait"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    bridge = dialog.bridge

    def moved(*_signalled) -> None:
        # Queued signals from the worker may arrive out of order or after the result: always
        # show the newest state the work reported, not the one this signal carried.
        done, total = bridge.last
        if total > 0:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))
        dialog.reached = (done, total)

    def finish() -> None:
        dialog.hide()
        dialog.deleteLater()

    def succeeded(result) -> None:
        moved()
        finish()
        on_success(result)

    def failed(exc: BaseException) -> None:
        finish()
        if isinstance(exc, Cancelled):
            if on_cancel is not None:
                on_cancel()
            return
        if on_failure is not None:
            on_failure(exc)
        else:
            from mediator_desk.gui.messages import Messages
            Messages.error(parent, exc)

    def guarded(desk: Desk):
        # Every failure must reach ``failed`` (which closes the dialog); the worker hands only
        # DeskErrors to on_failure, so an unexpected one is logged here and passed on as one.
        try:
            return op(desk, bridge)
        except DeskError:
            raise
        except Exception as exc:  # noqa: BLE001
            log.exception("operation with progress failed")
            raise DeskError(describe(exc)[0]) from exc

    bridge.progressed.connect(moved, Qt.ConnectionType.QueuedConnection)
    dialog.canceled.connect(bridge.cancel)
    dialog.show()
    worker.run_op(parent, guarded, succeeded, failed, label=label, busy_dialog=False)
    return dialog
