"""What can be checked of the builds without running PyInstaller or Windows: the spec (run with
stand-ins for PyInstaller's build steps, as on Linux and as on Windows), the bundle filter, the
Windows version resource, the Inno Setup script's paths, and the .deb made from a fake build."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import sys
import types
from pathlib import Path

import pytest

import mediator_desk
from mediator_desk import shipped as paths

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "build_scripts"
sys.path.insert(0, str(SCRIPTS))

import bundle_filter  # noqa: E402
import make_deb  # noqa: E402
import winversion  # noqa: E402


class Recorder:
    """Stands in for one of PyInstaller's spec classes (Analysis, PYZ, EXE, COLLECT)."""

    made: list = []

    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = args, kwargs
        self.binaries, self.datas, self.pure, self.scripts = [], [], [], []
        Recorder.made.append(self)


def run_spec(platform: str, workpath: Path, monkeypatch) -> dict:
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = lambda name: [name + ".cli.cases"]
    for name in ("PyInstaller", "PyInstaller.utils"):
        monkeypatch.setitem(sys.modules, name, sys.modules.get(name) or types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    monkeypatch.setattr(sys, "platform", platform)
    Recorder.made = []
    kinds = {}
    for kind in ("Analysis", "PYZ", "EXE", "COLLECT"):
        kinds[kind] = type(kind, (Recorder,), {})
    spec = SCRIPTS / "mediator_desk.spec"
    namespace = {"SPECPATH": str(SCRIPTS), "workpath": str(workpath), "__file__": str(spec),
                 **kinds}
    exec(compile(spec.read_text(encoding="utf-8"), str(spec), "exec"), namespace)
    made: dict[str, list] = {}
    for obj in Recorder.made:
        made.setdefault(type(obj).__name__, []).append(obj)
    return made


def test_the_spec_carries_every_shipped_file_where_the_path_helper_looks(tmp_path, monkeypatch):
    made = run_spec("linux", tmp_path, monkeypatch)
    (analysis,) = made["Analysis"]
    datas = analysis.kwargs["datas"]
    wanted = {(str(src), str(Path("mediator_desk") / Path(inside).parent))
              for src, inside in paths.shipped_files(ROOT)}
    assert set(datas) == wanted
    dests = {Path(dest, Path(src).name).as_posix() for src, dest in datas}
    assert "mediator_desk/resources/fonts/NotoSerifCJKsc-Regular-glyf.ttf" in dests
    assert "mediator_desk/resources/translations/mediator_desk_zh_CN.qm" in dests
    assert "mediator_desk/forms/agreement.txt" in dests
    assert "mediator_desk.cli.cases" in analysis.kwargs["hiddenimports"]
    for unused in ("PySide6.QtWebEngineCore", "PySide6.Qt3DCore", "PySide6.QtQuick",
                   "PySide6.QtMultimedia", "PySide6.QtQml"):
        assert unused in analysis.kwargs["excludes"]
    (exe,) = made["EXE"]                      # Linux: one program for window and commands
    assert exe.kwargs["name"] == "mediator-desk" and exe.kwargs["upx"] is False
    assert Path(exe.kwargs["icon"]).is_file() and exe.kwargs["version"] is None
    (collect,) = made["COLLECT"]
    assert collect.kwargs["name"] == "mediator-desk"


def test_the_spec_on_windows_makes_two_programs_with_icon_and_version(tmp_path, monkeypatch):
    made = run_spec("win32", tmp_path, monkeypatch)
    gui, cli = made["EXE"]
    assert (gui.kwargs["name"], gui.kwargs["console"]) == ("mediator-desk", False)
    assert (cli.kwargs["name"], cli.kwargs["console"]) == ("mediator-desk-cli", True)
    for exe in (gui, cli):
        assert exe.kwargs["icon"].endswith("mediator-desk.ico") and Path(exe.kwargs["icon"]).is_file()
        assert exe.kwargs["version"] == str(tmp_path / "version_info.txt")
        assert exe.kwargs["strip"] is False and exe.kwargs["upx"] is False
    text = (tmp_path / "version_info.txt").read_text(encoding="utf-8")
    assert f"StringStruct('ProductVersion', '{mediator_desk.__version__}')" in text
    assert "StringStruct('ProductName', '人民调解工作台')" in text
    assert "StringStruct('OriginalFilename', 'mediator-desk.exe')" in text


def test_the_version_resource_follows_the_one_version():
    assert winversion.version() == mediator_desk.__version__
    assert winversion.numeric("1.2.3") == (1, 2, 3, 0)
    assert winversion.numeric("0.10rc1") == (0, 10, 1, 0)
    text = winversion.text("2.5.1")
    assert "filevers=(2, 5, 1, 0)" in text and "prodvers=(2, 5, 1, 0)" in text
    assert "StringStruct('FileVersion', '2.5.1')" in text
    try:                               # PyInstaller (the build extra) parses it as the build will
        from PyInstaller.utils.win32 import versioninfo
    except ImportError:
        return
    path = Path(__file__).parent / "_version_probe.txt"
    try:
        path.write_text(winversion.text(), encoding="utf-8")
        parsed = versioninfo.load_version_info_from_text_file(str(path))
        assert parsed.ffi.fileVersionMS >> 16 == winversion.numeric(mediator_desk.__version__)[0]
        assert mediator_desk.__version__ in str(parsed)
    finally:
        path.unlink(missing_ok=True)


@pytest.mark.parametrize("dest, dropped", [
    ("PySide6/Qt/lib/libQt6Pdf.so.6", False),
    ("PySide6/Qt/lib/libQt6Network.so.6", False),
    ("PySide6/Qt/lib/libQt6Widgets.so.6", False),
    ("PySide6/Qt/lib/libQt6Quick.so.6", True),
    ("libQt6Qml.so.6", True),                                   # the link beside the program
    ("PySide6/Qt/lib/libQt6WebEngineCore.so.6", True),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", False),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", False),
    ("PySide6/Qt/plugins/platforms/libqwayland-egl.so", True),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", True),
    ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", False),
    ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", False),
    ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", True),
    ("PySide6/Qt/plugins/imageformats/libqjpeg.so", False),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", True),
    ("PySide6\\plugins\\platforms\\qwindows.dll", False),           # Windows layout
    ("PySide6\\translations\\qtbase_zh_CN.qm", False),
    ("PySide6\\opengl32sw.dll", True),
    ("PySide6\\plugins\\platforms\\qdirect2d.dll", True),
    ("PySide6\\Qt6Quick.dll", True),
    ("PySide6\\Qt6Pdf.dll", False),
    ("PySide6/Qt/translations/qtbase_de.qm", True),
    ("PySide6/Qt/translations/qt_help_zh_CN.qm", True),
    ("pillow.libs/libtiff-20b7e810.so.6.3.0", False),           # anchored: Pillow keeps its own
    ("libcairo.so.2", True),
    ("libglib-2.0.so.0", False),
    ("faker/providers/person/zh_CN/__init__.py", False),
    ("faker/providers/person/de_DE/__init__.py", True),
    ("faker/providers/address/__init__.py", False),
    ("mediator_desk/resources/fonts/NotoSerifCJKsc-Regular-glyf.ttf", False),
])
def test_the_bundle_filter(dest, dropped):
    assert bundle_filter.dropped(dest) is dropped


