"""Shared fixtures: a migrated, set-up template database built once and copied per test."""

from __future__ import annotations

import atexit
import collections
import os
import shutil
import tempfile

# Qt must never try to open a display in tests (set before any Qt import anywhere); its one
# screen is a 1366×768 laptop's. Qt's per-user settings (text size, last folders) go to a
# folder of the test run, not the user's.
# (build_scripts/bootstrap.py test sets plain "offscreen": the laptop's screen is added to it)
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = "offscreen:configfile=" + os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "laptop_screen.json")
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="mediator-desk-test-config-")
atexit.register(shutil.rmtree, os.environ["XDG_CONFIG_HOME"], True)

import pytest  # noqa: E402

from mediator_desk.core.desk import Desk  # noqa: E402
from mediator_desk.core.setup import set_up_committee  # noqa: E402

VALID_ID = "11010519491231002X"      # a valid GB 11643 number (female, born 1949-12-31)
VALID_ID_2 = "150402199001011237"    # male, born 1990-01-01 (check digit valid)


# --- the order of the test files: the longest first ----------------------------------------
# bootstrap.py test hands whole files to the test processes in this order (pytest-xdist's
# --no-loadscope-reorder; by default it orders files by their number of tests, which leaves
# one-test files of several seconds — the kill trials, the type check — for the end while the
# other process waits). The seconds each file took are kept in pytest's cache after a run;
# files not timed yet go first (with nothing timed yet: the files with most tests first).
SECONDS_PER_FILE = "mediator_desk/seconds_per_file"
_seconds: collections.Counter = collections.Counter()


def pytest_collection_modifyitems(config, items):
    cache = getattr(config, "cache", None)
    seconds = cache.get(SECONDS_PER_FILE, {}) if cache is not None else {}
    files = [item.nodeid.split("::")[0] for item in items]
    first = {name: n for n, name in reversed(list(enumerate(files)))}
    weight = ({name: seconds.get(name, float("inf")) for name in first} if seconds
              else collections.Counter(files))
    order = {id(item): (-weight[name], first[name]) for item, name in zip(items, files)}
    items.sort(key=lambda item: order[id(item)])


def pytest_runtest_logreport(report):
    _seconds[report.nodeid.split("::")[0]] += report.duration


def pytest_sessionfinish(session):
    config = session.config
    cache = getattr(config, "cache", None)
    if hasattr(config, "workerinput") or cache is None or not _seconds:
        return                  # (a test process of pytest-xdist: the main process keeps them)
    seconds = cache.get(SECONDS_PER_FILE, {})
    seconds.update({name: round(s, 2) for name, s in _seconds.items()})
    cache.set(SECONDS_PER_FILE, seconds)


@pytest.fixture(scope="session")
def template_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("template") / "template.db"
    desk = Desk.open(path)
    set_up_committee(desk, committee_name="红旗嘎查人民调解委员会", level="village",
                     short_name="红旗", township_name="巴彦塔拉苏木", county_name="阿鲁科尔沁旗",
                     mediator_name="乌力吉", mediator_sex="男", mediator_phone="13904761234")
    desk.take_changes()
    desk.close()
    return path


@pytest.fixture
def db_path(template_db, tmp_path):
    path = tmp_path / "desk.db"
    shutil.copyfile(template_db, path)
    return path


@pytest.fixture
def desk(db_path):
    d = Desk.open(db_path)
    yield d
    d.close()


@pytest.fixture
def make_case(desk):
    """Register a case with sensible defaults; keyword arguments override."""

    def make(**over):
        values = dict(
            org_id=desk.settings.get("committee_id"), received_date="2026-11-20", source="apply",
            dispute_type="02", summary="两家因院墙位置发生争执", claims="请求确认院墙边界",
            parties=[dict(name="张三", role="applicant", id_number=VALID_ID, phone="13912345678"),
                     dict(name="李四", role="respondent", phone="0476-8123456")],
            mediator_ids=[desk.settings.get("current_mediator_id")])
        values.update(over)
        return desk.cases.register(**values)

    return make


class QuickPassphraseCipher:
    """Stands in for age's scrypt passphrase encryption (about a second each way by design)
    where a test exercises the flow around it; a wrong passphrase fails the same way.
    tests/sync/test_sync_cli.py keeps the real cipher for one whole round trip."""

    @staticmethod
    def encrypt(data: bytes, passphrase: str) -> bytes:
        from cryptography.fernet import Fernet
        return b"quick:" + Fernet(QuickPassphraseCipher._key(passphrase)).encrypt(data)

    @staticmethod
    def decrypt(data: bytes, passphrase: str) -> bytes:
        import pyrage
        from cryptography.fernet import Fernet, InvalidToken
        try:
            return Fernet(QuickPassphraseCipher._key(passphrase)).decrypt(
                data.removeprefix(b"quick:"))
        except InvalidToken:
            raise pyrage.DecryptError("wrong passphrase") from None

    @staticmethod
    def _key(passphrase: str) -> bytes:
        import base64
        import hashlib
        return base64.urlsafe_b64encode(hashlib.sha256(passphrase.encode()).digest())


@pytest.fixture
def quick_key_backups(monkeypatch):
    from mediator_desk.sync import keys
    monkeypatch.setattr(keys, "passphrase_cipher", QuickPassphraseCipher)
