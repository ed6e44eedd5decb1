"""Settings of the mediation path, with their defaults (local settings table, see settings.py).

Each committee may tune these; the defaults are the usual practice (docs/user-guide.md). Read them through ``get``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from mediator_desk.core.deadlines import DEFAULT_CONFIRMATION_WARN_DAYS, DEFAULT_FOLLOWUP_DAYS
from mediator_desk.errors import ValidationError

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk

# The agreement number; {year}, {short} (committee short name) and {n} are filled in.
DEFAULT_AGREEMENT_PATTERN = "（{year}）{short}调协字第{n}号"

DEFAULTS: dict[str, Any] = {
    # days after the performance deadline a follow-up visit (回访) falls due
    "followup_days": DEFAULT_FOLLOWUP_DAYS,
    # warn this many days before the Art. 33 confirmation window closes
    "confirmation_warn_days": DEFAULT_CONFIRMATION_WARN_DAYS,
    # attachments: largest file accepted, and the accepted types (extensions)
    "attachment_max_bytes": 20 * 1024 * 1024,
    "attachment_types": ["pdf", "jpg", "jpeg", "png", "tif", "tiff"],
    # retention periods offered when archiving (no national schedule: a local choice)
    "retention_choices": ["10年", "30年", "永久"],
    # agreement number pattern (per committee: key "agreement_no_pattern:<org_id>")
    "agreement_no_pattern": DEFAULT_AGREEMENT_PATTERN,
    # statistics (docs/statistics.md): the reviewer named on the report, the days after a
    # month's end within which a committee's report is on time, and what makes a case 疑难
    "stats_reviewer": "",
    "stats_on_time_days": 5,
    "stats_hard_people": 10,
    "stats_hard_yuan": 100_000,
}


def get(desk: "Desk", key: str, *, org_id: str = "") -> Any:
    """The value of a path setting: per committee if set, else this install's, else default."""
    if org_id:
        value = desk.settings.get(f"{key}:{org_id}")
        if value not in (None, ""):
            return value
    value = desk.settings.get(key)
    return DEFAULTS[key] if value in (None, "") else value


# --- changing them ------------------------------------------------------------------------
# Chinese labels (CLI output, refusals) and the settings a user may change here.
LABELS: dict[str, str] = {
    "followup_days": "回访期限（履行期限届满后天数）",
    "confirmation_warn_days": "司法确认期限提前提醒天数",
    "attachment_max_bytes": "附件大小上限（字节，可写 20MB）",
    "attachment_types": "允许的附件类型",
    "retention_choices": "立卷保管期限选项",
    "agreement_no_pattern": "协议编号格式",
    "stats_reviewer": "统计报表审核人",
    "stats_on_time_days": "按时报送（期末后天数）",
    "stats_hard_people": "疑难纠纷：涉及人数达到",
    "stats_hard_yuan": "疑难纠纷：涉及金额达到（元）",
}
# Attachment types the content check in attachments.py recognises (magic bytes).
KNOWN_ATTACHMENT_TYPES = ("pdf", "jpg", "jpeg", "png", "tif", "tiff")
# Upper bounds that stop a typing slip (an extra zero) from becoming a setting.
MAX_DAYS = 365
MAX_ATTACHMENT_BYTES = 500 * 1024 * 1024


def _as_list(value) -> list[str]:
    """A list from a list or a text separated by commas, spaces or Chinese commas."""
    if isinstance(value, str):
        value = re.split(r"[,，、;；\s]+", value)
    return [str(v).strip() for v in (value or ()) if str(v).strip()]


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(MB|M|KB|K|B)?\s*$", re.I)
_UNIT = {"": 1, "B": 1, "K": 1024, "KB": 1024, "M": 1024 * 1024, "MB": 1024 * 1024}


def _bytes(value):
    """'20MB', '500 KB', '20971520' → bytes; anything else is returned for the refusal."""
    match = _SIZE.match(str(value if value is not None else ""))
    if not match:
        return value
    return int(float(match.group(1)) * _UNIT[(match.group(2) or "").upper()])


def _positive_int(key: str, value, *, maximum: int) -> int:
    text = str(value).strip() if value is not None else ""
    try:
        number = int(text)
    except ValueError:
        raise ValidationError(f"{LABELS[key]}须为正整数", field=key) from None
    if number <= 0:
        raise ValidationError(f"{LABELS[key]}须为正整数", field=key)
    if number > maximum:
        raise ValidationError(f"{LABELS[key]}不能大于 {maximum}", field=key)
    return number


def check(key: str, value) -> Any:
    """The cleaned value of a path setting, or a ValidationError (field = the key)."""
    if key not in DEFAULTS:
        raise ValidationError(f"没有这项设置：{key}（可设置：{'、'.join(DEFAULTS)}）", field="key")
    if key in ("followup_days", "confirmation_warn_days", "stats_on_time_days"):
        return _positive_int(key, value, maximum=MAX_DAYS)
    if key == "stats_hard_people":
        return _positive_int(key, value, maximum=10 ** 6)
    if key == "stats_hard_yuan":
        return _positive_int(key, value, maximum=10 ** 11)
    if key == "stats_reviewer":
        name = str(value or "").strip()
        if len(name) > 100:
            raise ValidationError(f"{LABELS[key]}过长", field=key)
        return name
    if key == "attachment_max_bytes":
        return _positive_int(key, _bytes(value), maximum=MAX_ATTACHMENT_BYTES)
    if key == "attachment_types":
        types = []
        for t in _as_list(value):
            t = t.lower().lstrip(".")
            if t not in KNOWN_ATTACHMENT_TYPES:
                raise ValidationError(f"不支持的附件类型：{t}（可选：{'、'.join(KNOWN_ATTACHMENT_TYPES)}）",
                                      field=key)
            if t not in types:
                types.append(t)
        if not types:
            raise ValidationError("请至少允许一种附件类型", field=key)
        return types
    if key == "retention_choices":
        choices = list(dict.fromkeys(_as_list(value)))
        if not choices:
            raise ValidationError("请至少填写一个保管期限，如“10年”“永久”", field=key)
        for c in choices:
            if len(c) > 20:
                raise ValidationError(f"保管期限过长：{c}", field=key)
        return choices
    # agreement_no_pattern: checked by the agreements manager (set_value delegates)
    return (value or "").strip() if isinstance(value, str) else value


def set_value(desk: "Desk", key: str, value, *, org_id: str = "") -> Any:
    """Validate and store a path setting (audited); returns the stored value.

    ``org_id`` only applies to the agreement number pattern (each committee has its own);
    the others are settings of this install. A refused value changes nothing.
    """
    value = check(key, value)
    if key == "agreement_no_pattern":
        desk.agreements.set_number_pattern(value, org_id=org_id)
        return get(desk, key, org_id=org_id)
    with desk.transaction():
        desk.settings.set(key, value)
    return value


def set_values(desk: "Desk", changed: dict[str, Any], *, org_id: str = "") -> dict[str, Any]:
    """Store several settings at once, all or nothing: a refused value leaves every setting
    as it was. Returns every setting in force afterwards."""
    with desk.transaction():
        for key, value in changed.items():
            set_value(desk, key, value, org_id=org_id)
    return values(desk, org_id=org_id)


def values(desk: "Desk", *, org_id: str = "") -> dict[str, Any]:
    """Every path setting in force (committee pattern included when ``org_id`` is given)."""
    return {key: get(desk, key, org_id=org_id if key == "agreement_no_pattern" else "")
            for key in DEFAULTS}
