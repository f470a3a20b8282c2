"""The five tabs of the main window, in their order; each area module builds its own."""

from __future__ import annotations

from ui.area_tab import AreaTab, TabSpec
from ui.areas import audit, filings, permissions, presets, sites

__all__ = ["TABS", "AreaTab", "TabSpec"]

TABS: tuple[TabSpec, ...] = (sites.TAB, presets.TAB, permissions.TAB, filings.TAB, audit.TAB)
