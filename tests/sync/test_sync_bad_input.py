"""Bad input gets a clear error and changes nothing (docs/sync-format.md §9).

Every test compares a logical dump of the receiving database (all rows of all tables) before
and after the refused import, and checks that no attachment file appeared.
"""

from __future__ import annotations

import json
import os

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from mediator_desk import sync
from mediator_desk.errors import DeskError
from mediator_desk.sync import keys as keymod
from mediator_desk.sync.encryption import encrypt
from mediator_desk.sync.container import Limits, dumps, sha256_hex
from mediator_desk.sync.payload import TableRows

from sync_helpers import (add_case, craft_bundle, dump, first_import, office_peer, read_zip,
                          resign, write_zip)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def setup(sites, tmp_path):
    """The office already holds one bundle from v1; v1 then adds a case with a scan and
    exports ``good.mdsync`` (which would import fine)."""
    office, v1 = sites["office"], sites["v1"]
    add_case(v1)
    sync.export_bundle(v1, tmp_path / "first.mdsync")
    first_import(office, v1, tmp_path / "first.mdsync")
    case = add_case(v1, names=("王五", "赵六"), summary="借款纠纷", dispute_type="04")
    v1.attachments.add_bytes(case, PDF, file_name="借条.pdf", item="evidence")
    sync.export_bundle(v1, tmp_path / "good.mdsync")
    return office, v1, tmp_path / "good.mdsync"


def _files(desk) -> list[str]:
    root = desk.attachments_dir
    return sorted(str(p.relative_to(root)) for p in root.rglob("*")) if root.exists() else []


def refused(office, path, **kw) -> str:
    """Import must raise a DeskError with a Chinese message and leave everything as it was."""
    before, files = dump(office), _files(office)
    with pytest.raises(DeskError) as exc:
        sync.import_bundle(office, path, **kw)
    assert dump(office) == before
    assert _files(office) == files
    message = str(exc.value)
    assert message and any("\u4e00" <= ch <= "\u9fff" for ch in message)
    return message


def test_the_good_bundle_imports(setup):
    office, _, good = setup
    assert sync.import_bundle(office, good).status == "applied"


# --- damaged files --------------------------------------------------------------------------
@pytest.mark.parametrize("keep", [0, 10, 100, 0.5, -1, -22])
def test_truncated_file(setup, tmp_path, keep):
    office, _, good = setup
    data = good.read_bytes()
    n = int(len(data) * keep) if isinstance(keep, float) else (keep if keep >= 0 else len(data) + keep)
    bad = tmp_path / "truncated.mdsync"
    bad.write_bytes(data[:n])
    assert "损坏" in refused(office, bad) or "不完整" in refused(office, bad)


@pytest.mark.parametrize("where", [0, 0.01, 0.05, 0.2, 0.4, 0.6, 0.8, 0.95, 0.99, -1])
def test_a_flipped_byte_anywhere(setup, tmp_path, where):
    office, _, good = setup
    data = bytearray(good.read_bytes())
    pos = len(data) - 1 if where == -1 else int(len(data) * where)
    data[pos] ^= 0x01
    bad = tmp_path / "flipped.mdsync"
    bad.write_bytes(bytes(data))
    refused(office, bad)


def test_every_byte_of_the_zip_headers_is_checked(setup, tmp_path):
    """Flip each byte outside the member contents in turn (zip headers, central directory):
    each is refused (a time stamp or attribute byte too)."""
    office, _, good = setup
    import zipfile

    data = good.read_bytes()
    with zipfile.ZipFile(good) as zf:
        content = set()
        for info in zf.infolist():
            start = info.header_offset + 30 + len(info.filename)
            content.update(range(start, start + info.compress_size))
    header_positions = [i for i in range(len(data)) if i not in content]
    assert len(header_positions) > 200
    bad = tmp_path / "flipped.mdsync"
    for pos in header_positions[::3]:
        flipped = bytearray(data)
        flipped[pos] ^= 0x20
        bad.write_bytes(bytes(flipped))
        with pytest.raises(DeskError):
            sync.inspect_file(bad)


