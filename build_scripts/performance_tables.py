"""Put the benchmarks' last results (bench-data/results/*.json, see bench_results.py) into
docs/performance.md, between ``<!-- results:<name> -->`` and ``<!-- /results:<name> -->``.

    .venv/bin/python build_scripts/performance_tables.py           # show what would change
    .venv/bin/python build_scripts/performance_tables.py --write   # write docs/performance.md

Blocks whose benchmark has no result on this machine, or only one older than the block's
("Measured <date> <time>": e.g. a benchmark last run here before a branch measured elsewhere
was merged), are left as they are.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_results import ROOT, load, markdown  # noqa: E402

DOC = ROOT / "docs" / "performance.md"
BLOCK = re.compile(r"(<!-- results:([\w-]+) -->\n)(.*?)\n?(<!-- /results:\2 -->)", re.S)
MEASURED = re.compile(r"^Measured (\d{4}-\d\d-\d\d \d\d:\d\d) ")


def fill(text: str) -> tuple[str, list[str]]:
    updated = []

    def replace(m: re.Match) -> str:
        data = load(m.group(2))
        held = MEASURED.match(m.group(3))
        if data is None or (held and data["measured_at"] < held.group(1)):
            return m.group(0)
        new = markdown(data)
        if new != m.group(3):
            updated.append(m.group(2))
        return m.group(1) + new + "\n" + m.group(4)

    return BLOCK.sub(replace, text), updated


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args(argv)
    text = DOC.read_text(encoding="utf-8")
    new, updated = fill(text)
    names = BLOCK.findall(text)
    print(f"{len(names)} result blocks; updated from bench-data/results: "
          f"{', '.join(updated) or 'none'}")
    if args.write and new != text:
        DOC.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
