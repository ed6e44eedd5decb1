"""Choosing and opening files, behind class methods so tests replace them (never a real
dialog in a test, never a viewer launched).

    path = Files.choose_scan(parent, title)        # "" when cancelled
    paths = Files.choose_files(parent, title)      # [] when cancelled
    Files.open_file(path)                          # the system's viewer

**Every file dialog of the application is made here** (:func:`open_file_name`,
:func:`open_file_names`, :func:`save_file_name`, :func:`existing_folder`; printing.py and
sync_dialogs.py use them), because a file dialog can make the process lose its database
locks. SQLite's locks are POSIX advisory locks: they belong to the process and are dropped
when *any* descriptor of the file is closed in it. Qt's file dialog asks, for every file it
lists, ``QAbstractFileIconProvider::type()`` → ``QMimeDatabase::mimeTypeForFile(info)``, which
opens the file and reads its first bytes to guess its type — and closes it. Listing the folder
of the database (``desk.db``, ``desk.db-shm``, ``desk.db-wal``) thus released every lock
SQLite held, and another process could then checkpoint and delete the write-ahead log under
the running window. So the dialogs here:

- use :class:`NameOnlyIconProvider`, which names and draws files from their *name* only and
  never opens one;
- are Qt's own dialog (``DontUseNativeDialog``) except on Windows, where locks are per handle
  and the native dialog is safe: a native Linux dialog (GTK's, in this process) sniffs file
  contents in the same way, beyond our reach;
- never *start* in the database's folder, nor in Qt's remembered "last visited" folder,
  which could be it (gui/file_places.py: they start in the folder last used for the same
  kind of file, else in Documents, else home);
- show sizes in the units Chinese file managers use ("12 KB", not Qt's "12.06 KiB").

Qt makes file lists of its own too: the print dialog completes the "print to file" name from a
``QFileSystemModel`` of the home folder and its "…" button opens a static file dialog. While it
is open, :func:`guard_file_dialogs` gives those the same provider (and ``gui.app`` turns native
dialogs off for the whole application, except on Windows).

"Open attachment" shows a copy in a private temporary folder (gui/file_places.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

from contextlib import contextmanager

from PySide6.QtCore import (QCoreApplication, QEvent, QFileInfo, QIdentityProxyModel,
                            QMimeDatabase, QObject, Qt, QUrl)
from PySide6.QtGui import QAbstractFileIconProvider, QDesktopServices
from PySide6.QtWidgets import (QApplication, QDialog, QFileDialog, QFileIconProvider,
                               QFileSystemModel, QWidget)

from mediator_desk.core.file_sizes import size_text
from mediator_desk.gui.file_places import remember_folder, start_folder

translate = QCoreApplication.translate



def scan_filter() -> str:
    return translate("Files", "Scans and photos (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)")


class Files:
    """File dialogs and the viewer. Tests monkeypatch these class methods."""

    @classmethod
    def choose_scan(cls, parent: QWidget | None, title: str) -> str:
        """One PDF or image file (e.g. the scan of the signed agreement); '' if cancelled."""
        return open_file_name(parent, title, start_folder(purpose="scans"), scan_filter(),
                              purpose="scans")

    @classmethod
    def choose_files(cls, parent: QWidget | None, title: str) -> list[str]:
        """Several PDF or image files; [] if cancelled."""
        return open_file_names(parent, title, start_folder(purpose="scans"), scan_filter(),
                               purpose="scans")

    @classmethod
    def open_file(cls, path: str) -> bool:
        """Show a file in the system's viewer."""
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


# --- dialogs that never open a file --------------------------------------------------------

class NameOnlyIconProvider(QFileIconProvider):
    """Icons and type names from a file's name, never from its content.

    Qt's own provider opens each listed file to sniff its type; closing that descriptor drops
    the process's POSIX locks on the file — SQLite's locks, if it is the database."""

    _FILE = QAbstractFileIconProvider.IconType.File
    _FOLDER = QAbstractFileIconProvider.IconType.Folder

    def __init__(self):
        super().__init__()
        self.setOptions(QAbstractFileIconProvider.Option.DontUseCustomDirectoryIcons)
        self._mime = QMimeDatabase()

    def icon(self, what):                                   # noqa: D401 - Qt's virtual
        if isinstance(what, QFileInfo):
            return super().icon(self._FOLDER if what.isDir() else self._FILE)
        return super().icon(what)

    def type(self, info: QFileInfo) -> str:                 # noqa: A003 - Qt's virtual
        if info.isDir():
            return translate("Files", "Folder")
        mime = self._mime.mimeTypeForFile(info.fileName(), QMimeDatabase.MatchMode.MatchExtension)
        if mime.isValid() and not mime.isDefault() and mime.comment():
            return mime.comment()
        suffix = info.suffix()
        return translate("Files", "{suffix} file").format(suffix=suffix.upper()) if suffix \
            else translate("Files", "File")


