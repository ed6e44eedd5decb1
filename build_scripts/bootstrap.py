"""Set up everything mediator_desk needs, then start the app or run the tests.

    python3 build_scripts/bootstrap.py run  [app arguments…]   # start the app
    python3 build_scripts/bootstrap.py test [pytest arguments…] # run the whole test suite

Uses only the standard library so it works on a machine that has nothing but Python.
Steps: (1) on Debian/Ubuntu, install the system libraries Qt needs (as root: apt-get;
otherwise print the exact command); (2) create a virtual environment in .venv;
(3) install the project with its pinned dependency ranges (and test extras for `test`);
(4) run. Re-running is cheap: installs are skipped when nothing changed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"

# Libraries PySide6 needs on a bare Debian/Ubuntu (offscreen and a real window), plus tools
# the tests use: poppler-utils (pdftoppm checks), age (independent decryption of bundles) and
# LibreOffice's Writer without a GUI (the DOCX files are converted and checked as an office or a
# Kylin/UOS laptop would open them).
APT_RUNTIME = [
    "libegl1", "libgl1", "libx11-6", "libdbus-1-3", "libfontconfig1", "libfreetype6",
    "libglib2.0-0", "libxkbcommon0", "libxkbcommon-x11-0", "libxcb-cursor0", "libxcb-icccm4",
    "libxcb-image0", "libxcb-keysyms1", "libxcb-render-util0", "libxcb-render0",
    "libxcb-shape0", "libxcb-util1", "libxcb-xkb1", "libcups2",
]
APT_TEST = ["xvfb", "xauth", "age", "poppler-utils", "libreoffice-writer-nogui"]
MIN_PYTHON = (3, 11)


def _say(msg: str) -> None:
    print(f"[bootstrap] {msg}", flush=True)


def _missing_debs(packages: list[str]) -> list[str]:
    missing = []
    for name in packages:
        r = subprocess.run(["dpkg-query", "-W", "-f=${Status}", name],
                           capture_output=True, text=True)
        if "install ok installed" not in r.stdout:
            missing.append(name)
    return missing


def system_libraries(with_test: bool) -> None:
    if not sys.platform.startswith("linux") or not shutil.which("dpkg-query"):
        return
    wanted = APT_RUNTIME + (APT_TEST if with_test else [])
    missing = _missing_debs(wanted)
    if not missing:
        return
    line = "apt-get install -y --no-install-recommends " + " ".join(missing)
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        _say("installing system libraries: " + " ".join(missing))
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(line.split(), check=True, env=env)
    else:
        _say("Qt needs system libraries that are missing. Please run as root:\n    sudo " + line)


def check_python() -> None:
    """Refuse, with the line to run, a Python older than the project needs."""
    if sys.version_info < MIN_PYTHON:
        want = ".".join(map(str, MIN_PYTHON))
        _say(f"Python {want} or newer is needed (this is {sys.version.split()[0]}). "
             f"On Ubuntu 22.04: sudo apt-get install python{want} python{want}-venv, then run "
             f"this script with python{want}.")
        raise SystemExit(2)


def _has_ensurepip() -> bool:
    return subprocess.run([sys.executable, "-c", "import ensurepip"],
                          capture_output=True).returncode == 0


def ensure_ensurepip() -> None:
    """Debian/Ubuntu ship python3 without ensurepip (package python3-venv); venv needs it."""
    if _has_ensurepip():
        return
    pkg = f"python{sys.version_info.major}.{sys.version_info.minor}-venv"
    if (sys.platform.startswith("linux") and shutil.which("apt-get") and hasattr(os, "geteuid")
            and os.geteuid() == 0):
        _say(f"installing {pkg} (needed to create the virtual environment)")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        if subprocess.run(["apt-get", "install", "-y", "--no-install-recommends", pkg],
                          env=env).returncode != 0:
            subprocess.run(["apt-get", "install", "-y", "--no-install-recommends",
                            "python3-venv"], check=True, env=env)
        return
    _say(f"Python's venv module is incomplete. Please run:\n    sudo apt-get install {pkg}")
    raise SystemExit(2)


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def ensure_venv(extras: str) -> Path:
    py = venv_python()
    if py.exists() and subprocess.run([str(py), "-m", "pip", "--version"],
                                      capture_output=True).returncode != 0:
        _say(f"{VENV} has no working pip (an interrupted set-up?): making it again")
        shutil.rmtree(VENV)
    if not py.exists():
        ensure_ensurepip()
        _say(f"creating virtual environment in {VENV}")
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    # Reinstall only when pyproject.toml or the requested extras changed.
    stamp = VENV / f".installed-{extras or 'base'}"
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    if not stamp.exists() or stamp.read_text() != digest:
        target = f"{ROOT}[{extras}]" if extras else str(ROOT)
        _say("installing mediator_desk and its dependencies")
        subprocess.run([str(py), "-m", "pip", "install", "--disable-pip-version-check", "-q",
                        "-e", target], check=True)
        stamp.write_text(digest)
    return py


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("run", "test"):
        print(__doc__)
        return 2
    what, rest = argv[0], argv[1:]
    if rest[:1] == ["--"]:
        rest = rest[1:]
    check_python()
    system_libraries(with_test=what == "test")
    py = ensure_venv("test" if what == "test" else "")
    env = dict(os.environ)
    if what == "run":
        if sys.platform.startswith("linux") and not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
            _say("no display found: starting with QT_QPA_PLATFORM=offscreen (use xvfb-run to see a window)")
            env.setdefault("QT_QPA_PLATFORM", "offscreen")
        return subprocess.call([str(py), "-m", "mediator_desk", *rest], env=env, cwd=ROOT)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.call([str(py), "-m", "pytest", *rest], env=env, cwd=ROOT)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
