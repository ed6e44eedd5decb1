"""docs/sync-format.md stays true: its constants, its fingerprint recipe and its example reader
are checked against the implementation."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from mediator_desk import sync
from mediator_desk.storage.schema import TRAVELLING_TABLES
from mediator_desk.sync import container, keys as keymod

from sync_helpers import add_case

DOC = (Path(__file__).resolve().parents[2] / "docs" / "sync-format.md").read_text(encoding="utf-8")


def test_constants_in_the_document_match_the_code():
    assert container.SIGNATURE_CONTEXT.decode().replace("\n", "\\n") in DOC
    assert f'"{container.FORMAT}"' in DOC and '"mediator-desk-sync-payload"' in DOC
    assert f"`0x{container.DOS_DATE:04X}`" in DOC
    assert f"`0x{container.EXTERNAL_ATTR:08X}`" in DOC
    assert f"{container.LIMITS.max_members:,}" in DOC and "100,000" not in DOC
    listed = re.search(r"`organisations, mediators,(.*?)`", DOC, re.S).group(0)
    names = [n.strip(" `\n") for n in listed.split(",")]
    assert names == [t for t in TRAVELLING_TABLES if t in names]
    assert set(names) <= set(TRAVELLING_TABLES)


def test_fingerprint_recipe_in_the_document(sites):
    keys = keymod.load_keys(sites["v1"])
    raw = base64.b64decode(keys.signing_public)
    n = int.from_bytes(hashlib.sha256(b"mediator-desk fingerprint\n" + raw).digest()[:8], "big")
    digits = f"{n % 10 ** 16:016d}"
    assert keys.fingerprint == " ".join(digits[i:i + 4] for i in range(0, 16, 4))


def test_the_minimal_reader_in_the_document_reads_a_real_bundle(sites, tmp_path):
    office, v1 = sites["office"], sites["v1"]
    case = add_case(v1)
    sync.export_bundle(v1, tmp_path / "b.mdsync")
    code = DOC.split("## 10. A minimal reader")[1].split("```python")[1].split("```")[0]
    scope: dict = {}
    exec(code, scope)
    identity = [line for line in (keymod.keys_dir(office) / "age.key").read_text().splitlines()
                if line.startswith("AGE-SECRET-KEY-")][0]
    manifest, payload = scope["read_bundle"](tmp_path / "b.mdsync", identity)
    cases = payload["tables"]["cases"]
    assert manifest["sender"]["site_id"] == v1.site_id
    assert [dict(zip(cases["columns"], r))["id"] for r in cases["rows"]] == [case]


def _generator():
    import importlib.util

    path = Path(__file__).resolve().parents[2] / "build_scripts" / "sync_format_tables.py"
    spec = importlib.util.spec_from_file_location("sync_format_tables", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_the_column_appendix_matches_the_schema(desk):
    """The appendix of travelling tables is what build_scripts/sync_format_tables.py makes from
    the live schema (only travelling tables: a new local table does not touch it)."""
    gen = _generator()
    expected = gen.generate_tables(desk.db.conn)
    assert gen.section(DOC, gen.BEGIN, gen.END) == expected, (
        "docs/sync-format.md appendix drifted: run build_scripts/sync_format_tables.py --write")
    for table in TRAVELLING_TABLES:
        assert f"### `{table}`" in expected


def test_the_known_schema_names_are_listed():
    """The document lists the migration names in order; a migration added later (that does
    not change a travelling table, else the appendix test fails) may still be missing until
    the script is run again, but the listed ones must be the real first ones."""
    from mediator_desk.storage.migrations import MIGRATIONS

    gen = _generator()
    listed = re.findall(r"`([^`]+)`", gen.section(DOC, gen.NAMES_BEGIN, gen.NAMES_END))
    assert listed and listed == MIGRATIONS.names[:len(listed)]
    assert "0003_sync" in listed
