"""GUI tests of the 站点 tab."""
