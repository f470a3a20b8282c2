"""Mailing the monthly report: each unit its own part (PDF attached) to its 联络员, and the
whole report to the operations team.

A delivery row per month and recipient makes every message go out at most once: a row is
claimed by a guarded update (``pending``/``failed`` → ``sending``, or a ``sending`` left behind
by a process that died), sent outside any transaction, then marked ``sent`` or ``failed`` with
its journal entry. A failed delivery is tried again by the next run.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

from sqlalchemy import and_, or_, select, update
from sqlalchemy.exc import IntegrityError

from console.base import anchors, journal
from console.base.actor import Actor, require
from console.base.cluster import settings_of
from console.base.i18n import QT_TR_NOOP, translate
from console.db import SessionFactory
from console.reports import write_pdf
from console.schema import Duty, ReportDelivery, utcnow
from console.supervision.monthly import MonthlyReport
from console.supervision.report import unit_document
from console.supervision.report_words import TITLE, UNIT_TITLE
from console.supervision.settings import AUDIT_EMAIL, TEAM_EMAIL
from console.supervision.smtp import MailFault, SmtpConfig, deliver

TEAM_KEY = "team"
AUDIT_KEY = "audit"
ANCHOR_SUBJECT = QT_TR_NOOP("日志锚点 {month}")
ANCHOR_BODY = QT_TR_NOOP(
    "发送月报时的日志链头：第 {seq} 条，哈希 {hash}，时间 {at}。\n"
    "请保存附件，需要时用 cluster-console journal verify --anchors 附件 核对日志未被改写。"
)
PENDING, SENDING, SENT, FAILED = "pending", "sending", "sent", "failed"
STALE_SENDING = dt.timedelta(minutes=15)
TARGET = "report_delivery"
Transport = Callable[[SmtpConfig, EmailMessage], None]


@dataclass(frozen=True)
class Outgoing:
    """One message to send: its recipient key, address, subject, body and attachments."""

    key: str
    site_id: int | None
    to: str
    subject: str
    body: str
    attachments: tuple[Path, ...]


@dataclass(frozen=True)
class MailResult:
    """What a run did: messages sent, failed (with why) and skipped (already sent or taken)."""

    sent: list[str]
    failed: dict[str, str]
    skipped: list[str]


def outgoing(
    report: MonthlyReport,
    team_email: str,
    folder: Path,
    audit: tuple[str, anchors.Anchor] | None = None,
) -> list[Outgoing]:
    """The messages of ``report``: each running site with a contact email, the team, and the
    audit administrators (``audit``: their address and the journal's head, as an anchors file
    that ``journal verify --anchors`` reads)."""
    seen, month = report.overview, report.month
    found: list[Outgoing] = []
    for site in seen.scope.sites:
        if not site.running or not site.contact_email:
            continue
        document = unit_document(seen, month, site, report.problems)
        pdf = write_pdf(document, folder / f"站群运行月报_{month}_{site.code}.pdf")
        body = "\n".join([document.subtitle, *(p.text for p in report.problems if p.site == site)])
        found.append(Outgoing(site.code, site.id, site.contact_email, document.title, body, (pdf,)))
    if team_email:
        title = translate("", TITLE).format(month=month)
        body = translate("", UNIT_TITLE).format(month=month, name=translate("", seen.scope.title))
        found.append(Outgoing(TEAM_KEY, None, team_email, title, body, (report.pdf, report.xlsx)))
    if audit is not None:
        address, anchor = audit
        path = folder / f"journal-anchor-{month}.jsonl"
        path.write_text(anchor.line(), encoding="utf-8")
        subject = translate("", ANCHOR_SUBJECT).format(month=month)
        body = translate("", ANCHOR_BODY).format(seq=anchor.seq, hash=anchor.hash, at=anchor.at)
        found.append(Outgoing(AUDIT_KEY, None, address, subject, body, (path,)))
    return found


def send_monthly(
    sessions: SessionFactory,
    actor: Actor,
    report: MonthlyReport,
    config: SmtpConfig,
    transport: Transport = deliver,
) -> MailResult:
    """Send every message of ``report`` not yet sent for its month; each one journalled."""
    require(actor, Duty.SYSTEM_ADMIN)
    with sessions() as session:
        settings = settings_of(session)
        team, auditors = settings[TEAM_EMAIL].strip(), settings[AUDIT_EMAIL].strip()
        audit = (auditors, anchors.current(session)) if auditors else None
    result = MailResult([], {}, [])
    with tempfile.TemporaryDirectory(prefix="cluster-report-") as folder:
        for message in outgoing(report, team, Path(folder), audit):
            row_id = _claim(sessions, report.month, message)
            if row_id is None:
                result.skipped.append(message.key)
                continue
            try:
                transport(config, _message(config, message))
            except MailFault as fault:
                _finish(sessions, actor, row_id, message, str(fault))
                result.failed[message.key] = str(fault)
            else:
                _finish(sessions, actor, row_id, message, None)
                result.sent.append(message.key)
    return result


def _message(config: SmtpConfig, outgoing: Outgoing) -> EmailMessage:
    message = EmailMessage()
    message["From"] = config.sender
    message["To"] = outgoing.to
    message["Subject"] = outgoing.subject
    message.set_content(outgoing.body)
    for path in outgoing.attachments:
        kind = ("application", "pdf") if path.suffix == ".pdf" else ("application", "octet-stream")
        message.add_attachment(path.read_bytes(), *kind, filename=path.name)
    return message


def _claim(sessions: SessionFactory, month: str, message: Outgoing) -> int | None:
    """Take the delivery of ``message`` for this run; None when sent or being sent."""
    with sessions.begin() as session:
        row_id = session.scalar(
            select(ReportDelivery.id).where(
                ReportDelivery.month == month, ReportDelivery.unit_key == message.key
            )
        )
    if row_id is None:
        try:
            with sessions.begin() as session:
                row = ReportDelivery(
                    month=month,
                    unit_key=message.key,
                    site_id=message.site_id,
                    recipient=message.to,
                    subject=message.subject,
                    state=PENDING,
                    attempts=0,
                    error="",
                )
                session.add(row)
                session.flush()
                row_id = row.id
        except IntegrityError:
            return None  # another process made the row at the same moment and sends it
    now = utcnow()
    with sessions.begin() as session:
        taken = session.execute(
            update(ReportDelivery)
            .where(
                ReportDelivery.id == row_id,
                or_(
                    ReportDelivery.state.in_((PENDING, FAILED)),
                    and_(
                        ReportDelivery.state == SENDING,
                        ReportDelivery.last_attempt_at < now - STALE_SENDING,
                    ),
                ),
            )
            .values(
                state=SENDING,
                attempts=ReportDelivery.attempts + 1,
                last_attempt_at=now,
                recipient=message.to,
            )
        )
        return row_id if taken.rowcount == 1 else None  # type: ignore[attr-defined]


def _finish(
    sessions: SessionFactory, actor: Actor, row_id: int, message: Outgoing, error: str | None
) -> None:
    with sessions.begin() as session:
        row = session.get(ReportDelivery, row_id)
        assert row is not None
        row.state = FAILED if error else SENT
        row.error = (error or "")[:1000]
        if error is None:
            row.sent_at = utcnow()
        after = {
            "to": message.to,
            "subject": message.subject,
            "result": row.state,
            "error": row.error,
            "attempt": row.attempts,
        }
        label = f"{row.month} {row.unit_key}"
        journal.record(session, actor, "report.mail", TARGET, row.id, label, None, after)
