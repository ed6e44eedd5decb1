"""Sample data: a realistic synthetic township in Chifeng, for trying the app and for benchmarks.

``build_demo(desk, cases=N, seed=S)`` fills an empty database with one township (苏木/镇) of a real
Chifeng banner or county (real names and division codes), 12–20 villages (嘎查/村)
with their groups, each village a mediation committee with a unique short name, the mediators of
every committee (every field of the mediators' register), and N cases spread over the last six calendar years
(never in the future) covering all 15 dispute types and every case source, and every
committee's dispute screening over those years (core/demo_screening.py). Parties have Chinese
names — Han names from faker's zh_CN lists, Mongolian names, and rare characters such as 䶮 堃 𫖮 —
valid resident ID numbers (GB 11643 check digit from python-stdnum), mobile or landline phones
and addresses in the villages. Township and village names are plausible samples, not an official
register; every person is invented.

Deterministic: the same seed (and the same ``today``) gives the same content, record ids
included — every UUID is drawn from the seeded generator. Only the site id of the database and
the timestamps of writing differ between two runs.

Fast: 200,000 cases take about one to two minutes, or about 2.5–3 minutes with the mediation
path of each case (demo/path.py; see docs/performance.md). Records are written through
``desk.records.insert_many`` (sync columns and one change-log row per record; the bulk generation
is audited as one action per batch, not one audit row per record), the search index through
``desk.cases.index_many`` — all in ONE transaction, so a cancelled or failed build leaves nothing.

Extending: each case is made by :func:`make_case` and then passed through every function in
:data:`STAGES` (``stage(world, case, rng)``), which may change the case's status or add rows for
other travelling tables to ``case.extra[table]`` — the mediation path (demo/path.py) adds
mediation records, agreements and follow-ups this way without touching the rest. What the
data is drawn from (names, places, weights) is in demo/sampling.py.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Callable

from mediator_desk.core import workflow
from mediator_desk.core.cases import format_case_no
from mediator_desk.core.clock import today as _today
from mediator_desk.core.progress import report
from mediator_desk.demo import path as demo_path
from mediator_desk.demo import screening as demo_screening
from mediator_desk.demo.sampling import (AGENT_RELATIONS, ALL_COUNTY_CODES, AMOUNTS, CITY, CLAIMS,
                                         COUNTIES, DISPUTE_PICK, DISPUTE_TYPES, EDUCATION,
                                         ETHNICITY, GACHA_NAMES, GROUP_NUMERALS, MEDIATOR_COUNT,
                                         MEDIATOR_PROFESSIONS, MEDIATOR_TITLES, OCCUPATIONS,
                                         ORG_PARTIES, ORG_WORDS, PARTY_COUNT, REFERRALS, RISK_NOTES,
                                         SOURCE, SOURCES, STATUS_NEW, STATUS_OLD, STATUS_RECENT,
                                         SUMMARIES, VILLAGE_NAMES, birth_date, credit_code,
                                         DemoCase, DemoWorld, draw_uuid, id_number, mobile,
                                         person_name, phone, Weighted)
from mediator_desk.errors import DeskError, ValidationError
from mediator_desk.storage.schema import TRAVELLING_TABLES

# Functions called on every generated case after make_case: stage(world, case, rng).
STAGES: list[Callable[[DemoWorld, DemoCase, random.Random], None]] = [
    demo_path.stage,  # acceptance → records → outcome → agreement → follow-up → archive
]

BATCH = 5000  # cases per write batch (one audit row per table and batch)


def build_world(seed: int, today: date) -> DemoWorld:
    """The township, its villages, groups and mediators for ``seed`` (no database access)."""
    rng = random.Random(f"world:{seed}")
    county, county_code, towns = rng.choice(COUNTIES)
    town = rng.choice(towns)
    town_short = town.removesuffix("镇").removesuffix("苏木").removesuffix("乡")
    world = DemoWorld(seed=seed, today=today, start=date(today.year - 5, 1, 1), county=county,
                      county_code=county_code, town=town)

    def org(kind, name, parent, short="", code=""):
        row = {"id": draw_uuid(rng), "kind": kind, "name": name, "short_name": short,
               "parent_id": parent, "division_code": code, "speciality": "", "note": "示例数据"}
        world.organisations.append(row)
        return row

    world.city = org("city", CITY[0], None, code=CITY[1])
    cty = org("county", county, world.city["id"], code=county_code)
    township = org("township", f"{town}人民调解委员会", cty["id"], short=town_short)
    world.committees.append(township)
    world.committee_weights.append(15.0)
    n_villages = rng.randint(12, 20)
    n_gacha = rng.randint(3, min(8, n_villages // 2))
    names = [g + "嘎查" for g in rng.sample(GACHA_NAMES, n_gacha)] + \
            [v + "村" for v in rng.sample(VILLAGE_NAMES, n_villages - n_gacha)]
    rng.shuffle(names)
    for name in names:
        short = name.removesuffix("嘎查").removesuffix("村")
        village = org("village", f"{name}人民调解委员会", township["id"], short=short)
        village["place"] = name
        world.committees.append(village)
        world.committee_weights.append(rng.uniform(3, 10))
        world.groups[village["id"]] = []
        for g in range(rng.randint(3, 6)):
            group = f"{GROUP_NUMERALS[g]}组"
            org("group", f"{name}{group}", village["id"])
            world.groups[village["id"]].append(group)
    township["place"] = town

    for committee in world.committees:
        size = rng.randint(5, 7) if committee["kind"] == "township" else rng.randint(3, 5)
        members = []
        for i in range(size):
            # At least one woman and one Mongol member per committee (People's Mediation Law art. 9).
            sex = "女" if i == 1 else rng.choice("男男女")
            eth = "02" if i == 2 else ETHNICITY.pick(rng)
            township_staff = committee["kind"] == "township" and i < 2
            m = {"id": draw_uuid(rng), "org_id": committee["id"], "name": person_name(rng, sex, eth),
                 "sex": sex, "ethnicity": eth,
                 "birth_date": birth_date(rng, today, 30, 70).isoformat(), "phone": mobile(rng),
                 "education": "20" if township_staff else EDUCATION.pick(rng),
                 "legal_training": 1 if township_staff or rng.random() < 0.15 else 0,
                 "profession": "司法所工作人员" if township_staff else rng.choice(MEDIATOR_PROFESSIONS),
                 "full_time": 1 if township_staff else 0,
                 "title": "首席调解员" if i == 0 else rng.choice(MEDIATOR_TITLES),
                 "honours": (f"{rng.randint(world.start.year, today.year - 1)}年度{county}优秀人民调解员"
                             if rng.random() < 0.25 else ""),
                 "training": f"{rng.randint(world.start.year, today.year)}年{county}司法局人民调解员培训",
                 "active": 0 if i >= 3 and rng.random() < 0.3 else 1}
            members.append(m)
        world.mediators.extend(members)
        world.mediators_by_org[committee["id"]] = members
    return world


# --- one case -------------------------------------------------------------------------------

def _address(world: DemoWorld, committee: dict, rng: random.Random) -> str:
    village = committee
    if committee["kind"] == "township":
        village = rng.choice(world.committees[1:])
    group = rng.choice(world.groups[village["id"]])
    return f"{world.county}{world.town}{village['place']}{group}{rng.randint(1, 120)}号"


def _person(world: DemoWorld, committee: dict, rng: random.Random, on: date, role: str) -> dict:
    sex = rng.choice("男女")
    eth = ETHNICITY.pick(rng)
    birth = birth_date(rng, on, 18, 85)
    has_id = rng.random() < 0.88
    region = world.county_code if rng.random() < 0.8 else rng.choice(ALL_COUNTY_CODES)
    p = {"role": role, "kind": "person", "name": person_name(rng, sex, eth), "sex": sex,
         "ethnicity": eth, "birth_date": birth.isoformat() if has_id else "",
         "age": None if has_id else on.year - birth.year, "id_type": "resident_id",
         "id_number": id_number(rng, birth, sex, region) if has_id else "",
         "phone": phone(rng), "address": _address(world, committee, rng),
         "occupation": rng.choice(OCCUPATIONS), "employer": "", "legal_rep": "",
         "legal_rep_title": "", "agent_name": "", "agent_phone": "", "agent_relation": ""}
    if rng.random() < 0.06:
        relation = rng.choice(AGENT_RELATIONS)
        agent_sex = "女" if relation in ("女儿",) else ("女" if relation == "配偶" and sex == "男"
                                                        else "男")
        agent = person_name(rng, agent_sex, eth)
        if relation in ("儿子", "女儿", "兄弟", "侄子") and eth != "02":
            agent = p["name"][0] + agent[1:]
        p.update(agent_name=agent, agent_phone=mobile(rng), agent_relation=relation)
    return p


def _organisation(world: DemoWorld, rng: random.Random, dispute_type: str, role: str) -> dict:
    pattern = rng.choice(ORG_PARTIES[dispute_type])
    name = pattern.format(town=world.town, county=world.county, word=rng.choice(ORG_WORDS))
    rep_sex = rng.choice("男男女")
    title = {"人民政府": "镇长", "卫生院": "院长", "医院": "院长"}.get(
        next((k for k in ("人民政府", "卫生院", "医院") if name.endswith(k)), ""), "总经理")
    if world.town.endswith("苏木") and title == "镇长":
        title = "苏木达"
    return {"role": role, "kind": "organisation", "name": name, "sex": "", "ethnicity": "",
            "birth_date": "", "age": None, "id_type": "credit_code",
            "id_number": credit_code(rng, world.county_code),
            "phone": f"0476-{rng.randrange(2, 9)}{rng.randrange(10**6):06d}",
            "address": f"{world.county}{world.town}{rng.choice(['建设路', '人民路', '新华街', '团结路'])}"
                       f"{rng.randint(1, 300)}号",
            "occupation": "", "employer": "", "legal_rep": person_name(rng, rep_sex),
            "legal_rep_title": title, "agent_name": person_name(rng, rng.choice("男女")),
            "agent_phone": mobile(rng), "agent_relation": rng.choice(["员工", "法律顾问"])}


def _status(rng: random.Random, age_days: int) -> str:
    if age_days < 15:
        return STATUS_NEW.pick(rng)
    if age_days < 60:
        return STATUS_RECENT.pick(rng)
    final = STATUS_OLD.pick(rng)
    if age_days >= 365 and rng.random() < 0.8:
        return "archived"
    return final


def make_case(world: DemoWorld, rng: random.Random, *, index: int, committee: dict,
              received: date, seq: int, tick: int = 0) -> DemoCase:
    """Generate one case (with its parties and mediators) numbered ``seq`` in its committee/year.

    ``index`` is the case's position in the whole run; the first 15 cover every dispute type
    and the first 7 every source, so even a small demo shows them all. ``tick`` (the case's
    position in date order) keeps record ids in writing order.
    """
    dtype = DISPUTE_TYPES[index] if index < len(DISPUTE_TYPES) else \
        DISPUTE_PICK.pick(rng)
    source = SOURCES[index] if index < len(SOURCES) else SOURCE.pick(rng)
    case_id = draw_uuid(rng, received, tick)
    n_parties = PARTY_COUNT.pick(rng)
    parties = [_person(world, committee, rng, received, "applicant")]
    for i in range(1, n_parties):
        role = "respondent" if i == 1 else rng.choice(["respondent", "third_party"])
        if dtype in ORG_PARTIES and i == 1 and rng.random() < 0.45:
            parties.append(_organisation(world, rng, dtype, role))
        else:
            parties.append(_person(world, committee, rng, received, role))
    for seq_no, p in enumerate(parties, 1):
        p.update(id=draw_uuid(rng, received, tick), case_id=case_id, seq=seq_no)
    other = parties[1]["name"] if len(parties) > 1 else person_name(rng, rng.choice("男女"))
    lo, hi, none = AMOUNTS[dtype]
    amount_yuan = 0 if rng.random() < none else rng.randint(lo // 100, hi // 100) * 100
    slots = {"a": parties[0]["name"], "b": other, "village": committee["place"],
             "amount": f"{amount_yuan or rng.randint(5, 50) * 100:,}"}
    summary = rng.choice(SUMMARIES[dtype]).format(**slots)
    claims = rng.choice(CLAIMS[dtype])
    people = len(parties) + (rng.randint(10, 60) if dtype in ("08", "10") and rng.random() < 0.2
                             else rng.choice([0, 0, 1, 2, 3]))
    risk = rng.random() < (0.12 if dtype in ("07", "08", "02") else 0.03)
    referral = ""
    if source in REFERRALS:
        referral = REFERRALS[source].format(
            county=world.county, town=world.town, year=received.year, n=rng.randint(21, 30),
            k=rng.randint(1, 900),
            town_short=world.town.removesuffix("镇").removesuffix("苏木").removesuffix("乡"))
    if committee["kind"] == "township":
        place = rng.choice(["司法所调解室", f"{world.town}人民调解委员会调解室", "当事人家中"])
    else:
        office = f"{committee['place']}委员会调解室" if committee["place"].endswith("嘎查") \
            else f"{committee['place']}委会调解室"
        place = rng.choice([office, "当事人家中", "纠纷现场"])
    members = [m for m in world.mediators_by_org[committee["id"]] if m["active"]]
    chosen = rng.sample(members, min(len(members), MEDIATOR_COUNT.pick(rng)))
    year = received.year
    case = {"id": case_id, "org_id": committee["id"],
            "case_no": format_case_no(year, committee["short_name"], seq),
            "case_year": year, "case_seq": seq, "received_date": received.isoformat(),
            "source": source, "referral_note": referral, "dispute_type": dtype,
            "summary": summary, "claims": claims, "place": place, "people_involved": people,
            "amount_fen": amount_yuan * 100, "risk_flag": 1 if risk else 0,
            "risk_note": rng.choice(RISK_NOTES) if risk else "",
            "status": _status(rng, (world.today - received).days),
            "created_by": chosen[0]["name"]}
    links = [{"id": draw_uuid(rng, received, tick), "case_id": case_id, "mediator_id": m["id"],
              "role": "lead" if i == 0 else "member"} for i, m in enumerate(chosen)]
    assert case["status"] in workflow.STATUSES
    return DemoCase(case, parties, links)


# --- the build ------------------------------------------------------------------------------

def plan_cases(world: DemoWorld, count: int) -> list[tuple[int, int, date, int]]:
    """Decide committee, date and number of each case: [(index, committee no., date, seq)].

    Dates are drawn first and then numbered in date order, so numbers grow with the received
    date within each committee and year, as they do when cases are registered day by day.
    """
    rng = random.Random(f"plan:{world.seed}")
    span = (world.today - world.start).days
    drawn = []
    committees = Weighted(zip(range(len(world.committees)), world.committee_weights))
    for i in range(count):
        c = committees.pick(rng)
        drawn.append((world.start + timedelta(days=rng.randint(0, span)), i, c))
    drawn.sort()
    seqs: dict[tuple[int, int], int] = {}
    plan = []
    for received, i, c in drawn:
        key = (c, received.year)
        seqs[key] = seqs.get(key, 0) + 1
        plan.append((i, c, received, seqs[key]))
    return plan


def _refuse_if_not_empty(desk) -> None:
    used = {t: desk.scalar(f"SELECT count(*) FROM {t}") for t in ("cases", "organisations",
                                                                  "mediators")}
    if any(used.values()):
        raise DeskError(
            f"该数据库中已有数据（案件 {used['cases']} 件、组织 {used['organisations']} 个），"
            "示例数据不能与真实数据混在一起",
            hint="请为示例数据指定一个新的数据库文件")


def build_demo(desk, *, cases: int, seed: int = 1, progress=None,
               today: date | None = None, stages=None) -> dict:
    """Fill an EMPTY database with a synthetic township and ``cases`` cases; returns a summary.

    Refuses (``DeskError``) a database that already has organisations, mediators or cases, so
    sample data never mixes with real records. Everything is written in one transaction: if
    ``progress`` is cancelled (see core/progress.py) or anything fails, nothing is saved.
    ``today`` fixes the end of the time window (default: the local date). ``stages`` replaces
    :data:`STAGES` (the benchmark builds the demo without the mediation path).
    """
    if not isinstance(cases, int) or cases < 0:
        raise ValidationError("案件数量应为不小于0的整数", field="cases")
    if cases > 2_000_000:
        raise ValidationError("案件数量过大（最多2,000,000件）", field="cases")
    today = today or _today()
    _refuse_if_not_empty(desk)
    world = build_world(seed, today)
    plan = plan_cases(world, cases)
    counters: dict[tuple[str, int], int] = {}
    totals = dict.fromkeys(TRAVELLING_TABLES, 0)
    details = {"seed": seed, "source": "demo"}
    report(progress, 0, cases)
    conn = desk.db.conn
    cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    # A bigger page cache while writing ~1 GB in one transaction spills fewer pages to the WAL
    # (measured −15 % at 200,000 cases); restored afterwards.
    conn.execute("PRAGMA cache_size = -262144")
    # The sample files first: a file without its record is harmless, records without their
    # files are not (a demo killed right after its commit would fail `check`).
    demo_path.store_sample_files(desk)
    try:
        lead = _write_world(desk, world, plan, progress, counters, totals, details,
                            STAGES if stages is None else stages)
    finally:
        conn.execute(f"PRAGMA cache_size = {int(cache)}")
    desk.user = lead["name"]
    years = sorted({p[2].year for p in plan})
    return {"seed": seed, "county": world.county, "township": world.town,
            "villages": len(world.committees) - 1, "mediators": len(world.mediators),
            "cases": totals["cases"], "parties": totals["parties"],
            "years": (years[0], years[-1]) if years else (), "committee_id": world.committees[0]["id"]}


def _write_world(desk, world: DemoWorld, plan, progress, counters, totals, details,
                 stages) -> dict:
    """Write everything in one transaction; returns the township's lead mediator."""
    seed, cases = world.seed, len(plan)
    with desk.transaction():
        _refuse_if_not_empty(desk)
        w = desk.records
        orgs = [{k: v for k, v in o.items() if k != "place"} for o in world.organisations]
        totals["organisations"] += w.insert_many("organisations", orgs, details=details)
        totals["mediators"] += w.insert_many("mediators", world.mediators, details=details)
        for start in range(0, len(plan), BATCH):
            made = []
            for tick, (index, c, received, seq) in enumerate(plan[start:start + BATCH], start):
                committee = world.committees[c]
                rng = random.Random(f"case:{seed}:{index}")
                demo_case = make_case(world, rng, index=index, committee=committee,
                                      received=received, seq=seq, tick=tick)
                for stage in stages:
                    stage(world, demo_case, rng)
                made.append(demo_case)
                key = (committee["id"], received.year)
                counters[key] = max(counters.get(key, 0), seq)
            write_batch(desk, made, totals, details)
            report(progress, min(start + BATCH, len(plan)), cases)
        desk.cases.raise_counters(counters)
        # every committee's dispute screening over the same years (demo/screening.py)
        rounds, items = demo_screening.bulk_rows(world, draw_uuid)
        totals["screening_rounds"] += w.insert_many("screening_rounds", rounds, details=details)
        totals["screening_items"] += w.insert_many("screening_items", items, details=details)
        desk.settings.set("committee_id", world.committees[0]["id"])
        lead = world.mediators_by_org[world.committees[0]["id"]][0]
        desk.settings.set("current_mediator_id", lead["id"])
        desk.settings.set("current_user", lead["name"])
        desk.settings.set("site_role", "township")
        desk.settings.set("demo", {"seed": seed, "cases": cases,
                                   "today": world.today.isoformat()})
        demo_path.raise_agreement_counters(desk, world)
    return lead


def write_batch(desk, made: list[DemoCase], totals: dict, details: dict) -> None:
    """Write one batch of cases: each travelling table parents-first, then the search index."""
    by_table: dict[str, list[dict]] = {"cases": [], "parties": [], "case_mediators": []}
    owners: dict[str, dict[str, None]] = {}
    for dc in made:
        cid = dc.case["id"]
        tables = {"cases": [dc.case], "parties": dc.parties, "case_mediators": dc.mediators,
                  **dc.extra}
        for table, rows in tables.items():
            if rows:
                by_table.setdefault(table, []).extend(rows)
                owners.setdefault(table, {})[cid] = None
    unknown = set(by_table) - set(TRAVELLING_TABLES)
    if unknown:
        raise DeskError(f"内部错误：示例数据写入了未登记的表 {sorted(unknown)}")
    for table in TRAVELLING_TABLES:
        if by_table.get(table):
            totals[table] = totals.get(table, 0) + desk.records.insert_many(
                table, by_table[table], case_ids=list(owners[table]), details=details)
    desk.cases.index_many((dc.case, dc.parties) for dc in made)
