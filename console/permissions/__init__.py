"""用户权限 editors' accounts and grants: effective rights, grant plans, scopes."""
