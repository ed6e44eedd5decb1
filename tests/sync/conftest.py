"""Fixtures for sync tests: one township office and two villages, enrolled, built once per
session and copied (database + key folder) for each test."""

from __future__ import annotations

from pathlib import Path

import pytest

from mediator_desk import sync
from mediator_desk.core.desk import Desk
from mediator_desk.core.setup import set_up_committee

from sync_helpers import SITES, copy_site


def _build(root: Path) -> None:
    office = Desk.open(root / "office.db")
    set_up_committee(office, committee_name="巴彦塔拉苏木人民调解委员会", level="township",
                     short_name="巴彦", county_name="阿鲁科尔沁旗", mediator_name="司法所长")
    sync.init_site(office, role="office", name="巴彦塔拉司法所")
    sync.export_enrolment(office, root / "office.mdenrol")
    office.close()
    for name, committee, short, mediator in (("v1", "红旗嘎查人民调解委员会", "红旗", "乌力吉"),
                                             ("v2", "东升村人民调解委员会", "东升", "王建国")):
        v = Desk.open(root / f"{name}.db")
        set_up_committee(v, committee_name=committee, level="village", short_name=short,
                         township_name="巴彦塔拉苏木人民调解委员会", county_name="阿鲁科尔沁旗",
                         mediator_name=mediator, mediator_phone="13904761234")
        sync.init_site(v, role="village")
        sync.import_enrolment(v, root / "office.mdenrol")
        v.close()


@pytest.fixture(scope="session")
def sync_template(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("sync-template")
    _build(root)
    return root


class _OnFirstUse(dict):
    """A dict of the three sites whose value for a site is made when a test first asks for
    it (most tests use one village): ``make(name)``."""

    def __init__(self, make):
        super().__init__()
        self._make = make

    def __missing__(self, name: str):
        if name not in SITES:
            raise KeyError(name)
        self[name] = value = self._make(name)
        return value


@pytest.fixture
def site_paths(sync_template, tmp_path) -> dict[str, Path]:
    """Fresh copies of the office and the two villages for one test (paths only; a site is
    copied when the test first asks for its path)."""
    return _OnFirstUse(lambda name: copy_site(sync_template, tmp_path, name))


@pytest.fixture
def sites(site_paths):
    """Open desks: {'office': Desk, 'v1': Desk, 'v2': Desk} (each opened on first use)."""
    desks = _OnFirstUse(lambda name: Desk.open(site_paths[name]))
    yield desks
    for d in desks.values():
        d.close()
