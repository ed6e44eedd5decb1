"""PDF renderer (reportlab): A4, the shipped font embedded as subsets, official layout.

Draws the format-neutral blocks of ``layout.Document``: a centred title, paragraphs with
mainland line-breaking, numbered terms as written by the template, tables with merged cells,
signing lines with room to sign, fingerprint boxes, the seal area, and "第N页 共M页" at the
foot of documents longer than one page. Several documents can go into one file (batch
printing); each keeps its own page numbering.

reportlab is imported lazily (at the first render), never at application start.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from mediator_desk.documents import fonts
from mediator_desk.documents.layout import (Block, Document, Lines, PageBreak, Space,
                                            TableBlock)

MM = 72 / 25.4
# Margins close to the official-document standard (GB/T 9704), slightly narrower at the top.
MARGINS = dict(top=25 * MM, bottom=25 * MM, left=26 * MM, right=24 * MM)
SIZES = dict(title=22, subtitle=16, body=14, cell=12, footer=10.5)   # 二号, 三号, 四号, 小四
LEADING = 1.7
SIGN_LINE_WIDTH = 55 * MM
FINGERPRINT_BOX = 17 * MM

_styles = None


def _style_sheet():
    """Paragraph styles (built once, after the font is registered)."""
    global _styles
    if _styles is not None:
        return _styles
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    font = fonts.register_pdf_font()
    body = SIZES["body"]
    base = ParagraphStyle("body", fontName=font, fontSize=body, leading=body * LEADING,
                          wordWrap="CJK", alignment=TA_JUSTIFY)
    _styles = {
        "para": base,
        # A heading (履行方式、时限：) never ends a page: it goes down with its text.
        "label": ParagraphStyle("label", parent=base, alignment=TA_LEFT, spaceBefore=5,
                                keepWithNext=1),
        "title": ParagraphStyle("title", parent=base, fontSize=SIZES["title"],
                                leading=SIZES["title"] * 1.5, alignment=TA_CENTER,
                                spaceBefore=4, spaceAfter=10),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=SIZES["subtitle"],
                                   leading=SIZES["subtitle"] * 1.5, alignment=TA_CENTER),
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
        "right": ParagraphStyle("right", parent=base, alignment=TA_RIGHT),
        "date": ParagraphStyle("date", parent=base, alignment=TA_RIGHT, spaceBefore=6),
        "seal": ParagraphStyle("seal", parent=base, alignment=TA_RIGHT, spaceBefore=24),
        "signature": ParagraphStyle("signature", parent=base, alignment=TA_LEFT),
        "cell": ParagraphStyle("cell", parent=base, fontSize=SIZES["cell"],
                               leading=SIZES["cell"] * 1.5, alignment=TA_LEFT),
        "cell_center": ParagraphStyle("cell_center", parent=base, fontSize=SIZES["cell"],
                                      leading=SIZES["cell"] * 1.5, alignment=TA_CENTER),
    }
    return _styles


# reportlab collapses runs of spaces, ideographic ones included; a clerk's full-width
# spaces (卷　　名) must keep their width, so they become no-break spaces (4 ≈ 1 em).
_IDEOGRAPHIC_SPACE = "\u00a0" * 4


def _escape(text: str) -> str:
    return escape(text).replace("\u3000", _IDEOGRAPHIC_SPACE)


def _indented(styles, name: str, indent: float):
    """The style ``name`` with a first-line indent of ``indent`` em (made once, then kept)."""
    if not indent:
        return styles[name]
    key = f"{name}-i{indent}"
    if key not in styles:
        from reportlab.lib.styles import ParagraphStyle
        base = styles[name]
        styles[key] = ParagraphStyle(key, parent=base, firstLineIndent=indent * base.fontSize)
    return styles[key]


def _markup(runs) -> str:
    return "".join(_escape(r.text) for r in runs)


# --- flowables (classes built lazily so reportlab loads only when rendering) --------------

_flowables = None


def _flowable_classes():
    global _flowables
    if _flowables is not None:
        return _flowables
    from reportlab.platypus import Flowable

    class WritingLines(Flowable):
        """Ruled lines to write on, full width."""

        def __init__(self, count: int, pitch: float):
            super().__init__()
            self.count, self.pitch = count, pitch

        def wrap(self, avail_width, avail_height):
            self.width = avail_width
            return avail_width, self.count * self.pitch + 6

        def split(self, avail_width, avail_height):
            fit = int((avail_height - 6) // self.pitch)
            if fit <= 0 or fit >= self.count:
                return []
            return [WritingLines(fit, self.pitch), WritingLines(self.count - fit, self.pitch)]

        def draw(self):
            c = self.canv
            c.setLineWidth(0.5)
            for i in range(self.count):
                y = (self.count - i - 1) * self.pitch + 8
                c.line(0, y, self.width, y)

    class SignLine(Flowable):
        """A line to sign on (drawn at the text baseline)."""

        def __init__(self, width: float, height: float):
            super().__init__()
            self.width, self.height = width, height

        def wrap(self, *_):
            return self.width, self.height

        def draw(self):
            self.canv.setLineWidth(0.6)
            self.canv.line(0, 4, self.width, 4)

    class FingerprintBox(Flowable):
        """A dashed square where the party presses a fingerprint."""

        def __init__(self, size: float, font: str):
            super().__init__()
            self.size, self.font = size, font

        def wrap(self, *_):
            return self.size, self.size

        def draw(self):
            c = self.canv
            c.saveState()
            c.setLineWidth(0.5)
            c.setDash(2, 2)
            c.rect(0, 0, self.size, self.size)
            c.setFont(self.font, 7.5)
            c.setFillGray(0.45)
            c.drawCentredString(self.size / 2, 3, "指印")
            c.restoreState()

    class StartDocument(Flowable):
        """Zero-size marker: a new document (own page numbering) starts on this page."""

        def __init__(self, numbered: bool):
            super().__init__()
            self.numbered = numbered

        def wrap(self, *_):
            return 0, 0

        def draw(self):
            start = getattr(self.canv, "start_document", None)
            if start:
                start(self.numbered)

    _flowables = dict(WritingLines=WritingLines, SignLine=SignLine,
                      FingerprintBox=FingerprintBox, StartDocument=StartDocument)
    return _flowables


def _numbered_canvas_class(font: str):
    """A canvas that holds pages back until the end so it can write 第N页 共M页 per document."""
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            # Start in our font, or reportlab lists Helvetica (never embedded) on every page.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or font
            super().__init__(*args, **kwargs)
            self._pages = []          # saved page states
            self._page_docs = []      # document index of each page
            self._docs = []           # numbered? per document
            self._current = -1

        on_document = None    # called with the index of each document as it starts

        def start_document(self, numbered: bool):
            self._docs.append(numbered)
            self._current = len(self._docs) - 1
            if self.on_document is not None:
                self.on_document(self._current)

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._page_docs.append(self._current)
            self._startPage()

        def page_counts(self) -> list[int]:
            counts = [0] * len(self._docs)
            for doc in self._page_docs:
                if doc >= 0:
                    counts[doc] += 1
            return counts

        def save(self):
            counts = self.page_counts()
            seen: dict[int, int] = {}
            for state, doc in zip(self._pages, self._page_docs):
                self.__dict__.update(state)
                seen[doc] = seen.get(doc, 0) + 1
                if doc >= 0 and self._docs[doc] and counts[doc] > 1:
                    self.setFont(font, SIZES["footer"])
                    self.drawCentredString(self._pagesize[0] / 2, 12 * MM,
                                           f"第 {seen[doc]} 页  共 {counts[doc]} 页")
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


# --- blocks → flowables ----------------------------------------------------------------

def _signatures(blocks: list, styles, frame_width: float, group: list):
    """Signing lines as a table whose columns are sized for the whole ``group`` of
    consecutive signing lines, so lines and fingerprint boxes align across page breaks."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Paragraph, Table, TableStyle

    fl = _flowable_classes()
    style = styles["signature"]
    any_box = any(b.style == "fingerprint" for b in group)
    box_width = FINGERPRINT_BOX + 8 * MM if any_box else 0
    label_width = max(stringWidth(b.text, style.fontName, style.fontSize) for b in group) + 4
    label_width = min(label_width, frame_width - SIGN_LINE_WIDTH - box_width)
    line_width = min(SIGN_LINE_WIDTH, frame_width - label_width - box_width)
    rows, heights = [], []
    for b in blocks:
        label = Paragraph(_markup(b.runs) or "&nbsp;", style)
        row = [label, fl["SignLine"](line_width, style.leading)]
        if any_box:
            row.append(fl["FingerprintBox"](FINGERPRINT_BOX, style.fontName)
                       if b.style == "fingerprint" else "")
        rows.append(row)
        # A long label (乙方（盖章，法定代表人或委托代理人签名）：) wraps; the row grows with
        # it, or the second line would print over the next row's label.
        _, label_height = label.wrap(label_width, 10_000)
        base = FINGERPRINT_BOX + 8 if b.style == "fingerprint" else style.fontSize * 2.5
        heights.append(max(base, label_height + style.fontSize + 2))
    widths = [label_width, line_width] + ([box_width] if any_box else [])
    table = Table(rows, colWidths=widths, rowHeights=heights, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), style.fontName, style.fontSize),   # else Helvetica
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2), ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("ALIGN", (-1, 0), (-1, -1), "RIGHT"),
    ]))
    return table


