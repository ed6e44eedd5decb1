"""Private by default: what the application creates next to the database is readable by its
owner only, whatever the umask — files 0600, folders 0700.

The database file is created here (empty, 0600) before SQLite opens it: SQLite gives the
``-wal``, ``-shm`` and ``-journal`` files it creates the permissions of the database file
(``robust_open`` in its unix VFS), so they follow. Existing files of older versions (0644) are
tightened when the database is opened for writing. Permissions are changed with ``chmod``,
which opens nothing: opening and closing the database file in the process that holds it would
drop SQLite's POSIX locks (docs/architecture.md, "One writer").

On Windows the mode bits mean little (only "read-only"); there the per-user data folder's
access list keeps other users out.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700


def make_private_dir(path: str | os.PathLike) -> Path:
    """Create the folder ``path`` (and missing parents) if needed; a folder created here is
    0700 (parents it had to create keep the usual permissions). Returns the path."""
    path = Path(path)
    if path.is_dir():
        return path
    if not path.parent.is_dir():
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        path.mkdir(mode=DIR_MODE)
    except FileExistsError:
        return path
    _chmod(path, DIR_MODE)           # mkdir's mode is filtered by the umask: set it exactly
    return path


def create_private_file(path: str | os.PathLike) -> bool:
    """Create ``path`` empty with mode 0600 if it does not exist. True if it was created."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                     FILE_MODE)
    except FileExistsError:
        return False
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, FILE_MODE)
    finally:
        os.close(fd)
    return True


def tighten(path: str | os.PathLike) -> None:
    """Take group and other permissions away from an existing file or folder of ours (an
    older version made them 0644/0755). Never raises; never opens the file."""
    try:
        st = os.stat(path)
    except OSError:
        return
    if os.name == "nt" or not stat.S_IMODE(st.st_mode) & 0o077:
        return
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        return                   # not ours (e.g. a shared folder): leave it as its owner set it
    _chmod(path, stat.S_IMODE(st.st_mode) & ~0o077)


def is_private(path: str | os.PathLike) -> bool:
    """No permission for group or others (always True on Windows)."""
    if os.name == "nt":
        return True
    return not stat.S_IMODE(os.stat(path).st_mode) & 0o077


def _chmod(path, mode: int) -> None:
    try:
        os.chmod(path, mode)
    except OSError:
        pass
