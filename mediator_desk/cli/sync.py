"""Commands for sync between villages and the township office.

    site init|show|list|accept|revoke     who this install is; the sites it knows
    key backup|restore                    the site's private keys (passphrase-protected file)
    enrol export|import                   first contact: the office's enrolment file
    bundle export|inspect|import          village → office
    receipt export|import                 office → village (acknowledgements and returns)
    review add|list                       the office's comments, approvals and returns
    conflict list|resolve                 conflicts kept for review
    sync log                              every file imported, and what became of it
"""

from __future__ import annotations

import getpass
import os
import sys

from mediator_desk.cli import add_db_argument, open_desk, print_json
from mediator_desk.errors import DeskError, ValidationError

PASSPHRASE_ENV = "MEDIATOR_DESK_PASSPHRASE"


def _cmd(sub, name: str, help: str, run, *, json_flag: bool = False):
    p = sub.add_parser(name, help=help)
    add_db_argument(p)
    if json_flag:
        p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(run=run)
    return p


def register(sub) -> None:
    site = sub.add_parser("site", help="站点：初始化、查看、接受或吊销村调委会")
    s = site.add_subparsers(dest="site_command", metavar="SUBCOMMAND", required=True)
    p = _cmd(s, "init", "初始化本站同步身份（生成密钥）", run_site_init)
    p.add_argument("--role", required=True, choices=["village", "office"],
                   help="village = 村（社区）调委会；office = 乡镇（街道）司法所")
    p.add_argument("--name", default=None, help="站点名称（默认：调委会名称）")
    _cmd(s, "show", "显示本站身份、指纹和已登记的站点", run_site_show, json_flag=True)
    _cmd(s, "list", "列出已登记的站点", run_site_list, json_flag=True)
    p = _cmd(s, "accept", "核对指纹后接受一个村（司法所端）", run_site_accept)
    p.add_argument("fingerprint", metavar="FINGERPRINT", help="对方读出的16位指纹")
    p.add_argument("--bundle", required=True, metavar="FILE", help="该村的同步包（.mdsync）")
    p = _cmd(s, "revoke", "吊销一个村：此后拒绝其文件（司法所端）", run_site_revoke)
    p.add_argument("site", metavar="SITE", help="村的编号、编号前缀、名称或指纹")

    key = sub.add_parser("key", help="密钥备份与恢复")
    k = key.add_subparsers(dest="key_command", metavar="SUBCOMMAND", required=True)
    p = _cmd(k, "backup", "把本站密钥备份到有口令保护的文件", run_key_backup)
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--passphrase-file", metavar="FILE", help=f"从文件读口令（或环境变量 {PASSPHRASE_ENV}）")
    p = _cmd(k, "restore", "从备份文件恢复本站密钥", run_key_restore)
    p.add_argument("file", metavar="FILE")
    p.add_argument("--passphrase-file", metavar="FILE")
    p.add_argument("--replace", action="store_true", help="替换本站现有的不同密钥")
    p.add_argument("--adopt-identity", action="store_true",
                   help="新安装的空数据库接管备份中的站点身份（更换电脑时）")

    enrol = sub.add_parser("enrol", help="登记：司法所导出登记文件，村导入")
    e = enrol.add_subparsers(dest="enrol_command", metavar="SUBCOMMAND", required=True)
    p = _cmd(e, "export", "导出本司法所的登记文件（司法所端）", run_enrol_export)
    p.add_argument("--out", required=True, metavar="FILE")
    p = _cmd(e, "import", "导入司法所的登记文件（村端）", run_enrol_import, json_flag=True)
    p.add_argument("file", metavar="FILE")
    p.add_argument("--replace", action="store_true", help="改为向另一个司法所报送，或接受其新密钥")

    bundle = sub.add_parser("bundle", help="同步包：村导出，司法所检查和导入")
    b = bundle.add_subparsers(dest="bundle_command", metavar="SUBCOMMAND", required=True)
    p = _cmd(b, "export", "导出司法所尚未确认的全部内容（村端）", run_bundle_export, json_flag=True)
    p.add_argument("--to", default="", metavar="OFFICE", help="司法所（编号或名称；只登记一个时可省略）")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--full", action="store_true", help="不论是否已确认，重新发送全部内容")
    p = _cmd(b, "inspect", "查看同步文件的明文清单，判断本站能否导入", run_inspect, json_flag=True)
    p.add_argument("file", metavar="FILE")
    p = _cmd(b, "import", "导入村的同步包（司法所端）", run_bundle_import, json_flag=True)
    p.add_argument("file", metavar="FILE")
    p.add_argument("--dry-run", action="store_true", help="只显示预览，不导入")
    p.add_argument("--accept-fingerprint", metavar="FINGERPRINT",
                   help="首次接收该村的同步包：核对后输入对方指纹，接受并导入")

    receipt = sub.add_parser("receipt", help="回执：司法所导出，村导入")
    r = receipt.add_subparsers(dest="receipt_command", metavar="SUBCOMMAND", required=True)
    p = _cmd(r, "export", "为一个村导出回执（确认、意见、退回、代码表）", run_receipt_export,
             json_flag=True)
    p.add_argument("--to", required=True, metavar="VILLAGE")
    p.add_argument("--out", required=True, metavar="FILE")
    p = _cmd(r, "import", "导入司法所的回执（村端）", run_receipt_import, json_flag=True)
    p.add_argument("file", metavar="FILE")
    p.add_argument("--dry-run", action="store_true", help="只显示预览，不导入")

    review = sub.add_parser("review", help="审查意见：司法所对村案件的意见、审核、退回")
    v = review.add_subparsers(dest="review_command", metavar="SUBCOMMAND", required=True)
    p = _cmd(v, "add", "对一个案件添加意见、审核通过或退回", run_review_add)
    p.add_argument("case_no", metavar="CASE_NO")
    p.add_argument("--kind", required=True, choices=["comment", "approve", "return"])
    p.add_argument("--text", default="")
    p = _cmd(v, "list", "列出审查意见", run_review_list, json_flag=True)
    p.add_argument("--case", default="", metavar="CASE_NO")

    conflict = sub.add_parser("conflict", help="同步冲突：查看和处理")
    c = conflict.add_subparsers(dest="conflict_command", metavar="SUBCOMMAND", required=True)
    p = _cmd(c, "list", "列出冲突（默认只列未处理的）", run_conflict_list, json_flag=True)
    p.add_argument("--all", action="store_true")
    p = _cmd(c, "resolve", "处理一个冲突", run_conflict_resolve)
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("--keep", required=True, choices=["local", "incoming"],
                   help="local = 保留本站版本；incoming = 采用对方版本")

    syn = sub.add_parser("sync", help="同步记录")
    y = syn.add_subparsers(dest="sync_command", metavar="SUBCOMMAND", required=True)
    _cmd(y, "log", "导入记录：每个文件及其结果", run_sync_log, json_flag=True)


