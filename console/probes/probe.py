"""One probe of one site: the home page over HTTP → HTTPS, its certificate, IPv6, footer."""

from __future__ import annotations

import datetime as dt
import re
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests

from console.base import clock
from console.probes import CERT_PROBLEM
from console.probes.certificates import Certificate, read_certificate, verifying_context
from console.probes.dialing import Dialer
from console.probes.page import Footer, arriving, capped, decode, footer
from console.probes.reasons import FOREIGN, PAGE_TOO_SLOW, TOO_MANY_REDIRECTS
from console.probes.transport import DialingAdapter

DEFAULT_TIMEOUT = 15.0
MAX_REDIRECTS = 5
USER_AGENT = "ClusterConsole-Probe/1.0"
ERROR_LIMIT = 1000
TEXT_LIMIT = 1000  # the length of url, final_url and error in probe_results


@dataclass(frozen=True)
class ProbeTarget:
    """A site to probe: its main domain (IDNA) and what the register says it must show."""

    site_id: int
    site_code: str
    domain: str
    icp_number: str | None = None
    psb_number: str | None = None


@dataclass(frozen=True)
class ProbeOptions:
    """How to probe: timeout per request, trusted roots, known hosts, address mapping."""

    timeout: float = DEFAULT_TIMEOUT
    ca_bundle: str | None = None
    registered_hosts: frozenset[str] = frozenset()
    dialer: Dialer = field(default_factory=Dialer)


@dataclass
class ProbeOutcome:
    """What a probe found; the fields of a ``probe_results`` row."""

    site_id: int
    site_code: str
    url: str
    probed_at: dt.datetime
    ok: bool = False
    status: int | None = None
    latency_ms: int | None = None
    https: bool | None = None
    redirects_to_https: bool | None = None
    final_url: str | None = None
    cert_not_after: dt.datetime | None = None
    cert_valid: bool | None = None
    cert_subject: str | None = None
    cert_issuer: str | None = None
    ipv6: bool | None = None
    footer_site_code: bool | None = None
    footer_icp: bool | None = None
    footer_psb: bool | None = None
    foreign_host: str | None = None
    error: str | None = None
    timeout_ms: int | None = None

    def row(self) -> dict[str, Any]:
        """The outcome as a ``probe_results`` row (without id)."""
        values = dict(self.__dict__)
        values.pop("site_code")
        for name in ("url", "final_url", "error"):
            if values[name]:
                values[name] = values[name][:TEXT_LIMIT]
        return values

    def report(self, zone: dt.tzinfo) -> dict[str, Any]:
        """The outcome as the CLI prints it (``cluster-console probe --json``), times in
        ``zone`` (ISO 8601 with the offset)."""
        return {
            "site_code": self.site_code,
            "url": self.url,
            "probed_at": clock.iso(self.probed_at, zone),
            "ok": self.ok,
            "status": self.status,
            "latency_ms": self.latency_ms,
            "https": self.https,
            "cert_not_after": clock.iso(self.cert_not_after, zone),
            "cert_valid": self.cert_valid,
            "ipv6": self.ipv6,
            "footer": {
                "site_code": self.footer_site_code,
                "icp": self.footer_icp,
                "psb": self.footer_psb,
            },
            "error": self.error,
        }


_POOL_REPR = re.compile(r"^\w+\(host='[^']*', port=\d+\): ")


def _describe(error: BaseException) -> str:
    """A one-line reason for a failed request, without urllib3's object reprs."""
    if isinstance(error, requests.Timeout):
        detail = PAGE_TOO_SLOW if PAGE_TOO_SLOW in str(error) else error.__class__.__name__
        return f"timeout: {detail}"
    # requests wraps urllib3's MaxRetryError, whose ``reason`` is what actually went wrong.
    reason = getattr(error.args[0], "reason", None) if error.args else None
    cause = reason if isinstance(reason, BaseException) else error
    text = str(cause).splitlines()[0] if str(cause) else cause.__class__.__name__
    return f"{error.__class__.__name__}: {_POOL_REPR.sub('', text)}"[:ERROR_LIMIT]


def _registered(host: str | None, options: ProbeOptions, target: ProbeTarget) -> bool:
    if host is None:
        return False
    host = host.lower().rstrip(".")
    return host == target.domain or host in options.registered_hosts


