"""One writer per database, and it keeps its locks.

Root cause of the lost locks: SQLite's locks are POSIX advisory locks, which a process loses
when it closes *any* descriptor of the file. Qt's file dialog asks QMimeDatabase for the type
of every file it lists, which opens the file to read its first bytes and closes it. Listing the
database's folder dropped every lock; another process then checkpointed and deleted the WAL
under the window. gui/files.py's dialogs name files from their names only.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from PySide6.QtWidgets import QFileDialog, QFileSystemModel

from mediator_desk.gui import app as gui_app_module
from mediator_desk.gui import file_places, files
from mediator_desk.gui.instance import WindowLock, lock_path_for

ROOT = Path(__file__).resolve().parents[2]
WAIT_MS = 10_000
needs_proc_locks = pytest.mark.skipif(not Path("/proc/locks").exists(),
                                      reason="POSIX locks are listed in /proc/locks on Linux")


def held_locks(path: Path) -> dict[str, set[str]]:
    """The kinds of POSIX lock this process holds on the database and its side files, by file
    name ("desk.db", "desk.db-shm"), from /proc/locks. Kinds, not counts: SQLite may hold one
    more read lock for a moment (a read still open); what the file dialog did wrong was to
    drop every lock of a file."""
    files = {}
    for p in path.parent.iterdir():
        if p.name.startswith(path.name):
            st = p.stat()
            files[(os.major(st.st_dev), os.minor(st.st_dev), st.st_ino)] = p.name
    held: dict[str, set[str]] = {}
    with open("/proc/locks") as fh:
        for line in fh:
            parts = line.split()
            i = 2 if parts[1] == "->" else 1
            kind, _, mode, pid, dev = parts[i:i + 5]
            major, minor, ino = dev.split(":")      # device numbers in hex, the inode decimal
            key = (int(major, 16), int(minor, 16), int(ino))
            if kind == "POSIX" and int(pid) == os.getpid() and key in files:
                held.setdefault(files[key], set()).add(mode)
    return held


def list_folder(dialog: QFileDialog, qtbot, folder: Path) -> None:
    """Show ``dialog`` and wait until it has listed ``folder`` with each file's type (the step
    at which Qt's own provider opens every file)."""
    dialog.setFilter(QDir.Filter.AllEntries | QDir.Filter.Hidden | QDir.Filter.System)
    dialog.open()
    model = dialog.findChild(QFileSystemModel)
    qtbot.waitUntil(lambda: typed_listing(model, folder), timeout=WAIT_MS)
    qtbot.wait(50)


def other_process(db: Path, sql: str = "SELECT count(*) FROM cases") -> str:
    """Another program (like the command line) opening, using and closing the database."""
    script = textwrap.dedent(f"""
        import sqlite3, sys
        conn = sqlite3.connect(sys.argv[1], timeout=3, isolation_level=None)
        row = conn.execute({sql!r}).fetchone()
        conn.close()
        print(row[0] if row else "")
    """)
    out = subprocess.run([sys.executable, "-c", script, str(db)], check=True, timeout=60,
                         capture_output=True, text=True)
    return out.stdout.strip()


def write_marker(desk, value: str) -> None:
    with desk.transaction():
        desk.settings.set("lock_test", value)


@needs_proc_locks
def test_a_file_dialog_on_the_data_folder_keeps_the_database_locks(desk, db_path, gui_app,
                                                                     qtbot):
    desk.scalar("SELECT count(*) FROM cases")
    before = held_locks(db_path)
    assert "desk.db" in before and "desk.db-shm" in before, before

    dialog = files.make_dialog(None, "另存为", str(db_path.parent / "协议书.pdf"), mode="save")
    qtbot.addWidget(dialog)
    list_folder(dialog, qtbot, db_path.parent)
    dialog.reject()
    assert held_locks(db_path) == before

    # Another program opening and closing the database cannot delete the window's WAL, and
    # both see the same data.
    write_marker(desk, "before")
    assert other_process(db_path, "SELECT value FROM settings WHERE key = 'lock_test'") \
        == '"before"'
    assert (db_path.parent / "desk.db-wal").exists()
    write_marker(desk, "after")
    assert other_process(db_path, "SELECT value FROM settings WHERE key = 'lock_test'") \
        == '"after"'
    other_process(db_path, "INSERT INTO settings (key, value) VALUES ('cli', '1')")
    assert desk.settings.get("cli") == 1
    assert held_locks(db_path) == before