# --- site -----------------------------------------------------------------------------------
def run_site_init(args) -> int:
    from mediator_desk import sync

    with open_desk(args) as desk:
        info = sync.init_site(desk, role=args.role, name=args.name)
    print(f"本站：{info['name'] or '（未命名）'}（{info['role_label']}）")
    print(f"站点编号：{info['site_id']}")
    print(f"指纹：{info['fingerprint']}")
    print(f"密钥保存在：{info['keys_dir']}")
    return 0


def _print_peers(peers) -> None:
    for p in peers:
        line = (f"  {p['role_label']}　{p['name']}　{p['site_id'][:8]}　指纹 {p['fingerprint']}"
                f"　{p['status_label']}")
        if p["role"] == "village":
            line += f"　已收到序号 {p['recv_seq']}　回执 {p['receipt_no']} 份"
        else:
            line += f"　已确认序号 {p['acked_seq']}"
        print(line)


def run_site_show(args) -> int:
    from mediator_desk import sync

    with open_desk(args, create=False) as desk:
        info = sync.site_info(desk)
    if args.json:
        print_json(info)
        return 0
    print(f"本站：{info['name'] or '（未命名）'}（{info['role_label']}）")
    print(f"站点编号：{info['site_id']}")
    print(f"指纹：{info['fingerprint'] or '（未初始化，请运行 site init）'}")
    if info["peers"]:
        print("已登记的站点：")
        _print_peers(info["peers"])
    return 0


