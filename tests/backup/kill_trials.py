"""Kill trials for backups and restores: a child process is SIGKILLed at random moments.

    .venv/bin/python tests/backup/kill_trials.py --trials 50      # 25 backups + 25 restores

(tests/backup/test_backup_kill.py runs a few of each in the suite.)

After a killed **backup**: the database is unchanged and intact; every backup listed is
complete and verifies; the next backup succeeds and removes what the killed one left.

After a killed **restore**: the database is intact and holds either exactly what it held before
or exactly the backup's records (never a mixture, never a stale write-ahead log applied to the
restored file); it opens normally; the backup restored from is unchanged and still verifies;
every backup listed verifies (the copy of the current database made before the switch
included); a restore afterwards completes.

Kills land at random progress steps (the child reports each step and pauses a few
milliseconds, with small backup steps so there are many) and at random times.
"""

from __future__ import annotations

import argparse
import random
import shutil
import signal
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))

from backup_helpers import (add_case, dump, integrity, pdf_bytes, records,  # noqa: E402
                            start_child, tree)
from tests.child_processes import go, wait_for_steps  # noqa: E402

CHILD = r"""
import sys, time
from mediator_desk.storage import backup as store
store.STEP_PAGES = 4

class Slow:
    cancelled = False
    def update(self, done, total):
        print(f"p {done} {total}", flush=True)
        time.sleep(0.003)

what, db, arg = sys.argv[1], sys.argv[2], sys.argv[3]
if what == "backup":
    from mediator_desk.core.desk import Desk
    desk = Desk.open(db)
    print("ready", flush=True)
    sys.stdin.readline()
    desk.backups.create(kind="daily", progress=Slow())
else:
    from mediator_desk.core.backup import BackupManager
    manager = BackupManager.for_path(db)
    print("ready", flush=True)
    sys.stdin.readline()
    manager.restore(arg, progress=Slow())
print("done", flush=True)
"""


def build(folder: Path) -> dict:
    """A database with cases and attachments and one backup, then more cases: the start of
    every trial (copied per trial)."""
    from mediator_desk.core.desk import Desk
    from mediator_desk.core.setup import set_up_committee

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "desk.db"
    desk = Desk.open(path)
    set_up_committee(desk, committee_name="红旗嘎查人民调解委员会", level="village",
                     short_name="红旗", township_name="巴彦塔拉苏木", county_name="阿鲁科尔沁旗",
                     mediator_name="乌力吉", mediator_sex="男", mediator_phone="13904761234")
    for n in range(30):
        case = add_case(desk, summary=f"备份前的纠纷{n}" + "详细情况" * 40)
        if n % 3 == 0:
            desk.attachments.add_bytes(case, pdf_bytes(f"扫描件{n}" * 200), file_name=f"{n}.pdf")
    backup = desk.backups.create()
    # A file the restore has to put back (so it has work to do after the switch).
    first = desk.query_one("SELECT id FROM attachments ORDER BY rowid LIMIT 1")["id"]
    desk.attachments.path_of(first).unlink()
    for n in range(20):
        case = add_case(desk, summary=f"备份后的纠纷{n}" + "详细情况" * 40)
        if n % 4 == 0:
            desk.attachments.add_bytes(case, pdf_bytes(f"新扫描件{n}" * 200), file_name=f"{n}.pdf")
    desk.close()
    return {"path": path, "backup": backup["name"]}


def copy_site(src: Path, dst: Path) -> Path:
    if dst.exists():
        shutil.rmtree(dst)
    shutil.copytree(src, dst)
    return dst / "desk.db"


def _run_until(proc, how: str, at: float) -> None:
    go(proc)
    if how == "step":
        wait_for_steps(proc, int(at))
    else:
        time.sleep(at)
    proc.send_signal(signal.SIGKILL)
    proc.wait()


def _measure(site: Path, work: Path, what: str, arg: str) -> tuple[int, float]:
    """One complete run: how many progress steps and how long."""
    db = copy_site(site, work / f"full-{what}")
    proc = start_child(CHILD, what, db, arg)
    started = time.monotonic()
    proc.stdin.write("go\n")
    proc.stdin.flush()
    lines = proc.stdout.read().split("\n")
    duration = time.monotonic() - started
    assert proc.wait() == 0 and "done" in lines, lines[-5:]
    return sum(1 for line in lines if line.startswith("p ")), duration


