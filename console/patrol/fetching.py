"""One polite, bounded request: through the dialer, the host's gate, a deadline and a size cap.

``requests`` on threads with the probes' ``DialingAdapter``, so a patrol dials exactly as a
probe does (``--connect-to`` mappings; a demo cluster's dialer reaches loopback only).
Redirects are followed by hand, each hop through its host's gate, at most ``MAX_REDIRECTS``;
a hop from the site to a host outside its registered domains is not followed but reported.
The timeout covers the whole response, body included (a server that trickles bytes is cut
off), and at most ``body_limit`` bytes are read (a 10 GB response costs 2 MB). With
validators from an earlier patrol the request is conditional: an unchanged page answers
``304 Not Modified`` without a body. Nothing here raises for what the network does.
"""

from __future__ import annotations

import time
from collections.abc import Collection
from dataclasses import dataclass, field
from urllib.parse import quote, urljoin

import requests
import urllib3.exceptions

from console.patrol.gates import Gates, Stopped
from console.patrol.markup import host_of
from console.probes.certificates import verifying_context
from console.probes.dialing import Dialer
from console.probes.page import BODY_LIMIT, arriving, capped
from console.probes.reasons import OFF_LIMITS
from console.probes.transport import DialingAdapter

DEFAULT_TIMEOUT = 15.0
MAX_REDIRECTS = 5
PRODUCT = "ClusterConsole-Patrol/1.0"

# What went wrong with a request, as ``--json`` prints it (the GUI shows each in Chinese).
UNREACHABLE = "unreachable"
OFF_LIMITS_HOST = "off_limits"
TIMEOUT = "timeout"
TOO_MANY_REDIRECTS = "too_many_redirects"
FOREIGN_REDIRECT = "foreign_redirect"
STOPPED = "stopped"
SITE_DOWN = "site_down"
DETAIL_LIMIT = 300


def user_agent(cluster: str) -> str:
    """The User-Agent naming the console and the cluster (non-ASCII percent-encoded)."""
    return f"{PRODUCT} (+cluster={quote(cluster, safe='')})" if cluster else PRODUCT


