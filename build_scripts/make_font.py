"""Build the CJK font shipped in resources/fonts/ (run once; the result is committed).

    .venv/bin/python build_scripts/make_font.py [--source TTC] [--out TTF]

Why this recipe (measured on Debian 12):
- reportlab embeds only TrueType (glyf) outlines, and Noto CJK ships CFF outlines, so the font
  must be converted; Qt accepts either.
- Noto Serif CJK SC (SIL OFL 1.1, Debian `fonts-noto-cjk`, font number 2 of the .ttc) covers the
  rare name characters (䶮 堃 喆 昇 赟 燚 玥 㑇 㛃 𫖮) and uses mainland-style punctuation; the other
  Debian fonts either lack rare characters, lack digits or centre punctuation Taiwan-style.
- Subsetting to the ranges a Chinese legal form can need (Latin, punctuation, CJK, Ext A and the
  supplementary ideograph planes) keeps the file near 14 MB; the conversion takes about a minute.

Steps: subset with fontTools' pyftsubset engine (no OpenType layout features: neither reportlab
nor the forms use them), convert every glyph from cubic to quadratic curves (Cu2QuPen feeding a
TTGlyphPen), replace CFF by glyf/loca, rebuild maxp 1.0 and post 3.0 (no glyph names: saves
~1 MB and nothing reads them), then check coverage of the characters above.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

ROOT = Path(__file__).resolve().parent.parent
SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")
FONT_NUMBER = 2  # 0 JP, 1 KR, 2 SC, 3 TC, 4 HK
OUT = ROOT / "resources" / "fonts" / "NotoSerifCJKsc-Regular-glyf.ttf"

# (first, last) code points kept. Wide enough for names, addresses, amounts and form furniture
# (□ check boxes, ①, ℃, №), narrow enough to drop Hangul, kana-only blocks and symbols we never print.
RANGES = [
    (0x0020, 0x007E),    # Basic Latin
    (0x00A0, 0x017F),    # Latin-1 supplement, Latin Extended-A (pinyin vowels ā é ǐ ò ū)
    (0x01CD, 0x01DC),    # pinyin vowels with caron and ü forms
    (0x02C6, 0x02DD),    # spacing modifiers (ˉ ˊ ˇ ˋ)
    (0x0391, 0x03C9),    # Greek (appears in measurements)
    (0x0401, 0x0451),    # Cyrillic basic (Mongolian Cyrillic names in Inner Mongolia)
    (0x2000, 0x206F),    # General punctuation: — ‘ ’ “ ” … ‰ ※
    (0x2100, 0x218F),    # Letterlike and number forms: ℃ № Ⅰ Ⅱ
    (0x2190, 0x21FF),    # Arrows
    (0x2200, 0x22FF),    # Mathematical operators (≤ ≥ ×)
    (0x2460, 0x24FF),    # Enclosed alphanumerics ① ⑴ ⒈
    (0x2500, 0x257F),    # Box drawing
    (0x25A0, 0x25FF),    # Geometric shapes □ ■ ○ ●
    (0x2600, 0x26FF),    # Misc symbols ☐ ☑ ☒ ★
    (0x2700, 0x27BF),    # Dingbats ✓ ✔
    (0x3000, 0x303F),    # CJK symbols and punctuation 、。〈〉《》「」【】〔〕
    (0x3200, 0x33FF),    # Enclosed CJK letters, CJK compatibility ㈠ ㊣
    (0x3400, 0x4DBF),    # CJK Ext A
    (0x4E00, 0x9FFF),    # CJK unified ideographs
    (0xF900, 0xFAFF),    # CJK compatibility ideographs
    (0xFE10, 0xFE1F),    # Vertical forms
    (0xFE30, 0xFE4F),    # CJK compatibility forms
    (0xFF00, 0xFFEF),    # Halfwidth and fullwidth forms （）：；！？％
    (0x20000, 0x2FFFF),  # Supplementary ideographic plane: Ext B–F, compatibility supplement
    (0x30000, 0x3134F),  # Ext G
]

# Characters the shipped font must cover (rare name characters and mainland punctuation).
MUST_COVER = "䶮堃喆昇赟燚玥㑇㛃𫖮" + "，。、；：！？“”‘’（）《》〈〉【】…—·％￥"

MAX_ERR = 1.0  # font units (1000 per em): invisible at any print size


def subset_font(source: Path, font_number: int) -> TTFont:
    """Load one face of the collection and keep only RANGES (no layout features, no hinting)."""
    font = TTFont(str(source), fontNumber=font_number)
    options = subset.Options()
    options.layout_features = []        # reportlab and the forms use none
    options.hinting = False
    options.desubroutinize = True       # flat charstrings draw faster during conversion
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.glyph_names = False
    options.drop_tables += ["BASE", "GDEF", "GSUB", "GPOS", "VORG", "DSIG"]
    unicodes = [cp for lo, hi in RANGES for cp in range(lo, hi + 1)]
    subsetter = subset.Subsetter(options=options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    return font


def cff_to_glyf(font: TTFont) -> None:
    """Replace the CFF outlines of `font` by quadratic TrueType glyf outlines, in place."""
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in glyph_order:
        tt_pen = TTGlyphPen(glyph_set)
        # CFF contours run counter-clockwise, TrueType clockwise: reverse while converting.
        glyph_set[name].draw(Cu2QuPen(tt_pen, MAX_ERR, reverse_direction=True))
        glyphs[name] = tt_pen.glyph()

    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = glyphs
    del font["CFF "]
    glyf.compile(font)

    # Left side bearings must equal each glyph's xMin in TrueType.
    hmtx = font["hmtx"]
    for name, glyph in glyphs.items():
        width = hmtx[name][0]
        hmtx[name] = (width, getattr(glyph, "xMin", 0) if glyph.numberOfContours else 0)

    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.numGlyphs = len(glyph_order)
    for attr in ("maxZones",):
        setattr(maxp, attr, 1)
    for attr in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, attr, 0)
    font["maxp"] = maxp
    maxp.recalc(font)

    post = font["post"]
    post.formatType = 3.0
    post.extraNames = []
    post.mapping = {}
    font.sfntVersion = "\x00\x01\x00\x00"
    font["head"].glyphDataFormat = 0


def check_coverage(path: Path) -> list[str]:
    """Return the MUST_COVER characters missing from the font at `path`."""
    cmap = TTFont(str(path), lazy=True).getBestCmap()
    return [ch for ch in MUST_COVER if ord(ch) not in cmap]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--font-number", type=int, default=FONT_NUMBER)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if not args.source.exists():
        print(f"source font not found: {args.source} (apt-get install fonts-noto-cjk)", file=sys.stderr)
        return 2

    t0 = time.perf_counter()
    font = subset_font(args.source, args.font_number)
    t1 = time.perf_counter()
    cff_to_glyf(font)
    t2 = time.perf_counter()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(args.out))
    t3 = time.perf_counter()

    missing = check_coverage(args.out)
    size_mb = args.out.stat().st_size / 1e6
    print(f"{args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}: "
          f"{len(font.getGlyphOrder())} glyphs, {size_mb:.1f} MB "
          f"(subset {t1 - t0:.0f} s, convert {t2 - t1:.0f} s, save {t3 - t2:.0f} s)")
    if missing:
        print("MISSING: " + " ".join(f"{ch} U+{ord(ch):04X}" for ch in missing), file=sys.stderr)
        return 1
    print("covers: " + MUST_COVER)
    return 0


if __name__ == "__main__":
    sys.exit(main())
