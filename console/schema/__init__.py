"""SQLAlchemy models of the cluster database, one module per area."""

from console.schema.accounts import Account, AccountStatus, Grant, Role
from console.schema.annual import AnnualFigure
from console.schema.base import Base, utcnow
from console.schema.content import (
    LexiconTerm,
    Post,
    PostStatus,
    QueueItem,
    QueueState,
    WhitelistPhrase,
)
from console.schema.filings import Filing, FilingAttachment, ProbeResult
from console.schema.interactions import (
    ChannelKind,
    InteractionChannel,
    InteractionMessage,
    MessageState,
)
from console.schema.journal import JournalEntry, JournalHead
from console.schema.operators import Duty, Operator, OperatorDuty
from console.schema.patrol import (
    PatrolColumn,
    PatrolLease,
    PatrolLink,
    PatrolPage,
    PatrolPost,
    PatrolRun,
)
from console.schema.presets import ColumnPreset, ColumnType, PresetColumn, PresetVersion
from console.schema.settings import ClusterSetting
from console.schema.sites import OrganiserType, Site, SiteColumn, SiteDomain, SiteKind, SiteState
from console.schema.supervision import JobLease, JobRun, ReportDelivery

__all__ = [
    "Account",
    "AccountStatus",
    "AnnualFigure",
    "Base",
    "ChannelKind",
    "ClusterSetting",
    "ColumnPreset",
    "ColumnType",
    "Duty",
    "Filing",
    "FilingAttachment",
    "Grant",
    "InteractionChannel",
    "InteractionMessage",
    "JobLease",
    "JobRun",
    "JournalEntry",
    "JournalHead",
    "LexiconTerm",
    "MessageState",
    "Operator",
    "OperatorDuty",
    "OrganiserType",
    "PatrolColumn",
    "PatrolLease",
    "PatrolLink",
    "PatrolPage",
    "PatrolPost",
    "PatrolRun",
    "Post",
    "PostStatus",
    "PresetColumn",
    "PresetVersion",
    "ProbeResult",
    "QueueItem",
    "QueueState",
    "ReportDelivery",
    "Role",
    "Site",
    "SiteColumn",
    "SiteDomain",
    "SiteKind",
    "SiteState",
    "WhitelistPhrase",
    "utcnow",
]
