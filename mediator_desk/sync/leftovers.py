"""What interrupted sync work leaves behind, found (for ``check``) and cleaned up (at the next
import or export).

Two kinds of leftovers, both owned by the database they belong to:

- **staging folders** ``<db>-files/.incoming-<pid>-<host>-XXXX/``: an import decrypts the
  attachments it received into one (sync/files.py ``StagedFiles``) until it commits. A killed
  import leaves it behind, with decrypted files in it.
- **unfinished exports** ``<out>.part``: an export writes there until it is complete
  (sync/container.py ``write_container``); a killed one leaves it — not importable, since it
  lacks the zip's end record. The ``.part`` may be anywhere (a USB stick), so each export first
  drops a marker file ``<db>-files/.exporting-<pid>-<host>-XXXX`` naming it, removed when the
  export ends either way.

Whose is it? ``<pid>`` is the process that made the folder or marker and ``<host>`` the first 8
hex digits of SHA-256 of the computer's name. A leftover is **stale** (safe to remove) when this
process is not using it and either it was made on this computer by a process that is no longer
running (or by this very process), or it is older than ``STALE_AFTER`` (24 h; its last change):
an import or export never takes that long. The age rule alone covers leftovers made on another
computer (a database on a shared folder: a pid of another computer means nothing here), those
without a pid (older versions) and a pid reused by an unrelated process. A staging folder or
marker in use by a running import or export is therefore never touched.

``find_leftovers`` only looks (``mediator-desk check`` must not change files);
``clean_up`` removes the stale ones and is called at the start of every import of a bundle or
receipt (sync/log.py ``logged_attempt``) and of every export (:func:`exporting`).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import socket
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mediator_desk.sync.container import part_path

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk

STAGING_PREFIX = ".incoming-"
MARKER_PREFIX = ".exporting-"
STALE_AFTER = 24 * 3600          # seconds; for leftovers whose process cannot be checked
HOST = hashlib.sha256(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:8]
_TAG = re.compile(r"^(\d+)-([0-9a-f]{8})-")

# Staging folders and markers this process is using right now (never stale).
_ACTIVE: set[Path] = set()


@dataclass
class Leftover:
    """One staging folder or unfinished export file."""

    kind: str            # "staging" | "export"
    path: Path           # the staging folder, or the unfinished <out>.part
    stale: bool          # its process is gone: safe to remove
    marker: Path | None = None   # exports: the marker file in <db>-files
    files: int = 0       # staging: files in the folder

    @property
    def message(self) -> str:
        if self.kind == "staging":
            if not self.stale:
                return f"正在进行的导入使用的临时文件夹：{self.path}（请勿删除）"
            return (f"中断的导入留下的临时文件夹：{self.path}（{self.files} 个已解密的附件；"
                    "下次导入同步文件时会自动删除，也可以手动删除）")
        if not self.stale:
            return f"正在导出的文件：{self.path}（请勿删除）"
        return (f"中断的导出留下的未完成文件：{self.path}（不能导入；下次导出时会自动删除，"
                "也可以手动删除；请重新导出）")


def _tag() -> str:
    return f"{os.getpid()}-{HOST}-"


def pid_running(pid: int) -> bool:
    """Whether a process with this id runs on this computer (never signals it)."""
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if os.name == "nt":
        return _pid_running_windows(pid)
    try:
        os.kill(pid, 0)          # signal 0 only checks (POSIX); on Windows it would kill
    except ProcessLookupError:
        return False
    except PermissionError:
        return True              # exists, owned by someone else
    except OSError:
        return True
    return True


def _pid_running_windows(pid: int) -> bool:
    if sys.platform != "win32":
        raise OSError("Windows only")
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.OpenProcess.restype = wintypes.HANDLE
    handle = kernel32.OpenProcess(0x1000, False, pid)   # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return ctypes.get_last_error() == 5                  # ERROR_ACCESS_DENIED: it exists
    try:
        code = wintypes.DWORD()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == 259                             # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def _stale(path: Path, prefix: str, now: float) -> bool:
    """Not in use by this process, and made by a process of this computer that is gone (or by
    this one), or older than STALE_AFTER (which also covers a reused pid)."""
    if path in _ACTIVE:
        return False
    m = _TAG.match(path.name[len(prefix):])
    if m and m.group(2) == HOST:
        pid = int(m.group(1))
        if pid == os.getpid() or not pid_running(pid):
            return True
    try:
        return now - path.stat().st_mtime > STALE_AFTER
    except OSError:
        return False


def _marker_target(marker: Path) -> Path | None:
    try:
        data = json.loads(marker.read_text(encoding="utf-8"))
        target = Path(data["part"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return target if target.name.endswith(".part") else None


def find_leftovers(desk: "Desk") -> list[Leftover]:
    """Staging folders and unfinished exports of this database (looks only, changes nothing).

    An export marker whose ``.part`` no longer exists is not listed (nothing is left there)."""
    base = desk.attachments_dir
    try:
        entries = sorted(base.iterdir())
    except OSError:
        return []
    now = time.time()
    found = []
    for entry in entries:
        if entry.name.startswith(STAGING_PREFIX) and entry.is_dir():
            try:
                files = sum(1 for p in entry.iterdir() if p.is_file())
            except OSError:
                files = 0
            found.append(Leftover("staging", entry, _stale(entry, STAGING_PREFIX, now),
                                  files=files))
        elif entry.name.startswith(MARKER_PREFIX) and entry.is_file():
            target = _marker_target(entry)
            if target is not None and target.is_file():
                found.append(Leftover("export", target, _stale(entry, MARKER_PREFIX, now),
                                      marker=entry))
    return found


def clean_up(desk: "Desk") -> list[Leftover]:
    """Remove the stale leftovers of this database; returns what was removed. Never raises:
    cleaning up must not stop an import or export."""
    base = desk.attachments_dir
    try:
        entries = list(base.iterdir())
    except OSError:
        return []
    now = time.time()
    removed = []
    for entry in entries:
        try:
            if entry.name.startswith(STAGING_PREFIX) and entry.is_dir():
                if _stale(entry, STAGING_PREFIX, now):
                    shutil.rmtree(entry, ignore_errors=True)
                    if not entry.exists():
                        removed.append(Leftover("staging", entry, True))
            elif entry.name.startswith(MARKER_PREFIX) and entry.is_file():
                if _stale(entry, MARKER_PREFIX, now):
                    target = _marker_target(entry)
                    if target is not None and target.is_file():
                        target.unlink()
                        removed.append(Leftover("export", target, True, marker=entry))
                    entry.unlink()
        except OSError:
            continue
    return removed


def new_staging_folder(desk: "Desk") -> Path:
    """Make a staging folder for an import in this process (see :func:`release`)."""
    base = desk.attachments_dir
    base.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX + _tag(), dir=base))
    _ACTIVE.add(folder)
    return folder


def release(path: Path) -> None:
    """A staging folder or marker is no longer in use by this process."""
    _ACTIVE.discard(path)


@contextmanager
def exporting(desk: "Desk", path: str | os.PathLike):
    """Around one export to ``path``: clean up stale leftovers, then mark the export as running
    (the marker names ``<path>.part``) until it ends, whichever way it ends. If the marker
    cannot be written the export goes on (the marker only serves ``check`` and clean-up)."""
    clean_up(desk)
    marker = None
    try:
        base = desk.attachments_dir
        base.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=MARKER_PREFIX + _tag(), dir=base)
        marker = Path(name)
        _ACTIVE.add(marker)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({"part": str(part_path(Path(path).absolute()))}, fh, ensure_ascii=False)
    except OSError:
        pass
    try:
        yield
    finally:
        if marker is not None:
            release(marker)
            try:
                marker.unlink()
            except OSError:
                pass
