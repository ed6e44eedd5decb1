"""Command: demo — fill a NEW database with a synthetic township (core/demo.py)."""

from __future__ import annotations

import sys
import time

from mediator_desk.cli import add_db_argument, open_desk
from mediator_desk.errors import DeskError


class TextProgress:
    """Prints progress to stderr: a self-rewriting line on a terminal, every 10 % otherwise."""

    cancelled = False

    def __init__(self, stream=None):
        self.stream = stream or sys.stderr
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.last = -1
        self.started = time.monotonic()

    def update(self, done: int, total: int) -> None:
        pct = 100 if not total else done * 100 // total
        if self.tty:
            self.stream.write(f"\r生成示例数据：{done}/{total} 件（{pct}%）")
            if done >= total:
                self.stream.write("\n")
        elif pct // 10 != self.last // 10 or done >= total:
            self.stream.write(f"生成示例数据：{done}/{total} 件（{pct}%）\n")
        self.last = pct
        self.stream.flush()


def register(sub) -> None:
    demo = sub.add_parser("demo", help="在新数据库中生成示例数据（虚构的赤峰市某苏木/镇）")
    add_db_argument(demo)
    demo.add_argument("--cases", type=int, required=True, metavar="N", help="案件数量")
    demo.add_argument("--seed", type=int, default=1, metavar="S",
                      help="随机种子：相同的种子生成相同的数据（默认 1）")
    demo.set_defaults(run=run_demo)


def run_demo(args) -> int:
    from mediator_desk.core.demo import build_demo

    # Sample data must never land in the real database by accident: the path is explicit.
    if not args.db:
        raise DeskError("请用 --db 指定示例数据库文件", hint="示例数据不会写入默认数据库")
    if args.cases < 0:
        raise DeskError("案件数量不能为负数")
    started = time.monotonic()
    with open_desk(args) as desk:
        summary = build_demo(desk, cases=args.cases, seed=args.seed, progress=TextProgress())
        path = desk.path
    first, last = summary["years"] or ("", "")
    print(f"已生成示例数据：赤峰市{summary['county']}{summary['township']}，"
          f"{summary['villages']} 个村（嘎查）调委会，{summary['mediators']} 名调解员，"
          f"{summary['cases']} 件案件" + (f"（{first}—{last} 年）" if first else "")
          + f"，{summary['parties']} 名当事人，种子 {summary['seed']}")
    print(f"数据库：{path}")
    print(f"用时：{time.monotonic() - started:.1f} 秒")
    return 0
