"""The Qt bindings must keep Python's reference counts of None intact.

PySide6 6.12.0 on Python 3.11 drops a reference to None on every call of a Qt method that
returns nothing (setText, QTimer.start, processEvents …) and on QObject.property() of an unset
property. None is not immortal before Python 3.12, so after some ten thousand such calls the
interpreter aborts ("Fatal Python error: none_dealloc") — a whole app crash, e.g. while filling
a big table. 6.11.3 is fine on 3.11, and on 3.12+ None is immortal. This test fails on an
affected combination, before a user's session does.
"""

import sys

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLineEdit

CALLS = 1000   # far below None's reference count: measuring never crashes


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_void_qt_calls_keep_none_alive(qapp):
    edit, timer = QLineEdit(), QTimer()
    calls = {"QLineEdit.setText": lambda: edit.setText("x"),
             "QTimer.start": timer.start,
             "QObject.property (unset)": lambda: edit.property("not-set")}
    lost = {}
    for name, call in calls.items():
        before = sys.getrefcount(None)
        for _ in range(CALLS):
            call()
        lost[name] = before - sys.getrefcount(None)
    timer.stop()
    assert all(n < CALLS // 10 for n in lost.values()), (
        f"None references lost per {CALLS} calls: {lost}; this PySide6 build corrupts "
        "reference counts on this Python (pin PySide6 < 6.12 or use Python ≥ 3.12)")
