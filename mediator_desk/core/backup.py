"""Backups of the open desk: made, listed, verified, copied to a second folder, restored.

    desk.backups.create(kind="manual", progress=None)   → dict of the new backup
    desk.backups.list()                                 → backups here and in the second folder
    desk.backups.verify("20261205-211600-daily")        → {'ok': …, 'problems': […]}
    desk.backups.restore(name, other_site=False)        → closes, restores, reopens the desk
    desk.backups.due() / desk.backups.reminder()        → for the automatic backups of the GUI

The files are storage/backup.py's business (layout, verification, rotation, the restore
itself); here are the settings (a second folder such as a USB stick, and after how many days
without a copy there to remind), the schedule (``due``: no backup for a day) and the Desk
(a backup reads through the desk's own connection; a restore closes it first and opens the
restored file again, so the same Desk object carries on).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from mediator_desk.core.progress import report as report_progress
from mediator_desk.errors import DeskError, ValidationError
from mediator_desk.storage import backup as store

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk

SECOND_FOLDER = "backup_second_folder"
REMINDER_DAYS = "backup_reminder_days"
DEFAULT_REMINDER_DAYS = 7
MAX_REMINDER_DAYS = 365
DAILY = timedelta(hours=24)

BackupError = store.BackupError
OtherSiteBackup = store.OtherSiteBackup


def _reporter(progress):
    """A storage-level ``report(done, total)`` feeding a core/progress.py object (or None)."""
    if progress is None:
        return None
    return lambda done, total: report_progress(progress, done, total)


def _part(report, start: int, width: int):
    if report is None:
        return None
    return lambda done, total: report(start + width * done // max(total, 1), 1000)


def _utc(text: str) -> datetime | None:
    try:
        value = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return None
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


class BackupManager:
    """``desk.backups``: the backups of this database (see the module docstring)."""

    def __init__(self, desk: "Desk | None", path: Path | None = None):
        self.desk = desk
        self._path = Path(path) if path is not None else None

    @classmethod
    def for_path(cls, db_path) -> "BackupManager":
        """Backups of a database that is not open (it may be damaged): list, find, verify and
        restore work; settings are read best effort from the file."""
        return cls(None, Path(db_path))

    @property
    def path(self) -> Path:
        if self.desk is not None:
            return self.desk.path
        assert self._path is not None       # (made by ``for_path``)
        return self._path

    def _setting(self, key: str):
        if self.desk is not None:
            return self.desk.settings.get(key)
        return store.read_settings(self.path, [key]).get(key)

    def _require_desk(self) -> "Desk":
        if self.desk is None:
            raise DeskError("内部错误：需要打开数据库")
        return self.desk

    # --- where -------------------------------------------------------------------------------
    @property
    def root(self) -> Path:
        """The backup store beside the database (``<db stem>-backups/``)."""
        return store.default_root(self.path)

    def second_root(self) -> Path | None:
        """The store in the second folder, if one is set (it may be unplugged)."""
        folder = self.settings()["second_folder"]
        return store.root_in(folder, self.path) if folder else None

    # --- settings ----------------------------------------------------------------------------
    def settings(self) -> dict:
        """{'root', 'second_folder', 'reminder_days', 'second_copy_at'}."""
        days = self._setting(REMINDER_DAYS)
        return {"root": str(self.root),
                "second_folder": self._setting(SECOND_FOLDER) or "",
                "reminder_days": int(days) if days else DEFAULT_REMINDER_DAYS,
                "second_copy_at": store.read_state(self.root).get("second_copy_at", "")}

    def set_settings(self, *, second_folder: str | None = None,
                     reminder_days: int | str | None = None) -> dict:
        """Change the second folder ('' for none) and/or the reminder days (audited)."""
        values: dict[str, str | int] = {}
        if second_folder is not None:
            values[SECOND_FOLDER] = self._check_folder(second_folder)
        if reminder_days is not None:
            text = str(reminder_days).strip()
            if not text.isdigit() or not 1 <= int(text) <= MAX_REMINDER_DAYS:
                raise ValidationError(f"提醒天数须为 1 到 {MAX_REMINDER_DAYS} 之间的整数",
                                      field="reminder_days")
            values[REMINDER_DAYS] = int(text)
        if values:
            desk = self._require_desk()
            with desk.transaction():
                for key, value in values.items():
                    desk.settings.set(key, value)
        return self.settings()

    def _check_folder(self, folder: str) -> str:
        folder = (folder or "").strip()
        if not folder:
            return ""
        path = Path(folder).expanduser()
        if not path.is_absolute():
            raise ValidationError("请选择第二个备份文件夹的完整路径（例如U盘上的文件夹）",
                                  field="second_folder")
        if not path.is_dir():
            raise ValidationError(f"文件夹“{path}”不存在或不可用（U盘插好了吗？）",
                                  field="second_folder")
        data = self.path.parent.resolve()
        real = path.resolve()
        if real == data or real == self.root.resolve() or self.root.resolve() in real.parents:
            raise ValidationError("第二个备份文件夹应在另一块磁盘或U盘上，不能是数据文件夹本身",
                                  field="second_folder")
        return str(path)

    # --- making and listing ------------------------------------------------------------------
    def create(self, *, kind: str = "manual", progress=None) -> dict:
        """Make a verified backup now (and copy it to the second folder if that is set and
        plugged in). The result says where it went; ``second`` tells about the copy."""
        desk = self._require_desk()
        report = _reporter(progress)
        second = self.second_root()
        with desk.lock:
            if desk.db.conn.in_transaction:
                raise DeskError("内部错误：不能在事务中备份")
            info = store.create_backup(desk.db.conn, desk.path, kind=kind,
                                       report=_part(report, 0, 850 if second else 1000))
        out = info.as_dict()
        out["second"] = self._mirror(info, second, _part(report, 850, 150))
        return out

    def _mirror(self, info: store.BackupInfo, second: Path | None, report) -> dict:
        if second is None:
            return {"status": "none", "message": ""}
        folder = second.parent
        if not folder.is_dir():
            return {"status": "unavailable",
                    "message": f"第二个备份文件夹“{folder}”不可用（U盘未插入？），这次没有复制"}
        try:
            copied = store.copy_backup(info, second, report=report)
        except BackupError as exc:
            return {"status": "failed", "message": f"复制到第二个备份文件夹失败：{exc.message}"}
        store.write_state(self.root, second_copy_at=copied.manifest.get("created_at", ""),
                          second_folder=str(folder))
        return {"status": "copied", "message": f"已复制到“{copied.path}”", "path": str(copied.path)}

    def list(self) -> list[dict]:
        """Backups beside the database and in the second folder (when plugged in), newest
        first; each dict has ``place`` ('here' | 'second')."""
        out = []
        for place, root in (("here", self.root), ("second", self.second_root())):
            if root is None:
                continue
            for b in store.list_backups(root):
                out.append(dict(b.as_dict(), place=place))
        out.sort(key=lambda d: (d["created_at"], d["place"] == "here"), reverse=True)
        return out

    def find(self, name_or_path: str) -> Path:
        """The folder of a backup given by its name (here, then in the second folder) or by
        a path (a backup folder, e.g. on a USB stick)."""
        text = str(name_or_path or "").strip()
        if not text:
            raise ValidationError("请指定要使用的备份", field="backup")
        path = Path(text).expanduser()
        if path.is_dir() and (path / store.MANIFEST).exists():
            return path
        if path.is_file() and path.parent.is_dir() and path.name in (store.DATABASE,
                                                                     store.MANIFEST):
            return path.parent
        for root in (self.root, self.second_root()):
            if root is not None and "/" not in text and "\\" not in text \
                    and (root / text / store.MANIFEST).exists():
                return root / text
        raise BackupError(f"找不到备份“{text}”", hint="用 backup list 查看备份的名称")

    def newest(self) -> dict | None:
        """The newest usable backup beside the database (None if there is none)."""
        for b in store.list_backups(self.root):
            if b.kind != "damaged":
                return b.as_dict()
        return None

    def verify(self, name_or_path: str, *, progress=None) -> dict:
        """Check a backup again (checksum, integrity, counts, files, keys)."""
        info, problems = store.verify_backup(self.find(name_or_path),
                                             report=_reporter(progress))
        return dict(info.as_dict(), ok=not problems, problems=problems)

    # --- the schedule ------------------------------------------------------------------------
    def due(self, now: datetime | None = None) -> bool:
        """True if the newest backup beside the database is a day old or there is none."""
        now = now or datetime.now(timezone.utc)
        newest = self.newest()
        if newest is None:
            return True
        made = _utc(newest["created_at"])
        return made is None or now - made >= DAILY

    def reminder(self, now: datetime | None = None) -> str:
        """A reminder (Chinese) when a second folder is set but no backup was copied there
        for ``reminder_days`` days; '' otherwise."""
        settings = self.settings()
        if not settings["second_folder"]:
            return ""
        now = now or datetime.now(timezone.utc)
        last = _utc(settings["second_copy_at"])
        days = settings["reminder_days"]
        if last is None:
            return (f"还没有把备份复制到第二个备份文件夹“{settings['second_folder']}”。"
                    "请插入U盘后点“立即备份”")
        gone = (now - last).days
        if gone < days:
            return ""
        return (f"已经 {gone} 天没有把备份复制到第二个备份文件夹“{settings['second_folder']}”"
                "了。请插入U盘后点“立即备份”")

    # --- restore -----------------------------------------------------------------------------
    def restore(self, name_or_path: str, *, other_site: bool = False, progress=None) -> dict:
        """Replace this database by a backup (see storage/backup.py ``restore``).

        The desk's connection is closed for the switch and the restored file opened again
        in the same Desk object (the old database is untouched if anything fails, and opened
        again). Every table then counts as changed, so screens read everything again."""
        folder = self.find(name_or_path)
        if self.desk is None:           # the command line: nothing of ours has it open
            from mediator_desk.core.desk import Desk

            result = store.restore(self.path, folder, other_site=other_site,
                                   report=_reporter(progress))
            desk = Desk.open(self.path, create=False)
            try:
                with desk.transaction():
                    _audit_restore(desk, result)
            finally:
                desk.close()
            return result.as_dict()
        desk = self.desk
        with desk.lock:
            if desk.db.conn.in_transaction:
                raise DeskError("内部错误：不能在事务中恢复备份")
            desk.close()
            try:
                result = store.restore(desk.path, folder, other_site=other_site,
                                       report=_reporter(progress))
            finally:
                desk.reopen()
            tables = [r[0] for r in desk.db.conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")]
            with desk.transaction():
                _audit_restore(desk, result)
                for table in tables:
                    desk.note_change(table)
        return result.as_dict()


def _audit_restore(desk: "Desk", result) -> None:
    desk.records.audit("restore_backup", table="settings", record_id="backup",
                       details={"backup": result.restored.name,
                                "created_at": result.restored.manifest.get("created_at", ""),
                                "kept": result.kept.name if result.kept else ""})