def test_the_filter_keeps_fakers_providers_and_the_chinese_names():
    keep = bundle_filter.dropped_module
    assert not keep("faker.providers.person", "/x/faker/providers/person/__init__.py")
    assert not keep("faker.providers.person.zh_CN", "/x/faker/providers/person/zh_CN/__init__.py")
    assert not keep("faker.providers.sbn.rules", "/x/faker/providers/sbn/rules.py")
    assert keep("faker.providers.person.fr_FR", "/x/faker/providers/person/fr_FR/__init__.py")
    assert keep("faker.providers.address.en_GB.data", "/x/faker/providers/address/en_GB/data.py")


def iss_text() -> str:
    return (SCRIPTS / "mediator_desk.iss").read_text(encoding="utf-8-sig")


def test_the_inno_setup_script_points_at_the_build_and_keeps_the_data(tmp_path):
    text = iss_text()
    assert (SCRIPTS / "mediator_desk.iss").read_bytes()[:3] == b"\xef\xbb\xbf"  # Chinese: UTF-8 BOM
    defines = dict(re.findall(r'^#define (\w+) "([^"]*)"', text, re.M))
    build_dir = re.search(r'^#define BuildDir AddBackslash\(SourcePath\) \+ "([^"]+)"', text, re.M)
    build = (SCRIPTS / build_dir.group(1).replace("\\", "/")).resolve()
    assert build == ROOT / "dist" / "mediator-desk"            # bootstrap.py build's output
    assert defines["ExeName"] == "mediator-desk.exe"           # the spec's two Windows programs
    assert defines["CliName"] == "mediator-desk-cli.exe"
    setup = dict(re.findall(r"^(\w+)=(.*)$", text.split("[Setup]")[1].split("\n[")[0], re.M))
    assert setup["PrivilegesRequired"] == "lowest"
    assert re.fullmatch(r"\{\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}",
                        setup["AppId"])
    assert (SCRIPTS / setup["SetupIconFile"].replace("\\", "/")).resolve().is_file()
    assert (SCRIPTS / setup["OutputDir"].replace("\\", "/")).resolve() == ROOT / "dist"
    assert setup["DefaultDirName"].startswith("{autopf}")      # per user: %LOCALAPPDATA%\Programs
    assert 'MessagesFile: "compiler:Languages\\ChineseSimplified.isl"' in text
    assert "{autodesktop}" in text and "{group}" in text and "--self-test" in text
    # the installer never names the data folder: uninstalling leaves %LOCALAPPDATA%\mediator_desk
    code = "\n".join(ln for ln in text.splitlines() if not ln.lstrip().startswith(";"))
    assert "[UninstallDelete]" not in code and "mediator_desk" not in code
    from mediator_desk.storage.location import APP_NAME
    assert APP_NAME == "mediator_desk"


