#!/usr/bin/env python3
"""Make the Debian package (Debian, Ubuntu and the distributions built on them, such as Kylin
and UOS) from the PyInstaller build.

    python3 build_scripts/bootstrap.py build --deb          # build, then this
    python3 build_scripts/make_deb.py [--bundle dist/mediator-desk] [--out dist]

Layout: the program folder in /opt/mediator-desk/, a launcher /usr/bin/mediator-desk, the menu
entry /usr/share/applications/mediator-desk.desktop (人民调解工作台, category Office), the icon in
the hicolor theme's sizes, and the licence notes in /usr/share/doc/mediator-desk/. Nothing else:
each user's data stays in their own folder (~/.local/share/mediator_desk), which installing,
upgrading or removing the package never touches. dpkg's triggers refresh the menu and the icon
cache, so the package needs no scripts of its own.

Depends: the system libraries the bundle does not carry (found from the ELF files' NEEDED
entries with readelf, and their packages with dpkg -S), and the C library version the bundled
files need (objdump); so apt refuses the package where it cannot run instead of installing a
program that does not start. Uses only the standard library and dpkg's own tools.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "mediator-desk"
INSTALL_DIR = "opt/mediator-desk"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
MAINTAINER = "人民调解工作台 <mediator-desk@localhost>"
# Data files the bundled libraries read from the system: fontconfig's configuration (/etc/fonts)
# and the keyboard layouts libxkbcommon needs under X11.
DATA_PACKAGES = ("fontconfig-config", "xkb-data")

DESKTOP_ENTRY = """[Desktop Entry]
Type=Application
Version=1.0
Name=人民调解工作台
Name[zh_CN]=人民调解工作台
GenericName=People's mediation desk
GenericName[zh_CN]=人民调解案件管理
Comment=Case register, documents and statistics for people's mediation committees
Comment[zh_CN]=人民调解委员会和司法所的案件登记、调解文书与统计
Keywords=mediation;people's mediation;
Keywords[zh_CN]=调解;人民调解;司法所;调委会;文书;
Exec=mediator-desk
Icon=mediator-desk
Terminal=false
Categories=Office;
StartupNotify=true
StartupWMClass=mediator-desk
"""

LAUNCHER = """#!/bin/sh
# 人民调解工作台: starts the program installed in /{install}.
# Chinese input: the bundled Qt brings input-method plugins for IBus and Compose, not for fcitx.
# fcitx 5 also answers IBus clients, so a session set up for fcitx is pointed at IBus here.
if [ "$QT_IM_MODULE" = "fcitx" ] && [ ! -e /{install}/_internal/PySide6/Qt/plugins/platforminputcontexts/libfcitx5platforminputcontextplugin.so ]; then
    QT_IM_MODULE=ibus
    export QT_IM_MODULE
fi
exec /{install}/mediator-desk "$@"
""".format(install=INSTALL_DIR)

COPYRIGHT = """Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: mediator-desk (人民调解工作台)

