"""Commands of the mediation path: todo (the to-do list of deadlines)."""

from __future__ import annotations

from datetime import date

from mediator_desk.cli import add_db_argument, open_desk, print_json
from mediator_desk.errors import ValidationError


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError(f"日期格式不正确：{text}（应为 YYYY-MM-DD）", field="today") from None


def register(sub) -> None:
    todo = sub.add_parser("todo", help="待办事项：回访、履行期限、司法确认期限、超期案件、未报告的风险")
    add_db_argument(todo)
    todo.add_argument("--today", metavar="YYYY-MM-DD", help="按这一天计算（默认今天）")
    todo.add_argument("--json", action="store_true", help="以 JSON 输出")
    todo.set_defaults(run=run_todo)


def run_todo(args) -> int:
    from mediator_desk.core.todo import KINDS

    day = _day(args.today) if args.today else None
    with open_desk(args, create=False) as desk:
        items = desk.todo(today=day)
        if args.json:
            print_json([i.as_dict() for i in items])
            return 0
        counts = dict.fromkeys(KINDS, 0)
        for i in items:
            counts[i.kind] += 1
            print(f"{i.due}\t{i.kind_label}\t{i.case_no}\t{i.description}")
        print("共 {} 项（{}）".format(
            len(items), "，".join(f"{KINDS[k]} {n}" for k, n in counts.items())))
        return 0
