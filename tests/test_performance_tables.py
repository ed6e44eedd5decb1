"""docs/performance.md's result blocks are filled from the benchmarks' last results, never
with a result older than the one a block holds (a branch measured elsewhere, then merged)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "build_scripts"))

import performance_tables  # noqa: E402

DOC = """text
<!-- results:sync -->
Measured 2026-12-06 04:13 on a machine.
<!-- /results:sync -->
more
"""


def test_a_block_takes_a_newer_result_and_keeps_its_own_against_an_older(monkeypatch):
    result = {"measured_at": ""}
    monkeypatch.setattr(performance_tables, "load", lambda name: result)
    monkeypatch.setattr(performance_tables, "markdown",
                        lambda data: f"Measured {data['measured_at']} here.")
    result["measured_at"] = "2026-12-05 23:45"
    assert performance_tables.fill(DOC) == (DOC, [])
    result["measured_at"] = "2026-12-06 05:00"
    new, updated = performance_tables.fill(DOC)
    assert updated == ["sync"] and "Measured 2026-12-06 05:00 here.\n<!-- /results" in new
    monkeypatch.setattr(performance_tables, "load", lambda name: None)
    assert performance_tables.fill(DOC) == (DOC, [])
