"""Sample data, for trying the application and for benchmarks — never mixed with real records
(both demos refuse a database that already has any).

- ``book.py``: ``build_demo`` fills one database with a whole township of Chifeng and N cases,
  each passed through the mediation path (``path.py``) and every committee's dispute screening
  (``screening.py``).
- ``township.py``: ``build_township`` makes a township office and N village installs, each with
  its own database and keys, which exchange real sync files month by month.
- ``sampling.py``: what both draw from — places, names, ID numbers, weights — and the seeded
  helpers.

Above core and sync (it drives both); only the command line, the GUI's setup and the
self-test use it.
"""
