"""The audit trail's hash chain: each entry is linked to the previous entry of the same site.

``link = SHA-256(previous link + the entry's fields)``, as 64 hex digits, per site in the order
entries were written (``seq``); the first entry of a site links to "". Deleting, inserting or
changing an entry with an SQLite tool breaks every link from there on, and
``mediator-desk check`` names the first broken entry (core/audit.py ``verify_chain``). The
site id is not part of the link (an install adopting its backed-up identity renames it).

Here in storage because the migration that added the chain (0009) computes it too.
"""

from __future__ import annotations

import hashlib
from typing import Iterable, Sequence

# The fields of an entry that are linked, in this order.
LINKED = ("id", "at", "user", "action", "table_name", "record_id", "case_id", "details")


def link(previous: str, entry: Sequence) -> str:
    """The link of one entry (its fields in ``LINKED`` order) after ``previous``."""
    text = previous + "\x1e" + "\x1f".join("" if v is None else str(v) for v in entry)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def links(previous: str, entries: Iterable[Sequence]) -> list[str]:
    """The links of consecutive entries of one site, starting after ``previous``."""
    out = []
    for entry in entries:
        previous = link(previous, entry)
        out.append(previous)
    return out


def last_link(conn, site_id: str) -> str:
    """The link of the site's newest entry ("" if it has none)."""
    row = conn.execute("SELECT chain FROM audit_log WHERE site_id = ? ORDER BY seq DESC LIMIT 1",
                       (site_id,)).fetchone()
    return row[0] if row else ""
