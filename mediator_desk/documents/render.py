"""The public surface of the documents layer (used by the CLI and the GUI).

    data = render(desk, case_id, "agreement")             # PDF bytes of the case's agreement
    data = render(desk, case_id, "agreement", "docx")     # the same content as DOCX
    data = render_blank(desk, "investigation")            # a blank form for handwriting
    result = render_dossier(desk, case_id)                # the whole case file (case_file.py)
    write_output(data, "协议书.pdf")                       # Chinese message if unwritable
    record_print(desk, case_id=case_id, kind="agreement", fmt="pdf", target="协议书.pdf")

Rendering only reads: preview as often as you like. ``record_print`` writes the audit entry
for an actual print or save; it never marks anything signed (printing is not signing).
Every render checks each printed character against the font and refuses, naming the party
and field, rather than print a blank; a filled form missing a value it cannot do without is
refused naming that value (see docs/documents.md for which values those are).
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from mediator_desk.core.progress import report
from mediator_desk.documents import fonts, layout
from mediator_desk.documents.form_values import CaseData, blank_context, committee_name
from mediator_desk.documents.kinds import KINDS, Kind, find_kind, load_template
from mediator_desk.errors import DeskError, ValidationError, os_reason

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk

FORMATS = ("pdf", "docx")


def list_kinds() -> list[Kind]:
    """Every document kind, in case-file order (code, Chinese label, scope)."""
    return list(KINDS)


def local_forms_dir(desk: "Desk") -> Path:
    """Where a committee's adjusted templates live (next to its database)."""
    return desk.path.parent / "forms"


def _kind(kind: Kind | str) -> Kind:
    return kind if isinstance(kind, Kind) else find_kind(kind)


def _check_format(fmt: str) -> str:
    fmt = (fmt or "pdf").lower().lstrip(".")
    if fmt not in FORMATS:
        raise ValidationError(f"不支持的格式“{fmt}”，可用：pdf、docx", field="format")
    return fmt


def contexts_for(desk: "Desk", case_id: str, kind: Kind | str, *, record_id: str | None = None,
                 today: date | None = None, data: CaseData | None = None) -> list[dict]:
    """The contexts (one per document) ``kind`` prints for a case."""
    kind = _kind(kind)
    data = data or CaseData(desk, case_id, today=today)
    code = kind.code
    if code in ("application", "registration", "rights_notice"):
        return data.case_forms()
    if code == "investigation":
        return data.investigations(record_id)
    if code == "mediation_record":
        return data.mediations(record_id)
    if code == "agreement":
        return data.agreements("written", record_id)
    if code == "oral_agreement":
        return data.agreements("oral", record_id)
    if code == "followup":
        return data.followups(record_id)
    if code.startswith("confirmation_"):
        return data.confirmation(code.split("_", 1)[1], record_id)
    if code in ("toc", "back_cover"):
        # Page numbers come from laying out the whole case file, so a form of the file that
        # cannot print stops these too: the refusal names this form and that one.
        from mediator_desk.documents.case_file import plan
        try:
            return [plan(desk, case_id, data=data).context_for(code)]
        except (layout.MissingGlyph, layout.MissingFields) as exc:
            raise layout.as_requested(exc, kind.label, why=(
                f"{kind.label}的页号按整本卷宗排出，卷内每份文书都要能打印。")) from None
    return [data.archive_values()]


def expand(desk: "Desk | None", kind: Kind | str, contexts: list[dict], *,
           blank: bool = False) -> list[layout.Document]:
    """Fill the template of ``kind`` once per context (glyphs checked)."""
    kind = _kind(kind)
    template = load_template(kind, local_forms_dir(desk) if desk is not None else None)
    cmap = fonts.cmap()
    return [layout.expand(template, c, blank=blank, cmap=cmap) for c in contexts]


def documents_for(desk: "Desk", case_id: str, kind: Kind | str, *,
                  record_id: str | None = None, today: date | None = None,
                  data: CaseData | None = None) -> list[layout.Document]:
    """The filled documents of ``kind`` for a case (several for per-record kinds)."""
    return expand(desk, kind, contexts_for(desk, case_id, kind, record_id=record_id,
                                           today=today, data=data))


def to_bytes(docs: list[layout.Document], fmt: str, *, title: str = "", author: str = "",
             on_document=None) -> bytes:
    """Render laid-out documents in ``fmt`` ('pdf' or 'docx')."""
    if _check_format(fmt) == "pdf":
        from mediator_desk.documents import pdf
        return pdf.render(docs, title=title, author=author, on_document=on_document)[0]
    from mediator_desk.documents import word
    return word.render(docs, title=title, author=author, on_document=on_document)


def render(desk: "Desk", case_id: str, kind: Kind | str, fmt: str = "pdf", *,
           record_id: str | None = None, today: date | None = None) -> bytes:
    """A filled document of a case as PDF or DOCX bytes.

    Per-record kinds (investigation, mediation record, agreement, follow-up …) print every
    record of the case, each with its own page numbering, unless ``record_id`` picks one.
    Raises NotFound when the case has nothing of that kind, MissingFields / MissingGlyph
    (ValidationError) when a value is missing or cannot be drawn.
    """
    kind = _kind(kind)
    fmt = _check_format(fmt)
    data = CaseData(desk, case_id, today=today)
    docs = documents_for(desk, case_id, kind, record_id=record_id, data=data)
    return to_bytes(docs, fmt, title=f"{kind.label} {data.view.case_no}",
                    author=data.view.org_name)