Files: opt/mediator-desk/_internal/mediator_desk/resources/fonts/*
Copyright: Adobe (Noto Serif CJK)
License: OFL-1.1
 The full licence is in /opt/mediator-desk/_internal/mediator_desk/resources/fonts/OFL.txt

Files: opt/mediator-desk/_internal/PySide6/*
License: LGPL-3.0
 Qt and Qt for Python (PySide6), used under the GNU Lesser General Public License v3.
"""


def version() -> str:
    text = (ROOT / "mediator_desk" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.M).group(1)


def architecture() -> str:
    if shutil.which("dpkg"):
        out = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True)
        if out.returncode == 0 and out.stdout.strip():
            return out.stdout.strip()
    return "amd64"


def _elf_files(bundle: Path):
    for path in sorted(bundle.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as f:
                if f.read(4) == b"\x7fELF":
                    yield path


def needed_from_system(bundle: Path) -> set[str]:
    """Library names bundled files need (NEEDED) that the bundle does not carry."""
    present = {p.name for p in bundle.rglob("*")}
    wanted = set()
    for path in _elf_files(bundle):
        out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True).stdout
        for lib in re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out):
            if lib not in present:
                wanted.add(lib)
    return wanted


def glibc_needed(bundle: Path) -> str:
    """The newest GLIBC_x.y symbol version any bundled file uses (e.g. "2.36")."""
    newest = (2, 0)
    for path in _elf_files(bundle):
        out = subprocess.run(["objdump", "-T", str(path)], capture_output=True, text=True).stdout
        for major, minor in re.findall(r"GLIBC_(\d+)\.(\d+)", out):
            newest = max(newest, (int(major), int(minor)))
    return f"{newest[0]}.{newest[1]}"


def _library_paths() -> dict[str, str]:
    out = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
    found = {}
    for line in out.splitlines()[1:]:
        m = re.match(r"\s*(\S+) \(([^)]*)\) => (\S+)", line)
        if m:
            found.setdefault(m.group(1), m.group(3))
    return found


def system_depends(bundle: Path) -> list[str]:
    """Debian packages providing the libraries the bundle expects from the system, and
    ``libc6 (>= version)`` for the C library."""
    paths = _library_paths()
    packages = set()
    for lib in sorted(needed_from_system(bundle)):
        path = paths.get(lib)
        if not path:
            continue
        real = os.path.realpath(path)
        for candidate in (path, real, real.replace("/usr/lib/", "/lib/"), path.replace("/lib/", "/usr/lib/", 1)):
            out = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
            if out.returncode == 0:
                packages.add(out.stdout.split(":", 1)[0].strip())
                break
    packages.discard("libc6")
    packages.update(DATA_PACKAGES)
    return [f"libc6 (>= {glibc_needed(bundle)})", *sorted(packages)]


def control(*, ver: str, arch: str, installed_kb: int, depends: list[str]) -> str:
    return (f"Package: {PACKAGE}\n"
            f"Version: {ver}\n"
            f"Architecture: {arch}\n"
            f"Maintainer: {MAINTAINER}\n"
            f"Installed-Size: {installed_kb}\n"
            + (f"Depends: {', '.join(depends)}\n" if depends else "")
            + "Section: misc\n"
            "Priority: optional\n"
            "Description: 人民调解工作台 — people's mediation desk\n"
            " An offline desktop program for village mediation committees (人民调解委员会)\n"
            " and township judicial offices (司法所): case register, mediation records,\n"
            " agreements and the standard documents as PDF and Word, statistics, and\n"
            " signed, encrypted exchange of cases between village and township.\n"
            " .\n"
            " Each user's data stays in their own folder (~/.local/share/mediator_desk);\n"
            " removing the package keeps it.\n")


def layout(bundle: Path, staging: Path, *, ver: str, arch: str,
           depends: list[str] | None = None) -> Path:
    """Lay the package tree out in ``staging`` (created; must not exist) from ``bundle``."""
    if not (bundle / "mediator-desk").is_file():
        raise SystemExit(f"{bundle} has no mediator-desk program: build it first")
    icons = ROOT / "resources" / "icons"
    staging.mkdir(parents=True)
    shutil.copytree(bundle, staging / INSTALL_DIR, symlinks=True)
    os.chmod(staging / INSTALL_DIR / "mediator-desk", 0o755)
    launcher = staging / "usr" / "bin" / "mediator-desk"
    launcher.parent.mkdir(parents=True)
    launcher.write_text(LAUNCHER, encoding="utf-8")
    launcher.chmod(0o755)
    apps = staging / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    (apps / "mediator-desk.desktop").write_text(DESKTOP_ENTRY, encoding="utf-8")
    for size in ICON_SIZES:
        target = staging / f"usr/share/icons/hicolor/{size}x{size}/apps/mediator-desk.png"
        target.parent.mkdir(parents=True)
        shutil.copyfile(icons / f"mediator-desk-{size}.png", target)
    scalable = staging / "usr/share/icons/hicolor/scalable/apps/mediator-desk.svg"
    scalable.parent.mkdir(parents=True)
    shutil.copyfile(icons / "mediator-desk.svg", scalable)
    doc = staging / "usr" / "share" / "doc" / PACKAGE
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(COPYRIGHT, encoding="utf-8")
    for path in staging.rglob("*"):                 # dpkg wants sane modes whatever the umask
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        elif path.stat().st_mode & 0o111:
            path.chmod(0o755)
        else:
            path.chmod(0o644)
    size_kb = sum(p.stat().st_size for p in staging.rglob("*")
                  if p.is_file() and not p.is_symlink()) // 1024 + 1
    debian = staging / "DEBIAN"
    debian.mkdir()
    (debian / "control").write_text(control(ver=ver, arch=arch, installed_kb=size_kb,
                                            depends=depends or []), encoding="utf-8")
    debian.chmod(0o755)
    (debian / "control").chmod(0o644)
    return staging


def build(bundle: Path, out_dir: Path, *, compress: str = "xz", level: int | None = None,
          depends: list[str] | None = None) -> Path:
    """Make ``<out_dir>/mediator-desk_<version>_<arch>.deb`` from ``bundle``."""
    ver, arch = version(), architecture()
    if depends is None:
        depends = system_depends(bundle)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{PACKAGE}_{ver}_{arch}.deb"
    with tempfile.TemporaryDirectory(prefix="mediator-desk-deb-") as tmp:
        staging = layout(bundle, Path(tmp) / "root", ver=ver, arch=arch, depends=depends)
        command = ["dpkg-deb", "--root-owner-group", f"-Z{compress}"]
        if level is not None:
            command.append(f"-z{level}")
        subprocess.run([*command, "--build", str(staging), str(target)], check=True,
                       stdout=subprocess.DEVNULL)
    return target


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "mediator-desk")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    args = parser.parse_args(argv)
    for tool in ("dpkg-deb", "readelf", "objdump"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is needed (Debian/Ubuntu: apt-get install dpkg-dev binutils)")
    target = build(args.bundle, args.out)
    print(f"{target} ({target.stat().st_size / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
