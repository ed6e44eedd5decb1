"""Where file dialogs start, and the copies an attachment viewer is shown — what the start
of the application needs from gui/files.py without loading Qt's file dialog classes.

Dialogs never *start* in the database's folder (:func:`protect`, see gui/files.py for why). They
start in the folder last used for the same kind of file (``purpose``: scans, documents,
bundles …, kept in the user's Qt settings by :func:`remember_folder`, never the database's
folder), else in Documents, else home.

"Open attachment" shows a copy (:func:`viewable_copy`) in a private temporary folder
``mediator-desk-view-<pid>-…``; the copies are removed when the application closes
(:func:`remove_viewer_copies`) and any left by an earlier run at the next start.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

VIEW_PREFIX = "mediator-desk-view-"
_OLD_VIEW = re.compile(r"^mediator-desk-[a-z0-9_]{8}$")     # copies made by older versions
_VIEW = re.compile(r"^" + re.escape(VIEW_PREFIX) + r"(\d+)-")
_protected: list[Path] = []           # the database's folder: never a dialog's start folder


# --- where dialogs start -------------------------------------------------------------------

def protect(db_path: str | os.PathLike) -> None:
    """Dialogs must not start in the folder of the database ``db_path`` (set when a desk is
    opened; see the module's docstring)."""
    folder = Path(db_path).absolute().parent
    _protected[:] = [folder]


def _is_protected(folder: Path) -> bool:
    try:
        folder = folder.absolute()
    except OSError:
        return True
    return any(folder == p or p in folder.parents for p in _protected)


FOLDERS_KEY = "files/last_folder/"


def last_folder(purpose: str) -> str:
    """The folder last used for files of ``purpose`` ('' if none)."""
    return str(QSettings().value(FOLDERS_KEY + purpose, "") or "") if purpose else ""


def remember_folder(purpose: str, folder: str) -> None:
    """Start the next dialog for ``purpose`` in ``folder`` — unless it is the database's."""
    if purpose and folder and Path(folder).is_dir() and not _is_protected(Path(folder)):
        QSettings().setValue(FOLDERS_KEY + purpose, str(folder))


def start_folder(*candidates: str, purpose: str = "") -> str:
    """The first of ``candidates`` that exists and is not the database's folder (or inside it),
    else the folder last used for ``purpose``, else the Documents folder, else the home folder
    (even if the database is there: a dialog must start somewhere)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    home = str(Path.home())
    for candidate in (*candidates, last_folder(purpose), documents, home):
        if candidate and Path(candidate).is_dir() and not _is_protected(Path(candidate)):
            return str(candidate)
    return home


# --- viewer copies -------------------------------------------------------------------------

def viewable_copy(stored: Path, file_name: str) -> Path:
    """A copy of a stored attachment under its original name (stored files are named by their
    content hash, without an extension, so a viewer would not know what they are). The copy
    lives in a private temporary folder (0700, the file 0600), so the viewer can never change
    the stored file; it is removed when the application closes."""
    folder = Path(tempfile.mkdtemp(prefix=f"{VIEW_PREFIX}{os.getpid()}-"))
    name = Path(file_name).name or stored.name
    target = folder / name
    shutil.copyfile(stored, target)
    os.chmod(target, 0o600)
    return target


def remove_viewer_copies(*, at_exit: bool = False) -> int:
    """Remove the viewer copies' folders of this user: at start (``at_exit`` False) those of
    processes that are gone — a running window keeps its copies — and at exit this process's
    own as well. Returns how many folders were removed; never raises."""
    base = Path(tempfile.gettempdir())
    removed = 0
    try:
        entries = list(base.iterdir())
    except OSError:
        return 0
    for entry in entries:
        name = entry.name
        if not name.startswith("mediator-desk-"):
            continue
        m = _VIEW.match(name)
        if m:
            pid = int(m.group(1))
            if pid == os.getpid():
                if not at_exit:
                    continue
            elif _pid_running(pid):
                continue
        elif not _OLD_VIEW.match(name):
            continue
        try:
            st = entry.lstat()
            if not stat.S_ISDIR(st.st_mode) or (hasattr(os, "getuid")
                                                and st.st_uid != os.getuid()):
                continue
        except OSError:
            continue
        shutil.rmtree(entry, ignore_errors=True)
        removed += not entry.exists()
    return removed


def _pid_running(pid: int) -> bool:
    if os.name == "nt":
        from mediator_desk.sync.leftovers import pid_running

        return pid_running(pid)
    try:
        os.kill(pid, 0)          # signal 0 only checks (POSIX)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True
