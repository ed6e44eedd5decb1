"""Private by default: the database, its side files, backups and the attachment
store are 0600 (files) / 0700 (folders) whatever the umask; files of older versions are
tightened when the database is opened for writing."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from mediator_desk.core.desk import Desk
from mediator_desk.storage import location
from mediator_desk.storage.private import create_private_file, make_private_dir, tighten
from tests.sync.sync_helpers import dump, dump_file

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")


def mode(path: Path) -> str:
    return oct(stat.S_IMODE(path.stat().st_mode))


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_a_new_database_and_everything_beside_it_are_private(tmp_path, umask_022):
    path = tmp_path / "新建" / "desk.db"
    desk = Desk.open(path)
    try:
        desk.scalar("SELECT count(*) FROM cases")
        folder = path.parent
        assert mode(folder) == "0o700"
        for name in ("desk.db", "desk.db-wal", "desk.db-shm"):
            assert mode(folder / name) == "0o600", name
        assert mode(desk.attachments_dir) == "0o700"
    finally:
        desk.close()


def test_attachments_are_private(desk, make_case, tmp_path, umask_022):
    scan = tmp_path / "扫描.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + b"x" * 100)
    case_id = make_case()
    stored = desk.attachments.path_of(desk.attachments.add(case_id, scan))
    assert mode(stored) == "0o600"
    assert mode(desk.attachments_dir) == "0o700"
    others = stat.S_IRWXG | stat.S_IRWXO
    # Nobody else can even reach the files: the store folder is the owner's only.
    assert not desk.attachments_dir.stat().st_mode & others


def test_files_of_an_older_version_are_tightened_when_opened_and_keep_their_data(
        template_db, tmp_path, umask_022, monkeypatch):
    folder = tmp_path / "mediator_desk"
    folder.mkdir(mode=0o755)
    path = folder / "mediator_desk.db"
    shutil.copyfile(template_db, path)
    os.chmod(path, 0o644)
    files = folder / "mediator_desk-files"
    files.mkdir(mode=0o755)
    data = dump_file(path)
    monkeypatch.setattr(location, "data_folder", lambda: folder)   # the per-user data folder
    desk = Desk.open(path)
    try:
        assert mode(path) == "0o600"
        assert mode(folder / "mediator_desk.db-wal") == "0o600"
        assert mode(folder / "mediator_desk.db-shm") == "0o600"
        assert mode(folder) == "0o700"
        assert mode(files) == "0o700"
        assert dump(desk) == data
    finally:
        desk.close()


def test_a_folder_chosen_by_the_user_is_left_as_it_is(template_db, tmp_path, umask_022):
    folder = tmp_path / "shared"
    folder.mkdir(mode=0o755)
    path = folder / "desk.db"
    shutil.copyfile(template_db, path)
    Desk.open(path).close()
    assert mode(folder) == "0o755"            # not ours to change; the files in it are private
    assert mode(path) == "0o600"


def test_helpers_set_exact_modes_whatever_the_umask(tmp_path):
    old = os.umask(0o277)                    # even a umask that would take the owner's write
    try:
        made = make_private_dir(tmp_path / "a" / "b")
        assert create_private_file(made / "f")
        assert not create_private_file(made / "f")       # never touches an existing file
    finally:
        os.umask(old)
    assert mode(made) == "0o700" and mode(made / "f") == "0o600"
    loose = tmp_path / "loose"
    loose.write_bytes(b"")
    os.chmod(loose, 0o664)
    tighten(loose)
    assert mode(loose) == "0o600"
    tighten(tmp_path / "missing")            # never raises
