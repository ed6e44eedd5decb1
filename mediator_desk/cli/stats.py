"""Commands: stats (figures by period, organisation and dimension; XLSX/PDF export) and
report status|close|lock|reminders (completeness, a committee's monthly declaration, the
office's lock)."""

from __future__ import annotations

import unicodedata

from mediator_desk.cli import add_db_argument, open_desk, print_json
from mediator_desk.core.statistics.indicators import shown

# Columns shown in the terminal unless --indicators names others (--json has them all).
MAIN = ("accepted", "mediated", "success", "success_rate", "people", "amount", "performed",
        "confirmed", "hard", "prev_dispute", "screen_found")


def register(sub) -> None:
    stats = sub.add_parser("stats", help="统计：按期间、调委会、纠纷类型等汇总（可导出 XLSX/PDF）")
    add_db_argument(stats)
    _period_args(stats)
    stats.add_argument("--by", default="org",
                       help="分组：org（调委会，默认）| type | source | mediator | month，"
                            "可用逗号组合，如 org,type")
    stats.add_argument("--indicators", default="",
                       help="终端中显示的指标（逗号分隔的指标代码；默认为主要指标）")
    stats.add_argument("--organisation", action="store_true",
                       help="组织队伍：各调委会的调委会数和调解员（专职、受过法律培训、学历、称号、女性、"
                            "少数民族），为登记册的现状")
    stats.add_argument("--json", action="store_true", help="以 JSON 输出全部指标")
    stats.add_argument("--format", choices=("xlsx", "pdf"), help="导出为文件的格式")
    stats.add_argument("--out", metavar="FILE", help="导出文件（与 --format 同用）")
    stats.set_defaults(run=run_stats)

    report = sub.add_parser("report", help="月报报送：报送情况、本月报送/零上报、锁定上报")
    rsub = report.add_subparsers(dest="report_command", metavar="SUBCOMMAND", required=True)
    status = rsub.add_parser("status", help="各调委会报送情况（已报送、零上报、未报送）")
    close = rsub.add_parser("close", help="本调委会报送本月（无案件时为零上报）")
    lock = rsub.add_parser("lock", help="锁定本级报表（上报后；此后的变动显示为更正）")
    remind = rsub.add_parser("reminders", help="未报送调委会的催报名单（可导出 XLSX）")
    for p in (status, close, lock, remind):
        add_db_argument(p)
        _period_args(p)
    status.add_argument("--json", action="store_true")
    close.add_argument("--note", default="", help="说明")
    remind.add_argument("--out", metavar="FILE", help="导出为 XLSX")
    remind.add_argument("--json", action="store_true")
    status.set_defaults(run=run_status)
    close.set_defaults(run=run_close)
    lock.set_defaults(run=run_lock)
    remind.set_defaults(run=run_reminders)


def _period_args(parser) -> None:
    parser.add_argument("--period", default="",
                        help="期间：2026-11 | 2026Q4 | 2026H2 | 2026 | 2026-01-01..2026-03-31"
                             "（默认：上个月）")
    parser.add_argument("--org", default=None, help="调委会（名称、简称或编号；默认：本调委会）")


def _period(args) -> str:
    from mediator_desk.core.clock import today
    from mediator_desk.core.statistics.periods import previous_month

    return args.period or previous_month(today())


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, *, right: bool = False) -> str:
    gap = " " * max(0, width - _width(text))
    return gap + text if right else text + gap


def print_figures(figures, keys) -> None:
    from mediator_desk.core.statistics import BY_KEY, DIMENSIONS

    inds = [BY_KEY[k] for k in keys]
    head = ["／".join(DIMENSIONS[d] for d in figures.by)] + [
        f"{i.label}({i.unit})" for i in inds]
    body = [[figures.label(r)] + [shown(r.value(i), i.unit) for i in inds]
            for r in figures.rows + [figures.total]]
    print_rows(head, body)


def print_rows(head: list[str], body: list[list[str]]) -> None:
    """A table aligned for the terminal (Chinese characters are two columns wide); the last
    row is the total."""
    widths = [max(_width(row[j]) for row in [head] + body) for j in range(len(head))]
    for k, row in enumerate([head] + body):
        print("  ".join(_pad(cell, widths[j], right=j > 0) for j, cell in enumerate(row)))
        if k == 0 or k == len(body) - 1:
            print("-" * (sum(widths) + 2 * (len(widths) - 1)))


