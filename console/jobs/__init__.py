"""Scheduled jobs run by ``cluster-console jobs run``: a registry any area adds to
(``register_job``), a lease row per job so that two schedulers never run the same job at once,
and every run recorded (start, end, outcome, counts)."""

from console.jobs.registry import SCHEDULER, Job, JobContext, register_job, registered_jobs
from console.jobs.runner import RunOutcome, job_states, run_due

__all__ = [
    "SCHEDULER",
    "Job",
    "JobContext",
    "RunOutcome",
    "job_states",
    "register_job",
    "registered_jobs",
    "run_due",
]
