"""Verified backups of a database with its attachments and site keys, and a safe restore.

A backup is a folder in the *backup store* ``<db stem>-backups/`` next to the database (or in a
second folder chosen by the user, e.g. a USB stick, laid out the same way)::

    mediator_desk-backups/                 0700
      files/ab/abcd…                       attachments, stored once by SHA-256 (shared by all
                                           backups: a file already there is never copied again)
      20261205-211600-daily/               one backup, 0700
        database.db                        the database as one consistent snapshot, 0600
        keys/                              the site keys (``<db stem>-keys/``), 0700/0600
        files.txt                          the attachment hashes this database refers to
        manifest.json                      written last: what was copied, counts, checksums
      .partial-20261205-211600-daily-…     a backup being written (or killed while written)

**Consistent under WAL.** The database is copied with SQLite's online backup API from inside
one read transaction on the source connection, so the copy is the database at one moment even
while other processes write (WAL readers are not disturbed and the backup never restarts);
the record counts written to the manifest are read in the same transaction.

**Verified.** Before a backup is put in place its copy is opened read-only and must pass
``PRAGMA integrity_check``, carry our application id and the same site id, and hold the same
number of records in every travelling table (and the audit log) as the source had at the
snapshot; its SHA-256 goes into the manifest, so a later ``verify`` also notices a changed byte.
Attachments are hashed while copied and stored under their hash only if it matches.

**Atomic.** Everything is written into ``.partial-…`` and fsynced, then the folder is renamed
to its final name: a killed backup never looks complete (its partial folder is removed by the
next backup once its process is gone). Store files are written under a temporary name and
renamed to their hash. A root lock file (``.lock``) serialises backups, pruning and restores
of one store between processes.

**Rotation.** After each backup the store keeps the newest 3 backups, the newest of each of the
last 7 days, 4 weeks and 12 months that have backups, and the 2 newest made before a migration
or a restore; attachment files no kept backup refers to are removed.

**Restore** (:func:`restore`) verifies the backup, takes the live database for itself (it must
be the only connection: the GUI closes its own first), keeps it as a backup, builds the restored
database in a temporary file next to it (migrating an older backup there — the backup itself is
never changed), then replaces the database file and removes any ``-wal``/``-shm`` left beside
it while it still holds the lock, so a stale write-ahead log can never be applied to the
restored file. Attachments the restored database refers to are copied back if missing.

This module knows files and SQLite, not the domain (core/backup.py adds the settings, the
schedule and the Desk). Progress is reported through ``report(done, total)``, a callable that
may raise to cancel.
"""

from __future__ import annotations

import contextvars
import hashlib
import json
import os
import re
import shutil
import socket
import sqlite3
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable

from mediator_desk.errors import DatabaseRefused, DeskError, os_reason
from mediator_desk.storage.database import APPLICATION_ID
from mediator_desk.storage.schema import TRAVELLING_TABLES

FORMAT = "mediator-desk-backup"
FORMAT_VERSION = 1
DATABASE = "database.db"
MANIFEST = "manifest.json"
FILES_LIST = "files.txt"
KEYS = "keys"
STORE = "files"
STATE = "state.json"
LOCK = ".lock"
PARTIAL = ".partial-"
TEMP = ".tmp-"

# What a backup is for (its folder name ends with the key). Chinese labels for lists.
KINDS = {
    "manual": "手动备份",
    "daily": "每日自动备份",
    "close": "关闭程序时的备份",
    "migration": "升级前的备份",
    "restore": "恢复前的原数据库",
    "damaged": "恢复前的原数据库（已损坏，原样保存，不能用于恢复）",
}
SAFETY_KINDS = ("migration", "restore")
KEEP_RECENT, KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY, KEEP_SAFETY = 3, 7, 4, 12, 2

COUNTED = tuple(TRAVELLING_TABLES) + ("audit_log",)
STEP_PAGES = 16384            # pages per backup step (64 MB at 4 KB): progress and cancel
MMAP_BYTES = 1 << 31          # reads through mmap during the copy: ~15% faster at 200,000 cases
CHUNK = 1 << 20
HOST = hashlib.sha256(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:8]
_NAME = re.compile(r"^(\d{8}-\d{6})(?:-\d+)?-([a-z]+)$")
_HASH = re.compile(r"^[0-9a-f]{64}$")

Report = Callable[[int, int], None]

# Set while restore migrates its temporary copy: that copy needs no backup of its own.
_no_migration_backup: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "no_migration_backup", default=False)


class BackupError(DeskError):
    """A backup could not be made, read, verified or restored (message in Chinese)."""


class OtherSiteBackup(BackupError):
    """The backup belongs to another site (another committee's installation)."""


# --- where things are -----------------------------------------------------------------------
def default_root(db_path: str | os.PathLike) -> Path:
    """The backup store of a database: ``<db stem>-backups/`` beside it."""
    p = Path(db_path)
    return p.with_name(p.stem + "-backups")


def root_in(folder: str | os.PathLike, db_path: str | os.PathLike) -> Path:
    """The backup store of ``db_path`` inside another folder (the second copy, a USB stick)."""
    return Path(folder) / default_root(db_path).name


def files_dir(db_path: str | os.PathLike) -> Path:
    p = Path(db_path)
    return p.with_name(p.stem + "-files")


def keys_dir(db_path: str | os.PathLike) -> Path:
    p = Path(db_path)
    return p.with_name(p.stem + "-keys")


def side_files(db_path: str | os.PathLike) -> list[Path]:
    p = Path(db_path)
    return [p.with_name(p.name + s) for s in ("-wal", "-shm", "-journal")]