def _table(block: TableBlock, styles, frame_width: float):
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    total = sum(block.widths)
    widths = [frame_width * w / total for w in block.widths]
    cell_style = styles["cell"]
    pitch = cell_style.leading
    data, commands = [], []
    pad = 4
    for r, row in enumerate(block.rows):
        cells, c = [], 0
        for cell in row:
            width = sum(widths[c:c + cell.span]) - 2 * pad
            text = cell.text
            if not text.strip():
                content = Spacer(1, max(cell.lines, 1) * pitch)
            else:
                style = styles["cell_center"] if _centred(cell, width, cell_style) else cell_style
                paragraphs = [Paragraph(_escape(piece) or "&nbsp;", style)
                              for piece in text.split("\n")]
                if cell.lines > len(paragraphs):
                    paragraphs.append(Spacer(1, (cell.lines - len(paragraphs)) * pitch))
                content = paragraphs if len(paragraphs) > 1 else paragraphs[0]
            cells.append(content)
            if cell.span > 1:
                commands.append(("SPAN", (c, r), (c + cell.span - 1, r)))
                cells.extend([""] * (cell.span - 1))
            c += cell.span
        data.append(cells)
    table = Table(data, colWidths=widths, splitByRow=1, splitInRow=1)
    table.md_block = block      # so the closing part can take the last row along
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), cell_style.fontName, cell_style.fontSize),  # else Helvetica
        ("GRID", (0, 0), (-1, -1), 0.7, "black"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), pad), ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        *commands,
    ]))
    return table


