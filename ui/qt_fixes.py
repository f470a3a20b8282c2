"""Work-arounds for defects of the pinned Qt binding, applied once when ``ui`` is imported.

PySide6 6.12.0 (an abi3 wheel) gives back references it never took to the singletons it
returns: every call of a method returning ``void`` takes one reference from ``None``, every
``SignalInstance.emit`` one from ``True``, ``addItem`` and friends likewise. Python 3.12 made
these singletons immortal (PEP 683), so there the defect is invisible; on Python 3.11 the
interpreter aborts with "none_dealloc" after a few thousand widget calls. We do on 3.11 what
3.12 does: give ``None``, ``True`` and ``False`` so many references that no session can wear
them away. They are never freed anyway, so this changes nothing else.
"""

from __future__ import annotations

import ctypes
import sys

HEADROOM = 1 << 48
SINGLETONS = (None, True, False)


def _needs_fix() -> bool:
    return sys.version_info < (3, 12) and sys.implementation.name == "cpython"


def install() -> None:
    """Make the singletons the binding mistreats effectively immortal (once per process)."""
    if not _needs_fix():
        return
    for singleton in SINGLETONS:
        # CPython keeps the reference count in the object's first word.
        count = ctypes.c_ssize_t.from_address(id(singleton))
        if count.value < HEADROOM:
            count.value += HEADROOM
