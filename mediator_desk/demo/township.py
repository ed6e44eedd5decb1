"""A whole township as sample data: a township office and N village committees, each its own
database with its own keys, exchanging real sync files over several months — through the real
enrolment, bundle and receipt flows of the sync package; the sample records come from
demo/book.py, demo/path.py and demo/screening.py.

``build_township(folder, villages=N, months=M, seed=S)`` makes, in ``folder``:

- ``office.db``: the township committee and its judicial office (司法所), set up and made an
  office site (``sync.init_site``) with its mediators; its enrolment file ``office.mdenrol``;
- ``village-01.db`` … one per village — distinct villages of ONE township (the names, short
  names and so case numbers of :func:`demo.book.build_world`, so no two villages share a case
  number), each set up, given its mediators and groups, made a village site with its own key
  pairs and enrolled with the office (``sync.import_enrolment``);
- every month of the last M full months, each village records cases (``demo/book.py``
  ``make_case`` and the mediation path of ``demo/path.py``, written through
  ``RecordWriter.insert_many`` as the single-database demo does) and screens for disputes
  twice (``desk.screening``: rounds, items at red/orange/yellow, followed to 处置, some of
  them preventing an escalation, one registered as a case); then it exports a bundle
  (``bundles/``), the office imports it — accepting the village's key fingerprint on its
  first bundle — and sends a receipt back (``receipts/``), which the village imports;
- the last village sends nothing for the last full month: a missing report the office's
  screens should show.

The office and villages are written only through the same core and sync calls a person's
actions go through. Each function in :data:`MONTH_CLOSING_HOOKS` is called as
``hook(village, period)`` (the village's open Desk and ``'YYYY-MM'``) right before the village
exports its bundle for that month, so whatever it records travels in that bundle; the village
that misses the last month is not called for it. :func:`close_month` is registered: the
village closes its month (本月已报送, or a zero report) a few days after its end.
"""

from __future__ import annotations

import calendar
import random
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Callable

from mediator_desk.core.clock import today as _today
from mediator_desk.core.progress import report
from mediator_desk.demo import book as demo
from mediator_desk.demo import path as demo_path
from mediator_desk.demo import screening as demo_screening
from mediator_desk.demo.sampling import DemoWorld
from mediator_desk.errors import DeskError, ValidationError

# Called as hook(village_desk, 'YYYY-MM') before a village sends its bundle for that month
# (the statistics side registers its month closing / zero report here).
MONTH_CLOSING_HOOKS: list[Callable] = []


def close_month(village, period: str) -> None:
    """The village declares the month closed (a zero report if it recorded nothing) one to
    eight days after the month's end — some in time, some late (core/statistics/)."""
    year, month = map(int, period.split("-"))
    end = date(year, month, calendar.monthrange(year, month)[1])
    late = random.Random(f"close:{period}:{village.site_id}").randint(1, 8)
    village.statistics.close_month(period, today=min(end + timedelta(days=late), _today()))


MONTH_CLOSING_HOOKS.append(close_month)


@dataclass
class VillageSite:
    """One village of the demo township: its database and what it recorded."""

    path: Path
    committee: dict
    mediators: list[dict] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    cases: int = 0
    sent: list[str] = field(default_factory=list)        # periods sent ('YYYY-MM')
    seq: dict[int, int] = field(default_factory=dict)     # year → last case number


def months_before(today: date, count: int) -> list[tuple[int, int]]:
    """The ``count`` full calendar months before ``today``'s month, oldest first."""
    y, m = today.year, today.month
    out = []
    for _ in range(count):
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
        out.append((y, m))
    return out[::-1]


