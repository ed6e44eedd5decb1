"""The command line: a thin layer over the same core calls the GUI uses.

``mediator-desk`` with no command starts the GUI. Every command takes ``--db PATH`` (default:
$MEDIATOR_DESK_DB or the per-user data folder). A refusal prints one line in Chinese on stderr
and exits non-zero. Each command group lives in its own module and registers itself in
``COMMAND_MODULES``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from mediator_desk import __version__
from mediator_desk.errors import DeskError

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk

# Modules that define ``register(subparsers)``; each adds its commands with ``set_defaults(run=…)``.
COMMAND_MODULES = ["mediator_desk.cli.cases", "mediator_desk.cli.mediation", "mediator_desk.cli.sync",
                   "mediator_desk.cli.documents", "mediator_desk.cli.demo",
                   "mediator_desk.cli.admin", "mediator_desk.cli.codes",
                   "mediator_desk.cli.backup", "mediator_desk.cli.screening",
                   "mediator_desk.cli.stats"]


# argparse's own messages, in Chinese (the rest of the line — names, values — stays as typed).
_ARGPARSE_ZH = [
    ("the following arguments are required: ", "缺少必填参数："),
    ("unrecognized arguments: ", "无法识别的参数："),
    ("invalid choice: ", "无效的选项："),
    ("choose from ", "可选："),
    ("expected one argument", "需要一个值"),
    ("invalid int value: ", "应为整数："),
    ("argument ", "参数 "),
]


class ChineseArgumentParser(argparse.ArgumentParser):
    """ArgumentParser whose usage errors read in Chinese: one line, exit status 2."""

    def error(self, message: str):
        for english, chinese in _ARGPARSE_ZH:
            message = message.replace(english, chinese)
        self.exit(2, f"用法错误：{message}（查看帮助：{self.prog} -h）\n")


def add_db_argument(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    """``--db PATH``, accepted before or after the command. Below the top level its default is
    SUPPRESS, so ``mediator-desk --db X check`` keeps X instead of resetting it to None."""
    parser.add_argument("--db", metavar="PATH",
                        default=None if top else argparse.SUPPRESS,
                        help="数据库文件（默认：环境变量 MEDIATOR_DESK_DB 或用户数据目录）")


@contextmanager
def open_desk(args, *, create: bool = True, read_only: bool = False) -> Iterator[Desk]:
    """Open the desk named by ``--db`` for one command and close it afterwards
    (``read_only``: change nothing, see ``Desk.open``)."""
    from mediator_desk.core.desk import Desk

    desk = Desk.open(getattr(args, "db", None), create=create, read_only=read_only)
    try:
        yield desk
    finally:
        desk.close()


def print_json(data) -> None:
    import json       # not needed to start the GUI

    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def _top_options(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The options taken before any command."""
    parser.add_argument("--version", action="version", version=f"mediator-desk {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="自检：几秒内检查字体、模板、翻译、Qt 插件、数据库和打印是否正常")
    parser.add_argument("--self-test-qt", metavar="PDF", help=argparse.SUPPRESS)
    add_db_argument(parser, top=True)
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = _top_options(ChineseArgumentParser(prog="mediator-desk", description="人民调解工作台"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    gui = sub.add_parser("gui", help="启动图形界面（默认）")
    add_db_argument(gui)
    gui.set_defaults(run=run_gui)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def run_gui(args) -> int:
    from mediator_desk.gui.app import run

    return run(db_path=args.db)


def run_self_test(args) -> int:
    """``--self-test`` (mediator_desk/selftest.py); ``--self-test-qt PDF`` is its Qt half
    (gui/selftest.py)."""
    if args.self_test_qt is not None:
        from mediator_desk.gui.selftest import run as run_qt
        return run_qt(args.self_test_qt)
    from mediator_desk.selftest import run
    return run()


def _unreadable_argument(args) -> str:
    """The first argument that is not valid text (bytes in another encoding arrive as lone
    surrogates), shown with those characters replaced; '' if all are fine."""
    for value in vars(args).values():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str):
                try:
                    item.encode("utf-8")
                except UnicodeEncodeError:
                    return item.encode("utf-8", "replace").decode("utf-8")
    return ""


def _log_to_file() -> None:
    """Technical details (SQLite's English reports) go to the log file, not the terminal."""
    import logging

    from mediator_desk.core.desk import log_file

    if logging.getLogger().handlers:
        return                               # already configured (tests, the GUI)
    path = log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        logging.basicConfig(level=logging.INFO, encoding="utf-8", filename=str(path),
                            format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    except OSError:
        logging.basicConfig(handlers=[logging.NullHandler()])


def _gui_start(argv: list[str]) -> argparse.Namespace | None:
    """The arguments when ``argv`` only starts the GUI — nothing, ``--db PATH`` or
    ``--db=PATH`` — else None (the whole parser reads it). Spares the GUI's start building a
    parser: argparse looks for its message catalogues on disk, and the whole parser imports
    every command module (~35 ms together)."""
    if not argv:
        db = None
    elif len(argv) == 2 and argv[0] == "--db" and not argv[1].startswith("-"):
        db = argv[1]
    elif len(argv) == 1 and argv[0].startswith("--db="):
        db = argv[0][len("--db="):]
    else:
        return None
    return argparse.Namespace(db=db, self_test=False, self_test_qt=None, command=None)


def main(argv: list[str] | None = None) -> int:
    args = _gui_start(sys.argv[1:] if argv is None else argv)
    if args is None:
        args = build_parser().parse_args(argv)
    unreadable = _unreadable_argument(args)
    if unreadable:
        print(f"错误：参数“{unreadable}”含有无法识别的文字（可能不是 UTF-8 编码，例如在 GBK 编码的"
              "终端中输入）。请把终端设为 UTF-8 后重新输入", file=sys.stderr)
        return 2
    if args.self_test or args.self_test_qt is not None:
        return run_self_test(args)
    if not getattr(args, "command", None):
        return run_gui(args)
    _log_to_file()
    try:
        return args.run(args) or 0
    except DeskError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("已取消", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Output piped into e.g. `head`, which stopped reading: not an error for the user.
        sys.stderr.close()
        return 0
