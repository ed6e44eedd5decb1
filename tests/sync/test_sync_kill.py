"""A killed import leaves the database wholly before or wholly after (atomic import,
docs/sync-format.md §8).

The import runs in a subprocess that is SIGKILLed at random points: at random times, and at
random steps inside the applying transaction (the subprocess reports progress and pauses a few
milliseconds at each step, so a kill lands while the transaction is open). After each kill the
database must pass SQLite's integrity and foreign-key checks and hold exactly the state from
before the import or exactly the state after a complete one.
"""

from __future__ import annotations

import random
import signal
import time
from pathlib import Path

import pytest

from mediator_desk import sync
from mediator_desk.core.desk import Desk

from sync_helpers import (add_case, check_integrity, copy_db, fingerprint_of, ready, records,
                          start_child)
from tests.child_processes import go, wait_for_steps

CHILD = r"""
import sys, time
from mediator_desk.core.desk import Desk
from mediator_desk import sync

class Slow:
    cancelled = False
    def update(self, done, total):
        print(f"p {done} {total}", flush=True)
        time.sleep(0.004)

desk = Desk.open(sys.argv[1])
print("ready", flush=True)
sys.stdin.readline()
sync.import_bundle(desk, sys.argv[2], accept_fingerprint=sys.argv[3], progress=Slow())
print("done", flush=True)
"""
TRIALS_AT_STEPS = 7
TRIALS_AT_TIMES = 7


def _state(path: Path) -> tuple:
    desk = Desk.open(path)
    try:
        return (records(desk),
                desk.scalar("SELECT count(*) FROM audit_log"),
                desk.scalar("SELECT count(*) FROM sync_imports"),
                desk.query("SELECT site_id, recv_seq, status FROM sync_sites ORDER BY site_id"),
                desk.scalar("SELECT count(*) FROM case_search"),
                desk.scalar("SELECT count(*) FROM sync_tombstones"))
    finally:
        desk.close()


def _start(db: Path, bundle: Path, fp: str, *, wait: bool = True):
    return start_child(CHILD, db, bundle, fp, wait=wait)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_kill_during_import_leaves_before_or_after(site_paths, tmp_path):
    v1 = Desk.open(site_paths["v1"])
    for i in range(80):
        add_case(v1, names=(f"张{i}", f"李{i}"), summary=f"第{i}起邻里纠纷")
    bundle = tmp_path / "b.mdsync"
    sync.export_bundle(v1, bundle)
    fp = fingerprint_of(v1)
    v1.close()
    office = site_paths["office"]
    before = _state(office)

    # One complete run: the "after" state, the number of progress steps and the duration.
    full = copy_db(office, tmp_path / "full.db")
    proc = _start(full, bundle, fp)
    started = time.monotonic()
    proc.stdin.write("go\n")
    proc.stdin.flush()
    lines = proc.stdout.read().split("\n")
    duration = time.monotonic() - started
    assert proc.wait() == 0 and "done" in lines
    after = _state(full)
    assert after != before
    # Steps reported while the transaction is open (apply: 5000..9000 of 10000).
    steps = [line.split() for line in lines if line.startswith("p ")]
    inside = [i for i, (_, done, total) in enumerate(steps)
              if total == "10000" and 5000 < int(done) < 9000]
    assert len(inside) > 10

    rng = random.Random(20261128)
    outcomes = []
    plans = [("step", rng.choice(inside)) for _ in range(TRIALS_AT_STEPS)] + \
            [("time", rng.uniform(0, duration * 1.1)) for _ in range(TRIALS_AT_TIMES)]

    def child(n: int):
        """Trial n's copy of the office and its child, started (not waited for)."""
        db = copy_db(office, tmp_path / f"trial{n}.db")
        return db, _start(db, bundle, fp, wait=False)

    upcoming = child(0)
    try:
        for n, (how, at) in enumerate(plans):
            db, proc = upcoming
            upcoming = None
            ready(proc)
            go(proc)
            started = time.monotonic()
            if how == "step":
                wait_for_steps(proc, at + 1)      # ``at`` counts from 0
            else:
                # The next trial's child starts up while this one runs until its kill (a
                # step trial's kill waits for nothing else).
                if n + 1 < len(plans):
                    upcoming = child(n + 1)
                time.sleep(max(0.0, at - (time.monotonic() - started)))
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            if upcoming is None and n + 1 < len(plans):
                upcoming = child(n + 1)
            check_integrity(db)
            state = _state(db)
            assert state in (before, after), f"trial {n} ({how} {at}) left a partial import"
            outcomes.append((how, state == after))
    finally:
        if upcoming is not None:
            upcoming[1].kill()
            upcoming[1].wait()
    # Kills inside the transaction must have left the database as before.
    assert all(not done for how, done in outcomes if how == "step")
