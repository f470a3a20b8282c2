"""Anchors: the chain's head kept outside the database catches a rewrite with recomputed hashes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from sqlalchemy import select, update
from sqlalchemy.engine import URL

from console.base import journal
from console.cli import main
from console.db import SessionFactory
from console.operators import service as operators
from console.schema import JournalEntry, JournalHead
from tests.staff import PASSWORD, bootstrap_staff


def rechain(sessions: SessionFactory, seq: int, operator_name: str) -> None:
    """Edit entry ``seq`` and recompute every hash after it, as an owner with a SQL client could."""
    with sessions.begin() as session:
        session.execute(
            update(JournalEntry).where(JournalEntry.seq == seq).values(operator_name=operator_name)
        )
        entries = session.scalars(select(JournalEntry).order_by(JournalEntry.seq)).all()
        prev = journal.GENESIS
        for entry in entries:
            digest = journal.entry_hash(
                prev, entry.seq, entry.at, entry.operator_name, entry.action, entry.target_type,
                entry.target_id, entry.target_label, entry.before, entry.after,
            )  # fmt: skip
            session.execute(
                update(JournalEntry)
                .where(JournalEntry.seq == entry.seq)
                .values(prev_hash=prev, hash=digest)
            )
            prev = digest
        session.execute(update(JournalHead).where(JournalHead.id == 1).values(hash=prev))


def _cli(monkeypatch: pytest.MonkeyPatch, url: URL, *args: str) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    db = url.render_as_string(hide_password=False)
    return main(["--db", db, "journal", *args, "--user", "auditor", "--password-stdin"])


def test_a_recomputed_chain_verifies_but_the_anchors_catch_it(
    db_url: URL,
    sessions: SessionFactory,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    bootstrap_staff(sessions)
    for _ in range(3):
        operators.login(sessions, "sysadmin", PASSWORD)
    anchors = tmp_path / "kept" / "anchors.jsonl"
    assert _cli(monkeypatch, db_url, "anchor", "--out", str(anchors)) == 0
    operators.login(sessions, "reviewer", PASSWORD)
    assert _cli(monkeypatch, db_url, "anchor", "--out", str(anchors)) == 0
    recorded = [json.loads(line) for line in anchors.read_text().splitlines()]
    assert [a["seq"] for a in recorded] == [8, 10]  # 4 creations, 3 logins, the login to anchor
    assert recorded[0]["at"].endswith("+08:00")
    assert _cli(monkeypatch, db_url, "verify", "--anchors", str(anchors)) == 0
    capsys.readouterr()

    rechain(sessions, 5, "someone-else")
    assert _cli(monkeypatch, db_url, "verify") == 0  # the chain alone cannot tell
    capsys.readouterr()
    assert _cli(monkeypatch, db_url, "verify", "--anchors", str(anchors)) == 1
    out = capsys.readouterr().out
    assert "第 8 条" in out and "第 10 条" in out


def test_an_anchor_past_a_truncated_chain_is_gone(
    db_url: URL,
    sessions: SessionFactory,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    bootstrap_staff(sessions)
    anchors = tmp_path / "anchors.jsonl"
    assert _cli(monkeypatch, db_url, "anchor", "--out", str(anchors)) == 0
    head = json.loads(anchors.read_text())["seq"]
    with sessions.begin() as session:
        session.execute(JournalEntry.__table__.delete().where(JournalEntry.seq == head))
        last = session.scalars(select(JournalEntry).order_by(JournalEntry.seq.desc())).first()
        assert last is not None
        session.execute(
            update(JournalHead).where(JournalHead.id == 1).values(seq=last.seq, hash=last.hash)
        )
    capsys.readouterr()
    assert _cli(monkeypatch, db_url, "verify") == 0
    assert _cli(monkeypatch, db_url, "verify", "--anchors", str(anchors)) == 1
    assert f"第 {head} 条" in capsys.readouterr().out


@pytest.mark.parametrize(
    "content", ["", "not json\n", '{"seq": 1}\n', '{"seq": "1", "hash": "ab"}\n', "\ud800"]
)
def test_a_file_that_is_not_an_anchors_file_is_refused_in_one_line(
    sqlite_sessions: SessionFactory,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    content: str,
) -> None:
    bootstrap_staff(sqlite_sessions)
    url = sqlite_sessions.kw["bind"].url
    path = tmp_path / "anchors.jsonl"
    path.write_bytes(content.encode("utf-8", "surrogatepass"))
    assert _cli(monkeypatch, url, "verify", "--anchors", str(path)) != 0
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert _cli(monkeypatch, url, "verify", "--anchors", str(tmp_path / "none.jsonl")) != 0
    assert "none.jsonl" in capsys.readouterr().err


def test_only_the_audit_administrator_anchors(
    sqlite_sessions: SessionFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bootstrap_staff(sqlite_sessions)
    db = sqlite_sessions.kw["bind"].url.render_as_string(hide_password=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    out = tmp_path / "anchors.jsonl"
    args = ["--db", db, "journal", "anchor", "--out", str(out), "--user", "sysadmin"]
    assert main([*args, "--password-stdin"]) != 0
    assert not out.exists()
