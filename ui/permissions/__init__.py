"""Pages of the 用户权限 tab: accounts, the permission grid, operators and the journal."""
