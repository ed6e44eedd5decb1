"""The type checker passes on every package: core, storage, sync, documents, demo, the command
line and the whole GUI (the settings and the list of checked packages are in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_mypy_passes():
    pytest.importorskip("mypy", reason="mypy is installed by the README's test command")
    run = subprocess.run([sys.executable, "-m", "mypy", "--cache-dir",
                          str(ROOT / ".mypy_cache")], cwd=ROOT, capture_output=True, text=True,
                         timeout=600)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
