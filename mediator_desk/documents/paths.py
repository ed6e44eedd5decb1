"""Where the shipped files are: ``resources/`` (the font) and ``forms/`` (the templates).

Both sit next to the package in a source checkout and inside the bundle of a PyInstaller
build; ``MEDIATOR_DESK_RESOURCES`` and ``MEDIATOR_DESK_FORMS`` override them. Qt-free, so the
GUI (gui/resources.py follows the same rule) and the documents layer can share it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def app_root() -> Path:
    """The folder holding resources/ and forms/: the PyInstaller bundle, or the checkout."""
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent.parent


def resources_dir() -> Path:
    """fonts/, translations/ …; ``MEDIATOR_DESK_RESOURCES`` overrides."""
    override = os.environ.get("MEDIATOR_DESK_RESOURCES")
    return Path(override) if override else app_root() / "resources"


def forms_dir() -> Path:
    """The shipped form templates; ``MEDIATOR_DESK_FORMS`` overrides."""
    override = os.environ.get("MEDIATOR_DESK_FORMS")
    return Path(override) if override else app_root() / "forms"
