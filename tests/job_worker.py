"""A scheduler process for the lease test: registers a slow job and runs what is due.

``python -m tests.job_worker URL MARKS`` — the job sleeps, then appends this process's id to
the file ``MARKS``; the test counts the lines."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from console.db import engine_of, open_database
from console.jobs import SCHEDULER, JobContext, register_job, run_due
from console.jobs.settings import QUEUE_SCAN

NAME = "tests.slow"


def slow(context: JobContext) -> Mapping[str, Any]:
    time.sleep(1.0)
    with Path(os.environ["JOB_MARKS"]).open("a") as marks:
        marks.write(f"{os.getpid()}\n")
    return {"slept": 1}


def main() -> None:
    url, marks = sys.argv[1], sys.argv[2]
    os.environ["JOB_MARKS"] = marks
    register_job(NAME, "slow", QUEUE_SCAN, slow)
    sessions = open_database(url)
    try:
        outcomes = run_due(sessions, SCHEDULER, only=[NAME])
        print(outcomes[0].outcome)
    finally:
        engine_of(sessions).dispose()


if __name__ == "__main__":
    main()
