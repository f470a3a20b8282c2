"""Mailing the monthly report through a real SMTP server on loopback: each unit its own PDF,
the team the whole report, nothing twice, failures kept and retried, STARTTLS with a login
whose password comes from the keyring."""

from __future__ import annotations

import dataclasses
import io
import sys
from pathlib import Path

import pytest
from sqlalchemy import select, update

from console.base import anchors
from console.base.actor import Actor
from console.base.cluster import settings_of
from console.base.cluster_service import change_settings
from console.base.errors import InvalidInput
from console.cli import main
from console.connections.password_store import PasswordStore
from console.db import SessionFactory, engine_of, open_database
from console.operators import service as operators
from console.schema import JournalEntry, ReportDelivery
from console.supervision.mail import send_monthly
from console.supervision.monthly import MonthlyReport, write_monthly
from console.supervision.smtp import SmtpConfig, keyring_profile, smtp_config
from tests.keyrings import DictKeyring
from tests.mail_server import silent_server, smtp_server
from tests.staff import PASSWORD
from tests.supervision_cluster import build

MONTH = "2026-11"
TEAM = "ops@yunxi.gov.cn"
UNITS = {"3312000002": "sl@yunxi.gov.cn", "3312020001": "zm@xidong.gov.cn",
         "3312020002": "qj@xidong.gov.cn"}  # fmt: skip


@pytest.fixture
def written(sessions: SessionFactory, tmp_path: Path) -> MonthlyReport:
    build(sessions)
    admin = operators.login(sessions, "sysadmin", PASSWORD)
    change_settings(sessions, admin, {"report.team_email": TEAM})
    return write_monthly(sessions, admin, MONTH, tmp_path / "out")


def _admin(sessions: SessionFactory) -> Actor:
    return operators.login(sessions, "sysadmin", PASSWORD)


def test_each_unit_gets_its_part_and_the_team_the_whole_once(
    sessions: SessionFactory, written: MonthlyReport, tmp_path: Path
) -> None:
    with smtp_server(tmp_path) as server:
        config = SmtpConfig(server.host, server.port, "report@yunxi.gov.cn", "none")
        first = send_monthly(sessions, _admin(sessions), written, config)
        again = send_monthly(sessions, _admin(sessions), written, config)
    assert sorted(first.sent) == sorted([*UNITS, "team"]) and not first.failed
    assert again.sent == [] and sorted(again.skipped) == sorted(first.sent)
    inbox = {m["To"]: m for m in server.inbox.messages}
    assert set(inbox) == {*UNITS.values(), TEAM} and len(server.inbox.messages) == 4
    unit = inbox["sl@yunxi.gov.cn"]
    assert unit["Subject"] == "站群运行月报 2026-11：云溪市教育局"
    assert [a.get_filename() for a in unit.iter_attachments()] == [
        "站群运行月报_2026-11_3312000002.pdf"
    ]
    assert "公安联网备案" in unit.get_body(("plain",)).get_content()
    team = [a.get_filename() for a in inbox[TEAM].iter_attachments()]
    assert team == ["站群运行月报_2026-11.pdf", "站群运行月报_2026-11.xlsx"]
    with sessions() as session:
        entries = session.scalars(
            select(JournalEntry).where(JournalEntry.action == "report.mail")
        ).all()
        states = session.scalars(select(ReportDelivery.state)).all()
    assert len(entries) == 4 and set(states) == {"sent"}


def test_a_refused_delivery_is_kept_failed_and_sent_by_the_next_run(
    sessions: SessionFactory, written: MonthlyReport, tmp_path: Path
) -> None:
    with smtp_server(tmp_path) as server:
        server.inbox.refuse = True
        config = SmtpConfig(server.host, server.port, "report@yunxi.gov.cn", "none")
        refused = send_monthly(sessions, _admin(sessions), written, config)
        assert len(refused.failed) == 4 and "550" in refused.failed["team"]
        server.inbox.refuse = False
        retried = send_monthly(sessions, _admin(sessions), written, config)
    assert len(retried.sent) == 4 and len(server.inbox.messages) == 4
    with sessions() as session:
        rows = session.scalars(select(ReportDelivery)).all()
    assert {(r.state, r.attempts) for r in rows} == {("sent", 2)}


def test_a_server_that_never_answers_times_out_in_words(
    sessions: SessionFactory, written: MonthlyReport
) -> None:
    with silent_server() as port:
        config = SmtpConfig("127.0.0.1", port, "report@yunxi.gov.cn", "none", timeout=0.5)
        result = send_monthly(sessions, _admin(sessions), written, config)
    assert len(result.failed) == 4
    assert all("未能发送" in reason for reason in result.failed.values())


def test_starttls_with_a_login_whose_password_is_in_the_keyring(
    sessions: SessionFactory, written: MonthlyReport, tmp_path: Path
) -> None:
    with smtp_server(tmp_path, starttls=True, user="report", password="s3cret") as server:
        admin = _admin(sessions)
        change_settings(sessions, admin, {
            "smtp.host": server.host, "smtp.port": str(server.port),
            "smtp.sender": "report@yunxi.gov.cn", "smtp.security": "starttls",
            "smtp.user": "report",
        })  # fmt: skip
        store = PasswordStore(DictKeyring())
        with sessions() as session:
            settings = settings_of(session)
            with pytest.raises(InvalidInput, match="密钥环"):
                smtp_config(settings, store)
            store.put(keyring_profile(server.host, server.port, "report"), "s3cret")
            config = dataclasses.replace(
                smtp_config(settings, store), context=server.client_context
            )
        result = send_monthly(sessions, admin, written, config)
    assert len(result.sent) == 4 and len(server.inbox.messages) == 4


def test_sending_needs_an_operator_and_a_configured_server(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'cluster.sqlite3'}"
    sessions = open_database(url, upgrade_schema=True)
    try:
        build(sessions)
    finally:
        engine_of(sessions).dispose()
    out = tmp_path / "out"
    argv = ["--db", url, "report", "monthly", "--month", MONTH, "--out", str(out), "--send"]
    assert main(argv) == 2
    assert "--user" in capsys.readouterr().err
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    assert main([*argv, "--user", "sysadmin", "--password-stdin"]) == 2
    assert "smtp.host" in capsys.readouterr().err
    assert not out.exists()


def test_the_audit_administrators_get_the_journals_head_as_an_anchors_file(
    sessions: SessionFactory, written: MonthlyReport, tmp_path: Path
) -> None:
    auditors = "audit@yunxi.gov.cn"
    change_settings(sessions, _admin(sessions), {"report.audit_email": auditors})
    with smtp_server(tmp_path) as server:
        config = SmtpConfig(server.host, server.port, "report@yunxi.gov.cn", "none")
        sent = send_monthly(sessions, _admin(sessions), written, config)
    assert "audit" in sent.sent
    (message,) = [m for m in server.inbox.messages if m["To"] == auditors]
    (attachment,) = message.iter_attachments()
    assert attachment.get_filename() == f"journal-anchor-{MONTH}.jsonl"
    kept = tmp_path / "kept.jsonl"
    kept.write_bytes(attachment.get_content())
    (anchor,) = anchors.read(kept)
    auditor = operators.login(sessions, "auditor", PASSWORD)
    assert anchors.check(sessions, auditor, [anchor]) == []
    # An owner who rewrote the chain recomputed every hash after the first change.
    with sessions.begin() as session:
        session.execute(
            update(JournalEntry).where(JournalEntry.seq == anchor.seq).values(hash="0" * 64)
        )
    assert anchors.check(sessions, auditor, [anchor]) != []
