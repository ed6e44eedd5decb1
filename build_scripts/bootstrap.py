"""Set up everything mediator_desk needs, then start the app or run the tests.

    python3 build_scripts/bootstrap.py run  [app arguments…]   # start the app
    python3 build_scripts/bootstrap.py test [pytest arguments…] # run the whole test suite
    python3 build_scripts/bootstrap.py build [--deb] [--installer] # dist/mediator-desk/ (+ .deb;
                                                     # Windows: + Inno Setup installer)

Uses only the standard library so it works on a machine that has nothing but Python.
Steps: (1) on Debian/Ubuntu, install the system libraries Qt needs (as root: apt-get;
otherwise print the exact command); (2) create a virtual environment in .venv;
(3) install the project with its pinned dependency ranges (and test extras for `test`, build
extras — PyInstaller — for `build`); (4) run (`test`: one pytest process per core, see
``parallel``). Re-running is cheap: installs are skipped when nothing changed. `build` makes
the PyInstaller folder (build_scripts/mediator_desk.spec), checks that nothing it needs was
filtered out, runs the frozen program's `--self-test`, and with `--deb` packs the .deb
(build_scripts/make_deb.py); on Windows `--installer` runs Inno Setup's compiler on
build_scripts/mediator_desk.iss. See docs/building.md.
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


DIST = ROOT / "dist"
BUNDLE = DIST / "mediator-desk"


def _iscc() -> str | None:
    """Inno Setup's command-line compiler (Windows), on PATH or where its installer puts it."""
    found = shutil.which("iscc")
    if found:
        return found
    for base in (os.environ.get("ProgramFiles(x86)"), os.environ.get("ProgramFiles"),
                 os.environ.get("LOCALAPPDATA") and os.path.join(os.environ["LOCALAPPDATA"], "Programs")):
        if base:
            candidate = Path(base) / "Inno Setup 6" / "ISCC.exe"
            if candidate.exists():
                return str(candidate)
    return None


def build(py: Path, options: list[str]) -> int:
    """PyInstaller folder in dist/, checked; then the .deb or the Windows installer."""
    import time

    unknown = [o for o in options if o not in ("--deb", "--installer")]
    if unknown:
        _say("unknown build option(s): " + " ".join(unknown) + " (use --deb or --installer)")
        return 2
    started = time.monotonic()
    _say("building the program folder with PyInstaller (about a minute)")
    r = subprocess.run([str(py), "-m", "PyInstaller", "--noconfirm", "--clean",
                        "--distpath", str(DIST), "--workpath", str(ROOT / "build" / "pyinstaller"),
                        str(ROOT / "build_scripts" / "mediator_desk.spec")], cwd=ROOT)
    if r.returncode != 0:
        return r.returncode
    took = time.monotonic() - started
    size = sum(p.stat().st_size for p in BUNDLE.rglob("*") if p.is_file() and not p.is_symlink())
    _say(f"{BUNDLE}: {size / 1e6:.0f} MB, built in {took:.0f} s")
    sys.path.insert(0, str(ROOT / "build_scripts"))
    import bundle_filter

    problems = bundle_filter.needed_but_dropped(BUNDLE)
    if problems:
        _say("the build filter dropped libraries that bundled files need:\n    "
             + "\n    ".join(problems))
        return 1
    exe = BUNDLE / ("mediator-desk-cli.exe" if os.name == "nt" else "mediator-desk")
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    _say(f"self-test of the built program: {exe.name} --self-test")
    r = subprocess.run([str(exe), "--self-test"], env=env, cwd=DIST)
    if r.returncode != 0:
        _say("the built program failed its self-test")
        return r.returncode
    if "--deb" in options:
        if not shutil.which("dpkg-deb"):
            _say("--deb needs dpkg-deb (Debian/Ubuntu)")
            return 2
        system_libraries_for_deb()
        import make_deb

        started = time.monotonic()
        target = make_deb.build(BUNDLE, DIST)
        _say(f"{target}: {target.stat().st_size / 1e6:.0f} MB in {time.monotonic() - started:.0f} s "
             f"(install: sudo apt install ./{target.relative_to(ROOT).as_posix()})")
    if "--installer" in options:
        iscc = _iscc()
        if os.name != "nt" or not iscc:
            _say("--installer needs Windows with Inno Setup 6 (ISCC.exe); see docs/building.md")
            return 2
        import winversion

        r = subprocess.run([iscc, f"/DAppVersion={winversion.version()}",
                            str(ROOT / "build_scripts" / "mediator_desk.iss")], cwd=ROOT)
        if r.returncode != 0:
            return r.returncode
        _say(f"installer in {DIST}")
    return 0


def system_libraries_for_deb() -> None:
    """readelf/objdump (binutils) work out the .deb's dependencies."""
    if shutil.which("readelf") and shutil.which("objdump"):
        return
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "install", "-y", "--no-install-recommends", "binutils"],
                       check=True, env=env)
    else:
        raise SystemExit("[bootstrap] --deb needs binutils: sudo apt-get install binutils")


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("run", "test", "build"):
        print(__doc__)
        return 2
    what, rest = argv[0], argv[1:]
    if rest[:1] == ["--"]:
        rest = rest[1:]
    check_python()
    system_libraries(with_test=what == "test")
    py = ensure_venv({"test": "test", "build": "build"}.get(what, ""))
    if what == "build":
        return build(py, rest)
    env = dict(os.environ)
    if what == "run":
        if sys.platform.startswith("linux") and not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
            _say("no display found: starting with QT_QPA_PLATFORM=offscreen (use xvfb-run to see a window)")
            env.setdefault("QT_QPA_PLATFORM", "offscreen")
        return subprocess.call([str(py), "-m", "mediator_desk", *rest], env=env, cwd=ROOT)
    env["QT_QPA_PLATFORM"] = "offscreen"
    keep_bytecode(env)
    return subprocess.call([str(py), "-m", "pytest", *parallel(rest), *rest], env=env, cwd=ROOT)


def keep_bytecode(env: dict) -> None:
    """Let the test run keep compiled modules even where PYTHONDONTWRITEBYTECODE is set: each
    test process, and each program a test starts (the self-test, the kill trials' children),
    would otherwise compile the app's modules again, and pytest would rewrite every test
    file's asserts again in each test process (its collection: 3.9 s instead of 1.6 s). They
    go where Python puts them (``__pycache__`` beside each module, ignored by git); not to a
    cache folder of their own (PYTHONPYCACHEPREFIX), where every library module would be
    compiled again once per checkout instead of read from what pip compiled."""
    env.pop("PYTHONDONTWRITEBYTECODE", None)


def parallel(pytest_args: list[str]) -> list[str]:
    """pytest-xdist's options for the test command: one test process per processor core, each
    given whole test files (a file's shared fixtures, such as a demo database, are built once),
    in the order tests/conftest.py gives them (the files that took longest in the last run
    first). None when the arguments choose (``-n 0`` or ``-p no:xdist``: one process;
    ``--pdb`` needs one too) or when there is only one core."""
    chosen = any(a.startswith(("-n", "--numprocesses", "--dist", "--pdb", "--trace"))
                 or a.endswith("no:xdist") for a in pytest_args)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return [] if chosen or (cores or 1) < 2 else ["-n", "auto", "--dist", "loadfile",
                                                  "--no-loadscope-reorder"]


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
