"""Audit entries received from a village are chained at the office too."""

from __future__ import annotations

from mediator_desk import sync

from sync_helpers import add_case, first_import


def test_imported_audit_entries_extend_the_villages_chain_at_the_office(sites, tmp_path):
    office, v1 = sites["office"], sites["v1"]
    add_case(v1)
    sync.export_bundle(v1, tmp_path / "a.mdsync")
    assert first_import(office, v1, tmp_path / "a.mdsync").status == "applied"
    add_case(v1, names=("王五", "赵六"))
    sync.export_bundle(v1, tmp_path / "b.mdsync")            # cumulative: repeats a's entries
    assert sync.import_bundle(office, tmp_path / "b.mdsync").status == "applied"
    held = office.scalar("SELECT count(*) FROM audit_log WHERE site_id = ?", (v1.site_id,))
    # everything up to the second export (whose own entry is written after the bundle)
    assert held == v1.scalar("SELECT count(*) FROM audit_log WHERE site_id = ?",
                             (v1.site_id,)) - 1
    assert office.audit.verify_chain() is None and v1.audit.verify_chain() is None