@needs_proc_locks
def test_qt_s_own_dialog_drops_the_locks_which_is_what_went_wrong(desk, db_path, gui_app,
                                                                   qtbot):
    """The mechanism, shown with Qt's dialog as it comes (the test above would fail without
    gui/files.py's provider): the locks go, and another program deletes the window's WAL."""
    desk.scalar("SELECT count(*) FROM cases")
    dialog = QFileDialog(None, "Qt", str(db_path.parent))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    list_folder(dialog, qtbot, db_path.parent)
    dialog.reject()
    if held_locks(db_path):
        pytest.skip("this Qt no longer opens listed files")
    other_process(db_path)
    assert not (db_path.parent / "desk.db-wal").exists()      # deleted under the window
    write_marker(desk, "lost")
    assert other_process(db_path, "SELECT value FROM settings WHERE key = 'lock_test'") == ""


def typed_listing(model: QFileSystemModel, folder: Path) -> bool:
    """``model`` lists every file of ``folder`` with its type (Qt's provider has sniffed them
    by then)."""
    root = model.index(str(folder))
    seen = {model.index(row, 0, root).data(): model.index(row, 2, root).data()
            for row in range(model.rowCount(root))}
    return all(seen.get(p.name) for p in folder.iterdir() if p.is_file())


@needs_proc_locks
def test_the_print_dialog_keeps_the_locks_with_the_database_in_the_home_folder(
        desk, db_path, gui_app, qtbot, monkeypatch):
    """Qt's print dialog completes "print to file" names from a model of the home folder, and
    its "…" button opens a file dialog of its own: both list files without opening them."""
    from PySide6.QtCore import QTimer
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    monkeypatch.setenv("HOME", str(db_path.parent))
    desk.scalar("SELECT count(*) FROM cases")
    before = held_locks(db_path)
    printer = QPrinter()
    dialog = QPrintDialog(printer)
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintToFile, True)
    qtbot.addWidget(dialog)
    model = dialog.findChild(QFileSystemModel)
    assert Path(model.rootPath()) == db_path.parent
    with files.guard_file_dialogs(dialog):
        dialog.show()
        qtbot.waitUntil(lambda: typed_listing(model, db_path.parent), timeout=WAIT_MS)
        assert held_locks(db_path) == before

        listed = []

        def close_when_listed():
            shown = [w for w in gui_app.topLevelWidgets()
                     if isinstance(w, QFileDialog) and w.isVisible()]
            if shown and typed_listing(shown[0].findChild(QFileSystemModel), db_path.parent):
                listed.append(True)
                shown[0].reject()
            else:
                QTimer.singleShot(20, close_when_listed)

        QTimer.singleShot(0, close_when_listed)
        QFileDialog.getSaveFileName(dialog, "…", str(db_path.parent / "print.pdf"))
        assert listed == [True]
        dialog.reject()
    assert held_locks(db_path) == before


def test_every_file_dialog_is_made_by_files_py():
    """No other GUI module builds a file dialog or a file model (they would sniff files)."""
    offenders = []
    for path in (ROOT / "mediator_desk" / "gui").rglob("*.py"):
        if path.name == "files.py":
            continue
        text = path.read_text(encoding="utf-8")
        for name in ("QFileDialog", "QFileSystemModel", "QFileIconProvider", "QMimeDatabase"):
            if name in text:
                offenders.append(f"{path.relative_to(ROOT)}: {name}")
    assert offenders == []


