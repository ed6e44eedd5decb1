"""Facts about the schema that other layers need (no SQL execution here).

``TRAVELLING_TABLES`` lists, parents before children, every table whose rows travel between
sites in sync bundles. Each has the sync columns (see migrations.SYNC_COLUMNS) and is written
only through core/records.py. A test checks that every table with the sync columns is listed.
"""

TRAVELLING_TABLES = [
    "organisations",
    "mediators",
    "cases",
    "case_mediators",
    "parties",
    # the mediation path (migration 0002_mediation_path)
    "acceptances",
    "investigations",
    "mediation_sessions",
    "risk_flags",
    "closures",
    "agreements",
    "followups",
    "confirmations",
    "archives",
    "attachments",
    # office reviews of village cases (migration 0003_sync)
    "case_reviews",
    # dispute screening (migration 0012_screening): a village's rounds and what they found
    "screening_rounds",
    "screening_items",
    # a committee's monthly report declarations (migration 0013_statistics)
    "period_reports",
]

# Which travelling tables each role writes and sends (docs/sync-format.md §6). The office's
# notes on a village's cases are the office's alone: a village's bundle carrying them is
# refused. A receipt carries only the office's organisation tree and these notes (plus
# corrections of the village's own records, checked separately).
OFFICE_TABLES = frozenset({"case_reviews"})
SENT_BY = {
    "bundle": frozenset(TRAVELLING_TABLES) - OFFICE_TABLES,
    "receipt": frozenset({"organisations"}) | OFFICE_TABLES,
    "enrolment": frozenset({"organisations"}),
}
