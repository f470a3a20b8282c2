"""``cluster-console queue``: scan, claim, decide and status headless, as a reviewer."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from sqlalchemy import insert
from sqlalchemy.engine import URL

from console.cli import main
from console.db import engine_of, open_database
from console.schema import LexiconTerm
from tests.core.queue_cluster import queue_cluster
from tests.staff import PASSWORD


def _run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], url: str, *args: str
) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    status = main(["--db", url, "queue", *args, "--user", "reviewer", "--password-stdin"])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_scan_claim_decide_from_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = URL.create("sqlite", database=str(tmp_path / "cluster.sqlite3"))
    sessions = open_database(url)
    queue_cluster(sessions, 5, queued=False)
    with sessions.begin() as session:
        session.execute(
            insert(LexiconTerm),
            [{"term": "国家计委", "category": "过时名称", "severity": 2, "note": "", "version": 1}],
        )
    engine_of(sessions).dispose()
    text = url.render_as_string()
    status, out, err = _run(monkeypatch, capsys, text, "scan")
    assert status == 0 and json.loads(out)["queued"] == 5
    assert "新入队 5 条" in err
    status, out, _ = _run(monkeypatch, capsys, text, "claim", "--limit", "2")
    assert out.split() == ["1", "2"]
    status, out, err = _run(
        monkeypatch, capsys, text, "decide", "1", "2", "--decision", "take_down", "--note", "撤稿"
    )
    assert status == 0 and [json.loads(line)["state"] for line in out.splitlines()] == [
        "taken_down",
        "taken_down",
    ]
    status, out, err = _run(monkeypatch, capsys, text, "decide", "1", "--decision", "approve")
    assert status == 1 and "只决定一次" in err
    status, out, _ = _run(monkeypatch, capsys, text, "status")
    assert json.loads(out) == {
        "pending": 3,
        "mine": 0,
        "approved": 0,
        "returned": 0,
        "taken_down": 2,
        "all": 5,
    }


def test_ctrl_c_stops_a_scan_after_its_batch_and_keeps_what_was_screened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import os
    import signal

    from console.commands import queue as queue_command

    url = URL.create("sqlite", database=str(tmp_path / "cluster.sqlite3"))
    sessions = open_database(url)
    queue_cluster(sessions, 1200, queued=False)
    engine_of(sessions).dispose()
    monkeypatch.setattr(
        queue_command, "_progress", lambda done, total: os.kill(os.getpid(), signal.SIGINT)
    )
    status, out, err = _run(monkeypatch, capsys, url.render_as_string(), "scan")
    assert status == 130
    assert json.loads(out)["screened"] == 500 and json.loads(out)["cancelled"] is True
    assert "再按一次" in err and "已中断" in err
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    monkeypatch.setattr(queue_command, "_progress", lambda done, total: None)
    status, out, _ = _run(monkeypatch, capsys, url.render_as_string(), "scan")
    assert status == 0 and json.loads(out)["screened"] == 700
