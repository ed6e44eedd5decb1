"""One window per database.

A second window on the same database would be a second writer whose screens go stale and
whose saves meet the first one's. So ``gui.app.run`` takes a :class:`WindowLock`
before it opens the database: a ``QLockFile`` next to it (``<db>-window.lock``, holding the
process id, the computer's name and the program's name). If another window holds it, the new
one asks that window — through a ``QLocalServer`` named after the database — to come to the
front, says so, and exits without opening the database.

A lock left by a window that was killed is taken over (QLockFile sees that its process is gone).
The command line does not take this lock: it may read and write while a window is open (WAL,
3 s busy timeout); the window notices its writes (``Desk.notice_other_writers``).
"""

from __future__ import annotations

import logging
import os
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QByteArray, QLockFile
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from mediator_desk.core.desk import keep_private, private_folder

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer

log = logging.getLogger(__name__)

SHOW = b"show\n"
CONNECT_MS = 1000


def lock_path_for(db_path: str | os.PathLike) -> Path:
    real = Path(os.path.realpath(db_path))
    return real.with_name(real.name + "-window.lock")


def server_name_for(db_path: str | os.PathLike) -> str:
    """A local-socket name for the database (its real path) and this user."""
    import getpass
    import hashlib

    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name: the socket stays per path
        user = ""
    key = f"{os.path.realpath(db_path)}\0{user}".encode("utf-8", "surrogatepass")
    return "mediator-desk-" + hashlib.sha256(key).hexdigest()[:24]


class WindowLock:
    """The claim of one window on one database (see the module's docstring)."""

    def __init__(self, db_path: str | os.PathLike):
        self.db_path = Path(db_path)
        self.path = lock_path_for(db_path)
        self.lock = QLockFile(str(self.path))
        self.lock.setStaleLockTime(0)          # stale only when its process is gone
        self.server: QLocalServer | None = None
        self.held = False

    @cached_property
    def name(self) -> str:
        """The local server's name (only needed to listen or to call the owner)."""
        return server_name_for(self.db_path)

    def acquire(self, on_show: Callable[[], None] | None = None, *, listen: bool = True) -> bool:
        """Claim the database; False if another window has it. ``on_show`` is called when a
        later window asks this one to come forward (default :func:`bring_forward`).
        ``listen=False``: call :meth:`listen` later (the real start does so once its window
        is up: Qt's network module costs ~10 ms to load; a window started meanwhile says
        which program has the database instead of bringing it forward)."""
        try:
            private_folder(self.path.parent)
        except OSError:
            return True                        # open_database explains the folder problem
        if self.lock.tryLock(0):
            self.held = True
            keep_private(self.path)
            if listen:
                self.listen(on_show)
            return True
        if self.lock.error() == QLockFile.LockError.LockFailedError:
            return False
        # No permission to write the lock (a read-only folder): the database cannot be
        # opened for writing either, and open_database says why.
        log.warning("window lock not taken: %s", self.lock.error())
        return True

    def owner(self) -> tuple[int, str]:
        """(process id, computer name) of the window holding the lock ((0, '') if unknown)."""
        info = self.lock.getLockInfo()
        if isinstance(info, tuple) and len(info) >= 2 and info[0]:
            return int(info[0]), str(info[1])
        return 0, ""

    def ask_owner_to_show(self) -> bool:
        """Ask the window holding the database to come to the front; True if it was asked."""
        from PySide6.QtNetwork import QLocalSocket

        sock = QLocalSocket()
        sock.connectToServer(self.name)
        if not sock.waitForConnected(CONNECT_MS):
            return False
        sock.write(QByteArray(SHOW))
        sent = sock.waitForBytesWritten(CONNECT_MS)
        sock.disconnectFromServer()
        return bool(sent)

    def listen(self, on_show: Callable[[], None] | None = None) -> None:
        """Answer later windows' requests to come forward (once, while the lock is held)."""
        from PySide6.QtNetwork import QLocalServer

        if not self.held or self.server is not None:
            return
        on_show = on_show or bring_forward
        server = QLocalServer()
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(self.name)   # a killed window's socket (we hold the lock)
        if not server.listen(self.name):
            log.warning("no local server for the window lock: %s", server.errorString())
            return

        def accept():
            while server.hasPendingConnections():
                sock = server.nextPendingConnection()

                def read(sock=sock):
                    if bytes(sock.readAll().data()).startswith(SHOW.strip()):
                        on_show()
                    sock.disconnectFromServer()

                sock.readyRead.connect(read)
                sock.disconnected.connect(sock.deleteLater)
                if sock.bytesAvailable():
                    read()

        server.newConnection.connect(accept)
        self.server = server

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        if self.held:
            self.lock.unlock()
            self.held = False


def bring_forward() -> None:
    """Show this process's main window (or the dialog in front of it) at the front."""
    widget: QWidget | None = QApplication.activeModalWidget()
    if widget is None:
        tops = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        widget = next((w for w in tops if isinstance(w, QMainWindow)), tops[0] if tops else None)
    if widget is None:
        return
    if widget.isMinimized():
        widget.showNormal()
    widget.raise_()
    widget.activateWindow()
