"""The whole case file (卷宗) as one PDF: cover, table of contents with real page numbers,
the documents in the MoJ order, the attached scans and photos, and the back cover.

How it is put together:

1. ``plan`` walks the 13 items of the table of contents (core/dossier.py ``ITEMS``) and, for
   each, renders the documents the case has records for (application *or* acceptance
   register, rights notice, investigation and mediation records, agreements, follow-ups,
   the judicial confirmation application, the file note) and takes the attached files of
   that item (PDFs page by page, images one per page, multi-page TIFFs frame by frame).
   Attachments with no item of their own ("other") come after item 12. Each part is a
   small PDF whose pages are counted.
2. From the counts, every item gets its pages in the file (1 … N; the cover and the table
   of contents are not counted, as in paper files), then the table of contents and the
   back cover (本卷共N页) are rendered.
3. pypdf joins the parts and stamps the file page number at the top right of every
   content page.

A missing or unreadable attachment does not stop the file: a page saying so takes its
place and ``warnings`` names it; a required item that is missing is marked "缺" in the
table of contents and listed in ``warnings`` too.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from mediator_desk.core.progress import report
from mediator_desk.documents.form_values import CaseData
from mediator_desk.documents.layout import MissingFields, MissingGlyph, as_requested
from mediator_desk.errors import DeskError

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk

WHOLE_FILE = "整本卷宗"     # how refusals name the case file printed as a whole
IMAGE_TYPES = ("image/jpeg", "image/png", "image/tiff")


@dataclass
class Part:
    """Pages of one piece of the file."""

    item: int                 # table-of-contents item (1–13; 0 for "other" attachments)
    title: str
    pdf: bytes
    pages: int
    first_page: int = 0       # in the file, from 1


@dataclass
class Plan:
    data: CaseData
    parts: list
    rows: list                # table-of-contents rows (dicts with 名称, 页号, 备注, 编号)
    pages: int                # content pages (items 1–12 and other attachments)
    warnings: list = field(default_factory=list)

    def context_for(self, code: str) -> dict:
        """Context of the table of contents or back cover with the real page numbers."""
        c = self.data.archive_values(self.pages)
        if code == "toc":
            c["目录"] = self.rows
        return c


@dataclass
class DossierResult:
    """The case file: ``pdf`` bytes, content ``pages``, the table of contents ``toc`` and
    ``warnings`` (missing files, missing required items) to show the user."""

    pdf: bytes
    pages: int
    toc: list
    warnings: list


def _render(docs) -> tuple[bytes, int]:
    from mediator_desk.documents import pdf
    data, counts = pdf.render(docs)
    return data, sum(counts)


def _notice_page(title: str, lines: list[str]) -> tuple[bytes, int]:
    """A page standing in for an attachment that cannot be included."""
    from mediator_desk.documents.layout import Block, Document, Run
    blocks = [Block("subtitle", [Run(title)])] + [Block("para", [Run(t)], 2) for t in lines]
    return _render([Document("notice", title, blocks, page_numbers=False)])


def _image_pages(path, caption: str) -> tuple[bytes, int]:
    """One A4 page per image (per frame of a multi-page TIFF), scaled to fit, captioned."""
    from PIL import Image, ImageSequence
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    from mediator_desk.documents import fonts
    from mediator_desk.documents.pdf import MARGINS

    font = fonts.register_pdf_font()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, initialFontName=font)
    width, height = A4
    left, right = MARGINS["left"], MARGINS["right"]
    top, bottom = MARGINS["top"], MARGINS["bottom"]
    box_w, box_h = width - left - right, height - top - bottom - 20
    pages = 0
    with Image.open(path) as img:
        frames = list(ImageSequence.Iterator(img))
        for n, frame in enumerate(frames, 1):
            frame = frame.convert("RGB") if frame.mode not in ("RGB", "L") else frame.copy()
            w, h = frame.size
            # Scaled down to fit the page, never blown up: a small image (a phone crop, an
            # icon-sized scan) prints at its natural size (one pixel = 1 pt), not as a
            # page-sized blur.
            scale = min(box_w / w, box_h / h, 1.0)
            dw, dh = w * scale, h * scale
            canvas.setFont(font, 10.5)
            label = caption + (f"（第{n}页，共{len(frames)}页）" if len(frames) > 1 else "")
            canvas.drawString(left, height - top + 6, label)
            canvas.drawImage(ImageReader(frame), left + (box_w - dw) / 2,
                             bottom + (box_h - dh), dw, dh)
            canvas.showPage()
            pages += 1
    canvas.save()
    return out.getvalue(), pages


def _attachment_part(desk: "Desk", att: dict, item: int, warnings: list) -> Part:
    """The pages of one attached file (or a notice page if it cannot be read)."""
    path = desk.attachments.file_path(att["sha256"])
    caption = f"附件：{att['item_label']}——{att['file_name']}"
    if not path.is_file():
        warnings.append(f"附件“{att['file_name']}”（{att['item_label']}）的文件不见了，卷宗中以说明页代替")
        pdf, pages = _notice_page("附件文件缺失", [
            f"附件“{att['file_name']}”（{att['item_label']}）的文件在本机上找不到。",
            f"文件校验码：{att['sha256'][:16]}……；请找回原件后重新添加。"])
        return Part(item, att["file_name"], pdf, pages)
    try:
        if att["mime_type"] == "application/pdf":
            from pypdf import PdfReader
            data = path.read_bytes()
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                raise ValueError("encrypted")
            pages = len(reader.pages)
            if pages == 0:
                raise ValueError("no pages")
            return Part(item, att["file_name"], data, pages)
        if att["mime_type"] in IMAGE_TYPES:
            pdf, pages = _image_pages(path, caption)
            return Part(item, att["file_name"], pdf, pages)
        raise ValueError(att["mime_type"])
    except Exception:  # noqa: BLE001 - any unreadable file becomes a notice page
        what = "不是有效的PDF或已加密" if att["mime_type"] == "application/pdf" \
            else "图片文件已损坏或格式不受支持"
        warnings.append(f"附件“{att['file_name']}”无法读取（{what}），卷宗中以说明页代替")
        pdf, pages = _notice_page("附件无法读取", [
            f"附件“{att['file_name']}”（{att['item_label']}）无法读取，未能放入卷宗。",
            "请核对原件，必要时重新扫描后添加。"])
        return Part(item, att["file_name"], pdf, pages)


def _documents(desk: "Desk", data: CaseData, key: str) -> list:
    """The laid-out documents the case has records for under table-of-contents ``key``."""
    from mediator_desk.documents.render import documents_for, expand
    v = data.view
    acc = v.acceptance
    written = [a for a in v.agreements if a.row["form"] == "written" and not a.row["voided_on"]]
    oral = [a for a in v.agreements if a.row["form"] == "oral" and not a.row["voided_on"]]
    if key == "application":
        if not acc:
            return []
        kind = "application" if acc["consent_form"] == "written_application" else "registration"
        return documents_for(desk, data.case_id, kind, data=data)
    if key == "notice":
        rights = (acc and acc["rights_notice_given"]) or any(
            m["rights_notice_given"] for m in v.mediations)
        return documents_for(desk, data.case_id, "rights_notice", data=data) if rights else []
    if key == "investigation" and v.investigations:
        return documents_for(desk, data.case_id, "investigation", data=data)
    if key == "mediation_record" and v.mediations:
        return documents_for(desk, data.case_id, "mediation_record", data=data)
    if key == "agreement":
        docs = documents_for(desk, data.case_id, "agreement", data=data) if written else []
        return docs + (documents_for(desk, data.case_id, "oral_agreement", data=data)
                       if oral else [])
    if key == "followup" and v.followups:
        return documents_for(desk, data.case_id, "followup", data=data)
    if key == "confirmation" and v.confirmations:
        variant = "confirmation_organisation" if any(
            p["kind"] == "organisation" for p in v.parties) else "confirmation_persons"
        return documents_for(desk, data.case_id, variant, data=data)
    if key == "file_note" and (v.archive or {}).get("file_note"):
        return expand(desk, "file_note", [data.archive_values()])
    return []


# attachments.item for each table-of-contents key
_ATTACHMENT_ITEM = {"agreement": "signed_agreement", "back_cover": None}


def plan(desk: "Desk", case_id: str, *, today: date | None = None,
         data: CaseData | None = None, progress=None) -> Plan:
    """Lay out the case file: every part rendered and counted, the table-of-contents rows."""
    from mediator_desk.core.dossier import ITEMS
    data = data or CaseData(desk, case_id, today=today)
    contents = {c.key: c for c in data.view.contents}
    attachments = data.view.attachments
    warnings: list[str] = []
    parts: list[Part] = []
    rows: list[dict] = []
    page = 1
    steps = len(ITEMS) + 1
    for step, (no, key, title, _need) in enumerate(ITEMS, 1):
        report(progress, step - 1, steps)
        if key == "back_cover":
            extra = [a for a in attachments if a["item"] == "other"]
            if extra:
                first = page
                for att in extra:
                    part = _attachment_part(desk, att, 0, warnings)
                    part.first_page, page = page, page + part.pages
                    parts.append(part)
                rows.append({"编号": "", "名称": "其他材料", "页号": _pages(first, page - 1),
                             "备注": f"附件{len(extra)}件"})
            rows.append({"编号": str(no), "名称": title, "页号": "", "备注": ""})
            continue
        # the case's own title (a refused case lists its refusal decision as item 1)
        info = contents[key]
        title = info.title
        first = page
        docs = _documents(desk, data, key)
        if docs:
            pdf, n = _render(docs)
            parts.append(Part(no, title, pdf, n, page))
            page += n
        item = _ATTACHMENT_ITEM.get(key, key)
        scans = [a for a in attachments if item and a["item"] == item]
        for att in scans:
            part = _attachment_part(desk, att, no, warnings)
            part.first_page, page = page, page + part.pages
            parts.append(part)
        notes = []
        if info.refusal:
            notes.append("不予受理")
        if len(docs) > 1:
            notes.append(f"{len(docs)}份")
        if scans:
            notes.append(f"附件{len(scans)}件")
        if page == first:
            if info.missing:
                notes.append("缺")
                warnings.append(f"卷宗缺少必备材料：{title}")
            elif info.need == "not_applicable":
                notes.append("不适用")
            else:
                notes.append("无")
        rows.append({"编号": str(no), "名称": title, "页号": _pages(first, page - 1),
                     "备注": "，".join(notes)})
    report(progress, steps - 1, steps)
    return Plan(data, parts, rows, page - 1, warnings)


def _pages(first: int, last: int) -> str:
    if last < first:
        return ""
    return str(first) if first == last else f"{first}-{last}"


def _stamps(count: int, font: str):
    """Small pages carrying the file page numbers 1…count (one PDF, so the font is embedded
    once); each is placed at the top-right corner of its content page."""
    from pypdf import PdfReader
    from reportlab.pdfgen.canvas import Canvas
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(60, 30), initialFontName=font)
    for number in range(1, count + 1):
        canvas.setFont(font, 12)
        canvas.drawRightString(50, 10, str(number))
        canvas.showPage()
    canvas.save()
    return PdfReader(io.BytesIO(out.getvalue())).pages


def render_dossier(desk: "Desk", case_id: str, *, today: date | None = None,
                   progress=None) -> DossierResult:
    """The whole case file as one PDF (see the module docstring). A form that cannot print
    refuses the whole file, naming "整本卷宗" and the form where the problem is."""
    try:
        return _render_dossier(desk, case_id, today=today, progress=progress)
    except (MissingGlyph, MissingFields) as exc:
        raise as_requested(exc, WHOLE_FILE) from None


def _render_dossier(desk: "Desk", case_id: str, *, today: date | None = None,
                    progress=None) -> DossierResult:
    from pypdf import PdfReader, PdfWriter, Transformation

    from mediator_desk.documents import fonts
    from mediator_desk.documents.render import expand

    layout = plan(desk, case_id, today=today, progress=progress)
    data = layout.data
    cover, _ = _render(expand(desk, "cover", [data.archive_values(layout.pages)]))
    toc, _ = _render(expand(desk, "toc", [layout.context_for("toc")]))
    back, _ = _render(expand(desk, "back_cover", [layout.context_for("back_cover")]))

    font = fonts.register_pdf_font()
    writer = PdfWriter()
    for pdf in (cover, toc):
        writer.append(PdfReader(io.BytesIO(pdf)))
    stamps = _stamps(layout.pages, font) if layout.pages else []
    for part in layout.parts:
        reader = PdfReader(io.BytesIO(part.pdf))
        for i, page in enumerate(reader.pages):
            stamp = stamps[part.first_page + i - 1]
            page = writer.add_page(page)   # pypdf merges only into pages of a writer
            box = page.mediabox
            page.merge_transformed_page(stamp, Transformation().translate(
                float(box.right) - 60 - 12 * 72 / 25.4, float(box.top) - 30 - 6 * 72 / 25.4))
    writer.append(PdfReader(io.BytesIO(back)))
    writer.add_metadata({"/Title": f"调解卷宗 {data.view.case_no}",
                         "/Author": data.view.org_name, "/Creator": "mediator_desk"})
    out = io.BytesIO()
    try:
        writer.write(out)
    except Exception as exc:  # pragma: no cover - pypdf failure on a strange attachment
        raise DeskError(f"卷宗合成失败：{exc}") from exc
    return DossierResult(out.getvalue(), layout.pages, layout.rows, layout.warnings)
