"""Dispute screening for the sample data of both demos (demo/book.py, demo/township.py).

A village screens twice a month (before the Spring Festival and National Day the second round
is a holiday screening), a township once a month; each round finds a few disputes at
red/orange/yellow, followed along 排查 → 预警 → 调处 → 处置 as far as the time since allows;
about four in ten settled ones prevented an escalation (a dispute, a suicide, a civil dispute
turning criminal, a group petition or fight) concerning some of the people involved.

:func:`month_rounds` gives what a committee screened in a month (values as
``desk.screening.add_round`` takes them) and :func:`outcome` where a found dispute stands
today; the township demo writes them through ``desk.screening``, the single-database demo in
bulk with :func:`bulk_rows` (the same values, final state, through ``RecordWriter``).
"""

from __future__ import annotations

import calendar
import json
import random
from datetime import date, timedelta

from mediator_desk.demo.sampling import DISPUTE_PICK, SUMMARIES, Weighted, mobile, person_name

MEASURES = ["入户走访，分别做双方思想工作", "约双方到调委会面谈，讲明法律规定",
            "请村两委和老党员参与疏导", "联系派出所共同稳控，防止矛盾激化",
            "组织双方亲属座谈，劝其克制", "现场查看并丈量边界，固定证据"]
AREAS = ["全村各组", "一组、二组", "三组至五组", "村部周边", "牧业点", "新建小区"]


def _weighted():
    return (Weighted([("yellow", 55), ("orange", 30), ("red", 15)]),
            Weighted([("dispute", 50), ("criminal", 15), ("group_petition", 15),
                      ("group_fight", 8), ("suicide", 12)]))


def found_dispute(place: str, groups: list[str], mediators: list[dict], found: date,
                  rng: random.Random, risk: str = "") -> dict:
    """One dispute found on ``found`` in ``place`` (a village or township name)."""
    risks, _ = _weighted()
    dtype = DISPUTE_PICK.pick(rng)
    a = person_name(rng, rng.choice("男女"))
    b = person_name(rng, rng.choice("男女"))
    slots = {"a": a, "b": b, "village": place, "amount": f"{rng.randint(5, 80) * 100:,}"}
    people = rng.choice([2, 2, 3, 4, 6]) + (rng.randint(10, 40) if rng.random() < 0.1 else 0)
    return {"found_on": found.isoformat(), "dispute_type": dtype, "parties": [a, b],
            "contact": mobile(rng), "people_involved": people,
            "place": f"{place}{rng.choice(groups)}" if groups else place,
            "summary": rng.choice(SUMMARIES[dtype]).format(**slots),
            "risk_level": risk or risks.pick(rng), "measures": rng.choice(MEASURES),
            "responsible": rng.choice(mediators)["name"],
            "deadline": (found + timedelta(days=rng.choice([7, 15, 30]))).isoformat()}


def month_rounds(committee: dict, groups: list[str], mediators: list[dict], year: int,
                 month: int, rng: random.Random, today: date) -> list[tuple[dict, list[dict]]]:
    """(round values, [found disputes]) a committee screened in a month, none after today."""
    village = committee["kind"] == "village"
    days = (rng.randint(1, 3), rng.randint(15, 17)) if village else (rng.randint(20, 25),)
    last = calendar.monthrange(year, month)[1]
    out = []
    for half, day in enumerate(days):
        held = date(year, month, min(day, last))
        if held > today:
            break
        kind = "holiday" if half == len(days) - 1 and month in (1, 9) else "routine"
        items = [found_dispute(committee["place"], groups, mediators,
                               max(held - timedelta(days=rng.randint(0, 2)), date(year, month, 1)),
                               rng) for _ in range(rng.choice([0, 1, 1, 2, 2, 3]))]
        out.append(({"org_id": committee["id"], "held_on": held.isoformat(), "kind": kind,
                     "area": rng.choice(AREAS) if village else "全乡镇各村",
                     "screeners": "、".join(m["name"] for m in mediators[:2]), "note": ""},
                    items))
    return out


def outcome(item: dict, rng: random.Random, today: date) -> dict:
    """Where a found dispute stands today: its status and, once settled, what it prevented."""
    found = date.fromisoformat(item["found_on"])
    age = (today - found).days
    if age < 5:
        return {"status": "screened"}
    if age < 25 and rng.random() < 0.6:
        return {"status": rng.choice(["warned", "mediating"])}
    _, prevented_kinds = _weighted()
    out = {"status": "settled",
           "settled_on": min(today, found + timedelta(days=rng.randint(2, 20))).isoformat(),
           "prevented": "", "prevented_people": 0}
    if rng.random() < 0.4:
        kind = out["prevented"] = prevented_kinds.pick(rng)
        people = item["people_involved"]
        # a suicide concerns one person, a fight turning criminal a few, the rest everyone
        out["prevented_people"] = 1 if kind == "suicide" else \
            rng.randint(1, min(people, 4)) if kind == "criminal" else people
    return out


def bulk_rows(world, uuid) -> tuple[list[dict], list[dict]]:
    """Every committee's screening from the world's start to today, as rows for
    ``RecordWriter.insert_many`` (final state). ``uuid(rng)`` makes the record ids (random
    ones: people type an id's first digits to name a round or an item)."""
    rounds, items = [], []
    today = world.today
    for committee in world.committees:
        mediators = [m for m in world.mediators_by_org[committee["id"]] if m["active"]]
        groups = world.groups.get(committee["id"], [])
        y, m = world.start.year, world.start.month
        while (y, m) <= (today.year, today.month):
            rng = random.Random(f"screening:{world.seed}:{committee['id']}:{y}-{m}")
            for values, found in month_rounds(committee, groups, mediators, y, m, rng, today):
                rid = uuid(rng)
                rounds.append(dict(values, id=rid))
                for it in found:
                    row = dict(it, id=uuid(rng),
                               round_id=rid, org_id=committee["id"], case_id="",
                               parties=json.dumps(it["parties"], ensure_ascii=False),
                               status="screened", settled_on="", prevented="",
                               prevented_people=0)
                    row.update(outcome(it, rng, today))
                    items.append(row)
            y, m = (y, m + 1) if m < 12 else (y + 1, 1)
    return rounds, items
