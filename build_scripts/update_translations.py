"""Refresh the Chinese translation of the GUI: lupdate over mediator_desk/gui, then lrelease.

    .venv/bin/python build_scripts/update_translations.py           # update .ts, build .qm
    .venv/bin/python build_scripts/update_translations.py --check   # change nothing; exit 1 if
                                                                     # stale or untranslated

GUI strings are written in English inside ``self.tr("…")`` or
``QCoreApplication.translate("Context", "…")``. After adding some, run this script: lupdate adds
them to resources/translations/mediator_desk_zh_CN.ts (existing translations are kept, strings
no longer in the code are dropped) and the script lists every string still untranslated. Put
the Chinese text into each ``<translation type="unfinished"></translation>`` (and delete
``type="unfinished"``), keeping placeholders such as ``{n}`` and ``&`` accelerators, then run the
script again: it compiles the .qm that the app loads. Commit both files. tests/gui/
test_translations.py fails while any string is untranslated or the .qm is stale.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "mediator_desk" / "gui"
TS = ROOT / "resources" / "translations" / "mediator_desk_zh_CN.ts"
QM = TS.with_suffix(".qm")


def tool(name: str) -> str:
    """Path of Qt's lupdate/lrelease as shipped inside the PySide6 wheel."""
    import PySide6

    folder = Path(PySide6.__file__).parent
    for candidate in (folder / name, folder / f"{name}.exe", folder / "Qt" / "libexec" / name):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if not found:
        raise SystemExit(f"cannot find Qt's {name}; install PySide6-Essentials")
    return found


def source_files() -> list[str]:
    return sorted(str(p) for p in SOURCES.rglob("*.py"))


def lupdate(ts: Path) -> None:
    """Merge the strings found in the GUI sources into ``ts`` (keeps translations)."""
    subprocess.run([tool("lupdate"), "-silent", "-locations", "none", "-no-obsolete",
                    "-target-language", "zh_CN", *source_files(), "-ts", str(ts)],
                   check=True, cwd=ROOT)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def unfinished(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished translation."""
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished",) \
                    or not (translation.text or "").strip():
                if translation is not None and translation.get("type") in ("vanished",
                                                                          "obsolete"):
                    continue
                out.append((name, message.findtext("source", "")))
    return out


def check() -> list[str]:
    """Problems found without changing anything (empty list: all good)."""
    problems = []
    if not TS.exists():
        return [f"{TS.relative_to(ROOT)} is missing"]
    with tempfile.TemporaryDirectory() as tmp:
        ts = Path(tmp) / TS.name
        shutil.copyfile(TS, ts)
        lupdate(ts)
        for context, source in unfinished(ts):
            problems.append(f"untranslated: [{context}] {source}")
        qm = Path(tmp) / QM.name
        lrelease(TS, qm)
        if not QM.exists() or QM.read_bytes() != qm.read_bytes():
            problems.append(f"{QM.relative_to(ROOT)} is stale: run build_scripts/update_translations.py")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; report problems")
    args = parser.parse_args(argv)
    if args.check:
        problems = check()
        for p in problems:
            print(p)
        return 1 if problems else 0
    TS.parent.mkdir(parents=True, exist_ok=True)
    lupdate(TS)
    # A new file replaces the .qm: running apps (and test runs) have the old one memory-mapped by
    # QTranslator, and rewriting it in place crashes them (segfault in QTranslator::translate).
    fresh = QM.with_name(QM.name + ".tmp")
    lrelease(TS, fresh)
    os.replace(fresh, QM)
    missing = unfinished(TS)
    for context, source in missing:
        print(f"untranslated: [{context}] {source}")
    print(f"{TS.relative_to(ROOT)}: {len(missing)} untranslated; {QM.relative_to(ROOT)} rebuilt")
    return 1 if missing else 0


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main())
