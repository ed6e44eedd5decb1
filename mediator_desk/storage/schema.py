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
]
