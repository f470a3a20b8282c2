"""The filing rules: what is missing, late, due or wrong for a site, each with its reason.

Pure functions over plain values and an as-of date (DESIGN.md §2): ICP and 公安联网备案 (within
30 days of opening), 等级保护 (level ≥ 2 filed within 30 days of grading; 测评 yearly for level
3, half-yearly for level 4, per a configurable period for level 2), number formats (through
``console.base.identifiers``), and what the probes say (the reachability rule of
``console.probes.reachability``, the certificate, the footer, foreign redirects).
``console.filings.facts.load_facts`` reads their inputs for the whole cluster at once. Dates
are dates in the cluster's zone (``Policy.zone``).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from console.base import clock
from console.base.clock import add_months
from console.base.errors import InvalidInput
from console.base.i18n import QT_TR_NOOP, translate
from console.base.identifiers import validate_icp_region, validate_mlps_form, validate_psb
from console.filings.facts import UNWATCHED, FilingFacts, LatestProbe
from console.probes import CERT_PROBLEM
from console.probes.reachability import UNDETERMINED, UNREACHABLE, Reachability
from console.probes.reasons import shown_error
from console.schema import SiteState

FILING_DAYS = 30
DUE_SOON_DAYS = 30
CALENDAR_DAYS = 90
CERT_SOON_DAYS = 30
DEFAULT_LEVEL2_MONTHS = 24
ASSESSMENT_MONTHS = {3: 12, 4: 6, 5: 6}
FAILED_RESULT = "不符合"

ICP_REQUIRED = frozenset(
    {
        SiteState.ICP_FILED,
        SiteState.PSB_FILED,
        SiteState.CODED,
        SiteState.RUNNING,
        SiteState.CHANGING,
    }
)
PSB_REQUIRED = ICP_REQUIRED - {SiteState.ICP_FILED}
MLPS_REQUIRED = frozenset({SiteState.RUNNING, SiteState.CHANGING})


class Urgency(enum.IntEnum):
    """How soon someone must act; a site's status is its most urgent finding."""

    OK = 0
    UPCOMING = 1
    NOTE = 2
    DUE = 3
    PROBLEM = 4
    OVERDUE = 5


URGENCY_LABELS: Mapping[Urgency, str] = {
    Urgency.OK: QT_TR_NOOP("正常"),
    Urgency.UPCOMING: QT_TR_NOOP("近期到期"),
    Urgency.NOTE: QT_TR_NOOP("提示"),
    Urgency.DUE: QT_TR_NOOP("即将到期"),
    Urgency.PROBLEM: QT_TR_NOOP("问题"),
    Urgency.OVERDUE: QT_TR_NOOP("逾期"),
}

