#!/usr/bin/env python3
"""Check an installed (or just built) program as a user would run it: no Python of ours, a clean
home folder, nothing of a virtual environment on PATH.

    sudo apt install ./dist/mediator-desk_*.deb
    python3 build_scripts/check_installed.py                      # /usr/bin/mediator-desk
    python3 build_scripts/check_installed.py dist/mediator-desk/mediator-desk

Steps: ``--version``; ``--self-test``; ``demo`` + ``check``; an agreement printed to PDF and
checked with ``pdffonts`` (every font embedded); the GUI started offscreen until the main window
shows the case list (gui/startup_probe.py), then closed; the signing and encryption libraries
through ``site init`` / ``enrol export`` / ``key backup``; a sync bundle from a second installed
database (a village) imported into the first (the office). One line per step; exit 1 if any
failed. Standard library only (runs with the system's python3).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def clean_env(home: Path) -> dict:
    env = {"HOME": str(home), "PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8",
           "QT_QPA_PLATFORM": "offscreen", "MEDIATOR_DESK_PASSPHRASE": "self-check passphrase"}
    for keep in ("TMPDIR", "SYSTEMROOT", "TEMP", "TMP"):
        if keep in os.environ:
            env[keep] = os.environ[keep]
    return env


def main(argv: list[str]) -> int:
    program = argv[0] if argv else "/usr/bin/mediator-desk"
    if not Path(program).exists():
        print(f"no program at {program}")
        return 2
    failures = 0
    with tempfile.TemporaryDirectory(prefix="mediator-desk-installed-") as tmp:
        home = Path(tmp)
        env = clean_env(home)
        db = home / "demo.db"

        def step(label: str, *args: str, expect: str = "", extra_env: dict | None = None):
            nonlocal failures
            started = time.monotonic()
            proc = subprocess.run([program, *args], env={**env, **(extra_env or {})}, cwd=home,
                                  capture_output=True, text=True, encoding="utf-8",
                                  errors="replace", timeout=300)
            took = time.monotonic() - started
            ok = proc.returncode == 0 and expect in proc.stdout
            failures += not ok
            last = (proc.stdout.strip().splitlines() or [""])[-1]
            print(f"{'ok  ' if ok else 'FAIL'} {label} ({took:.1f} s): {last[:160]}", flush=True)
            if not ok:
                print(proc.stdout[-3000:] + proc.stderr[-3000:])
            return proc

        step("--version", "--version", expect="mediator-desk ")
        step("--self-test", "--self-test", expect="自检通过")
        step("demo", "demo", "--db", str(db), "--cases", "30", expect="已生成示例数据")
        step("check", "--db", str(db), "check")
        listing = step("case list", "--db", str(db), "case", "list").stdout
        numbers = re.findall(r"^(（\d{4}）\S+号)", listing, re.M)
        pdf = home / "agreement.pdf"
        printed = False
        for number in numbers:
            proc = subprocess.run([program, "--db", str(db), "print", "--case", number, "--doc",
                                   "agreement", "--out", str(pdf)], env=env, cwd=home,
                                  capture_output=True, text=True)
            if proc.returncode == 0 and pdf.is_file():
                printed = True
                break
        if printed and shutil.which("pdffonts"):
            fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
            rows = [ln.split() for ln in fonts.splitlines()[2:] if ln.strip()]
            embedded = bool(rows) and all(
                len(r) >= 5 and r[-5] == "yes" for r in rows)
            failures += not embedded
            print(f"{'ok  ' if embedded else 'FAIL'} agreement PDF: {len(rows)} font(s), "
                  f"{'all embedded' if embedded else 'NOT embedded'} ({pdf.stat().st_size // 1024} KB)")
        else:
            failures += not printed
            print(f"{'ok  ' if printed else 'FAIL'} agreement PDF printed"
                  + ("" if printed else ": no case with an agreement")
                  + ("" if shutil.which("pdffonts") else " (pdffonts missing: fonts not checked)"))
        step("GUI start to main window", "--db", str(db), expect="SHOWN",
             extra_env={"MEDIATOR_DESK_STARTUP_PROBE": "1"})
        # signing, encryption and a sync bundle between two installed databases: a village's
        # cases imported by the office (two small demo townships whose case numbers differ)
        office, village = home / "office.db", home / "village.db"
        step("demo (office)", "demo", "--db", str(office), "--cases", "5", "--seed", "1",
             expect="已生成示例数据")
        step("site init (office)", "--db", str(office), "site", "init", "--role", "office",
             "--name", "自检司法所", expect="指纹")
        step("enrol export", "--db", str(office), "enrol", "export", "--out",
             str(home / "o.mdenrol"))
        step("key backup", "--db", str(office), "key", "backup", "--out", str(home / "keys.bak"))
        step("demo (village)", "demo", "--db", str(village), "--cases", "5", "--seed", "2",
             expect="已生成示例数据")
        step("site init (village)", "--db", str(village), "site", "init", "--role", "village")
        step("enrol import", "--db", str(village), "enrol", "import", str(home / "o.mdenrol"))
        step("bundle export", "--db", str(village), "bundle", "export", "--out",
             str(home / "v.mdsync"), expect="同步包已导出")
        shown = step("site show", "--db", str(village), "site", "show", "--json").stdout
        fingerprint = re.search(r'"fingerprint":\s*"([^"]+)"', shown)
        step("bundle import", "--db", str(office), "bundle", "import", str(home / "v.mdsync"),
             "--accept-fingerprint", fingerprint.group(1) if fingerprint else "?", expect="已导入")
        step("case list after import", "--db", str(office), "case", "list", expect="共 10 件")
    print("all steps passed" if not failures else f"{failures} step(s) FAILED")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
