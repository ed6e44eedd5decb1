"""Commands: backup create|list|verify|settings, restore — verified backups and the safe
restore (thin over core/backup.py).

``list``, ``verify`` and ``restore`` do not open the database (it may be the damaged one the
user wants to replace); ``create`` and ``settings`` do.
"""

from __future__ import annotations

import sys

from mediator_desk.cli import add_db_argument, open_desk, print_json
from mediator_desk.core.file_sizes import size_text


class _Bar:
    """Progress on stderr, on a terminal only (a self-rewriting percentage)."""

    cancelled = False

    def __init__(self, label: str):
        self.label = label
        self.tty = sys.stderr.isatty()

    def update(self, done: int, total: int) -> None:
        if self.tty and total:
            print(f"\r{self.label} {100 * done // total:3d}%", end="", file=sys.stderr,
                  flush=True)

    def finish(self) -> None:
        if self.tty:
            print("\r" + " " * (len(self.label) * 2 + 6) + "\r", end="", file=sys.stderr,
                  flush=True)


def register(sub) -> None:
    bk = sub.add_parser("backup", help="备份：立即备份、列出、验证、设置第二个备份文件夹")
    b = bk.add_subparsers(dest="backup_command", metavar="ACTION", required=True)
    p = b.add_parser("create", help="立即备份数据库、附件和密钥（并复制到第二个备份文件夹）")
    add_db_argument(p)
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(run=run_create)
    p = b.add_parser("list", help="列出备份（日期、大小、案件数、是否已验证）")
    add_db_argument(p)
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(run=run_list)
    p = b.add_parser("verify", help="验证备份（不指定则验证数据库旁的全部备份）")
    add_db_argument(p)
    p.add_argument("backup", nargs="?", metavar="BACKUP", help="备份名称（见 backup list）或备份文件夹")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(run=run_verify)
    p = b.add_parser("settings", help="显示或修改备份设置：第二个备份文件夹（U盘）、提醒天数")
    add_db_argument(p)
    p.add_argument("--second-folder", metavar="DIR",
                   help="第二个备份文件夹（如U盘上的文件夹）；空字符串表示不用")
    p.add_argument("--reminder-days", metavar="N",
                   help="超过这么多天没有复制到第二个备份文件夹就提醒（默认 7）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(run=run_settings)

    rs = sub.add_parser("restore", help="用备份替换数据库（先验证；当前数据库先另存为备份）")
    add_db_argument(rs)
    rs.add_argument("backup", metavar="BACKUP", help="备份名称（见 backup list）或备份文件夹")
    rs.add_argument("--other-site", action="store_true",
                    help="允许恢复另一个站点（另一个调委会或司法所）的备份")
    rs.add_argument("--json", action="store_true", help="以 JSON 输出")
    rs.set_defaults(run=run_restore)


def _manager(args):
    from mediator_desk.core.backup import BackupManager
    from mediator_desk.core.desk import database_path

    return BackupManager.for_path(database_path(getattr(args, "db", None)))


def _second_line(second: dict) -> str:
    return second.get("message", "") if second.get("status") != "none" else ""


def run_create(args) -> int:
    bar = _Bar("正在备份")
    with open_desk(args, create=False) as desk:
        try:
            res = desk.backups.create(kind="manual", progress=bar)
        finally:
            bar.finish()
        reminder = desk.backups.reminder()
    if args.json:
        print_json(dict(res, reminder=reminder))
        return 0
    print(f"已备份并验证：{res['name']}（{res['cases']} 件案件，{size_text(res['size'])}，"
          f"附件 {res['files']} 个）")
    print(f"位置：{res['path']}")
    if _second_line(res["second"]):
        print(_second_line(res["second"]))
    if reminder:
        print(f"提醒：{reminder}")
    return 0


def run_list(args) -> int:
    manager = _manager(args)
    rows = manager.list()
    reminder = manager.reminder()
    if args.json:
        print_json({"root": str(manager.root), "backups": rows, "reminder": reminder})
        return 0
    if not rows:
        print(f"还没有备份（备份文件夹：{manager.root}）")
    for r in rows:
        checked = "已验证" if r["verified"] else ("验证未通过" if r["verified_at"] else "未验证")
        place = "" if r["place"] == "here" else "  [第二个备份文件夹]"
        print(f"{r['name']}  {r['created_local']}  {r['kind_label']}  {size_text(r['size'])}  "
              f"{r['cases']} 件案件  {checked}{place}")
    if rows:
        print(f"共 {len(rows)} 个备份；备份文件夹：{manager.root}")
    if reminder:
        print(f"提醒：{reminder}")
    return 0


def run_verify(args) -> int:
    manager = _manager(args)
    if args.backup:
        targets = [args.backup]
    else:
        targets = [r["path"] for r in manager.list() if r["place"] == "here"]
        if not targets:
            print(f"还没有备份（备份文件夹：{manager.root}）")
            return 0
    results, failed = [], 0
    for target in targets:
        bar = _Bar("正在验证")
        try:
            res = manager.verify(target, progress=bar)
        finally:
            bar.finish()
        results.append(res)
        if not res["ok"]:
            failed += 1
        if not args.json:
            if res["ok"]:
                print(f"{res['name']}：验证通过（{res['cases']} 件案件）")
            else:
                print(f"{res['name']}：验证未通过：{'；'.join(res['problems'])}")
    if args.json:
        print_json(results)
    return 1 if failed else 0


def run_settings(args) -> int:
    if args.second_folder is None and args.reminder_days is None:
        values = _manager(args).settings()
    else:
        with open_desk(args, create=False) as desk:
            values = desk.backups.set_settings(second_folder=args.second_folder,
                                               reminder_days=args.reminder_days)
    if args.json:
        print_json(values)
        return 0
    print(f"备份文件夹：{values['root']}")
    print(f"第二个备份文件夹：{values['second_folder'] or '（未设置）'}")
    print(f"提醒天数：{values['reminder_days']}")
    if values["second_copy_at"]:
        print(f"上次复制到第二个备份文件夹：{values['second_copy_at']}")
    return 0


def run_restore(args) -> int:
    manager = _manager(args)
    bar = _Bar("正在恢复")
    try:
        res = manager.restore(args.backup, other_site=args.other_site, progress=bar)
    finally:
        bar.finish()
    if args.json:
        print_json(res)
        return 0
    print(f"已恢复备份：{res['restored']}（{res['cases']} 件案件）")
    if res["kept"]:
        what = "原数据库已损坏，已原样保存为" if res["kept_damaged"] else "恢复前的数据库已备份为"
        print(f"{what}：{res['kept']}")
    if res["migrated_from"]:
        print(f"备份的结构版本较旧（{res['migrated_from']}），已升级恢复出的数据库（备份本身未改动）")
    if res["files_restored"]:
        print(f"已恢复附件文件 {res['files_restored']} 个")
    if res["files_missing"]:
        print(f"有 {res['files_missing']} 个附件文件在备份中找不到")
    if res["keys"] in ("restored", "replaced"):
        print("已从备份恢复本站密钥")
    return 0
