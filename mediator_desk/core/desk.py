"""The facade: one open database and the managers that work on it.

    desk = Desk.open(path, user="王调解")
    case_id = desk.cases.register(...)
    desk.close()

Managers are named after what they manage (``desk.cases``, ``desk.parties``,
``desk.organisations``, ``desk.mediators``, ``desk.codes``, ``desk.settings``, ``desk.audit``);
each is a typed attribute, made on first use. Their operations are verbs with keyword arguments. Each mutation runs in one transaction that
also writes its audit and change-log rows; ``take_changes()`` tells the caller what changed.
"""

from __future__ import annotations

import sqlite3
import threading
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from mediator_desk.core import attachment_temps
from mediator_desk.core.changes import Changes
from mediator_desk.errors import DeskError
from mediator_desk.storage.database import Database, open_database, translate_error
from mediator_desk.storage.location import resolve_db_path

if TYPE_CHECKING:
    from mediator_desk.core.records import RecordWriter
    from mediator_desk.core.codes import CodeLists
    from mediator_desk.core.organisations import OrganisationManager
    from mediator_desk.core.mediators import MediatorManager
    from mediator_desk.core.cases import CaseManager
    from mediator_desk.core.parties import PartyManager
    from mediator_desk.core.audit import AuditTrail
    from mediator_desk.core.acceptance import AcceptanceManager
    from mediator_desk.core.sessions import SessionManager
    from mediator_desk.core.outcomes import OutcomeManager
    from mediator_desk.core.agreements import AgreementManager
    from mediator_desk.core.followups import FollowUpManager
    from mediator_desk.core.confirmation import ConfirmationManager
    from mediator_desk.core.attachments import AttachmentManager
    from mediator_desk.core.dossier import DossierManager
    from mediator_desk.core.todo import TodoList
    from mediator_desk.core.reviews import ReviewManager
    from mediator_desk.core.backup import BackupManager
    from mediator_desk.core.screening import ScreeningManager
    from mediator_desk.core.statistics import Statistics
    from mediator_desk.core.health import Health