def build_township(folder, *, villages: int = 5, months: int = 4, seed: int = 1,
                   today: date | None = None, progress=None) -> dict:
    """Build the township in ``folder`` (new or empty); returns a summary (see module doc)."""
    from mediator_desk import sync
    from mediator_desk.core.desk import Desk
    from mediator_desk.core.setup import set_up_committee

    started = time.monotonic()
    if not isinstance(villages, int) or villages < 1:
        raise ValidationError("村（嘎查）数量应为正整数", field="villages")
    if not isinstance(months, int) or not 1 <= months <= 24:
        raise ValidationError("月数应为1至24", field="months")
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()):
        raise DeskError(f"文件夹“{folder}”不是空的", hint="示例乡镇请放在一个新的空文件夹中")
    today = today or _today()
    world = demo.build_world(seed, today)
    township, candidates = world.committees[0], world.committees[1:]
    if villages > len(candidates):
        raise ValidationError(f"该示例乡镇最多有 {len(candidates)} 个村（嘎查）", field="villages")
    for sub in ("bundles", "receipts"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    period_list = months_before(today, months)
    steps = villages * (1 + len(period_list))
    done = 0
    report(progress, done, steps)

    office = Desk.open(folder / "office.db")
    desks: list = [office]
    try:
        staff = world.mediators_by_org[township["id"]]
        set_up_committee(office, committee_name=township["name"], level="township",
                         short_name=township["short_name"], county_name=world.county,
                         mediator_name=staff[0]["name"], mediator_sex=staff[0]["sex"],
                         mediator_phone=staff[0]["phone"], role="office")
        _add_mediators(office, staff)
        office_name = f"{world.town}司法所"
        sync.init_site(office, role="office", name=office_name)
        enrolment = folder / "office.mdenrol"
        sync.export_enrolment(office, enrolment)

        sites: list[VillageSite] = []
        for i, committee in enumerate(candidates[:villages], 1):
            path = folder / f"village-{i:02d}.db"
            v = Desk.open(path)
            desks.append(v)
            members = world.mediators_by_org[committee["id"]]
            ids = set_up_committee(v, committee_name=committee["name"], level="village",
                                   short_name=committee["short_name"],
                                   township_name=township["name"], county_name=world.county,
                                   mediator_name=members[0]["name"],
                                   mediator_sex=members[0]["sex"],
                                   mediator_phone=members[0]["phone"])
            local = _add_mediators(v, members, first_id=ids["mediator_id"])
            site = VillageSite(path=path, committee=dict(committee, id=ids["committee_id"]),
                               mediators=local, groups=world.groups[committee["id"]])
            for group in site.groups:
                v.organisations.create(kind="group", name=f"{committee['place']}{group}",
                                       parent_id=ids["committee_id"])
            sync.init_site(v, role="village", name=committee["name"])
            sync.import_enrolment(v, enrolment)
            demo_path.store_sample_files(v)
            sites.append(site)
            done += 1
            report(progress, done, steps)

        missing = (sites[-1], f"{period_list[-1][0]}-{period_list[-1][1]:02d}")
        exchanges = 0
        for n, (year, month) in enumerate(period_list):
            period = f"{year}-{month:02d}"
            for k, (site, v) in enumerate(zip(sites, desks[1:])):
                rng = random.Random(f"township:{seed}:{k}:{period}")
                _record_month(v, world, site, year, month, rng, first=(n == 0))
                _screen_month(v, world, site, year, month, rng, first=(n == 0))
                done += 1
                report(progress, done, steps)
                if (site, period) == missing:
                    continue                       # this village does not report this month
                for hook in MONTH_CLOSING_HOOKS:
                    hook(v, period)
                bundle = folder / "bundles" / f"{site.committee['short_name']}-{period}.mdsync"
                sync.export_bundle(v, bundle)
                if not site.sent:
                    from mediator_desk.sync import keys as keymod
                    sync.import_bundle(office, bundle,
                                       accept_fingerprint=keymod.load_keys(v).fingerprint)
                else:
                    sync.import_bundle(office, bundle)
                receipt = folder / "receipts" / f"{site.committee['short_name']}-{period}.mdreceipt"
                sync.export_receipt(office, receipt, to=v.site_id)
                sync.import_receipt(v, receipt)
                site.sent.append(period)
                exchanges += 1
        summary = {
            "folder": str(folder), "office": str(folder / "office.db"),
            "office_name": office_name, "county": world.county, "township": world.town,
            "villages": [{"path": str(s.path), "name": s.committee["name"],
                          "short_name": s.committee["short_name"], "cases": s.cases,
                          "sent": s.sent} for s in sites],
            "periods": [f"{y}-{m:02d}" for y, m in period_list],
            "missing": {"village": missing[0].committee["name"], "period": missing[1]},
            "exchanges": exchanges,
            "office_cases": office.scalar("SELECT count(*) FROM cases"),
            "office_screening_items": office.scalar("SELECT count(*) FROM screening_items"),
            "seed": seed,
        }
    finally:
        for d in desks:
            d.close()
    summary["seconds"] = round(time.monotonic() - started, 1)
    return summary


def _add_mediators(desk, members: list[dict], first_id: str = "") -> list[dict]:
    """The committee's mediators from the world (the first is the one set up with the
    committee: completed here); returns [{'id', 'name', 'active'}] as the case maker wants."""
    fields = ("sex", "ethnicity", "birth_date", "phone", "education", "legal_training",
              "profession", "full_time", "title", "honours", "training", "active")
    org_id = desk.settings.get("committee_id")
    out = []
    for i, m in enumerate(members):
        values = {k: m[k] for k in fields}
        if i == 0:
            mid = first_id or desk.settings.get("current_mediator_id")
            desk.mediators.update(mid, **values)
        else:
            mid = desk.mediators.add(org_id=org_id, name=m["name"], **values)
        out.append({"id": mid, "name": m["name"], "active": m["active"] or i == 0})
    return out


def _local_world(world, site: VillageSite):
    """The demo world as one village sees it: its committee and mediators with local ids."""
    local = DemoWorld(seed=world.seed, today=world.today, start=world.start,
                           county=world.county, county_code=world.county_code, town=world.town,
                           committees=[site.committee], mediators=site.mediators,
                           mediators_by_org={site.committee["id"]: site.mediators},
                           groups={site.committee["id"]: site.groups})
    return local


def _record_month(v, world, site: VillageSite, year: int, month: int, rng, *,
                  first: bool) -> None:
    """The village's cases received in one month, with their mediation path (bulk, as the
    single-database demo writes them)."""
    last = calendar.monthrange(year, month)[1]
    count = rng.randint(6, 10) if first else rng.randint(2, 8)
    days = sorted(date(year, month, rng.randint(1, last)) for _ in range(count))
    local = site.__dict__.setdefault("_world", _local_world(world, site))
    made = []
    for received in days:
        seq = site.seq.get(received.year, 0) + 1
        site.seq[received.year] = seq
        crng = random.Random(f"case:{world.seed}:{site.committee['short_name']}:{site.cases}")
        dc = demo.make_case(local, crng, index=site.cases, committee=site.committee,
                            received=received, seq=seq, tick=site.cases)
        for stage in demo.STAGES:
            stage(local, dc, crng)
        made.append(dc)
        site.cases += 1
    totals: dict = {}
    with v.transaction():
        demo.write_batch(v, made, totals, {"seed": world.seed, "source": "demo"})
        v.cases.raise_counters({(site.committee["id"], y): n for y, n in site.seq.items()})
    demo_path.raise_agreement_counters(v, local)


def _screen_month(v, world, site: VillageSite, year: int, month: int, rng, *,
                  first: bool) -> None:
    """The month's screening rounds (core/demo_screening.py) written through
    ``desk.screening``, each found dispute moved on as far as its age allows."""
    today = world.today
    for values, items in demo_screening.month_rounds(site.committee, site.groups,
                                                     site.mediators, year, month, rng, today):
        rid = v.screening.add_round(items=items, today=today, **values)
        for item in v.screening.items(rid):
            out = demo_screening.outcome(item, rng, today)
            if out["status"] != "screened":
                v.screening.move(item["id"], today=today, **out)
    if first:
        # one found dispute the committee took up as a case (登记为案件)
        day = date(year, month, 20)
        rid = v.screening.add_round(
            org_id=site.committee["id"], held_on=day.isoformat(), kind="special", area="全村",
            screeners=site.mediators[0]["name"], today=today,
            items=[demo_screening.found_dispute(site.committee["place"], site.groups,
                                                site.mediators, day, rng, risk="orange")])
        item = v.screening.items(rid)[0]
        v.screening.move(item["id"], "mediating", today=today)
        v.screening.register_case(item["id"], received_date=(day + timedelta(days=1)).isoformat(),
                                  today=today, mediator_ids=[site.mediators[0]["id"]])
        site.seq[year] = site.seq.get(year, 0) + 1
        site.cases += 1
