"""Interoperability: bundles use the standard age format (docs/sync-format.md §5).

The payload and attachments of a bundle decrypt with Debian's ``age`` tool and the office's
identity file; and a payload encrypted by the ``age`` tool is accepted by our importer.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile

import pytest

from mediator_desk import sync
from mediator_desk.sync import bundles, keys as keymod
from mediator_desk.sync.container import PAYLOAD_ENCRYPTED, dumps, write_container
from mediator_desk.sync.payload import build_payload, table_counts

from sync_helpers import add_case, first_import, office_peer

AGE = shutil.which("age")
pytestmark = pytest.mark.skipif(
    AGE is None, reason="the Debian 'age' tool is not installed (build_scripts/bootstrap.py "
                        "installs it with the test set-up: apt-get install age)")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _age_decrypt(identity_file, data: bytes) -> bytes:
    done = subprocess.run([AGE, "--decrypt", "-i", str(identity_file)], input=data,
                          capture_output=True, check=True, timeout=30)
    return done.stdout


def test_payload_and_attachment_decrypt_with_the_age_tool(sites, tmp_path):
    office, v1 = sites["office"], sites["v1"]
    case = add_case(v1)
    v1.attachments.add_bytes(case, PDF, file_name="协议.pdf", item="evidence")
    sync.export_bundle(v1, tmp_path / "b.mdsync")
    identity = keymod.keys_dir(office) / keymod.AGE_FILE
    with zipfile.ZipFile(tmp_path / "b.mdsync") as zf:
        payload = json.loads(_age_decrypt(identity, zf.read("payload.age")))
        attachment = _age_decrypt(identity, zf.read("files/000001.age"))
    cases = payload["tables"]["cases"]
    assert case in [row[cases["columns"].index("id")] for row in cases["rows"]]
    assert payload["files"][0]["member"] == "files/000001.age"
    assert attachment == PDF
    # The village's own key cannot read it (encrypted to the office only).
    with zipfile.ZipFile(tmp_path / "b.mdsync") as zf:
        with pytest.raises(subprocess.CalledProcessError):
            _age_decrypt(keymod.keys_dir(v1) / keymod.AGE_FILE, zf.read("payload.age"))


def test_receipt_decrypts_with_the_age_tool_and_the_village_key(sites, tmp_path):
    office, v1 = sites["office"], sites["v1"]
    case = add_case(v1)
    sync.export_bundle(v1, tmp_path / "b.mdsync")
    first_import(office, v1, tmp_path / "b.mdsync")
    office.reviews.add(case, kind="comment", text="材料齐全")
    sync.export_receipt(office, tmp_path / "r.mdreceipt", to=v1.site_id)
    with zipfile.ZipFile(tmp_path / "r.mdreceipt") as zf:
        body = json.loads(_age_decrypt(keymod.keys_dir(v1) / keymod.AGE_FILE,
                                       zf.read("payload.age")))
    reviews = body["tables"]["case_reviews"]
    assert reviews["rows"][0][reviews["columns"].index("text")] == "材料齐全"


def test_a_payload_encrypted_by_the_age_tool_is_accepted(sites, tmp_path):
    office, v1 = sites["office"], sites["v1"]
    case = add_case(v1)
    out = bundles.prepare_bundle(v1)
    body = build_payload("bundle", out.manifest["bundle_id"], tables=out.tables,
                         deletions=out.deletions, audit=out.audit, files=[])
    out.manifest["counts"] = {"tables": table_counts(out.tables, out.deletions),
                              "audit": len(out.audit.rows), "files": 0}
    cipher = subprocess.run([AGE, "--encrypt", "-r", office_peer(v1)["age_recipient"]],
                            input=dumps(body), capture_output=True, check=True,
                            timeout=30).stdout
    write_container(tmp_path / "cli.mdsync", out.manifest, [(PAYLOAD_ENCRYPTED, cipher)],
                    keymod.load_keys(v1).signing)
    r = first_import(office, v1, tmp_path / "cli.mdsync")
    assert r.status == "applied" and office.cases.get_row(case)["site_id"] == v1.site_id
