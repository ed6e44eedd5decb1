"""Child processes for the kill trials (sync imports and exports, backups, restores): a script
run with ``python -c`` that prints "ready", waits for a line on stdin, then does its work and
reports each step on stdout as "p <done> <total>"."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def start_child(script: str, *args, wait: bool = True) -> subprocess.Popen:
    """Run ``script`` with ``args``; returns once it printed "ready" (with ``wait=False`` at
    once: ``ready(proc)`` waits, so a trial can start the next one's child while it runs)."""
    proc = subprocess.Popen([sys.executable, "-c", script, *map(str, args)],
                            cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, bufsize=1,
                            env=dict(os.environ, PYTHONPATH=str(ROOT)))
    return ready(proc) if wait else proc


def ready(proc: subprocess.Popen) -> subprocess.Popen:
    """Wait until a child of ``start_child`` printed "ready"."""
    line = proc.stdout.readline().strip()
    assert line == "ready", line
    return proc


def go(proc: subprocess.Popen) -> None:
    """Let a ready child start its work."""
    proc.stdin.write("go\n")
    proc.stdin.flush()


def wait_for_steps(proc: subprocess.Popen, steps: int) -> None:
    """Read the child's reports until it has reported ``steps`` steps (or ended)."""
    seen = 0
    while seen < steps:
        line = proc.stdout.readline()
        if not line or line.startswith("done"):
            return
        if line.startswith("p "):
            seen += 1