# --- not for us / not from whom it claims ----------------------------------------------------
def test_wrong_receiver(setup, sites, tmp_path):
    office, v1, _ = setup
    bad = craft_bundle(v1, tmp_path / "other.mdsync", edit_manifest=lambda m: m["receiver"].update(
        site_id=sites["v2"].site_id, name="东升村"))
    assert "不是本站" in refused(office, bad)


def test_encrypted_to_another_key(setup, tmp_path):
    office, v1, _ = setup
    import pyrage

    stranger = str(pyrage.x25519.Identity.generate().to_public())
    bad = craft_bundle(v1, tmp_path / "other-key.mdsync", recipient=stranger)
    assert "无法解密" in refused(office, bad)


def test_unknown_sender(setup, sites, tmp_path):
    office, _, _ = setup
    v2 = sites["v2"]
    add_case(v2)
    sync.export_bundle(v2, tmp_path / "v2.mdsync")
    message = refused(office, tmp_path / "v2.mdsync")
    assert "不是本站登记的" in message and keymod.load_keys(v2).fingerprint in message
    # A wrong fingerprint typed at the confirm step is refused too.
    assert "指纹不符" in refused(office, tmp_path / "v2.mdsync",
                              accept_fingerprint="1234 5678 9012 3456")


def test_revoked_sender(setup, tmp_path):
    office, v1, good = setup
    sync.revoke_site(office, v1.site_id)
    assert "已被吊销" in refused(office, good)


def test_bad_signature(setup, tmp_path):
    office, _, good = setup
    members = read_zip(good)
    forged = [(n, os.urandom(64) if n == "manifest.sig" else d) for n, d in members]
    assert "签名无效" in refused(office, write_zip(tmp_path / "random-sig.mdsync", forged))
    # Signed by another key while the manifest names the village's key.
    other = resign(members, Ed25519PrivateKey.generate())
    assert "签名无效" in refused(office, write_zip(tmp_path / "other-sig.mdsync", other))


def test_signed_by_another_key_claiming_to_be_the_village(setup, tmp_path):
    """A forger who rewrites the manifest with their own key: the key differs from the
    enrolled one."""
    office, v1, good = setup
    forger = Ed25519PrivateKey.generate()
    import base64

    from cryptography.hazmat.primitives import serialization

    pub = base64.b64encode(forger.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw)).decode()
    forged = resign(read_zip(good), forger, lambda m: m["sender"].update(
        signing_key=pub, fingerprint=keymod.fingerprint(pub)))
    assert "与登记的不一致" in refused(office, write_zip(tmp_path / "forged.mdsync", forged))


def test_member_altered_after_signing(setup, tmp_path):
    office, v1, good = setup
    members = dict(read_zip(good))
    # A different, perfectly valid age payload for the office, dropped in after signing.
    members["payload.age"] = encrypt(b'{"tampered": true}', office_peer(v1)["age_recipient"])
    bad = write_zip(tmp_path / "altered.mdsync", list(members.items()))
    assert "签名后被改动" in refused(office, bad)
    members = dict(read_zip(good))
    members["files/000001.age"] = encrypt(b"%PDF-1.4 fake", office_peer(v1)["age_recipient"])
    bad = write_zip(tmp_path / "altered-file.mdsync", list(members.items()))
    assert "签名后被改动" in refused(office, bad)


def test_manifest_altered_after_signing(setup, tmp_path):
    office, _, good = setup
    members = dict(read_zip(good))
    m = json.loads(members["manifest.json"])
    m["counts"]["tables"]["cases"]["upsert"] += 1
    members["manifest.json"] = json.dumps(m, ensure_ascii=False, indent=1).encode() + b"\n"
    assert "签名无效" in refused(office, write_zip(tmp_path / "m.mdsync", list(members.items())))


