"""The Qt half of ``--self-test`` (mediator_desk/selftest.py starts it as ``--self-test-qt PDF``).

Starts the application as the GUI does (``app.make_application``: font, translations, icon),
then checks the platform plugin, the window font, both translations, the icon, QtPdf showing
the agreement the first half printed, and printing support. One line per check on stdout.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mediator_desk.selftest import QT_DONE, RARE, CheckFailed, run_check


def _platform(app) -> str:
    from PySide6.QtCore import qVersion

    screen = app.primaryScreen()
    size = screen.size() if screen is not None else None
    where = f"，屏幕 {size.width()}×{size.height()}" if size else ""
    return f"Qt {qVersion()}，平台插件 {app.platformName()}{where}"


def _font(installed: dict) -> str:
    from PySide6.QtGui import QFont, QFontMetrics

    family = installed.get("font", "")
    if not family:
        raise CheckFailed("界面字体未能加载，中文可能显示为方框")
    metrics = QFontMetrics(QFont(family))
    missing = [ch for ch in "调解" + RARE if not metrics.inFontUcs4(ord(ch))]
    if missing:
        raise CheckFailed(f"{family} 缺少字符 {''.join(missing)}")
    return f"{family}，含生僻字 {RARE}"


def _translations(installed: dict) -> str:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QDialogButtonBox

    ours = QCoreApplication.translate("App", "Mediation desk")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)   # Qt's own strings
    qt_own = buttons.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "")
    if ours == "Mediation desk":
        raise CheckFailed("本软件的中文界面翻译未加载")
    if qt_own == "Cancel":
        raise CheckFailed("Qt 自带的中文翻译（qtbase_zh_CN）未加载")
    return f"界面“{ours}”，Qt 按钮“{qt_own}”"


def _icon(app) -> str:
    icon = app.windowIcon()
    sizes = sorted({s.width() for s in icon.availableSizes()})
    if icon.isNull() or 16 not in sizes:
        raise CheckFailed("程序图标未找到")
    return f"{len(sizes)} 种尺寸（{sizes[0]}–{sizes[-1]} 像素）"


def _charts(app) -> str:
    """A bar chart of the statistics window drawn (QtCharts, from PySide6-Addons)."""
    from mediator_desk.gui.statistics_charts import bar_chart

    view = bar_chart("自检", ["一月", "二月"], {"受理": [3, 5]})
    view.resize(300, 200)
    image = view.grab().toImage()
    if image.isNull() or image.width() < 100:
        raise CheckFailed("统计图表无法绘制")
    return f"QtCharts 柱状图 {image.width()}×{image.height()}"


def _pdf_view(pdf: str) -> str:
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QColor
    from PySide6.QtPdf import QPdfDocument

    if not pdf or not Path(pdf).is_file():
        raise CheckFailed("没有可显示的 PDF（打印检查未通过）")
    doc = QPdfDocument()
    doc.load(pdf)
    if doc.status() != QPdfDocument.Status.Ready or doc.pageCount() < 1:
        raise CheckFailed(f"QtPdf 无法打开 PDF（{doc.error()}）")
    image = doc.render(0, QSize(298, 421))
    if image.isNull():
        raise CheckFailed("QtPdf 无法绘制页面")
    inked = sum(1 for y in range(0, image.height(), 3) for x in range(0, image.width(), 3)
                if QColor(image.pixel(x, y)).alpha() > 0 and QColor(image.pixel(x, y)).lightness() < 128)
    if inked < 50:
        raise CheckFailed("QtPdf 绘制的页面是空白的")
    return f"QtPdf 显示协议书 {doc.pageCount()} 页"


def _printing(folder: Path) -> str:
    from PySide6.QtCore import QLibraryInfo
    from PySide6.QtGui import QPainter
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    if not sys.platform.startswith("win"):
        plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "printsupport"
        if not any(plugins.glob("*cups*")):
            raise CheckFailed(f"缺少打印插件（{plugins}），无法连接打印机")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = folder / "printer-test.pdf"
    printer.setOutputFileName(str(target))
    painter = QPainter()
    if not painter.begin(printer):
        raise CheckFailed("无法开始打印")
    painter.drawText(100, 100, "人民调解")
    painter.end()
    if not target.is_file() or target.stat().st_size == 0:
        raise CheckFailed("打印输出为空")
    return f"打印支持可用（找到 {len(QPrinterInfo.availablePrinterNames())} 台打印机）"


def run(pdf: str) -> int:
    from mediator_desk.gui import app as gui_app

    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")      # the parent reads UTF-8 (selftest.py)

    application = gui_app.make_application()
    results = [run_check("图形界面（Qt）", _platform, application),
               run_check("界面字体", _font, gui_app._installed),
               run_check("界面翻译", _translations, gui_app._installed),
               run_check("程序图标", _icon, application),
               run_check("PDF 预览", _pdf_view, pdf),
               run_check("打印", _printing, Path(pdf).parent if pdf else Path.cwd()),
               run_check("统计图表", _charts, application)]
    for outcome in results:
        print(outcome.line(), flush=True)
    print(QT_DONE, flush=True)
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(run(sys.argv[1] if len(sys.argv) > 1 else ""))