def _check_backups(root: Path) -> int:
    from mediator_desk.storage import backup as store

    listed = store.list_backups(root)
    for b in listed:
        problems = store.verify_backup(b.path, record=False)[1]
        assert problems == [], f"backup {b.name} after a kill: {problems}"
    return len(listed)


def backup_trials(site: Path, work: Path, n: int, rng: random.Random) -> list[tuple]:
    from mediator_desk.core.desk import Desk
    from mediator_desk.storage import backup as store

    steps, duration = _measure(site, work, "backup", "")
    before = dump(site / "desk.db")
    outcomes = []
    for i in range(n):
        how, at = (("step", rng.randint(1, steps)) if i % 2 == 0
                   else ("time", rng.uniform(0, duration * 1.1)))
        db = copy_site(site, work / f"b{i}")
        _run_until(start_child(CHILD, "backup", db, ""), how, at)
        assert integrity(db) == "ok"
        assert dump(db) == before, f"backup trial {i} ({how} {at}) changed the database"
        root = store.default_root(db)
        count = _check_backups(root)
        # The next backup works and clears what the killed one left.
        desk = Desk.open(db)
        desk.backups.create()
        desk.close()
        assert store.leftovers(root) == []
        assert _check_backups(root) >= count
        outcomes.append((how, round(at, 3), count))
        shutil.rmtree(db.parent)
    return outcomes


def restore_trials(site: Path, work: Path, n: int, rng: random.Random,
                   backup: str) -> list[tuple]:
    from mediator_desk.core.backup import BackupManager
    from mediator_desk.core.desk import Desk
    from mediator_desk.storage import backup as store

    steps, duration = _measure(site, work, "restore", backup)
    before = records(site / "desk.db")
    after = records(site / "desk-backups" / backup / "database.db")
    assert before != after
    backup_tree = tree(site / "desk-backups" / backup)
    outcomes = []
    for i in range(n):
        # every fourth trial aims at the last steps: around the switch and just after
        how, at = (("step", rng.randint(max(1, steps - 4), steps)) if i % 4 == 0
                   else ("step", rng.randint(1, steps)) if i % 2 == 0
                   else ("time", rng.uniform(0, duration * 1.1)))
        db = copy_site(site, work / f"r{i}")
        _run_until(start_child(CHILD, "restore", db, backup), how, at)
        assert integrity(db) == "ok", f"restore trial {i} ({how} {at}): not intact"
        state = records(db)
        assert state in (before, after), f"restore trial {i} ({how} {at}) left a mixture"
        desk = Desk.open(db)                       # opens (a stale -wal would show here)
        assert desk.scalar("SELECT count(*) FROM cases") == len(state["cases"])
        desk.close()
        assert records(db) == state
        root = store.default_root(db)
        assert tree(root / backup) == backup_tree
        _check_backups(root)
        # Restoring again completes, and nothing of the killed attempt is left.
        BackupManager.for_path(db).restore(backup)
        assert records(db) == after and integrity(db) == "ok"
        assert not list(db.parent.glob(".desk.db.restoring-*"))
        assert store.leftovers(root) == []
        outcomes.append((how, round(at, 3), "after" if state == after else "before"))
        shutil.rmtree(db.parent)
    return outcomes


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--trials", type=int, default=50, help="total (half backups, half restores)")
    ap.add_argument("--seed", type=int, default=20261205)
    ap.add_argument("--work", default="", help="work folder (default: a temporary one)")
    args = ap.parse_args(argv)
    import tempfile

    work = Path(args.work or tempfile.mkdtemp(prefix="backup-kill-"))
    rng = random.Random(args.seed)
    made = build(work / "site")
    started = time.monotonic()
    b = backup_trials(work / "site", work, args.trials // 2, rng)
    r = restore_trials(work / "site", work, args.trials - args.trials // 2, rng, made["backup"])
    print(f"{len(b)} killed backups: database unchanged, every listed backup verified, "
          f"next backup cleaned up")
    print(f"{len(r)} killed restores: {sum(1 for o in r if o[2] == 'before')} left the "
          f"database as before, {sum(1 for o in r if o[2] == 'after')} restored; never a "
          f"mixture; backups intact")
    print(f"{time.monotonic() - started:.0f} s")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
