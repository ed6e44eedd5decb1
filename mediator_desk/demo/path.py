"""Sample data for the mediation path: each demo case walked as far as its dates allow.

A stage of demo/book.py (``STAGES``): for every generated case it adds, with consistent dates
(never before the case was received, never after the demo's ``today``), the acceptance or
refusal, investigation and mediation records, the outcome (written or oral agreement, mediation
ended with the routes explained, withdrawal), signing, performance, follow-up visits, judicial
confirmation, escalation risks with police reports, and the archive record with the identity
proof and signed-agreement scans (two small sample files stored once by content hash, written
by :func:`store_sample_files`). The status set by book.py says how far the case has come; this stage
turns it into the statuses of core/workflow.py (``agreed`` becomes ``agreed``, ``effective`` or
``performed`` depending on signing and performance). Rows have fixed key sets for
``RecordWriter.insert_many`` (the bulk path).
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import struct
import zlib
from datetime import date, timedelta

from mediator_desk.core import deadlines, path_settings
from mediator_desk.demo.sampling import draw_uuid

# --- the two sample files (a small "identity card" PNG and a one-page PDF "scan") ----------------
# Both are real files a viewer and pypdf/reportlab read (a 1×1 image printed as a page-sized grey
# block, and a PDF without a cross-reference table could not be read at all). Made here in plain
# Python, so the core needs neither Pillow nor reportlab.


def _png(width: int = 300, height: int = 200) -> bytes:
    """A 300×200 grey-scale card: a border, a photo box and four lines of "text"."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = []
    for y in range(height):
        row = bytearray(b"\xff" * width)
        if y < 4 or y >= height - 4:
            row[:] = b"\x40" * width
        else:
            row[:4] = row[-4:] = b"\x40\x40\x40\x40"
            if 40 <= y < 150:
                row[20:100] = b"\xb0" * 80                          # the photo
            for top in (50, 78, 106, 134):
                if top <= y < top + 8:
                    end = 280 if top != 134 else 220
                    row[120:end] = b"\x30" * (end - 120)           # a line of text
        rows.append(b"\x00" + bytes(row))
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b""))


