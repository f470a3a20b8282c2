"""The headless commands: migrate a server database, fill a demo, verify the journal."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from sqlalchemy import update
from sqlalchemy.engine import URL

from console.cli import main
from console.db import engine_of, open_database
from console.db.migrate import head_revision
from console.schema import JournalEntry
from tests.engines import scratch_database


def _verify(
    url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    password: str = "demo",
) -> tuple[int, dict[str, object]]:
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    status = main(
        ["--db", url, "journal", "verify", "--user", "auditor", "--password-stdin", "--json"]
    )
    captured = capsys.readouterr()
    out = captured.out.strip().splitlines()
    return status, json.loads(out[-1]) if out else {}, captured.err


@pytest.mark.parametrize("server", ["postgresql", "mariadb"])
def test_a_server_database_is_upgraded_on_request_then_opens(
    server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with scratch_database(server, tmp_path) as url:
        text = url.render_as_string(hide_password=False)
        assert main(["--db", text, "db", "current"]) == 0
        assert "（空库）" in capsys.readouterr().out
        assert main(["--db", text, "db", "upgrade"]) == 0
        assert f"→ {head_revision()}" in capsys.readouterr().out
        engine_of(open_database(url)).dispose()


def test_demo_then_journal_verify_detects_tampering(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    assert main(["--db", url, "demo", "--sites", "20", "--posts", "40"]) == 0
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert summary["sites"] == 20 and summary["operators"] == 11
    status, report, _err = _verify(url, monkeypatch, capsys)
    assert status == 0 and report["intact"] is True
    sessions = open_database(URL.create("sqlite", database=str(tmp_path / "demo.sqlite3")))
    with sessions.begin() as session:
        session.execute(update(JournalEntry).where(JournalEntry.seq == 2).values(action="x"))
    engine_of(sessions).dispose()
    status, report, _err = _verify(url, monkeypatch, capsys)
    assert status == 1 and report["intact"] is False


def test_a_wrong_password_is_a_clear_refusal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    assert main(["--db", url, "demo", "--sites", "20", "--posts", "10"]) == 0
    capsys.readouterr()
    status, _report, err = _verify(url, monkeypatch, capsys, password="nope")
    assert status == 2
    assert "用户名或密码不正确" in err


def test_english_on_request(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    assert main(["--lang", "en", "--db", url, "db", "current"]) == 0
    out = capsys.readouterr().out
    assert "当前结构版本" not in out and head_revision() in out
    main(["--lang", "zh_CN", "--db", url, "db", "current"])
