"""Commands: check, case list, case show."""

from __future__ import annotations

import os

from mediator_desk.cli import add_db_argument, open_desk, print_json


def register(sub) -> None:
    check = sub.add_parser("check", help="检查数据库：完整性、结构版本、记录数、附件、同步临时文件")
    add_db_argument(check)
    check.set_defaults(run=run_check)

    case = sub.add_parser("case", help="案件：列表、查看")
    case_sub = case.add_subparsers(dest="case_command", metavar="SUBCOMMAND", required=True)
    lst = case_sub.add_parser("list", help="列出案件（可检索）")
    add_db_argument(lst)
    lst.add_argument("--search", default="", help="检索：案件编号、当事人姓名、拼音首字母、证件号或电话片段、案情")
    lst.add_argument("--limit", type=int, default=50, help="最多列出多少件（默认 50；0 表示全部）")
    lst.add_argument("--json", action="store_true", help="以 JSON 输出")
    lst.set_defaults(run=run_case_list)
    show = case_sub.add_parser("show", help="查看一个案件")
    add_db_argument(show)
    show.add_argument("case_no", metavar="CASE_NO", help="案件编号，如（2026）红旗人调字第1号")
    show.add_argument("--json", action="store_true", help="以 JSON 输出")
    show.add_argument("--full-id", action="store_true", help="显示完整证件号码（默认遮盖）")
    show.add_argument("--today", metavar="YYYY-MM-DD", help="倒计时按这一天计算（默认今天）")
    show.set_defaults(run=run_case_show)


def run_check(args) -> int:
    from mediator_desk.core.audit import ACTION_LABELS

    # Read-only: check changes no file (no migration, no site id, no search index).
    with open_desk(args, create=False, read_only=True) as desk:
        health = desk.health()
        print(f"数据库：{os.fspath(health.path)}")
        print(f"完整性：{health.integrity}")
        if health.pending:
            print(f"结构版本：{health.schema or '无'}（需要升级：还有 {health.pending} "
                  "步结构升级。检查不作任何修改；用图形界面或其他命令打开一次即可升级，升级前会自动备份。"
                  "其余各项在升级后才能检查）")
            return 1
        print(f"结构版本：{health.schema}")
        print(f"站点编号：{health.site_id}")
        print("记录数：" + "，".join(f"{label} {n}" for label, n in health.counts.items()))
        print(f"附件：{health.attachments} 个" + (f"，文件缺失 {len(health.missing)} 个"
                                                if health.missing else "，文件齐全"))
        for problem in health.missing[:20]:
            print(f"  {problem['case_no']}：{problem['message']}")
        broken = health.chain_break
        if broken is None:
            print("操作记录链：完整")
        else:
            print(f"操作记录链：第 {broken['seq']} 条（{broken['at'][:19]}，"
                  f"{ACTION_LABELS.get(broken['action'], '其他操作')}）起不连续——该条被改动过，"
                  "或它之前的记录被删除、插入过")
        _print_sync_leftovers(desk)
        _print_attachment_leftovers(health.leftovers)
        return 0 if health.ok else 1


def _print_attachment_leftovers(found: list) -> None:
    """Temporary files of attachment adds a killed process left (core/attachments.py).
    Reported only; the next open of the database for work removes the stale ones."""
    if found:
        print(f"附件临时文件：{len(found)} 个（添加附件时中断留下的；检查不删除，下次打开数据库时"
              "自动删除一小时以前的）")
        for path in found[:20]:
            print(f"  {path}")


def _print_sync_leftovers(desk) -> None:
    """What killed sync imports/exports left behind (sync/leftovers.py). Reported only: check
    changes no file; the next import or export removes what is stale."""
    from mediator_desk.sync.leftovers import find_leftovers

    found = find_leftovers(desk)
    if not found:
        print("同步临时文件：无")
        return
    print(f"同步临时文件：{len(found)} 个（检查不删除任何文件；中断留下的会在下次导入或导出同步文件时"
          "自动删除）")
    for item in found:
        print(f"  {item.message}")


def run_case_list(args) -> int:
    from mediator_desk.core.cases import CaseFilter

    with open_desk(args, create=False) as desk:
        flt = CaseFilter(text=args.search)
        total = desk.cases.count_matching(flt)
        ids = desk.cases.search(flt, limit=args.limit if args.limit > 0 else max(total, 1))
        rows = desk.cases.list_rows(ids)
        ordered = [rows[i] for i in ids]
        if args.json:
            print_json([{"case_no": r.case_no, "received_date": r.received_date,
                         "dispute_type_label": r.dispute_type_label,
                         "status_label": r.status_label, "party_names": r.party_names,
                         "org_name": r.org_name} for r in ordered])
            return 0
        for r in ordered:
            print(f"{r.case_no}\t{r.received_date}\t{r.dispute_type_label}\t"
                  f"{r.status_label}\t{r.party_names}")
        shown = f"，显示最新的 {len(ordered)} 件（--limit 0 列出全部）" if len(ordered) < total else ""
        print(f"共 {total} 件{shown}")
        return 0


def run_case_show(args) -> int:
    from datetime import date

    from mediator_desk.cli.case_view import print_case_view

    today = None
    if getattr(args, "today", None):
        from mediator_desk.cli.mediation import _day
        today = _day(args.today)
    with open_desk(args, create=False) as desk:
        case_id = desk.cases.find_by_number(args.case_no)
        if args.full_id:
            desk.cases.note_full_ids_shown(case_id)
        case = desk.dossier.view(case_id, mask=not args.full_id, today=today)
        if args.json:
            print_json(case.as_dict())
            return 0
        print(f"案件编号：{case.case_no}")
        print(f"调委会：{case.org_name}")
        print(f"受理日期：{case.received_date}　来源：{case.source_label}"
              + (f"（{case.referral_note}）" if case.referral_note else ""))
        print(f"纠纷类型：{case.dispute_type_label}　状态：{case.status_label}")
        print(f"涉及人数：{case.people_involved}　涉及金额：{case.amount_fen / 100:.2f} 元")
        if case.risk_flag:
            print(f"激化风险：{case.risk_note}")
        print(f"纠纷简要情况：{case.summary}")
        if case.claims:
            print(f"申请事项：{case.claims}")
        from mediator_desk.core.parties import ROLES
        for p in case.parties:
            print(f"当事人（{ROLES[p['role']]}）：{p['name']}　{p['sex']}　{p['id_number']}　{p['phone']}"
                  f"　{p['address']}"
                  + (f"　送达地址：{p['service_address']}" if p.get("service_address") else ""))
        if case.mediators:
            print("调解员：" + "、".join(m["name"] for m in case.mediators))
        print_case_view(case, today=today or date.today())
        return 0
