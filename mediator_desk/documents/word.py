"""DOCX renderer (python-docx): the same blocks as the PDF, editable in Word and WPS.

Chinese text in DOCX only shows in the intended face if the East-Asian font is named
explicitly: setting ``run.font.name`` alone leaves Chinese in a theme fallback. So every run,
the Normal style and the document defaults get ``w:rFonts`` with ``w:eastAsia`` (and
ascii/hAnsi), their ``*Theme`` attributes are removed, and ``w:lang w:eastAsia="zh-CN"`` is
set. Faces are the names Word and WPS know: 仿宋 for the body, 宋体 for titles.

LibreOffice (Kylin, UOS, Debian) reads more than that: the settings declare zh-CN as the
East-Asian theme language (python-docx's template says ja-JP, which made LibreOffice fall
back to a Japanese sans face), and the font table lists 宋体 (SimSun) and 仿宋 (FangSong) as
Chinese Windows and WPS have them, each with the shipped font's family, Noto Serif CJK SC,
as its alternative name, and Noto Serif CJK SC itself — a Song face a Linux desktop can
have — instead of the template's ＭＳ 明朝/ＭＳ ゴシック.

Each document is one section (A4, same margins as the PDF) whose footer shows
"第 X 页 共 Y 页": PAGE and NUMPAGES when the file holds one document (Word, WPS and
LibreOffice all compute both), PAGE and SECTIONPAGES when it holds several (a batch keeps
per-document numbering; LibreOffice does not compute SECTIONPAGES and shows the cached
result). Either way the cached result is the document's page count as the PDF lays it out.

Tables have real column widths: w:tblGrid/w:gridCol and every cell's w:tcW from the
layout's column proportions (as the PDF sizes them), a fixed layout and the text width as
the table width — otherwise every column got python-docx's equal 1512 twips.
python-docx is imported lazily.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from mediator_desk.documents.layout import (Block, Document, Lines, PageBreak, Space,
                                            TableBlock)
from mediator_desk.documents import fonts, pdf
from mediator_desk.documents.pdf import (FINGERPRINT_BOX, MARGINS, MM, SIGN_LINE_WIDTH, SIZES,
                                         centred, header_row)

BODY_FACE = "仿宋"
TITLE_FACE = "宋体"
# The shipped font's family (resources/fonts): the Song face a Linux office suite can find.
LINUX_FACE = "Noto Serif CJK SC"
CELL_MARGINS = 2 * 0.19 / 2.54 * 72          # pt, left + right (w:tblCellMar defaults)
LINE_SPACING = 1.5
_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def _oxml():
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    return OxmlElement, qn


def set_east_asian(rpr_parent, face: str) -> None:
    """Name ``face`` for every script on an element owning (or being) a ``w:rPr``; drop theme
    fonts; mark East-Asian text as zh-CN."""
    OxmlElement, qn = _oxml()
    rpr = rpr_parent if rpr_parent.tag == qn("w:rPr") else rpr_parent.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in _THEME_ATTRS:
        key = qn(attr)
        if key in fonts.attrib:
            del fonts.attrib[key]
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), face)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")


def _defaults(document) -> None:
    """Document defaults and the Normal style: 仿宋 四号, zh-CN, no theme fonts."""
    from docx.shared import Pt
    OxmlElement, qn = _oxml()
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
    if rpr_default is not None:
        rpr = rpr_default.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            rpr_default.append(rpr)
        set_east_asian(rpr, BODY_FACE)
    normal = document.styles["Normal"]
    normal.font.size = Pt(SIZES["body"])
    set_east_asian(normal.element, BODY_FACE)
    normal.paragraph_format.line_spacing = LINE_SPACING
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.space_before = Pt(0)
    # Remove theme fonts anywhere else in the styles part (headings, table styles …).
    for r_fonts in styles.iter(qn("w:rFonts")):
        for attr in _THEME_ATTRS:
            key = qn(attr)
            if key in r_fonts.attrib:
                del r_fonts.attrib[key]
    _settings(document)
    _font_table(document)


def _settings(document) -> None:
    """zh-CN as the theme font language (the template's ja-JP picks Japanese fallbacks)."""
    OxmlElement, qn = _oxml()
    settings = document.settings.element
    lang = settings.find(qn("w:themeFontLang"))
    if lang is None:
        lang = OxmlElement("w:themeFontLang")
        settings.append(lang)           # (Word tolerates it out of schema order; it is not)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")


# The font table as Word writes it on Chinese Windows (panose, charset 86 = GB2312,
# signatures), with the shipped font's family as the alternative name of both faces and as
# an entry of its own. Latin faces stay for Word's defaults (Times New Roman, Calibri).
_FONT_TABLE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>
<w:font w:name="{title}"><w:altName w:val="{linux}"/><w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/><w:family w:val="roman"/><w:pitch w:val="variable"/><w:sig w:usb0="00000003" w:usb1="288F0000" w:usb2="00000016" w:usb3="00000000" w:csb0="00040001" w:csb1="00000000"/></w:font>
<w:font w:name="{body}"><w:altName w:val="{linux}"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="roman"/><w:pitch w:val="fixed"/><w:sig w:usb0="800002BF" w:usb1="38CF7CFA" w:usb2="00000016" w:usb3="00000000" w:csb0="00040001" w:csb1="00000000"/></w:font>
<w:font w:name="{linux}"><w:altName w:val="{title}"/><w:panose1 w:val="02020400000000000000"/><w:charset w:val="86"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>
<w:font w:name="Calibri"><w:panose1 w:val="020F0502020204030204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>
</w:fonts>
"""


def _font_table(document) -> None:
    """Replace the template's font table (ＭＳ 明朝, ＭＳ ゴシック …) by the Chinese one."""
    xml = _FONT_TABLE.format(title=TITLE_FACE, body=BODY_FACE, linux=LINUX_FACE)
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/fontTable"):
            rel.target_part._blob = xml.encode("utf-8")


def _run(paragraph, text: str, *, face: str = BODY_FACE, size: float | None = None,
         bold: bool = False, color=None):
    from docx.shared import Pt
    run = paragraph.add_run(text)
    set_east_asian(run._element, face)
    if size:
        run.font.size = Pt(size)
    if bold:
        run.bold = True
    if color is not None:
        run.font.color.rgb = color
    return run


def _border(element_pr, edges: dict) -> None:
    """Add borders to a paragraph (w:pPr) or cell (w:tcPr): {'bottom': 'single', …}."""
    OxmlElement, qn = _oxml()
    tag = "w:pBdr" if element_pr.tag == qn("w:pPr") else "w:tcBorders"
    box = element_pr.find(qn(tag))
    if box is None:
        box = OxmlElement(tag)
        element_pr.append(box)
    for edge, kind in edges.items():
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), kind)
        el.set(qn("w:sz"), "6")
        el.set(qn("w:space"), "0")
        el.set(qn("w:color"), "000000" if kind != "nil" else "auto")
        box.append(el)


