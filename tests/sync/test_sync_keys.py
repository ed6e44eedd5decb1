"""Site keys: fingerprints, the key folder, backup and restore rules."""

from __future__ import annotations

import shutil

import pytest

from mediator_desk import sync
from mediator_desk.errors import DeskError, ValidationError
from mediator_desk.sync import keys as keymod

from sync_helpers import add_case, dump


def test_fingerprint_is_four_groups_of_four_digits_and_tolerant_to_typing(sites):
    keys = keymod.load_keys(sites["v1"])
    fp = keys.fingerprint
    assert len(fp) == 19 and fp.replace(" ", "").isdigit() and fp.count(" ") == 3
    assert keymod.normalise_fingerprint(fp.replace(" ", "-")) == fp
    assert keymod.fingerprint(keys.signing_public) == fp
    assert fp != keymod.load_keys(sites["v2"]).fingerprint
    with pytest.raises(ValidationError):
        keymod.normalise_fingerprint("1234")


def test_keys_live_next_to_the_database_not_inside_it(sites):
    v1 = sites["v1"]
    folder = keymod.keys_dir(v1)
    assert (folder / "signing.key").read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----")
    assert "AGE-SECRET-KEY-" in (folder / "age.key").read_text()
    assert (folder / "signing.key").stat().st_mode & 0o077 == 0
    secret = str(keymod.load_keys(v1).age_identity)
    assert secret not in repr(dump(v1))


def test_site_role_and_refusals(sites, tmp_path):
    v1 = sites["v1"]
    info = sync.site_info(v1)
    assert info["role"] == "village" and info["role_label"] == "村（社区）调委会"
    assert info["peers"][0]["role"] == "office"
    # Changing the role after exchanging files is refused; re-running with the same is fine.
    with pytest.raises(DeskError, match="不能改为"):
        sync.init_site(v1, role="office")
    assert sync.init_site(v1, role="village", name="红旗嘎查调委会")["name"] == "红旗嘎查调委会"
    with pytest.raises(DeskError, match="已有密钥"):
        keymod.generate_keys(v1)
    with pytest.raises(ValidationError):
        sync.init_site(v1, role="county")


def test_missing_keys_are_a_clear_refusal(sites, tmp_path):
    v1 = sites["v1"]
    add_case(v1)
    shutil.rmtree(keymod.keys_dir(v1))
    before = dump(v1)
    with pytest.raises(DeskError, match="没有密钥"):
        sync.export_bundle(v1, tmp_path / "b.mdsync")
    assert dump(v1) == before


def test_backup_restore_rules(sites, tmp_path, monkeypatch):
    office = sites["office"]
    with pytest.raises(ValidationError, match="至少"):
        sync.backup_keys(office, tmp_path / "k.mdkeys", "short")
    keys = keymod.load_keys(office)
    body = {"format": keymod.BACKUP_FORMAT, "version": 1, "site_id": office.site_id,
            "role": "office", "name": "巴彦塔拉司法所", "keys": keys}
    # (The passphrase encryption itself is exercised in test_sync_cli; scrypt is slow.)
    monkeypatch.setattr(keymod, "read_backup", lambda path, passphrase: dict(body))
    shutil.rmtree(keymod.keys_dir(office))                 # the laptop's key folder is lost
    info = sync.restore_keys(office, tmp_path / "k.mdkeys", "whatever-pass")
    assert info["fingerprint"] == keys.fingerprint
    # A backup of another site is refused on a database with records of its own.
    body["site_id"] = "0" * 32
    with pytest.raises(DeskError, match="另一个站点"):
        sync.restore_keys(office, tmp_path / "k.mdkeys", "whatever-pass")
    # Taking over another site's identity needs an install that has exchanged nothing yet.
    with pytest.raises(DeskError, match="不能接管"):
        sync.restore_keys(sites["v1"], tmp_path / "k.mdkeys", "whatever-pass",
                          adopt_identity=True)
