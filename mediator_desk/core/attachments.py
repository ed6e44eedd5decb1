"""Attachments: scans, photos and PDFs proving items of the case file.

Files live outside the database, stored once by content hash at
``desk.attachments_dir / sha256[:2] / sha256`` (the same scan added twice is one file; sync
sends a file only if the other side lacks that hash). The ``attachments`` table holds what the
file proves (``item``, optionally the record it belongs to), its name, type, size and hash.

Before anything is stored the file is checked: it must exist and be readable, be at most the
size limit (setting ``attachment_max_bytes``, 20 MB), and be of an accepted type (setting
``attachment_types``) whose content matches (PDF, JPEG, PNG, TIFF magic bytes). A refusal
stores nothing. ``check`` reports files that went missing or changed; the case still opens.
Thumbnails are the GUI's business.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from mediator_desk.core import attachment_temps, guards, path_settings
from mediator_desk.core.attachment_temps import TEMP_PREFIX
from mediator_desk.core.file_sizes import size_text
from mediator_desk.errors import NotFound, ValidationError, os_reason

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk

ITEMS = {
    "application": "调解申请书/受理登记表（签字件）",
    "notice": "权利义务告知书（签字件）",
    "identity": "当事人身份证明",
    "power_of_attorney": "授权委托书",
    "investigation": "调查记录（签字件）",
    "evidence": "证据材料",
    "mediation_record": "调解记录（签字件）",
    "signed_agreement": "已签字的调解协议书",
    "performance": "履行凭证（收条、汇款单等）",
    "followup": "回访记录（签字件）",
    "confirmation": "司法确认材料",
    "file_note": "卷宗情况说明",
    "other": "其他材料",
}

# Accepted types: extension → (MIME type, magic-byte prefixes).
TYPES = {
    "pdf": ("application/pdf", (b"%PDF-",)),
    "jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    "tif": ("image/tiff", (b"II*\x00", b"MM\x00*")),
    "tiff": ("image/tiff", (b"II*\x00", b"MM\x00*")),
}
CHUNK = 1 << 20


@dataclass(frozen=True)
class PreparedFile:
    """A file that passed the checks, hashed and copied to a temporary file beside the store
    (so the original may change or vanish afterwards without harm)."""

    file_name: str
    mime_type: str
    size: int
    sha256: str
    temp_path: Path


@contextmanager
def _in_chinese(name: str):
    """A failed file operation (a full disk, a USB stick pulled out) as one Chinese line."""
    try:
        yield
    except OSError as exc:
        raise ValidationError(f"无法保存文件“{name}”：{os_reason(exc)}", field="file") from None


class AttachmentManager:
    """``desk.attachments``: add, list, locate, check and remove attachments."""

    def __init__(self, desk: "Desk"):
        self.desk = desk

    # --- where files live ------------------------------------------------------------------
    def file_path(self, sha256: str) -> Path:
        """Where the file with this content hash is (or would be) stored."""
        return self.desk.attachments_dir / sha256[:2] / sha256

    def path_of(self, attachment_id: str) -> Path:
        """The stored file of an attachment (it may be missing: see ``check``)."""
        return self.file_path(self.get(attachment_id)["sha256"])

    # --- checking and storing ---------------------------------------------------------------
    def limits(self) -> dict:
        """{'max_bytes', 'types'} in force (settings)."""
        return {"max_bytes": int(path_settings.get(self.desk, "attachment_max_bytes")),
                "types": [t.lower() for t in path_settings.get(self.desk, "attachment_types")]}

    def validate_file(self, path, *, file_name: str = "") -> tuple[str, int]:
        """Check a file without storing it; returns (mime type, size) or raises
        ValidationError(field='file') with the reason (missing, unreadable, too large, type)."""
        path = Path(path)
        name = file_name or path.name
        limits = self.limits()
        ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        if ext not in TYPES or ext not in limits["types"]:
            allowed = "、".join(sorted({t.upper() for t in limits["types"] if t in TYPES}))
            raise ValidationError(f"文件“{name}”的类型不能作为附件，只接受 {allowed}", field="file")
        try:
            if not path.is_file():
                raise ValidationError(f"找不到文件“{name}”", field="file")
            size = path.stat().st_size
        except OSError as exc:
            raise ValidationError(f"无法读取文件“{name}”：{os_reason(exc)}", field="file") from None
        if size > limits["max_bytes"]:
            raise ValidationError(f"文件“{name}”太大（{size_text(size)}），附件最大"
                                  f"{size_text(limits['max_bytes'])}；请压缩或分页扫描后再添加",
                                  field="file")
        if size == 0:
            raise ValidationError(f"文件“{name}”是空文件，无法读取", field="file")
        try:
            with open(path, "rb") as fh:
                head = fh.read(16)
        except OSError as exc:
            raise ValidationError(f"无法读取文件“{name}”：{os_reason(exc)}", field="file") from None
        mime, magics = TYPES[ext]
        if not any(head.startswith(m) for m in magics):
            raise ValidationError(f"文件“{name}”的内容不是有效的 {ext.upper()} 文件（可能已损坏）",
                                  field="file")
        return mime, size

    def prepare(self, source, *, file_name: str = "") -> PreparedFile:
        """Check ``source`` (a path) and copy it, hashing, to a temporary file in the store.

        Nothing is recorded yet: pass the result to ``store`` inside a transaction.
        """
        path = Path(source)
        name = (file_name or path.name).strip()
        mime, size = self.validate_file(path, file_name=name)
        digest = hashlib.sha256()
        copied = 0

        def copy(out) -> None:
            nonlocal copied
            with open(path, "rb") as src:
                while chunk := src.read(CHUNK):
                    copied += len(chunk)
                    if copied > self.limits()["max_bytes"]:
                        break
                    digest.update(chunk)
                    out.write(chunk)

        tmp = self._temp_file(name, copy)
        if copied != size:
            Path(tmp).unlink(missing_ok=True)
            raise ValidationError(f"文件“{name}”在读取时发生变化，请重新添加", field="file")
        return PreparedFile(name, mime, size, digest.hexdigest(), Path(tmp))

    def _temp_file(self, name: str, write) -> Path:
        """A temporary file in the store filled by ``write(file)``; on a full disk (or any
        failed write) nothing is left and the refusal is one Chinese line."""
        root = self.desk.attachments_dir
        tmp = None
        try:
            root.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=root)
            with os.fdopen(fd, "wb") as out:
                write(out)
            return Path(tmp)
        except OSError as exc:
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)
            raise ValidationError(f"无法读取或保存文件“{name}”：{os_reason(exc)}",
                                  field="file") from None

    def discard(self, prepared: PreparedFile) -> None:
        """Forget a prepared file that will not be stored."""
        prepared.temp_path.unlink(missing_ok=True)

    def store(self, case_id: str, prepared: PreparedFile, *, item: str = "other",
              record_table: str = "", record_id: str = "", note: str = "",
              added_on: str = "") -> str:
        """Record a prepared file for a case (inside the caller's transaction, or its own);
        the file moves to its content-hash place. Returns the attachment id."""
        item = guards.choice(item, ITEMS, field="item", label="附件类别")
        target = self.file_path(prepared.sha256)
        created = False
        try:
            with self.desk.transaction(), _in_chinese(prepared.file_name):
                guards.editable_case(self.desk, case_id)
                rid = self.desk.records.insert("attachments", {
                    "case_id": case_id, "item": item, "record_table": record_table,
                    "record_id": record_id, "file_name": prepared.file_name,
                    "mime_type": prepared.mime_type, "size": prepared.size,
                    "sha256": prepared.sha256, "added_on": added_on,
                    "note": guards.text(note, field="note", label="说明")},
                    case_id=case_id, action="attach")
                if not target.exists():
                    target.parent.mkdir(parents=True, exist_ok=True)
                    os.replace(prepared.temp_path, target)
                    created = True
            return rid
        except BaseException:
            # The record was rolled back: a file we placed for it alone goes too.
            if created and not self.desk.scalar(
                    "SELECT 1 FROM attachments WHERE sha256 = ?", (prepared.sha256,)):
                target.unlink(missing_ok=True)
            raise
        finally:
            prepared.temp_path.unlink(missing_ok=True)

    def add(self, case_id: str, path, *, item: str = "other", record_table: str = "",
            record_id: str = "", note: str = "", file_name: str = "", added_on="",
            today: date | None = None) -> str:
        """Check and add a file to a case (and to an item, optionally a record); returns the
        attachment id. Too large, wrong type or unreadable: ValidationError, nothing stored."""
        guards.choice(item, ITEMS, field="item", label="附件类别")
        if record_table and record_table not in ("parties", "investigations",
                                                 "mediation_sessions", "agreements",
                                                 "followups", "confirmations", "archives"):
            raise ValidationError("附件所属记录类型不正确", field="record_table")
        if record_id and not record_table:
            raise ValidationError("请指明附件所属记录的类型", field="record_table")
        if record_id:
            row = self.desk.query_one(f"SELECT case_id FROM {record_table} WHERE id = ?",
                                      (record_id,))
            if row is None or row["case_id"] != case_id:
                raise ValidationError("附件所属记录不属于该案件", field="record_id")
        day = guards.past_date(added_on, field="added_on", label="日期", today=today,
                               required=False) if added_on else ""
        self.desk.cases.require_editable(case_id)
        prepared = self.prepare(path, file_name=file_name)
        return self.store(case_id, prepared, item=item, record_table=record_table,
                          record_id=record_id, note=note, added_on=day)

    def add_bytes(self, case_id: str, data: bytes, *, file_name: str, item: str = "other",
                  record_table: str = "", record_id: str = "", note: str = "") -> str:
        """Like ``add`` for content in memory (a scanner, the demo); same checks."""
        tmp = self._temp_file(file_name, lambda out: out.write(data))
        try:
            return self.add(case_id, tmp, item=item, record_table=record_table,
                            record_id=record_id, note=note, file_name=file_name)
        finally:
            Path(tmp).unlink(missing_ok=True)

    def remove(self, attachment_id: str) -> None:
        """Remove an attachment added by mistake (audited). The file is deleted when no other
        attachment uses the same content. The scan of a signed agreement stays."""
        row = self.get(attachment_id)
        if row["item"] == "signed_agreement" and row["record_id"]:
            from mediator_desk.errors import ReadOnlyRecord
            raise ReadOnlyRecord("已签字协议的扫描件是协议生效的凭据，不能删除")
        with self.desk.transaction():
            guards.editable_case(self.desk, row["case_id"])
            self.desk.records.delete("attachments", attachment_id, case_id=row["case_id"],
                                     action="detach")
            still_used = self.desk.scalar("SELECT 1 FROM attachments WHERE sha256 = ?",
                                          (row["sha256"],))
        if not still_used:
            self.file_path(row["sha256"]).unlink(missing_ok=True)

    # --- reads -------------------------------------------------------------------------------
    def get(self, attachment_id: str) -> dict:
        row = self.desk.query_one("SELECT * FROM attachments WHERE id = ?", (attachment_id,))
        if row is None:
            raise NotFound("找不到该附件")
        return self._label(row)

    def for_case(self, case_id: str, item: str | None = None) -> list[dict]:
        """Attachments of a case (optionally of one item), in the order they were added."""
        sql, params = "SELECT * FROM attachments WHERE case_id = ?", [case_id]
        if item:
            sql += " AND item = ?"
            params.append(item)
        return [self._label(r) for r in self.desk.query(sql + " ORDER BY created_at, rowid",
                                                        params)]

    def for_record(self, record_id: str) -> list[dict]:
        """Attachments linked to one record (e.g. the scan of an agreement)."""
        return [self._label(r) for r in self.desk.query(
            # "record_id != ''" lets SQLite use the partial index attachments_record
            "SELECT * FROM attachments WHERE record_id = ? AND record_id != ''"
            " ORDER BY created_at, rowid", (record_id,))]

    def _label(self, row: dict) -> dict:
        row["item_label"] = ITEMS.get(row["item"], row["item"])
        row["exists"] = self.file_path(row["sha256"]).is_file()
        return row

    def check(self, case_id: str | None = None, *, verify_hash: bool = False) -> list[dict]:
        """Attachments whose file is missing (or, with ``verify_hash``, altered).

        Each entry: the attachment row plus 'problem' ('missing' or 'altered') and a Chinese
        'message'. The case opens regardless; this is for a warning.
        """
        where, params = ("WHERE case_id = ?", [case_id]) if case_id else ("", [])
        # Each file is looked at once, however many attachments share it.
        bad: dict[str, str] = {}
        for (sha,) in self.desk.db.conn.execute(
                f"SELECT DISTINCT sha256 FROM attachments {where}", params):
            path = self.file_path(sha)
            if not path.is_file():
                bad[sha] = "missing"
            elif verify_hash and self._hash(path) != sha:
                bad[sha] = "altered"
        if not bad:
            return []
        rows = self.desk.query(
            "SELECT * FROM attachments WHERE sha256 IN (SELECT value FROM json_each(?))"
            + (" AND case_id = ?" if case_id else "") + " ORDER BY case_id, created_at",
            [json.dumps(list(bad)), *params])
        for row in rows:
            row["item_label"] = ITEMS.get(row["item"], row["item"])
            row["problem"] = bad[row["sha256"]]
            row["message"] = (f"附件“{row['file_name']}”（{row['item_label']}）的文件不见了"
                              if row["problem"] == "missing"
                              else f"附件“{row['file_name']}”的文件内容已被改动")
        return rows

    @staticmethod
    def _hash(path: Path) -> str:
        digest = hashlib.sha256()
        with open(path, "rb") as fh:
            while chunk := fh.read(CHUNK):
                digest.update(chunk)
        return digest.hexdigest()

    # --- what killed processes left -------------------------------------------------------
    def leftovers(self, *, stale_only: bool = False) -> list[Path]:
        """Temporary files of adds that never finished (core/attachment_temps.py)."""
        return attachment_temps.find(self.desk.attachments_dir, stale_only=stale_only)

