"""``mediator-desk --self-test``: check in a few seconds what a broken install gets wrong.

One line per check, in Chinese, for a CI log or a helpdesk reading it over the phone; the exit
status is 0 only if every check passed. Everything happens in a temporary folder: the user's
database is never opened.

It checks the whole application, so it sits beside the layers rather than in one: the checks
without Qt run here — the program, the font (present, embeddable, with the rare characters),
the form templates, a database created and migrated, sample data, an agreement printed to PDF
and read back (the font embedded, the text extractable) and as DOCX, the statistics of the
sample data as an XLSX workbook. The Qt checks (platform
plugin, the window font, translations, icon, QtPdf showing that PDF, printing, a QtCharts chart) run in a second
process (``--self-test-qt PDF``, gui/selftest.py): a missing platform plugin makes Qt abort the
whole process, which must not silence the report.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from mediator_desk import __version__

PASS, FAIL = "[通过]", "[失败]"
# Printed last by the Qt process, so that the parent knows it finished.
QT_DONE = "#qt-checks-done"
RARE = "䶮堃𫖮"


class CheckFailed(Exception):
    """A check failed; the message says what, in Chinese."""


@dataclass
class Outcome:
    label: str
    ok: bool
    detail: str

    def line(self) -> str:
        return f"{PASS if self.ok else FAIL} {self.label}：{self.detail}"


def run_check(label: str, fn, *args) -> Outcome:
    try:
        return Outcome(label, True, fn(*args))
    except CheckFailed as exc:
        return Outcome(label, False, str(exc))
    except Exception as exc:                       # a broken build fails in unforeseen ways
        return Outcome(label, False, f"{type(exc).__name__}: {exc}")


def _program() -> str:
    how = "独立安装版" if getattr(sys, "frozen", False) else f"Python {sys.version.split()[0]}"
    return f"人民调解工作台 {__version__}（{how}，{sys.executable}）"


def _font() -> str:
    from mediator_desk.documents import fonts

    path = fonts.font_path()
    from reportlab.pdfbase.ttfonts import TTFError, TTFontFile

    try:
        TTFontFile(str(path), validate=1)         # refuses a font that forbids embedding
    except TTFError as exc:
        raise CheckFailed(f"{path.name} 不能嵌入文书：{exc}") from exc
    missing = [ch for ch in "人民调解协议书" + RARE if ord(ch) not in fonts.cmap()]
    if missing:
        raise CheckFailed(f"{path.name} 缺少字符 {''.join(missing)}")
    return f"{path.name}（{path.stat().st_size / 1e6:.1f} MB），可嵌入，含生僻字 {RARE}"


def _templates() -> str:
    from mediator_desk.documents import KINDS
    from mediator_desk.documents.kinds import load_template
    from mediator_desk.shipped import forms_dir

    for kind in KINDS:
        load_template(kind)
    return f"{len(KINDS)} 种文书模板可读（{forms_dir()}）"


def _database(folder: Path, state: dict) -> str:
    from mediator_desk.demo.book import build_demo
    from mediator_desk.core.desk import Desk

    desk = Desk.open(folder / "selftest.db")
    state["desk"] = desk
    health = desk.health()
    if not health.ok or not health.schema:
        raise CheckFailed(f"新建的数据库不正常：完整性{health.integrity}，结构版本 {health.schema}，"
                          f"{health.pending} 步升级未完成")
    summary = build_demo(desk, cases=12, seed=1)
    return f"新建并升级到结构版本 {health.schema}，写入示例案件 {summary['cases']} 件"


def _agreement_pdf(folder: Path, state: dict) -> str:
    from mediator_desk.documents import render

    desk = state.get("desk")
    if desk is None:
        raise CheckFailed("数据库检查未通过，无法打印")
    case_id = next((c for c in desk.cases.search(limit=200) if desk.agreements.current(c)), None)
    if case_id is None:
        raise CheckFailed("示例数据中没有调解协议")
    data = render(desk, case_id, "agreement", "pdf")
    path = folder / "agreement.pdf"
    path.write_bytes(data)
    fonts, text = pdf_facts(path)
    not_embedded = [name for name, embedded in fonts if not embedded]
    if not fonts or not_embedded:
        raise CheckFailed("字体未嵌入：" + "、".join(not_embedded or ["（无字体）"]))
    if "人民调解协议书" not in text.replace(" ", ""):
        raise CheckFailed("读回的文字中没有“人民调解协议书”")
    state["pdf"] = path
    state["case_id"] = case_id
    return f"人民调解协议书 {len(data) // 1024} KB，字体已嵌入（{fonts[0][0]}），文字可读回"


def _agreement_docx(folder: Path, state: dict) -> str:
    from docx import Document

    from mediator_desk.documents import render

    if state.get("case_id") is None:
        raise CheckFailed("打印 PDF 检查未通过，无法生成 Word 文书")
    data = render(state["desk"], state["case_id"], "agreement", "docx")
    path = folder / "agreement.docx"
    path.write_bytes(data)
    text = "".join(p.text for p in Document(str(path)).paragraphs)
    if "人民调解协议书" not in text.replace(" ", ""):
        raise CheckFailed("读回的文字中没有“人民调解协议书”")
    return f"人民调解协议书 {len(data) // 1024} KB，可用 Word/WPS 打开"


def pdf_facts(path: Path) -> tuple[list[tuple[str, bool]], str]:
    """([(font name, embedded?)], text) of a PDF, read back with pypdf."""
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    fonts: dict[str, bool] = {}
    for page in reader.pages:
        for font in (page.get("/Resources", {}).get("/Font", {}) or {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            faces = [d.get_object() for d in descendants] if descendants else [font]
            for face in faces:
                desc = face.get("/FontDescriptor")
                desc = desc.get_object() if desc is not None else {}
                embedded = any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                fonts[str(face.get("/BaseFont", "?"))] = embedded
    text = "".join(page.extract_text() or "" for page in reader.pages)
    return sorted(fonts.items()), text


def qt_command(pdf: Path) -> list[str]:
    """How to start this program again for the Qt checks (frozen: the program itself)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "--self-test-qt", str(pdf)]
    return [sys.executable, "-m", "mediator_desk", "--self-test-qt", str(pdf)]


