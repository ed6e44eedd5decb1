"""Everything about the package is in pyproject.toml; this only makes the wheel (and so a plain
``pip install .``) carry the shipped files inside the package.

The font, translations and icons (``resources/``) and the form templates (``forms/``) live beside
the package in the checkout, where they are edited. Building copies the files that
``mediator_desk/shipped.py`` lists in ``SHIPPED`` to ``mediator_desk/resources`` and
``mediator_desk/forms`` in the build, where ``paths.shipped_dir`` looks first. An editable
install needs no copy: it reads the checkout's folders.
"""

import importlib.util
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


def _paths_module():
    spec = importlib.util.spec_from_file_location(
        "_mediator_desk_shipped", ROOT / "mediator_desk" / "shipped.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class BuildPyWithShippedFiles(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        for src, inside in _paths_module().shipped_files(ROOT):
            dest = Path(self.build_lib) / "mediator_desk" / inside
            self.mkpath(str(dest.parent))
            self.copy_file(str(src), str(dest))


setup(cmdclass={"build_py": BuildPyWithShippedFiles})
