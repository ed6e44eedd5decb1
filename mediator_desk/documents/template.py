"""The form template language: a small line-based text format a township clerk can edit.

A template is a UTF-8 text file in ``forms/`` (``forms/README.md`` is the clerk's guide). It
is parsed once per process into a tree of nodes; ``documents/layout.py`` fills the tree with a
context and turns it into format-neutral blocks that both renderers (PDF, DOCX) draw.

Line by line:

- ``# …`` is a comment; empty lines only help reading (``@空行`` prints space).
- ``@指令 参数`` is a directive (see ``DIRECTIVES``); ``| … |`` is a table row; any other
  line is one paragraph (long paragraphs are one long line: what you see is what prints).
  Leading full-width spaces (``　　``) indent the first line, as Chinese writers indent by hand.
- ``{名称}`` inserts a value from the context, ``{当事人.姓名}`` a field of the current
  ``@每个 当事人`` item. ``{名称!}`` marks a value the form cannot do without (printing a filled
  form refuses, naming it, when it is missing); any other missing value prints a blank line to
  write on. ``{名称:8}`` makes that blank 8 characters wide, ``{名称:5行}`` five ruled lines,
  ``{名称:日期}`` a ``____年__月__日`` date blank. ``{{`` and ``}}`` print braces.

A malformed template raises :class:`TemplateError` naming the file and the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from mediator_desk.documents import fields as catalogue
from mediator_desk.errors import DeskError


class TemplateError(DeskError):
    """A template that cannot be used; the message names the file and the line."""

    def __init__(self, path: Path | str, line: int, message: str):
        self.path = Path(path)
        self.line = line
        super().__init__(f"模板文件 {_display(self.path)} 第{line}行：{message}")


def _display(path: Path) -> str:
    # The whole path: a committee's adjusted copy next to its database and the shipped
    # template are both ".../forms/<kind>.txt", and the clerk must know which one to fix.
    return str(path)


# --- the tree ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Placeholder:
    """``{name!:spec}``: ``name`` is 'field' or 'loop.field'."""

    name: str
    required: bool
    spec: str          # '' | 'N' (characters) | 'N行' | '日期' | '时间'
    line: int


@dataclass(frozen=True)
class Text:
    """Literal strings and placeholders, in order."""

    parts: tuple  # of str | Placeholder
    line: int

    def placeholders(self):
        return [p for p in self.parts if isinstance(p, Placeholder)]


@dataclass
class Para:
    """A paragraph or a one-line element. ``style`` is one of PARA_STYLES."""

    style: str
    text: Text
    indent: float = 0.0   # first-line indent in em
    line: int = 0


@dataclass
class Repeat:
    """``@每个 列表 [空白N]`` … ``@结束``: the body once per item of a context list."""

    name: str
    required: bool
    blank_count: int
    body: list
    line: int


@dataclass
class Cond:
    """``@如果 名称`` … [``@否则`` …] ``@结束``."""

    name: str
    then: list
    otherwise: list
    line: int


@dataclass
class Cell:
    text: Text
    span: int = 1


@dataclass
class Row:
    cells: list
    line: int


@dataclass
class TableNode:
    widths: tuple   # relative column widths
    rows: list      # of Row | Repeat | Cond
    line: int


@dataclass
class Simple:
    """``@分页`` (page break), ``@空行 N`` (vertical space), ``@写字行 N`` (ruled lines)."""

    kind: str
    count: int
    line: int


@dataclass
class Template:
    kind: str
    name: str
    description: str
    body: list
    path: Path
    page_numbers: bool = True
    fields_used: set = field(default_factory=set)


# Directives that make one paragraph-like element from the rest of the line.
PARA_STYLES = {
    "标题": "title",         # centred title, large
    "副标题": "subtitle",    # centred, medium (e.g. the committee name above the title)
    "居中": "center",
    "居右": "right",
    "小节": "label",         # a flush-left heading line such as 纠纷主要事实、争议事项：
    "签名": "signature",     # a signing line with room to sign
    "签名按印": "fingerprint",  # a signing line plus a box for the fingerprint
    "印章": "seal",          # the seal area (right-aligned text with room for the seal)
    "日期": "date",          # a right-aligned date line
}
HEADER = {"文书", "说明", "页码"}
BLOCK_OPEN = {"每个", "如果", "表格"}
SIMPLE = {"分页": "page_break", "空行": "space", "写字行": "lines"}
DIRECTIVES = set(PARA_STYLES) | HEADER | BLOCK_OPEN | set(SIMPLE) | {"否则", "结束"}

_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")
_NAME = re.compile(r"[\w\u3400-\u9fff\U00020000-\U0003134f]+(?:\.[\w\u3400-\u9fff]+)?")
_SPEC = re.compile(r"(\d{1,2})|(\d{1,2})行|日期|时间")


def _parse_text(raw: str, line: int, path: Path) -> Text:
    parts: list = []
    buf = []
    pos = 0
    for m in _PLACEHOLDER.finditer(raw):
        buf.append(raw[pos:m.start()])
        pos = m.end()
        token = m.group(0)
        if token == "{{":
            buf.append("{")
            continue
        if token == "}}":
            buf.append("}")
            continue
        if m.group(1) is None:
            raise TemplateError(path, line, f"花括号“{token}”不成对；要印出花括号请写“{token * 2}”")
        inner = m.group(1).strip()
        name, _, spec = inner.partition(":")
        if not _ and "：" in inner:
            name, _, spec = inner.partition("：")
        name = name.strip()
        required = name.endswith("!") or name.endswith("！")
        if required:
            name = name[:-1].strip()
        spec = spec.strip()
        if not name or not _NAME.fullmatch(name):
            raise TemplateError(path, line, f"“{{{inner}}}”不是有效的字段写法，应为{{字段名}}或{{列表.字段名}}")
        if spec and not _SPEC.fullmatch(spec):
            raise TemplateError(path, line, f"“{{{inner}}}”中的空白宽度“{spec}”无效，"
                                            "可写数字（字数）、“N行”、“日期”或“时间”")
        if "".join(buf):
            parts.append("".join(buf))
        buf = []
        parts.append(Placeholder(name, required, spec, line))
    buf.append(raw[pos:])
    if "".join(buf):
        parts.append("".join(buf))
    return Text(tuple(parts), line)


def _leading_indent(raw: str) -> tuple[float, str]:
    """Leading full-width spaces count 1 em each, ASCII spaces half an em."""
    n = 0.0
    i = 0
    while i < len(raw) and raw[i] in " \u3000\t":
        n += 1.0 if raw[i] in "\u3000\t" else 0.5
        i += 1
    return n, raw[i:]


class _Parser:
    def __init__(self, path: Path, text: str):
        self.path = path
        self.lines = text.splitlines()
        self.meta: dict[str, tuple[str, int]] = {}
        # stack of (node, list being filled, opening directive)
        self.stack: list = []
        self.body: list = []
        self.seen_content = False

    def err(self, line: int, message: str) -> TemplateError:
        return TemplateError(self.path, line, message)

    @property
    def target(self) -> list:
        return self.stack[-1][1] if self.stack else self.body

    def in_table(self) -> bool:
        return any(isinstance(node, TableNode) for node, _, _ in self.stack)

    def parse(self) -> Template:
        for no, raw in enumerate(self.lines, 1):
            line = raw.rstrip()
            if no == 1:
                line = line.lstrip("\ufeff")
            stripped = line.strip()
            if stripped.startswith("#"):
                continue
            if not stripped:
                continue
            if stripped.startswith("@") or stripped.startswith("＠"):
                self.directive(no, stripped[1:])
                continue
            if stripped.startswith("|") or stripped.startswith("｜"):
                self.row(no, stripped)
                continue
            if self.in_table():
                raise self.err(no, "表格中每行应以“|”开头，或用“@结束”结束表格")
            self.seen_content = True
            indent, rest = _leading_indent(line)
            self.target.append(Para("para", _parse_text(rest, no, self.path), indent, no))
        if self.stack:
            node, _, opener = self.stack[-1]
            raise self.err(node.line, f"“@{opener}”没有对应的“@结束”")
        if "文书" not in self.meta:
            raise self.err(1, "模板开头缺少“@文书 文书名称”")
        page_numbers = self.meta.get("页码", ("是", 0))[0] not in ("否", "无", "不印")
        return Template(kind=self.path.stem, name=self.meta["文书"][0],
                        description=self.meta.get("说明", ("", 0))[0], body=self.body,
                        path=self.path, page_numbers=page_numbers)

    def directive(self, no: int, text: str) -> None:
        word, _, arg = text.replace("\u3000", " ").partition(" ")
        word, arg = word.strip(), arg.strip()
        if word not in DIRECTIVES:
            known = "、".join("@" + d for d in sorted(DIRECTIVES))
            raise self.err(no, f"不认识的指令“@{word}”（可用：{known}）")
        if word in HEADER:
            if self.seen_content:
                raise self.err(no, f"“@{word}”应写在模板开头、正文之前")
            if not arg:
                raise self.err(no, f"“@{word}”后面缺少内容")
            self.meta[word] = (arg, no)
            return
        self.seen_content = True
        if word in PARA_STYLES:
            if self.in_table():
                raise self.err(no, f"表格中不能使用“@{word}”")
            if not arg and word not in ("签名", "签名按印", "印章"):
                raise self.err(no, f"“@{word}”后面缺少内容")
            self.target.append(Para(PARA_STYLES[word], _parse_text(arg, no, self.path), 0, no))
        elif word in SIMPLE:
            if self.in_table():
                raise self.err(no, f"表格中不能使用“@{word}”")
            count = 1
            if word != "分页":
                if not arg.isdigit() or not 0 < int(arg) <= 40:
                    raise self.err(no, f"“@{word}”后面应写1到40之间的数字")
                count = int(arg)
            elif arg:
                raise self.err(no, "“@分页”后面不写内容")
            self.target.append(Simple(SIMPLE[word], count, no))
        elif word == "每个":
            m = re.fullmatch(r"(\S+?)(!|！)?(?:\s+空白\s*(\d+)\s*[个份条行]?)?", arg)
            if not m:
                raise self.err(no, "应写作“@每个 列表名”或“@每个 列表名 空白2”")
            name = m.group(1)
            if name not in catalogue.LISTS:
                raise self.err(no, f"没有名为“{name}”的列表（可用：{'、'.join(catalogue.LISTS)}）")
            if any(isinstance(n, Repeat) and n.name == name for n, _, _ in self.stack):
                raise self.err(no, f"“@每个 {name}”不能套在同名的“@每个”里面")
            node = Repeat(name, bool(m.group(2)), int(m.group(3) or 1), [], no)
            self.target.append(node)
            self.stack.append((node, node.body, "每个"))
        elif word == "如果":
            if not arg:
                raise self.err(no, "“@如果”后面缺少字段名")
            self.check_name(arg, no, condition=True)
            cond = Cond(arg, [], [], no)
            self.target.append(cond)
            self.stack.append((cond, cond.then, "如果"))
        elif word == "否则":
            if not self.stack or not isinstance(self.stack[-1][0], Cond) \
                    or self.stack[-1][1] is self.stack[-1][0].otherwise:
                raise self.err(no, "“@否则”前面缺少对应的“@如果”")
            node = self.stack.pop()[0]
            self.stack.append((node, node.otherwise, "如果"))
        elif word == "表格":
            if self.in_table():
                raise self.err(no, "表格中不能再套表格")
            try:
                widths = tuple(float(w) for w in re.split(r"[:：,，\s]+", arg) if w)
            except ValueError:
                widths = ()
            if not widths or any(w <= 0 for w in widths) or len(widths) > 12:
                raise self.err(no, "“@表格”后面应写各列宽度的比例，如“@表格 2:5:2:5”")
            table = TableNode(widths, [], no)
            self.target.append(table)
            self.stack.append((table, table.rows, "表格"))
        elif word == "结束":
            if not self.stack:
                raise self.err(no, "多余的“@结束”：前面没有“@每个”“@如果”或“@表格”")
            node, _, _ = self.stack.pop()
            if isinstance(node, TableNode) and not node.rows:
                raise self.err(node.line, "表格中没有任何行")

    def row(self, no: int, text: str) -> None:
        table = next((n for n, _, _ in reversed(self.stack) if isinstance(n, TableNode)), None)
        if table is None:
            raise self.err(no, "以“|”开头的表格行必须写在“@表格”和“@结束”之间")
        text = text.replace("｜", "|").strip()
        if not text.endswith("|") or len(text) < 2:
            raise self.err(no, "表格行应以“|”开头并以“|”结尾")
        raw_cells = text[1:-1].split("|")
        cells: list[Cell] = []
        for raw in raw_cells:
            if raw == "" and cells:
                cells[-1].span += 1     # "||" widens the previous cell
                continue
            cells.append(Cell(_parse_text(raw.strip(), no, self.path)))
        total = sum(c.span for c in cells)
        if total != len(table.widths):
            raise self.err(no, f"这一行有{total}列，但“@表格”定义了{len(table.widths)}列")
        self.target.append(Row(cells, no))

    def check_name(self, name: str, no: int, *, condition: bool = False) -> None:
        loops = [n.name for n, _, _ in self.stack if isinstance(n, Repeat)]
        problem = catalogue.unknown_field(name, loops, condition=condition)
        if problem:
            raise self.err(no, problem)


def _check_fields(parser: _Parser, nodes, loops: tuple) -> set:
    used = set()

    def check_text(text: Text):
        for ph in text.placeholders():
            problem = catalogue.unknown_field(ph.name, list(loops))
            if problem:
                raise parser.err(ph.line, problem)
            used.add(ph.name)

    for node in nodes:
        if isinstance(node, Para):
            check_text(node.text)
        elif isinstance(node, Repeat):
            used.add(node.name)
            used |= _check_fields(parser, node.body, loops + (node.name,))
        elif isinstance(node, Cond):
            used.add(node.name)
            used |= _check_fields(parser, node.then, loops)
            used |= _check_fields(parser, node.otherwise, loops)
        elif isinstance(node, TableNode):
            used |= _check_fields(parser, node.rows, loops)
        elif isinstance(node, Row):
            for cell in node.cells:
                check_text(cell.text)
    return used


def missing_value_policy(template: Template) -> tuple[list[str], list[str]]:
    """(refused, blank): the placeholders a filled form refuses to print without (``!``,
    and ``@每个 列表!``), and those that print a blank line when missing, in template order."""
    refused: list[str] = []
    blank: list[str] = []

    def add(target, name):
        if name not in target:
            target.append(name)

    def walk(nodes):
        for node in nodes:
            texts = []
            if isinstance(node, Para):
                texts = [node.text]
            elif isinstance(node, Row):
                texts = [c.text for c in node.cells]
            elif isinstance(node, Repeat):
                if node.required:
                    add(refused, f"{node.name}（至少一项）")
                walk(node.body)
            elif isinstance(node, Cond):
                walk(node.then)
                walk(node.otherwise)
            elif isinstance(node, TableNode):
                walk(node.rows)
            for text in texts:
                for ph in text.placeholders():
                    # Never missing: the committee name and the numbers a loop gives its items.
                    if ph.spec == "0" or ph.name == "调委会名称" or \
                            ph.name.partition(".")[2] in catalogue.LOOP_FIELDS:
                        continue
                    add(refused if ph.required else blank, ph.name)

    walk(template.body)
    blank = [b for b in blank if b not in refused]
    return refused, blank


def parse(text: str, path: Path | str = "<模板>") -> Template:
    """Parse template ``text`` (read from ``path``, used for messages and the kind code)."""
    parser = _Parser(Path(path), text)
    template = parser.parse()
    template.fields_used = _check_fields(parser, template.body, ())
    return template


def load(path: Path) -> Template:
    """Read and parse one template file."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        import errno
        reason = {errno.ENOENT: "文件不存在", errno.EACCES: "没有读取权限",
                  errno.EPERM: "没有读取权限", errno.EISDIR: "这是一个文件夹"}.get(
            exc.errno or 0, f"系统错误代码 {exc.errno}")
        raise TemplateError(path, 0, f"无法读取（{reason}）") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise TemplateError(path, line, "不是 UTF-8 编码的文本；请用记事本“另存为”并选择 UTF-8 编码") from None
    return parse(text, path)
