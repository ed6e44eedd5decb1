"""The shipped CJK font: where it is, its character map, and registering it with reportlab.

One TrueType file (``resources/fonts/NotoSerifCJKsc-Regular-glyf.ttf``, made by
``build_scripts/make_font.py``) serves the GUI and the documents. reportlab is imported only
here and in ``pdf.py``, lazily, because importing it costs startup time the GUI should not pay.

Registering also applies three fixes to reportlab, once per process (see
measured on Debian 12):

- mainland line-breaking: ``，。；：！？》〉”’％·…）】、`` may not start a line and ``（《“‘【〈``
  may not end one. reportlab's CJK wrap knows a Japanese-oriented list and handles one
  forbidden character at a time (it hangs the overflowing mark, so in ``元整）。`` the ``。``
  still started the next line); ``cjk_split`` replaces it: a run of no-start characters
  travels with the character before it, and an opening bracket moves down with what follows;
- the ToUnicode map reportlab writes for supplementary-plane characters (𫖮 U+2B5AE) is
  invalid (``<2B5AE>``, odd-length hex), so text extraction and copy-paste lose them; we
  write proper UTF-16 surrogate pairs instead;
- there is no bold face: ``<b>`` would silently stay regular, so the renderers never use it.
"""

from __future__ import annotations

import threading
from pathlib import Path

from mediator_desk.shipped import resources_dir

FONT_FILE = "NotoSerifCJKsc-Regular-glyf.ttf"
PDF_FONT_NAME = "NotoSerifSC"
# Mainland rules: these may not begin a line …
CANNOT_START = "，；：！？》〉”’％·…）】。、"
# … and these may not end one.
CANNOT_END = "（《“‘【〈"
# The ASCII marks that occur in Chinese text (12.5%, (1)) follow the same rules.
_NO_START = frozenset(CANNOT_START + ",.:;?!)]%")
_NO_END = frozenset(CANNOT_END + "([")

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


def break_position(chars: str, start: int, over: int) -> int:
    """Where the line that began at ``start`` ends when ``chars[over]`` no longer fits: the
    index the next line starts at (``over + 1`` hangs a single closing mark in the margin).

    The next line may not start with a no-start character and this line may not end with a
    no-end one, so a run of closing marks goes down together with the character before it
    (``元整）。``) and an opening bracket goes down with what follows it. A line that is all
    forbidden characters is broken where it overflows (progress beats the rule)."""
    n = len(chars)
    if (chars[over] in _NO_START and (over + 1 >= n or chars[over + 1] not in _NO_START)
            and over > start and chars[over - 1] not in _NO_END):
        return over + 1                       # hang one closing mark, as reportlab did
    b = over
    while b > start + 1 and (chars[b] in _NO_START or chars[b - 1] in _NO_END):
        b -= 1
    if chars[b] in _NO_START or chars[b - 1] in _NO_END or b <= start:
        return max(over, start + 1)
    return b


# At most this many underscores of a write-on line ending a paragraph are dropped rather
# than wrapped alone onto a line of their own.
SHORT_BLANK_TAIL = 8


def _lines(chars: str, widths, max_widths, hard_breaks=()) -> list[tuple]:
    """Greedy line filling with the mainland rules: (start, end, width used, max width,
    hard break?) per line. ``widths[i]`` is the width of ``chars[i]``; ``hard_breaks`` holds
    indices after which a line must end (<br/>). Inside a Latin run (numbers, names) the line
    breaks after the last space or CJK character of its second half, as reportlab does, so
    2021 is not cut."""
    from unicodedata import category

    from reportlab.rl_config import _FUZZ
    out = []
    n = len(chars)
    i = used = start = 0
    max_width = max_widths[0]
    while i < n:
        used += widths[i]
        i += 1
        hard = (i - 1) in hard_breaks
        if not ((used > max_width + _FUZZ and used > 0) or hard):
            continue
        end: int | None = i
        if not hard:
            over = i - 1
            end = None
            if chars[over] != "\0" and ord(chars[over]) < 0x3000:
                for j in range(over - 1, (start + i) >> 1, -1):
                    cj = chars[j]
                    if category(cj) == "Zs" or ord(cj) >= 0x3000:
                        if j + 1 < over and chars[j + 1] not in _NO_START \
                                and cj not in _NO_END:
                            end = j + 1
                        break
            if end is None:
                end = break_position(chars, start, over)
        assert end is not None
        if chars[end:].strip("_") == "" and n - end <= SHORT_BLANK_TAIL and end > start:
            # A write-on line ending the paragraph that overflows by a few underscores: the
            # rest would stand alone on the next line ("_"); the line to write on simply
            # ends at the margin.
            out.append((start, end, sum(widths[start:end]), max_width, False))
            return out
        out.append((start, end, sum(widths[start:end]), max_width, hard))
        try:
            max_width = max_widths[len(out)]
        except IndexError:
            max_width = max_widths[-1]
        i = start = end
        used = 0
    if start < n:
        out.append((start, n, sum(widths[start:]), max_width, False))
    return out


def cjk_split(frags, maxWidths, calcBounds, encoding="utf8"):
    """reportlab's ``cjkFragSplit`` (CJK wrap of a paragraph with several fragments) with the
    mainland rules of :func:`break_position`."""
    from reportlab.platypus.paragraph import ParaLines, cjkU, isBytes, makeCJKParaLine
    if not isinstance(maxWidths, (list, tuple)):
        maxWidths = [maxWidths]
    U = []
    for f in frags:
        text = f.text
        if isBytes(text):
            text = text.decode(encoding)
        if text:
            U.extend([cjkU(t, f, encoding) for t in text])
        else:
            U.append(cjkU(text, f, encoding))
    chars = "".join(str(u) or "\0" for u in U)
    widths = []
    for u in U:
        w = u.width
        if hasattr(w, "normalizedValue"):
            w._normalizer = maxWidths[0]
            w = w.normalizedValue(maxWidths[0])
        widths.append(w)
    hard = {k for k, u in enumerate(U) if hasattr(u.frag, "lineBreak")}
    return ParaLines(kind=1, lines=[
        makeCJKParaLine(U[a:b], mw, used, mw - used, brk, calcBounds)
        for a, b, used, mw, brk in _lines(chars, widths, maxWidths, hard)])


def word_split(word, maxWidths, fontName, fontSize, encoding="utf8"):
    """reportlab's ``wordSplit`` (CJK wrap of a one-fragment paragraph) with the mainland
    rules: [[extra space, line text], …]."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    if not isinstance(maxWidths, (list, tuple)):
        maxWidths = [maxWidths]
    if isinstance(word, bytes):
        word = word.decode(encoding)
    widths = [stringWidth(ch, fontName, fontSize) for ch in word]
    return [[mw - used, word[a:b].strip() if b < len(word) else word[a:b]]
            for a, b, used, mw, _ in _lines(word, widths, maxWidths)]


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
        paragraph.cjkFragSplit = cjk_split
        paragraph.wordSplit = word_split
        ttfonts.makeToUnicodeCMap = _to_unicode_cmap

        font = ttfonts.TTFont(PDF_FONT_NAME, str(font_path()))
        pdfmetrics.registerFont(font)
        if _cmap is None:
            _cmap = frozenset(font.face.charToGlyph)
        _registered = True
    return PDF_FONT_NAME


def cmap() -> frozenset:
    """The code points the shipped font can draw (read once per process)."""
    if _cmap is None:
        # Registering reads the font once and serves both the PDF renderer and this check.
        register_pdf_font()
    assert _cmap is not None
    return _cmap