def run_site_list(args) -> int:
    from mediator_desk import sync

    with open_desk(args, create=False) as desk:
        peers = sync.list_peers(desk)
    if args.json:
        print_json(peers)
        return 0
    _print_peers(peers)
    print(f"共 {len(peers)} 个")
    return 0


def run_site_accept(args) -> int:
    from mediator_desk import sync

    with open_desk(args, create=False) as desk:
        peer = sync.accept_site(desk, args.bundle, args.fingerprint)
    print(f"已接受：{peer['name']}（{peer['site_id'][:8]}，指纹 {peer['fingerprint']}）")
    return 0


def run_site_revoke(args) -> int:
    from mediator_desk import sync

    with open_desk(args, create=False) as desk:
        peer = sync.revoke_site(desk, args.site)
    print(f"已吊销：{peer['name']}（{peer['site_id'][:8]}）；此后拒绝其文件，已导入的记录保留")
    return 0


# --- keys -----------------------------------------------------------------------------------
def _passphrase(args, *, confirm: bool) -> str:
    if args.passphrase_file:
        try:
            with open(args.passphrase_file, encoding="utf-8") as fh:
                return fh.readline().rstrip("\r\n")
        except OSError as exc:
            raise DeskError(f"无法读取口令文件：{exc.strerror or exc}") from None
    if os.environ.get(PASSPHRASE_ENV):
        return os.environ[PASSPHRASE_ENV]
    if not sys.stdin.isatty():
        raise ValidationError(f"请用 --passphrase-file 或环境变量 {PASSPHRASE_ENV} 提供口令",
                              field="passphrase")
    first = getpass.getpass("口令：")
    if confirm and getpass.getpass("再输入一次：") != first:
        raise ValidationError("两次输入的口令不一致", field="passphrase")
    return first


def run_key_backup(args) -> int:
    from mediator_desk import sync

    with open_desk(args, create=False) as desk:
        path = sync.backup_keys(desk, args.out, _passphrase(args, confirm=True))
    print(f"密钥已备份到：{path}（请与口令分开保管）")
    return 0


def run_key_restore(args) -> int:
    from mediator_desk import sync

    with open_desk(args) as desk:
        info = sync.restore_keys(desk, args.file, _passphrase(args, confirm=False),
                                 replace=args.replace, adopt_identity=args.adopt_identity)
    print(f"密钥已恢复：{info['name']}（{info['role_label']}），指纹 {info['fingerprint']}")
    return 0


# --- enrolment ------------------------------------------------------------------------------
def run_enrol_export(args) -> int:
    from mediator_desk import sync

    with open_desk(args, create=False) as desk:
        res = sync.export_enrolment(desk, args.out)
    print(f"登记文件已导出：{res['path']}")
    print(f"本所指纹：{res['fingerprint']}（请村里导入后核对）")
    return 0


def run_enrol_import(args) -> int:
    from mediator_desk import sync

    with open_desk(args, create=False) as desk:
        res = sync.import_enrolment(desk, args.file, replace=args.replace)
        mine = sync.site_info(desk)["fingerprint"]
    if args.json:
        print_json(dict(res.as_dict(), own_fingerprint=mine))
        return 0
    if res.status == "already":
        print("此登记文件已导入过，未作任何更改")
    print(f"已登记到：{res.sender['name']}")
    print(f"司法所指纹：{res.extra['fingerprint']}（请与司法所核对）")
    print(f"本站指纹：{mine}（司法所接受本站第一个同步包时核对）")
    return 0


