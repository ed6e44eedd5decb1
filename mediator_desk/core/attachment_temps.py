"""Temporary files of attachments being added, and the ones killed processes left.

A file being added is first copied to a temporary file at the top of the store (then moved
to its hash place, core/attachments.py). Ones a killed process left behind (also under the
older prefixes) are removed when the database is next opened, once older than
``STALE_SECONDS`` (an add in progress in another window is never that old), and reported by
``check``. Kept apart from the attachment manager so that opening a database does not load it.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

TEMP_PREFIX = ".adding-"
OLD_TEMP_PREFIXES = (".incoming-", ".bytes-")
STALE_SECONDS = 3600


def find(root: Path, *, stale_only: bool = False) -> list[Path]:
    """The temporary files in the store ``root`` (only those older than STALE_SECONDS with
    ``stale_only``)."""
    try:
        entries = list(os.scandir(root))
    except OSError:
        return []
    now = time.time()
    out = []
    for e in entries:
        if not e.name.startswith((TEMP_PREFIX, *OLD_TEMP_PREFIXES)) or not e.is_file(
                follow_symlinks=False):
            continue
        try:
            old = now - e.stat(follow_symlinks=False).st_mtime > STALE_SECONDS
        except OSError:
            continue
        if old or not stale_only:
            out.append(Path(e.path))
    return out


def clean(root: Path) -> int:
    """Remove the stale temporary files of the store ``root``; returns how many."""
    gone = 0
    for path in find(root, stale_only=True):
        try:
            path.unlink()
            gone += 1
        except OSError:
            pass
    return gone
