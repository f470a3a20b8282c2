"""Security filings per site: the register list, status by the rules, the calendar, edits."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields, replace
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.base import clock, journal
from console.base.actor import REGISTER_READERS, Actor, require
from console.base.cluster import settings_of
from console.base.editing import editing
from console.base.errors import Conflict, InvalidInput, NotFound
from console.base.i18n import QT_TR_NOOP, translate
from console.base.identifiers import identifier, validate_icp_region, validate_psb
from console.base.labels import SITE_STATES, label_of
from console.base.listing import Field, Listing
from console.db import SessionFactory
from console.db.rounds import Reading, alongside, one, run
from console.filings.facts import FilingRecord, facts_reading
from console.filings.rules import (
    CALENDAR_DAYS,
    Finding,
    Urgency,
    evaluate,
    urgency_of,
    validate_mlps_region,
)
from console.filings.settings import FilingSettings
from console.probes.probe import ProbeOutcome
from console.schema import Duty, Filing, FilingAttachment, ProbeResult, Site

FILINGS = Listing(
    name="filings",
    title=QT_TR_NOOP("安全备案"),
    source=Site.__table__.outerjoin(Filing, Filing.site_id == Site.id),
    row_id=Site.id,
    readers=REGISTER_READERS,
    default_sort="code",
    fields=(
        Field("code", QT_TR_NOOP("网站标识码"), Site.code, searchable=True, width=10),
        Field("name", QT_TR_NOOP("网站名称"), Site.name, searchable=True, width=24),
        Field("state", QT_TR_NOOP("状态"), Site.state, render=label_of(SITE_STATES), width=10),
        Field("icp", QT_TR_NOOP("ICP备案号"), Filing.icp_number, searchable=True, width=22),
        Field("icp_date", QT_TR_NOOP("ICP备案日期"), Filing.icp_date, width=10),
        Field("psb", QT_TR_NOOP("公安备案号"), Filing.psb_number, searchable=True, width=27),
        Field("psb_date", QT_TR_NOOP("公安备案日期"), Filing.psb_date, width=10),
        Field("level", QT_TR_NOOP("等保级别"), Filing.mlps_level, width=6),
        Field("graded", QT_TR_NOOP("定级日期"), Filing.graded_on, width=10),
        Field(
            "form", QT_TR_NOOP("备案证明编号"), Filing.mlps_form_number, searchable=True, width=16
        ),
        Field("filed", QT_TR_NOOP("等保备案日期"), Filing.mlps_filed_on, width=10),
        Field("assessed", QT_TR_NOOP("最近测评"), Filing.assessed_on, width=10),
        Field("result", QT_TR_NOOP("测评结论"), Filing.assessment_result, width=8),
    ),
)


# What "due soon" means on the 监管 tab and in the filings list it opens.
DUE_WITHIN_DAYS = 30


@dataclass(frozen=True)
class SiteStatus:
    """A site's filing status: its most urgent finding and every finding with its reason."""

    site_id: int
    code: str
    name: str
    state: str
    urgency: Urgency
    findings: tuple[Finding, ...]

    @property
    def due(self) -> dt.date | None:
        """The earliest due date among the findings."""
        return min((f.due for f in self.findings if f.due), default=None)

    def due_within(self, as_of: dt.date, days: int = DUE_WITHIN_DAYS) -> bool:
        """Not overdue, but something is due within ``days`` of ``as_of`` (the 监管 figure)."""
        if self.urgency == Urgency.OVERDUE:
            return False
        last = as_of + dt.timedelta(days=days)
        return any(f.due is not None and as_of <= f.due <= last for f in self.findings)


@dataclass(frozen=True)
class Deadline:
    """One entry of the calendar: what falls due on a day, for which site."""

    due: dt.date
    site_id: int
    code: str
    name: str
    finding: Finding
    days_left: int = 0


@dataclass(frozen=True)
class StatusReport:
    """Every watched site's status on ``as_of`` (a date in the cluster's ``zone``)."""

    as_of: dt.date
    zone: ZoneInfo
    statuses: list[SiteStatus]