def test_manifest_counts_disagree_with_the_content(setup, tmp_path):
    office, v1, _ = setup

    def more_cases(m):
        m["counts"]["tables"]["cases"]["upsert"] += 1

    assert "记录数与内容不符" in refused(office, craft_bundle(
        v1, tmp_path / "c1.mdsync", edit_manifest=more_cases))

    def fewer_audit(m):
        m["counts"]["audit"] -= 1

    assert "操作记录数与内容不符" in refused(office, craft_bundle(
        v1, tmp_path / "c2.mdsync", edit_manifest=fewer_audit))

    def hidden_table(m):
        m["counts"]["tables"].pop("parties")

    assert "记录数与内容不符" in refused(office, craft_bundle(
        v1, tmp_path / "c3.mdsync", edit_manifest=hidden_table))


def test_manifest_hashes_or_sizes_disagree_with_the_members(setup, tmp_path):
    office, v1, good = setup
    key = keymod.load_keys(v1).signing

    def wrong_hash(m):
        m["members"][0]["sha256"] = sha256_hex(b"something else")

    bad = write_zip(tmp_path / "h.mdsync", resign(read_zip(good), key, wrong_hash))
    assert "内容与清单不符" in refused(office, bad)

    def wrong_size(m):
        m["members"][0]["size"] += 1

    bad = write_zip(tmp_path / "s.mdsync", resign(read_zip(good), key, wrong_size))
    assert "大小与清单不符" in refused(office, bad)

    def unlisted(m):          # the zip holds a member the signed manifest does not list
        m["members"] = m["members"][:-1]
        m["counts"]["files"] -= 1

    bad = write_zip(tmp_path / "u.mdsync", resign(read_zip(good), key, unlisted))
    assert "成员与清单不符" in refused(office, bad)


# --- versions -----------------------------------------------------------------------------
def test_newer_schema_is_refused_with_update_the_application(setup, tmp_path):
    office, v1, _ = setup
    bad = craft_bundle(v1, tmp_path / "newer.mdsync",
                       edit_manifest=lambda m: m.update(schema_version="0099_from_the_future"))
    assert "请升级软件" in refused(office, bad)
    info = sync.inspect_file(bad, office)
    assert not info["can_import"] and any("请升级软件" in r for r in info["reasons"])


def test_newer_format_is_refused_with_update_the_application(setup, tmp_path):
    office, v1, _ = setup
    bad = craft_bundle(v1, tmp_path / "newer.mdsync",
                       edit_manifest=lambda m: m.update(format_version=2))
    assert "请升级软件" in refused(office, bad)


def test_unknown_table_or_column_is_refused(setup, tmp_path):
    office, v1, _ = setup

    def extra_column(out):
        t = out.tables["cases"]
        out.tables["cases"] = TableRows(t.columns + ["colour"], [r + ["red"] for r in t.rows])

    assert "不认识的字段" in refused(office, craft_bundle(v1, tmp_path / "col.mdsync",
                                                      edit_outgoing=extra_column))

    def extra_table(body):
        body["tables"]["spaceships"] = {"columns": ["id"], "rows": []}

    assert "不认识的表" in refused(office, craft_bundle(v1, tmp_path / "tab.mdsync",
                                                     edit_payload=extra_table))


def test_older_schema_is_upgraded_on_import(setup, tmp_path):
    """A bundle from an older release lacks columns added since: they take their defaults."""
    office, v1, _ = setup

    def older(out):
        t = out.tables["cases"]
        keep = [i for i, c in enumerate(t.columns) if c != "risk_note"]
        out.tables["cases"] = TableRows([t.columns[i] for i in keep],
                                        [[r[i] for i in keep] for r in t.rows])
        out.manifest["schema_version"] = "0001_case_book"

    bad = craft_bundle(v1, tmp_path / "older.mdsync", edit_outgoing=older)
    r = sync.import_bundle(office, bad)
    assert r.status == "applied" and r.preview["tables"]["cases"]["new"] == 1
    assert office.scalar("SELECT count(*) FROM cases WHERE site_id = ? AND risk_note = ''",
                         (v1.site_id,)) == 2