CENTRED_VALUE_CHARS = 12


def centred(cell) -> bool:
    """Labels and short values are centred in their cell; longer text reads from the left."""
    text = cell.text
    return "\n" not in text and len(text) <= CENTRED_VALUE_CHARS


def _centred(cell, width: float, style) -> bool:
    from reportlab.pdfbase.pdfmetrics import stringWidth
    return centred(cell) and stringWidth(cell.text, style.fontName, style.fontSize) <= width


# A4 height less the margins and the frame's own padding (6 pt top and bottom).
FRAME_HEIGHT = 297 * MM - MARGINS["top"] - MARGINS["bottom"] - 12


def _height(flowables: list, width: float) -> float:
    """The height ``flowables`` take stacked (spacing included), as laid out in ``width``."""
    total = 0.0
    for f in flowables:
        total += f.wrap(width, 1e6)[1] + f.getSpaceBefore() + f.getSpaceAfter()
    return total


def document_flowables(doc: Document, frame_width: float) -> list:
    """The reportlab flowables for one document (starting with its page-numbering marker)."""
    from reportlab.platypus import KeepTogether, PageBreak as RLPageBreak, Paragraph, Spacer

    styles = _style_sheet()
    fl = _flowable_classes()
    out: list = [fl["StartDocument"](doc.page_numbers)]
    # The closing part: signing lines, then the seal and the date. Signing lines may run
    # over a page break, but the last one stays with the seal and the date, so a page never
    # starts with a lone date or seal.
    signing: list = []
    tail: list = []

    def lead_in() -> list:
        """What the signing block takes along so it never stands alone on a page: the
        paragraph before it (此致 / the committee's name), or the last row of a table (the
        registration form), with the spacing in between."""
        spacers = []
        while out and isinstance(out[-1], Spacer) and len(spacers) < 3:
            spacers.insert(0, out.pop())
        last = out[-1] if out else None
        if isinstance(last, Paragraph):
            lead = [out.pop(), *spacers]
            # 此致 goes along with the committee's name that follows it.
            if out and isinstance(out[-1], Paragraph) and \
                    len(out[-1].getPlainText().strip()) <= 4:
                lead.insert(0, out.pop())
            return lead
        block = getattr(last, "md_block", None)
        if block is not None and len(block.rows) > 1:
            out.pop()
            out.append(_table(TableBlock(block.widths, block.rows[:-1]), styles, frame_width))
            return [_table(TableBlock(block.widths, block.rows[-1:]), styles, frame_width),
                    *spacers]
        out.extend(spacers)
        return []

    def flush_closing():
        if signing:
            # The whole signing block stays together (and with what precedes it); a block
            # taller than a page may still break, but its last line stays with seal and date.
            # (One flat KeepTogether: a nested one reports an "infinite" height, which
            # would push the whole group to a new page every time.)
            whole = [_signatures(signing, styles, frame_width, signing), *tail]
            if _height(whole, frame_width) <= FRAME_HEIGHT * 0.8:
                out.append(KeepTogether([*lead_in(), *whole]))
            else:
                if len(signing) > 1:
                    out.append(_signatures(signing[:-1], styles, frame_width, signing))
                out.append(KeepTogether(
                    [_signatures(signing[-1:], styles, frame_width, signing), *tail]))
            signing.clear()
            tail.clear()
        if tail:
            out.append(KeepTogether(list(tail)))
            tail.clear()

    for block in doc.blocks:
        if isinstance(block, Block):
            if block.style in ("signature", "fingerprint"):
                if tail:
                    flush_closing()
                signing.append(block)
                continue
            if block.style in ("seal", "date"):
                tail.append(Paragraph(_markup(block.runs) or "&nbsp;", styles[block.style]))
                continue
            flush_closing()
            out.append(Paragraph(_markup(block.runs), _indented(styles, block.style,
                                                                 block.indent)))
        else:
            flush_closing()
            if isinstance(block, Lines):
                out.append(fl["WritingLines"](block.count, SIZES["body"] * LEADING * 1.05))
            elif isinstance(block, Space):
                out.append(Spacer(1, block.count * SIZES["body"] * LEADING * 0.6))
            elif isinstance(block, PageBreak):
                out.append(RLPageBreak())
            elif isinstance(block, TableBlock):
                out.append(Spacer(1, 4))
                out.append(_table(block, styles, frame_width))
                out.append(Spacer(1, 8))
    flush_closing()
    return out


