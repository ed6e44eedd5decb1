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
from typing import Any
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
        # A heading (履行方式、时限：) never ends a page: a conditional page break before it
        # keeps it with the first lines of its text (``_keep_headings``), not with the whole
        # text (keepWithNext would push a long section whole onto the next page).
        "label": ParagraphStyle("label", parent=base, alignment=TA_LEFT, spaceBefore=5),
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


# A cell whose text wraps to more lines than this is laid out one line per table row (see
# ``_table``), so it can continue on the next page.
LONG_CELL_LINES = 4


def _line_texts(text: str, style, width: float) -> list[str]:
    """``text`` cut where reportlab wraps it in ``width`` (one string per printed line).

    Cutting at those places and wrapping each piece again gives the same lines, because
    line breaking only looks forward from a line's start. If the wrapped lines cannot be
    found in the text again (never seen; a safeguard), the text is cut into pieces of the
    average line length instead: wrapped differently, but still never overprinting."""
    from reportlab.platypus import Paragraph

    para = Paragraph(_escape(text) or "&nbsp;", style)
    para.wrap(width, 1e9)
    printed = text.replace("\u3000", _IDEOGRAPHIC_SPACE)
    lines = []
    for line in para.blPara.lines:
        if isinstance(line, tuple):
            lines.append("".join(line[1]))
        else:
            lines.append("".join(f.text for f in line.words))
    out, cursor = [], 0
    for i, line in enumerate(lines):
        line = line.strip()
        at = printed.find(line, cursor) if line else cursor
        if at < 0 or printed[cursor:at].strip():
            break
        end = at + len(line) if i < len(lines) - 1 else len(printed)
        out.append(printed[cursor:end])
        cursor = end
    else:
        if cursor >= len(printed):
            return [t for t in out if t.strip()] or [text]
    step = max(1, len(printed) // max(1, len(lines)) - 1)
    return [printed[i:i + step] for i in range(0, len(printed), step)]


def _table(block: TableBlock, styles, frame_width: float):
    """A ruled table. reportlab splits tables only between rows (its in-row split draws a
    spanned cell's remainder at one column's width and over whatever is above it), so a
    cell with long text is laid out as one table row per printed line, without rules
    between those rows: the cell reads as one, and the page may break after any line. The
    other cells of that row (the label) sit in its first line rows, which are as many as
    the label needs. A first row of labels only, followed by rows of the same shape, is a
    header and is repeated on every page (卷内目录)."""
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    total = sum(block.widths)
    widths = [frame_width * w / total for w in block.widths]
    cols = len(widths)
    cell_style = styles["cell"]
    pitch = cell_style.leading
    pad, top_pad, bottom_pad = 4, 3, 5
    data: list[list] = []
    commands: list[tuple] = []
    joined = set()          # rows with no rule above them (a long cell's continuation)
    for row in block.rows:
        first = len(data)
        cells, spans, long_cells, c = [], [], {}, 0
        for cell in row:
            width = sum(widths[c:c + cell.span]) - 2 * pad
            text = cell.text
            content: Any = None
            if not text.strip():
                content = Spacer(1, max(cell.lines, 1) * pitch)
            else:
                style = styles["cell_center"] if _centred(cell, width, cell_style) else cell_style
                pieces = text.split("\n")
                paragraphs = [Paragraph(_escape(piece) or "&nbsp;", style) for piece in pieces]
                height = sum(p.wrap(width, 1e9)[1] for p in paragraphs)
                if height > max(LONG_CELL_LINES, cell.lines) * pitch + 0.5:
                    long_cells[c] = [line for piece in pieces
                                     for line in (_line_texts(piece, style, width)
                                                  if piece.strip() else ["\u00a0"])]
                else:
                    if cell.lines > len(paragraphs):
                        paragraphs.append(Spacer(1, (cell.lines - len(paragraphs)) * pitch))
                    content = paragraphs if len(paragraphs) > 1 else paragraphs[0]
            cells.append((c, cell.span, width, content))
            if cell.span > 1:
                spans.append((c, c + cell.span - 1))
            c += cell.span
        line_rows: list[list[Any]]
        if not long_cells:
            line_rows = [[None] * cols]
            for col, span, _, content in cells:
                line_rows[0][col] = content
        else:
            # The other cells take the first line rows: as many as the tallest needs.
            need = 1
            for col, span, width, content in cells:
                if col not in long_cells:
                    parts = content if isinstance(content, list) else [content]
                    h = sum(p.wrap(width, 1e9)[1] for p in parts)
                    need = max(need, int(-(-(h - 0.5) // pitch)))
            count = max(max(len(v) for v in long_cells.values()) - need + 1, 1)
            line_rows = [[None] * cols for _ in range(count)]
            for col, span, width, content in cells:
                if col not in long_cells:
                    line_rows[0][col] = content
                    continue
                lines = long_cells[col]
                groups = ["".join(lines[:need])] + lines[need:]
                for i, text in enumerate(groups):
                    line_rows[i][col] = Paragraph(escape(text), cell_style)
            for i in range(1, count):
                joined.add(first + i)
            last = first + count - 1
            commands += [("BOTTOMPADDING", (0, first), (-1, last - 1), 0),
                         ("TOPPADDING", (0, first + 1), (-1, last), 0)]
        for line_row in line_rows:
            r = len(data)
            data.append([x if x is not None else "" for x in line_row])
            for sc, ec in spans:
                commands.append(("SPAN", (sc, r), (ec, r)))
    rows = len(data)
    rules = [("BOX", (0, 0), (-1, -1), 0.7, "black")]
    if cols > 1:
        rules.append(("LINEBEFORE", (1, 0), (-1, -1), 0.7, "black"))
    for r in range(1, rows):
        if r not in joined:
            rules.append(("LINEABOVE", (0, r), (-1, r), 0.7, "black"))
    repeat = 1 if header_row(block) else 0
    table = Table(data, colWidths=widths, splitByRow=1, repeatRows=repeat)
    table.md_block = block      # so the closing part can take the last row along
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), cell_style.fontName, cell_style.fontSize),  # else Helvetica
        *rules,
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), pad), ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), top_pad),
        ("BOTTOMPADDING", (0, 0), (-1, -1), bottom_pad),
        *commands,
    ]))
    return table


