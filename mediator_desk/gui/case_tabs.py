"""The tabs every case window adds after "Case and parties", in registration order.

Kept apart from gui/case_window.py so that features can register their tabs at start-up
without importing the case window, its editors and the tabs themselves (~0.05 s); those load
when the first case window opens. A factory is called with the window once a case exists and
returns ``(widget, title)`` or None.
"""

from __future__ import annotations

from typing import Callable

FACTORIES: list[Callable] = []


def register(factory: Callable) -> None:
    """Add a tab to every case window opened from now on (idempotent)."""
    if factory not in FACTORIES:
        FACTORIES.append(factory)