def fake_bundle(tmp_path: Path) -> Path:
    bundle = tmp_path / "dist" / "mediator-desk"
    (bundle / "_internal" / "mediator_desk" / "forms").mkdir(parents=True)
    exe = bundle / "mediator-desk"
    exe.write_text("#!/bin/sh\necho fake\n")
    exe.chmod(0o700)
    (bundle / "_internal" / "mediator_desk" / "forms" / "agreement.txt").write_text("协议")
    (bundle / "_internal" / "libQt6Core.so.6").symlink_to("PySide6/Qt/lib/libQt6Core.so.6")
    return bundle


def test_the_deb_layout(tmp_path):
    staging = make_deb.layout(fake_bundle(tmp_path), tmp_path / "root", ver="1.2.3",
                              arch="amd64", depends=["libc6 (>= 2.36)", "libgl1"])
    assert (staging / "opt/mediator-desk/mediator-desk").stat().st_mode & 0o777 == 0o755
    assert (staging / "opt/mediator-desk/_internal/libQt6Core.so.6").is_symlink()
    launcher = (staging / "usr/bin/mediator-desk").read_text()
    assert launcher.startswith("#!/bin/sh") and 'exec /opt/mediator-desk/mediator-desk "$@"' in launcher
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(staging / "usr/share/applications/mediator-desk.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Name"] == desktop["Name[zh_CN]"] == "人民调解工作台"
    assert desktop["Categories"] == "Office;" and desktop["Icon"] == "mediator-desk"
    assert desktop["Exec"] == "mediator-desk" and desktop["Terminal"] == "false"
    assert desktop["StartupWMClass"] == "mediator-desk"       # QApplication's name (gui/app.py)
    for size in make_deb.ICON_SIZES:
        icon = staging / f"usr/share/icons/hicolor/{size}x{size}/apps/mediator-desk.png"
        assert icon.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert int.from_bytes(icon.read_bytes()[16:20], "big") == size       # PNG width
    assert (staging / "usr/share/icons/hicolor/scalable/apps/mediator-desk.svg").is_file()
    control = (staging / "DEBIAN/control").read_text(encoding="utf-8")
    assert "Package: mediator-desk\nVersion: 1.2.3\nArchitecture: amd64\n" in control
    assert "Depends: libc6 (>= 2.36), libgl1\n" in control
    # nothing outside /opt and /usr: each user's data stays in their home folder
    assert {p.name for p in staging.iterdir()} == {"opt", "usr", "DEBIAN"}


@pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="dpkg-deb (Debian/Ubuntu) not here")
def test_dpkg_deb_reads_the_package(tmp_path):
    bundle = fake_bundle(tmp_path)
    deb = make_deb.build(bundle, tmp_path / "out", compress="gzip", level=1,
                         depends=["libc6 (>= 2.36)"])
    assert deb.name == f"mediator-desk_{mediator_desk.__version__}_{make_deb.architecture()}.deb"
    info = subprocess.run(["dpkg-deb", "--info", str(deb)], capture_output=True, text=True,
                          check=True).stdout
    assert "Package: mediator-desk" in info and "Description: 人民调解工作台" in info
    fields = subprocess.run(["dpkg-deb", "--field", str(deb), "Version", "Depends"],
                            capture_output=True, text=True, check=True).stdout
    assert f"Version: {mediator_desk.__version__}" in fields and "libc6 (>= 2.36)" in fields
    contents = subprocess.run(["dpkg-deb", "--contents", str(deb)], capture_output=True,
                              text=True, check=True).stdout
    rows = {line.split()[-1] if " -> " not in line else line.split()[-3]: line
            for line in contents.splitlines()}
    assert rows["./usr/bin/mediator-desk"].startswith("-rwxr-xr-x root/root")
    assert rows["./opt/mediator-desk/mediator-desk"].startswith("-rwxr-xr-x root/root")
    assert "./usr/share/applications/mediator-desk.desktop" in rows
    assert "./usr/share/icons/hicolor/48x48/apps/mediator-desk.png" in rows
    assert "./opt/mediator-desk/_internal/mediator_desk/forms/agreement.txt" in rows