# --- archive paths and sizes ----------------------------------------------------------------
@pytest.mark.parametrize("name", ["/etc/passwd", "../outside.txt", "files/../../x.age",
                                  "C:/windows/x", "files\\..\\x.age"])
def test_absolute_paths_or_dotdot(setup, tmp_path, name):
    office, _, good = setup
    members = read_zip(good) + [(name, b"x")]
    assert "不安全的路径" in refused(office, write_zip(tmp_path / "paths.mdsync", members))


def test_unknown_member_is_refused(setup, tmp_path):
    office, _, good = setup
    members = read_zip(good) + [("readme.txt", b"hello")]
    assert "未知成员" in refused(office, write_zip(tmp_path / "extra.mdsync", members))


def test_a_member_that_expands_past_the_size_limit(setup, tmp_path):
    office, _, good = setup
    # A manifest that deflates to a few kilobytes but expands past the 1 MiB limit.
    members = [(n, d + b" " * (3 * 1024 ** 2) if n == "manifest.json" else d)
               for n, d in read_zip(good)]
    bomb = write_zip(tmp_path / "bomb.mdsync", members, compress={"manifest.json"})
    assert bomb.stat().st_size < 200_000
    assert "过大" in refused(office, bomb)
    # The payload member against a tighter limit (the limit is configurable).
    members = [(n, d + b"\0" * (3 * 1024 ** 2) if n == "payload.age" else d)
               for n, d in read_zip(good)]
    bomb = write_zip(tmp_path / "bomb2.mdsync", members, compress={"payload.age"})
    assert "过大" in refused(office, bomb, limits=Limits(max_payload_bytes=1024 ** 2))


def test_whole_file_over_the_size_limit(setup):
    office, _, good = setup
    assert "文件过大" in refused(office, good, limits=Limits(max_file_bytes=1000))


# --- JSON -------------------------------------------------------------------------------------
def test_malformed_manifest_json(setup, tmp_path):
    office, v1, good = setup
    key = keymod.load_keys(v1).signing
    from mediator_desk.sync.container import signature_input

    for text in (b"{not json", b'{"format": NaN}', b"\xff\xfe", b"[" * 100000 + b"]" * 100000,
                 b'{"format": "mediator-desk-sync", "format": "x"}'):
        members = dict(read_zip(good))
        members["manifest.json"] = text
        members["manifest.sig"] = key.sign(signature_input(text))
        bad = write_zip(tmp_path / "mj.mdsync", list(members.items()))
        assert "JSON" in refused(office, bad) or "清单" in refused(office, bad)


def test_malformed_or_oversized_payload_json(setup, tmp_path):
    office, v1, _ = setup
    for data in (b"{not json", b"[" * 50000 + b"]" * 50000, b'{"a": 1, "a": 2}',
                 dumps({"format": "mediator-desk-sync-payload"})):
        bad = craft_bundle(v1, tmp_path / "pj.mdsync", payload_bytes=data)
        refused(office, bad)
    big = craft_bundle(v1, tmp_path / "big.mdsync")
    assert "过大" in refused(office, big, limits=Limits(max_payload_bytes=2000))


def test_rows_not_belonging_to_the_sender_are_refused(setup, sites, tmp_path):
    office, v1, _ = setup

    def foreign(out):
        t = out.tables["cases"]
        i = t.columns.index("site_id")
        t.rows[0][i] = sites["v2"].site_id

    assert "不属于发送方" in refused(office, craft_bundle(v1, tmp_path / "f.mdsync",
                                                      edit_outgoing=foreign))


