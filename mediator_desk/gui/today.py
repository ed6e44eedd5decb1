"""The day the GUI treats as "today" (deadlines, countdowns, the to-do list, date checks).

The local calendar date unless ``FIXED`` is set: tests (and a demonstration on a fixed day)
set ``mediator_desk.gui.today.FIXED = date(2026, 6, 30)`` instead of depending on the clock.
"""

from __future__ import annotations

from datetime import date

from mediator_desk.core import clock

FIXED: date | None = None


def today() -> date:
    """The day the screens compute with."""
    return FIXED or clock.today()
