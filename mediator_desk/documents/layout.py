"""Filling a parsed template with a context: format-neutral blocks both renderers draw.

``expand(template, context)`` walks the template tree, repeats ``@每个`` bodies per item,
chooses ``@如果`` branches, substitutes the values and decides, per placeholder, between the
value, a blank line to write on, or a refusal (``{名称!}`` missing on a filled form). It also
checks every printed character against the font's character map, so a character the font
lacks is reported (naming the party and field) instead of printing blank.

The result, a :class:`Document`, is what the PDF and DOCX renderers receive: the same blocks
for both formats, so both carry the same content.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mediator_desk.documents import conventions
from mediator_desk.documents.fields import LIST_DESCRIPTIONS
from mediator_desk.documents.template import (Cond, Para, Repeat, Row, Simple,
                                              TableNode, Template, Text)
from mediator_desk.errors import ValidationError

DEFAULT_BLANK_CHARS = 6
# One underscore is about half a CJK character wide in both the PDF font and 宋体.
UNDERSCORES_PER_CHAR = 2
# Date skeletons for an empty table cell. No-break spaces, because reportlab collapses
# runs of ordinary (and ideographic) spaces.
_GAP = "\u00a0" * 6
CELL_DATE = f"{_GAP}{_GAP}年{_GAP}月{_GAP}日"
CELL_TIME = f"{CELL_DATE}{_GAP}时{_GAP}分"


# --- blocks ------------------------------------------------------------------------------

@dataclass
class Run:
    text: str
    blank: bool = False   # a line to write on (underscores), not a value


@dataclass
class Block:
    """A paragraph-like element. ``style``: title, subtitle, center, right, label, para,
    signature, fingerprint, seal, date."""

    style: str
    runs: list
    indent: float = 0.0

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass
class Lines:
    """Ruled lines to write on."""

    count: int


@dataclass
class Space:
    count: int


@dataclass
class PageBreak:
    pass


@dataclass
class TableCell:
    runs: list
    span: int = 1
    lines: int = 1    # minimum height in text lines (room to write)

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass
class TableBlock:
    widths: tuple
    rows: list   # of list[TableCell]


@dataclass
class Document:
    kind: str
    name: str
    blocks: list
    page_numbers: bool = True
    blank: bool = False

    def plain_text(self) -> str:
        """All text in reading order (for tests and previews)."""
        out = []
        for b in self.blocks:
            if isinstance(b, Block):
                out.append(b.text)
            elif isinstance(b, TableBlock):
                out.extend(c.text for row in b.rows for c in row)
        return "\n".join(out)


# --- problems ------------------------------------------------------------------------------

@dataclass
class _Problems:
    missing: list = field(default_factory=list)
    glyphs: list = field(default_factory=list)

    def add_missing(self, label: str) -> None:
        if label not in self.missing:
            self.missing.append(label)


_GLYPH_HINT = "请核对是否录入了错字或特殊符号；生僻字请改用通用写法并在备注中说明"
_FIELDS_HINT = "请先在案件中补全这些内容，或打印空白文书手工填写"


def _where(doc_name: str, within: str) -> str:
    """'“卷内目录”：卷宗里的“人民调解受理登记表”' — the document asked for and the part."""
    return f"“{doc_name}”：卷宗里的“{within}”" if within else f"“{doc_name}”"


class MissingGlyph(ValidationError):
    """Characters the shipped font cannot draw; ``problems`` lists (where, character).

    ``doc_name`` is the document asked for; ``within`` the form of the case file where the
    characters are, when that is another one (the whole case file, its table of contents
    or back cover, which lay out every form to number the pages)."""

    def __init__(self, doc_name: str, problems: list[tuple[str, str]], *, within: str = "",
                 hint: str = ""):
        self.problems = problems
        self.doc_name, self.within = doc_name, within
        shown = "；".join(f"{where}中的“{ch}”（U+{ord(ch):04X}）" for where, ch in problems[:8])
        more = f"等{len(problems)}处" if len(problems) > 8 else ""
        lacks = "中，字体没有这些字" if within else "：字体中没有这些字"
        super().__init__(f"不能打印{_where(doc_name, within)}{lacks}——{shown}{more}",
                         field=problems[0][0], hint=hint or _GLYPH_HINT)


class MissingFields(ValidationError):
    """A filled form lacks values it cannot print without; ``labels`` names each
    (``doc_name`` and ``within`` as for :class:`MissingGlyph`)."""

    def __init__(self, doc_name: str, labels: list[str], *, within: str = "", hint: str = ""):
        self.labels = labels
        self.doc_name, self.within = doc_name, within
        sep = "" if within else "，"
        super().__init__(f"不能打印{_where(doc_name, within)}{sep}缺少：{'；'.join(labels)}",
                         field=labels[0], hint=hint or _FIELDS_HINT)


def as_requested(exc: "MissingGlyph | MissingFields", doc_name: str, *, why: str = ""):
    """``exc``, raised for one form of the case file, restated for the document the user
    asked for (``doc_name``: 卷内目录, 封底, 整本卷宗 …), still naming the form where the
    problem is (``why``: a sentence put before the hint). Unchanged when it is about
    ``doc_name`` itself."""
    if exc.doc_name == doc_name:
        return exc
    within = exc.within or exc.doc_name
    hint = why + (_GLYPH_HINT if isinstance(exc, MissingGlyph) else _FIELDS_HINT)
    if isinstance(exc, MissingGlyph):
        return MissingGlyph(doc_name, exc.problems, within=within, hint=hint)
    return MissingFields(doc_name, exc.labels, within=within, hint=hint)


# --- expansion -----------------------------------------------------------------------------

def blank_text(spec: str) -> str:
    """The write-on line printed for a missing value with width ``spec``."""
    if spec == "日期":
        return "______年____月____日"
    if spec == "时间":
        return "______年____月____日____时____分"
    chars = int(spec) if spec.isdigit() else DEFAULT_BLANK_CHARS
    return "_" * (chars * UNDERSCORES_PER_CHAR)


def _lines_spec(spec: str) -> int:
    return int(spec[:-1]) if spec.endswith("行") else 0


def _item_label(loop: str, item: dict) -> str:
    if "姓名" in item or "身份" in item:
        who = item.get("方") if loop in ("当事人", "自然人当事人", "单位当事人") else None
        who = who or item.get("身份") or loop
        return f"{who}“{item.get('姓名') or '（未填姓名）'}”"
    return f"{LIST_DESCRIPTIONS.get(loop, loop)}第{item.get('编号', '?')}项"


class _Expander:
    def __init__(self, template: Template, context: dict, *, blank: bool, cmap):
        self.t = template
        self.ctx = context
        self.blank = blank
        self.cmap = cmap
        self.scopes: list[tuple[str, dict]] = []
        self.problems = _Problems()
        self.checked_literals: set[tuple[int, str]] = set()

    # values ----------------------------------------------------------------------------
    def lookup(self, name: str):
        """(value, label) of ``name`` in the current scopes (None if absent)."""
        if name == "空白":
            return self.blank, "空白"
        if "." in name:
            loop, _, key = name.partition(".")
            for scope_name, item in reversed(self.scopes):
                if scope_name == loop:
                    return item.get(key), f"{_item_label(loop, item)}的{key}"
            return None, name
        return self.ctx.get(name), name

    def check_glyphs(self, text: str, where: str) -> None:
        if self.cmap is None:
            return
        for ch in text:
            if ch not in "\n\r\t" and ord(ch) not in self.cmap:
                if (where, ch) not in self.problems.glyphs:
                    self.problems.glyphs.append((where, ch))

    def check_literal(self, text: str, line: int) -> None:
        """Template text is checked once per line (not again for every repeated item)."""
        if self.cmap is None or (line, text) in self.checked_literals:
            return
        self.checked_literals.add((line, text))
        self.check_glyphs(text, f"模板 {self.t.path.name} 第{line}行")

    def runs(self, text: Text, *, in_cell: bool = False) -> tuple[list, int]:
        """Runs for ``text`` and the number of write-on lines a missing ``N行`` value needs."""
        out: list[Run] = []
        lines = 0
        # A table cell holding nothing but one value: the cell itself is the room to write.
        alone = in_cell and len(text.parts) == 1
        for part in text.parts:
            if isinstance(part, str):
                self.check_literal(part, text.line)
                out.append(Run(part))
                continue
            value, label = self.lookup(part.name)
            if value is None or value == "" or value is False:
                if part.required and not self.blank:
                    self.problems.add_missing(label)
                n = _lines_spec(part.spec)
                if n:
                    lines = max(lines, n)
                    continue
                if alone:
                    if part.spec in ("日期", "时间"):
                        out.append(Run(CELL_DATE if part.spec == "日期" else CELL_TIME, blank=True))
                    continue
                out.append(Run(blank_text(part.spec), blank=True))
                continue
            value = conventions.as_text(value)
            self.check_glyphs(value, label)
            out.append(Run(value))
        return out, lines

    def truthy(self, name: str) -> bool:
        value, _ = self.lookup(name)
        return bool(value)

    # nodes -----------------------------------------------------------------------------
    def nodes(self, nodes: list) -> list:
        out: list = []
        for node in nodes:
            if isinstance(node, Para):
                out.extend(self.para(node))
            elif isinstance(node, Repeat):
                for _ in self.repeat(node):
                    out.extend(self.nodes(node.body))
            elif isinstance(node, Cond):
                out.extend(self.nodes(node.then if self.truthy(node.name) else node.otherwise))
            elif isinstance(node, Simple):
                out.append(PageBreak() if node.kind == "page_break" else
                           Space(node.count) if node.kind == "space" else Lines(node.count))
            elif isinstance(node, TableNode):
                rows = self.rows(node.rows)
                if rows:
                    out.append(TableBlock(node.widths, rows))
        return out

    def repeat(self, node: Repeat):
        items = self.lookup(node.name)[0]
        if self.blank and items is None:
            # A blank form: room for this many entries, written by hand.
            items = [{} for _ in range(node.blank_count)]
        items = items or []
        if node.required and not items and not self.blank:
            self.problems.add_missing(LIST_DESCRIPTIONS.get(node.name, node.name))
        for i, item in enumerate(items, 1):
            auto = {"序号": conventions.cn_ordinal(i), "编号": str(i),
                    "方": conventions.side_name(i)}
            self.scopes.append((node.name, {**auto, **item}))
            try:
                yield i
            finally:
                self.scopes.pop()

    def para(self, node: Para) -> list:
        runs, lines = self.runs(node.text)
        blocks: list = []
        # A value with line breaks becomes several paragraphs of the same style.
        current: list[Run] = []
        for run in runs:
            pieces = run.text.split("\n")
            for j, piece in enumerate(pieces):
                if j:
                    blocks.append(Block(node.style, current, node.indent))
                    current = []
                if piece:
                    current.append(Run(piece, run.blank))
        if current or not blocks:
            blocks.append(Block(node.style, current, node.indent))
        blocks = [b for b in blocks if b.runs or node.style in ("signature", "fingerprint", "seal")]
        if lines:
            blocks.append(Lines(lines))
        return blocks

    def rows(self, nodes: list) -> list:
        out = []
        for node in nodes:
            if isinstance(node, Row):
                row = []
                for cell in node.cells:
                    runs, lines = self.runs(cell.text, in_cell=True)
                    row.append(TableCell(runs, cell.span, max(lines, 1)))
                out.append(row)
            elif isinstance(node, Repeat):
                for _ in self.repeat(node):
                    out.extend(self.rows(node.body))
            elif isinstance(node, Cond):
                out.extend(self.rows(node.then if self.truthy(node.name) else node.otherwise))
        return out


def expand(template: Template, context: dict, *, blank: bool = False, cmap=None) -> Document:
    """Fill ``template`` with ``context``. ``blank``: a form for handwriting — the context
    holds only the committee name, lists missing from it get their ``空白N`` empty entries,
    and nothing is refused. ``cmap``: the set of code points the font can draw (None skips
    the glyph check).

    Raises :class:`MissingFields` when a filled form lacks a required value, and
    :class:`MissingGlyph` when a character cannot be drawn.
    """
    ex = _Expander(template, context, blank=blank, cmap=cmap)
    blocks = ex.nodes(template.body)
    if ex.problems.missing:
        raise MissingFields(template.name, ex.problems.missing)
    if ex.problems.glyphs:
        raise MissingGlyph(template.name, ex.problems.glyphs)
    return Document(template.kind, template.name, blocks, template.page_numbers, blank)