def test_name_only_provider_never_reads_a_file(tmp_path, gui_app):
    from PySide6.QtCore import QFileInfo

    secret = tmp_path / "desk.db"
    secret.write_bytes(b"SQLite format 3\x00" + bytes(100))
    provider = files.icon_provider()
    # Qt's own provider reads the header and says "SQLite3 database"; this one goes by name.
    assert provider.type(QFileInfo(str(secret))) == "DB 文件"
    assert provider.type(QFileInfo(str(tmp_path / "协议书.pdf"))) != ""
    assert provider.type(QFileInfo(str(tmp_path))) == "文件夹"
    assert not provider.icon(QFileInfo(str(secret))).isNull()


def test_dialogs_never_start_in_the_data_folder(db_path, gui_app, monkeypatch):
    from mediator_desk.gui import printing
    from mediator_desk.gui.sync_dialogs import SyncAsk

    file_places.protect(db_path)
    data = db_path.parent
    assert file_places.start_folder(str(data)) != str(data)
    assert file_places.start_folder(str(data / "desk-files")) != str(data / "desk-files")
    asked = []
    monkeypatch.setattr(files, "save_file_name",
                        lambda parent, title, path, flt, **kw: asked.append(path) or "")
    monkeypatch.setattr(files, "open_file_name",
                        lambda parent, title, folder, flt, **kw: asked.append(folder) or "")
    monkeypatch.setattr(files, "open_file_names",
                        lambda parent, title, folder, flt, **kw: asked.append(folder) or [])
    # remembered as the last folder of each kind (as by an older version): never used
    from PySide6.QtCore import QSettings

    for purpose in ("documents", "bundle", "scans"):
        QSettings().setValue(file_places.FOLDERS_KEY + purpose, str(data))
    file_places.remember_folder("receipt", str(data))
    assert file_places.last_folder("receipt") == ""
    printing.OutputDialogs.save_path(None, "保存", "协议书.pdf", "pdf")
    SyncAsk.open_file(None, "导入", "bundle")
    SyncAsk.save_file(None, "导出", "红旗.mdsync", "bundle")
    files.Files.choose_scan(None, "扫描件")
    files.Files.choose_files(None, "附件")
    assert len(asked) == 5
    for where in asked:
        folder = Path(where) if Path(where).is_dir() else Path(where).parent
        assert folder != data and data not in folder.parents, where
    for purpose in ("documents", "bundle", "scans"):
        QSettings().remove(file_places.FOLDERS_KEY + purpose)
    file_places._protected.clear()


def test_file_dialogs_start_in_the_folder_last_used_for_the_same_kind(tmp_path, gui_app):
    from PySide6.QtCore import QSettings

    scans, papers = tmp_path / "扫描件", tmp_path / "文书"
    scans.mkdir()
    papers.mkdir()
    file_places.remember_folder("scans", str(scans))
    file_places.remember_folder("documents", str(papers))
    try:
        assert file_places.start_folder(purpose="scans") == str(scans)
        assert file_places.start_folder(purpose="documents") == str(papers)
        assert file_places.start_folder(purpose="bundle") != str(scans)
        dialog = files.make_dialog(None, "选择", str(scans))
        assert isinstance(dialog.proxyModel(), files.ChineseSizes)
        dialog.deleteLater()
    finally:
        for purpose in ("scans", "documents"):
            QSettings().remove(file_places.FOLDERS_KEY + purpose)


# --- one window per database ---------------------------------------------------------------

