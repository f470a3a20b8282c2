"""The 监管 area: the cluster at a glance, its monthly report and the report's mail."""