@dataclass(frozen=True)
class Validators:
    """What an earlier response said to ask with next time, to hear ``304`` if unchanged."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass
class Fetched:
    """What one request (with its redirects) came back with."""

    url: str
    final_url: str
    status: int | None = None
    elapsed_ms: int = 0
    body: bytes = b""
    charset: str | None = None
    validators: Validators = field(default_factory=Validators)
    redirected_to: str | None = None  # where a redirect pointed, the last hop's target
    truncated: bool = False
    error: str | None = None
    detail: str | None = None
    requests: int = 0

    @property
    def ok(self) -> bool:
        """Whether a page (2xx) or a confirmation that it is unchanged (304) came back."""
        return (
            self.error is None
            and self.status is not None
            and (200 <= self.status < 300 or self.status == 304)
        )

    @property
    def not_modified(self) -> bool:
        """Whether the server said the page is unchanged since the validators were given."""
        return self.error is None and self.status == 304


@dataclass(frozen=True)
class FetchOptions:
    """How a patrol asks: timeout per page, size cap, trusted roots, dialer, User-Agent."""

    timeout: float = DEFAULT_TIMEOUT
    body_limit: int = BODY_LIMIT
    ca_bundle: str | None = None
    dialer: Dialer = field(default_factory=Dialer)
    user_agent: str = PRODUCT


def _kind(error: Exception) -> tuple[str, str]:
    """The kind of a failed request and a one-line detail."""
    if isinstance(error, requests.Timeout | urllib3.exceptions.TimeoutError | TimeoutError):
        return TIMEOUT, "the response did not arrive within the timeout"
    text = str(error)
    kind = OFF_LIMITS_HOST if OFF_LIMITS in text else UNREACHABLE
    return kind, text.splitlines()[0][:DETAIL_LIMIT] if text else error.__class__.__name__


class Fetcher:
    """Requests of one site's patrol: one ``requests`` session, the patrol's shared gates."""

    def __init__(self, options: FetchOptions, gates: Gates) -> None:
        self.options = options
        self.gates = gates
        self.session = requests.Session()
        self.session.trust_env = False  # a desktop's proxy settings must not reroute patrols
        self.session.headers["User-Agent"] = options.user_agent
        adapter = DialingAdapter(
            options.dialer, verifying_context(options.ca_bundle), pool_maxsize=gates.connections
        )
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)

    def close(self) -> None:
        """Close the session's connections."""
        self.session.close()

    def fetch(
        self,
        url: str,
        validators: Validators | None = None,
        stay_within: Collection[str] = (),
        read_body: bool = True,
    ) -> Fetched:
        """GET ``url`` (conditionally with ``validators``); never raises for the network.

        From a host of ``stay_within`` a redirect to a host outside it is not followed
        (``error`` is ``FOREIGN_REDIRECT``, ``redirected_to`` says where it pointed).
        """
        fetched = Fetched(url, url)
        started = time.perf_counter()
        deadline = started + self.options.timeout
        try:
            self._walk(fetched, validators, stay_within, read_body, deadline)
        except Stopped:
            fetched.error, fetched.detail = STOPPED, None
        except (requests.RequestException, urllib3.exceptions.HTTPError, OSError) as error:
            fetched.error, fetched.detail = _kind(error)
        fetched.elapsed_ms = round((time.perf_counter() - started) * 1000)
        return fetched

    def _walk(
        self,
        fetched: Fetched,
        validators: Validators | None,
        stay_within: Collection[str],
        read_body: bool,
        deadline: float,
    ) -> None:
        url = fetched.url
        for _hop in range(MAX_REDIRECTS + 1):
            # The host's connection is held until the body is read, not only the headers.
            with self.gates.turn(host_of(url)):
                response = self._get(url, validators if url == fetched.url else None, deadline)
                fetched.requests += 1
                with response:
                    fetched.status, fetched.final_url = response.status_code, url
                    if not response.is_redirect:
                        self._read(fetched, response, read_body, deadline)
                        return
                    location = urljoin(url, response.headers["location"])
            fetched.redirected_to = location
            host = host_of(url)
            if host in stay_within and host_of(location) not in stay_within:
                fetched.error, fetched.detail = FOREIGN_REDIRECT, location[:DETAIL_LIMIT]
                return
            url = location
        fetched.error = TOO_MANY_REDIRECTS
        fetched.detail = f"more than {MAX_REDIRECTS} redirects"

    def _get(self, url: str, validators: Validators | None, deadline: float) -> requests.Response:
        headers = {}
        if validators is not None and validators.etag:
            headers["If-None-Match"] = validators.etag
        if validators is not None and validators.last_modified:
            headers["If-Modified-Since"] = validators.last_modified
        left = deadline - time.perf_counter()
        if left <= 0:
            raise requests.Timeout
        verify: bool | str = self.options.ca_bundle or True
        return self.session.get(
            url, headers=headers, allow_redirects=False, stream=True, timeout=left, verify=verify
        )

    def _read(
        self, fetched: Fetched, response: requests.Response, read_body: bool, deadline: float
    ) -> None:
        fetched.validators = Validators(
            response.headers.get("etag"), response.headers.get("last-modified")
        )
        content_type = response.headers.get("content-type", "").lower()
        fetched.charset = response.encoding if "charset" in content_type else None
        if not read_body or response.status_code == 304:
            return
        limit = self.options.body_limit
        try:
            # One byte past the cap tells a page that is exactly the cap from a longer one.
            body = capped(arriving(response), limit + 1, deadline)
        except TimeoutError as error:
            raise requests.Timeout from error
        fetched.truncated = len(body) > limit
        fetched.body = body[:limit]