def test_a_second_window_on_the_same_database_is_refused_and_the_first_comes_forward(
        tmp_path, gui_app, qtbot):
    db = tmp_path / "desk.db"
    shown = []
    first = WindowLock(db)
    assert first.acquire(on_show=lambda: shown.append(True))
    try:
        second = WindowLock(tmp_path / "." / "desk.db")      # the same file, another spelling
        assert not second.acquire()
        assert second.owner()[0] == os.getpid()
        assert second.ask_owner_to_show()
        qtbot.waitUntil(lambda: shown == [True], timeout=WAIT_MS)
        assert WindowLock(tmp_path / "other.db").acquire()   # another database: no conflict
    finally:
        first.release()
    assert not lock_path_for(db).exists()
    third = WindowLock(db)
    assert third.acquire()
    third.release()


HOLDER = textwrap.dedent("""
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication
    from mediator_desk.gui.instance import WindowLock
    app = QApplication([])
    claim = WindowLock(sys.argv[1])
    assert claim.acquire(on_show=lambda: (print("shown", flush=True), app.quit()))
    print("ready", flush=True)
    if sys.argv[2] == "kill":
        os.kill(os.getpid(), 9)
    app.exec()
    claim.release()
""")


def test_two_processes_the_second_window_says_so_and_opens_nothing(tmp_path, gui_app,
                                                                    messages, monkeypatch):
    db = tmp_path / "data" / "desk.db"
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db), "wait"], cwd=ROOT,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        opened = []
        monkeypatch.setattr(gui_app_module, "open_desk", lambda path: opened.append(path))
        assert gui_app_module.run(db) == gui_app_module.EXIT_ALREADY_OPEN
        assert opened == [] and not db.exists()
        assert len(messages.infos) == 1
        assert "已经在另一个调解工作台窗口中打开" in messages.infos[0]
        assert "切换到最前面" in messages.infos[0]
        assert holder.stdout.readline().strip() == "shown"
        assert holder.wait(timeout=30) == 0
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()


def test_the_lock_of_a_killed_window_is_taken_over(tmp_path, gui_app):
    db = tmp_path / "desk.db"
    holder = subprocess.run([sys.executable, "-c", HOLDER, str(db), "kill"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert holder.stdout.strip() == "ready" and holder.returncode == -9
    assert lock_path_for(db).exists()
    claim = WindowLock(db)
    assert claim.acquire()
    claim.release()


# --- viewer copies --------------------------------------------------------------------------

@pytest.fixture
def temp_root(tmp_path, monkeypatch):
    import tempfile

    root = tmp_path / "tmp"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    return root


def test_viewer_copies_are_private_and_removed_at_exit(temp_root, tmp_path):
    stored = tmp_path / "ab12"
    stored.write_bytes(b"%PDF-1.4 scan")
    old = os.umask(0o022)
    try:
        copy = file_places.viewable_copy(stored, "张三身份证.pdf")
    finally:
        os.umask(old)
    assert copy.name == "张三身份证.pdf" and copy.read_bytes() == stored.read_bytes()
    assert oct(copy.stat().st_mode & 0o777) == oct(0o600)
    assert oct(copy.parent.stat().st_mode & 0o777) == oct(0o700)
    assert file_places.remove_viewer_copies() == 0            # at start: this process's copies stay
    assert copy.exists()
    assert file_places.remove_viewer_copies(at_exit=True) == 1
    assert list(temp_root.iterdir()) == []


def test_viewer_copies_of_an_earlier_run_are_removed_at_the_next_start(temp_root):
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    dead = temp_root / f"mediator-desk-view-{gone}-x1y2z3"
    older_version = temp_root / "mediator-desk-k2j4h6g8"
    running = temp_root / f"mediator-desk-view-{os.getppid()}-abcdef"   # another open window
    unrelated = temp_root / "mediator-desk-sync-notes"
    for folder in (dead, older_version, running, unrelated):
        folder.mkdir()
        (folder / "李四.pdf").write_bytes(b"%PDF")
    assert file_places.remove_viewer_copies() == 2
    assert sorted(p.name for p in temp_root.iterdir()) == sorted([running.name, unrelated.name])
