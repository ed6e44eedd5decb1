"""The shipped CJK font: where it is, its character map, and registering it with reportlab.

One TrueType file (``resources/fonts/NotoSerifCJKsc-Regular-glyf.ttf``, made by
``build_scripts/make_font.py``) serves the GUI and the documents. reportlab is imported only
here and in ``pdf.py``, lazily, because importing it costs startup time the GUI should not pay.

Registering also applies three fixes to reportlab, once per process (see
../shared/platform-notes.md "Chinese text"):

- mainland line-breaking: ``，；：！？》〉”’％·…）】`` may not start a line (reportlab's list is
  Japanese-oriented and lets a line start with a full-width comma);
- the ToUnicode map reportlab writes for supplementary-plane characters (𫖮 U+2B5AE) is
  invalid (``<2B5AE>``, odd-length hex), so text extraction and copy-paste lose them; we
  write proper UTF-16 surrogate pairs instead;
- there is no bold face: ``<b>`` would silently stay regular, so the renderers never use it.
"""

from __future__ import annotations

import threading
from pathlib import Path

from mediator_desk.documents.paths import resources_dir

FONT_FILE = "NotoSerifCJKsc-Regular-glyf.ttf"
PDF_FONT_NAME = "NotoSerifSC"
# Mainland rules: these may not begin a line (added to reportlab's Japanese-oriented list).
CANNOT_START = "，；：！？》〉”’％·…）】。、"

_lock = threading.Lock()
_registered = False
_cmap: frozenset | None = None


def font_path() -> Path:
    path = resources_dir() / "fonts" / FONT_FILE
    if not path.exists():
        from mediator_desk.errors import DeskError
        raise DeskError(f"找不到文书字体文件 {path}", hint="请重新安装本软件")
    return path


def _to_unicode_cmap(fontname, subset):
    """reportlab's makeToUnicodeCMap, with characters beyond U+FFFF as UTF-16 pairs."""
    def utf16(cp: int) -> str:
        if cp < 0x10000:
            return f"{cp:04X}"
        cp -= 0x10000
        return f"{0xD800 + (cp >> 10):04X}{0xDC00 + (cp & 0x3FF):04X}"

    lines = [
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        "/CIDSystemInfo", f"<< /Registry ({fontname})", f"/Ordering ({fontname})",
        "/Supplement 0", ">> def", f"/CMapName /{fontname} def", "/CMapType 2 def",
        "1 begincodespacerange", f"<00> <{len(subset) - 1:02X}>", "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *[f"<{i:02X}> <{utf16(v)}>" for i, v in enumerate(subset)],
        "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end",
    ]
    return "\n".join(lines)


def register_pdf_font() -> str:
    """Register the font with reportlab (once per process) and apply the fixes above;
    returns the font name to use in styles."""
    global _registered, _cmap
    if _registered:
        return PDF_FONT_NAME
    with _lock:
        if _registered:
            return PDF_FONT_NAME
        from reportlab.lib import textsplit
        from reportlab.pdfbase import pdfmetrics, ttfonts
        from reportlab.platypus import paragraph

        extra = "".join(ch for ch in CANNOT_START if ch not in textsplit.ALL_CANNOT_START)
        textsplit.ALL_CANNOT_START += extra
        paragraph.ALL_CANNOT_START = textsplit.ALL_CANNOT_START
        ttfonts.makeToUnicodeCMap = _to_unicode_cmap

        font = ttfonts.TTFont(PDF_FONT_NAME, str(font_path()))
        pdfmetrics.registerFont(font)
        if _cmap is None:
            _cmap = frozenset(font.face.charToGlyph)
        _registered = True
    return PDF_FONT_NAME


def cmap() -> frozenset:
    """The code points the shipped font can draw (read once per process)."""
    global _cmap
    if _cmap is None:
        # Registering reads the font once and serves both the PDF renderer and this check.
        register_pdf_font()
    return _cmap


def missing_characters(text: str) -> list[str]:
    """Characters of ``text`` the font cannot draw (in order, without repeats)."""
    have = cmap()
    out = []
    for ch in text:
        if ch not in "\n\r\t" and ord(ch) not in have and ch not in out:
            out.append(ch)
    return out
