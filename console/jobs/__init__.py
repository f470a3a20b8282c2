"""Scheduled jobs: a registry, a lease row per job, and every run recorded."""