def _add_field(paragraph, instruction: str, placeholder: str = "1") -> None:
    """A simple field (PAGE, NUMPAGES, SECTIONPAGES) the word processor updates when it lays
    out the page; ``placeholder`` is the cached result shown by one that does not."""
    OxmlElement, qn = _oxml()
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    run.append(rpr)
    set_east_asian(rpr, BODY_FACE)
    text = OxmlElement("w:t")
    text.text = placeholder
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _footer(section, numbered: bool, *, total: str = "NUMPAGES", pages: int = 1) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    OxmlElement, qn = _oxml()
    footer = section.footer
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0]
    for child in list(paragraph._p):
        if child.tag != qn("w:pPr"):
            paragraph._p.remove(child)
    if not numbered:
        return
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(paragraph, "第 ", size=SIZES["footer"])
    _add_field(paragraph, "PAGE")
    _run(paragraph, " 页  共 ", size=SIZES["footer"])
    _add_field(paragraph, total, str(max(pages, 1)))
    _run(paragraph, " 页", size=SIZES["footer"])
    # Page numbers restart in every document of a batch.
    sect = section._sectPr
    pg = sect.find(qn("w:pgNumType"))
    if pg is None:
        pg = OxmlElement("w:pgNumType")
        sect.append(pg)
    pg.set(qn("w:start"), "1")


def _page_setup(section) -> None:
    from docx.shared import Mm, Pt
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = Pt(MARGINS["top"])
    section.bottom_margin = Pt(MARGINS["bottom"])
    section.left_margin = Pt(MARGINS["left"])
    section.right_margin = Pt(MARGINS["right"])
    section.footer_distance = Mm(12)


