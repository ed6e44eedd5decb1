"""Helpers for the sync tests: logical dumps, cases, accepting villages, crafted files."""

from __future__ import annotations

import json
import shutil
import sqlite3
import zipfile
from pathlib import Path

from mediator_desk import sync
from mediator_desk.storage.schema import TRAVELLING_TABLES
from mediator_desk.sync import bundles, keys as keymod
from mediator_desk.sync.encryption import encrypt
from mediator_desk.sync.container import _info, dumps, signature_input, write_container
from mediator_desk.sync.payload import build_payload, table_counts

from tests.child_processes import ROOT, ready, start_child  # noqa: F401 (the sync tests' children)
SITES = ("office", "v1", "v2")
VALID_ID = "11010519491231002X"


def dump(desk) -> dict:
    """Every row of every table (a logical dump), to show that a refusal changed nothing."""
    out = {}
    conn = desk.db.conn
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                " ORDER BY name"):
        rows = conn.execute(f"SELECT * FROM \"{name}\"").fetchall()
        out[name] = sorted(rows, key=repr)
    return out


def dump_file(path: Path) -> dict:
    conn = sqlite3.connect(str(path))
    try:
        class D:  # minimal desk-like wrapper
            pass
        d = D()
        d.db = type("DB", (), {"conn": conn})()
        return dump(d)
    finally:
        conn.close()


def records(desk, site_id: str | None = None) -> dict:
    """Travelling rows (optionally of one owner), keyed by table then id: a comparable dump."""
    out = {}
    for table in TRAVELLING_TABLES:
        cur = desk.db.conn.execute(f"SELECT * FROM {table}" +
                                   (" WHERE site_id = ?" if site_id else ""),
                                   (site_id,) if site_id else ())
        cols = [d[0] for d in cur.description]
        out[table] = {r[0]: dict(zip(cols, r)) for r in cur.fetchall()}
    return out


def audit_ids(desk, site_id: str) -> set[str]:
    return {r[0] for r in desk.db.conn.execute("SELECT id FROM audit_log WHERE site_id = ?",
                                               (site_id,))}


def add_case(desk, *, summary="两家因院墙位置发生争执", names=("张三", "李四"), **over) -> str:
    values = dict(
        org_id=desk.settings.get("committee_id"), received_date="2026-11-20", source="apply",
        dispute_type="02", summary=summary,
        parties=[dict(name=names[0], role="applicant", id_number=VALID_ID, phone="13912345678"),
                 dict(name=names[1], role="respondent", phone="0476-8123456")],
        mediator_ids=[desk.settings.get("current_mediator_id")])
    values.update(over)
    return desk.cases.register(**values)


def fingerprint_of(desk) -> str:
    return keymod.load_keys(desk).fingerprint


def first_import(office, village, path: Path, **kw):
    """Import a village's bundle at the office, accepting the village on first contact."""
    return sync.import_bundle(office, path, accept_fingerprint=fingerprint_of(village), **kw)


def accept(office, village, tmp: Path) -> None:
    """Make the office know the village (as after its first bundle), without importing it."""
    path = tmp / f"accept-{village.site_id[:6]}.mdsync"
    sync.export_bundle(village, path)
    sync.accept_site(office, path, fingerprint_of(village))


def office_peer(village) -> dict:
    return sync.list_peers(village, "office")[0]


def craft_bundle(village, path: Path, *, edit_payload=None, payload_bytes: bytes | None = None,
                 edit_manifest=None, edit_outgoing=None, signing_key=None,
                 recipient: str | None = None) -> Path:
    """A bundle made like the real one, with a hook at each stage (all still validly signed
    unless ``signing_key`` says otherwise)."""
    out = bundles.prepare_bundle(village)
    if edit_outgoing:
        edit_outgoing(out)
    keys = keymod.load_keys(village)
    rcpt = recipient or office_peer(village)["age_recipient"]
    members, entries = [], []
    for n, (sha, data) in enumerate(out.files, 1):
        name = f"files/{n:06d}.age"
        members.append((name, encrypt(data, rcpt)))
        entries.append({"member": name, "sha256": sha, "size": len(data)})
    body = build_payload("bundle", out.manifest["bundle_id"], tables=out.tables,
                         deletions=out.deletions, audit=out.audit, files=entries)
    out.manifest["counts"] = {"tables": table_counts(out.tables, out.deletions),
                              "audit": len(out.audit.rows), "files": len(entries)}
    if edit_payload:
        edit_payload(body)
    data = payload_bytes if payload_bytes is not None else dumps(body)
    members.insert(0, ("payload.age", encrypt(data, rcpt)))
    if edit_manifest:
        edit_manifest(out.manifest)
    write_container(path, out.manifest, members, signing_key or keys.signing)
    return path


def read_zip(path: Path) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(path) as zf:
        return [(i.filename, zf.read(i)) for i in zf.infolist()]


def write_zip(path: Path, members: list[tuple[str, bytes]], *, compress: set[str] = frozenset()):
    """Write members in our layout (optionally deflating some) — no re-signing."""
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members:
            info = _info(name)
            if name in compress:
                info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return path


def resign(members: list[tuple[str, bytes]], signing_key, manifest_edit=None):
    """Replace manifest (edited as JSON) and its signature, made with ``signing_key``."""
    out = dict(members)
    manifest = json.loads(out["manifest.json"])
    if manifest_edit:
        manifest_edit(manifest)
    mbytes = json.dumps(manifest, ensure_ascii=False, indent=1).encode() + b"\n"
    out["manifest.json"] = mbytes
    out["manifest.sig"] = signing_key.sign(signature_input(mbytes))
    return [(n, out[n]) for n, _ in members]