def qt_environment() -> tuple[dict, str]:
    """The environment for the Qt process, and a note when it had to go without a display."""
    env = dict(os.environ)
    if (sys.platform.startswith("linux") and not env.get("QT_QPA_PLATFORM")
            and not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY")):
        env["QT_QPA_PLATFORM"] = "offscreen"
        return env, "（没有显示器：用 offscreen 插件检查）"
    return env, ""


def _qt_checks(pdf: Path | None) -> list[Outcome]:
    env, note = qt_environment()
    command = qt_command(pdf or Path(""))
    try:
        proc = subprocess.run(command, env=env, capture_output=True, timeout=120,
                              encoding="utf-8", errors="replace")
    except (OSError, subprocess.TimeoutExpired) as exc:
        return [Outcome("图形界面（Qt）", False, f"无法启动：{exc}")]
    outcomes: list[Outcome] = []
    finished = False
    for line in proc.stdout.splitlines():
        if line == QT_DONE:
            finished = True
        elif line.startswith((PASS, FAIL)):
            mark, _, rest = line.partition(" ")
            label, _, detail = rest.partition("：")
            outcomes.append(Outcome(label, mark == PASS, detail + (note if not outcomes else "")))
    if not finished:
        last = next((ln for ln in reversed(proc.stderr.splitlines()) if ln.strip()), "")
        outcomes.append(Outcome("图形界面（Qt）", False,
                                f"检查进程异常退出（状态 {proc.returncode}）：{last[-300:]}"))
    return outcomes


def _statistics(folder: Path, state: dict) -> str:
    """The sample data's yearly report counted and written as an XLSX workbook."""
    import zipfile

    from mediator_desk.documents.statistics import export_report

    desk = state.get("desk")
    if desk is None:
        raise CheckFailed("数据库检查未通过，无法统计")
    last = desk.cases.get_row(desk.cases.search(limit=1)[0])["received_date"][:4]
    report = desk.statistics.report(last)
    data = export_report(desk, last, fmt="xlsx")
    path = folder / "statistics.xlsx"
    path.write_bytes(data)
    with zipfile.ZipFile(path) as z:
        if "xl/worksheets/sheet1.xml" not in z.namelist():
            raise CheckFailed("统计报表工作簿不完整")
    return (f"{last}年受理 {report.total.value('accepted')} 件、调解成功 "
            f"{report.total.value('success')} 件，XLSX {len(data) // 1024} KB")


def run(out=None) -> int:
    """Run every check, print one line each and a summary; 0 if all passed."""
    out = out or sys.stdout
    if hasattr(out, "reconfigure"):
        # a console or file in a legacy encoding (GBK on Windows) lacks 𫖮: replace, never crash
        out.reconfigure(errors="replace")
    started = time.monotonic()
    results: list[Outcome] = []

    def show(outcome: Outcome) -> None:
        results.append(outcome)
        print(outcome.line(), file=out, flush=True)

    print("人民调解工作台 自检", file=out, flush=True)
    show(run_check("程序", _program))
    show(run_check("文书字体", _font))
    show(run_check("文书模板", _templates))
    state: dict = {}
    with tempfile.TemporaryDirectory(prefix="mediator-desk-selftest-") as tmp:
        folder = Path(tmp)
        try:
            show(run_check("数据库", _database, folder, state))
            show(run_check("打印 PDF", _agreement_pdf, folder, state))
            show(run_check("Word 文书", _agreement_docx, folder, state))
            show(run_check("统计报表", _statistics, folder, state))
        finally:
            if state.get("desk") is not None:
                state["desk"].close()
        for outcome in _qt_checks(state.get("pdf")):
            show(outcome)
    failed = [r for r in results if not r.ok]
    took = time.monotonic() - started
    if failed:
        print(f"自检未通过：{len(failed)} 项失败（共 {len(results)} 项，{took:.1f} 秒）。"
              "请把以上内容告诉技术支持人员", file=out, flush=True)
        return 1
    print(f"自检通过：{len(results)} 项全部正常（{took:.1f} 秒）", file=out, flush=True)
    return 0