ICP_MISSING = QT_TR_NOOP("缺少ICP备案号：网站处于“{state}”阶段，应已完成ICP备案。")
PSB_MISSING = QT_TR_NOOP("缺少公安联网备案号：网站处于“{state}”阶段，应已完成公安备案。")
PSB_OVERDUE = QT_TR_NOOP(
    "公安联网备案逾期：网站 {opened} 开通，应在 {deadline} 前备案，已逾期 {days} 天。"
)
PSB_DUE = QT_TR_NOOP("公安联网备案应在 {deadline} 前完成（开通后 30 天内），还剩 {days} 天。")
PSB_LATE = QT_TR_NOOP("公安联网备案晚于期限：开通后第 {days} 天（{filed}）才备案。")
MLPS_UNGRADED = QT_TR_NOOP("未定级：运行中的网站应确定等级保护级别。")
MLPS_NO_GRADING_DATE = QT_TR_NOOP("等保 {level} 级但未记录定级日期，无法计算备案和测评期限。")
MLPS_OVERDUE = QT_TR_NOOP(
    "等保备案逾期：{level} 级系统 {graded} 定级，应在 {deadline} 前到公安机关备案，"
    "已逾期 {days} 天。"
)
MLPS_DUE = QT_TR_NOOP("等保备案应在 {deadline} 前完成（定级后 30 天内），还剩 {days} 天。")
MLPS_LATE = QT_TR_NOOP("等保备案晚于期限：定级后第 {days} 天（{filed}）才备案。")
MLPS_NO_FORM = QT_TR_NOOP("已记录等保备案日期，但缺少备案证明编号。")
ASSESSMENT_OVERDUE = QT_TR_NOOP(
    "测评逾期：{level} 级系统每 {months} 个月测评一次，上次 {last}，应于 {due} 前完成，"
    "已逾期 {days} 天。"
)
ASSESSMENT_NEVER_OVERDUE = QT_TR_NOOP(
    "从未测评：{level} 级系统 {graded} 定级，首次测评应于 {due} 前完成，已逾期 {days} 天。"
)
ASSESSMENT_DUE = QT_TR_NOOP("测评将于 {due} 到期（{level} 级，每 {months} 个月），还剩 {days} 天。")
ASSESSMENT_FAILED = QT_TR_NOOP("{assessed} 测评结论为“不符合”：须整改并复测。{notes}")
UNREACHABLE_NOW = QT_TR_NOOP(
    "站点无法访问：近 {days} 天 {failed}/{total} 次探测未能在 {timeout} 秒内打开首页"
    "（{share}%，达到 {limit}% 即判定无法访问）。"
)
CANNOT_JUDGE = QT_TR_NOOP(
    "可访问性暂无法判定：近 {days} 天共 {total} 次有效探测（{failed} 次失败），"
    "其中 {short} 天不足每天 {needed} 次。"
)
FOREIGN_REDIRECT = QT_TR_NOOP("首页重定向到未登记的域名 {host}（{when}）。")
CERT_INVALID = QT_TR_NOOP("HTTPS 证书无效：{problem}（{when} 探测）。")
CERT_EXPIRES = QT_TR_NOOP("HTTPS 证书将于 {date} 到期，还剩 {days} 天。")
NO_HTTPS = QT_TR_NOOP("首页未通过 HTTPS 提供。")
NO_REDIRECT = QT_TR_NOOP("HTTP 访问未重定向到 HTTPS。")
NO_IPV6 = QT_TR_NOOP("首页不能通过 IPv6 访问。")
FOOTER_MISSING = QT_TR_NOOP("首页页脚未显示登记的{what}。")
DOWN_NOW = QT_TR_NOOP("最近一次探测失败：{error}")
WHAT_CODE = QT_TR_NOOP("网站标识码")
WHAT_ICP = QT_TR_NOOP("ICP备案号")
WHAT_PSB = QT_TR_NOOP("公安备案号")


MLPS_REGION = QT_TR_NOOP(
    "等保备案证明编号 {value} 的公安机关代码 {bureau} 不在网站所在省份（区划 {region}）。"
)


def validate_mlps_region(number: str, region_code: str) -> None:
    """An 等保 form number: well-formed, and issued by a bureau in the site's province."""
    validate_mlps_form(number)
    if number[:2] != region_code[:2]:
        raise InvalidInput(MLPS_REGION, value=number, bureau=number[:6], region=region_code)


@dataclass(frozen=True)
class Policy:
    """The configurable parts of the rules (from the cluster settings)."""

    level2_months: int = DEFAULT_LEVEL2_MONTHS
    due_soon_days: int = DUE_SOON_DAYS
    calendar_days: int = CALENDAR_DAYS
    zone: ZoneInfo = field(default_factory=lambda: clock.zone_named(clock.DEFAULT_ZONE))


@dataclass(frozen=True)
class Finding:
    """One thing wrong or coming due, with its translatable reason and due date."""

    rule: str
    urgency: Urgency
    message: str
    params: Mapping[str, Any] = field(default_factory=dict)
    due: dt.date | None = None

    @property
    def reason(self) -> str:
        """The reason in the operator's language."""
        params = {k: translate("", v) if k == "what" else v for k, v in self.params.items()}
        return translate("", self.message).format(**params)


def assessment_months(level: int, policy: Policy) -> int | None:
    """How often a system of ``level`` is assessed; None when it need not be."""
    if level == 2:
        return policy.level2_months
    return ASSESSMENT_MONTHS.get(level)


def _format_problem(rule: str, check: Callable[..., None], *args: Any) -> list[Finding]:
    try:
        check(*args)
    except InvalidInput as error:
        return [Finding(rule, Urgency.PROBLEM, error.message, dict(error.params))]
    return []


def _deadline(
    rule: str,
    start: dt.date,
    done_on: dt.date | None,
    as_of: dt.date,
    messages: tuple[str, str, str],
    params: dict[str, Any],
    done: bool,
) -> list[Finding]:
    """A 30-day filing deadline from ``start``: overdue, due, or met late."""
    overdue, due_message, late = messages
    deadline = start + dt.timedelta(days=FILING_DAYS)
    if not done:
        if as_of > deadline:
            days = (as_of - deadline).days
            return [
                Finding(
                    rule,
                    Urgency.OVERDUE,
                    overdue,
                    {**params, "deadline": deadline, "days": days},
                    deadline,
                )
            ]
        days = (deadline - as_of).days
        return [
            Finding(rule, Urgency.DUE, due_message, {"deadline": deadline, "days": days}, deadline)
        ]
    if done_on is not None and done_on > deadline:
        return [
            Finding(
                f"{rule}_late",
                Urgency.NOTE,
                late,
                {"days": (done_on - start).days, "filed": done_on},
            )
        ]
    return []


