"""Context building: the values a form prints, read from the core managers.

Each document kind gets one context per document instance (one per investigation record,
per mediation record, per agreement, per follow-up visit …). Values are ready-to-print
strings named as in ``documents/fields.py``: dates in Chinese style, amounts in figures and
capitals, ages computed at the document's own date, the copies line from the number of
parties. A missing value is left empty ("") — the template decides whether that prints a
blank line to write on or refuses (``{名称!}``); docs/documents.md lists the decisions.

Nothing here invents content: agreement text, signatures and attendance come only from what
the mediator recorded (never auto-filled: the parties agree on them).
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from mediator_desk.core.clock import today as _today
from mediator_desk.core.parties import ID_TYPES, ROLES, age_on
from mediator_desk.documents import conventions as cv
from mediator_desk.errors import DeskError, IllegalStep, NotFound

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk
    from mediator_desk.core.dossier import AgreementView


def _names(values) -> str:
    if isinstance(values, str):
        return values
    return "、".join(v for v in (values or []) if v)


def _iso(value) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


# --- parties ----------------------------------------------------------------------------

# What the number of each ID type is called on a form (core/parties.py ID_TYPES): the
# court application prints "居民身份证号码：…", "护照号码：…", "统一社会信用代码：…".
ID_LABELS = {"resident_id": "居民身份证号码", "credit_code": "统一社会信用代码",
             "passport": "护照号码", "other": "证件号码"}


def party_values(desk: "Desk", p: dict, on: date) -> dict:
    """One party as printed on a form dated ``on`` (age computed at that date)."""
    organisation = p["kind"] == "organisation"
    if p.get("birth_date"):
        age = str(age_on(p["birth_date"], on))
    else:
        age = "" if p.get("age") in (None, "") else str(p["age"])
    address = p.get("address") or ""
    employer = p.get("employer") or ""
    occupation = p.get("occupation") or ""
    return {
        "姓名": p["name"],
        "身份": ROLES.get(p["role"], ""),
        "是单位": organisation,
        "性别": "" if organisation else p.get("sex") or "",
        "民族": "" if organisation or not p.get("ethnicity")
        else desk.codes.label("ethnicity", p["ethnicity"]),
        "年龄": "" if organisation else age,
        "出生日期": "" if organisation else cv.cn_date(p.get("birth_date")),
        "证件类型": ID_TYPES.get(p.get("id_type") or "", ""),
        "证件名称": ID_LABELS.get(p.get("id_type") or "", "身份证件号码"),
        "证件号码": p.get("id_number") or "",
        "联系方式": p.get("phone") or "",
        "住址": address,
        # the confirmed service address; '' = the same as the home address
        "送达地址": p.get("service_address") or address,
        "职业": occupation,
        "工作单位": employer,
        "职业或职务": occupation,
        "单位或住址": address or employer,
        "法定代表人": p.get("legal_rep") or "",
        "法定代表人职务": p.get("legal_rep_title") or "",
        "代理人": p.get("agent_name") or "",
        "代理人电话": p.get("agent_phone") or "",
        "代理人关系": p.get("agent_relation") or "",
    }


def _split_claims(text: str) -> list[dict]:
    """'1. 拆除院墙\n2. 赔偿损失' → items without their own numbers (the form numbers them)."""
    items = []
    for line in re.split(r"[\n；;]+", text or ""):
        line = re.sub(r"^\s*(\d+|[一二三四五六七八九十]+)\s*[.．、)）]\s*", "", line).strip()
        if line:
            items.append({"内容": line})
    return items


# --- the case ---------------------------------------------------------------------------

class CaseData:
    """Everything about one case the forms need, read once (``desk.dossier.view``)."""

    def __init__(self, desk: "Desk", case_id: str, *, today: date | None = None):
        self.desk = desk
        self.today = today or _today()
        self.view = desk.dossier.view(case_id, mask=False, today=self.today)
        self.case_id = case_id

    @property
    def parties(self) -> list[dict]:
        return self.view.parties

    def base(self, on: date | None) -> dict:
        """Values shared by every form of the case; ages at ``on`` (default: today)."""
        v = self.view
        on = on or self.today
        acc = v.acceptance or {}
        parties = [party_values(self.desk, p, on) for p in v.parties]
        by_role = {role: [p for p, raw in zip(parties, v.parties) if raw["role"] == role]
                   for role in ROLES}
        source = v.source_label + (f"（{v.referral_note}）" if v.referral_note else "")
        refusal = acc.get("refusal_reason_label") or ""
        if acc.get("refusal_note"):
            refusal = f"{refusal}：{acc['refusal_note']}" if refusal else acc["refusal_note"]
        consent = acc.get("consent_form_label") or ""
        if acc.get("consent_note"):
            consent = f"{consent}（{acc['consent_note']}）" if consent else acc["consent_note"]
        return {
            "调委会名称": v.org_name,
            "空白": False,
            "案件编号": v.case_no,
            "受理日期": cv.cn_date(acc.get("decided_on") or v.received_date),
            "纠纷类型": v.dispute_type_label,
            "案件来源": source,
            "纠纷简要情况": v.summary,
            "申请事项": v.claims,
            "请求": _split_claims(v.claims),
            "纠纷地点": v.place,
            "涉及人数": str(v.people_involved or ""),
            "涉及金额": cv.amount_figures(v.amount_fen) if v.amount_fen else "",
            "涉及金额大写": cv.amount_capitals(v.amount_fen) if v.amount_fen else "",
            "当事人": parties,
            "申请人": by_role["applicant"],
            "被申请人": by_role["respondent"],
            "第三人": by_role["third_party"],
            "自然人当事人": [p for p in parties if not p["是单位"]],
            "单位当事人": [p for p in parties if p["是单位"]],
            "申请人姓名": _names(p["姓名"] for p in by_role["applicant"]),
            "被申请人姓名": _names(p["姓名"] for p in by_role["respondent"]),
            "当事人姓名": _names(p["姓名"] for p in parties),
            "人民调解员": _names(m["name"] for m in v.mediators),
            "记录人": "",
            "登记人": acc.get("decided_by") or v.created_by or "",
            "当事人同意": consent,
            "已告知权利义务": bool(acc.get("rights_notice_given")),
            "登记日期": cv.cn_date(v.received_date),
            "不予受理": acc.get("decision") == "refused",
            "不予受理理由": refusal,
            "决定日期": cv.cn_date(acc.get("decided_on")),
            "决定人": acc.get("decided_by") or "",
            "文书日期": cv.cn_date(on),
        }

    # --- per kind -----------------------------------------------------------------------
    def accepted_on(self) -> date:
        acc = self.view.acceptance or {}
        return date.fromisoformat((acc.get("decided_on") or self.view.received_date)[:10])

    def case_forms(self) -> list[dict]:
        """申请书, 受理登记表, 告知书: one each, dated at acceptance."""
        return [self.base(self.accepted_on())]

    def investigations(self, record_id: str | None) -> list[dict]:
        rows = [r for r in self.view.investigations if not record_id or r["id"] == record_id]
        if not rows:
            raise NotFound("本案还没有调查记录" if not record_id else "找不到该调查记录",
                           hint="可以打印空白的调查记录，到现场手写")
        out = []
        for r in rows:
            c = self.base(_iso(r["held_on"]))
            c.update({
                "调查时间": cv.cn_datetime(r["held_on"], r["start_time"], r["end_time"]),
                "调查地点": r["place"], "被调查人": r["subject"],
                "调查参加人": _names(r["participants"]), "调查人": _names(r["investigators"]),
                "记录人": r["recorder"],
                "问答": [{"问": qa["q"], "答": qa["a"]} for qa in r["qa"]],
                "调查备注": r["note"], "文书日期": cv.cn_date(r["held_on"]),
            })
            out.append(c)
        return out

    def mediations(self, record_id: str | None) -> list[dict]:
        rows = [r for r in self.view.mediations if not record_id or r["id"] == record_id]
        if not rows:
            raise NotFound("本案还没有调解记录" if not record_id else "找不到该调解记录",
                           hint="可以打印空白的调解记录，到现场手写")
        closure = self.view.closure or {}
        out = []
        for r in rows:
            c = self.base(_iso(r["held_on"]))
            routes = r["routes_explained"] or (closure.get("routes_explained", "")
                                               if r["result"] == "failed" else "")
            c.update({
                "调解时间": cv.cn_datetime(r["held_on"], r["start_time"], r["end_time"]),
                "调解地点": r["place"], "调解事由": r["matter"],
                "调解参加人": _names(r["participants"]),
                "到场当事人": _names(r["parties_present"]),
                "人民调解员": _names(r["mediators"]), "记录人": r["recorder"],
                "已告知权利义务": bool(r["rights_notice_given"]),
                "当事人陈述": r["statements"], "查明事实": r["findings"],
                "风险提示": r["risk_warning"],
                "达成协议": r["result"] == "agreed", "调解终止": r["result"] == "failed",
                "调解结果": r["result_note"], "告知途径": routes,
                "文书日期": cv.cn_date(r["held_on"]),
            })
            out.append(c)
        return out

    def _agreements(self, form: str, record_id: str | None,
                    blank_form: str = "") -> list[AgreementView]:
        """The case's agreements of ``form``; none is NotFound pointing to ``blank_form``
        (the blank to print instead; by default the blank of that agreement form)."""
        rows = [a for a in self.view.agreements if a.row["form"] == form
                and (a.row["id"] == record_id if record_id else not a.row["voided_on"])]
        if not rows:
            what = "书面调解协议" if form == "written" else "口头调解协议"
            blank_form = blank_form or ("人民调解协议书" if form == "written"
                                        else "人民调解口头协议登记表")
            if record_id:
                raise NotFound(f"找不到该{what}")
            raise NotFound(f"本案没有{what}（或已作废）",
                           hint=f"可以打印空白的{blank_form}，到现场手写")
        return rows

    def agreement_values(self, a: dict) -> dict:
        """The values of one agreement (also used by the confirmation application)."""
        numbers = {x.row["id"]: x.row["agreement_no"] for x in self.view.agreements}
        parties = len(self.parties)
        terms = a["terms"]
        c = self.base(_iso(a["agreed_on"]))
        c.update({
            "协议编号": a["agreement_no"], "协议日期": cv.cn_date(a["agreed_on"]),
            "协议地点": a["place"], "纠纷事实": a["facts"],
            "条款": [{"内容": t} for t in terms],
            "协议内容": "\n".join(f"{cv.cn_ordinal(i)}、{t}" for i, t in enumerate(terms, 1)),
            "履行方式": a["performance_method"],
            "履行期限": cv.cn_date(a["performance_deadline"]),
            "协议金额": cv.amount_figures(a["amount_fen"]) if a["amount_fen"] else "",
            "协议金额大写": cv.amount_capitals(a["amount_fen"]) if a["amount_fen"] else "",
            "补充协议": bool(a["supplements_id"]),
            "原协议编号": numbers.get(a["supplements_id"] or "", ""),
            "协议生效日期": cv.cn_date(a["effective_on"]),
            "履行情况": a["performance_label"] + (f"。{a['performance_note']}"
                                                 if a["performance_note"] else ""),
            "记录人": a["recorder"],
            "文书日期": cv.cn_date(a["agreed_on"]),
        })
        if a["mediators"]:
            c["人民调解员"] = _names(a["mediators"])
        if a["form"] == "written":
            copies = a["copies"] or parties + 1
            c.update({"份数": str(copies), "份数大写": cv.cn_number(copies),
                      "份数说明": cv.copies_line(copies, parties)})
        return c

    def agreements(self, form: str, record_id: str | None) -> list[dict]:
        return [self.agreement_values(a.row) for a in self._agreements(form, record_id)]

    def followups(self, record_id: str | None) -> list[dict]:
        rows = [f for f in self.view.followups if not record_id or f["id"] == record_id]
        if not rows:
            raise NotFound("本案还没有回访记录" if not record_id else "找不到该回访记录",
                           hint="可以打印空白的回访记录，到现场手写")
        out = []
        for f in rows:
            c = self.base(_iso(f["visited_on"]))
            lines = []
            if f["performance_label"]:
                lines.append(f"协议履行情况：{f['performance_label']}")
            if f["satisfaction_label"]:
                lines.append(f"当事人满意程度：{f['satisfaction_label']}")
            for flag, note, yes, no in (
                    ("lawsuit", "lawsuit_note", "当事人已就此纠纷起诉", "当事人未就此纠纷起诉"),
                    ("wrong_mediation", "wrong_mediation_note", "发现错误调解的情况",
                     "未发现错误调解的情况"),
                    ("escalation_risk", "escalation_note", "发现纠纷激化或其他隐患",
                     "未发现纠纷激化或其他隐患")):
                lines.append(yes + (f"：{f[note]}" if f[note] else "") if f[flag] else no)
            if f["note"]:
                lines.append(f["note"])
            c.update({
                "回访当事人": f["party"] or c["当事人姓名"], "协议编号": f["agreement_no"],
                "回访事由": f["reason"], "回访时间": cv.cn_date(f["visited_on"]),
                "回访情况": "\n".join(lines), "处理措施": f["action_taken"],
                "回访人": f["visitor"], "文书日期": cv.cn_date(f["visited_on"]),
            })
            out.append(c)
        return out

    def confirmation(self, variant: str, record_id: str | None) -> list[dict]:
        """The application for judicial confirmation of the written agreement(s)."""
        raws = self.view.parties
        orgs = [p for p in raws if p["kind"] == "organisation"]
        if variant == "persons" and orgs:
            raise IllegalStep(f"当事人“{orgs[0]['name']}”是单位，请使用“司法确认申请书"
                              "（自然人与法人或其他组织）”")
        if variant == "organisation" and not orgs:
            raise IllegalStep("本案当事人都是自然人，请使用“司法确认申请书（双方为自然人）”")
        out = []
        blank_form = ("司法确认申请书（双方为自然人）" if variant == "persons"
                      else "司法确认申请书（自然人与法人或其他组织）")
        label = f"司法确认申请书（{'双方为自然人' if variant == 'persons' else '自然人与法人或其他组织'}）"
        for view in self._agreements("written", record_id, blank_form):
            a = view.row
            if a["supplements_id"] and not record_id:
                continue
            if a["voided_on"] or not a["effective_on"]:
                # Art. 33: only an agreement in force can be confirmed by a court
                raise IllegalStep(
                    f"不能打印“{label}”：调解协议{a['agreement_no']}"
                    f"{'已作废' if a['voided_on'] else '尚未签字生效'}。"
                    "只有已经生效的调解协议才能申请司法确认（《人民调解法》第三十三条）",
                    hint="各方当事人签名按印、人民调解委员会盖章后，请先在“调解协议”中登记签字日期"
                    if not a["voided_on"] else "")
            c = self.agreement_values(a)
            conf = view.confirmation or {}
            applied = conf.get("applied_on") or ""
            # Ages/dates as of the application (or today if it has not been filed yet).
            c.update({k: v for k, v in self.base(_iso(applied) or self.today).items()
                      if k in ("当事人", "自然人当事人", "单位当事人")})
            c.update({"受理法院": conf.get("court") or "", "申请日期": cv.cn_date(applied),
                      "文书日期": cv.cn_date(applied)})
            out.append(c)
        return out

    def confirmation_warnings(self, record_id: str | None) -> list[str]:
        """Warnings for printing the application: past the Art. 33 window (30 days after the
        agreement took effect) as of the application date (or today if not yet filed)."""
        out = []
        for view in self.view.agreements:
            a = view.row
            if a["form"] != "written" or a["voided_on"] or not a["effective_on"]:
                continue
            if (record_id and a["id"] != record_id) or (a["supplements_id"] and not record_id):
                continue
            from mediator_desk.core import deadlines
            _, end = deadlines.confirmation_window(a["effective_on"])
            conf = view.confirmation or {}
            on = _iso(conf.get("applied_on")) or self.today
            if on > end:
                out.append(
                    f"调解协议{a['agreement_no']}于{cv.cn_date(a['effective_on'])}生效，申请司法确认"
                    f"的期限（生效之日起三十日内，《人民调解法》第三十三条）已于{cv.cn_date(end.isoformat())}"
                    "届满；人民法院可能不予受理，当事人可以就协议的履行或内容向人民法院提起诉讼"
                    "（第三十二条）")
        return out

    def end_date(self) -> str:
        """The day mediation ended (closure, or the latest agreement or record)."""
        v = self.view
        closure = v.closure or {}
        dates = [closure.get("closed_on") or ""]
        dates += [a.row["agreed_on"] for a in v.agreements if not a.row["voided_on"]]
        dates += [r["held_on"] for r in v.investigations + v.mediations]
        return max(dates) if any(dates) else ""

    def archive_values(self, pages: int | None = None) -> dict:
        """Cover, file note and back cover values."""
        v = self.view
        arch = v.archive or {}
        on = _iso(arch.get("archived_on")) or self.today
        c = self.base(on)
        title = shorten(arch.get("volume_title") or "", TITLE_CAP) or case_title(
            v.parties, c["纠纷类型"])
        c.update({
            "卷名": title,
            "调解开始日期": cv.cn_date((v.acceptance or {}).get("decided_on")
                                  or v.received_date),
            "调解结束日期": cv.cn_date(self.end_date()),
            "立卷人": arch.get("archived_by") or "",
            "立卷日期": cv.cn_date(arch.get("archived_on")),
            "保管期限": arch.get("retention") or "",
            "卷宗备注": arch.get("note") or "",
            "封面备注": shorten(arch.get("note") or "", COVER_NOTE_CAP,
                            "……（全文见卷内备考表）"),
            "封面调解员": _first_names([m["name"] for m in v.mediators], 4),
            "情况说明": arch.get("file_note") or "",
            "卷宗页数": str(pages) if pages else "",
            "附件件数": str(len(v.attachments)) if v.attachments else "",
            "文书日期": cv.cn_date(arch.get("archived_on")),
        })
        return c


# The case file's cover is one page whatever the case: the case name is shortened as archives
# do ("张三等与李四等邻里纠纷"), each name and the whole title capped, and the cover's remark
# and mediators shortened (the back cover, 卷内备考表, prints the whole remark).
NAME_CAP = 20
TITLE_CAP = 50
COVER_NOTE_CAP = 100


def shorten(text: str, cap: int, mark: str = "……") -> str:
    """``text`` cut to at most ``cap`` characters, ending in ``mark`` when it was cut."""
    text = (text or "").strip()
    return text if len(text) <= cap else text[:max(cap - len(mark), 1)] + mark


def _first_names(names: list[str], most: int) -> str:
    names = [n for n in names if n]
    return _names(names[:most]) + ("等" if len(names) > most else "")


def case_title(parties: list[dict], dispute_type: str) -> str:
    """The case name on the cover, as archives write it: the first applicant, "等" when
    there are more, "与", the first respondent (likewise), then the dispute type —
    "张三等与李四等邻里纠纷"; at most TITLE_CAP characters, however many parties."""
    def side(group: list[dict]) -> str:
        if not group:
            return ""
        return shorten(group[0]["name"], NAME_CAP) + ("等" if len(group) > 1 else "")

    applicants = [p for p in parties if p["role"] == "applicant"]
    respondents = [p for p in parties if p["role"] == "respondent"]
    first = side(applicants) or side([p for p in parties if p["role"] != "respondent"])
    title = f"{first}与{side(respondents)}" if first and respondents else (
        first or side(respondents) or side(parties))
    return shorten(title + dispute_type, TITLE_CAP)


def committee_name(desk: "Desk", org_id: str | None = None) -> str:
    """The full name of the committee blank forms are printed for (default: this install's)."""
    org_id = org_id or desk.settings.get("committee_id")
    if not org_id:
        raise DeskError("尚未设置本调委会，无法打印空白文书", hint="请先完成首次设置")
    return desk.organisations.get(org_id)["name"]


def blank_context(name: str) -> dict:
    """The context of a blank form: only the committee name (and the 13 table-of-contents
    titles, which are part of the form itself)."""
    from mediator_desk.core.dossier import ITEMS
    return {"调委会名称": name, "空白": True,
            "目录": [{"名称": title} for _, _, title, _ in ITEMS]}