def _paragraph(container, block: Block):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt
    align = {"title": WD_ALIGN_PARAGRAPH.CENTER, "subtitle": WD_ALIGN_PARAGRAPH.CENTER,
             "center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT,
             "date": WD_ALIGN_PARAGRAPH.RIGHT, "seal": WD_ALIGN_PARAGRAPH.RIGHT,
             "para": WD_ALIGN_PARAGRAPH.JUSTIFY}.get(block.style, WD_ALIGN_PARAGRAPH.LEFT)
    p = container.add_paragraph()
    p.alignment = align
    face, size = BODY_FACE, SIZES["body"]
    if block.style == "title":
        face, size = TITLE_FACE, SIZES["title"]
        p.paragraph_format.space_before = Pt(4)
        p.paragraph_format.space_after = Pt(10)
    elif block.style == "subtitle":
        face, size = TITLE_FACE, SIZES["subtitle"]
    elif block.style == "seal":
        p.paragraph_format.space_before = Pt(30)
    elif block.style == "label":
        p.paragraph_format.space_before = Pt(5)
    if block.style in ("label", "seal"):
        # A heading goes down with its text; the seal stays with the date.
        p.paragraph_format.keep_with_next = True
    if block.indent:
        p.paragraph_format.first_line_indent = Pt(block.indent * size)
    # One run per paragraph: every piece has the same formatting.
    _run(p, block.text, face=face, size=size, bold=block.style == "title")
    return p


def _lines(container, count: int) -> None:
    from docx.shared import Pt
    from docx.enum.text import WD_LINE_SPACING
    for _ in range(count):
        p = container.add_paragraph()
        p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        p.paragraph_format.line_spacing = Pt(SIZES["body"] * 1.8)
        _border(p._p.get_or_add_pPr(), {"bottom": "single"})


def _twips(widths_pt: list[float]) -> list[int]:
    """Column widths in twips, rounded so that they add up to the rounded total."""
    out, done, acc = [], 0, 0.0
    for w in widths_pt:
        acc += w * 20
        out.append(round(acc) - done)
        done += out[-1]
    return out


def _grid(table, widths_pt: list[float]) -> None:
    """Real column widths: w:tblGrid, w:tblW and a fixed layout, and every cell's w:tcW the
    sum of the columns it spans (python-docx gives every column the same 1512 twips)."""
    OxmlElement, qn = _oxml()
    twips = _twips(widths_pt)
    tbl = table._tbl
    grid = tbl.tblGrid
    for col in list(grid):
        grid.remove(col)
    for w in twips:
        col = OxmlElement("w:gridCol")
        col.set(qn("w:w"), str(w))
        grid.append(col)
    tbl_pr = tbl.tblPr
    tbl_w = tbl_pr.find(qn("w:tblW"))
    if tbl_w is None:
        tbl_w = OxmlElement("w:tblW")
        tbl_pr.append(tbl_w)
    tbl_w.set(qn("w:w"), str(sum(twips)))
    tbl_w.set(qn("w:type"), "dxa")
    table.autofit = False                           # w:tblLayout w:type="fixed"
    for tr in tbl.tr_lst:
        c = 0
        for tc in tr.tc_lst:
            span = tc.grid_span
            tc_pr = tc.get_or_add_tcPr()
            tc_w = tc_pr.get_or_add_tcW()
            tc_w.set(qn("w:w"), str(sum(twips[c:c + span])))
            tc_w.set(qn("w:type"), "dxa")
            c += span


def _indent_to_margin(table) -> None:
    """Borders on the text margins, as in the PDF. In the compatibility mode of our files
    (Word 2010's, which LibreOffice and WPS follow) a table's indent is measured to the
    first cell's text, so with no indent the left border sits a cell margin (0.19 cm)
    left of the page's text margin; indenting by that margin puts it on the margin and
    the right border, the table being as wide as the text, on the right margin."""
    OxmlElement, qn = _oxml()
    tbl_pr = table._tbl.tblPr
    ind = OxmlElement("w:tblInd")
    ind.set(qn("w:w"), str(round(CELL_MARGINS / 2 * 20)))
    ind.set(qn("w:type"), "dxa")
    tbl_pr.append(ind)


def _sort_tbl_pr(table) -> None:
    """Put w:tblPr's children in schema order (Word refuses a file that has them out)."""
    _, qn = _oxml()
    order = ["tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
             "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders",
             "shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription"]
    rank = {qn(f"w:{name}"): i for i, name in enumerate(order)}
    tbl_pr = table._tbl.tblPr
    children = sorted(tbl_pr, key=lambda el: rank.get(el.tag, len(order)))
    for el in children:
        tbl_pr.remove(el)
        tbl_pr.append(el)


def _no_borders(table) -> None:
    OxmlElement, qn = _oxml()
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def _cell_text(cell, runs, *, size: float, center: bool = False):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    text = "".join(r.text for r in runs)
    pieces = text.split("\n")
    first = cell.paragraphs[0]
    for i, piece in enumerate(pieces):
        p = first if i == 0 else cell.add_paragraph()
        p.paragraph_format.line_spacing = 1.2
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if piece:
            _run(p, piece, size=size)