def icp_findings(facts: FilingFacts) -> list[Finding]:
    """ICP备案号: present once the site is past the ICP step, and well-formed for its region."""
    if facts.icp_number:
        return _format_problem(
            "icp_format", validate_icp_region, facts.icp_number, facts.region_code
        )
    if facts.state in ICP_REQUIRED:
        return [Finding("icp_missing", Urgency.PROBLEM, ICP_MISSING, {"state": _state(facts)})]
    return []


def psb_findings(facts: FilingFacts, as_of: dt.date) -> list[Finding]:
    """公安联网备案: within 30 days of opening; its number consistent with the region."""
    found: list[Finding] = []
    if facts.psb_number:
        found += _format_problem("psb_format", validate_psb, facts.psb_number, facts.region_code)
    if facts.opened_on is not None and facts.state not in UNWATCHED:
        found += _deadline(
            "psb",
            facts.opened_on,
            facts.psb_date,
            as_of,
            (PSB_OVERDUE, PSB_DUE, PSB_LATE),
            {"opened": facts.opened_on},
            bool(facts.psb_number),
        )
    elif not facts.psb_number and facts.state in PSB_REQUIRED:
        found.append(Finding("psb_missing", Urgency.PROBLEM, PSB_MISSING, {"state": _state(facts)}))
    return found


def mlps_findings(facts: FilingFacts, as_of: dt.date) -> list[Finding]:
    """等级保护: graded; level ≥ 2 filed within 30 days of grading, with a valid form number."""
    level = facts.mlps_level
    if level is None:
        if facts.state in MLPS_REQUIRED:
            return [Finding("mlps_ungraded", Urgency.PROBLEM, MLPS_UNGRADED)]
        return []
    found: list[Finding] = []
    if facts.mlps_form_number:
        found += _format_problem(
            "mlps_format", validate_mlps_region, facts.mlps_form_number, facts.region_code
        )
    if level < 2:
        return found
    if facts.graded_on is None:
        return [
            *found,
            Finding("mlps_no_date", Urgency.PROBLEM, MLPS_NO_GRADING_DATE, {"level": level}),
        ]
    if facts.mlps_filed_on is not None and not facts.mlps_form_number:
        found.append(Finding("mlps_no_form", Urgency.PROBLEM, MLPS_NO_FORM))
    found += _deadline(
        "mlps",
        facts.graded_on,
        facts.mlps_filed_on,
        as_of,
        (MLPS_OVERDUE, MLPS_DUE, MLPS_LATE),
        {"level": level, "graded": facts.graded_on},
        facts.mlps_filed_on is not None,
    )
    return found


def assessment_findings(facts: FilingFacts, as_of: dt.date, policy: Policy) -> list[Finding]:
    """测评: level 3 yearly, level 4 half-yearly, level 2 per the policy; failed results."""
    level, graded = facts.mlps_level, facts.graded_on
    if level is None or graded is None:
        return []
    months = assessment_months(level, policy)
    found: list[Finding] = []
    if facts.assessed_on and facts.assessment_result == FAILED_RESULT:
        found.append(
            Finding(
                "assessment_failed",
                Urgency.PROBLEM,
                ASSESSMENT_FAILED,
                {"assessed": facts.assessed_on, "notes": facts.rectification_notes},
            )
        )
    if months is None:
        return found
    last = facts.assessed_on or graded
    due = add_months(last, months)
    params = {"level": level, "months": months, "due": due, "last": last, "graded": graded}
    if as_of > due:
        message = ASSESSMENT_OVERDUE if facts.assessed_on else ASSESSMENT_NEVER_OVERDUE
        found.append(
            Finding(
                "assessment", Urgency.OVERDUE, message, {**params, "days": (as_of - due).days}, due
            )
        )
        return found
    days = (due - as_of).days
    if days <= policy.calendar_days:
        urgency = Urgency.DUE if days <= policy.due_soon_days else Urgency.UPCOMING
        found.append(Finding("assessment", urgency, ASSESSMENT_DUE, {**params, "days": days}, due))
    return found


