"""The document kinds and where their templates are.

Each kind has one template file ``forms/<code>.txt``. A committee may adjust a form without
touching the installed copy: a file of the same name in a ``forms`` folder next to the
database (``<database folder>/forms/agreement.txt``) takes precedence; the environment
variable ``MEDIATOR_DESK_FORMS`` replaces the shipped folder altogether. Parsed templates are
cached per process and re-read when the file changes, so an edit shows at the next print.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from mediator_desk.shipped import forms_dir
from mediator_desk.documents.template import Template, load
from mediator_desk.errors import NotFound


@dataclass(frozen=True)
class Kind:
    code: str         # file name without .txt; what --doc takes
    label: str        # unique Chinese name (listing, --doc)
    scope: str        # 'case' (one per case), 'record' (one per record), 'file' (case file)


KINDS: tuple[Kind, ...] = (
    Kind("application", "人民调解申请书", "case"),
    Kind("registration", "人民调解受理登记表", "case"),
    Kind("rights_notice", "人民调解当事人权利义务告知书", "case"),
    Kind("investigation", "人民调解调查记录", "record"),
    Kind("mediation_record", "人民调解记录", "record"),
    Kind("agreement", "人民调解协议书", "record"),
    Kind("oral_agreement", "人民调解口头协议登记表", "record"),
    Kind("followup", "人民调解回访记录", "record"),
    Kind("confirmation_persons", "司法确认申请书（双方为自然人）", "record"),
    Kind("confirmation_organisation", "司法确认申请书（自然人与法人或其他组织）", "record"),
    Kind("cover", "卷宗封面", "file"),
    Kind("toc", "卷内目录", "file"),
    Kind("file_note", "卷宗情况说明", "file"),
    Kind("back_cover", "封底", "file"),
)
_BY_CODE = {k.code: k for k in KINDS}
# Other names people type for a kind.
_ALIASES = {
    "当事人权利义务告知书": "rights_notice", "权利义务告知书": "rights_notice",
    "告知书": "rights_notice", "申请书": "application", "受理登记表": "registration",
    "调查记录": "investigation", "调解记录": "mediation_record", "协议书": "agreement",
    "调解协议书": "agreement", "口头协议登记表": "oral_agreement", "回访记录": "followup",
    "卷宗": "cover", "目录": "toc", "情况说明": "file_note", "备考表": "back_cover",
    "卷内备考表": "back_cover",
}


def find_kind(name: str) -> Kind:
    """The kind named by its code (``agreement``) or Chinese name (``人民调解协议书``)."""
    key = (name or "").strip()
    kind = _BY_CODE.get(key.lower())
    if kind is None:
        for k in KINDS:
            if k.label == key:
                kind = k
        kind = kind or _BY_CODE.get(_ALIASES.get(key, ""))
    if kind is None:
        raise NotFound(f"没有名为“{name}”的文书",
                       hint="可用的文书见 mediator-desk print --list")
    return kind


def template_path(kind: Kind, local_dir: Path | None = None) -> Path:
    """The template file used for ``kind``: a local copy in ``local_dir`` wins."""
    if local_dir is not None:
        local = local_dir / f"{kind.code}.txt"
        if local.is_file():
            return local
    return forms_dir() / f"{kind.code}.txt"


_cache: dict[Path, tuple[float, int, Template]] = {}
_cache_lock = threading.Lock()


def load_template(kind: Kind, local_dir: Path | None = None) -> Template:
    """The parsed template of ``kind`` (cached; re-read when the file changed)."""
    path = template_path(kind, local_dir)
    try:
        st = path.stat()
    except OSError:
        raise NotFound(f"找不到文书模板 {path}", hint="请重新安装本软件，或从安装目录的 forms 文件夹复制该模板") \
            from None
    with _cache_lock:
        hit = _cache.get(path)
        if hit and hit[0] == st.st_mtime and hit[1] == st.st_size:
            return hit[2]
    template = load(path)
    with _cache_lock:
        _cache[path] = (st.st_mtime, st.st_size, template)
    return template
