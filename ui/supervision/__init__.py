"""The 监管 tab."""
