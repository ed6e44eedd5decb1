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
