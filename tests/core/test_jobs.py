"""Scheduled jobs: due by their interval setting, taken by one scheduler at a time (also
across processes), every run recorded; supervision's own jobs on a small cluster."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update
from sqlalchemy.engine import URL

from console.base.cluster_service import change_settings
from console.base.errors import InvalidInput
from console.cli import main
from console.db import SessionFactory, engine_of, open_database
from console.jobs import SCHEDULER, JobContext, job_states, register_job, registry, run_due
from console.jobs.settings import QUEUE_SCAN
from console.operators import service as operators
from console.schema import JobLease, JobRun, utcnow
from tests.staff import PASSWORD, bootstrap_staff
from tests.supervision_cluster import build

CALLS: list[str] = []


def counting(context: JobContext) -> Mapping[str, Any]:
    CALLS.append(context.holder)
    return {"n": len(CALLS)}


def failing(context: JobContext) -> Mapping[str, Any]:
    raise InvalidInput("没有可做的事。")


@pytest.fixture(autouse=True)
def test_jobs(monkeypatch: pytest.MonkeyPatch) -> None:
    """This module's jobs, registered for each test and gone after it (the registry is
    process-wide: other tests run every registered job)."""
    monkeypatch.setattr(registry, "_jobs", dict(registry.registered_jobs()))
    register_job("tests.counting", "counting", QUEUE_SCAN, counting)
    register_job("tests.failing", "failing", QUEUE_SCAN, failing)


def _runs(sessions: SessionFactory, name: str) -> list[JobRun]:
    with sessions() as session:
        return list(session.scalars(select(JobRun).where(JobRun.job == name).order_by(JobRun.id)))


def test_a_job_runs_when_due_once_and_is_recorded(sessions: SessionFactory) -> None:
    bootstrap_staff(sessions)
    CALLS.clear()
    first = run_due(sessions, SCHEDULER, only=["tests.counting"], holder="a")
    again = run_due(sessions, SCHEDULER, only=["tests.counting"], holder="b")
    assert [(o.outcome, o.counts) for o in first] == [("ok", {"n": 1})]
    assert [o.outcome for o in again] == ["skipped"] and CALLS == ["a"]
    forced = run_due(sessions, SCHEDULER, only=["tests.counting"], force=True, holder="c")
    assert forced[0].outcome == "ok" and CALLS == ["a", "c"]
    runs = _runs(sessions, "tests.counting")
    assert [(r.holder, r.outcome, json.loads(r.counts)) for r in runs] == [
        ("a", "ok", {"n": 1}), ("c", "ok", {"n": 2})
    ]  # fmt: skip
    assert all(r.finished_at is not None and r.finished_at >= r.started_at for r in runs)
    with sessions.begin() as session:  # ten minutes later the job is due again
        session.execute(update(JobLease).values(last_started_at=utcnow() - _minutes(11)))
    assert run_due(sessions, SCHEDULER, only=["tests.counting"])[0].outcome == "ok"


def _minutes(n: int) -> dt.timedelta:
    return dt.timedelta(minutes=n)


def test_a_failing_job_is_recorded_and_shown_late_and_a_zero_interval_switches_off(
    sessions: SessionFactory,
) -> None:
    bootstrap_staff(sessions)
    outcome = run_due(sessions, SCHEDULER, only=["tests.failing"])[0]
    assert (outcome.outcome, outcome.message) == ("failed", "没有可做的事。")
    state = {s.name: s for s in job_states(sessions)}["tests.failing"]
    assert state.late and state.last_outcome == "failed" and not state.running
    admin = operators.login(sessions, "sysadmin", PASSWORD)
    change_settings(sessions, admin, {"jobs.queue_scan_min": "0"})
    with sessions.begin() as session:
        session.execute(update(JobLease).values(last_started_at=utcnow() - _minutes(60)))
    assert run_due(sessions, SCHEDULER, only=["tests.failing"])[0].outcome == "skipped"


def test_schedulers_in_several_processes_run_a_job_once(db_url: URL, tmp_path: Path) -> None:
    sessions = open_database(db_url, upgrade_schema=True)
    engine_of(sessions).dispose()
    marks = tmp_path / "marks.txt"
    marks.touch()
    url = db_url.render_as_string(hide_password=False)
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.job_worker", url, str(marks)],
            stdout=subprocess.PIPE, text=True,
        )
        for _ in range(4)
    ]  # fmt: skip
    said = sorted(worker.communicate(timeout=120)[0].strip() for worker in workers)
    assert said == ["ok", "skipped", "skipped", "skipped"]
    assert len(marks.read_text().split()) == 1
    sessions = open_database(db_url)
    try:
        assert [r.outcome for r in _runs(sessions, "tests.slow")] == ["ok"]
    finally:
        engine_of(sessions).dispose()


def test_supervision_jobs_snapshot_risks_scan_the_queue_and_write_last_months_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'cluster.sqlite3'}"
    sessions = open_database(url, upgrade_schema=True)
    try:
        build(sessions)
        admin = operators.login(sessions, "sysadmin", PASSWORD)
        change_settings(sessions, admin, {"report.folder": str(tmp_path / "reports")})
    finally:
        engine_of(sessions).dispose()
    argv = ["--db", url, "jobs", "run", "--only", "inspection.snapshot", "queue.scan",
            "report.monthly"]  # fmt: skip
    assert main(argv) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[:2] for line in lines] == [
        ["inspection.snapshot", "完成"], ["queue.scan", "完成"], ["report.monthly", "完成"]
    ]  # fmt: skip
    assert len(list((tmp_path / "reports").glob("站群运行月报_*.pdf"))) == 1
    assert main(argv) == 0
    assert all("未到时间" in line for line in capsys.readouterr().out.splitlines())
    assert main(["--db", url, "jobs", "list"]) == 0
    listed = capsys.readouterr().out
    assert "inspection.snapshot" in listed and "probes.round" in listed
    assert main(["--db", url, "jobs", "run", "--only", "no.such"]) == 2
    assert "no.such" in capsys.readouterr().err