def copy_site(src_root: Path, dst_root: Path, name: str) -> Path:
    for suffix in (".db", ".db-wal", ".db-shm"):
        src = src_root / f"{name}{suffix}"
        if src.exists():
            shutil.copyfile(src, dst_root / f"{name}{suffix}")
    keys = src_root / f"{name}-keys"
    if keys.exists():
        shutil.copytree(keys, dst_root / f"{name}-keys")
    return dst_root / f"{name}.db"


# --- kill tests (a subprocess SIGKILLed at random points) -----------------------------------
def copy_db(src: Path, dst: Path) -> Path:
    """Copy a database (with its WAL), its key folder and its attachment files to another name."""
    for suffix in ("", "-wal", "-shm"):
        s = Path(str(src) + suffix)
        if s.exists():
            shutil.copyfile(s, Path(str(dst) + suffix))
    for folder in ("-keys", "-files"):
        s = src.with_name(src.stem + folder)
        if s.exists():
            shutil.copytree(s, dst.with_name(dst.stem + folder))
    return dst


def check_integrity(path: Path) -> None:
    conn = sqlite3.connect(str(path))
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()


# --- hostile content signed by an enrolled village ----------------------------------------
def _sql_default(text):
    """A column default as PRAGMA table_info gives it ("''", "0", "'not_due'", None)."""
    if text is None or text.upper() == "NULL":
        return None
    if len(text) >= 2 and text[0] == text[-1] == "'":
        return text[1:-1].replace("''", "'")
    try:
        return int(text)
    except ValueError:
        try:
            return float(text)
        except ValueError:
            return text


def template_row(desk, table: str) -> dict:
    """A plausible row of ``table`` to fill columns a caller did not give: one of the site's
    own rows of that table if it has any, else the schema defaults. Its sync columns are
    fresh (new id, this site, rev 1, now)."""
    from mediator_desk.core.clock import utc_now
    from mediator_desk.core.records import new_id

    cur = desk.db.conn.execute(f"SELECT * FROM {table} WHERE site_id = ? ORDER BY rowid LIMIT 1",
                               (desk.site_id,))
    names = [d[0] for d in cur.description]
    found = cur.fetchone()
    if found is not None:
        row = dict(zip(names, found))
    else:
        row = {r[1]: _sql_default(r[4])
               for r in desk.db.conn.execute(f"PRAGMA table_info({table})")}
    now = utc_now()
    row.update(id=new_id(), site_id=desk.site_id, rev=1, created_at=now, updated_at=now)
    return row


def full_row(desk, table: str, values: dict) -> dict:
    """``values`` completed: missing columns come from the site's own row with the same id if
    it has one (a changed record: give ``rev`` to make it newer), else from
    :func:`template_row` (a new record: give its own unique values, e.g. ``case_no``)."""
    rid = values.get("id")
    own = desk.query_one(f"SELECT * FROM {table} WHERE id = ?", (rid,)) \
        if isinstance(rid, str) and rid else None
    base = own if own is not None else template_row(desk, table)
    return {**base, **values}


def signed_bundle(village, path: Path, *, tables: dict[str, list[dict]] | None = None,
                  deletions: dict[str, list[tuple[str, int]]] | None = None,
                  audit: list[dict] | None = None, base: bool = True,
                  edit_payload=None) -> Path:
    """A bundle signed with ``village``'s real key, with a correct manifest (counts, members,
    signature), carrying whatever content the test gives.

    ``base``: start from what the village would really export now (``prepare_bundle``);
    otherwise from an empty bundle (same manifest, no rows). ``tables``: rows as dicts, each
    replacing the row of the same id or added (missing columns filled by :func:`full_row`;
    keys that are not columns of the table become extra columns, ``None`` in other rows).
    ``deletions``: (id, rev) pairs added per table. ``audit``: audit entries as dicts (missing
    keys filled: new id, this site, now, action ``update``). Built with :func:`craft_bundle`.
    """
    from mediator_desk.core.clock import utc_now
    from mediator_desk.core.records import new_id
    from mediator_desk.sync.payload import AUDIT_COLUMNS, TableRows

    def edit(out) -> None:
        if not base:
            out.tables.clear()
            out.deletions.clear()
            out.audit = TableRows(list(AUDIT_COLUMNS), [])
            out.files = []
        for table, given in (tables or {}).items():
            rows = [full_row(village, table, dict(values)) for values in given]
            old = out.tables.get(table)
            cols = list(old.columns) if old else [
                r[1] for r in village.db.conn.execute(f"PRAGMA table_info({table})")]
            cols += [k for r in rows for k in r if k not in cols]
            # keyed by repr: a hostile id need not be a string (nor hashable)
            merged = {repr(r[0]): dict(zip(old.columns, r)) for r in old.rows} if old else {}
            for r in rows:
                merged[repr(r.get("id"))] = r
            out.tables[table] = TableRows(cols, [[r.get(c) for c in cols]
                                                 for r in merged.values()])
        for table, items in (deletions or {}).items():
            kept = [d for d in out.deletions.get(table, []) if d[0] not in {i for i, _ in items}]
            out.deletions[table] = kept + [tuple(d) for d in items]
        for entry in audit or []:
            row = dict(id=new_id(), site_id=village.site_id, at=utc_now(), user="",
                       action="update", table_name="", record_id="", case_id="", details="{}")
            row.update(entry)
            out.audit.rows.append([row[c] for c in out.audit.columns])

    return craft_bundle(village, path, edit_outgoing=edit, edit_payload=edit_payload)