def header_row(block: TableBlock) -> bool:
    """Whether the table's first row is column headings, to repeat on every page: short
    labels in every column, and every row of the same shape (序号 | 文书名称 | 页号 | 备注).
    A form whose table mixes shapes (the registration form's party rows, then full-width
    rows) has no header to repeat."""
    cols = len(block.widths)
    return len(block.rows) > 2 and all(len(row) == cols for row in block.rows) and all(
        cell.text.strip() and len(cell.text) <= 6 for cell in block.rows[0])


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
        spacers: list[Spacer] = []
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
            # The whole signing block, the seal and the date stay together, with what
            # precedes it (one flat KeepTogether: a nested one reports an "infinite"
            # height, which would push the whole group to a new page every time).
            lead = lead_in()
            whole = [_signatures(signing, styles, frame_width, signing), *tail]
            if _height([*lead, *whole], frame_width) <= FRAME_HEIGHT:
                out.append(KeepTogether([*lead, *whole]))
            else:
                # Taller than a page (many parties): the seal and the date keep the
                # mediator's, the recorder's and the last parties' signatures, up to half a
                # page (never only 记录人); the first rows keep with the lead-in.
                out.extend(_split_signing(lead, list(signing), list(tail)))
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
    return _keep_headings(out, frame_width)


# Rows of a signing block taller than a page that stay with the seal and the date: at least
# this many (the last party's, the mediator's and the recorder's), more up to half a page.
SEAL_ROWS_MIN = 3
# Rows that keep with the paragraph before a signing block taller than a page.
LEAD_ROWS = 2


def _split_signing(lead: list, signing: list, tail: list) -> list:
    """A signing block taller than a page in three parts with the same column widths:
    the lead-in with the first rows, the middle rows (breaking between any rows), and the
    last rows with the seal and the date."""
    from reportlab.platypus import KeepTogether
    styles = _style_sheet()
    frame_width = _frame_width()

    def table(rows):
        return _signatures(rows, styles, frame_width, signing)

    first, keep = _signing_parts(signing, tail)
    out = []
    if first:
        out.append(KeepTogether([*lead, table(signing[:first])]))
    else:
        out.extend(lead)
    if len(signing) - keep > first:
        out.append(table(signing[first:len(signing) - keep]))
    out.append(KeepTogether([table(signing[-keep:]), *tail]))
    return out