def test_reference_to_a_missing_record_is_refused(setup, tmp_path):
    office, v1, _ = setup

    def orphan(out):
        out.tables.pop("cases")          # parties now point at a case nobody sent

    assert "引用了不存在的案件" in refused(office, craft_bundle(v1, tmp_path / "o.mdsync",
                                                            edit_outgoing=orphan))


def test_attachment_referenced_but_missing(setup, tmp_path):
    office, v1, _ = setup

    def drop_files(out):
        out.files = []

    assert "附件缺失" in refused(office, craft_bundle(v1, tmp_path / "nofile.mdsync",
                                                  edit_outgoing=drop_files))


def test_attachment_content_not_matching_its_hash(setup, tmp_path):
    office, v1, _ = setup

    def swap(out):
        sha, _ = out.files[0]
        out.files[0] = (sha, b"%PDF-1.4 another document")

    assert "内容与记录不符" in refused(office, craft_bundle(v1, tmp_path / "swap.mdsync",
                                                       edit_outgoing=swap))


# --- replays and order --------------------------------------------------------------------------
def test_same_bundle_twice(setup):
    office, _, good = setup
    sync.import_bundle(office, good)
    before = dump(office)
    assert sync.import_bundle(office, good).status == "already"
    assert dump(office) == before


def test_bundles_in_reverse_order(setup, tmp_path):
    office, v1, good = setup
    case = v1.query_one("SELECT id FROM cases ORDER BY created_at DESC, id LIMIT 1")["id"]
    v1.cases.update(case, claims="请求归还借款")
    sync.export_bundle(v1, tmp_path / "newer.mdsync")
    sync.import_bundle(office, tmp_path / "newer.mdsync")
    before = dump(office)
    assert sync.import_bundle(office, good).status == "unchanged"
    assert dump(office) == before
    assert office.cases.get_row(case)["claims"] == "请求归还借款"


def test_a_bundle_for_the_office_cannot_be_imported_by_a_village(setup, sites):
    _, _, good = setup
    v2 = sites["v2"]
    before = dump(v2)
    with pytest.raises(DeskError, match="只能在"):
        sync.import_bundle(v2, good)
    assert dump(v2) == before


