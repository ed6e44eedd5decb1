"""Property tests: whatever bytes or JSON the parsers are given, they answer with a clean
``DeskError`` (a Chinese message) — never another exception — and a refused import changes
nothing."""

from __future__ import annotations

import copy
import io
import json
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mediator_desk import sync
from mediator_desk.errors import DeskError
from mediator_desk.sync.container import BundleRefused, read_container, validate_manifest
from mediator_desk.sync.payload import parse_payload

from sync_helpers import add_case, dump, first_import

FIXTURE_OK = settings(max_examples=60, deadline=None,
                      suppress_health_check=[HealthCheck.function_scoped_fixture,
                                             HealthCheck.too_slow])
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-2 ** 70, 2 ** 70) | st.floats(allow_nan=False)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner,
                                                                max_size=4),
    max_leaves=12)


@pytest.fixture
def world(sites, tmp_path):
    office, v1 = sites["office"], sites["v1"]
    add_case(v1)
    sync.export_bundle(v1, tmp_path / "first.mdsync")
    first_import(office, v1, tmp_path / "first.mdsync")
    add_case(v1, names=("王五", "赵六"))
    good = tmp_path / "good.mdsync"
    sync.export_bundle(v1, good)
    return office, good, tmp_path


@given(data=st.binary(max_size=4000))
@FIXTURE_OK
def test_random_bytes_are_refused_cleanly(tmp_path, data):
    path = tmp_path / "random.mdsync"
    path.write_bytes(data)
    with pytest.raises(BundleRefused):
        read_container(path)


@given(members=st.lists(st.tuples(st.sampled_from(["manifest.json", "manifest.sig", "payload.age",
                                                   "payload.json", "files/000001.age", "x",
                                                   "../x", "/x"]),
                                   st.binary(max_size=300)), max_size=5),
       deflate=st.booleans())
@FIXTURE_OK
@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_random_zips_are_refused_cleanly(tmp_path, members, deflate):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED) as zf:
        for name, data in members:
            zf.writestr(name, data)
    path = tmp_path / "random.mdsync"
    path.write_bytes(buf.getvalue())
    with pytest.raises(BundleRefused):
        read_container(path)


@given(edits=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255),
                                st.sampled_from(["set", "insert", "delete"])),
                      min_size=1, max_size=3))
@FIXTURE_OK
def test_mutated_bundles_never_crash_the_importer_or_change_the_database(world, edits):
    office, good, tmp_path = world
    data = bytearray(good.read_bytes())
    for where, value, how in edits:
        pos = int(where * len(data))
        if how == "set":
            data[pos] = value
        elif how == "insert":
            data.insert(pos, value)
        else:
            del data[pos]
    if bytes(data) == good.read_bytes():
        return
    path = tmp_path / "mutated.mdsync"
    path.write_bytes(bytes(data))
    before = dump(office)
    with pytest.raises(DeskError):
        sync.import_bundle(office, path)
    assert dump(office) == before


@pytest.fixture
def good_manifest(world):
    return read_container(world[1]).manifest


@given(path=st.lists(st.sampled_from(["sender", "receiver", "counts", "changes", "members",
                                      "tables", "cases", "upsert", 0, "sha256", "size",
                                      "format_version", "kind", "bundle_id", "site_id"]),
                     min_size=1, max_size=4),
       value=json_values)
@FIXTURE_OK
def test_manifest_validation_never_crashes(good_manifest, path, value):
    m = copy.deepcopy(good_manifest)
    target = m
    for key in path[:-1]:
        try:
            target = target[key]
        except (KeyError, IndexError, TypeError):
            break
    try:
        target[path[-1]] = value
    except (TypeError, IndexError):
        return
    try:
        validate_manifest(m)
    except BundleRefused as exc:
        assert str(exc)


@given(obj=json_values)
@FIXTURE_OK
def test_payload_validation_never_crashes(good_manifest, obj):
    with pytest.raises(BundleRefused):
        parse_payload(obj, good_manifest)


@given(tables=st.dictionaries(st.sampled_from(["cases", "parties", "nope"]),
                              st.fixed_dictionaries({"columns": json_values,
                                                     "rows": json_values}), max_size=2),
       deletions=json_values)
@FIXTURE_OK
def test_payload_tables_validation_never_crashes(good_manifest, tables, deletions):
    body = {"format": "mediator-desk-sync-payload", "kind": "bundle",
            "bundle_id": good_manifest["bundle_id"], "tables": tables, "deletions": deletions,
            "audit": {"columns": [], "rows": []}, "files": []}
    with pytest.raises(BundleRefused):
        parse_payload(json.loads(json.dumps(body)), good_manifest)