def _signing_parts(signing: list, tail: list) -> tuple[int, int]:
    """How a signing block taller than a page is cut: (rows kept with the lead-in, rows kept
    with the seal and the date ``tail``)."""
    styles = _style_sheet()
    frame_width = _frame_width()
    keep = min(SEAL_ROWS_MIN, len(signing))
    while keep < len(signing) - LEAD_ROWS and _height(
            [_signatures(signing[-(keep + 1):], styles, frame_width, signing), *tail],
            frame_width) <= FRAME_HEIGHT / 2:
        keep += 1
    return min(LEAD_ROWS, len(signing) - keep), keep


def signing_split(signing: list, closing: list) -> tuple[int, int] | None:
    """For the DOCX: None when the signing lines ``signing`` with the seal and date blocks
    ``closing`` fit on a page (all kept together), else how the PDF cuts them: (rows kept
    with the paragraph before, rows kept with the seal and the date)."""
    from reportlab.platypus import Paragraph
    styles = _style_sheet()
    tail = [Paragraph(_markup(b.runs) or "&nbsp;", styles[b.style]) for b in closing]
    whole = [_signatures(signing, styles, _frame_width(), signing), *tail]
    if _height(whole, _frame_width()) <= FRAME_HEIGHT:
        return None
    return _signing_parts(signing, tail)


def _frame_width() -> float:
    """The width the text frame gives its flowables: A4 less the margins and the frame's own
    padding (6 pt left and right); a table as wide as the margins would stick out by 6 pt."""
    return 210 * MM - MARGINS["left"] - MARGINS["right"] - 12


# Lines of a heading's text that must fit under it on the same page.
HEADING_KEEP_LINES = 2


def _keep_headings(flowables: list, frame_width: float) -> list:
    """A heading (the "label" style) never ends a page: before it, a conditional page break
    asks for room for the heading and the first one or two lines of what follows (the
    first row of a table; the next heading and its lines), so the text may then break after
    those lines instead of going whole onto the next page."""
    from reportlab.platypus import CondPageBreak, Paragraph, Spacer, Table

    def is_heading(f) -> bool:
        return isinstance(f, Paragraph) and f.style.name.startswith("label")

    def first_lines(i: int) -> float:
        """The height from flowable ``i`` to the end of the first lines of its text."""
        total = 0.0
        for f in flowables[i:]:
            if isinstance(f, Spacer):
                total += f.wrap(frame_width, 1e6)[1]
                continue
            height = f.wrap(frame_width, 1e6)[1]
            if is_heading(f):
                total += height + f.getSpaceBefore() + f.getSpaceAfter()
                continue
            if isinstance(f, Paragraph):
                leading = f.style.leading
                lines = max(1, round(height / leading))
                # reportlab leaves no single first line at a page foot (allowOrphans=0).
                keep = HEADING_KEEP_LINES if lines > HEADING_KEEP_LINES else lines
                return total + f.getSpaceBefore() + keep * leading
            if isinstance(f, Table) and getattr(f, "_rowHeights", None):
                repeat = getattr(f, "repeatRows", 0) or 0
                rows = f._rowHeights[:repeat + 1] if isinstance(repeat, int) else f._rowHeights[:1]
                return total + f.getSpaceBefore() + sum(rows)
            pitch = getattr(f, "pitch", None)
            if pitch:                                # writing lines
                return total + min(height, HEADING_KEEP_LINES * pitch + 6)
            return total + min(height, HEADING_KEEP_LINES * SIZES["body"] * LEADING)
        return total

    out: list = []
    for i, f in enumerate(flowables):
        if is_heading(f) and not (out and isinstance(out[-1], CondPageBreak)):
            out.append(CondPageBreak(first_lines(i) + 1))
        out.append(f)
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
    frame_width = _frame_width()
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
