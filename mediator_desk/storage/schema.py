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
]
