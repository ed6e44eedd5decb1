"""Choosing and opening files, behind class methods so tests replace them (never a real
dialog in a test, never a viewer launched).

    path = Files.choose_scan(parent, title)        # "" when cancelled
    paths = Files.choose_files(parent, title)      # [] when cancelled
    Files.open_file(path)                          # the system's viewer
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

translate = QCoreApplication.translate


def scan_filter() -> str:
    return translate("Files", "Scans and photos (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)")


class Files:
    """File dialogs and the viewer. Tests monkeypatch these class methods."""

    @classmethod
    def choose_scan(cls, parent: QWidget | None, title: str) -> str:
        """One PDF or image file (e.g. the scan of the signed agreement); '' if cancelled."""
        path, _ = QFileDialog.getOpenFileName(parent, title, "", scan_filter())
        return path

    @classmethod
    def choose_files(cls, parent: QWidget | None, title: str) -> list[str]:
        """Several PDF or image files; [] if cancelled."""
        paths, _ = QFileDialog.getOpenFileNames(parent, title, "", scan_filter())
        return list(paths)

    @classmethod
    def open_file(cls, path: str) -> bool:
        """Show a file in the system's viewer."""
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def viewable_copy(stored: Path, file_name: str) -> Path:
    """A copy of a stored attachment under its original name (stored files are named by their
    content hash, without an extension, so a viewer would not know what they are). The copy
    lives in a temporary folder, so the viewer can never change the stored file."""
    folder = Path(tempfile.mkdtemp(prefix="mediator-desk-"))
    name = Path(file_name).name or stored.name
    target = folder / name
    shutil.copyfile(stored, target)
    return target
