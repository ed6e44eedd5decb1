"""Text rendering of a case's mediation path for ``case show`` (data from desk.dossier.view)."""

from __future__ import annotations

from datetime import date

from mediator_desk.core import workflow
from mediator_desk.core.audit import ACTION_LABELS, TABLE_LABELS
from mediator_desk.core.clock import local_display
from mediator_desk.core.dossier import CaseView


def _section(title: str) -> None:
    print(f"\n【{title}】")


def _join(items) -> str:
    return "、".join(items) if items else "—"


def print_case_view(case: CaseView, *, today: date) -> None:
    """Print acceptance, records, outcome, risks, agreements, follow-ups, confirmation,
    attachments, the case file's table of contents, archiving and the history."""
    acc = case.acceptance
    _section("受理")
    if not acc:
        print("尚未作出受理决定")
    elif acc["decision"] == "accepted":
        print(f"{acc['decided_on']} 受理（{acc['consent_form_label']}）"
              + (f"　{acc['consent_note']}" if acc["consent_note"] else "")
              + ("　已告知权利义务" if acc["rights_notice_given"] else ""))
    else:
        print(f"{acc['decided_on']} 不予受理：{acc['refusal_reason_label']}"
              + (f"（{acc['refusal_note']}）" if acc["refusal_note"] else ""))

    if case.investigations:
        _section("调查记录")
        for r in case.investigations:
            print(f"{r['no']}. {r['held_on']} {r['start_time']}　地点：{r['place'] or '—'}"
                  f"　被调查人：{r['subject']}　参加人：{_join(r['participants'])}"
                  f"　记录人：{r['recorder'] or '—'}")
            for qa in r["qa"]:
                print(f"   问：{qa['q']}")
                print(f"   答：{qa['a']}")
    if case.mediations:
        _section("调解记录")
        for r in case.mediations:
            print(f"{r['no']}. {r['held_on']} {r['start_time']}　地点：{r['place'] or '—'}"
                  f"　事由：{r['matter'] or '—'}")
            print(f"   调解员：{_join(r['mediators'])}　当事人：{_join(r['parties_present'])}"
                  f"　参加人：{_join(r['participants'])}　记录人：{r['recorder'] or '—'}")
            for key, label in (("statements", "陈述"), ("findings", "查明事实"),
                               ("risk_warning", "风险提示")):
                if r[key]:
                    print(f"   {label}：{r[key]}")
            print(f"   结果：{r['result_label']}" + (f"（{r['result_note']}）" if r["result_note"]
                                                   else ""))
            if r["routes_explained"]:
                print(f"   已告知其他途径：{r['routes_explained']}")

    out = case.outcome
    _section("调解结果")
    if not out.kind:
        print("尚无结果")
    else:
        print(f"{out.label}（{out.date}）" + (f"：{out.reason}" if out.reason else ""))
        if out.routes_explained:
            print(f"已告知其他途径：{out.routes_explained}")
    for r in case.risks:
        report = (f"已于{r['reported_on']}报告{r['report_recipient']}" if r["reported_on"]
                  else "尚未报告公安机关")
        print(f"风险：{r['kind_label']}（{r['flagged_on']}）{r['note']}；{report}"
              + ("；已防止" if r["prevented"] else ""))

    for view in case.agreements:
        a = view.row
        _section(("补充协议 " if a["is_supplement"] else "调解协议 ") + a["agreement_no"])
        print(f"形式：{a['form_label']}　状态：{a['state_label']}　达成日期：{a['agreed_on']}"
              + (f"　签字日期：{a['signed_on']}" if a["signed_on"] else "")
              + (f"　生效日期：{a['effective_on']}" if a["effective_on"] else ""))
        if a["party_signatures"]:
            print("签字：" + "；".join(f"{s['name']} {s['signed_on']}" for s in a["party_signatures"])
                  + (f"；人民调解委员会盖章 {a['sealed_on']}" if a["sealed_on"] else ""))
        if a["voided_on"]:
            print(f"已于{a['voided_on']}作废：{a['void_reason']}")
        if a["facts"]:
            print(f"纠纷主要事实、争议事项：{a['facts']}")
        for i, term in enumerate(a["terms"], 1):
            print(f"  {i}. {term}")
        print(f"履行方式：{a['performance_method'] or '—'}　履行期限：{a['performance_deadline'] or '—'}"
              f"　金额：{a['amount_text']} 元　份数：{a['copies']}")
        print(f"履行情况：{a['performance_label']}"
              + (f"（{a['performance_checked_on']}核实）" if a["performance_checked_on"] else "")
              + (f"　{a['performance_note']}" if a["performance_note"] else ""))
        if a["followup_planned"]:
            print(f"计划回访：{a['followup_planned']}")
        w = a["confirmation_window"]
        k = view.confirmation
        if k:
            print(f"司法确认：{k['applied_on']}向{k['court']}申请，{k['result_label']}"
                  + (f"（{k['result_on']}）" if k["result_on"] else "")
                  + (f"　案号：{k['court_case_no']}" if k["court_case_no"] else ""))
        elif w:
            print(f"司法确认期限：{w['start']}至{w['end']}（{w['text']}）")
        for f in view.followups:
            print(f"回访：{f['visited_on']} {f['visitor']}回访{f['party']}"
                  + (f"，事由：{f['reason']}" if f["reason"] else "")
                  + (f"，履行：{f['performance_label']}" if f["performance"] else "")
                  + (f"，{f['satisfaction_label']}" if f["satisfaction"] else "")
                  + ("，已起诉：" + f["lawsuit_note"] if f["lawsuit"] else "")
                  + ("，错调迹象：" + f["wrong_mediation_note"] if f["wrong_mediation"] else "")
                  + ("，激化隐患：" + f["escalation_note"] if f["escalation_risk"] else "")
                  + (f"，措施：{f['action_taken']}" if f["action_taken"] else ""))
        for att in view.attachments:
            print(f"附件：{att['item_label']}　{att['file_name']}"
                  + ("" if att["exists"] else "（文件缺失）"))

    if case.attachments:
        _section("附件")
        for att in case.attachments:
            print(f"{att['item_label']}　{att['file_name']}　{att['size'] // 1024} KB"
                  + ("" if att["exists"] else "　（文件缺失）"))

    _section("卷宗目录")
    for item in case.contents:
        mark = "✓" if item.present else ("缺" if item.missing else "—")
        print(f"{item.no:>2}. {item.title}（{item.need_label}）{mark}")
        if item.refusal:
            r = item.refusal
            print(f"    不予受理：{r['reason_label']}" + (f"（{r['note']}）" if r["note"] else "")
                  + f"　决定日期：{r['decided_on']}　决定人：{r['decided_by'] or '—'}")
    arch = case.archive
    if arch:
        print(f"已立卷：{arch['archived_on']}　立卷人：{arch['archived_by']}"
              f"　保管期限：{arch['retention']}")

    _section("操作记录")
    for h in case.history:
        what = ACTION_LABELS.get(h["action"], h["action"])
        table = TABLE_LABELS.get(h["table_name"], h["table_name"])
        extra = ""
        if h["action"] == "status" and "status" in h["details"]:
            old, new = h["details"]["status"]
            extra = f"：{workflow.label(old)} → {workflow.label(new)}"
        print(f"{local_display(h['at'])}　{h['user']}　{what}"
              f"{('（' + table + '）') if table else ''}{extra}")
