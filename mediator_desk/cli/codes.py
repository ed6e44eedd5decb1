"""Commands: codes list, codes add (an office extends a code list, e.g. a local dispute type)."""

from __future__ import annotations

from mediator_desk.cli import add_db_argument, open_desk, print_json


def register(sub) -> None:
    codes = sub.add_parser("codes", help="代码表：纠纷类型、案件来源、民族、文化程度")
    codes_sub = codes.add_subparsers(dest="codes_command", metavar="SUBCOMMAND", required=True)
    lst = codes_sub.add_parser("list", help="列出代码表（不指定则列出全部）")
    add_db_argument(lst)
    lst.add_argument("list_name", nargs="?", metavar="LIST",
                     help="dispute_type | case_source | ethnicity | education")
    lst.add_argument("--json", action="store_true", help="以 JSON 输出")
    lst.set_defaults(run=run_list)
    add = codes_sub.add_parser("add", help="新增一项（纠纷类型须归入15类统计类型之一）")
    add_db_argument(add)
    add.add_argument("list_name", metavar="LIST")
    add.add_argument("code", metavar="CODE")
    add.add_argument("label", metavar="LABEL", help="名称，如“土地草牧场边界纠纷”")
    add.add_argument("--rollup", default="", help="归入的统计类型代码（纠纷类型必填，如 07）")
    add.set_defaults(run=run_add)


def run_list(args) -> int:
    from mediator_desk.core.codes import LISTS

    with open_desk(args, create=False) as desk:
        names = [args.list_name] if args.list_name else list(LISTS)
        data = {name: desk.codes.items(name, include_inactive=True) for name in names}
        if args.json:
            print_json({"version": desk.codes.version(), "lists": data})
            return 0
        print(f"代码表版本：{desk.codes.version()}")
        for name, items in data.items():
            print(f"{LISTS.get(name, name)}（{name}）：")
            for item in items:
                rollup = f"　归入 {item['rollup']}" if name == "dispute_type" and \
                    item["rollup"] != item["code"] else ""
                print(f"  {item['code']}　{item['label']}{rollup}")
        return 0


def run_add(args) -> int:
    with open_desk(args, create=False) as desk:
        desk.codes.add(args.list_name, code=args.code, label=args.label, rollup=args.rollup)
        print(f"已新增：{args.label}（{args.code}），代码表版本 {desk.codes.version()}")
        return 0
