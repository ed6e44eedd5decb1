"""Command: print — the standard documents as PDF or DOCX, blank forms, the whole case file.

    mediator-desk print --list
    mediator-desk print --db PATH --case CASE_NO --doc agreement [--format pdf|docx] --out FILE
    mediator-desk print --db PATH --doc investigation --blank --out FILE
    mediator-desk print --db PATH --case CASE_NO --dossier --out FILE

Every print that writes a file is audited (who, when, which document); printing never marks
an agreement signed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mediator_desk.cli import add_db_argument, open_desk
from mediator_desk.errors import DeskError


def register(sub) -> None:
    p = sub.add_parser("print", help="打印文书：PDF 或 DOCX，空白文书，整本卷宗")
    add_db_argument(p)
    p.add_argument("--list", action="store_true", help="列出可打印的文书")
    p.add_argument("--case", metavar="CASE_NO", help="案件编号，如（2026）红旗人调字第1号")
    p.add_argument("--doc", metavar="KIND", help="文书（代码或中文名称，见 --list）")
    p.add_argument("--format", choices=("pdf", "docx"), help="输出格式（默认按 --out 的扩展名，否则 pdf）")
    p.add_argument("--out", metavar="FILE", help="输出文件")
    p.add_argument("--blank", action="store_true", help="打印空白文书（只印调委会名称，供手写）")
    p.add_argument("--dossier", action="store_true", help="打印整本卷宗（PDF）")
    p.add_argument("--record", metavar="N", type=int,
                   help="只打印第N份记录（调查记录、调解记录、协议、回访记录等有多份时）")
    p.set_defaults(run=run_print)


def run_print(args) -> int:
    from mediator_desk import documents

    if args.list:
        print("代码\t文书")
        for kind in documents.list_kinds():
            print(f"{kind.code}\t{kind.label}")
        return 0
    if not args.out:
        raise DeskError("请用 --out 指定输出文件")
    fmt = args.format or ("docx" if Path(args.out).suffix.lower() == ".docx" else "pdf")
    if args.dossier:
        if fmt != "pdf":
            raise DeskError("整本卷宗只能输出为 PDF")
        if not args.case:
            raise DeskError("打印卷宗请用 --case 指定案件编号")
        with open_desk(args, create=False) as desk:
            case_id = desk.cases.find_by_number(args.case)
            result = documents.render_dossier(desk, case_id)
            path = documents.write_output(result.pdf, args.out)
            documents.record_print(desk, kind="dossier", fmt="pdf", case_id=case_id,
                                   target=str(path))
        for warning in result.warnings:
            print(f"注意：{warning}", file=sys.stderr)
        print(f"已生成卷宗：{path}（卷内{result.pages}页）")
        return 0
    if not args.doc:
        raise DeskError("请用 --doc 指定文书（可用的文书见 --list），或用 --dossier 打印整本卷宗")
    kind = documents.find_kind(args.doc)
    with open_desk(args, create=False) as desk:
        if args.blank:
            data = documents.render_blank(desk, kind, fmt)
            path = documents.write_output(data, args.out)
            documents.record_print(desk, kind=kind, fmt=fmt, blank=True, target=str(path))
            print(f"已生成空白{kind.label}：{path}")
            return 0
        if not args.case:
            raise DeskError("请用 --case 指定案件编号，或用 --blank 打印空白文书")
        case_id = desk.cases.find_by_number(args.case)
        record_id = _record_id(desk, documents, case_id, kind, args.record)
        data = documents.render(desk, case_id, kind, fmt, record_id=record_id)
        warnings = documents.warnings_for(desk, case_id, kind, record_id=record_id)
        path = documents.write_output(data, args.out)
        documents.record_print(desk, kind=kind, fmt=fmt, case_id=case_id, target=str(path),
                               record_id=record_id or "")
    for warning in warnings:
        print(f"注意：{warning}", file=sys.stderr)
    print(f"已生成{kind.label}：{path}")
    return 0


def _record_id(desk, documents, case_id: str, kind, number: int | None) -> str | None:
    """The id of the N-th record of a per-record kind (1-based), or None for all."""
    if number is None:
        return None
    if kind.scope != "record":
        raise DeskError(f"“{kind.label}”每案只有一份，不需要 --record")
    rows = {
        "investigation": lambda: desk.sessions.investigations(case_id),
        "mediation_record": lambda: desk.sessions.mediations(case_id),
        "followup": lambda: desk.followups.for_case(case_id),
    }.get(kind.code)
    if rows is None:
        form = "oral" if kind.code == "oral_agreement" else "written"
        records = [a for a in desk.agreements.for_case(case_id) if a["form"] == form]
    else:
        records = rows()
    if not 1 <= number <= len(records):
        raise DeskError(f"本案只有{len(records)}份{kind.label}，没有第{number}份")
    return records[number - 1]["id"]
