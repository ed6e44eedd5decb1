"""Whose case is this? At the township office, a village's case is read-only (single writer,
see docs/sync-format.md §8): the office comments on, approves or returns it instead.

The core refuses such edits (``ReadOnlyRecord``); the screens use :func:`is_foreign` to show
the case read-only with :func:`owner_banner` up front, rather than failing on save.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate

BANNER_STYLE = ("background: #e8f0fe; color: #174ea6; border: 1px solid #a8c7fa;"
                " padding: 6px; font-weight: bold;")


def is_foreign(case: dict | None, context) -> bool:
    """True when ``case`` was registered by another site (a village's case at the office)."""
    if not case:
        return False
    owner = case.get("site_id") or ""
    here = getattr(context, "site_id", "") or ""
    return bool(owner and here and owner != here)


def owner_banner(case: dict) -> str:
    """The banner shown on another site's case."""
    return translate("CaseOwner", "This case belongs to {committee}: the township office can "
                     "only comment on, approve or return it").format(
        committee=case.get("org_name") or translate("CaseOwner", "its village"))