def cluster_status(
    sessions: SessionFactory,
    actor: Actor,
    now: dt.datetime | None = None,
    site_ids: Sequence[int] | None = None,
) -> StatusReport:
    """Every watched site's status at ``now`` (stored time; the current time by default),
    most urgent first (then earliest due, then code), judged on the date of ``now`` in the
    cluster's zone under the cluster's settings."""
    require(actor, *REGISTER_READERS)
    with sessions() as session:
        return run(session, _status_reading(session, now or clock.utcnow(), site_ids))


def _status_reading(
    session: Session, now: dt.datetime, site_ids: Sequence[int] | None
) -> Reading[StatusReport]:
    settings, facts = yield from facts_reading(session, now, site_ids)
    zone = settings.zone
    policy = replace(FilingSettings.of(settings).policy, zone=zone)
    as_of = clock.local_date(now, zone)
    statuses = []
    for item in facts:
        findings = tuple(evaluate(item, as_of, policy))
        statuses.append(
            SiteStatus(
                item.site_id, item.code, item.name, item.state, urgency_of(findings), findings
            )
        )
    statuses.sort(key=lambda s: (-s.urgency, s.due or dt.date.max, s.code))
    return StatusReport(as_of, zone, statuses)


def calendar(report: StatusReport, days: int = CALENDAR_DAYS) -> list[Deadline]:
    """What falls due from the report's date through the next ``days`` days, by date."""
    as_of = report.as_of
    last = as_of + dt.timedelta(days=days)
    entries = [
        Deadline(f.due, s.site_id, s.code, s.name, f, (f.due - as_of).days)
        for s in report.statuses
        for f in s.findings
        if f.due is not None and as_of <= f.due <= last
    ]
    entries.sort(key=lambda d: (d.due, d.code))
    return entries


@dataclass(frozen=True)
class Attachment:
    """A document reference of a filing."""

    id: int
    label: str
    location: str


@dataclass(frozen=True)
class FilingDetail:
    """One site's filing as the detail pane shows it; ``version`` 0 when none is stored."""

    site_id: int
    code: str
    name: str
    region_code: str
    opened_on: dt.date | None
    version: int
    record: FilingRecord
    attachments: tuple[Attachment, ...]
    status: SiteStatus | None
    probes: tuple[ProbeOutcome, ...] = ()


RECENT_PROBES = 5
RECORD_FIELDS = tuple(f.name for f in fields(FilingRecord))
SITE_GONE = QT_TR_NOOP("网站（编号 {id}）不存在，可能已被删除。")
BAD_LEVEL = QT_TR_NOOP("等保级别应为 1 至 5，而不是 {value}。")
BAD_RESULT = QT_TR_NOOP("测评结论应为“符合”“基本符合”或“不符合”，而不是“{value}”。")
DATE_WITHOUT_NUMBER = QT_TR_NOOP("填写了{what}日期却没有填写{what}号。")
FUTURE_DATE = QT_TR_NOOP("{what} {date} 晚于今天。")
BEFORE_GRADING = QT_TR_NOOP("{what} {date} 早于定级日期 {graded}：先定级，后备案和测评。")
WHAT_ICP = QT_TR_NOOP("ICP备案")
WHAT_PSB = QT_TR_NOOP("公安备案")
DATE_FIELDS = {
    "icp_date": QT_TR_NOOP("ICP备案日期"),
    "psb_date": QT_TR_NOOP("公安备案日期"),
    "graded_on": QT_TR_NOOP("定级日期"),
    "mlps_filed_on": QT_TR_NOOP("等保备案日期"),
    "assessed_on": QT_TR_NOOP("最近测评"),
}
ASSESSMENT_RESULTS = (QT_TR_NOOP("符合"), QT_TR_NOOP("基本符合"), QT_TR_NOOP("不符合"))
EMPTY_LABEL = QT_TR_NOOP("附件名称和位置都不能为空。")
ATTACHMENT_GONE = QT_TR_NOOP("附件（编号 {id}）不存在，可能已被删除。")


