"""One module per main-window tab; each defines ``TAB``, the tab's ``TabSpec``."""
