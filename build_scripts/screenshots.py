"""Write a PNG of every main window and dialog (tests/gui/screens.py) on demo data, as on a
1366×768 laptop, for people to look at.

    .venv/bin/python build_scripts/screenshots.py OUT_FOLDER [--size 标准|大|特大] [--invalid]
        [--only NAME …]

Each screen is saved as ``<name>.png`` (``<name>-invalid.png`` after its validation messages
with --invalid); menus of the main window as ``menu-<n>.png``. Runs offscreen on a fresh demo
database in a temporary folder; prints each screen's size.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={ROOT / 'tests' / 'laptop_screen.json'}"
# remembered folders and sizes of the screenshot run stay out of the user's settings (Linux)
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="mediator-desk-screenshots-")
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "gui"))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--size", default="", help="text size: 标准, 大 or 特大")
    parser.add_argument("--invalid", action="store_true", help="also after validation messages")
    parser.add_argument("--only", nargs="*", default=[])
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from mediator_desk.core.desk import Desk
    from mediator_desk.gui import text_size, worker
    from mediator_desk.gui.app import make_application

    import screens

    make_application()
    # the size asked for (else 标准), not the one this user chose for the app
    text_size.apply(text_size.level_of(args.size) if args.size else 0, remember=False)
    with tempfile.TemporaryDirectory() as tmp:
        desk = Desk.open(Path(tmp) / "demo.db")
        screens.fill_demo(desk)
        worker.install(desk)
        env = screens.make_env(desk)
        try:
            for i, action in enumerate(env.window.menuBar().actions()):
                menu = action.menu()
                menu.popup(env.window.mapToGlobal(
                    env.window.menuBar().actionGeometry(action).bottomLeft()))
                screens.settle()
                menu.grab().save(str(out / f"menu-{i}.png"))
                menu.hide()
            for name, fn in screens.SCREENS.items():
                if args.only and name not in args.only:
                    continue
                for invalid in (False, True) if args.invalid else (False,):
                    widget = fn(env, invalid).window()
                    screens.settle()
                    file = out / f"{name.replace(' ', '-')}{'-invalid' if invalid else ''}.png"
                    widget.grab().save(str(file))
                    print(f"{file.name}: {widget.width()}×{widget.height()}")
                    env.close_all()
        finally:
            env.window.close()
            worker.shutdown()
            desk.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
