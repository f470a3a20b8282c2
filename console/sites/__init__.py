"""The 站点 site register: its rules, lifecycle, import, services and views."""
