"""Widgets of the 内容审核 tab: the review queue, its detail pane and the lexicon dialog."""