# --- private files ------------------------------------------------------------------------------
def _private_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    try:
        os.chmod(path, 0o700)
    except OSError:
        pass
    return path


def _create_private(path: Path) -> int:
    """A new file, 0600 whatever the umask; returns the descriptor."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        os.chmod(path, 0o600)
    except OSError:
        pass
    return fd


def _write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to a new private file (temporary name, fsync, rename)."""
    tmp = path.with_name(f"{TEMP}{_tag()}{path.name}")
    fd = _create_private(tmp)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _fsync_path(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass          # directories cannot be fsynced on Windows
    finally:
        os.close(fd)


def _tag() -> str:
    return f"{os.getpid()}-{HOST}-"


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _clean_leftovers(root: Path) -> list[Path]:
    """Remove what killed backups left in ``root`` (partial folders, temporary files). Called
    with the store's lock held: every process writing there holds it, and a killed process
    no longer does, so whatever is partial now belongs to nobody."""
    removed = []
    for place in (root, root / STORE):
        if not place.is_dir():
            continue
        for p in place.iterdir():
            if p.name.startswith((PARTIAL, TEMP)):
                _remove(p)
                removed.append(p)
    return removed


def leftovers(root: Path) -> list[Path]:
    """Partial backups and temporary files in ``root`` (for reports; removes nothing)."""
    out = []
    for place in (root, root / STORE):
        if place.is_dir():
            out += [p for p in place.iterdir() if p.name.startswith((PARTIAL, TEMP))]
    return out


@contextmanager
def _locked(root: Path):
    """Hold the store's lock (one process at a time writes, prunes or restores from it)."""
    _private_dir(root)
    path = root / LOCK
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
    try:
        if sys.platform == "win32":
            import msvcrt
            while True:
                try:
                    msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
                    break
                except OSError:
                    time.sleep(0.2)
        else:
            import fcntl
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)       # releases the lock


def _os_error(exc: OSError, what: str) -> BackupError:
    return BackupError(f"{what}：{os_reason(exc)}",
                       hint="请检查磁盘空间和文件夹权限；数据库未作任何修改")


# --- the snapshot -------------------------------------------------------------------------------
@dataclass
class Snapshot:
    """What the source held at the moment of the copy."""

    site_id: str
    schema: str
    counts: dict[str, int]
    hashes: list[str]
    page_size: int
    pages: int


def _migration_names(conn: sqlite3.Connection) -> list[str]:
    try:
        return [r[0] for r in conn.execute(
            "SELECT name FROM _sqlite_migrations ORDER BY rowid")]
    except sqlite3.OperationalError:
        return []


