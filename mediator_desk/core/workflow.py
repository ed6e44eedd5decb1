"""Case status: the one state machine every step goes through.

Statuses and their legal transitions live here and nowhere else; ``check_transition`` is the
single gate every status change passes (``CaseManager.set_status``). The mediation path drives
the transitions:

    registered ─accept→ accepted ─first record→ mediating ─agreement→ agreed ─signed→ effective
        │                  │                        │                   │ (oral: at once)   │
        ├─refuse→ refused  ├─end/withdraw          ├─end→ ended        └─void→ mediating    └─performed→ performed
        └─withdraw→ withdrawn                       └─withdraw→ withdrawn
    (an agreement in force is never voided: non-performance → court or supplementary agreement)

    refused / ended / withdrawn / effective / performed ─archive→ archived (read-only, final)

``check_step`` says whether a non-status action (adding a record, a follow-up, …) is allowed
in the current status, again with a Chinese reason.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from mediator_desk.errors import IllegalStep

STATUSES = {
    "registered": "已登记",
    "accepted": "已受理",
    "refused": "不予受理",
    "mediating": "调解中",
    "agreed": "达成协议（待签字）",
    "effective": "协议生效（履行中）",
    "performed": "已履行",
    "ended": "调解终止",
    "withdrawn": "已撤回",
    "archived": "已归档",
}

TRANSITIONS: dict[str, set[str]] = {
    "registered": {"accepted", "refused", "withdrawn"},
    # A case may reach an agreement at the first sitting without a separate record first.
    "accepted": {"mediating", "agreed", "ended", "withdrawn"},
    "mediating": {"agreed", "ended", "withdrawn"},
    # agreed → mediating: the unsigned agreement was voided (parties would not sign).
    "agreed": {"effective", "mediating"},
    # No effective → mediating: an agreement in force binds and is never voided (Arts. 31–33);
    # non-performance leads to the court or a supplementary agreement, the case stays here.
    "effective": {"performed", "archived"},
    # performed → effective: a later check found the performance incomplete after all.
    "performed": {"effective", "archived"},
    "ended": {"archived"},
    "withdrawn": {"archived"},
    "refused": {"archived"},
    "archived": set(),
}

INITIAL = "registered"
# Statuses in which the case is still being mediated (the one-month rule applies).
OPEN_STATUSES = ("registered", "accepted", "mediating", "agreed")
# Statuses in which an agreement is in force.
IN_FORCE_STATUSES = ("effective", "performed")
# Statuses from which a case may be archived.
ARCHIVABLE = tuple(s for s, targets in TRANSITIONS.items() if "archived" in targets)

# Why a target cannot be reached, for the common mistakes (otherwise a generic message).
_REASONS: dict[tuple[str, str], str] = {
    ("registered", "mediating"): "请先受理案件（记录当事人同意调解）",
    ("registered", "agreed"): "请先受理案件，再记录调解协议",
    ("registered", "ended"): "案件尚未受理：不调解的请记录“不予受理”及理由",
    ("registered", "archived"): "案件尚未受理或办结，不能立卷归档",
    ("accepted", "archived"): "案件尚在调解中，办结（达成协议、调解终止或撤回）后才能立卷归档",
    ("mediating", "archived"): "案件尚在调解中，办结（达成协议、调解终止或撤回）后才能立卷归档",
    ("agreed", "archived"): "书面协议尚未签字生效；请先登记签字，或作废协议后终止调解",
    ("agreed", "ended"): "案件已有待签字的协议；请先作废该协议（写明理由），再终止调解",
    ("agreed", "withdrawn"): "案件已有待签字的协议；请先作废该协议（写明理由），再登记撤回",
    ("refused", "accepted"): "案件已不予受理，不能再受理；如当事人重新申请，请重新登记",
    ("refused", "mediating"): "案件已不予受理，不能调解",
    ("ended", "agreed"): "调解已终止，不能再登记协议",
    ("ended", "mediating"): "调解已终止，不能继续调解；如当事人重新申请，请重新登记",
    ("withdrawn", "mediating"): "申请已撤回，不能继续调解",
    ("effective", "effective"): "协议已经生效",
    ("accepted", "accepted"): "案件已经受理",
}


def label(status: str) -> str:
    """The Chinese label of a status code."""
    return STATUSES.get(status, status)


def check_transition(current: str, target: str) -> None:
    """Raise :class:`IllegalStep` with a Chinese reason unless current → target is allowed."""
    if target not in STATUSES:
        raise IllegalStep(f"未知的案件状态：{target}")
    if target in TRANSITIONS.get(current, set()):
        return
    if current == "archived":
        raise IllegalStep("案件已归档，不能再改变状态")
    reason = _REASONS.get((current, target))
    message = f"案件当前状态为“{label(current)}”，不能转为“{label(target)}”"
    raise IllegalStep(message + (f"：{reason}" if reason else ""))


def is_legal(current: str, target: str) -> bool:
    """True if current → target is a legal step (for enabling buttons)."""
    return target in TRANSITIONS.get(current, set())


# Actions that change no status but need the case in certain statuses.
STEP_RULES: dict[str, tuple[tuple[str, ...], str]] = {
    "record_session": (("accepted", "mediating", "agreed", "effective", "performed", "ended",
                        "withdrawn"),
                       "请先受理案件，再记录调查或调解"),
    "agree": (("accepted", "mediating"),
              "只有已受理、调解中的案件才能登记调解协议"),
    "supplement": (("effective", "performed"),
                   "只能为已生效的协议订立补充协议"),
    "follow_up": (("effective", "performed"), "协议生效后才能回访"),
    "performance": (("effective", "performed"), "协议生效后才能登记履行情况"),
    "confirm": (("effective", "performed"), "协议生效后才能申请司法确认"),
    "risk": (("registered", "accepted", "mediating", "agreed", "effective", "performed",
              "ended", "withdrawn", "refused"), "案件已归档，不能再标记风险"),
}


def check_step(current: str, step: str) -> None:
    """Raise :class:`IllegalStep` unless the action ``step`` is allowed in status ``current``."""
    allowed, reason = STEP_RULES[step]
    if current in allowed:
        return
    if current == "archived":
        raise IllegalStep("案件已归档，不能修改")
    raise IllegalStep(f"案件当前状态为“{label(current)}”：{reason}")


# --- what to do next ------------------------------------------------------------------------
# Where each next step is done (a screen names its place for it: the GUI's case tabs).
STEP_PLACES = ("acceptance", "records", "outcome", "agreement", "performance", "followup",
               "archive", "")


@dataclass(frozen=True, slots=True)
class NextStep:
    """What the mediator does next (``text``, "" when nothing is left to do) and the
    ``place`` (one of ``STEP_PLACES``) where it is done."""

    text: str
    place: str


def next_step(status: str, agreements: Sequence[Mapping] = (), *, mediated: bool = False,
              visited: bool = False, today: str = "") -> NextStep:
    """What the mediator does next on a case in ``status`` with ``agreements`` (its agreement
    rows as ``desk.agreements.for_case`` decorates them), given whether it has a mediation
    record (``mediated``) and a follow-up visit (``visited``): ``NextStep("登记签字…",
    "agreement")``. The order is the path of this module's state machine: accept → record →
    outcome → sign → perform → follow up → archive."""
    agreements = [a for a in agreements if a.get("state") != "void"]
    main = next((a for a in agreements if not a.get("is_supplement")), None)

    if status == "registered":
        return NextStep("受理：记录当事人同意调解和权利义务告知，或不予受理", "acceptance")
    if status == "accepted" and not mediated:
        return NextStep("调查、调解，并添加调解记录", "records")
    if status in ("accepted", "mediating"):
        return NextStep("登记调解结果：达成协议、终止调解或撤回", "outcome")
    if status == "agreed":
        return NextStep("登记签字（当事人签名或按指印，调解员签名，加盖印章）", "agreement")
    if status in IN_FORCE_STATUSES and main is not None:
        deadline = main.get("performance_deadline") or ""
        if main.get("performance_status") == "not_due" and deadline and today \
                and deadline < today:
            return NextStep("登记履行情况（履行期限已过）", "performance")
        if status == "effective" and main.get("performance_status") == "not_due":
            return NextStep(f"跟踪履行，{deadline}前履行完毕" if deadline else "跟踪履行",
                            "performance")
        if status == "effective":
            return NextStep("督促履行；必要时申请司法确认或订立补充协议", "performance")
        if not visited:
            planned = main.get("followup_planned") or ""
            return NextStep(f"回访（计划{planned}）" if planned else "回访", "followup")
        return NextStep("立卷归档", "archive")
    if status in ("ended", "withdrawn", "refused"):
        return NextStep("立卷归档", "archive")
    return NextStep("", "")
