"""Loading the shipped resources into Qt: font, translations, the window icon.

Where they are is ``shipped.resources_dir()`` (a source checkout, an installed wheel and
the PyInstaller build alike).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QIcon

from mediator_desk.shipped import resources_dir

log = logging.getLogger(__name__)

TRANSLATION_BASENAME = "mediator_desk_zh_CN"
# Large enough for older eyes on a laptop screen (the Qt default is 9–10 pt).
DEFAULT_POINT_SIZE = 13


ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """The application icon at every size made by build_scripts/make_icons.py (empty if none)."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = resources_dir() / "icons" / f"mediator-desk-{size}.png"
        if path.is_file():
            icon.addFile(str(path))
    return icon


def font_files() -> list[Path]:
    """The shipped font files (TrueType/OpenType), preferred order: sorted by name."""
    folder = resources_dir() / "fonts"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in (".ttf", ".otf", ".ttc"))


def register_fonts(point_size: int = DEFAULT_POINT_SIZE) -> str:
    """Register the shipped CJK font and make it (large) the application default.

    Returns the family name in use, or "" if no shipped font could be loaded — the app then
    falls back to system fonts (Chinese may show as boxes on machines without a CJK font).
    """
    family = ""
    for path in font_files():
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("could not load font %s", path)
            continue
        families = QFontDatabase.applicationFontFamilies(font_id)
        if families and not family:
            family = families[0]
            log.info("registered font %s from %s", family, path.name)
    if not family:
        log.warning("no shipped CJK font found in %s; using system fonts", resources_dir() / "fonts")
    app = QCoreApplication.instance()
    if isinstance(app, QGuiApplication):      # a command-line core application has no fonts
        font = QFont(family) if family else app.font()
        font.setPointSize(point_size)
        app.setFont(font)
    return family


QT_TRANSLATION = "qtbase_zh_CN"


def qt_translation_folders() -> list[Path]:
    """Where Qt's own Chinese strings (file dialogs, standard buttons) may be, in order: Qt's
    translations folder as Qt reports it; the PySide6 package's ``Qt/translations`` (where
    PyInstaller's PySide6 hook puts them inside a bundle, whatever Qt reports there); and our
    resources/translations (a build may copy the file there)."""
    folders = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        folders.append(Path(bundle) / "PySide6" / "Qt" / "translations")
    try:
        import PySide6

        folders.append(Path(PySide6.__file__).resolve().parent / "Qt" / "translations")
    except ImportError:          # pragma: no cover - PySide6 is what we run on
        pass
    folders.append(resources_dir() / "translations")
    return folders


def install_translators(app) -> list[QTranslator]:
    """Install Qt's own zh_CN strings (file dialogs, standard buttons) and ours. Returns the
    translators, which the caller must keep referenced."""
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    installed = []
    for base, folders in ((QT_TRANSLATION, qt_translation_folders()),
                          (TRANSLATION_BASENAME, [resources_dir() / "translations"])):
        translator = QTranslator(app)
        if any(translator.load(base, str(folder)) for folder in folders):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.warning("translation %s not found in %s", base, ", ".join(map(str, folders)))
    return installed
