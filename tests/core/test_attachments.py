"""Attachments: stored once by content hash outside the database; size and type checked
before anything is stored; a missing file is reported while the case still opens."""

import hashlib
import os

import pytest

from mediation_helpers import PDF, PNG, T, accepted_case, signed_written, write_file
from mediator_desk.core.desk import Desk
from mediator_desk.errors import ReadOnlyRecord, ValidationError


def stored_files(desk):
    root = desk.attachments_dir
    if not root.exists():
        return []
    return sorted(p.name for p in root.rglob("*") if p.is_file())


def test_stored_once_by_content_hash(desk, make_case, tmp_path):
    case_id = accepted_case(desk, make_case)
    other = accepted_case(desk, make_case)
    first = desk.attachments.add(case_id, write_file(tmp_path, "a.png", PNG), item="identity",
                                 note="张三身份证")
    second = desk.attachments.add(other, write_file(tmp_path, "b.png", PNG), item="evidence")
    sha = hashlib.sha256(PNG).hexdigest()
    path = desk.attachments_dir / sha[:2] / sha
    assert desk.attachments.path_of(first) == desk.attachments.path_of(second) == path
    assert path.read_bytes() == PNG
    assert stored_files(desk) == [sha]
    assert not str(path).startswith(str(desk.path) + os.sep)  # beside the database, not in it
    row = desk.attachments.get(first)
    assert (row["sha256"], row["size"], row["mime_type"], row["file_name"], row["item"]) == \
        (sha, len(PNG), "image/png", "a.png", "identity")
    # removing one keeps the file for the other; removing both deletes it
    desk.attachments.remove(first)
    assert path.exists()
    desk.attachments.remove(second)
    assert not path.exists()
    actions = [h["action"] for h in desk.audit.for_case(case_id)]
    assert "attach" in actions and "detach" in actions


def test_linked_to_a_record(desk, make_case, tmp_path):
    case_id = accepted_case(desk, make_case)
    aid = signed_written(desk, case_id, scan=write_file(tmp_path, "signed.pdf", PDF))
    proof = desk.agreements.record_performance(
        aid, status="partly", checked_on="2026-04-01", note="已付一半",
        proof=write_file(tmp_path, "收条.jpg", b"\xff\xd8\xff\xe0" + b"1" * 40), today=T)
    linked = desk.attachments.for_record(aid)
    assert [a["item"] for a in linked] == ["signed_agreement", "performance"]
    assert desk.attachments.get(proof)["file_name"] == "收条.jpg"
    with pytest.raises(ReadOnlyRecord, match="扫描件"):
        desk.attachments.remove(linked[0]["id"])
    other_case = accepted_case(desk, make_case)
    with pytest.raises(ValidationError) as exc:
        desk.attachments.add(other_case, write_file(tmp_path, "x.pdf", PDF), item="performance",
                             record_table="agreements", record_id=aid)
    assert exc.value.field == "record_id"


@pytest.mark.parametrize("name,data,words", [
    ("合同.docx", b"PK\x03\x04 word", "类型"),
    ("病毒.exe", b"MZ\x90\x00", "类型"),
    ("noextension", PDF, "类型"),
    ("坏的.png", b"this is not a png at all", "不是有效的 PNG"),
    ("假的.pdf", b"\x89PNG\r\n\x1a\n", "不是有效的 PDF"),
    ("空.jpg", b"", "空文件"),
])
def test_wrong_type_or_unreadable_stores_nothing(desk, make_case, tmp_path, name, data, words):
    case_id = accepted_case(desk, make_case)
    before = desk.scalar("SELECT count(*) FROM audit_log")
    with pytest.raises(ValidationError, match=words) as exc:
        desk.attachments.add(case_id, write_file(tmp_path, name, data), item="evidence")
    assert exc.value.field == "file"
    assert desk.attachments.for_case(case_id) == []
    assert stored_files(desk) == []
    assert desk.scalar("SELECT count(*) FROM audit_log") == before


def test_missing_source_file(desk, make_case, tmp_path):
    case_id = accepted_case(desk, make_case)
    with pytest.raises(ValidationError, match="找不到文件"):
        desk.attachments.add(case_id, tmp_path / "nowhere.pdf", item="evidence")
    with pytest.raises(ValidationError, match="找不到文件"):
        desk.attachments.add(case_id, tmp_path, item="evidence", file_name="dir.pdf")
    assert stored_files(desk) == []


def test_too_large_stores_nothing(desk, make_case, tmp_path):
    case_id = accepted_case(desk, make_case)
    big = tmp_path / "大扫描.pdf"
    with open(big, "wb") as fh:          # sparse: 20 MB + 1 byte without writing them
        fh.write(PDF)
        fh.truncate(20 * 1024 * 1024 + 1)
    with pytest.raises(ValidationError, match="太大") as exc:
        desk.attachments.add(case_id, big, item="evidence")
    assert "20 MB" in exc.value.message
    assert desk.attachments.for_case(case_id) == [] and stored_files(desk) == []
    # the limit is a setting
    with desk.transaction():
        desk.settings.set("attachment_max_bytes", 10)
    with pytest.raises(ValidationError, match="太大"):
        desk.attachments.add(case_id, write_file(tmp_path, "a.png", PNG), item="evidence")


def test_scan_refused_means_no_signature(desk, make_case, tmp_path):
    case_id = accepted_case(desk, make_case)
    aid = desk.agreements.create(case_id, agreed_on="2026-03-10", terms=["a"], today=T)
    with pytest.raises(ValidationError, match="类型"):
        desk.agreements.sign(aid, "2026-03-12", scan=write_file(tmp_path, "s.bmp", b"BM"),
                             today=T)
    assert desk.agreements.get(aid)["signed_on"] == ""
    assert desk.cases.get_row(case_id)["status"] == "agreed"
    assert stored_files(desk) == []


def test_missing_file_is_reported_and_the_case_still_opens(db_path, make_case, desk, tmp_path):
    case_id = accepted_case(desk, make_case)
    att = desk.attachments.add(case_id, write_file(tmp_path, "id.png", PNG), item="identity")
    other = desk.attachments.add(case_id, write_file(tmp_path, "e.pdf", PDF), item="evidence")
    desk.attachments.path_of(att).unlink()
    desk.attachments.path_of(other).write_bytes(PDF + b"tampered")
    desk.close()
    with Desk.open(db_path) as again:
        view = again.dossier.view(case_id, today=T)           # opens fine
        assert [a["id"] for a in view.missing_files] == [att]
        problems = again.attachments.check(case_id)
        assert [(p["id"], p["problem"]) for p in problems] == [(att, "missing")]
        assert "不见了" in problems[0]["message"]
        deep = again.attachments.check(case_id, verify_hash=True)
        assert {(p["id"], p["problem"]) for p in deep} == {(att, "missing"), (other, "altered")}
