"""Commands: screening add|list|move — dispute screening (矛盾纠纷排查, core/screening.py)."""

from __future__ import annotations

from mediator_desk.cli import add_db_argument, open_desk, print_json
from mediator_desk.errors import ValidationError

ITEM_OPTIONS = (
    # option, field, help
    ("--found-on", "found_on", "发现日期（默认为排查日期）"),
    ("--type", "dispute_type", "纠纷类型：代码或名称，如 02 或 邻里纠纷"),
    ("--summary", "summary", "纠纷简要情况"),
    ("--risk", "risk_level", "风险等级：red 红 / orange 橙 / yellow 黄"),
    ("--parties", "parties", "当事人姓名，用顿号或逗号分隔"),
    ("--contact", "contact", "联系方式"),
    ("--people", "people_involved", "涉及人数"),
    ("--place", "place", "地点"),
    ("--measures", "measures", "化解措施"),
    ("--responsible", "responsible", "责任人"),
    ("--deadline", "deadline", "化解期限 YYYY-MM-DD"),
)
RISK_WORDS = {"红": "red", "红色": "red", "橙": "orange", "橙色": "orange", "黄": "yellow",
              "黄色": "yellow"}
STATUS_WORDS = {"排查": "screened", "预警": "warned", "调处": "mediating", "处置": "settled"}


def register(sub) -> None:
    scr = sub.add_parser("screening", help="矛盾纠纷排查：登记排查及发现的纠纷、列出")
    scr_sub = scr.add_subparsers(dest="screening_command", metavar="SUBCOMMAND", required=True)
    add = scr_sub.add_parser("add", help="登记一次排查（可同时登记一件发现的纠纷），或用 --round 向已有的排查添加纠纷")
    add_db_argument(add)
    add.add_argument("--round", metavar="ID", help="已有排查的编号（前 8 位即可）：向它添加一件纠纷")
    add.add_argument("--held-on", metavar="YYYY-MM-DD", help="排查日期（登记新排查时必填）")
    add.add_argument("--kind", default="routine", choices=("routine", "holiday", "special"),
                     help="排查类型：routine 定期 / holiday 节前 / special 专项（默认 routine）")
    add.add_argument("--area", default="", help="排查范围")
    add.add_argument("--screeners", default="", help="排查人员")
    add.add_argument("--note", default="", help="备注")
    for option, field, text in ITEM_OPTIONS:
        add.add_argument(option, dest=field, default=None, help=text)
    add.add_argument("--json", action="store_true", help="以 JSON 输出")
    add.set_defaults(run=run_add)

    lst = scr_sub.add_parser("list", help="列出排查及发现的纠纷")
    add_db_argument(lst)
    lst.add_argument("--period", metavar="P", help="期间：2026、2026-11 或 2026-11-01..2026-11-15")
    lst.add_argument("--json", action="store_true", help="以 JSON 输出")
    lst.set_defaults(run=run_list)

    move = scr_sub.add_parser("move", help="推进一件排查事项：排查→预警→调处→处置")
    add_db_argument(move)
    move.add_argument("item", metavar="ITEM", help="排查事项编号（前 8 位即可）")
    move.add_argument("status", metavar="STATUS",
                      help="warned 预警 / mediating 调处 / settled 处置（也可写中文）")
    move.add_argument("--settled-on", metavar="YYYY-MM-DD", help="处置日期（默认今天）")
    move.add_argument("--prevented", default="",
                      choices=("", "dispute", "suicide", "criminal", "group_petition",
                               "group_fight"), help="处置时：防止了哪类激化")
    move.add_argument("--prevented-people", type=int, default=0, help="防止激化涉及人数")
    move.set_defaults(run=run_move)


def _item_values(desk, args) -> dict:
    values = {field: getattr(args, field) for _, field, _ in ITEM_OPTIONS
              if getattr(args, field) is not None}
    if "dispute_type" in values:
        wanted = values["dispute_type"].strip()
        for item in desk.codes.items("dispute_type"):
            if wanted in (item["label"], item["label"].removesuffix("纠纷")):
                values["dispute_type"] = item["code"]
    if "risk_level" in values:
        values["risk_level"] = RISK_WORDS.get(values["risk_level"].strip(),
                                              values["risk_level"].strip())
    return values


def run_add(args) -> int:
    with open_desk(args) as desk:
        item = _item_values(desk, args)
        if args.round:
            round_id = desk.screening.find_id("round", args.round)
            if not item:
                raise ValidationError("请用 --type、--summary、--risk 等给出发现的纠纷", field="item")
            item_id = desk.screening.add_item(round_id, **item)
            out = {"round_id": round_id, "item_ids": [item_id]}
        else:
            if not args.held_on:
                raise ValidationError("请用 --held-on 填写排查日期", field="held_on")
            org_id = desk.settings.get("committee_id")
            if not org_id:
                raise ValidationError("本站尚未设置调委会", field="org_id")
            round_id = desk.screening.add_round(
                org_id=org_id, held_on=args.held_on, kind=args.kind, area=args.area,
                screeners=args.screeners, note=args.note, items=[item] if item else [])
            out = {"round_id": round_id,
                   "item_ids": [i["id"] for i in desk.screening.items(round_id)]}
        if args.json:
            print_json(out)
        else:
            print(f"已登记：排查 {out['round_id'][:8]}"
                  + (f"，纠纷 {'、'.join(i[:8] for i in out['item_ids'])}" if out["item_ids"]
                     else ""))
        return 0


def run_list(args) -> int:
    with open_desk(args, create=False) as desk:
        rounds = desk.screening.rounds(args.period)
        for r in rounds:
            r["item_list"] = desk.screening.items(r["id"])
        if args.json:
            print_json(rounds)
            return 0
        items = 0
        for r in rounds:
            print(f"{r['held_on']}\t{r['id'][:8]}\t{r['org_name']}\t{r['kind_label']}\t"
                  f"{r['area']}\t排查人员：{r['screeners'] or '—'}\t发现纠纷 {r['items']} 件")
            for i in r["item_list"]:
                items += 1
                done = f"（{i['settled_on']}，{i['prevented_label']}" + (
                    f" {i['prevented_people']} 人" if i["prevented_people"] else "") + "）" \
                    if i["status"] == "settled" and i["prevented"] else ""
                print(f"  {i['id'][:8]}\t{i['risk_label']}\t{i['status_label']}{done}\t"
                      f"{desk.codes.label('dispute_type', i['dispute_type'])}\t"
                      f"{'、'.join(i['party_names'])}\t{i['summary'][:40]}"
                      + (f"\t案件 {i['case_no']}" if i["case_no"] else ""))
        print(f"共 {len(rounds)} 次排查，发现纠纷 {items} 件")
        return 0


def run_move(args) -> int:
    with open_desk(args) as desk:
        item_id = desk.screening.find_id("item", args.item)
        status = STATUS_WORDS.get(args.status.strip(), args.status.strip())
        desk.screening.move(item_id, status, settled_on=args.settled_on,
                            prevented=args.prevented, prevented_people=args.prevented_people)
        item = desk.screening.get_item(item_id)
        print(f"排查事项 {item_id[:8]}：{item['status_label']}")
        return 0