class Desk:
    """An open mediator_desk database with its managers. Not thread-safe: use one thread at a
    time (the GUI's single worker); ``lock`` serialises callers that share it."""

    def __init__(self, db: Database, path: Path, user: str = ""):
        from mediator_desk.core.settings import Settings

        self.db = db
        self.path = path
        self.lock = threading.RLock()
        self._depth = 0
        self._pending: tuple[set[str], set[str]] = (set(), set())
        self._committed = Changes()
        self.settings = Settings(self)
        self.read_only = db.read_only        # opened by ``check``: reads only
        if self.read_only:
            self.site_id = self.settings.get("site_id") or ""
        else:
            self.site_id = self.settings.get("site_id") or self._init_site()
        self.user = user or self.settings.get("current_user", "") or "未登录"
        if not self.read_only:
            self._private_store()
            attachment_temps.clean(self.attachments_dir)   # what killed adds left
            self._ensure_index()
        # (data_version, audit seq) when we last looked for other writers
        self._seen: tuple[int, int] = self._watermark()

    def _private_store(self) -> None:
        """The attachment store (and what sync stages in it) readable by its owner only:
        made 0700 now rather than by whichever writer first needs it; an older one is
        tightened (storage/private.py)."""
        from mediator_desk.storage.private import make_private_dir, tighten

        try:
            make_private_dir(self.attachments_dir)
            tighten(self.attachments_dir)
        except OSError:
            pass                 # the writer that needs it reports the problem in words

    def _ensure_index(self) -> None:
        """Index cases left without search rows (after a migration or an import that died
        before indexing). Derived data: if it cannot be built, the database still opens —
        search then misses those cases until the next open — and a warning is logged."""
        import logging
        try:
            self.cases.ensure_index()
        except (DeskError, sqlite3.Error, ValueError, TypeError, KeyError, AttributeError) as exc:
            logging.getLogger(__name__).warning("search index not rebuilt: %r", exc)

    # --- the managers -------------------------------------------------------------------
    # Each is made the first time it is used, importing its module then, so opening a desk
    # imports only what this run touches (start-up time). ``reopen`` drops them.

    @cached_property
    def records(self) -> RecordWriter:
        """Every write of a travelling record goes through it (core/records.py)."""
        from mediator_desk.core.records import RecordWriter
        return RecordWriter(self)

    @cached_property
    def codes(self) -> CodeLists:
        from mediator_desk.core.codes import CodeLists
        return CodeLists(self)

    @cached_property
    def organisations(self) -> OrganisationManager:
        from mediator_desk.core.organisations import OrganisationManager
        return OrganisationManager(self)

    @cached_property
    def mediators(self) -> MediatorManager:
        from mediator_desk.core.mediators import MediatorManager
        return MediatorManager(self)

    @cached_property
    def cases(self) -> CaseManager:
        from mediator_desk.core.cases import CaseManager
        return CaseManager(self)

    @cached_property
    def parties(self) -> PartyManager:
        from mediator_desk.core.parties import PartyManager
        return PartyManager(self)

    @cached_property
    def audit(self) -> AuditTrail:
        from mediator_desk.core.audit import AuditTrail
        return AuditTrail(self)

    # The mediation path: acceptance → records → outcome → agreement →
    # performance/follow-up → judicial confirmation → case file.
    @cached_property
    def acceptance(self) -> AcceptanceManager:
        from mediator_desk.core.acceptance import AcceptanceManager
        return AcceptanceManager(self)

    @cached_property
    def sessions(self) -> SessionManager:
        from mediator_desk.core.sessions import SessionManager
        return SessionManager(self)

    @cached_property
    def outcomes(self) -> OutcomeManager:
        from mediator_desk.core.outcomes import OutcomeManager
        return OutcomeManager(self)

    @cached_property
    def agreements(self) -> AgreementManager:
        from mediator_desk.core.agreements import AgreementManager
        return AgreementManager(self)

    @cached_property
    def followups(self) -> FollowUpManager:
        from mediator_desk.core.followups import FollowUpManager
        return FollowUpManager(self)

    @cached_property
    def confirmations(self) -> ConfirmationManager:
        from mediator_desk.core.confirmation import ConfirmationManager
        return ConfirmationManager(self)

    @cached_property
    def attachments(self) -> AttachmentManager:
        from mediator_desk.core.attachments import AttachmentManager
        return AttachmentManager(self)

    @cached_property
    def dossier(self) -> DossierManager:
        from mediator_desk.core.dossier import DossierManager
        return DossierManager(self)

    @cached_property
    def todo(self) -> TodoList:
        from mediator_desk.core.todo import TodoList
        return TodoList(self)

    # The township office's comments, approvals and returns.
    @cached_property
    def reviews(self) -> ReviewManager:
        from mediator_desk.core.reviews import ReviewManager
        return ReviewManager(self)

    # Dispute screening (矛盾纠纷排查): rounds, the disputes found, their progress.
    @cached_property
    def screening(self) -> ScreeningManager:
        from mediator_desk.core.screening import ScreeningManager
        return ScreeningManager(self)

    # Verified backups and the safe restore (core/backup.py over storage/backup.py).
    @cached_property
    def backups(self) -> BackupManager:
        from mediator_desk.core.backup import BackupManager
        return BackupManager(self)

    # Figures by period and organisation, the monthly report, completeness and locks.
    @cached_property
    def statistics(self) -> Statistics:
        from mediator_desk.core.statistics import Statistics
        return Statistics(self)

    @classmethod
    def open(cls, path: str | Path | None = None, *, user: str = "", create: bool = True,
             read_only: bool = False) -> "Desk":
        """Open (create, migrate) the database at ``path`` (default: see storage.location).

        ``read_only``: change nothing — no creation, migration, site id or search index; any
        write fails. Migrations not applied are listed in ``desk.db.pending``."""
        real = resolve_db_path(path)
        return cls(open_database(real, create=create and not read_only, read_only=read_only),
                   real, user=user)

    def close(self) -> None:
        self.db.conn.close()

    def reopen(self) -> None:
        """Open the database file again after it was closed and replaced (a restore): a new
        connection, and the managers made afresh on first use. The same object stays, so
        whoever holds it (the GUI's worker) carries on; changes not yet taken are kept."""
        lock, committed, user = self.lock, self._committed, self.user
        for name in MANAGER_NAMES:
            self.__dict__.pop(name, None)
        type(self).__init__(self, open_database(self.path), self.path, user=user)
        self.lock, self._committed = lock, committed.merge(self._committed)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # --- site -------------------------------------------------------------------------
    def _init_site(self) -> str:
        from mediator_desk.core.records import new_id

        site = new_id()
        with self.transaction():
            self.settings.set("site_id", site)
        return site

    def adopt_site_id(self, site_id: str) -> None:
        """Take over another site's id (a new install replacing a lost machine, restoring
        that site's key backup): this site's records and audit entries move to it.

        Not a change of any record (no revision, change-log or audit row per record): the
        records stay those of the same site, which has a new id here. The caller (sync
        ``restore_keys``) allows it only while the database has no cases and has exchanged
        nothing with another site."""
        from mediator_desk.storage.schema import TRAVELLING_TABLES

        old = self.site_id
        with self.transaction():
            for table in TRAVELLING_TABLES:
                self.db.conn.execute(f"UPDATE {table} SET site_id = ? WHERE site_id = ?",
                                     (site_id, old))
            self.db.conn.execute("UPDATE audit_log SET site_id = ? WHERE site_id = ?",
                                 (site_id, old))
            self.settings.set("site_id", site_id)
        self.site_id = site_id

    @property
    def attachments_dir(self) -> Path:
        """Folder for attachment files, next to the database (not inside it)."""
        return self.path.with_name(self.path.stem + "-files")

    # --- transactions and change notes ------------------------------------------------------
    @contextmanager
    def transaction(self):
        """One atomic unit: everything inside commits together or not at all. Nests."""
        with self.lock:
            self._depth += 1
            try:
                with self.db.atomic():
                    yield self
            except sqlite3.Error as exc:
                if self._depth == 1:
                    self._pending = (set(), set())
                raise translate_error(exc, self.path) from exc
            except BaseException:
                if self._depth == 1:
                    self._pending = (set(), set())
                raise
            else:
                if self._depth == 1:
                    tables, cases = self._pending
                    self._committed = self._committed.merge(
                        Changes(frozenset(tables), frozenset(cases)))
                    self._pending = (set(), set())
            finally:
                self._depth -= 1

    def require_transaction(self) -> None:
        if self._depth == 0:
            raise DeskError("内部错误：写操作必须在事务中进行")

    def note_change(self, table: str, case_id: str = "") -> None:
        self._pending[0].add(table)
        if case_id:
            self._pending[1].add(case_id)

    def notice_other_writers(self) -> Changes:
        """What other connections (a second process, the CLI) committed since we last looked,
        noted like our own changes so every screen re-reads what it shows.

        ``PRAGMA data_version`` changes only when another connection commits; what changed
        is read from the audit trail, which every write appends to (tables and cases)."""
        version = self.db.conn.execute("PRAGMA data_version").fetchone()[0]
        if version == self._seen[0]:
            return Changes()
        last = self.scalar("SELECT coalesce(max(seq), 0) FROM audit_log")
        rows = self.db.conn.execute("SELECT DISTINCT table_name, case_id FROM audit_log"
                                    " WHERE seq > ?", (self._seen[1],)).fetchall()
        self._seen = (version, last)
        tables = {t for t, _ in rows if t} | {"audit_log"}
        cases = {c for _, c in rows if c}
        if cases:
            tables.add("cases")
        found = Changes(frozenset(tables), frozenset(cases))
        with self.lock:
            self._committed = self._committed.merge(found)
        return found

    def _watermark(self) -> tuple[int, int]:
        return (self.db.conn.execute("PRAGMA data_version").fetchone()[0],
                self.scalar("SELECT coalesce(max(seq), 0) FROM audit_log"))

    def take_changes(self) -> Changes:
        """Return and clear what committed operations changed since the last call."""
        with self.lock:
            changes, self._committed = self._committed, Changes()
            return changes

    # --- reads ---------------------------------------------------------------------------
    def query(self, sql: str, params=()) -> list[dict]:
        """Rows as dicts (for managers; callers outside core use the managers)."""
        cur = self.db.conn.execute(sql, params)
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r)) for r in cur.fetchall()]

    def query_one(self, sql: str, params=()) -> dict | None:
        rows = self.query(sql, params)
        return rows[0] if rows else None

    def scalar(self, sql: str, params=()):
        row = self.db.conn.execute(sql, params).fetchone()
        return row[0] if row else None

    def health(self) -> "Health":
        """Integrity, schema, counts, attachment files and the audit chain (core/health.py);
        reads only."""
        from mediator_desk.core.health import check
        return check(self)


def database_path(path: str | Path | None = None) -> Path:
    """The database file named by ``path``, else ``$MEDIATOR_DESK_DB``, else the per-user one."""
    return resolve_db_path(path)


def private_folder(path: str | Path) -> Path:
    """Make the folder ``path`` if missing, readable by its owner only (the database's folder,
    before a window claims the database)."""
    from mediator_desk.storage.private import make_private_dir
    return make_private_dir(path)


def keep_private(path: str | Path) -> None:
    """Take group and other permissions from a file of ours (never raises)."""
    from mediator_desk.storage.private import tighten
    tighten(path)


def log_file() -> Path:
    """The application's log file (technical details; messages stay in Chinese words)."""
    from mediator_desk.storage.location import log_file as where
    return where()


# The attributes that hold managers (dropped by ``reopen``).
MANAGER_NAMES = tuple(name for name, value in vars(Desk).items()
                      if isinstance(value, cached_property))
