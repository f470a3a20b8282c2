"""The tabs of the main window, in their order; each area's package builds its own."""

from __future__ import annotations

from ui.area_tab import AreaTab, TabSpec
from ui.filings.tab import TAB as FILINGS
from ui.permissions.tab import TAB as PERMISSIONS
from ui.presets.tab import TAB as PRESETS
from ui.review.tab import TAB as REVIEW
from ui.sites.tab import TAB as SITES
from ui.supervision.tab import TAB as SUPERVISION

__all__ = ["TABS", "AreaTab", "TabSpec"]

TABS: tuple[TabSpec, ...] = (SUPERVISION, SITES, PRESETS, PERMISSIONS, FILINGS, REVIEW)