def warnings_for(desk: "Desk", case_id: str, kind: Kind | str, *,
                 record_id: str | None = None, today: date | None = None,
                 data: CaseData | None = None) -> list[str]:
    """What the user should know when printing ``kind`` for a case (Chinese sentences; the
    document still prints): the judicial-confirmation application past the Art. 33 window.
    The CLI prints these after "注意：", the GUI shows them above the preview."""
    kind = _kind(kind)
    if not kind.code.startswith("confirmation_"):
        return []
    data = data or CaseData(desk, case_id, today=today)
    return data.confirmation_warnings(record_id)


def render_blank(desk: "Desk | None", kind: Kind | str, fmt: str = "pdf", *,
                 org_id: str | None = None, committee: str | None = None) -> bytes:
    """A blank form for handwriting, with only the committee name printed.

    The committee is this install's (``org_id`` picks another; ``committee`` gives the
    name directly, e.g. without a database)."""
    kind = _kind(kind)
    fmt = _check_format(fmt)
    if committee:
        name = committee
    elif desk is not None:
        name = committee_name(desk, org_id)
    else:
        raise ValueError("a blank form needs a desk or a committee name")
    docs = expand(desk, kind, [blank_context(name)], blank=True)
    return to_bytes(docs, fmt, title=f"{kind.label}（空白）", author=name)


@dataclass
class Batch:
    """The result of batch printing: one file, and the cases that could not be printed."""

    data: bytes
    printed: list[str] = field(default_factory=list)        # case numbers
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (case number, reason)


def render_batch(desk: "Desk", case_ids: list[str], kind: Kind | str, fmt: str = "pdf", *,
                 today: date | None = None, progress=None) -> Batch:
    """One file with ``kind`` for several cases (each document numbered on its own).

    A case that cannot print (nothing of that kind, a missing value, a missing glyph) is
    skipped with its reason, so one bad case does not stop a batch. ``progress``: see
    core/progress.py (the GUI's progress bar can cancel).
    """
    kind = _kind(kind)
    fmt = _check_format(fmt)
    docs: list[layout.Document] = []
    batch = Batch(b"")
    # Progress: one unit per case read, then one per document drawn (the longer part).
    cases = len(case_ids)
    for i, case_id in enumerate(case_ids):
        report(progress, i, 2 * cases)
        data = CaseData(desk, case_id, today=today)
        try:
            docs += documents_for(desk, case_id, kind, data=data)
            batch.printed.append(data.view.case_no)
        except DeskError as exc:
            batch.skipped.append((data.view.case_no, str(exc)))
    if not docs:
        raise DeskError(f"所选案件都不能打印“{kind.label}”",
                        hint=batch.skipped[0][1] if batch.skipped else "")
    total = cases + len(docs)
    batch.data = to_bytes(docs, fmt, title=f"{kind.label}（{len(batch.printed)}件）",
                          on_document=lambda i: report(progress, cases + i, total))
    report(progress, total, total)
    return batch


DOSSIER = "dossier"


def record_print(desk: "Desk", *, kind: Kind | str, fmt: str, case_id: str = "",
                 blank: bool = False, target: str = "", record_id: str = "") -> None:
    """Audit one print or save (who, when, which document, where). Marks nothing signed.

    ``kind`` is a document kind, or ``"dossier"`` for the whole case file."""
    from mediator_desk.documents.case_file import WHOLE_FILE
    label = WHOLE_FILE if kind == DOSSIER else _kind(kind).label
    details = {"文书": label, "格式": fmt, "空白": bool(blank)}
    if target:
        details["输出"] = str(target)
    if record_id:
        details["记录"] = record_id
    with desk.transaction():
        desk.records.audit("print", case_id=case_id, record_id=record_id, details=details)


def record_prints(desk: "Desk", case_ids: list[str], *, kind: Kind | str, fmt: str,
                  target: str = "") -> None:
    """Audit a batch print: one entry per case (each case's history shows it), all in one
    transaction."""
    with desk.transaction():
        for case_id in case_ids:
            record_print(desk, kind=kind, fmt=fmt, case_id=case_id, target=target)


def write_output(data: bytes, path: str | os.PathLike) -> Path:
    """Write ``data`` to ``path`` atomically; an unwritable path is a DeskError in Chinese."""
    path = Path(path)
    if path.is_dir():
        raise DeskError(f"无法保存到“{path}”：这是一个文件夹，请给出文件名")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise DeskError(f"无法保存到“{path}”：文件夹“{folder}”不存在")
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=".print-", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
        tmp = None
    except PermissionError:
        raise DeskError(f"无法保存到“{path}”：没有写入权限",
                        hint="请换一个文件夹，或关闭正在打开该文件的程序") from None
    except OSError as exc:
        raise DeskError(f"无法保存到“{path}”：{os_reason(exc)}") from None
    finally:
        if tmp:
            Path(tmp).unlink(missing_ok=True)
    return path