def render(docs: list[Document], *, title: str = "", author: str = "", subject: str = "",
           on_document=None) -> tuple[bytes, list[int]]:
    """Render documents into one A4 PDF; returns (pdf bytes, page count per document).

    ``on_document(i)`` is called as document ``i`` starts (for progress; it may raise to
    cancel)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import PageBreak as RLPageBreak, SimpleDocTemplate

    font = fonts.register_pdf_font()
    buffer = io.BytesIO()
    template = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGINS["left"], rightMargin=MARGINS["right"],
        topMargin=MARGINS["top"], bottomMargin=MARGINS["bottom"],
        title=title or (docs[0].name if docs else ""), author=author, subject=subject,
        creator="mediator_desk")
    frame_width = A4[0] - MARGINS["left"] - MARGINS["right"]
    story: list = []
    for i, doc in enumerate(docs):
        if i:
            story.append(RLPageBreak())
        story.extend(document_flowables(doc, frame_width))
    made = []
    base = _numbered_canvas_class(font)

    def canvasmaker(*args, **kwargs):
        canvas = base(*args, **kwargs)
        canvas.on_document = on_document
        made.append(canvas)
        return canvas

    template.build(story, canvasmaker=canvasmaker)
    counts = made[-1].page_counts() if made else []
    return buffer.getvalue(), counts