# --- receipts and enrolment files ---------------------------------------------------------------
def test_bad_receipts_change_nothing_at_the_village(setup, sites, tmp_path):
    office, v1, good = setup
    v2 = sites["v2"]
    sync.import_bundle(office, good)
    sync.export_receipt(office, tmp_path / "r.mdreceipt", to=v1.site_id)
    for desk, path, expect in (
            (v2, tmp_path / "r.mdreceipt", "不是本站"),               # meant for v1
            (v1, good, "不是回执"),                                 # a bundle, not a receipt
    ):
        before = dump(desk)
        with pytest.raises(DeskError, match=expect):
            sync.import_receipt(desk, path)
        assert dump(desk) == before
    data = bytearray((tmp_path / "r.mdreceipt").read_bytes())
    data[len(data) // 2] ^= 0xFF
    (tmp_path / "bad.mdreceipt").write_bytes(bytes(data))
    before = dump(v1)
    with pytest.raises(DeskError):
        sync.import_receipt(v1, tmp_path / "bad.mdreceipt")
    assert dump(v1) == before
    assert sync.import_receipt(v1, tmp_path / "r.mdreceipt").status == "applied"


def test_tampered_enrolment_file_is_refused(sync_template, sites, tmp_path):
    v2 = sites["v2"]
    data = bytearray((sync_template / "office.mdenrol").read_bytes())
    data[len(data) // 3] ^= 0x01
    (tmp_path / "bad.mdenrol").write_bytes(bytes(data))
    before = dump(v2)
    with pytest.raises(DeskError):
        sync.import_enrolment(v2, tmp_path / "bad.mdenrol")
    assert dump(v2) == before


def test_refusals_are_logged_outside_the_database(setup, tmp_path):
    office, _, good = setup
    data = good.read_bytes()
    (tmp_path / "cut.mdsync").write_bytes(data[: len(data) // 2])
    refused(office, tmp_path / "cut.mdsync")
    log = sync.import_log(office)
    assert log[0]["file"] == "cut.mdsync" and log[0]["result"] == "refused"
    assert "损坏" in log[0]["message"] or "不完整" in log[0]["message"]


def test_values_the_database_refuses_change_nothing(setup, tmp_path):
    """Constraints the schema enforces (CHECK, NOT NULL, UNIQUE) and values SQLite cannot
    store refuse the whole bundle with a clear message."""
    office, v1, _ = setup

    def setter(table, column, value):
        def edit(out):          # the newest row: one the office does not hold yet
            t = out.tables[table]
            t.rows[-1][t.columns.index(column)] = value
        return edit

    cases = [("parties", "role", "boss", "当事人记录：身份取值“boss”不在允许的范围内"),
             ("cases", "summary", None, "纠纷简要情况应为文本"),
             ("cases", "people_involved", 2 ** 70, "涉及人数超出允许的范围"),
             ("cases", "summary", ["a", "list"], "纠纷简要情况应为文本"),
             ("parties", "case_id", 12345, "所属案件应为记录编号")]
    for n, (table, column, value, expect) in enumerate(cases):
        bad = craft_bundle(v1, tmp_path / f"v{n}.mdsync", edit_outgoing=setter(table, column, value))
        assert expect in refused(office, bad), (table, column, value)


def test_the_same_case_number_from_two_villages_is_refused_clearly(setup, sites, tmp_path):
    office, v1, _ = setup
    v2 = sites["v2"]
    taken = office.query_one("SELECT case_no FROM cases WHERE site_id = ?", (v1.site_id,))
    add_case(v2)
    sync.export_bundle(v2, tmp_path / "c0.mdsync")
    from sync_helpers import fingerprint_of

    sync.accept_site(office, tmp_path / "c0.mdsync", fingerprint_of(v2))

    def same_number(out):
        t = out.tables["cases"]
        t.rows[0][t.columns.index("case_no")] = taken["case_no"]

    bad = craft_bundle(v2, tmp_path / "dup.mdsync", edit_outgoing=same_number)
    msg = refused(office, bad)
    assert f"“东升村人民调解委员会”发来的案件编号{taken['case_no']}与“红旗嘎查人民调解委员会”" \
        "已有的案件编号重复" in msg
    assert "简称不能再更改" in msg and "与司法所联系" in msg and "UNIQUE" not in msg


def test_the_same_agreement_number_from_two_villages_is_refused_clearly(setup, sites,
                                                                        tmp_path):
    from datetime import date

    office, v1, _ = setup
    v2 = sites["v2"]

    def with_agreement(desk):
        case = add_case(desk, received_date="2026-03-02")
        desk.acceptance.accept(case, decided_on="2026-03-02",
                               consent_form="written_application", rights_notice_given=True,
                               today=date(2026, 6, 30))
        return desk.agreements.create(case, agreed_on="2026-03-10", terms=["李四于期限内拆除院墙"],
                                      performance_method="自行拆除",
                                      performance_deadline="2026-04-10", today=date(2026, 6, 30))

    a1 = with_agreement(v1)
    sync.export_bundle(v1, tmp_path / "v1a.mdsync")
    sync.import_bundle(office, tmp_path / "v1a.mdsync")
    taken = office.query_one("SELECT agreement_no FROM agreements WHERE id = ?", (a1,))
    with_agreement(v2)
    sync.export_bundle(v2, tmp_path / "c0.mdsync")
    from sync_helpers import fingerprint_of

    sync.accept_site(office, tmp_path / "c0.mdsync", fingerprint_of(v2))

    def same_number(out):
        t = out.tables["agreements"]
        t.rows[0][t.columns.index("agreement_no")] = taken["agreement_no"]

    bad = craft_bundle(v2, tmp_path / "dupa.mdsync", edit_outgoing=same_number)
    msg = refused(office, bad)
    assert f"协议编号{taken['agreement_no']}与“红旗嘎查人民调解委员会”已有的协议编号重复" in msg
    assert "东升村人民调解委员会" in msg
    assert not any(w in msg for w in ("UNIQUE", "constraint", "agreements."))


def test_broken_json_and_zip_are_described_in_chinese(setup, tmp_path):
    """No English exception text inside the Chinese refusals."""
    from mediator_desk.sync.container import loads_strict

    for data, expect in ((b'{"a": 1, "a": 2}', "重复出现"), (b"[" * 100000, "嵌套层数过多"),
                         (b'{"a": NaN}', "不允许"), (b'{"a": ', "格式错误"),
                         (b"\xff\xfe", "UTF-8")):
        with pytest.raises(DeskError) as exc:
            loads_strict(data, what="清单", limit=10 ** 6)
        assert expect in str(exc.value)
        assert not any(w in str(exc.value) for w in ("duplicate", "recursion", "Expecting"))
    office, _, good = setup
    data = good.read_bytes()
    (tmp_path / "cut.mdsync").write_bytes(data[: len(data) // 2])
    msg = refused(office, tmp_path / "cut.mdsync")
    assert "BadZipFile" not in msg and "Error" not in msg


def test_a_manifest_claiming_another_keys_fingerprint_is_refused(setup, tmp_path):
    """A forger re-signs the manifest with their own key under a new site id but keeps the
    village's fingerprint, hoping the office compares that one: refused; and the "unknown
    sender" hint always shows the fingerprint of the key that really signed."""
    import base64

    from cryptography.hazmat.primitives import serialization

    office, v1, good = setup
    forger = Ed25519PrivateKey.generate()
    pub = base64.b64encode(forger.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw)).decode()
    claimed = keymod.load_keys(v1).fingerprint
    real = keymod.fingerprint(pub)
    assert claimed != real

    def lie(m):
        m["sender"].update(signing_key=pub, site_id="f" * 32, fingerprint=claimed)

    msg = refused(office, write_zip(tmp_path / "lie.mdsync", resign(read_zip(good), forger, lie)))
    assert "指纹" in msg and "不符" in msg and real in msg
    with pytest.raises(DeskError, match="指纹"):            # forged: not even inspected
        sync.inspect_file(tmp_path / "lie.mdsync", office)

    def honest(m):
        m["sender"].update(signing_key=pub, site_id="f" * 32, fingerprint=real)

    path = write_zip(tmp_path / "unknown.mdsync", resign(read_zip(good), forger, honest))
    before = dump(office)
    with pytest.raises(DeskError) as exc:
        sync.import_bundle(office, path)
    assert dump(office) == before
    assert "不是本站登记的" in str(exc.value) and real in exc.value.hint
    assert claimed not in exc.value.hint


# --- member order, member count, reused bundle ids -----------------------------------------
def _two_scans(setup, tmp_path):
    """A bundle (validly signed) with attachments files/000001.age, files/000002.age, …"""
    office, v1, good = setup
    case = add_case(v1, names=("钱七", "孙八"), summary="相邻关系纠纷")
    v1.attachments.add_bytes(case, PDF + b"1", file_name="a.pdf", item="evidence")
    v1.attachments.add_bytes(case, PDF + b"2", file_name="b.pdf", item="evidence")
    sync.export_bundle(v1, tmp_path / "two.mdsync")
    members = read_zip(tmp_path / "two.mdsync")
    names = [n for n, _ in members]
    assert len(names) >= 5 and names[3:] == [f"files/{n:06d}.age" for n in range(1, len(names) - 2)]
    return office, v1, members


@pytest.mark.parametrize("order", [
    (1, 0, 2, 3, 4),        # manifest.sig before manifest.json
    (0, 1, 3, 2, 4),        # an attachment before the payload
    (0, 1, 2, 4, 3),        # files/000002.age before files/000001.age
])
def test_members_out_of_order_are_refused(setup, tmp_path, order):
    """The same members, the same valid signature, only the zip order differs: refused."""
    office, _, members = _two_scans(setup, tmp_path)
    shuffled = [members[i] for i in order] + members[5:]
    path = write_zip(tmp_path / "shuffled.mdsync", shuffled)
    msg = refused(office, path)
    assert "结构不符合规范" in msg and "顺序" in msg
    with pytest.raises(DeskError, match="结构不符合规范"):
        sync.inspect_file(path, office)
    assert sync.import_bundle(office, write_zip(tmp_path / "in-order.mdsync", members)).status \
        == "applied"


def test_attachment_numbers_must_start_at_one_without_gaps(setup, tmp_path):
    """files/000002.age as the only attachment, listed so in a validly re-signed manifest."""
    office, v1, good = setup
    renamed = [("files/000002.age" if n == "files/000001.age" else n, d)
               for n, d in read_zip(good)]

    def rename(m):
        for item in m["members"]:
            if item["name"] == "files/000001.age":
                item["name"] = "files/000002.age"

    forged = resign(renamed, keymod.load_keys(v1).signing, rename)
    msg = refused(office, write_zip(tmp_path / "numbered.mdsync", forged))
    assert "files/000001.age" in msg and "编号" in msg


def test_member_count_limit(setup, tmp_path):
    """At most 65,535 members (the end record's 16-bit count: no ZIP64), for reader and writer."""
    from mediator_desk.sync.container import LIMITS, write_container

    office, v1, good = setup
    assert LIMITS.max_members == 0xFFFF
    assert "成员过多" in refused(office, good, limits=Limits(max_members=3))
    with pytest.raises(DeskError, match="成员过多"):
        write_container(tmp_path / "many.mdsync", {}, [("payload.age", b"x")] +
                        [(f"files/{n:06d}.age", b"x") for n in range(1, 3)],
                        keymod.load_keys(v1).signing, limits=Limits(max_members=4))
    assert list(tmp_path.glob("many*")) == []


def _other_manifest(path, key, out):
    """The same file with another manifest (an edited created_at), validly re-signed."""
    return write_zip(out, resign(read_zip(path), key, lambda m: m.update(
        created_at="2020-01-01T00:00:00+00:00")))


def test_a_reused_bundle_id_with_other_content_is_refused(setup, tmp_path):
    office, v1, good = setup
    assert sync.import_bundle(office, good).status == "applied"
    other = _other_manifest(good, keymod.load_keys(v1).signing, tmp_path / "other.mdsync")
    msg = refused(office, other)
    assert "已被另一个内容不同的文件使用过" in msg and "good.mdsync" in msg
    info = sync.inspect_file(other, office)
    assert not info["can_import"]
    assert any("内容不同" in r for r in info["reasons"])
    assert sync.import_bundle(office, good).status == "already"      # the real one: a no-op


def test_reused_receipt_and_enrolment_ids_with_other_content_are_refused(setup, sync_template,
                                                                         tmp_path):
    office, v1, _ = setup
    receipt = tmp_path / "r.mdreceipt"
    sync.export_receipt(office, receipt, to=v1.site_id)
    assert sync.import_receipt(v1, receipt).status == "applied"
    office_key = keymod.load_keys(office).signing
    other = _other_manifest(receipt, office_key, tmp_path / "other.mdreceipt")
    before = dump(v1)
    with pytest.raises(DeskError, match="内容不同"):
        sync.import_receipt(v1, other)
    # The village was enrolled from the template's enrolment file.
    other = _other_manifest(sync_template / "office.mdenrol", office_key,
                            tmp_path / "other.mdenrol")
    with pytest.raises(DeskError, match="内容不同"):
        sync.import_enrolment(v1, other)
    assert dump(v1) == before