def reachability_findings(reach: Reachability | None) -> list[Finding]:
    """站点无法访问 over the rule's window; too few probes to judge is said, not judged."""
    if reach is None or (reach.verdict == UNDETERMINED and not reach.probes):
        return []
    params = {
        "days": reach.rule.days,
        "failed": reach.failures,
        "total": reach.probes,
        "share": reach.share,
        "limit": reach.rule.share_percent,
        "timeout": reach.rule.timeout_s,
        "short": reach.short_days,
        "needed": reach.rule.probes_per_day,
    }
    if reach.verdict == UNREACHABLE:
        return [Finding("unreachable", Urgency.PROBLEM, UNREACHABLE_NOW, params)]
    if reach.verdict == UNDETERMINED:
        return [Finding("unreachable_undetermined", Urgency.NOTE, CANNOT_JUDGE, params)]
    return []


def probe_findings(facts: FilingFacts, as_of: dt.date, zone: ZoneInfo) -> list[Finding]:
    """What the probes say: the reachability rule and the latest probe's findings."""
    found = reachability_findings(facts.reachability)
    latest = facts.latest
    if latest is None:
        return found
    when = clock.shown(latest.probed_at, zone)
    if latest.foreign_host:
        found.append(
            Finding(
                "foreign_host",
                Urgency.PROBLEM,
                FOREIGN_REDIRECT,
                {"host": latest.foreign_host, "when": when},
            )
        )
    elif not latest.ok:
        found.append(
            Finding("down", Urgency.PROBLEM, DOWN_NOW, {"error": shown_error(latest.error)})
        )
    if latest.cert_valid is False:
        found.append(
            Finding(
                "cert_invalid",
                Urgency.PROBLEM,
                CERT_INVALID,
                {"problem": _cert_problem(latest, as_of, zone), "when": when},
            )
        )
    elif latest.cert_not_after is not None:
        expiry = clock.local_date(latest.cert_not_after, zone)
        days = (expiry - as_of).days
        if days <= CERT_SOON_DAYS:
            found.append(
                Finding(
                    "cert_expires",
                    Urgency.DUE,
                    CERT_EXPIRES,
                    {"date": expiry, "days": days},
                    expiry,
                )
            )
    if latest.ok:
        if latest.https is False:
            found.append(Finding("no_https", Urgency.NOTE, NO_HTTPS))
        elif latest.redirects_to_https is False:
            found.append(Finding("no_redirect", Urgency.NOTE, NO_REDIRECT))
        for shown, what in (
            (latest.footer_site_code, WHAT_CODE),
            (latest.footer_icp, WHAT_ICP),
            (latest.footer_psb, WHAT_PSB),
        ):
            if shown is False:
                found.append(Finding("footer", Urgency.PROBLEM, FOOTER_MISSING, {"what": what}))
    if latest.ipv6 is False:
        found.append(Finding("no_ipv6", Urgency.NOTE, NO_IPV6))
    return found


CERT_EXPIRED = QT_TR_NOOP("已于 {date} 过期")
CERT_UNTRUSTED = QT_TR_NOOP("证书链不受信任或与域名不符")


def _cert_problem(latest: LatestProbe, as_of: dt.date, zone: ZoneInfo) -> str:
    expiry = clock.local_date(latest.cert_not_after, zone) if latest.cert_not_after else None
    if expiry is not None and expiry < as_of:
        return translate("", CERT_EXPIRED).format(date=expiry)
    if latest.error and latest.error.startswith(CERT_PROBLEM):
        # What the verifying handshake said, e.g. a host name the certificate does not cover.
        return f"{translate('', CERT_UNTRUSTED)}（{latest.error.removeprefix(CERT_PROBLEM)}）"
    return translate("", CERT_UNTRUSTED)


def _state(facts: FilingFacts) -> str:
    from console.base.labels import SITE_STATES

    return translate("", SITE_STATES.get(facts.state, facts.state))


def evaluate(facts: FilingFacts, as_of: dt.date, policy: Policy = Policy()) -> list[Finding]:
    """Every finding for one site, most urgent first, then by due date."""
    if facts.state in UNWATCHED:
        return []
    found = [
        *icp_findings(facts),
        *psb_findings(facts, as_of),
        *mlps_findings(facts, as_of),
        *assessment_findings(facts, as_of, policy),
        *probe_findings(facts, as_of, policy.zone),
    ]
    return sorted(found, key=lambda f: (-f.urgency, f.due or dt.date.max))


def urgency_of(findings: Iterable[Finding]) -> Urgency:
    """A site's status: its most urgent finding (OK when there is none)."""
    return max((f.urgency for f in findings), default=Urgency.OK)
