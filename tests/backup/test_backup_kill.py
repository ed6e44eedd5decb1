"""A killed backup or restore never loses or mixes anything (kill_trials.py, a few trials;
run that script for 50 or more)."""

from __future__ import annotations

import random
import signal

import pytest

from kill_trials import backup_trials, build, restore_trials

TRIALS = 4


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    work = tmp_path_factory.mktemp("backup-kill")
    made = build(work / "site")
    return work, made


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_killed_backups_leave_the_database_and_the_backups_whole(site):
    work, _made = site
    outcomes = backup_trials(work / "site", work, TRIALS, random.Random(20261205))
    assert len(outcomes) == TRIALS


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_killed_restores_leave_before_or_after_never_a_mixture(site):
    work, made = site
    outcomes = restore_trials(work / "site", work, TRIALS, random.Random(20261206),
                              made["backup"])
    assert len(outcomes) == TRIALS
