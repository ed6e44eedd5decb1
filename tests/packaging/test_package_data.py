"""The shipped files travel inside the package: a wheel carries them, a plain (non-editable)
install finds them, and a source checkout still reads the folders people edit."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from mediator_desk import documents
from mediator_desk import shipped as paths

ROOT = Path(__file__).resolve().parents[2]
SOURCE_PARTS = ["mediator_desk", "resources", "forms", "pyproject.toml", "setup.py", "MANIFEST.in",
                "README.md"]


def _copy_source(dest: Path) -> Path:
    """The files a build reads, without the checkout's build/ or caches."""
    dest.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for part in SOURCE_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=ignore)
        else:
            shutil.copy2(src, dest / part)
    return dest


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("wheel")
    src = _copy_source(base / "src")
    out = base / "out"
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
                             "--disable-pip-version-check", "-w", str(out), str(src)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        pytest.fail("pip wheel failed:\n" + result.stdout[-2000:] + result.stderr[-3000:])
    (found,) = out.glob("mediator_desk-*.whl")
    return found


def test_the_list_of_shipped_files_covers_every_kind_of_file():
    inside = {name for _, name in paths.shipped_files(ROOT)}
    assert "resources/fonts/NotoSerifCJKsc-Regular-glyf.ttf" in inside
    assert "resources/fonts/OFL.txt" in inside
    assert "resources/translations/mediator_desk_zh_CN.qm" in inside
    assert "resources/icons/mediator-desk.ico" in inside
    assert "resources/icons/mediator-desk-16.png" in inside
    assert {f"forms/{k.code}.txt" for k in documents.KINDS} <= inside
    assert "forms/README.md" in inside
    # every file under resources/ and forms/ that the app reads is listed (sources such as the
    # .ts translation and the font's README are not needed at run time)
    on_disk = {p.relative_to(ROOT).as_posix() for folder in ("resources", "forms")
               for p in (ROOT / folder).rglob("*") if p.is_file()}
    assert on_disk - inside == {"resources/translations/mediator_desk_zh_CN.ts",
                                "resources/fonts/README.md"}


def test_the_wheel_carries_font_translations_icons_and_templates(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {f"mediator_desk/{inside}" for _, inside in paths.shipped_files(ROOT)}
    assert expected <= names
    assert "mediator_desk/resources/fonts/NotoSerifCJKsc-Regular-glyf.ttf" in names
    assert "mediator_desk/forms/agreement.txt" in names
    font = zipfile.ZipFile(wheel).getinfo("mediator_desk/resources/fonts/NotoSerifCJKsc-Regular-glyf.ttf")
    assert font.file_size == (ROOT / "resources/fonts/NotoSerifCJKsc-Regular-glyf.ttf").stat().st_size


def test_a_plain_install_of_the_wheel_finds_its_files_inside_the_package(wheel, tmp_path):
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q",
                    "--disable-pip-version-check", "--target", str(site), str(wheel)],
                   check=True, capture_output=True)
    probe = ("from mediator_desk import shipped as paths\n"
             "from mediator_desk.documents import fonts, kinds\n"
             "from mediator_desk import documents\n"
             "print(paths.resources_dir()); print(paths.forms_dir()); print(fonts.font_path())\n"
             "print(len([kinds.load_template(k) for k in documents.KINDS]))\n")
    env = {k: v for k, v in os.environ.items()
           if k not in ("MEDIATOR_DESK_RESOURCES", "MEDIATOR_DESK_FORMS")}
    env["PYTHONPATH"] = str(site)
    out = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env=env,
                         capture_output=True, text=True, check=True).stdout.splitlines()
    package = (site / "mediator_desk").resolve()
    assert Path(out[0]) == package / "resources"
    assert Path(out[1]) == package / "forms"
    assert Path(out[2]).is_file() and Path(out[2]).is_relative_to(package)
    assert int(out[3]) == len(documents.KINDS)


def test_a_source_checkout_reads_the_folders_beside_the_package(monkeypatch):
    monkeypatch.delenv("MEDIATOR_DESK_RESOURCES", raising=False)
    monkeypatch.delenv("MEDIATOR_DESK_FORMS", raising=False)
    assert paths.resources_dir() == ROOT / "resources"
    assert paths.forms_dir() == ROOT / "forms"


def test_the_package_copy_wins_and_the_environment_overrides_both(tmp_path, monkeypatch):
    package = tmp_path / "mediator_desk"
    (package / "forms").mkdir(parents=True)
    monkeypatch.setattr(paths, "PACKAGE_DIR", package)
    monkeypatch.delenv("MEDIATOR_DESK_RESOURCES", raising=False)
    monkeypatch.delenv("MEDIATOR_DESK_FORMS", raising=False)
    assert paths.forms_dir() == package / "forms"                 # installed / frozen
    assert paths.resources_dir() == tmp_path / "resources"       # no copy inside: beside it
    monkeypatch.setenv("MEDIATOR_DESK_FORMS", str(tmp_path / "mine"))
    assert paths.forms_dir() == tmp_path / "mine"
