"""The import log: every sync file this install was given, and what became of it.

Imports that changed the database are rows of ``sync_imports`` (written in the import's own
transaction by sync/store.py ``log_import``). Attempts that changed nothing — refused files, a
bundle imported twice — must leave the database exactly as it was, so they are appended to a
text log next to the database (``<db stem>-sync.log``, one JSON object per line) instead.
:func:`import_log` merges both.
"""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from mediator_desk.errors import DeskError
from mediator_desk.sync import leftovers
from mediator_desk.sync.container import BundleRefused

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk

RESULT_LABELS = {"applied": "已导入", "conflicts": "已导入（有冲突待处理）", "unchanged": "无新内容",
                 "already": "已导入过", "refused": "已拒绝", "preview": "仅预览"}
# an import whose conflicts have all been resolved since
CONFLICTS_RESOLVED = "已导入（冲突已处理）"


def log_path(desk: "Desk") -> Path:
    return desk.path.with_name(desk.path.stem + "-sync.log")


def note_attempt(desk: "Desk", *, file: str | os.PathLike, kind: str, result: str,
                 message: str = "", bundle_id: str = "", sender: str = "") -> None:
    """Append one line to the text log (never raises: logging must not mask the real outcome)."""
    # Microseconds: several attempts may fall in one second, and the log is sorted by time.
    at = datetime.now(timezone.utc).isoformat(timespec="microseconds")
    entry = {"at": at, "file": Path(file).name, "kind": kind, "result": result,
             "bundle_id": bundle_id, "sender": sender, "message": message}
    try:
        with open(log_path(desk), "a", encoding="utf-8") as fh:
            fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
    except OSError:
        pass


def logged_attempt(desk: "Desk", path, kind: str, run):
    """Run ``run(seen)`` — an import that fills ``seen`` with the manifest's bundle_id and sender
    as soon as it has read them — and note a refusal or a no-op in the text log. (An applied
    import is recorded in the database by sync/store.py ``log_import``; a refusal changes
    nothing there, so it is only noted here.) First, what killed imports and exports of this
    database left behind is removed (sync/leftovers.py)."""
    leftovers.clean_up(desk)
    seen: dict = {}
    try:
        result = run(seen)
    except DeskError as exc:
        note_attempt(desk, file=path, kind=kind, result="refused", message=str(exc),
                     bundle_id=seen.get("bundle_id", ""),
                     sender=seen.get("sender", {}).get("site_id", ""))
        raise
    if result.status in ("already", "unchanged"):
        note_attempt(desk, file=path, kind=kind, result=result.status, message=result.message,
                     bundle_id=result.bundle_id, sender=result.sender.get("site_id", ""))
    return result


def previous_import(desk: "Desk", bundle_id: str, manifest_sha256: str) -> dict | None:
    """The log row of an earlier import of exactly this file, if any.

    Raises ``BundleRefused`` if a file with the same ``bundle_id`` but another manifest (other
    content) was imported before: a ``bundle_id`` names one file only (docs/sync-format.md §3),
    so such a file was altered and re-signed, or forged, or made by a broken writer. Callers
    (bundle, receipt and enrolment imports, and ``inspect``) need no check of their own."""
    rows = desk.query("SELECT * FROM sync_imports WHERE bundle_id = ? ORDER BY seq",
                      (bundle_id,))
    for row in rows:
        if row["manifest_sha256"] == manifest_sha256:
            return row
    if rows:
        first = rows[0]
        raise BundleRefused(
            f"文件编号 {bundle_id[:8]} 已被另一个内容不同的文件使用过（{first['at'][:10]} 导入的"
            f"“{first['file_name']}”），同一编号不能对应两份内容，此文件已拒绝",
            hint="请向发送方核实；如需补发，请让对方重新导出（新导出的文件有新的编号）")
    return None


def import_log(desk: "Desk", limit: int = 200) -> list[dict]:
    """Every import attempt, newest first: database rows and text-log lines merged."""
    names = {r["site_id"]: r["name"] for r in desk.query("SELECT site_id, name FROM sync_sites")}
    rows = []
    for r in desk.query("SELECT * FROM sync_imports ORDER BY seq DESC LIMIT ?", (limit,)):
        rows.append({"at": r["at"], "file": r["file_name"], "kind": r["kind"],
                     "result": r["result"], "bundle_id": r["bundle_id"],
                     "sender": r["sender_site_id"], "sender_name": names.get(r["sender_site_id"], ""),
                     "seq_from": r["seq_from"], "seq_to": r["seq_to"],
                     "summary": json.loads(r["summary"]), "message": ""})
    try:
        lines = log_path(desk).read_text(encoding="utf-8").splitlines()[-limit:]
    except OSError:
        lines = []
    for line in lines:
        try:
            e = json.loads(line)
        except ValueError:
            continue
        if isinstance(e, dict) and e.get("result") in ("refused", "already", "unchanged"):
            e.setdefault("sender_name", names.get(e.get("sender", ""), ""))
            rows.append(e)
    rows.sort(key=lambda e: e.get("at", ""), reverse=True)
    still_open = {r["bundle_id"] for r in desk.query(
        "SELECT DISTINCT bundle_id FROM sync_conflicts WHERE status = 'open'")}
    for e in rows:
        e["result_label"] = RESULT_LABELS.get(e.get("result", ""), e.get("result", ""))
        if e.get("result") == "conflicts" and e.get("bundle_id") not in still_open:
            e["result_label"] = CONFLICTS_RESOLVED
    return rows[:limit]
