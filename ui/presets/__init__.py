"""The 栏目预设 tab\x27s widgets: tree editor, risk list, apply dialog."""
