"""Cluster Console core: the domain, the data and the services. Never imports Qt."""

__version__ = "0.1.0"
