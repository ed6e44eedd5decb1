"""Helpers shared by bundles, receipts and enrolment files (reading side and writing side)."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pyrage

from mediator_desk import __version__
from mediator_desk.core.clock import utc_now
from mediator_desk.errors import DeskError, ValidationError
from mediator_desk.storage.migrations import MIGRATIONS
from mediator_desk.storage.schema import TRAVELLING_TABLES
from mediator_desk.sync import leftovers
from mediator_desk.sync.apply import table_columns
from mediator_desk.sync.container import (FORMAT, FORMAT_VERSION, PAYLOAD_ENCRYPTED, BundleRefused,
                                          Container, loads_strict)
from mediator_desk.sync.payload import AUDIT_COLUMNS, Incoming, TableRows, parse_payload

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk
    from mediator_desk.sync.keys import SiteKeys

FILE_COLUMN = "sha256"   # a travelling table with this column carries a file (attachments)


def known_schema_versions() -> list[str]:
    return MIGRATIONS.names


def current_schema_version() -> str:
    return known_schema_versions()[-1]


def check_schema(manifest: dict) -> str:
    """'same' or 'older'; refuses a file written by a newer schema ("请升级软件")."""
    known = known_schema_versions()
    version = manifest["schema_version"]
    if version not in known:
        raise BundleRefused(f"文件来自更新版本的调解工作台（数据结构 {version[:40]}），本软件无法读取",
                            hint="请升级软件")
    return "same" if version == known[-1] else "older"


def new_manifest(desk: "Desk", kind: str, bundle_id: str, sender: dict,
                 receiver: dict | None) -> dict:
    """The common part of every manifest (kind-specific keys are added by the caller)."""
    return {"format": FORMAT, "format_version": FORMAT_VERSION, "kind": kind,
            "bundle_id": bundle_id, "created_at": utc_now(), "app_version": __version__,
            "sender": sender, "receiver": receiver, "schema_version": current_schema_version(),
            "codes_version": desk.codes.version(),
            "encryption": None if kind == "enrolment" else
            {"scheme": "age", "version": "age-encryption.org/v1", "recipient": "X25519"}}


def encrypt(data: bytes, recipient: str) -> bytes:
    try:
        return pyrage.encrypt(data, [pyrage.x25519.Recipient.from_str(recipient)])
    except (pyrage.RecipientError, ValueError):
        raise DeskError("对方的加密公钥无效，无法加密", hint="请重新登记对方站点") from None


def decrypt(data: bytes, keys: "SiteKeys", what: str) -> bytes:
    try:
        return pyrage.decrypt(data, [keys.age_identity])
    except pyrage.DecryptError:
        raise BundleRefused(f"无法解密{what}：它不是加密给本站的，或已损坏") from None


def read_payload(container: Container, keys: "SiteKeys") -> Incoming:
    """Decrypt, parse (strict, size-limited) and check the payload against the manifest."""
    data = decrypt(container.read_member(PAYLOAD_ENCRYPTED), keys, "同步内容")
    obj = loads_strict(data, what="同步内容", limit=container.limits.max_payload_bytes)
    return parse_payload(obj, container.manifest)


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


def audit_rows(desk: "Desk", *, after: int, upto: int) -> TableRows:
    """This site's own audit entries with after < seq ≤ upto."""
    rows = desk.db.conn.execute(
        f"SELECT {', '.join(AUDIT_COLUMNS)} FROM audit_log WHERE seq > ? AND seq <= ?"
        " AND site_id = ? ORDER BY seq", (after, upto, desk.site_id)).fetchall()
    return TableRows(list(AUDIT_COLUMNS), [list(r) for r in rows])


def codes_payload(desk: "Desk") -> dict:
    items = desk.query("SELECT list, code, label, rollup, sort, active, version FROM code_items"
                       " ORDER BY list, sort, code")
    return {"version": desk.codes.version(), "items": items}


def apply_codes(desk: "Desk", codes: dict | None) -> bool:
    """Take the office's code lists if newer than ours (core/codes.py ``CodeLists.take``,
    inside the caller's transaction); a list that breaks the code-list rules refuses the
    file."""
    try:
        return desk.codes.take(codes)
    except ValidationError as exc:
        raise BundleRefused(f"司法所发来的代码表不符合规则：{exc.message}，未导入任何内容") from None


def rows_of(desk: "Desk", table: str, where: str, params=()) -> TableRows | None:
    """All columns of the rows of ``table`` matching ``where``."""
    cur = desk.db.conn.execute(f"SELECT * FROM {table} WHERE {where} ORDER BY id", params)
    cols = [d[0] for d in cur.description]
    rows = [list(r) for r in cur.fetchall()]
    return TableRows(cols, rows) if rows else None
