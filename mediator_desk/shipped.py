"""Where the shipped files are: ``resources/`` (font, translations, icons) and ``forms/`` (the
templates). The one place every layer asks — documents, GUI, the self-test, the builds. A
top-level module, so that asking does not import the documents layer (start-up time).

In a source checkout (and an editable install) both folders sit beside the package, where
people edit them. A wheel, a plain ``pip install`` and the PyInstaller build carry copies
*inside* the package (``mediator_desk/resources``, ``mediator_desk/forms``): ``setup.py`` and
``build_scripts/mediator_desk.spec`` copy what ``SHIPPED`` lists. So the package's own copy wins
when it exists, and the checkout's folder is used otherwise. ``MEDIATOR_DESK_RESOURCES`` and
``MEDIATOR_DESK_FORMS`` override both. A committee's own templates in ``<database folder>/forms``
come before all of these (``kinds.template_path``).

Standard library only: ``setup.py`` loads this file by its path, without the package's
dependencies.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent            # …/mediator_desk (or <bundle>/mediator_desk)

# What a build carries into the package, per folder: glob patterns relative to that folder.
SHIPPED: dict[str, tuple[str, ...]] = {
    "resources": ("fonts/*.ttf", "fonts/OFL.txt", "translations/*.qm",
                  "icons/*.png", "icons/*.ico", "icons/*.svg"),
    "forms": ("*.txt", "README.md"),
}


def shipped_dir(name: str) -> Path:
    """The folder ``name`` ("resources" or "forms"): the package's copy if it has one (wheel,
    installed, frozen), else the one beside the package (source checkout)."""
    inside = PACKAGE_DIR / name
    if inside.is_dir():
        return inside
    return PACKAGE_DIR.parent / name


def resources_dir() -> Path:
    """fonts/, translations/, icons/; ``MEDIATOR_DESK_RESOURCES`` overrides."""
    override = os.environ.get("MEDIATOR_DESK_RESOURCES")
    return Path(override) if override else shipped_dir("resources")


def forms_dir() -> Path:
    """The shipped form templates; ``MEDIATOR_DESK_FORMS`` overrides."""
    override = os.environ.get("MEDIATOR_DESK_FORMS")
    return Path(override) if override else shipped_dir("forms")


def shipped_files(root: Path) -> list[tuple[Path, str]]:
    """(source file, path inside the package) for every file ``SHIPPED`` lists, found under
    ``root`` (a source checkout). The builds copy exactly these."""
    found = []
    for folder, patterns in SHIPPED.items():
        for pattern in patterns:
            for src in sorted((root / folder).glob(pattern)):
                if src.is_file():
                    found.append((src, f"{folder}/{src.relative_to(root / folder).as_posix()}"))
    return found
