"""What the PyInstaller build leaves out (used by build_scripts/mediator_desk.spec; tested).

The app uses QtCore, QtGui, QtWidgets, QtNetwork (the one-window lock; QtPdf needs it too),
QtPrintSupport, QtPdf, QtPdfWidgets and QtCharts (the statistics window's charts). PyInstaller's
PySide6 hooks collect the Qt libraries and
plugins of the modules that are imported; this module keeps modules the app never imports from
being pulled in by a stray import, and drops plugins and translations the app has no use for.
Patterns are matched against the start of a file's name, never anywhere in a path, so that a
rule for Qt's own libraries cannot remove a library another package needs.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

# Python modules never imported by the app (tests, other GUI toolkits, unused Qt modules).
EXCLUDED_MODULES = [
    "tkinter", "_tkinter", "pytest", "_pytest", "hypothesis", "pytestqt", "IPython",
    "PyInstaller", "setuptools._distutils.tests",
    # Pillow (reportlab's image support) without AVIF, which brings a 5 MB codec library
    "PIL._avif", "PIL.AvifImagePlugin",
    # … and without its text drawing (FreeType, HarfBuzz: reportlab draws text itself)
    "PIL._imagingft",
    # python-docx reads and writes XML with lxml.etree only
    "lxml.objectify", "lxml.html", "lxml.isoschematron",
    *(f"PySide6.{m}" for m in (
        "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
        "QtBluetooth", "QtCanvasPainter", "QtConcurrent", "QtDataVisualization",
        "QtDBus", "QtDesigner", "QtGraphs", "QtGraphsWidgets", "QtHelp", "QtHttpServer",
        "QtLocation", "QtMultimedia", "QtMultimediaWidgets", "QtNetworkAuth", "QtNfc",
        "QtOpenGL", "QtOpenGLWidgets", "QtPositioning", "QtQml", "QtQuick", "QtQuick3D",
        "QtQuickControls2", "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects", "QtScxml",
        "QtSensors", "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql",
        "QtStateMachine", "QtSvgWidgets", "QtTest", "QtTextToSpeech", "QtUiTools",
        "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick", "QtWebEngineWidgets",
        "QtWebSockets", "QtWebView", "QtXml", "QtAsyncio")),
]

# Qt plugin folders dropped whole, and single plugins (file name starts) dropped.
DROPPED_PLUGIN_FOLDERS = {
    "egldeviceintegrations", "wayland-decoration-client", "wayland-graphics-integration-client",
    "wayland-graphics-integration-server", "wayland-shell-integration", "networkinformation",
    "tls", "generic", "qmltooling", "multimedia", "sqldrivers", "position", "sensors",
    "texttospeech", "webview", "geoservices", "designer", "renderers", "sceneparsers",
    "assetimporters", "geometryloaders", "renderplugins", "canbus", "scxmldatamodel",
    "virtualkeyboard", "qmllint",
}
DROPPED_PLUGINS = {
    "platforms": ("libqwayland", "libqeglfs", "libqlinuxfb", "libqvnc", "libqvkkhrdisplay",
                  "libqminimalegl", "qdirect2d"),
    "platformthemes": ("libqgtk3",),          # GTK dialogs open files in-process (gui/files.py)
    "platforminputcontexts": ("libqtvirtualkeyboard", "qtvirtualkeyboard"),
    "imageformats": ("libqtiff", "libqwebp", "libqtga", "libqwbmp", "libqicns", "libqpdf",
                     "qtiff", "qwebp", "qtga", "qwbmp", "qicns", "qpdf"),
}
# Qt's own translations: only Simplified Chinese, and only those of the modules in use.
KEPT_TRANSLATIONS = {"qt_zh_CN.qm", "qtbase_zh_CN.qm"}
# Qt libraries that only dropped plugins or unused modules need (anchored file-name starts).
DROPPED_LIBRARIES = (
    "libQt6Quick", "libQt6Qml", "libQt6WaylandClient", "libQt6WaylandEgl", "libQt6Wayland",
    "libQt6VirtualKeyboard", "libQt6WebEngine", "libQt63D", "libQt6Multimedia",
    "libQt6Designer", "libQt6DataVisualization", "libQt6Graphs",
    "libQt6Positioning", "libQt6Location", "libQt6Sql", "libQt6Test", "libQt6Bluetooth",
    "libQt6ShaderTools", "libQt6Quick3D", "libQt6SpatialAudio", "libQt6TextToSpeech",
    "libQt6EglFsKmsSupport", "libQt6EglFSDeviceIntegration", "libQt6EglFsKmsGbmSupport",
    "Qt6Quick", "Qt6Qml", "Qt6WebEngine", "Qt6VirtualKeyboard", "Qt6Multimedia", "Qt63D",
    "libQt6WlShellIntegration",
    # Windows: the 20 MB software OpenGL fallback; the app draws with widgets, not OpenGL
    "opengl32sw",
)
# System libraries PyInstaller copies only for the GTK theme plugin dropped above (GTK, cairo,
# pango, gio and their own dependencies). check_needed() fails the build if a kept file needs one.
DROPPED_SYSTEM_LIBRARIES = (
    "libgtk-3.", "libgdk-3.", "libatk-1.0.", "libatk-bridge-2.0.", "libatspi.", "libcairo.",
    "libcairo-gobject.", "libpango-1.0.", "libpangocairo-1.0.", "libpangoft2-1.0.",
    "libgdk_pixbuf-2.0.", "libpixman-1.", "libthai.", "libdatrie.", "libfribidi.",
    "libgraphite2.", "libharfbuzz.so", "libjpeg.so.62", "libgio-2.0.", "libgmodule-2.0.",
    "libgobject-2.0.", "libmount.", "libblkid.", "libselinux.", "libXext.", "libXrender.",
    "libepoxy.", "libXcomposite.", "libXcursor.", "libXdamage.", "libXi.", "libXinerama.",
    "libXrandr.", "libwayland-",
)
# faker: the app takes only the zh_CN name lists; faker itself imports every provider package
# (not their locales) when it starts, and lists the locales from folders on disk.
KEPT_FAKER_LOCALES = {("person", "zh_CN"), ("lorem", "en_US")}


def dropped(dest: str) -> bool:
    """True for a bundle file the app does not need; ``dest`` is its path inside the bundle."""
    path = PurePosixPath(dest.replace("\\", "/"))
    parts = path.parts
    name = path.name
    if len(parts) == 1 and name.startswith(DROPPED_SYSTEM_LIBRARIES):
        return True
    if parts[:2] == ("faker", "providers") and len(parts) >= 5:
        return (parts[2], parts[3]) not in KEPT_FAKER_LOCALES     # a locale's files
    if name.startswith(DROPPED_LIBRARIES):
        return True                               # also the links to them beside the program
    if "PySide6" not in parts:
        return False
    if "plugins" in parts:
        i = parts.index("plugins")
        folder = parts[i + 1] if len(parts) > i + 2 else ""
        if folder in DROPPED_PLUGIN_FOLDERS:
            return True
        return name.startswith(DROPPED_PLUGINS.get(folder, ()))
    if "translations" in parts:
        return name.endswith(".qm") and name not in KEPT_TRANSLATIONS
    if "qml" in parts:
        return True
    return name.startswith(DROPPED_LIBRARIES)


def keep(toc):
    """The entries of a PyInstaller TOC ((dest, source, kind) tuples) that are not dropped."""
    return [entry for entry in toc if not dropped(entry[0])]


def dropped_module(name: str, source: str = "") -> bool:
    """True for a Python module (a.pure) the app does not need: faker's other locales."""
    parts = name.split(".")
    if parts[:2] != ["faker", "providers"] or len(parts) < 4:
        return False
    is_locale = len(parts) >= 5 or source.replace("\\", "/").endswith("/__init__.py")
    return is_locale and (parts[2], parts[3]) not in KEPT_FAKER_LOCALES


def keep_modules(toc):
    return [entry for entry in toc if not dropped_module(entry[0], entry[1] or "")]


def needed_but_dropped(bundle: Path) -> list[str]:
    """Libraries a bundled file needs (ELF NEEDED, read with readelf) that the filter dropped:
    "file → library" for each. Empty on success, and where readelf is missing (Windows)."""
    import shutil
    import subprocess

    if not shutil.which("readelf"):
        return []
    present = {p.name for p in bundle.rglob("*")}
    problems = []
    for path in bundle.rglob("*"):
        if not path.is_file() or path.is_symlink() or ".so" not in path.name:
            continue
        out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True).stdout
        for line in out.splitlines():
            if "(NEEDED)" in line:
                lib = line.split("[", 1)[1].split("]", 1)[0]
                if lib not in present and dropped(lib):
                    problems.append(f"{path.relative_to(bundle)} → {lib}")
    return problems
