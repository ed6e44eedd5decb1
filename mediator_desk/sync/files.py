"""Attachment files in sync files: which tables carry one, reading ours to send, and
staging received ones until the import commits."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from mediator_desk.errors import DeskError
from mediator_desk.storage.schema import TRAVELLING_TABLES
from mediator_desk.sync import leftovers
from mediator_desk.sync.apply import table_columns

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk

FILE_COLUMN = "sha256"   # a travelling table with this column carries a file (attachments)


def file_tables(desk: "Desk") -> list[str]:
    return [t for t in TRAVELLING_TABLES if FILE_COLUMN in table_columns(desk, t)]


def attachment_path(desk: "Desk", sha256: str) -> Path:
    """Where the file with this content hash is stored (the core's one layout)."""
    return desk.attachments.file_path(sha256)


def read_attachment(desk: "Desk", sha256: str) -> bytes:
    path = attachment_path(desk, sha256)
    try:
        data = path.read_bytes()
    except OSError:
        raise DeskError(f"附件文件丢失：{path}",
                        hint="请找回该文件放回原处，或在案件中重新添加该附件后再导出") from None
    if hashlib.sha256(data).hexdigest() != sha256:
        raise DeskError(f"附件文件已损坏（内容与记录不符）：{path}",
                        hint="请重新添加该附件后再导出")
    return data


class StagedFiles:
    """Attachments received in a file: verified, kept in a staging folder until the import
    commits, then moved to their content-addressed place (a file already there is kept).

    The folder is ``<db>-files/.incoming-<pid>-<host>-XXXX`` (sync/leftovers.py): removed by
    :meth:`cleanup`, or — if the process was killed — by the next import's clean-up."""

    def __init__(self, desk: "Desk", *, keep: bool):
        self.desk = desk
        self.keep = keep
        self.dir: Path | None = None
        self.staged: dict[str, Path] = {}

    def add(self, sha256: str, data: bytes) -> None:
        if not self.keep or attachment_path(self.desk, sha256).exists():
            return
        if self.dir is None:
            self.dir = leftovers.new_staging_folder(self.desk)
        path = self.dir / sha256
        path.write_bytes(data)
        self.staged[sha256] = path

    def commit(self) -> None:
        """Move staged files into place (before the database commit: a file without its
        record is harmless, a record without its file is not)."""
        for sha, path in self.staged.items():
            final = attachment_path(self.desk, sha)
            final.parent.mkdir(parents=True, exist_ok=True)
            if not final.exists():
                os.replace(path, final)

    def cleanup(self) -> None:
        if self.dir is not None:
            shutil.rmtree(self.dir, ignore_errors=True)
            leftovers.release(self.dir)
            self.dir = None
