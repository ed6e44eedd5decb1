"""The manifest every sync file starts with, and the schema versions it may name."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mediator_desk import __version__
from mediator_desk.core.clock import utc_now
from mediator_desk.storage.migrations import MIGRATIONS
from mediator_desk.sync.container import FORMAT, FORMAT_VERSION, BundleRefused

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk


def known_schema_versions() -> list[str]:
    return MIGRATIONS.names


def current_schema_version() -> str:
    return known_schema_versions()[-1]


def check_schema(manifest: dict) -> str:
    """'same' or 'older'; refuses a file written by a newer schema ("请升级软件")."""
    known = known_schema_versions()
    version = manifest["schema_version"]
    if version not in known:
        raise BundleRefused(f"文件来自更新版本的调解工作台（数据结构 {version[:40]}），本软件无法读取",
                            hint="请升级软件")
    return "same" if version == known[-1] else "older"


def new_manifest(desk: "Desk", kind: str, bundle_id: str, sender: dict,
                 receiver: dict | None) -> dict:
    """The common part of every manifest (kind-specific keys are added by the caller)."""
    return {"format": FORMAT, "format_version": FORMAT_VERSION, "kind": kind,
            "bundle_id": bundle_id, "created_at": utc_now(), "app_version": __version__,
            "sender": sender, "receiver": receiver, "schema_version": current_schema_version(),
            "codes_version": desk.codes.version(),
            "encryption": None if kind == "enrolment" else
            {"scheme": "age", "version": "age-encryption.org/v1", "recipient": "X25519"}}
