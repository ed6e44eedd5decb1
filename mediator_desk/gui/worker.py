"""The one way the GUI touches the database: operations run on a single worker thread.

    run_op(parent, lambda desk: desk.cases.register(...), on_success=..., on_failure=...,
           label="正在保存…")

``op`` receives the :class:`~mediator_desk.core.desk.Desk` and runs on the worker thread; the
callbacks run later on the GUI thread. One thread serialises every read and write, so the Desk
(which is not thread-safe) is only ever used by one thread at a time and the window never
freezes on SQLite. After each operation the worker collects ``desk.take_changes()``; if anything
was written, :data:`DeskRunner.changed` broadcasts the :class:`~mediator_desk.core.changes.Changes`
once, app-wide, and each screen refreshes only what the flags name (cf. Anki's OpChanges).

Failures: a :class:`~mediator_desk.errors.DeskError` goes to ``on_failure(exc)`` when given
(inline messages), else to a Chinese message box (:class:`~mediator_desk.gui.messages.Messages`).
Anything else is logged with its traceback and shown as an unexpected error.

Anything taking longer than half a second shows a small busy dialog with ``label``.
"""

from __future__ import annotations

import itertools
import logging
import queue
import traceback
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QThread, QTimer, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QWidget

from mediator_desk.core.changes import Changes
from mediator_desk.errors import DeskError
from mediator_desk.gui.messages import Messages

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QProgressDialog

    from mediator_desk.core.desk import Desk

log = logging.getLogger(__name__)

T = TypeVar("T")
PROGRESS_DELAY_MS = 500
WATCH_MS = 2000           # how often an idle window looks for writes by other processes


@dataclass
class _Job:
    id: int
    op: Callable[[Any], Any]
    on_success: Callable[[Any], None] | None
    on_failure: Callable[[BaseException], None] | None
    parent: QObject | None
    label: str | None
    busy_dialog: bool = True       # False: the caller shows its own progress (cancellable)
    background: bool = False       # the watch for other writers: not "busy", never waited for
    result: Any = None
    error: BaseException | None = None
    trace: str = ""
    changes: Changes = field(default_factory=Changes)


class _Thread(QThread):
    """Runs jobs from a queue, one at a time, and hands each back through ``done``."""

    done = Signal(object)

    def __init__(self, desk: Desk, jobs: "queue.Queue[_Job | None]"):
        super().__init__()
        self.desk = desk
        self.jobs = jobs

    def run(self) -> None:
        while True:
            job = self.jobs.get()
            if job is None:
                return
            try:
                job.result = job.op(self.desk)
            except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI
                job.error = exc
                if not isinstance(exc, DeskError):
                    job.trace = traceback.format_exc()
            try:
                job.changes = self.desk.take_changes()
            except BaseException:  # noqa: BLE001
                log.exception("take_changes failed")
            self.done.emit(job)