_provider: list[NameOnlyIconProvider] = []     # one for the process (dialogs do not own it)


def icon_provider() -> NameOnlyIconProvider:
    if not _provider:
        _provider.append(NameOnlyIconProvider())
    return _provider[0]


class ChineseSizes(QIdentityProxyModel):
    """The file list with sizes as Chinese file managers show them: "12 KB", "3.4 MB"."""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):      # noqa: D401 - Qt's virtual
        if index.column() == 1 and role == Qt.ItemDataRole.DisplayRole:
            source = self.sourceModel()
            src = self.mapToSource(index)
            if source.isDir(src):
                return ""
            return size_text(source.size(src))
        return super().data(index, role)


def make_dialog(parent: QWidget | None, title: str, folder: str, name_filter: str = "",
                *, mode: str = "open") -> QFileDialog:
    """A file dialog that opens no file while listing folders (not shown yet).

    ``mode``: "open" (one existing file), "open_many", "save" or "folder". ``folder`` may end
    in a file name (the suggestion of a save dialog)."""
    dialog = QFileDialog(parent, title)
    if sys.platform != "win32":
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setOption(QFileDialog.Option.DontUseCustomDirectoryIcons, True)
    dialog.setIconProvider(icon_provider())
    if sys.platform != "win32":
        dialog.setProxyModel(ChineseSizes(dialog))
    start = Path(folder) if folder else Path(start_folder())
    suggested = ""
    if mode == "save" and not start.is_dir():
        start, suggested = start.parent, start.name
    dialog.setDirectory(str(start))
    if name_filter:
        dialog.setNameFilter(name_filter)
    if mode == "open":
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    elif mode == "open_many":
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    elif mode == "save":
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        if suggested:
            dialog.selectFile(suggested)
    elif mode == "folder":
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    else:
        raise ValueError(mode)
    return dialog


class _DialogGuard(QObject):
    """Gives every file dialog Qt shows the name-only provider (see guard_file_dialogs)."""

    def eventFilter(self, obj, event) -> bool:                  # noqa: N802 - Qt's virtual
        if event.type() == QEvent.Type.Show and isinstance(obj, QFileDialog):
            obj.setIconProvider(icon_provider())
        return False


@contextmanager
def guard_file_dialogs(widget: QWidget | None = None):
    """While a Qt dialog that lists files by itself is open (the print dialog): its file
    models and any file dialog Qt opens from it use :class:`NameOnlyIconProvider`. Set up
    before the dialog runs its event loop (models fill themselves from there)."""
    if widget is not None:
        for model in widget.findChildren(QFileSystemModel):
            model.setIconProvider(icon_provider())
    app = QApplication.instance()
    assert app is not None, "print dialogs run in a running application"
    guard = _DialogGuard()
    app.installEventFilter(guard)
    try:
        yield
    finally:
        app.removeEventFilter(guard)


def _run(dialog: QFileDialog, purpose: str = "") -> list[str]:
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return []
        chosen = [str(p) for p in dialog.selectedFiles()]
        if chosen and purpose:
            folder_mode = dialog.fileMode() == QFileDialog.FileMode.Directory
            remember_folder(purpose, chosen[0] if folder_mode else str(Path(chosen[0]).parent))
        return chosen
    finally:
        dialog.deleteLater()


def open_file_name(parent: QWidget | None, title: str, folder: str, name_filter: str,
                   *, purpose: str = "") -> str:
    """One existing file ('' if cancelled); its folder is remembered for ``purpose``."""
    chosen = _run(make_dialog(parent, title, folder, name_filter, mode="open"), purpose)
    return chosen[0] if chosen else ""


def open_file_names(parent: QWidget | None, title: str, folder: str,
                    name_filter: str, *, purpose: str = "") -> list[str]:
    """Existing files ([] if cancelled)."""
    return _run(make_dialog(parent, title, folder, name_filter, mode="open_many"), purpose)


def save_file_name(parent: QWidget | None, title: str, suggested_path: str,
                   name_filter: str, *, purpose: str = "") -> str:
    """Where to save ('' if cancelled); ``suggested_path`` is a folder and file name."""
    chosen = _run(make_dialog(parent, title, suggested_path, name_filter, mode="save"),
                  purpose)
    return chosen[0] if chosen else ""


def existing_folder(parent: QWidget | None, title: str, folder: str = "",
                    *, purpose: str = "") -> str:
    """A folder ('' if cancelled)."""
    chosen = _run(make_dialog(parent, title, folder, mode="folder"), purpose)
    return chosen[0] if chosen else ""