# --- bundles --------------------------------------------------------------------------------
class _Printer:
    """Progress on stderr for long commands (only on a terminal)."""

    cancelled = False

    def __init__(self):
        self.tty = sys.stderr.isatty()

    def update(self, done: int, total: int) -> None:
        if self.tty and total:
            print(f"\r进度 {100 * done // total:3d}%", end="", file=sys.stderr, flush=True)

    def finish(self) -> None:
        if self.tty:
            print("\r" + " " * 12 + "\r", end="", file=sys.stderr, flush=True)


def run_bundle_export(args) -> int:
    from mediator_desk import sync

    bar = _Printer()
    with open_desk(args, create=False) as desk:
        res = sync.export_bundle(desk, args.out, to=args.to or None, full=args.full, progress=bar)
    bar.finish()
    if args.json:
        print_json(res)
        return 0
    ch = res["changes"]
    print(f"同步包已导出：{res['path']}（{res['size']} 字节）")
    print(f"接收方：{res['receiver']['name']}；变更序号 {ch['from']}–{ch['to']}"
          f"（司法所已确认至 {ch['prerequisite']}）")
    _print_counts(res["counts"])
    return 0


def _print_counts(counts) -> None:
    from mediator_desk.sync.apply import TABLE_LABELS

    parts = [f"{TABLE_LABELS.get(t, t)} {c['upsert']}" + (f"（删除 {c['delete']}）" if c["delete"]
                                                         else "")
             for t, c in counts["tables"].items()]
    print("内容：" + ("，".join(parts) if parts else "无记录变更")
          + f"；操作记录 {counts['audit']}；附件 {counts['files']}")


def run_inspect(args) -> int:
    from mediator_desk import sync

    from mediator_desk.core.desk import database_path

    # "Can THIS install import it?": the database named by --db, else the default one if any.
    desk_ctx = open_desk(args, create=False) if database_path(args.db).is_file() else None
    if desk_ctx is None:
        res = sync.inspect_file(args.file)
    else:
        with desk_ctx as desk:
            res = sync.inspect_file(args.file, desk)
    if args.json:
        print_json(res)
        return 0 if res["can_import"] else 1
    m = res["manifest"]
    print(f"类型：{res['kind_label']}（格式版本 {m['format_version']}，数据结构 {m['schema_version']}）")
    print(f"编号：{m['bundle_id']}　生成时间：{m['created_at']}（UTC）")
    s = m["sender"]
    print(f"发送方：{s['name']}（{s['site_id'][:8]}，{sync.ROLES.get(s['role'], s['role'])}），"
          f"指纹 {res['fingerprint']}")
    if m.get("receiver"):
        print(f"接收方：{m['receiver']['name']}（{m['receiver']['site_id'][:8]}）")
    if m["kind"] == "bundle":
        ch = m["changes"]
        print(f"变更序号：{ch['from']}–{ch['to']}（前提：对方已确认至 {ch['prerequisite']}）")
    if m["kind"] == "receipt":
        rc = m["receipt"]
        print(f"回执第 {rc['receipt_no']} 号：确认收到序号 {rc['acked_seq']} 以前的记录")
    _print_counts(m["counts"])
    if res["can_import"]:
        print("本站可以导入此文件")
        return 0
    print("本站不能导入此文件：")
    for reason in res["reasons"]:
        print(f"  - {reason}")
    return 1


def _print_preview(preview) -> None:
    for t, c in preview.get("tables", {}).items():
        print(f"  {c['label']}：新增 {c['new']}，更新 {c['updated']}，未变 {c['unchanged']}，"
              f"冲突 {c['conflicts']}，删除 {c['deleted']}")
    a = preview.get("audit")
    if a:
        print(f"  操作记录：新增 {a['new']}，已有 {a['unchanged']}")
    f = preview.get("files")
    if f:
        print(f"  附件：收到 {f['received']}，新增 {f['new']}")