def filing_detail(sessions: SessionFactory, actor: Actor, site_id: int) -> FilingDetail:
    """A site's filing, attachments, latest probes and current status: two round trips."""
    require(actor, *REGISTER_READERS)
    with sessions() as session:
        # The site and its filing in one query, read beside the rest.
        found_site, attachments, recent, report = run(
            session,
            alongside(
                one(
                    select(Site, Filing)
                    .outerjoin(Filing, Filing.site_id == Site.id)
                    .where(Site.id == site_id)
                ),
                one(
                    select(FilingAttachment)
                    .join(Filing, FilingAttachment.filing_id == Filing.id)
                    .where(Filing.site_id == site_id)
                    .order_by(FilingAttachment.id)
                ),
                one(
                    select(ProbeResult)
                    .where(ProbeResult.site_id == site_id)
                    .order_by(ProbeResult.probed_at.desc(), ProbeResult.id.desc())
                    .limit(RECENT_PROBES)
                ),
                _status_reading(session, clock.utcnow(), [site_id]),
            ),
        )
        found = found_site.one_or_none()
        if found is None:
            raise NotFound(SITE_GONE, id=site_id)
        site, filing = found
        record = (
            FilingRecord(**{n: getattr(filing, n) for n in RECORD_FIELDS})
            if filing
            else FilingRecord()
        )
        head = (site.id, site.code, site.name, site.region_code, site.opened_on)
        version = filing.version if filing else 0
        files = tuple(Attachment(a.id, a.label, a.location) for a in attachments.scalars())
        probes = tuple(_outcome(site.code, row) for row in recent.scalars())
    status = report.statuses[0] if report.statuses else None
    return FilingDetail(*head, version, record, files, status, probes)


def _outcome(code: str, row: ProbeResult) -> ProbeOutcome:
    values = {f.name: getattr(row, f.name) for f in fields(ProbeOutcome) if f.name != "site_code"}
    return ProbeOutcome(site_code=code, **values)


def _validated(record: FilingRecord, region_code: str, today: dt.date) -> FilingRecord:
    texts: dict[str, Any] = {
        n: identifier(getattr(record, n) or "") or None
        for n in ("icp_number", "psb_number", "mlps_form_number")
    }
    texts["assessment_result"] = (record.assessment_result or "").strip() or None
    clean = replace(record, **texts, rectification_notes=record.rectification_notes.strip())
    if clean.icp_number:
        validate_icp_region(clean.icp_number, region_code)
    if clean.psb_number:
        validate_psb(clean.psb_number, region_code)
    if clean.mlps_form_number:
        validate_mlps_region(clean.mlps_form_number, region_code)
    if clean.mlps_level is not None and not 1 <= clean.mlps_level <= 5:
        raise InvalidInput(BAD_LEVEL, value=clean.mlps_level)
    if clean.assessment_result and clean.assessment_result not in ASSESSMENT_RESULTS:
        raise InvalidInput(BAD_RESULT, value=clean.assessment_result)
    for number, date, what in (
        (clean.icp_number, clean.icp_date, WHAT_ICP),
        (clean.psb_number, clean.psb_date, WHAT_PSB),
    ):
        if date and not number:
            raise InvalidInput(DATE_WITHOUT_NUMBER, what=translate("", what))
    for name, what in DATE_FIELDS.items():
        date = getattr(clean, name)
        if date is not None and date > today:
            raise InvalidInput(FUTURE_DATE, what=translate("", what), date=date)
    for name in ("mlps_filed_on", "assessed_on"):
        date = getattr(clean, name)
        if date is not None and clean.graded_on is not None and date < clean.graded_on:
            raise InvalidInput(
                BEFORE_GRADING,
                what=translate("", DATE_FIELDS[name]),
                date=date,
                graded=clean.graded_on,
            )
    return clean


def _snapshot(record: FilingRecord) -> dict[str, object]:
    return {n: (v.isoformat() if isinstance(v, dt.date) else v) for n, v in asdict(record).items()}


def _site_label(sessions: SessionFactory, site_id: int) -> tuple[str, str, int | None, dt.date]:
    """The site's region, its label for the journal, its filing's id (None: no filing), and
    today in the cluster's zone."""
    with sessions() as session:
        site = session.get(Site, site_id)
        if site is None:
            raise NotFound(SITE_GONE, id=site_id)
        filing_id = session.scalar(select(Filing.id).where(Filing.site_id == site_id))
        today = clock.today(settings_of(session).zone)
        return site.region_code, f"{site.code} {site.name}", filing_id, today