def run_stats(args) -> int:
    from mediator_desk.core.statistics import BY_KEY
    from mediator_desk.errors import ValidationError

    by = tuple(b.strip() for b in args.by.split(",") if b.strip())
    keys = [k.strip() for k in args.indicators.split(",") if k.strip()] or list(MAIN)
    for k in keys:
        if k not in BY_KEY:
            raise ValidationError(f"未知的统计指标“{k}”（可选：{'、'.join(BY_KEY)}）")
    with open_desk(args, create=False) as desk:
        if args.organisation:
            org = desk.statistics.organisation(org=args.org)
            if args.json:
                print_json(org)
                return 0
            head = ["调委会"] + [label for _, label in org["columns"]]
            body = [[r["label"]] + [shown(r["values"][k]) for k, _ in org["columns"]]
                    for r in org["rows"]]
            body.append(["合计"] + [shown(org["total"][k]) for k, _ in org["columns"]])
            print(f"{org['org']['name']}　调解组织和调解员")
            print_rows(head, body)
            return 0
        if args.format or args.out:
            from mediator_desk.documents.render import write_output
            from mediator_desk.documents.statistics import export_report

            if not (args.format and args.out):
                raise ValidationError("导出文件请同时给出 --format（xlsx 或 pdf）和 --out 文件名")
            data = export_report(desk, _period(args), fmt=args.format, org=args.org, by=by)
            path = write_output(data, args.out)
            print(f"已导出：{path}")
            return 0
        figures = desk.statistics.report(_period(args), org=args.org, by=by)
        if args.json:
            print_json(figures.as_dict())
            return 0
        header = desk.statistics.header(figures)
        print(f"{header['title']}　{header['unit']}　{header['period']}")
        print_figures(figures, keys)
        fixes = desk.statistics.corrections(figures.period, org=args.org, figures=figures) \
            if by == ("org",) else []
        if fixes:
            print(f"锁定上报后的更正（{len(fixes)} 项）：")
            for c in fixes:
                print(f"  {c['label']}　{c['indicator_label']}：上报 {shown(c['submitted'])}"
                      f" → 现为 {shown(c['now'])}")
        return 0


def run_status(args) -> int:
    with open_desk(args, create=False) as desk:
        status = desk.statistics.completeness(_period(args), org=args.org)
        if args.json:
            print_json(status)
            return 0
        rate = "—" if status["rate"] is None else f"{status['rate']}%"
        print(f"{status['org']}　{status['period_label']}：应报 {status['expected']}，"
              f"已报 {status['reported']}（其中零上报 {status['zero']}），未报 {status['missing']}，"
              f"报送率 {rate}，按时（期末后{status['on_time_days']}天内）{status['on_time']}")
        width = max([_width(u["name"]) for u in status["units"]] + [4])
        for u in status["units"]:
            late = "" if u["on_time"] or u["state"] == "missing" else "　逾期"
            print(f"  {_pad(u['name'], width)}  {u['state_label']}"
                  f"{'　' + u['closed_on'] if u['closed_on'] else ''}{late}")
        return 0


def run_close(args) -> int:
    with open_desk(args) as desk:
        stats = desk.statistics
        month = stats.month_figures(_period(args), org=args.org)
        done = stats.close_month(month.period, org=args.org, note=args.note)
        kind = "零上报" if done["zero"] else "本月已报送"
        print(f"{done['org']} {month.period.label}：{kind}（{done['closed_on']}）")
        if not done["zero"]:
            print_figures(month, MAIN)
        return 0


def run_lock(args) -> int:
    with open_desk(args) as desk:
        done = desk.statistics.lock(_period(args), org=args.org)
        print(f"已锁定：{done['org']} {done['period']}（{done['locked_on']}）；"
              "此后该期间的变动将显示为更正")
        return 0


def run_reminders(args) -> int:
    with open_desk(args, create=False) as desk:
        if args.out:
            from mediator_desk.documents.render import write_output
            from mediator_desk.documents.statistics import export_reminders

            path = write_output(export_reminders(desk, _period(args), org=args.org), args.out)
            print(f"已导出：{path}")
            return 0
        reminders = desk.statistics.reminders(_period(args), org=args.org)
        if args.json:
            print_json(reminders)
            return 0
        if not reminders:
            print("各调委会均已报送")
        for r in reminders:
            people = "；".join(f"{c['name']} {c['phone']}".strip() for c in r["contacts"]) or "（无联系人）"
            print(f"{r['name']}　未报：{'、'.join(r['missing_months'])}　{people}")
        return 0