def _keep_row(row) -> None:
    """A signing row never splits and stays on the page of the next row (and, for the last,
    of the seal): w:cantSplit on the row, keepNext on every paragraph in it."""
    OxmlElement, qn = _oxml()
    tr = getattr(row, "_tr", row)
    tr_pr = tr.get_or_add_trPr()
    if tr_pr.find(qn("w:cantSplit")) is None:
        tr_pr.append(OxmlElement("w:cantSplit"))
    for p in tr.iter(qn("w:p")):
        p.get_or_add_pPr().get_or_add_keepNext()     # (in schema order)


def signature_widths(blocks: list, width_pt: float) -> list[float]:
    """The signing table's columns as the PDF sizes them (pdf._signatures): the longest
    label, the signing line, the fingerprint box with its margin."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    font = fonts.register_pdf_font()
    any_box = any(b.style == "fingerprint" for b in blocks)
    box_width = FINGERPRINT_BOX + 8 * MM if any_box else 0
    # + the cell's own left and right margins (Word's default 0.19 cm each), which the PDF
    # does not have: without them the label wraps in LibreOffice and Word.
    label = max(stringWidth(b.text, font, SIZES["body"]) for b in blocks) + 4 + CELL_MARGINS
    label = min(label, width_pt - SIGN_LINE_WIDTH - box_width)
    line = min(SIGN_LINE_WIDTH, width_pt - label - box_width)
    return [label, line] + ([box_width] if any_box else [])


def _signatures(document, blocks: list, width_pt: float, closing: Sequence = ()) -> None:
    from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_CELL_VERTICAL_ALIGNMENT
    from docx.shared import Pt, RGBColor
    any_box = any(b.style == "fingerprint" for b in blocks)
    cols = 3 if any_box else 2
    table = document.add_table(rows=len(blocks), cols=cols)
    _no_borders(table)
    box = FINGERPRINT_BOX
    widths = signature_widths(blocks, width_pt)
    for row, block in zip(table.rows, blocks):
        row.height = Pt(box + 6 if block.style == "fingerprint" else SIZES["body"] * 2.8)
        row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        for cell in row.cells:
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
        _cell_text(row.cells[0], block.runs, size=SIZES["body"])
        _keep_row(row)
        _border(row.cells[1]._tc.get_or_add_tcPr(), {"bottom": "single"})
        if block.style == "fingerprint":
            cell = row.cells[2]
            _border(cell._tc.get_or_add_tcPr(), {e: "dashed" for e in
                                                  ("top", "left", "bottom", "right")})
            p = cell.paragraphs[0]
            from docx.enum.text import WD_ALIGN_PARAGRAPH
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _run(p, "指印", size=7.5, color=RGBColor(0x73, 0x73, 0x73))
    split = pdf.signing_split(blocks, list(closing)) if closing else None
    if split is not None:
        # Taller than a page (many parties): as in the PDF, the first rows keep with the
        # paragraph before and the last ones with the seal and the date; the rows between
        # may break (a keep chain longer than a page is broken anywhere, which could leave
        # only 记录人 with the seal).
        first, keep = split
        _, qn = _oxml()
        for row in table.rows[first:len(blocks) - keep]:
            for p in row._tr.iter(qn("w:p")):
                p_pr = p.find(qn("w:pPr"))
                node = p_pr.find(qn("w:keepNext")) if p_pr is not None else None
                if node is not None:
                    p_pr.remove(node)
    _grid(table, widths)
    _sort_tbl_pr(table)


# Text longer than this in a table row may need more than a page: such a row is never
# marked cantSplit (Word then splits it across pages, the row's cells side by side).
LONG_ROW_CHARS = 200


def _table(document, block: TableBlock, width_pt: float) -> None:
    from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_CELL_VERTICAL_ALIGNMENT
    from docx.shared import Pt
    total = sum(block.widths)
    widths = [width_pt * w / total for w in block.widths]
    table = document.add_table(rows=len(block.rows), cols=len(widths))
    table.style = document.styles["Table Grid"]
    table.autofit = False
    for row, cells in zip(table.rows, block.rows):
        c = 0
        lines = 1
        for cell in cells:
            target = row.cells[c]
            if cell.span > 1:
                target = target.merge(row.cells[c + cell.span - 1])
            target.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            text = cell.text
            _cell_text(target, cell.runs, size=SIZES["cell"], center=centred(cell))
            lines = max(lines, cell.lines, text.count("\n") + 1)
            c += cell.span
        row.height = Pt(lines * SIZES["cell"] * 1.5 + 8)
        row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    _grid(table, widths)
    _indent_to_margin(table)
    _sort_tbl_pr(table)
    if header_row(block):
        # Column headings (卷内目录) repeat at the top of every page the table runs onto.
        OxmlElement, qn = _oxml()
        tr_pr = table.rows[0]._tr.get_or_add_trPr()
        if tr_pr.find(qn("w:tblHeader")) is None:
            tr_pr.append(OxmlElement("w:tblHeader"))


def _keep_with_signatures(document) -> None:
    """The signing block never stands alone on a page: what is just before it keeps with it
    — the closing paragraph (with 此致 before the committee's name) and the spacing, or the
    last row of a table (the registration form)."""
    from docx.text.paragraph import Paragraph
    _, qn = _oxml()
    elements = [e for e in document.element.body if e.tag != qn("w:sectPr")]
    texts = 0
    while elements:
        element = elements.pop()
        if element.tag == qn("w:tbl"):
            rows = element.findall(qn("w:tr"))
            if rows:
                text = "".join(t.text or "" for t in rows[-1].iter(qn("w:t")))
                if len(text) <= LONG_ROW_CHARS:
                    _keep_row(rows[-1])
                else:
                    # A row that may be taller than a page must be allowed to split
                    # (cantSplit would push it whole onto a page it cannot fit); its
                    # last paragraph still keeps with the signing block.
                    last = rows[-1].findall(".//" + qn("w:p"))
                    if last:
                        last[-1].get_or_add_pPr().get_or_add_keepNext()
            return
        if element.tag != qn("w:p"):
            return
        paragraph = Paragraph(element, document._body)
        text = paragraph.text.strip()
        if text and texts and len(text) > 4:
            return                      # only a short 此致 goes along with the name
        paragraph.paragraph_format.keep_with_next = True
        if text:
            texts += 1
            if texts >= 2:
                return


def _closing_blocks(blocks: list) -> dict:
    """The seal and date blocks that follow each run of signing lines, by the id of the
    run's last line."""
    out: dict = {}
    last = None
    for block in blocks:
        if isinstance(block, Block) and block.style in ("signature", "fingerprint"):
            last = block
            out[id(last)] = []
        elif isinstance(block, Block) and block.style in ("seal", "date") and last is not None:
            out[id(last)].append(block)
        else:
            last = None
    return out


def render(docs: list[Document], *, title: str = "", author: str = "",
           on_document=None) -> bytes:
    """Render documents into one DOCX (one section per document); returns its bytes.
    ``on_document(i)`` is called as document ``i`` starts (progress)."""
    import docx
    from docx.enum.section import WD_SECTION
    from docx.shared import Pt

    document = docx.Document()
    _defaults(document)
    props = document.core_properties
    props.title = title or (docs[0].name if docs else "")
    props.author = author
    props.language = "zh-CN"
    width_pt = (210 * MM) - MARGINS["left"] - MARGINS["right"]
    # The cached page totals: each document's page count as the PDF lays it out (what a
    # reader that does not compute the field shows; LibreOffice for SECTIONPAGES).
    counts = pdf.render(docs)[1] if any(d.page_numbers for d in docs) else []
    total = "NUMPAGES" if len(docs) == 1 else "SECTIONPAGES"
    # The default template starts with one empty paragraph-less body and one section.
    for i, doc in enumerate(docs):
        if on_document is not None:
            on_document(i)
        section = document.sections[0] if i == 0 else document.add_section(WD_SECTION.NEW_PAGE)
        _page_setup(section)
        _footer(section, doc.page_numbers, total=total,
                pages=counts[i] if i < len(counts) else 1)
        signing: list = []
        closing = _closing_blocks(doc.blocks)

        def flush():
            if signing:
                _signatures(document, list(signing), width_pt, closing.get(id(signing[-1])))
                signing.clear()

        for block in doc.blocks:
            if isinstance(block, Block) and block.style in ("signature", "fingerprint"):
                if not signing:
                    _keep_with_signatures(document)
                signing.append(block)
                continue
            flush()
            if isinstance(block, Block):
                _paragraph(document, block)
            elif isinstance(block, Lines):
                _lines(document, block.count)
            elif isinstance(block, Space):
                p = document.add_paragraph()
                p.paragraph_format.space_after = Pt(block.count * SIZES["body"] * 0.6)
            elif isinstance(block, PageBreak):
                document.add_page_break()
            elif isinstance(block, TableBlock):
                _table(document, block, width_pt)
        flush()
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