def _facts(conn: sqlite3.Connection) -> tuple[str, str, dict[str, int], list[str]]:
    """Site id, schema version, record counts and attachment hashes (one read transaction)."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in COUNTED if t in tables}
    site = ""
    if "settings" in tables:
        row = conn.execute("SELECT value FROM settings WHERE key = 'site_id'").fetchone()
        if row:
            try:
                site = json.loads(row[0]) or ""
            except (TypeError, ValueError):
                site = ""
    names = _migration_names(conn)
    hashes = []
    if "attachments" in tables:
        hashes = sorted({r[0] for r in conn.execute("SELECT DISTINCT sha256 FROM attachments")
                         if isinstance(r[0], str) and _HASH.match(r[0])})
    return str(site), names[-1] if names else "", counts, hashes


def _snapshot(conn: sqlite3.Connection, dest: Path, report: Report | None,
              share: tuple[int, int]) -> Snapshot:
    """Copy the database behind ``conn`` to ``dest`` (a new file) as of one moment."""
    if conn.in_transaction:
        raise BackupError("内部错误：不能在事务中备份数据库")
    old_mmap = conn.execute("PRAGMA mmap_size").fetchone()[0]
    conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
    os.close(_create_private(dest))
    target = sqlite3.connect(str(dest), isolation_level=None)
    try:
        target.execute("PRAGMA journal_mode = OFF")      # a new file: nothing to roll back
        target.execute("PRAGMA synchronous = OFF")       # fsynced once at the end
        conn.execute("BEGIN")
        try:
            site, schema, counts, hashes = _facts(conn)
            page_size = conn.execute("PRAGMA page_size").fetchone()[0]
            pages = conn.execute("PRAGMA page_count").fetchone()[0]
            start, width = share

            def step(_status, remaining, total):
                if report is not None and total:
                    report(start + width * (total - remaining) // total, 1000)

            # Inside the read transaction every step sees the same snapshot, so writers in
            # other processes neither disturb nor restart the copy.
            conn.backup(target, pages=STEP_PAGES, progress=step, sleep=0)
        finally:
            if conn.in_transaction:
                conn.execute("COMMIT")
        # The copied header says WAL; a backup is a plain file that opens read-only anywhere.
        target.execute("PRAGMA journal_mode = DELETE")
    finally:
        target.close()
        try:
            conn.execute(f"PRAGMA mmap_size = {old_mmap}")
        except sqlite3.Error:
            pass
    _fsync_path(dest)
    return Snapshot(site, schema, counts, hashes, page_size, pages)


# --- checking a database copy ---------------------------------------------------------------
def _uri(path: Path, **params) -> str:
    uri = path.resolve().as_uri()
    return uri + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def _sha256(path: Path, report: Report | None = None, share: tuple[int, int] = (0, 0)) -> str:
    digest = hashlib.sha256()
    size = max(path.stat().st_size, 1)
    done = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(8 * CHUNK):
            digest.update(chunk)
            done += len(chunk)
            if report is not None:
                report(share[0] + share[1] * done // size, 1000)
    return digest.hexdigest()


def _check_copy(path: Path, *, counts: dict[str, int] | None, site_id: str | None,
                report: Report | None = None, at: int = 0) -> tuple[list[str], dict]:
    """Open a database copy read-only and check it. Returns (problems, facts)."""
    problems: list[str] = []
    facts: dict = {}
    try:
        conn = sqlite3.connect(_uri(path, mode="ro", immutable=1), uri=True)
    except sqlite3.Error:
        return ["备份中的数据库无法打开"], facts
    stopped: list[BaseException] = []
    try:
        if report is not None:
            def tick():
                try:
                    report(at, 1000)
                except BaseException as exc:     # cancelled: interrupt the check
                    stopped.append(exc)
                    return 1
                return 0
            conn.set_progress_handler(tick, 200_000)
        try:
            result = [r[0] for r in conn.execute("PRAGMA integrity_check(20)")]
        except sqlite3.OperationalError:
            if stopped:
                raise stopped[0] from None
            raise
        conn.set_progress_handler(None, 0)
        if result != ["ok"]:
            problems.append(f"备份中的数据库完整性检查未通过（{len(result)} 处问题）")
            return problems, facts
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id != APPLICATION_ID:
            problems.append("备份中的文件不是调解工作台的数据库")
            return problems, facts
        site, schema, found, hashes = _facts(conn)
        facts = {"site_id": site, "schema": schema, "counts": found, "hashes": hashes}
        if site_id is not None and site != site_id:
            problems.append("备份中数据库的站点编号与记录的不一致")
        if counts is not None:
            wrong = [t for t, n in counts.items() if found.get(t) != n]
            if wrong:
                problems.append(f"备份中有 {len(wrong)} 类记录的数量与备份时不一致"
                                f"（共应有 {sum(counts.values())} 条，实有 "
                                f"{sum(found.get(t, 0) for t in counts)} 条）")
    except sqlite3.DatabaseError:
        problems.append("备份中的数据库已损坏，无法读取")
    finally:
        conn.close()
    return problems, facts


# --- attachments ------------------------------------------------------------------------------
def _store_path(store: Path, sha: str) -> Path:
    return store / sha[:2] / sha


def _copy_hashed(src: Path, dest: Path, sha: str) -> bool:
    """Copy ``src`` to ``dest`` (a content-hash name) through a temporary file, only if its
    content has that hash. Returns False (nothing written) if it does not."""
    _private_dir(dest.parent)
    tmp = dest.with_name(f"{TEMP}{_tag()}{sha}")
    fd = _create_private(tmp)
    try:
        digest = hashlib.sha256()
        with os.fdopen(fd, "wb") as out, open(src, "rb") as fh:
            while chunk := fh.read(CHUNK):
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        if digest.hexdigest() != sha:
            tmp.unlink(missing_ok=True)
            return False
        os.replace(tmp, dest)
        return True
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _copy_files(hashes: Iterable[str], source: Path, store: Path, report: Report | None,
                share: tuple[int, int]) -> dict:
    """Copy into ``store`` the files of ``hashes`` it lacks, from ``source`` (same layout).
    Returns {'copied', 'present', 'missing': [...], 'damaged': [...], 'bytes'}."""
    hashes = list(hashes)
    out: dict = {"copied": 0, "present": 0, "missing": [], "damaged": [], "bytes": 0}
    for n, sha in enumerate(hashes, 1):
        target = _store_path(store, sha)
        if target.is_file():
            out["present"] += 1
        else:
            src = _store_path(source, sha)
            if not src.is_file():
                out["missing"].append(sha)
            elif _copy_hashed(src, target, sha):
                out["copied"] += 1
                out["bytes"] += target.stat().st_size
            else:
                out["damaged"].append(sha)
        if report is not None and (n % 50 == 0 or n == len(hashes)):
            report(share[0] + share[1] * n // len(hashes), 1000)
    return out


def _copy_keys(source: Path, dest: Path) -> dict[str, str]:
    """Copy the key files (regular files only) into a private folder; their SHA-256s."""
    out: dict[str, str] = {}
    if not source.is_dir():
        return out
    for p in sorted(source.iterdir()):
        if not p.is_file() or p.name.startswith(".") or p.name.endswith(".part"):
            continue
        data = p.read_bytes()
        _private_dir(dest)
        _write_private(dest / p.name, data)
        out[p.name] = hashlib.sha256(data).hexdigest()
    return out


# --- making a backup -------------------------------------------------------------------------
@dataclass
class BackupInfo:
    """One backup as listed: its folder and what its manifest says."""

    path: Path
    manifest: dict = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def kind(self) -> str:
        return self.manifest.get("kind", "")

    @property
    def created(self) -> datetime:
        return datetime.fromisoformat(self.manifest["created_at"])

    @property
    def cases(self) -> int:
        return int(self.manifest.get("counts", {}).get("cases", 0))

    @property
    def size(self) -> int:
        return int(self.manifest.get("database", {}).get("size", 0))

    @property
    def verified(self) -> dict:
        return self.manifest.get("verified") or {}

    def as_dict(self) -> dict:
        created = self.created.astimezone()
        return {"name": self.name, "path": str(self.path), "kind": self.kind,
                "kind_label": KINDS.get(self.kind, self.kind),
                "created_at": self.manifest["created_at"],
                "created_local": created.strftime("%Y-%m-%d %H:%M:%S"),
                "size": self.size, "cases": self.cases, "site_id": self.manifest.get("site_id"),
                "schema": self.manifest.get("schema", ""),
                "files": self.manifest.get("files", {}).get("count", 0),
                "verified": bool(self.verified.get("ok")),
                "verified_at": self.verified.get("at", ""),
                "problems": self.verified.get("problems", [])}


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _new_name(root: Path, kind: str, when: datetime) -> str:
    stamp = when.astimezone().strftime("%Y%m%d-%H%M%S")
    name, n = f"{stamp}-{kind}", 1
    while (root / name).exists():
        n += 1
        name = f"{stamp}-{n}-{kind}"
    return name


def create_backup(conn: sqlite3.Connection, db_path: str | os.PathLike, *, kind: str = "manual",
                  root: str | os.PathLike | None = None, report: Report | None = None,
                  prune: bool = True, note: str = "") -> BackupInfo:
    """Back up the database open on ``conn`` (stored at ``db_path``) with its attachments and
    keys into ``root`` (default: beside the database); verify it; put it in place; rotate.

    Raises :class:`BackupError` (nothing left behind) if it cannot be made or verified.
    ``report(done, total)`` gets progress (per mille) and may raise to cancel.
    """
    db_path = Path(db_path)
    root = Path(root) if root else default_root(db_path)
    if kind not in KINDS:
        raise BackupError(f"内部错误：未知的备份类型 {kind}")
    try:
        with _locked(root):
            return _create_locked(conn, db_path, root, kind, report, prune, note)
    except sqlite3.Error as exc:
        raise BackupError(f"无法备份数据库：{_sqlite_reason(exc)}",
                          hint="数据库未作任何修改") from None
    except OSError as exc:
        raise _os_error(exc, f"无法写入备份文件夹“{root}”") from None


def _create_locked(conn, db_path: Path, root: Path, kind: str, report: Report | None,
                   prune: bool, note: str) -> BackupInfo:
    _clean_leftovers(root)
    if root == default_root(db_path):
        _clean_restoring(db_path)
    when = _now()
    name = _new_name(root, kind, when)
    work = _private_dir(root / f"{PARTIAL}{name}-{_tag()}x")
    try:
        info = _build(conn, db_path, root, work, name, kind, when, report, note)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    if prune:
        prune_backups(root, _locked_already=True)
    return info


def _sqlite_reason(exc: sqlite3.Error) -> str:
    name = getattr(exc, "sqlite_errorname", "") or ""
    for code, text in (("SQLITE_FULL", "磁盘已满"), ("SQLITE_CORRUPT", "数据库已损坏"),
                       ("SQLITE_NOTADB", "不是数据库文件"), ("SQLITE_BUSY", "数据库正被占用"),
                       ("SQLITE_LOCKED", "数据库正被占用"), ("SQLITE_IOERR", "读写磁盘出错"),
                       ("SQLITE_CANTOPEN", "无法打开文件"), ("SQLITE_READONLY", "文件是只读的"),
                       ("SQLITE_INTERRUPT", "操作已取消")):
        if name.startswith(code):
            return text
    return "数据库读写出错"


def _build(conn, db_path: Path, root: Path, work: Path, name: str, kind: str,
           when: datetime, report: Report | None, note: str) -> BackupInfo:
    database = work / DATABASE
    snap = _snapshot(conn, database, report, (0, 450))
    size = database.stat().st_size
    sha = _sha256(database, report, (450, 100))
    problems, _facts_found = _check_copy(database, counts=snap.counts, site_id=snap.site_id,
                                         report=report, at=550)
    if problems:
        raise BackupError("备份验证未通过：" + "；".join(problems),
                          hint="请检查磁盘；数据库未作任何修改")
    files = _copy_files(snap.hashes, files_dir(db_path), _private_dir(root / STORE), report,
                        (950, 40))
    keys = _copy_keys(keys_dir(db_path), work / KEYS)
    _write_private(work / FILES_LIST, "".join(h + "\n" for h in snap.hashes).encode())
    stamp = _now().isoformat(timespec="seconds")
    manifest = {
        "format": FORMAT, "version": FORMAT_VERSION, "kind": kind, "note": note,
        "created_at": when.isoformat(timespec="microseconds"),
        "source": str(db_path), "site_id": snap.site_id, "schema": snap.schema,
        "counts": snap.counts,
        "database": {"file": DATABASE, "size": size, "sha256": sha,
                     "page_size": snap.page_size, "pages": snap.pages},
        "files": {"count": len(snap.hashes), "copied": files["copied"],
                  "bytes_copied": files["bytes"], "missing": files["missing"],
                  "damaged": files["damaged"]},
        "keys": keys,
        "verified": {"ok": True, "at": stamp, "problems": []},
    }
    _write_private(work / MANIFEST, _dumps(manifest))
    _fsync_path(work)
    final = root / name
    os.rename(work, final)
    _fsync_path(root)
    if report is not None:
        report(1000, 1000)
    return BackupInfo(final, manifest)


def _dumps(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8") + b"\n"


def before_migration(path: str | os.PathLike, conn: sqlite3.Connection, label: str) -> None:
    """The backup ``open_database`` makes before it migrates an existing database (kind
    ``migration``, beside the database). A copy that restore is migrating needs none."""
    if _no_migration_backup.get():
        return
    try:
        create_backup(conn, path, kind="migration", note=f"升级前结构版本 {label}")
    except BackupError as exc:
        raise DatabaseRefused(f"升级数据库结构前无法备份：{exc.message}",
                              hint="数据库未作任何修改；请检查磁盘空间后重试") from None


# --- reading, verifying, rotating ---------------------------------------------------------------
def read_backup(path: str | os.PathLike) -> BackupInfo:
    """The backup in folder ``path`` (refused if it is not a complete backup)."""
    path = Path(path)
    if path.is_file() and path.name in (DATABASE, MANIFEST):
        path = path.parent
    try:
        manifest = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BackupError(f"“{path}”不是一个完整的备份（缺少 {MANIFEST}）",
                          hint="请从备份列表中选择") from None
    except (OSError, ValueError, UnicodeDecodeError):
        raise BackupError(f"备份“{path.name}”的说明文件无法读取", hint="请选择另一个备份") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"“{path}”不是调解工作台的备份", hint="请从备份列表中选择")
    if int(manifest.get("version") or 0) > FORMAT_VERSION:
        raise BackupError(f"备份“{path.name}”由更新版本的调解工作台创建", hint="请先升级本软件")
    try:
        datetime.fromisoformat(manifest["created_at"])
    except (KeyError, TypeError, ValueError):
        raise BackupError(f"备份“{path.name}”的说明文件无法读取", hint="请选择另一个备份") from None
    return BackupInfo(path, manifest)


def list_backups(root: str | os.PathLike) -> list[BackupInfo]:
    """The complete backups in a store, newest first (unreadable folders are skipped)."""
    root = Path(root)
    out: list[BackupInfo] = []
    if not root.is_dir():
        return out
    for p in root.iterdir():
        if not _NAME.match(p.name) or not p.is_dir():
            continue
        try:
            out.append(read_backup(p))
        except BackupError:
            continue
    out.sort(key=lambda b: (b.created, b.name), reverse=True)
    return out


def verify_backup(path: str | os.PathLike, *, report: Report | None = None,
                  record: bool = True) -> tuple[BackupInfo, list[str]]:
    """Check a backup completely: checksum, integrity and counts of its database, its
    attachment files and keys. Returns (backup, problems); ``record`` notes the result in
    the manifest (so the list shows when it was last verified)."""
    info = read_backup(path)
    m = info.manifest
    problems: list[str] = []
    if info.kind == "damaged":
        return info, ["这是恢复前原样保存的损坏数据库，不能用于恢复"]
    database = info.path / m.get("database", {}).get("file", DATABASE)
    if not database.is_file():
        problems.append("备份中缺少数据库文件")
    else:
        if _sha256(database, report, (0, 300)) != m.get("database", {}).get("sha256"):
            problems.append("备份中的数据库文件与备份时不一致（文件已被改动或损坏）")
        else:
            found, _facts_found = _check_copy(database, counts=m.get("counts") or {},
                                              site_id=m.get("site_id", ""), report=report,
                                              at=300)
            problems += found
    store = info.path.parent / STORE
    listed = _read_hashes(info.path)
    if listed is None:
        problems.append(f"备份中缺少附件清单 {FILES_LIST}")
        listed = []
    lost = set(m.get("files", {}).get("missing", [])) | set(m.get("files", {}).get("damaged", []))
    absent = [h for h in listed if h not in lost and not _store_path(store, h).is_file()]
    if absent:
        problems.append(f"备份的附件缺少 {len(absent)} 个文件（应在“{store}”）")
    for key_name, key_sha in (m.get("keys") or {}).items():
        kp = info.path / KEYS / key_name
        try:
            if hashlib.sha256(kp.read_bytes()).hexdigest() != key_sha:
                problems.append(f"备份中的密钥文件 {key_name} 已改变")
        except OSError:
            problems.append(f"备份中缺少密钥文件 {key_name}")
    if report is not None:
        report(1000, 1000)
    if record:
        m["verified"] = {"ok": not problems, "at": _now().isoformat(timespec="seconds"),
                         "problems": problems}
        try:
            _write_private(info.path / MANIFEST, _dumps(m))
        except OSError:
            pass       # a read-only medium: the result is still returned
    return info, problems


def _read_hashes(path: Path) -> list[str] | None:
    try:
        text = (path / FILES_LIST).read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError):
        return None
    return [h for h in text.split() if _HASH.match(h)]


def choose_kept(backups: list[BackupInfo]) -> set[str]:
    """Names to keep: the newest few, the newest of each of the last days, weeks and months
    with backups, and the newest ones made before a migration or a restore."""
    keep: set[str] = set()
    usable = [b for b in backups if b.kind != "damaged"]
    keep.update(b.name for b in usable[:KEEP_RECENT])
    for key, limit in ((lambda d: d.date(), KEEP_DAILY),
                       (lambda d: d.isocalendar()[:2], KEEP_WEEKLY),
                       (lambda d: (d.year, d.month), KEEP_MONTHLY)):
        seen = []
        for b in usable:             # newest first: the first of each period is its newest
            k = key(b.created.astimezone())
            if k not in seen:
                seen.append(k)
                if len(seen) > limit:
                    break
                keep.add(b.name)
    for kinds in (SAFETY_KINDS, ("damaged",)):
        keep.update(b.name for b in [b for b in backups if b.kind in kinds][:KEEP_SAFETY])
    return keep


def prune_backups(root: str | os.PathLike, *, _locked_already: bool = False) -> list[str]:
    """Apply the rotation to a store; remove attachment files no kept backup refers to.
    Returns the names removed."""
    root = Path(root)

    def run() -> list[str]:
        backups = list_backups(root)
        keep = choose_kept(backups)
        removed = []
        for b in backups:
            if b.name not in keep:
                # rename first, so a kill mid-removal leaves no half backup under its name
                trash = root / f"{TEMP}{_tag()}{b.name}"
                os.rename(b.path, trash)
                shutil.rmtree(trash, ignore_errors=True)
                removed.append(b.name)
        if removed:
            _collect_garbage(root)
        return removed

    if _locked_already:
        return run()
    with _locked(root):
        return run()


def _collect_garbage(root: Path) -> None:
    store = root / STORE
    if not store.is_dir():
        return
    wanted: set[str] = set()
    for p in root.iterdir():
        if p.is_dir() and (_NAME.match(p.name) or p.name.startswith(PARTIAL)):
            listed = _read_hashes(p)
            if listed is None and not p.name.startswith(PARTIAL):
                return          # a backup without its list: keep every file rather than guess
            wanted.update(listed or ())
    for sub in store.iterdir():
        if not sub.is_dir() or len(sub.name) != 2:
            continue
        for f in sub.iterdir():
            if _HASH.match(f.name) and f.name not in wanted:
                f.unlink(missing_ok=True)


def restore_hint(db_path: str | os.PathLike) -> str:
    """How to restore the newest backup of ``db_path`` ('' if it has none), for messages
    about a damaged database."""
    try:
        backups = [b for b in list_backups(default_root(db_path)) if b.kind != "damaged"]
    except OSError:
        return ""
    if not backups:
        return ""
    newest = backups[0].as_dict()
    return (f"可以用备份恢复（最新的备份：{newest['created_local']}）：在“设置 → 备份与恢复”中选择"
            f"备份后点“恢复”，或运行 mediator-desk restore {newest['name']}；文件未作任何修改")


# --- the second copy --------------------------------------------------------------------------
def copy_backup(info: BackupInfo, other_root: str | os.PathLike, *,
                report: Report | None = None) -> BackupInfo:
    """Copy a backup (with the attachment files it needs) to another store, checking the
    copied database against its checksum; then rotate that store."""
    other = Path(other_root)
    source_store = info.path.parent / STORE
    try:
        with _locked(other):
            _clean_leftovers(other)
            if (other / info.name).exists():
                return read_backup(other / info.name)
            work = _private_dir(other / f"{PARTIAL}{info.name}-{_tag()}x")
            try:
                db_src = info.path / DATABASE
                db_dst = work / DATABASE
                fd = _create_private(db_dst)
                with os.fdopen(fd, "wb") as out, open(db_src, "rb") as fh:
                    shutil.copyfileobj(fh, out, 8 * CHUNK)
                    out.flush()
                    os.fsync(out.fileno())
                if report is not None:
                    report(600, 1000)
                if _sha256(db_dst) != info.manifest["database"]["sha256"]:
                    raise BackupError("复制到第二个文件夹的备份与原备份不一致",
                                      hint="U盘可能有问题，请换一个再试")
                hashes = _read_hashes(info.path) or []
                _copy_files(hashes, source_store, _private_dir(other / STORE), report, (600, 350))
                if (info.path / KEYS).is_dir():
                    _copy_keys(info.path / KEYS, work / KEYS)
                _write_private(work / FILES_LIST, (info.path / FILES_LIST).read_bytes())
                _write_private(work / MANIFEST, (info.path / MANIFEST).read_bytes())
                _fsync_path(work)
                os.rename(work, other / info.name)
                _fsync_path(other)
            except BaseException:
                shutil.rmtree(work, ignore_errors=True)
                raise
            prune_backups(other, _locked_already=True)
            if report is not None:
                report(1000, 1000)
            return read_backup(other / info.name)
    except OSError as exc:
        raise _os_error(exc, f"无法复制备份到“{other}”") from None


def read_state(root: Path) -> dict:
    try:
        data = json.loads((root / STATE).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError, UnicodeDecodeError):
        return {}


def write_state(root: Path, **values) -> None:
    state = read_state(root)
    state.update(values)
    _private_dir(root)
    _write_private(root / STATE, _dumps(state))


def read_settings(db_path: str | os.PathLike, keys: Iterable[str]) -> dict:
    """Some local settings of a database, read-only and best effort ({} if unreadable):
    commands that must work on a damaged database (list, restore) use it."""
    path = Path(db_path)
    out: dict = {}
    if not path.is_file() or path.stat().st_size == 0:
        return out
    # As database.py's read-only open: with no -wal, an ordinary connection that may not
    # write (query_only), so that SQLite removes the -wal/-shm it makes for reading on close;
    # a read-only one would leave them behind.
    writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    mode = "ro" if side_files(path)[0].exists() or not writable else "rw"
    try:
        conn = sqlite3.connect(_uri(path, mode=mode), uri=True)
        try:
            conn.execute("PRAGMA query_only = ON")
            for key in keys:
                row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
                if row is not None:
                    out[key] = json.loads(row[0])
        finally:
            conn.close()
    except (sqlite3.Error, ValueError, TypeError):
        pass
    return out


# --- restore --------------------------------------------------------------------------------
def _take_database(path: Path) -> sqlite3.Connection | None:
    """A connection holding the database for itself: WAL checkpointed and switched off, an
    exclusive lock kept until closed. Refused if another connection has it open. None when
    the file is too damaged for SQLite to lock it (then nobody else can be using it)."""
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=3)
    try:
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        # Leaving WAL needs every other connection closed: the proof that we are alone.
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        if mode != "delete":
            raise sqlite3.OperationalError("database is locked")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("COMMIT")
        return conn
    except sqlite3.Error as exc:
        conn.close()
        code = getattr(exc, "sqlite_errorname", "")
        text = str(exc).lower()
        if code.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text:
            raise BackupError(f"数据库“{path.name}”正被另一个程序使用，不能恢复",
                              hint="请关闭所有调解工作台窗口和正在运行的命令后重试") from None
        if code.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in text \
                or "not a database" in text:
            return None
        raise BackupError(f"无法打开数据库“{path.name}”：{_sqlite_reason(exc)}",
                          hint="数据库未作任何修改") from None


def _copy_plain(src: Path, dest: Path) -> None:
    fd = _create_private(dest)
    with os.fdopen(fd, "wb") as out, open(src, "rb") as fh:
        shutil.copyfileobj(fh, out, 8 * CHUNK)
        out.flush()
        os.fsync(out.fileno())


def _keep_damaged(db_path: Path, root: Path, wal_copy: Path) -> BackupInfo:
    """Save a database SQLite cannot read, with its -wal (copied before SQLite saw it),
    byte for byte."""
    when = _now()
    name = _new_name(root, "damaged", when)
    work = _private_dir(root / f"{PARTIAL}{name}-{_tag()}x")
    try:
        _copy_plain(db_path, work / DATABASE)
        if wal_copy.is_file():
            _copy_plain(wal_copy, work / (DATABASE + "-wal"))
        manifest = {"format": FORMAT, "version": FORMAT_VERSION, "kind": "damaged",
                    "created_at": when.isoformat(timespec="microseconds"),
                    "source": str(db_path), "site_id": "", "schema": "", "counts": {},
                    "database": {"file": DATABASE, "size": db_path.stat().st_size},
                    "verified": {"ok": False, "at": "", "problems": ["数据库已损坏"]}}
        _write_private(work / FILES_LIST, b"")
        _write_private(work / MANIFEST, _dumps(manifest))
        _fsync_path(work)
        os.rename(work, root / name)
        _fsync_path(root)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return BackupInfo(root / name, manifest)


@dataclass
class RestoreResult:
    restored: BackupInfo
    kept: BackupInfo | None = None          # the database as it was before (a backup)
    migrated_from: str = ""                 # the backup's older schema version, if migrated
    files_restored: int = 0
    files_missing: int = 0
    keys: str = "none"                      # restored | kept | replaced | none
    other_site: bool = False

    def as_dict(self) -> dict:
        return {"restored": self.restored.name, "restored_path": str(self.restored.path),
                "created_at": self.restored.manifest.get("created_at"),
                "cases": self.restored.cases,
                "kept": self.kept.name if self.kept else None,
                "kept_path": str(self.kept.path) if self.kept else None,
                "kept_damaged": bool(self.kept and self.kept.kind == "damaged"),
                "migrated_from": self.migrated_from, "files_restored": self.files_restored,
                "files_missing": self.files_missing, "keys": self.keys,
                "other_site": self.other_site}


def restore(db_path: str | os.PathLike, backup: str | os.PathLike, *,
            other_site: bool = False, report: Report | None = None) -> RestoreResult:
    """Replace the database at ``db_path`` by the backup in folder ``backup``.

    No connection to ``db_path`` may be open (in this process or another): the GUI closes
    its Desk first. Steps: verify the backup (refused if it fails); take the database for
    ourselves (refused if another program has it open); refuse a backup of another site unless
    ``other_site``; keep the current database as a backup (byte for byte if it is damaged);
    copy the backup to a temporary file and migrate that copy if the backup is older; replace
    the database and remove stale ``-wal``/``-shm`` files while still holding it; put back
    attachment files and, if there are none here (or for another site), the keys.
    A kill at any moment leaves either the old database or the restored one.
    """
    from mediator_desk.storage.migrations import MIGRATIONS

    db_path = Path(db_path)
    try:
        return _restore(db_path, Path(backup), other_site, report, MIGRATIONS.names)
    except sqlite3.Error as exc:
        raise BackupError(f"无法恢复：{_sqlite_reason(exc)}",
                          hint="数据库未作任何修改") from None
    except OSError as exc:
        raise _os_error(exc, "无法恢复") from None


def _restore(db_path: Path, backup: Path, other_site: bool, report: Report | None,
             known_migrations: list[str]) -> RestoreResult:
    root = default_root(db_path)
    info = read_backup(backup)
    if info.manifest.get("schema") and info.manifest["schema"] not in known_migrations:
        raise BackupError(f"备份“{info.name}”由更新版本的调解工作台创建（结构版本 "
                          f"{info.manifest['schema']}）", hint="请先升级本软件再恢复")
    info, problems = verify_backup(info.path, record=False,
                                   report=_scaled(report, 0, 300))
    if problems:
        raise BackupError(f"备份“{info.name}”验证未通过，不能恢复：" + "；".join(problems),
                          hint="请选择另一个备份；数据库未作任何修改")
    exists = db_path.is_file() and db_path.stat().st_size > 0
    tmp = db_path.with_name(f".{db_path.name}.restoring-{_tag()}x")
    result = RestoreResult(info)
    with _locked(root):
        _clean_leftovers(root)
        _clean_restoring(db_path)
        # SQLite deletes a -wal it finds beside a file it cannot read in WAL mode: copy it
        # first, so that a damaged database is kept with it (dropped if the file is fine).
        wal = side_files(db_path)[0]
        wal_copy = root / f"{TEMP}{_tag()}wal"
        if exists and wal.is_file():
            _copy_plain(wal, wal_copy)
        holder = _take_database(db_path) if exists else None
        try:
            if exists and holder is not None:
                current_site = _facts_site(holder)
                if current_site and current_site != info.manifest.get("site_id") \
                        and not other_site:
                    raise OtherSiteBackup(
                        "这个备份属于另一个站点（另一个调委会或司法所的安装），不能恢复到本数据库",
                        hint="如确要用它替换本站的全部数据，请加 --other-site（图形界面中会再次确认）")
                result.other_site = bool(current_site) and \
                    current_site != info.manifest.get("site_id")
                result.kept = _create_locked(holder, db_path, root, "restore",
                                             _scaled(report, 300, 350), False, "")
            elif exists:
                result.kept = _keep_damaged(db_path, root, wal_copy)
                result.other_site = other_site
            result.migrated_from = _prepare_copy(info, tmp, known_migrations,
                                                 _scaled(report, 650, 250))
            # The switch: nothing of the old database may survive beside the new one.
            if holder is not None and os.name == "nt":
                holder.close()          # Windows cannot replace an open file
                holder = None
            for side in side_files(db_path):
                side.unlink(missing_ok=True)
            os.replace(tmp, db_path)
            _fsync_path(db_path.parent)
            if report is not None:
                report(900, 1000)               # the switch is done
        except BaseException:
            _remove_db_file(tmp)
            raise
        finally:
            if holder is not None:
                holder.close()
            wal_copy.unlink(missing_ok=True)
        for side in side_files(db_path):      # none expected; never leave a stale one
            side.unlink(missing_ok=True)
        files = _restore_files(info, db_path, _scaled(report, 900, 90))
        result.files_restored, result.files_missing = files
        result.keys = _restore_keys(info, db_path, replace=result.other_site)
    if report is not None:
        report(1000, 1000)
    return result


def _scaled(report: Report | None, start: int, width: int) -> Report | None:
    if report is None:
        return None

    def scaled(done: int, total: int) -> None:
        report(start + width * done // max(total, 1), 1000)
    return scaled


def _facts_site(conn: sqlite3.Connection) -> str:
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = 'site_id'").fetchone()
        return str(json.loads(row[0]) or "") if row else ""
    except (sqlite3.Error, ValueError, TypeError):
        return ""


def _remove_db_file(path: Path) -> None:
    for p in [path] + side_files(path):
        p.unlink(missing_ok=True)


def _clean_restoring(db_path: Path) -> None:
    """Remove temporary restore files a killed restore left (called with the store's lock
    held, which every restore holds: so none of them is in use)."""
    for p in db_path.parent.glob(f".{db_path.name}.restoring-*"):
        p.unlink(missing_ok=True)


def _prepare_copy(info: BackupInfo, tmp: Path, known: list[str],
                  report: Report | None) -> str:
    """The backup's database as a new file ``tmp`` (0600), migrated if older. Returns the
    schema it was migrated from ('' if none)."""
    _remove_db_file(tmp)
    os.close(_create_private(tmp))
    src = sqlite3.connect(_uri(info.path / DATABASE, mode="ro", immutable=1), uri=True)
    dst = sqlite3.connect(str(tmp), isolation_level=None)
    try:
        dst.execute("PRAGMA journal_mode = OFF")
        dst.execute("PRAGMA synchronous = OFF")

        def step(_status, remaining, total):
            if report is not None and total:
                report(700 * (total - remaining) // total, 1000)
        src.backup(dst, pages=STEP_PAGES, progress=step, sleep=0)
        dst.execute("PRAGMA journal_mode = DELETE")
    finally:
        dst.close()
        src.close()
    schema = info.manifest.get("schema", "")
    migrated = ""
    if schema and schema != known[-1]:
        from mediator_desk.storage.database import open_database

        token = _no_migration_backup.set(True)
        try:
            db = open_database(tmp, create=False)
            db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            db.conn.execute("PRAGMA journal_mode = DELETE")
            db.conn.close()
        finally:
            _no_migration_backup.reset(token)
        migrated = schema
    conn = sqlite3.connect(str(tmp), isolation_level=None)
    try:
        ok = conn.execute("PRAGMA quick_check").fetchone()[0]
    finally:
        conn.close()
    if ok != "ok":
        raise BackupError("恢复出的数据库检查未通过", hint="数据库未作任何修改；请选择另一个备份")
    for side in side_files(tmp):
        side.unlink(missing_ok=True)
    os.chmod(tmp, 0o600)
    _fsync_path(tmp)
    if report is not None:
        report(1000, 1000)
    return migrated


def _restore_files(info: BackupInfo, db_path: Path, report: Report | None) -> tuple[int, int]:
    """Copy back the attachment files the restored database refers to and lacks."""
    hashes = _read_hashes(info.path) or []
    target = files_dir(db_path)
    store = info.path.parent / STORE
    todo = [h for h in hashes if not _store_path(target, h).is_file()]
    restored = missing = 0
    for n, sha in enumerate(todo, 1):
        src = _store_path(store, sha)
        if src.is_file() and _copy_hashed(src, _store_path(target, sha), sha):
            restored += 1
        else:
            missing += 1
        if report is not None:
            report(n, len(todo))
    return restored, missing


def _restore_keys(info: BackupInfo, db_path: Path, *, replace: bool) -> str:
    """Keys come back from the backup when this installation has none, or (another site's
    backup) replace ours — which the backup kept before the restore still holds."""
    source = info.path / KEYS
    if not source.is_dir() or not any(source.iterdir()):
        return "none"
    target = keys_dir(db_path)
    have = target.is_dir() and any(p.is_file() for p in target.iterdir())
    if have and not replace:
        return "kept"
    _private_dir(target)
    for p in source.iterdir():
        if p.is_file():
            _write_private(target / p.name, p.read_bytes())
    return "replaced" if have else "restored"
