"""Command: demo — fill a NEW database with a synthetic township (demo/book.py), or
``demo township`` — build a township office and its villages as separate databases that
exchange real sync files (demo/township.py)."""

from __future__ import annotations

import sys
import time

from mediator_desk.cli import add_db_argument, open_desk
from mediator_desk.errors import DeskError


class TextProgress:
    """Prints progress to stderr: a self-rewriting line on a terminal, every 10 % otherwise."""

    cancelled = False

    def __init__(self, stream=None, *, what: str = "生成示例数据", unit: str = "件",
                 every: int = 10):
        self.what, self.unit, self.every = what, unit, every
        self.stream = stream or sys.stderr
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.last = -1
        self.started = time.monotonic()

    def update(self, done: int, total: int) -> None:
        pct = 100 if not total else done * 100 // total
        line = f"{self.what}：{done}/{total} {self.unit}（{pct}%）"
        if self.tty:
            self.stream.write(f"\r{line}")
            if done >= total:
                self.stream.write("\n")
        elif pct // self.every != self.last // self.every or done >= total:
            self.stream.write(f"{line}\n")
        self.last = pct
        self.stream.flush()


def register(sub) -> None:
    demo = sub.add_parser("demo", help="在新数据库中生成示例数据（虚构的赤峰市某苏木/镇）")
    add_db_argument(demo)
    demo.add_argument("--cases", type=int, metavar="N", help="案件数量")
    demo.add_argument("--seed", type=int, default=1, metavar="S",
                      help="随机种子：相同的种子生成相同的数据（默认 1）")
    demo.set_defaults(run=run_demo, parser=demo)
    kinds = demo.add_subparsers(dest="demo_command", metavar="[township]")
    township = kinds.add_parser(
        "township", help="在新的空文件夹中生成司法所和各村（嘎查）各自的数据库，逐月互传同步包和回执")
    township.add_argument("--dir", metavar="DIR", required=True, help="新的空文件夹")
    township.add_argument("--villages", type=int, default=5, metavar="N",
                          help="村（嘎查）数量（默认 5）")
    township.add_argument("--months", type=int, default=4, metavar="M",
                          help="最近几个整月（默认 4）")
    township.add_argument("--seed", type=int, default=1, metavar="S",
                          help="随机种子：相同的种子生成相同的数据（默认 1）")
    township.set_defaults(run=run_township)


def run_township(args) -> int:
    from mediator_desk.demo.township import build_township

    s = build_township(args.dir, villages=args.villages, months=args.months, seed=args.seed,
                       progress=TextProgress(what="生成示例乡镇", unit="步", every=25))
    print(f"已生成示例乡镇：赤峰市{s['county']}{s['township']}，司法所 1 个，村（嘎查）"
          f"{len(s['villages'])} 个，{s['periods'][0]}—{s['periods'][-1]} 共 {len(s['periods'])} 个月，"
          f"同步 {s['exchanges']} 次")
    print(f"司法所：{s['office']}（{s['office_name']}，已收到案件 {s['office_cases']} 件、"
          f"排查事项 {s['office_screening_items']} 件）")
    for v in s["villages"]:
        print(f"  {v['path']}：{v['name']}（{v['short_name']}），案件 {v['cases']} 件，"
              f"已报送 {len(v['sent'])} 个月")
    print(f"未报送：{s['missing']['village']} {s['missing']['period']}")
    print(f"用时：{s['seconds']:.1f} 秒")
    return 0


def run_demo(args) -> int:
    from mediator_desk.demo.book import build_demo

    if args.cases is None:       # required unless "township": a usage error, as argparse says it
        args.parser.error("the following arguments are required: --cases")
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