def run_bundle_import(args) -> int:
    from mediator_desk import sync

    bar = _Printer()
    with open_desk(args, create=False) as desk:
        res = sync.import_bundle(desk, args.file, dry_run=args.dry_run,
                                 accept_fingerprint=args.accept_fingerprint, progress=bar)
    bar.finish()
    if args.json:
        print_json(res.as_dict())
        return 0
    print(res.message)
    _print_preview(res.preview)
    return 0


def run_receipt_export(args) -> int:
    from mediator_desk import sync

    with open_desk(args, create=False) as desk:
        res = sync.export_receipt(desk, args.out, to=args.to)
    if args.json:
        print_json(res)
        return 0
    rc = res["receipt"]
    print(f"回执已导出：{res['path']}（给 {res['receiver']['name']}，第 {rc['receipt_no']} 号）")
    print(f"确认收到序号 {rc['acked_seq']} 以前的记录；附件 {res['files_acked']} 个")
    _print_counts(res["counts"])
    return 0


def run_receipt_import(args) -> int:
    from mediator_desk import sync

    with open_desk(args, create=False) as desk:
        res = sync.import_receipt(desk, args.file, dry_run=args.dry_run)
    if args.json:
        print_json(res.as_dict())
        return 0
    print(res.message)
    if res.extra.get("note"):
        print(f"注意：{res.extra['note']}")
    for msg in res.extra.get("messages", []):
        print(f"  {msg['case_no']}　{msg['kind_label']}　{msg['text']}"
              f"（{msg['reviewer']}，{msg['reviewed_on']}）")
    return 0


# --- reviews, conflicts, log ----------------------------------------------------------------
def run_review_add(args) -> int:
    with open_desk(args, create=False) as desk:
        case_id = desk.cases.find_by_number(args.case_no)
        desk.reviews.add(case_id, kind=args.kind, text=args.text)
    print("已记录，将随下一份回执发给该村")
    return 0


def run_review_list(args) -> int:
    with open_desk(args, create=False) as desk:
        if args.case:
            rows = desk.reviews.for_case(desk.cases.find_by_number(args.case))
            for r in rows:
                r["case_no"] = args.case
        else:
            rows = desk.reviews.list()
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        print(f"{r['case_no']}\t{r['kind_label']}\t{r['text']}\t{r['reviewer']}\t{r['reviewed_on']}")
    print(f"共 {len(rows)} 条")
    return 0


def run_conflict_list(args) -> int:
    from mediator_desk import sync

    with open_desk(args, create=False) as desk:
        rows = sync.list_conflicts(desk, status=None if args.all else "open")
    if args.json:
        print_json(rows)
        return 0
    for c in rows:
        print(f"#{c['id']}\t{c['table_label']} {c['record_id'][:8]}\t{c['reason_label']}\t"
              f"来自 {c['sender_name']}\t{'已处理' if c['status'] == 'resolved' else '待处理'}")
        for k in c["differs"]:
            print(f"    {k}：本站 {(c['local'] or {}).get(k)!r} ／ 对方 {(c['incoming'] or {}).get(k)!r}")
    print(f"共 {len(rows)} 处")
    return 0


def run_conflict_resolve(args) -> int:
    from mediator_desk import sync

    with open_desk(args, create=False) as desk:
        sync.resolve_conflict(desk, args.id, keep=args.keep)
    print(f"冲突 #{args.id} 已处理（{'保留本站版本' if args.keep == 'local' else '采用对方版本'}）")
    return 0


def run_sync_log(args) -> int:
    from mediator_desk import sync

    with open_desk(args, create=False) as desk:
        rows = sync.import_log(desk)
    if args.json:
        print_json(rows)
        return 0
    for e in rows:
        print(f"{e['at']}\t{e.get('file', '')}\t{e.get('sender_name') or e.get('sender', '')[:8]}\t"
              f"{e['result_label']}\t{e.get('message', '')}")
    print(f"共 {len(rows)} 条")
    return 0
