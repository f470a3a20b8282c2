"""Widgets of the 安全备案 tab: the urgency list, a site's filing detail, sweeps, the calendar."""