class DeskRunner(QObject):
    """Owns the worker thread for one open Desk. Use :func:`install` / :func:`runner`."""

    changed = Signal(object)   # Changes, after every operation that wrote something
    busy = Signal(bool)        # True while any operation is queued or running

    def __init__(self, desk: Desk, parent: QObject | None = None):
        super().__init__(parent)
        self.desk = desk
        self._jobs: "queue.Queue[_Job | None]" = queue.Queue()
        self._ids = itertools.count(1)
        self._pending: dict[int, _Job] = {}
        self._slow: set[int] = set()
        self._progress: QProgressDialog | None = None
        self._thread = _Thread(desk, self._jobs)
        self._thread.done.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._thread.start()
        # Another process (the CLI, a second window) may write the same database: look every
        # few seconds, when idle, and broadcast what it changed like our own changes.
        self._watching = False
        self._watch = QTimer(self)
        self._watch.setInterval(WATCH_MS)
        self._watch.timeout.connect(self._look_for_other_writers)
        self._watch.start()

    # --- submitting -------------------------------------------------------------------
    def submit(self, parent: QObject | None, op: Callable[[Any], T],
               on_success: Callable[[T], None] | None = None,
               on_failure: Callable[[BaseException], None] | None = None,
               label: str | None = None, busy_dialog: bool = True) -> int:
        job = _Job(next(self._ids), op, on_success, on_failure, parent, label, busy_dialog)
        if not self._pending:
            self.busy.emit(True)
        self._pending[job.id] = job
        QTimer.singleShot(PROGRESS_DELAY_MS, self, lambda jid=job.id: self._maybe_slow(jid))
        self._jobs.put(job)
        return job.id

    def _look_for_other_writers(self) -> None:
        if self._pending or self._watching:
            return
        self._watching = True
        self._jobs.put(_Job(next(self._ids), lambda desk: desk.notice_other_writers(), None,
                            None, None, None, busy_dialog=False, background=True))

    @property
    def pending(self) -> int:
        """Operations queued or running (tests wait for 0)."""
        return len(self._pending)

    def shutdown(self) -> None:
        """Finish queued operations, then stop the thread (call before closing the Desk)."""
        self._watch.stop()
        if self._thread.isRunning():
            self._jobs.put(None)
            self._thread.wait()
        self._hide_progress()

    # --- results (GUI thread) -----------------------------------------------------------
    @Slot(object)
    def _deliver(self, job: _Job) -> None:
        if job.background:
            self._watching = False
            if job.changes:
                self.changed.emit(job.changes)
            return
        self._pending.pop(job.id, None)
        self._slow.discard(job.id)
        if not self._slow:
            self._hide_progress()
        parent_alive = job.parent is None or shiboken6.isValid(job.parent)
        try:
            if job.error is None:
                if job.on_success is not None and parent_alive:
                    job.on_success(job.result)
            else:
                self._fail(job, job.error, parent_alive)
        finally:
            if job.changes:
                self.changed.emit(job.changes)
            if not self._pending:
                self.busy.emit(False)

    def _fail(self, job: _Job, exc: BaseException, parent_alive: bool) -> None:
        if not isinstance(exc, DeskError):
            log.error("operation failed:\n%s", job.trace)
        if not parent_alive:
            return
        if isinstance(exc, DeskError) and job.on_failure is not None:
            job.on_failure(exc)
            return
        widget = job.parent if isinstance(job.parent, QWidget) else None
        Messages.error(widget, exc)

    # --- progress ---------------------------------------------------------------------
    def _maybe_slow(self, job_id: int) -> None:
        job = self._pending.get(job_id)
        if job is None or not job.busy_dialog:
            return
        self._slow.add(job_id)
        self._show_progress(job)

    def _show_progress(self, job: _Job) -> None:
        label = job.label or self.tr("Working, please wait…")
        if self._progress is None:
            parent = job.parent if isinstance(job.parent, QWidget) and \
                shiboken6.isValid(job.parent) else QApplication.activeWindow()
            from PySide6.QtWidgets import QProgressDialog   # the first slow job

            dialog = QProgressDialog(label, "", 0, 0, parent)
            dialog.setCancelButton(None)
            dialog.setWindowTitle(self.tr("Please wait"))
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(0)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            self._progress = dialog
        else:
            self._progress.setLabelText(label)
        self._progress.show()

    def _hide_progress(self) -> None:
        if self._progress is not None:
            if shiboken6.isValid(self._progress):
                self._progress.hide()
                self._progress.deleteLater()
            self._progress = None


_runner: DeskRunner | None = None


def install(desk: Desk) -> DeskRunner:
    """Start the worker for ``desk`` (replacing any previous one, which is shut down)."""
    global _runner
    if _runner is not None and _runner.desk is not desk:
        shutdown()
    if _runner is None:
        _runner = DeskRunner(desk)
    return _runner


def installed() -> bool:
    """Whether a worker is installed (a dialog may be built before, e.g. in a test)."""
    return _runner is not None


def runner() -> DeskRunner:
    """The installed worker (raises if :func:`install` was not called)."""
    if _runner is None:
        raise RuntimeError("worker not installed: call mediator_desk.gui.worker.install(desk)")
    return _runner


def shutdown() -> None:
    """Stop the worker after its queued operations (before ``desk.close()``)."""
    global _runner
    if _runner is not None:
        _runner.shutdown()
        _runner.deleteLater()
        _runner = None


def run_op(parent: QObject | None, op: Callable[[Any], T],
           on_success: Callable[[T], None] | None = None,
           on_failure: Callable[[BaseException], None] | None = None, *,
           label: str | None = None, busy_dialog: bool = True) -> int:
    """Run ``op(desk)`` on the worker thread; call back on the GUI thread.

    ``parent``: the widget asking — callbacks are skipped if it has been deleted, and error
    boxes are shown over it. ``on_failure`` receives a DeskError (e.g. a ValidationError to
    show next to its field); without it the error is shown in a message box. Returns a job id.
    ``busy_dialog=False``: no busy dialog, because the caller shows its own progress (e.g. a
    cancellable progress bar fed by a core/progress.py object, see gui/printing.py).
    """
    return runner().submit(parent, op, on_success, on_failure, label, busy_dialog)


def changes_signal() -> SignalInstance:
    """The app-wide signal carrying :class:`Changes` after each write."""
    return runner().changed
