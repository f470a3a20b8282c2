"""Work-arounds for defects of the pinned Qt binding, applied once when ``ui`` is imported.

PySide6 6.12.0's ``SignalInstance.emit`` returns ``True`` without owning a reference to it, so
every emit from Python (qasync emits one per cross-thread callback) takes one reference from
``True``; after enough emits the interpreter aborts with "bool_dealloc". We give back the
reference emit forgot. On a release where emit is correct this only adds references to
``True``, which is never freed, so the fix is harmless there.
"""

from __future__ import annotations

import ctypes
from typing import Any

from PySide6.QtCore import SignalInstance

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


def _needs_fix() -> bool:
    import PySide6

    return PySide6.__version__ == "6.12.0"


def install() -> None:
    """Wrap ``SignalInstance.emit`` so it returns an owned reference (once per process)."""
    if getattr(SignalInstance.emit, "_owns_result", False) or not _needs_fix():
        return
    original = SignalInstance.emit

    def emit(self: SignalInstance, *args: Any) -> Any:
        result = original(self, *args)
        if result is True or result is False:
            _incref(result)
        return result

    emit._owns_result = True  # type: ignore[attr-defined]
    SignalInstance.emit = emit  # type: ignore[method-assign]
