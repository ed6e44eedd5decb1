"""Opening the database safely.

``open_database`` refuses, with a Chinese message and without touching the file, anything it
cannot handle: a file that is not SQLite or not ours (an empty SQLite file without our
application id included), a database written by a newer version, a corrupt, locked or
read-only file. Before applying migrations to an existing database it makes a verified backup
(storage/backup.py, in ``<db stem>-backups/``). A new database and its side files are private (0600, storage/private.py).

``open_database(path, read_only=True)`` (``mediator-desk check``) changes nothing: no
migration, no adoption, the file opened read-only by SQLite, ``PRAGMA query_only`` on.

Nothing here opens the database file itself while SQLite holds it in this process: SQLite's
locks are POSIX advisory locks, which the process loses when it closes *any* descriptor of the
file (docs/architecture.md, "One writer").
"""

from __future__ import annotations

import itertools
import logging
import os
import sqlite3
import stat
import weakref
from contextlib import contextmanager
from pathlib import Path

from mediator_desk.errors import DatabaseRefused
from mediator_desk.storage.location import is_data_folder
from mediator_desk.storage.migrations import MIGRATIONS
from mediator_desk.storage.private import create_private_file, make_private_dir, tighten

# PRAGMA application_id marks the file as ours ("MDSK").
APPLICATION_ID = 0x4D44534B
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 3000
_savepoints = itertools.count(1)


def _refuse(message: str, hint: str) -> DatabaseRefused:
    return DatabaseRefused(message, hint=hint)


def _restore_hint(path: Path) -> str:
    """What to do about a damaged database: restore a backup if there is one."""
    from mediator_desk.storage.backup import restore_hint

    return restore_hint(path) or "文件未作任何修改"


def side_file(path: Path, suffix: str) -> Path:
    """SQLite's companion file of the database ``path`` ("-wal", "-shm", "-journal")."""
    return path.with_name(path.name + suffix)


# Connections this process has open, by the (device, inode) of their file: such a file is
# never opened by Python again (reading its header would drop the connection's locks).
_open_here: dict[tuple[int, int], "weakref.WeakSet[Database]"] = {}


def _file_key(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_dev, st.st_ino


def open_in_this_process(path: Path) -> bool:
    """Whether a connection of this process has the database file ``path`` open."""
    try:
        conns = _open_here.get(_file_key(path), ())
    except OSError:
        return False
    for db in list(conns):
        try:
            db.conn.total_changes
        except sqlite3.ProgrammingError:        # closed
            continue
        return True
    return False


def split_statements(sql: str):
    """The statements of an SQL script, each ending where SQLite says a statement is complete
    (``sqlite3.complete_statement``: a ``;`` inside a string, a comment or a trigger's body does
    not end one), checked at each ``;`` only."""
    start, end = 0, sql.find(";")
    while end != -1:
        piece = sql[start:end + 1]
        if sqlite3.complete_statement(piece):
            if piece.strip():
                yield piece.strip()
            start = end + 1
        end = sql.find(";", end + 1)
    rest = sql[start:].strip()
    if rest:
        yield rest


_database_class = None


def _sqlite_utils_database():
    """sqlite-utils' ``Database`` (imported at first use) with a faster ``executescript``
    inside a transaction. Python's ``executescript`` commits first, so sqlite-utils runs a
    script in a transaction (every migration) statement by statement — split by testing the
    whole statement so far after every character, which took 80 of the 100 ms a new database
    needs; :func:`split_statements` gives the same statements, testing at each ``;``."""
    global _database_class
    if _database_class is None:
        import sqlite_utils

        class ScriptsInTransactions(sqlite_utils.Database):
            def executescript(self, sql: str) -> sqlite3.Cursor:
                if not self.conn.in_transaction:
                    return super().executescript(sql)
                cursor = self.conn.cursor()
                for statement in split_statements(sql):
                    cursor.execute(statement)
                return cursor

        _database_class = ScriptsInTransactions
    return _database_class


def _remember(db: "Database", path: Path) -> "Database":
    _open_here.setdefault(_file_key(path), weakref.WeakSet()).add(db)
    return db


def _marked_writable(path: Path) -> bool:
    """Writable by us, judged by the permission bits too: root ignores them, yet a file or
    folder marked read-only must be treated as read-only by everybody (on Windows only the
    file's read-only attribute means something)."""
    mode = path.stat().st_mode
    if path.is_dir() and os.name == "nt":
        return True
    return bool(mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)) and os.access(path, os.W_OK)


