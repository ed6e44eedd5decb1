"""Checks shared by the mediation-path managers: editable case, dates in order, name lists.

Every write of the mediation path calls ``editable_case`` inside its transaction, so an
archived case refuses all of them with the same reason (CaseManager.require_editable).
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import TYPE_CHECKING, Iterable

from mediator_desk.core import workflow
from mediator_desk.core.validation import check_date
from mediator_desk.errors import ValidationError

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk


def editable_case(desk: "Desk", case_id: str, step: str | None = None) -> dict:
    """The case row, after refusing an archived case (and a step its status forbids)."""
    desk.cases.require_editable(case_id)
    case = desk.cases.get_row(case_id)
    if step:
        workflow.check_step(case["status"], step)
    return case


def move(desk: "Desk", case_id: str, *targets: str) -> None:
    """Move the case through one or more statuses (each through workflow.check_transition)."""
    for target in targets:
        desk.cases.set_status(case_id, target)


def past_date(value, *, field: str, label: str, today: date | None = None,
              required: bool = True) -> str:
    """A date that is not in the future (ISO text; '' when optional and empty)."""
    return check_date(value if value is not None else "", field=field, label=label,
                      required=required, on=today)


def any_date(value, *, field: str, label: str, required: bool = True) -> str:
    """A date that may lie in the future (deadlines)."""
    return check_date(value if value is not None else "", field=field, label=label,
                      required=required, not_future=False)


def not_before(value: str, earlier: str, *, field: str, label: str, earlier_label: str) -> None:
    """Refuse ``value`` (ISO) earlier than ``earlier`` (ISO; '' = no bound)."""
    if value and earlier and value < earlier:
        raise ValidationError(f"{label}（{value}）不能早于{earlier_label}（{earlier}）", field=field)


def clock_time(value, *, field: str, label: str) -> str:
    """'HH:MM' (also '9:30', '9点30'); '' allowed."""
    text = (value or "").strip()
    if not text:
        return ""
    m = re.fullmatch(r"(\d{1,2})\s*[:：点时]\s*(\d{1,2})?\s*分?", text)
    if not m or int(m[1]) > 23 or int(m[2] or 0) > 59:
        raise ValidationError(f"{label}格式不正确，请按“14:30”填写", field=field)
    return f"{int(m[1]):02d}:{int(m[2] or 0):02d}"


def names(value, *, field: str, label: str, required: bool = False) -> list[str]:
    """A list of names from a list or a text separated by 、，, ; or spaces (order kept)."""
    if value is None:
        items: Iterable = []
    elif isinstance(value, str):
        items = re.split(r"[、，,;；\s]+", value)
    else:
        items = value
    out = []
    for item in items:
        text = str(item or "").strip()
        if text and text not in out:
            out.append(text)
    if required and not out:
        raise ValidationError(f"请填写{label}", field=field)
    return out


def text(value, *, field: str = "", label: str = "", required: bool = False,
         max_len: int = 20000) -> str:
    """Stripped text; refuse empty when required and overly long input."""
    out = (value or "").strip() if isinstance(value, str) or value is None else str(value).strip()
    if required and not out:
        raise ValidationError(f"请填写{label}", field=field)
    if len(out) > max_len:
        raise ValidationError(f"{label}过长（最多{max_len}字）", field=field)
    return out


def choice(value, options: dict[str, str], *, field: str, label: str,
           allow_empty: bool = False) -> str:
    """A code from ``options`` (code → Chinese label)."""
    value = (value or "").strip()
    if allow_empty and not value:
        return ""
    if value not in options:
        raise ValidationError(f"{label}应为：{'、'.join(options.values())}", field=field)
    return value


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def loads(value: str, default=None):
    try:
        return json.loads(value) if value else (default if default is not None else [])
    except ValueError:
        return default if default is not None else []


def check_unknown(values: dict, allowed: Iterable[str]) -> None:
    unknown = set(values) - set(allowed)
    if unknown:
        raise ValidationError(f"未知字段：{', '.join(sorted(unknown))}", field=sorted(unknown)[0])