class _PageWalk:
    """Follows the home page's redirects by hand, stopping at a host the register lacks."""

    def __init__(self, target: ProbeTarget, options: ProbeOptions) -> None:
        self.target = target
        self.options = options
        self.session = requests.Session()
        self.session.trust_env = False  # a desktop's proxy settings must not reroute probes
        self.session.headers["User-Agent"] = USER_AGENT
        adapter = DialingAdapter(options.dialer, verifying_context(options.ca_bundle))
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)

    def walk(self, outcome: ProbeOutcome, verify_tls: bool) -> str | None:
        """Fetch from ``outcome.url``; fills status, redirects, latency; returns the page."""
        verify: bool | str = (self.options.ca_bundle or True) if verify_tls else False
        url = outcome.url
        started = time.perf_counter()
        # The whole walk, redirects and body included, must finish within the timeout.
        deadline = started + self.options.timeout
        try:
            for hop in range(MAX_REDIRECTS + 1):
                left = deadline - time.perf_counter()
                if left <= 0:
                    raise requests.Timeout(PAGE_TOO_SLOW)
                response = self.session.get(
                    url, allow_redirects=False, stream=True, timeout=left, verify=verify
                )
                with response:
                    outcome.status = response.status_code
                    if not response.is_redirect:
                        if hop == 0 and url.startswith("http://"):
                            outcome.redirects_to_https = False
                        try:
                            body = capped(arriving(response), deadline=deadline)
                        except TimeoutError as error:
                            raise requests.Timeout(PAGE_TOO_SLOW) from error
                        outcome.latency_ms = round((time.perf_counter() - started) * 1000)
                        outcome.final_url = url
                        outcome.https = url.startswith("https://")
                        return decode(
                            body,
                            response.encoding
                            if "charset" in (response.headers.get("content-type", "").lower())
                            else None,
                        )
                    location = urljoin(url, response.headers["location"])
                if hop == 0 and url.startswith("http://"):
                    outcome.redirects_to_https = location.startswith("https://") and (
                        urlsplit(location).hostname == urlsplit(url).hostname
                    )
                host = urlsplit(location).hostname
                if not _registered(host, self.options, self.target):
                    outcome.foreign_host = (host or location)[:253]
                    outcome.final_url = location[:1000]
                    outcome.error = f"{FOREIGN}{host}"
                    return None
                url = location
            outcome.error = f"{TOO_MANY_REDIRECTS}{MAX_REDIRECTS} redirects"
        finally:
            self.session.close()
        return None


def probe_site(target: ProbeTarget, options: ProbeOptions) -> ProbeOutcome:
    """Probe ``target``: never raises for what the network does; the outcome says it."""
    outcome = ProbeOutcome(
        target.site_id, target.site_code, f"http://{target.domain}/", clock.utcnow()
    )
    timeout = options.timeout
    outcome.timeout_ms = round(timeout * 1000)
    certificate: Certificate | None = None
    cert_error: str | None = None
    try:
        certificate = read_certificate(
            options.dialer, target.domain, 443, timeout, options.ca_bundle
        )
    except OSError as error:
        cert_error = _describe(error)
    else:
        outcome.cert_valid = certificate.valid
        outcome.cert_subject = certificate.subject
        outcome.cert_issuer = certificate.issuer
        outcome.cert_not_after = certificate.not_after
    verify_tls = certificate is not None and certificate.valid
    page: str | None = None
    try:
        page = _PageWalk(target, options).walk(outcome, verify_tls)
    except requests.ConnectionError as error:
        if certificate is None:
            outcome.error = _describe(error)
        else:
            # Port 80 closed but HTTPS answers: probe the HTTPS home page directly.
            outcome.redirects_to_https = False
            outcome.url = f"https://{target.domain}/"
            try:
                page = _PageWalk(target, options).walk(outcome, verify_tls)
            except requests.RequestException as again:
                outcome.error = _describe(again)
    except requests.RequestException as error:
        outcome.error = _describe(error)
    if outcome.error is None and cert_error and outcome.https:
        outcome.error = cert_error
    if outcome.error is None and certificate is not None and not certificate.valid:
        # The site answers, but the operator should see why its certificate fails.
        outcome.error = f"{CERT_PROBLEM}{certificate.problem}"[:ERROR_LIMIT]
    if page is not None:
        shown: Footer = footer(page, target.site_code, target.icp_number, target.psb_number)
        outcome.footer_site_code, outcome.footer_icp, outcome.footer_psb = (
            shown.site_code,
            shown.icp,
            shown.psb,
        )
    outcome.ok = (
        page is not None
        and outcome.status is not None
        and 200 <= outcome.status < 300
        and outcome.foreign_host is None
    )
    outcome.ipv6 = options.dialer.ipv6(target.domain, 443 if certificate else 80, timeout)
    return outcome
