"""The 内容审核 tab."""

from __future__ import annotations

from console.i18n import QT_TR_NOOP
from ui.area_tab import TabSpec
from ui.audit.review_tab import build

TAB = TabSpec("audit", QT_TR_NOOP("内容审核"), "reviewer1", build)