def _check_file(path: Path, *, for_writing: bool = True) -> bool:
    """Return True if the file exists with content; refuse files we must not open."""
    if not path.exists():
        return False
    if path.is_dir():
        raise _refuse(f"“{path}”是一个文件夹，不是数据库文件", "请指定一个数据库文件")
    size = path.stat().st_size
    if size == 0:
        return False
    if not open_in_this_process(path):     # (if it is, it was checked when first opened)
        with open(path, "rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
        if header != SQLITE_HEADER:
            raise _refuse(f"文件“{path.name}”不是本软件的数据库（也不是 SQLite 数据库）",
                          "请检查文件路径；文件未作任何修改")
    if not for_writing:
        return True
    # Root ignores permission bits, so look at them ourselves: a file or folder marked
    # read-only is refused for everybody, rather than silently written by an administrator.
    if not _marked_writable(path):
        raise _refuse(f"数据库文件“{path.name}”是只读的，无法保存记录",
                      "请把文件复制到可写的位置，或请管理员取消只读属性")
    if not _marked_writable(path.parent):
        raise _refuse(f"数据库所在文件夹“{path.parent}”不可写", "请把数据库放在可写的文件夹中")
    return True


def _connect(path: Path, uri: str = "") -> sqlite3.Connection:
    conn = sqlite3.connect(uri or str(path), timeout=BUSY_TIMEOUT_MS / 1000,
                           isolation_level=None, check_same_thread=False, uri=bool(uri))
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the database (``mediator-desk check``).

    - a ``-wal`` or ``-journal`` is there (another program has the database open, or one was
      killed): SQLite opens the file read-only (``mode=ro``) and reads through them;
    - none, and file and folder are writable: a normal connection with ``query_only`` on, so
      that SQLite removes the ``-wal``/``-shm`` it needs for reading when it closes (a
      read-only connection would leave them behind); the database file is not written;
    - none, and file or folder marked read-only: ``immutable`` — SQLite creates nothing
      (nobody can be writing it: a writer would have made a ``-wal``).
    """
    base = path.absolute().as_uri()
    if side_file(path, "-wal").exists() or side_file(path, "-journal").exists():
        uri = base + "?mode=ro"
    elif _marked_writable(path) and _marked_writable(path.parent):
        uri = base + "?mode=rw"
    else:
        uri = base + "?mode=ro&immutable=1"
    conn = _connect(path, uri)
    conn.execute("PRAGMA query_only = ON")
    return conn


def _translate(exc: sqlite3.Error, path: Path) -> DatabaseRefused:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return _refuse(f"数据库“{path.name}”正被另一个程序占用",
                       "请关闭正在使用它的其他程序（或另一个调解工作台窗口）后重试")
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return _refuse(f"数据库“{path.name}”已损坏，无法打开",
                       _restore_hint(path))
    if "readonly" in text or "read-only" in text:
        return _refuse(f"数据库“{path.name}”是只读的，无法保存记录", "请检查文件权限")
    if "disk" in text and "full" in text:
        return _refuse("磁盘空间已满，无法写入数据库", "请清理磁盘空间后重试")
    return _refuse(f"无法打开数据库“{path.name}”：{exc}", "文件未作任何修改")


def _applied_names(conn: sqlite3.Connection) -> list[str]:
    has = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?",
        (MIGRATIONS.migrations_table,)).fetchone()
    if not has:
        return []
    return [r[0] for r in conn.execute(
        f"SELECT name FROM {MIGRATIONS.migrations_table} "
        "WHERE migration_set = ? ORDER BY rowid", (MIGRATIONS.name,))]


def _known_names() -> list[str]:
    return MIGRATIONS.names


def schema_version(db) -> str:
    """The name of the newest migration applied to ``db`` (the schema version)."""
    names = _applied_names(db.conn)
    return names[-1] if names else ""


def _inspect(conn: sqlite3.Connection, path: Path) -> list[str]:
    """Verify an existing file is ours, not newer, and intact. Returns applied migration names."""
    # A file of ours carries the id from its first write on (open_database sets it before
    # anything else), so any other SQLite file is foreign — an empty one (no tables) too.
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    if app_id != APPLICATION_ID:
        raise _refuse(f"文件“{path.name}”是 SQLite 数据库，但不是调解工作台的数据库",
                      "请选择本软件创建的数据库；文件未作任何修改")
    applied = _applied_names(conn)
    unknown = [n for n in applied if n not in _known_names()]
    if unknown:
        raise _refuse(f"数据库“{path.name}”由更新版本的调解工作台创建（结构版本 {applied[-1]}）",
                      "请先升级本软件再打开；文件未作任何修改")
    result = _quick_check(conn, path)
    if result != "ok":
        raise _refuse(f"数据库“{path.name}”已损坏：{integrity_summary(result, path)}",
                      _restore_hint(path))
    return applied


def integrity_summary(result: str, path: Path) -> str:
    """SQLite's integrity report (English, one line per problem) in a few Chinese words; the
    report itself goes to the log file."""
    logging.getLogger(__name__).warning("integrity check of %s failed:\n%s", path, result)
    problems = len([line for line in result.splitlines() if line.strip()])
    return f"完整性检查发现 {problems} 处问题（详情已写入日志文件）"


# A full quick_check reads every page: ~1 s per 200 MB, 10 s for a township's 200,000 cases,
# at every start. Files up to this size get it; larger ones get the checks below at open, and
# the full check from `mediator-desk check`. Corruption elsewhere is still reported when a page
# is read (SQLITE_CORRUPT → “已损坏” through translate_error), and never silently used.
FULL_CHECK_BYTES = 64 * 1024 * 1024
SMALL_TABLES = ("settings", "_sqlite_migrations", "code_items", "organisations", "mediators",
                "case_counters")


def _quick_check(conn: sqlite3.Connection, path: Path) -> str:
    """'ok', or what is wrong: the whole file if small, else its header and small tables."""
    if path.stat().st_size <= FULL_CHECK_BYTES:
        return conn.execute("PRAGMA quick_check").fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    wal = path.with_name(path.name + "-wal")
    if (not wal.exists() or wal.stat().st_size == 0) and pages * page_size > path.stat().st_size:
        return f"文件被截断：应有 {pages} 页，实有 {path.stat().st_size // page_size} 页"
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    for table in SMALL_TABLES:
        if table in present:
            result = conn.execute(f"PRAGMA quick_check('{table}')").fetchone()[0]
            if result != "ok":
                return result
    return "ok"


class Database:
    """An open connection (``conn``) that becomes a full ``sqlite_utils.Database`` on demand.

    Everything the application does at start-up needs only ``conn``; any other attribute
    (``db["table"]``, ``db.table_names()`` …) builds the sqlite-utils object on first use, so
    sqlite-utils is not imported just to open a database.
    """

    def __init__(self, conn: sqlite3.Connection, *, read_only: bool = False,
                 pending: list[str] | None = None):
        self.conn = conn
        self._full = None
        self.read_only = read_only
        self.pending = list(pending or [])      # migrations not applied (read-only opens)

    @property
    def full(self):
        """The ``sqlite_utils.Database`` on this connection (no plugins)."""
        if self._full is None:
            # No sqlite-utils plugins: they would run whatever installed packages register on
            # a connection holding confidential records, and finding them scans every installed
            # distribution (~0.1 s).
            self._full = _sqlite_utils_database()(self.conn, execute_plugins=False)
        return self._full

    def __getattr__(self, name):
        return getattr(self.full, name)

    @contextmanager
    def bulk(self):
        """Settings for writing many rows in a few transactions (a sync import), set back
        afterwards: no automatic WAL checkpoint after each of its commits but one at its end
        (SQLite copies the WAL into the database after any commit that leaves more than
        1,000 pages in it, syncing the file each time; a bulk commits several times)."""
        conn = self.conn
        pages = conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        try:
            yield self
        finally:
            conn.execute(f"PRAGMA wal_autocheckpoint = {int(pages)}")
            if not conn.in_transaction:
                try:
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                except sqlite3.Error:
                    pass        # what is committed stays in the WAL; the next commit copies it

    @contextmanager
    def atomic(self):
        """A transaction; nested calls become savepoints. The outermost one starts with
        BEGIN IMMEDIATE, taking the write lock up front, so two writers wait for each other
        (busy timeout) instead of failing when a read transaction tries to upgrade.
        Semantics otherwise as ``sqlite_utils.Database.atomic``."""
        conn = self.conn
        if conn.in_transaction:
            name = f"sp_{next(_savepoints)}"
            conn.execute(f"SAVEPOINT {name}")
            try:
                yield self
            except BaseException:
                if conn.in_transaction:  # a failed COMMIT-level error may have ended it
                    conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    conn.execute(f"RELEASE SAVEPOINT {name}")
                raise
            else:
                conn.execute(f"RELEASE SAVEPOINT {name}")
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        else:
            try:
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise


def open_database(path: str | os.PathLike, *, create: bool = True,
                  migrate: bool = True, read_only: bool = False) -> Database:
    """Open (and if needed create and migrate) the database at ``path``.

    Raises :class:`DatabaseRefused` when the file cannot be used; the file is then unchanged.
    A backup copy is written next to an existing database before any migration touches it.
    ``read_only``: open an existing database without changing anything (no migration; the
    names of pending ones are in ``Database.pending``).
    """
    path = Path(path)
    if read_only:
        return _open_read_only(path)
    exists = _check_file(path)
    if not exists and not create:
        raise _missing(path)
    if not exists:
        try:
            make_private_dir(path.parent)
            create_private_file(path)
        except OSError as exc:
            raise _refuse(f"无法创建数据库文件“{path}”：{exc.strerror}",
                          "请选择可写的位置") from exc
    conn = None
    try:
        conn = _connect(path)
        applied = _inspect(conn, path) if exists else []
        if exists:                       # ours: files of older versions were 0644, the folder 0755
            for file in (path, side_file(path, "-wal"), side_file(path, "-shm")):
                tighten(file)
            if is_data_folder(path.parent):
                tighten(path.parent)
        pending = [n for n in MIGRATIONS.names if n not in applied]
        if pending and not migrate:
            raise _refuse(f"数据库“{path.name}”需要升级结构", "请用图形界面打开一次以升级")
        if pending and exists and applied:
            from mediator_desk.storage.backup import before_migration

            before_migration(path, conn, applied[-1])     # a verified backup (storage/backup.py)
        if not exists or not applied:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")
        db = _remember(Database(conn), path)
        if pending:
            MIGRATIONS.apply(db.full)
        return db
    except DatabaseRefused:
        if conn is not None:
            conn.close()
        raise
    except sqlite3.Error as exc:
        if conn is not None:
            conn.close()
        raise _translate(exc, path) from exc


def _missing(path: Path) -> DatabaseRefused:
    if path.is_file():
        return _refuse(f"数据库文件“{path}”是空的（0 字节）",
                       "它不是一个可用的数据库；请检查路径，或用备份恢复")
    return _refuse(f"数据库文件“{path}”不存在", "请检查路径，或先运行程序创建数据库")


def _open_read_only(path: Path) -> Database:
    """``open_database(read_only=True)``: refuses what a normal open refuses (but a read-only
    file), creates, adopts and migrates nothing."""
    if not _check_file(path, for_writing=False):
        raise _missing(path)
    conn = None
    try:
        conn = _connect_read_only(path)
        applied = _inspect(conn, path)
        pending = [n for n in MIGRATIONS.names if n not in applied]
        conn.execute("PRAGMA foreign_keys = ON")
        return _remember(Database(conn, read_only=True, pending=pending), path)
    except DatabaseRefused:
        if conn is not None:
            conn.close()
        raise
    except sqlite3.Error as exc:
        if conn is not None:
            conn.close()
        raise _translate(exc, path) from exc


def translate_error(exc: sqlite3.Error, path: Path | str = "") -> DatabaseRefused:
    """Turn a low-level SQLite error raised during a write into a Chinese message."""
    return _translate(exc, Path(path or "数据库"))
