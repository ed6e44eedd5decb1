"""Make the application icon's PNG sizes and the Windows .ico from the source SVG.

    .venv/bin/python build_scripts/make_icons.py            # resources/icons/*.png + .ico
    .venv/bin/python build_scripts/make_icons.py --draw-svg # redraw the SVG itself first

The source is ``resources/icons/mediator-desk.svg``: a red seal (a rounded square, as on a
mediation document's stamp) with the character 调 in white (16–24 px leave out the seal's thin inner frame). The character is stored as an
outline (taken once from the shipped font with ``--draw-svg``), so the SVG needs no font to
render. Qt's SVG renderer (QtSvg, part of PySide6) draws each PNG size; Pillow (already installed
as a reportlab dependency) packs the Windows .ico. The results are committed: the app, the .deb
and the Windows installer use them without running this script.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "mediator-desk.svg"
ICO = ICONS / "mediator-desk.ico"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
SEAL_RED = "#C8281E"
SMALL = 24          # sizes up to this are drawn without the seal's inner frame


def png_path(size: int) -> Path:
    return ICONS / f"mediator-desk-{size}.png"


def _app():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication(sys.argv[:1])


def draw_svg() -> str:
    """The SVG text: a seal on a 256×256 canvas with 调 as an outline from the shipped font."""
    _app()
    from PySide6.QtGui import QFont, QFontDatabase, QPainterPath

    font_file = ROOT / "resources" / "fonts" / "NotoSerifCJKsc-Regular-glyf.ttf"
    family = QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(str(font_file)))[0]
    font = QFont(family)
    font.setPixelSize(168)
    glyph = QPainterPath()
    glyph.addText(0, 0, font, "调")
    box = glyph.boundingRect()
    # centre the glyph in the seal
    dx, dy = 128 - box.center().x(), 128 - box.center().y()
    parts = []
    for i in range(glyph.elementCount()):
        e = glyph.elementAt(i)
        x, y = e.x + dx, e.y + dy
        if e.isMoveTo():
            parts.append(f"M{x:.1f} {y:.1f}")
        elif e.isLineTo():
            parts.append(f"L{x:.1f} {y:.1f}")
        elif e.isCurveTo():
            c1 = glyph.elementAt(i + 1)
            c2 = glyph.elementAt(i + 2)
            parts.append(f"C{x:.1f} {y:.1f} {c1.x + dx:.1f} {c1.y + dy:.1f} "
                         f"{c2.x + dx:.1f} {c2.y + dy:.1f}")
    d = " ".join(parts)
    return f"""<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <title>人民调解工作台</title>
  <!-- A red seal with 调 (mediation) in white; the character is an outline of Noto Serif CJK SC
       (SIL Open Font License 1.1), drawn by build_scripts/make_icons.py draw_svg(). -->
  <rect x="8" y="8" width="240" height="240" rx="36" ry="36" fill="{SEAL_RED}"/>
  <rect id="frame" x="22" y="22" width="212" height="212" rx="26" ry="26" fill="none" stroke="#FFFFFF" stroke-width="6"/>
  <path fill="#FFFFFF" stroke="#FFFFFF" stroke-width="7" stroke-linejoin="round" fill-rule="nonzero" d="{d}"/>
</svg>
"""


def render_png(size: int) -> "QImage":  # noqa: F821
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    from PySide6.QtCore import QByteArray

    text = SVG.read_text(encoding="utf-8")
    if size <= SMALL:
        # the inner frame only blurs the character at 16–24 px: leave it out there
        text = "\n".join(line for line in text.splitlines() if 'id="frame"' not in line)
    renderer = QSvgRenderer(QByteArray(text.encode("utf-8")))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SVG}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def make_all() -> list[Path]:
    _app()
    written = []
    for size in PNG_SIZES:
        path = png_path(size)
        if not render_png(size).save(str(path), "PNG"):
            raise SystemExit(f"cannot write {path}")
        written.append(path)
    from PIL import Image

    largest = Image.open(png_path(max(ICO_SIZES)))
    # Pillow scales the largest image down for each size; hand it the drawn ones instead so
    # the small sizes keep Qt's rendering (crisper than a downscale of 256 px).
    extra = [Image.open(png_path(s)) for s in ICO_SIZES if s != max(ICO_SIZES)]
    largest.save(ICO, format="ICO", sizes=[(s, s) for s in ICO_SIZES], append_images=extra)
    written.append(ICO)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draw-svg", action="store_true",
                        help="redraw resources/icons/mediator-desk.svg from the shipped font first")
    args = parser.parse_args(argv)
    ICONS.mkdir(parents=True, exist_ok=True)
    if args.draw_svg:
        SVG.write_text(draw_svg(), encoding="utf-8")
        print(f"wrote {SVG.relative_to(ROOT)}")
    for path in make_all():
        print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