def _pdf() -> bytes:
    """A one-page A4 PDF "scan" (a frame, a title bar and ruled text lines, no fonts) with a
    correct cross-reference table."""
    lines = ["0.2 G 1 w 50 50 495 742 re S", "0.3 g 200 760 195 14 re f"]
    lines += [f"70 {y} {455 if i % 5 != 4 else 300} 6 re f" for i, y in
              enumerate(range(720, 380, -24))]
    lines += ["0.6 g 380 120 120 80 re f"]                              # the seal area
    content = "\n".join(lines).encode("ascii")
    objects = [b"<</Type/Catalog/Pages 2 0 R>>",
               b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
               b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<<>>/Contents 4 0 R>>",
               b"<</Length %d>>stream\n" % len(content) + content + b"\nendstream"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


SAMPLE_PNG = _png()
SAMPLE_PDF = _pdf()
SAMPLES = {"identity": ("示例身份证明.png", "image/png", SAMPLE_PNG),
           "signed_agreement": ("示例协议扫描件.pdf", "application/pdf", SAMPLE_PDF),
           "power_of_attorney": ("示例授权委托书.pdf", "application/pdf", SAMPLE_PDF)}
_SHA = {k: hashlib.sha256(v[2]).hexdigest() for k, v in SAMPLES.items()}

# --- texts ---------------------------------------------------------------------------------------

CONSENT = {"apply": "written_application", "initiative": "initiative_consent"}
REFUSALS = [("party_refuses", ""), ("outside_scope", ""),
            ("other_body", "该纠纷已由人民法院立案受理"), ("other_body", "该纠纷已由派出所立案处理")]
QUESTIONS = [("纠纷是什么时候发生的？", "去年秋天开始的，一直没有解决。"),
             ("对方当时是怎么说的？", "他说这是他家的，不让我们动。"),
             ("有没有证人或者书面证据？", "村里的老人都知道，还有当年的协议复印件。"),
             ("你希望怎么解决？", "只要对方按原来的约定办，我们不再追究。")]
STATEMENTS = "{a}陈述：对方侵害了自己的权益，要求按申请事项处理。{b}陈述：事出有因，愿意协商解决。"
FINDINGS = ["经实地查看并询问知情人，双方所述基本属实，争议焦点明确。",
            "经核实相关凭证，双方对主要事实无异议，分歧在于赔偿数额。",
            "经走访邻里，查明纠纷起因系双方沟通不畅，事实清楚。"]
RISK_WARNING = "已告知双方不得采取过激行为，否则将承担相应法律责任。"
FAIL_REASONS = ["双方分歧过大，经多次调解仍无法达成一致", "被申请人拒绝继续参加调解",
                "双方对赔偿数额差距过大，无法达成协议"]
ROUTES = ["已告知当事人可依法向人民法院提起诉讼", "已告知当事人可申请仲裁或向人民法院起诉",
          "已告知当事人可向有关行政机关申请处理或向人民法院起诉"]
WITHDRAW_REASONS = ["双方已自行和解，申请人撤回调解申请", "申请人决定直接向人民法院起诉，撤回申请"]
TERMS = ["{b}于{deadline}前向{a}支付{amount}元", "{b}于{deadline}前恢复原状并停止侵害",
         "双方按原约定划定界线，互不侵占", "本协议履行完毕后，双方就本纠纷再无其他争议"]
METHODS = ["现金当面交付，由调解员见证", "银行转账", "分两期支付", "自行履行，调委会监督"]
COURTS = "{county}人民法院"
VISIT_REASONS = ["了解协议履行情况", "回访当事人满意程度", "履行期限届满后例行回访"]
RISK_KINDS = [("民转刑", "criminal"), ("上访", "group_petition"), ("械斗", "group_fight"),
              ("情绪低落", "suicide")]


def _state(world) -> dict:
    """Per-build state kept on the world: agreement counters and name lookups."""
    state = world.__dict__.get("_mediation_path")
    if state is None:
        state = {"seq": {}, "names": {m["id"]: m["name"] for m in world.mediators},
                 "short": {c["id"]: c["short_name"] for c in world.committees},
                 "pattern": path_settings.DEFAULTS["agreement_no_pattern"],
                 "days": path_settings.DEFAULTS["followup_days"]}
        world.__dict__["_mediation_path"] = state
    return state


def _add(dc, table: str, row: dict) -> None:
    dc.extra.setdefault(table, []).append(row)


def _final(rng: random.Random, status: str, age: int) -> str:
    """What really happened to a case book.py marked ``archived`` (a closed, old case)."""
    if status != "archived":
        return status
    return rng.choices(["agreed", "ended", "withdrawn", "refused"], [88, 6, 3, 3])[0]


def stage(world, dc, rng: random.Random) -> None:
    """Walk one demo case along the mediation path (see the module docstring)."""
    st = _state(world)
    case = dc.case
    today = world.today
    received = date.fromisoformat(case["received_date"])
    status = case["status"]
    archive = status == "archived"
    goal = _final(rng, status, (today - received).days)
    cid = case["id"]
    names = [st["names"][m["mediator_id"]] for m in dc.mediators] or ["调解员"]
    names_json = json.dumps(names, ensure_ascii=False)
    a_name = dc.parties[0]["name"]
    b_name = dc.parties[1]["name"] if len(dc.parties) > 1 else "对方"
    present = [p["name"] for p in dc.parties]
    cap = lambda d: min(d, today)  # noqa: E731
    dates = [received]

    if case["risk_flag"]:
        kind = next((k for word, k in RISK_KINDS if word in case["risk_note"]), "criminal")
        flagged = cap(received + timedelta(days=rng.randint(0, 2)))
        # a recent risk may still wait for its report; older ones were reported
        recent = (today - received).days < 30
        reported = None if (recent and rng.random() < 0.3) else \
            cap(flagged + timedelta(days=rng.randint(0, 1)))
        _add(dc, "risk_flags", {
            "id": draw_uuid(rng, flagged), "case_id": cid, "kind": kind,
            "flagged_on": flagged.isoformat(), "note": case["risk_note"],
            "people": case["people_involved"], "prevented": 1 if goal != "registered" else 0,
            "reported_on": reported.isoformat() if reported else "",
            "report_recipient": f"{world.town}派出所" if reported else "",
            "report_note": "已电话报告并书面备案" if reported else ""})

    if goal == "registered":
        return
    decided = cap(received + timedelta(days=rng.choice([0, 0, 1, 2])))
    dates.append(decided)
    if goal == "refused":
        reason, note = rng.choice(REFUSALS)
        _add(dc, "acceptances", _acceptance(rng, cid, decided, "refused", "", names[0],
                                            reason, note))
        case["status"] = "refused"
        _archive(world, dc, rng, st, archive, dates)
        return
    source = case["source"]
    consent = CONSENT.get(source, "referral_consent")
    if source == "apply" and rng.random() < 0.3:
        consent = "oral_application"
    _add(dc, "acceptances", _acceptance(rng, cid, decided, "accepted", consent, names[0], "", ""))
    case["status"] = "accepted"
    if goal == "accepted":
        return

    # records: an investigation now and then, one or two mediation sittings
    day = decided
    if goal != "withdrawn" and rng.random() < 0.25:
        day = cap(day + timedelta(days=rng.randint(0, 3)))
        qa = rng.sample(QUESTIONS, rng.randint(2, 4))
        _add(dc, "investigations", {
            "id": draw_uuid(rng, day), "case_id": cid, "seq": 1, "held_on": day.isoformat(),
            "start_time": f"{rng.randint(8, 16):02d}:{rng.choice(['00', '30'])}", "end_time": "",
            "place": case["place"], "subject": b_name, "participants": "[]",
            "investigators": json.dumps(names[:1], ensure_ascii=False),
            "recorder": names[-1], "note": "",
            "qa": json.dumps([{"q": q, "a": a} for q, a in qa], ensure_ascii=False)})
        dates.append(day)
    sittings = 0 if goal == "withdrawn" else (2 if rng.random() < 0.25 else 1)
    for seq in range(1, sittings + 1):
        day = cap(day + timedelta(days=rng.randint(1, 6)))
        last = seq == sittings
        result = "continue"
        if last and goal == "agreed":
            result = "agreed"
        elif last and goal == "ended":
            result = "failed"
        _add(dc, "mediation_sessions", {
            "id": draw_uuid(rng, day), "case_id": cid, "seq": seq, "held_on": day.isoformat(),
            "start_time": f"{rng.randint(8, 16):02d}:{rng.choice(['00', '30'])}", "end_time": "",
            "place": case["place"], "matter": case["summary"][:16],
            "mediators": names_json,
            "parties_present": json.dumps(present, ensure_ascii=False), "participants": "[]",
            "recorder": names[-1], "rights_notice_given": 1,
            "statements": STATEMENTS.format(a=a_name, b=b_name), "findings": rng.choice(FINDINGS),
            "risk_warning": RISK_WARNING if case["risk_flag"] else "", "result": result,
            "result_note": {"agreed": "双方自愿达成调解协议", "failed": rng.choice(FAIL_REASONS),
                            "continue": "双方同意择日继续调解"}[result],
            "routes_explained": rng.choice(ROUTES) if result == "failed" else ""})
        dates.append(day)
    case["status"] = "mediating" if sittings else "accepted"
    if goal == "mediating":
        return

    if goal in ("ended", "withdrawn"):
        closed = cap(day + timedelta(days=rng.randint(0, 3)))
        _add(dc, "closures", {
            "id": draw_uuid(rng, closed), "case_id": cid, "kind": goal,
            "closed_on": closed.isoformat(),
            "reason": rng.choice(FAIL_REASONS if goal == "ended" else WITHDRAW_REASONS),
            "routes_explained": rng.choice(ROUTES) if goal == "ended" else "", "note": ""})
        dates.append(closed)
        case["status"] = goal
        _archive(world, dc, rng, st, archive, dates)
        return

    # the agreement
    agreed = day
    oral = rng.random() < 0.3 and case["amount_fen"] <= 500_000
    year = agreed.year
    key = (case["org_id"], year)
    st["seq"][key] = st["seq"].get(key, 0) + 1
    number = st["pattern"].format(year=year, short=st["short"][case["org_id"]], n=st["seq"][key])
    deadline = agreed + timedelta(days=rng.choice([0, 7, 15, 30, 60]))
    amount = case["amount_fen"] // 100 or rng.randint(5, 50) * 100
    chosen = rng.sample(TERMS[:2], 1) + TERMS[2:]
    signed = None if oral else agreed + timedelta(days=rng.choice([0, 0, 1, 2]))
    if signed and deadline < signed:
        deadline = signed    # a performance deadline never precedes the signing
    terms = [t.format(a=a_name, b=b_name, deadline=f"{deadline.year}年{deadline.month}月"
                      f"{deadline.day}日", amount=f"{amount:,}") for t in chosen]
    if signed and (signed > today or ((today - agreed).days < 7 and rng.random() < 0.5)):
        signed = None        # printed, not yet signed: the case waits in "agreed"
    effective = agreed if oral else signed
    row = {"id": draw_uuid(rng, agreed), "case_id": cid, "form": "oral" if oral else "written",
           "agreement_no": number, "agreement_year": year, "agreement_seq": st["seq"][key],
           "supplements_id": None, "agreed_on": agreed.isoformat(), "place": case["place"],
           "facts": case["summary"], "terms": json.dumps(terms, ensure_ascii=False),
           "performance_method": rng.choice(METHODS),
           "performance_deadline": deadline.isoformat(), "amount_fen": amount * 100,
           "copies": 0 if oral else len(dc.parties) + 1,
           "mediators": names_json, "recorder": names[-1],
           "signed_on": signed.isoformat() if signed else "",
           "effective_on": effective.isoformat() if effective else "",
           "performance_status": "not_due", "performance_checked_on": "",
           "performance_note": "", "followup_due": "", "voided_on": "", "void_reason": ""}
    _add(dc, "agreements", row)
    dates.append(effective or agreed)
    case["status"] = "agreed"
    if not effective:
        return
    case["status"] = "effective"
    if signed and rng.random() < 0.3:
        _attach(dc, rng, cid, "signed_agreement", signed, "agreements", row["id"])
    # performance, checked once the deadline has come
    if deadline < today or (archive and deadline <= today):
        old = (today - deadline).days > 90
        perf = "performed" if archive else rng.choices(
            ["performed", "partly", "not_performed"], [97, 0, 3] if old else [88, 5, 7])[0]
        checked = cap(max(deadline, effective) + timedelta(days=rng.randint(0, 5)))
        row.update(performance_status=perf, performance_checked_on=checked.isoformat(),
                   performance_note={"performed": "已按协议履行完毕", "partly": "已履行部分款项",
                                     "not_performed": "对方以经济困难为由未履行"}[perf])
        dates.append(checked)
        if perf == "performed":
            case["status"] = "performed"
    # judicial confirmation for a few written agreements
    if signed and rng.random() < 0.04:
        applied = signed + timedelta(days=rng.randint(1, 20))
        if applied <= today:
            result_on = applied + timedelta(days=rng.randint(7, 20))
            done = result_on <= today
            _add(dc, "confirmations", {
                "id": draw_uuid(rng, applied), "case_id": cid, "agreement_id": row["id"],
                "applied_on": applied.isoformat(), "court": COURTS.format(county=world.county),
                "result": ("confirmed" if rng.random() < 0.9 else "not_confirmed") if done
                else "pending", "result_on": result_on.isoformat() if done else "",
                "court_case_no": f"（{applied.year}）蒙04民特{rng.randint(1, 999)}号" if done else "",
                "note": ""})
            dates.append(result_on if done else applied)
    # the follow-up visit, N days after the deadline
    due = deadlines.followup_due(performance_deadline=row["performance_deadline"],
                                 effective_on=row["effective_on"], days=st["days"])
    if due and due <= today and (archive or (today - due).days > 60 or rng.random() < 0.7):
        visited = cap(due + timedelta(days=rng.randint(0, 10)))
        sued = row["performance_status"] == "not_performed" and (today - due).days > 60
        _add(dc, "followups", {
            "id": draw_uuid(rng, visited), "case_id": cid, "agreement_id": row["id"],
            "visited_on": visited.isoformat(), "party": a_name, "reason": rng.choice(VISIT_REASONS),
            "performance": row["performance_status"],
            "satisfaction": rng.choices(["satisfied", "basic", "dissatisfied"], [80, 17, 3])[0],
            # unperformed for long: the other party went to court (Art. 32)
            "lawsuit": 1 if sued else 0, "lawsuit_note": "申请人已向人民法院起诉" if sued else "",
            "wrong_mediation": 0, "wrong_mediation_note": "",
            "escalation_risk": 0, "escalation_note": "",
            "action_taken": "无" if row["performance_status"] == "performed" else "督促履行",
            "visitor": names[0], "note": ""})
        dates.append(visited)
    _archive(world, dc, rng, st, archive, dates)


def _acceptance(rng, cid, decided, decision, consent, by, reason, note) -> dict:
    return {"id": draw_uuid(rng, decided), "case_id": cid, "decision": decision,
            "decided_on": decided.isoformat(), "consent_form": consent, "consent_note": "",
            "rights_notice_given": 1 if decision == "accepted" else 0,
            "refusal_reason": reason, "refusal_note": note, "decided_by": by}


def _attach(dc, rng, cid, item, day, table="", record_id="") -> None:
    name, mime, data = SAMPLES[item]
    _add(dc, "attachments", {
        "id": draw_uuid(rng, day), "case_id": cid, "item": item, "record_table": table,
        "record_id": record_id, "file_name": name, "mime_type": mime, "size": len(data),
        "sha256": _SHA[item], "added_on": day.isoformat(), "note": "示例文件"})


def _archive(world, dc, rng, st, archive: bool, dates: list[date]) -> None:
    """File a closed case (book.py chose ``archived``): identity proof, then the archive row."""
    if not archive:
        return
    last = max(dates)
    day = min(last + timedelta(days=rng.randint(3, 30)), world.today)
    if dc.case["status"] != "refused":
        _attach(dc, rng, dc.case["id"], "identity", last)
        if any(p["agent_name"] for p in dc.parties):
            _attach(dc, rng, dc.case["id"], "power_of_attorney", last)
    _add(dc, "archives", {
        "id": draw_uuid(rng, day), "case_id": dc.case["id"], "archived_on": day.isoformat(),
        "archived_by": st["names"][dc.mediators[0]["mediator_id"]] if dc.mediators else "调解员",
        "retention": rng.choices(["10年", "30年", "永久"], [70, 25, 5])[0],
        "volume_title": f"{dc.parties[0]['name']}等{dc.case['summary'][:12]}纠纷",
        "file_note": "", "note": ""})
    dc.case["status"] = "archived"


def store_sample_files(desk) -> None:
    """Store the sample files the demo's attachment rows point to (once, by content hash);
    before the records are written."""
    for item, (_, _, data) in SAMPLES.items():
        path = desk.attachments.file_path(_SHA[item])
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(path.name + ".part")
            tmp.write_bytes(data)
            os.replace(tmp, path)


def raise_agreement_counters(desk, world) -> None:
    """Raise the agreement counters to the numbers the demo used (in the build's
    transaction)."""
    state = world.__dict__.get("_mediation_path")
    if state:
        with desk.transaction():
            desk.db.conn.executemany(
                "INSERT INTO agreement_counters (org_id, year, last_seq) VALUES (?,?,?) ON"
                " CONFLICT (org_id, year) DO UPDATE SET last_seq = max(last_seq,"
                " excluded.last_seq)", [(o, y, n) for (o, y), n in state["seq"].items()])