def save_filing(
    sessions: SessionFactory,
    actor: Actor,
    site_id: int,
    expected_version: int,
    record: FilingRecord,
) -> int:
    """Create or change a site's filing (system administrator); returns the new version.

    ``expected_version`` is the version the operator saw (0: there was no filing yet).
    """
    require(actor, Duty.SYSTEM_ADMIN)
    region, label, filing_id, today = _site_label(sessions, site_id)
    clean = _validated(record, region, today)
    if filing_id is None:
        with sessions.begin() as session:
            if expected_version != 0 or session.scalar(
                select(Filing.id).where(Filing.site_id == site_id)
            ):
                raise Conflict(CREATED_MEANWHILE, label=label)
            filing = Filing(site_id=site_id, version=1, **asdict(clean))
            session.add(filing)
            session.flush()
            journal.record(
                session, actor, "filing.create", "filing", filing.id, label, None,
                _snapshot(clean),
            )  # fmt: skip
        return 1
    with editing(sessions, Filing, filing_id, expected_version, "filing", label) as (
        session,
        filing,
    ):
        before = FilingRecord(**{n: getattr(filing, n) for n in RECORD_FIELDS})
        for name, value in asdict(clean).items():
            setattr(filing, name, value)
        journal.record(
            session, actor, "filing.update", "filing", filing_id, label, _snapshot(before),
            _snapshot(clean),
        )  # fmt: skip
    return expected_version + 1


CREATED_MEANWHILE = QT_TR_NOOP("{label} 的备案记录刚被他人创建，请刷新后再修改。")
SAVE_FIRST = QT_TR_NOOP("{label} 还没有备案记录：请先保存备案信息，再添加附件。")
TOO_LONG = QT_TR_NOOP("{what}最长 {limit} 个字符，现有 {length} 个。")
WHAT_LABEL = QT_TR_NOOP("附件名称")
WHAT_LOCATION = QT_TR_NOOP("文件位置")
LABEL_LIMIT, LOCATION_LIMIT = 200, 1000


def _checked_reference(label: str, location: str) -> tuple[str, str]:
    label, location = label.strip(), location.strip()
    if not label or not location:
        raise InvalidInput(EMPTY_LABEL)
    for text, limit, what in (
        (label, LABEL_LIMIT, WHAT_LABEL),
        (location, LOCATION_LIMIT, WHAT_LOCATION),
    ):
        if len(text) > limit:
            raise InvalidInput(TOO_LONG, what=translate("", what), limit=limit, length=len(text))
    return label, location


def add_attachment(
    sessions: SessionFactory,
    actor: Actor,
    site_id: int,
    expected_version: int,
    label: str,
    location: str,
) -> int:
    """Attach a document reference (a path or an address) to a site's filing.

    The filing must exist and still be at ``expected_version``; it moves to the next version.
    Returns the attachment's id.
    """
    require(actor, Duty.SYSTEM_ADMIN)
    label, location = _checked_reference(label, location)
    _region, site_label, filing_id, _today = _site_label(sessions, site_id)
    if filing_id is None:
        raise InvalidInput(SAVE_FIRST, label=site_label)
    with editing(sessions, Filing, filing_id, expected_version, "filing", site_label) as (
        session,
        _filing,
    ):
        attachment = FilingAttachment(filing_id=filing_id, label=label, location=location)
        session.add(attachment)
        session.flush()
        journal.record(
            session, actor, "filing.attach", "filing", filing_id, site_label, None,
            {"label": label, "location": location},
        )  # fmt: skip
        return attachment.id


def remove_attachment(
    sessions: SessionFactory, actor: Actor, attachment_id: int, expected_version: int
) -> None:
    """Remove a document reference (the document itself is not touched).

    The filing must still be at ``expected_version``; it moves to the next version.
    """
    require(actor, Duty.SYSTEM_ADMIN)
    with sessions() as session:
        attachment = session.get(FilingAttachment, attachment_id)
        if attachment is None:
            raise NotFound(ATTACHMENT_GONE, id=attachment_id)
        filing_id = attachment.filing_id
        site_id = session.scalar(select(Filing.site_id).where(Filing.id == filing_id))
    _region, site_label, _filing_id, _today = _site_label(sessions, site_id or 0)
    with editing(sessions, Filing, filing_id, expected_version, "filing", site_label) as (
        session,
        _filing,
    ):
        current = session.get(FilingAttachment, attachment_id)
        if current is None:
            raise NotFound(ATTACHMENT_GONE, id=attachment_id)
        before = {"label": current.label, "location": current.location}
        session.delete(current)
        journal.record(
            session, actor, "filing.detach", "filing", filing_id, site_label, before, None
        )
