"""The statistics report as an XLSX workbook (XlsxWriter, imported only here).

One sheet per table: the report (committees × indicators with the total row), the same by
dispute type, the organisation figures, the completeness of the committees' reports and, for
a locked period, the corrections. Numbers are numbers (a rate in per cent with one decimal,
amounts in 元 with two), headers Chinese, header rows frozen, each sheet set up for A4
landscape fitted to one page wide. Opens cleanly in WPS and Excel.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from mediator_desk.core.statistics import DIMENSIONS, INDICATORS

if TYPE_CHECKING:
    from mediator_desk.core.statistics import Figures

FONT = "宋体"


def _formats(book) -> dict:
    base = {"font_name": FONT, "font_size": 10, "border": 1, "valign": "vcenter"}
    return {
        "title": book.add_format({"font_name": FONT, "font_size": 16, "bold": True,
                                  "align": "center"}),
        "meta": book.add_format({"font_name": FONT, "font_size": 10}),
        "head": book.add_format(base | {"bold": True, "align": "center", "text_wrap": True,
                                        "bg_color": "#E8EEF4"}),
        "label": book.add_format(base),
        "int": book.add_format(base | {"num_format": "#,##0"}),
        "rate": book.add_format(base | {"num_format": "0.0"}),
        "money": book.add_format(base | {"num_format": "#,##0.00"}),
        "total_label": book.add_format(base | {"bold": True}),
        "total_int": book.add_format(base | {"bold": True, "num_format": "#,##0"}),
        "total_rate": book.add_format(base | {"bold": True, "num_format": "0.0"}),
        "total_money": book.add_format(base | {"bold": True, "num_format": "#,##0.00"}),
    }


def _setup(sheet, *, header_rows: int, columns: int) -> None:
    sheet.set_landscape()
    sheet.set_paper(9)                 # A4
    sheet.fit_to_pages(1, 0)
    sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    sheet.repeat_rows(header_rows - 2, header_rows - 1)
    sheet.freeze_panes(header_rows, 1)
    sheet.set_column(0, 0, 26)
    sheet.set_column(1, columns, 9)


def _kind_of(unit: str) -> str:
    return {"%": "rate", "元": "money"}.get(unit, "int")


def _figures_sheet(book, fmt, name: str, figures: "Figures", header: dict) -> None:
    sheet = book.add_worksheet(name)
    n = len(INDICATORS)
    sheet.merge_range(0, 0, 0, n, header["title"], fmt["title"])
    sheet.write(1, 0, f"填报单位：{header['unit']}", fmt["meta"])
    sheet.write(1, n // 2, f"统计期间：{header['period']}", fmt["meta"])
    # two header rows: the group above, the indicator with its unit below
    by = "／".join(DIMENSIONS[d] for d in figures.by) or "合计"
    sheet.merge_range(2, 0, 3, 0, by, fmt["head"])
    col = 1
    while col <= n:
        group = INDICATORS[col - 1].group
        end = col
        while end < n and INDICATORS[end].group == group:
            end += 1
        if end > col:
            sheet.merge_range(2, col, 2, end, group, fmt["head"])
        else:
            sheet.write(2, col, group, fmt["head"])
        col = end + 1
    for j, ind in enumerate(INDICATORS, start=1):
        sheet.write(3, j, f"{ind.label}（{ind.unit}）", fmt["head"])
    sheet.set_row(3, 42)
    rows = figures.matrix()
    for i, values in enumerate(rows, start=4):
        total = i == 3 + len(rows)
        sheet.write_string(i, 0, values[0], fmt["total_label" if total else "label"])
        for j, ind in enumerate(INDICATORS, start=1):
            kind = _kind_of(ind.unit)
            style = fmt[f"total_{kind}" if total else kind]
            v = values[j]
            if v is None:
                sheet.write_blank(i, j, None, style)
            else:
                sheet.write_number(i, j, v, style)
    foot = 5 + len(rows)
    sheet.write(foot, 0, f"填报人：{header['filled_by']}", fmt["meta"])
    sheet.write(foot, n // 3, f"审核人：{header['reviewer']}", fmt["meta"])
    sheet.write(foot, 2 * n // 3, f"填报日期：{header['date']}", fmt["meta"])
    _setup(sheet, header_rows=4, columns=n)


def _plain_sheet(book, fmt, name: str, title: str, head: list[str], rows: list[list],
                 total: list | None = None) -> None:
    sheet = book.add_worksheet(name)
    sheet.merge_range(0, 0, 0, max(1, len(head) - 1), title, fmt["title"])
    for j, h in enumerate(head):
        sheet.write(1, j, h, fmt["head"])
    for i, values in enumerate(rows + ([total] if total else []), start=2):
        last = total is not None and i == 1 + len(rows) + 1
        for j, v in enumerate(values):
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                sheet.write_number(i, j, v, fmt["total_int" if last else "int"]
                                   if isinstance(v, int) else fmt["rate"])
            elif v is None:
                sheet.write_blank(i, j, None, fmt["label"])
            else:
                sheet.write_string(i, j, str(v), fmt["total_label" if last else "label"])
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(1)
    sheet.freeze_panes(2, 1)
    sheet.set_column(0, 0, 26)
    sheet.set_column(1, len(head), 12)


def workbook(*, report: "Figures", header: dict, by_type: "Figures | None" = None,
             organisation: dict | None = None, completeness: dict | None = None,
             corrections: list[dict] | None = None) -> bytes:
    """The workbook as bytes (``documents.render.write_output`` saves it)."""
    import xlsxwriter

    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    fmt = _formats(book)
    _figures_sheet(book, fmt, header["title"][-2:] if report.by == ("org",) else "统计表",
                   report, header)
    if by_type is not None:
        _figures_sheet(book, fmt, "按纠纷类型", by_type, header | {
            "title": header["title"] + "（按纠纷类型）"})
    if organisation is not None:
        cols = organisation["columns"]
        _plain_sheet(book, fmt, "组织队伍", f"{organisation['org']['name']} 调解组织和调解员",
                     ["调委会"] + [label for _, label in cols],
                     [[r["label"]] + [r["values"][k] for k, _ in cols]
                      for r in organisation["rows"]],
                     ["合计"] + [organisation["total"][k] for k, _ in cols])
    if completeness is not None:
        _plain_sheet(book, fmt, "报送情况", f"{completeness['org']} {completeness['period_label']}"
                     f"报送情况（应报{completeness['expected']}，已报{completeness['reported']}，"
                     f"报送率{completeness['rate'] if completeness['rate'] is not None else '—'}%）",
                     ["调委会", "状态", "报送日期", "按时"],
                     [[u["name"], u["state_label"], u["closed_on"], "是" if u["on_time"] else "否"]
                      for u in completeness["units"]])
    if corrections:
        _plain_sheet(book, fmt, "更正", "锁定上报后的更正（上报数 → 现数）",
                     ["调委会", "指标", "上报数", "现数"],
                     [[c["label"], c["indicator_label"], c["submitted"], c["now"]]
                      for c in corrections])
    book.close()
    return out.getvalue()


def reminder_workbook(reminders: list[dict], *, title: str) -> bytes:
    """The committees that have not reported, one line per contact, for phoning round."""
    import xlsxwriter

    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    fmt = _formats(book)
    rows = []
    for r in reminders:
        months = "、".join(r["missing_months"])
        for c in r["contacts"] or [{"name": "", "phone": "", "title": ""}]:
            rows.append([r["name"], months, c["name"], c["title"], c["phone"]])
    _plain_sheet(book, fmt, "催报名单", title, ["调委会", "未报月份", "联系人", "职务/称号", "电话"],
                 rows)
    book.close()
    return out.getvalue()
