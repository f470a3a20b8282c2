"""Probes against real local servers: HTTPS, certificates, redirects, IPv6, footers, timeouts."""

from __future__ import annotations

import datetime as dt
import ssl
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from console.base.errors import InvalidInput
from console.probes.certificates import verifying_context
from console.probes.dialing import Dialer, parse_connect_to
from console.probes.page import capped, footer
from console.probes.probe import ProbeOptions, ProbeOutcome, ProbeTarget, probe_site
from console.probes.reasons import shown_error
from console.probes.sweep import sweep
from tests.probe_sites import ICP, PSB, LocalSites, local_sites
from tests.probe_sites import loopback_only as loopback_only  # autouse: loopback only


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalSites]:
    with local_sites(tmp_path_factory.mktemp("sites")) as running:
        yield running


def options(sites: LocalSites, timeout: float = 5.0) -> ProbeOptions:
    return ProbeOptions(
        timeout=timeout,
        ca_bundle=str(sites.ca),
        registered_hosts=frozenset(f"{n}.test.gov.cn" for n in ("ok", "hop")),
        dialer=Dialer(parse_connect_to(sites.connect_to)),
    )


def probe(sites: LocalSites, name: str, timeout: float = 5.0) -> ProbeOutcome:
    target = ProbeTarget(1, "3312000001", f"{name}.test.gov.cn", ICP, PSB)
    return probe_site(target, options(sites, timeout))


def test_a_healthy_site_redirects_to_https_with_a_valid_certificate_and_its_footer(
    sites: LocalSites,
) -> None:
    result = probe(sites, "ok")
    assert result.ok and result.error is None
    assert result.status == 200 and result.latency_ms is not None
    assert result.redirects_to_https and result.https
    assert result.final_url == "https://ok.test.gov.cn/"
    assert result.cert_valid is True
    assert result.cert_subject and "ok.test.gov.cn" in result.cert_subject
    assert result.cert_issuer and "云溪测试根证书" in result.cert_issuer
    assert result.cert_not_after is not None and result.cert_not_after > dt.datetime.now()
    assert (result.footer_site_code, result.footer_icp, result.footer_psb) == (True, True, True)
    assert result.ipv6 is False


def test_an_expired_certificate_is_read_and_reported_invalid(sites: LocalSites) -> None:
    result = probe(sites, "expired")
    assert result.cert_valid is False
    assert result.cert_not_after is not None and result.cert_not_after < dt.datetime.now()
    assert result.cert_subject and "expired.test.gov.cn" in result.cert_subject
    # The page is still read, so its footer is still checked.
    assert result.status == 200 and result.footer_icp is True


def test_a_certificate_for_another_name_does_not_validate(sites: LocalSites) -> None:
    result = probe(sites, "wrong")
    assert result.cert_valid is False and result.ok  # the site answers; its certificate fails
    assert result.cert_subject and "other.example.org" in result.cert_subject
    assert result.error and result.error.startswith("certificate: ")
    assert "wrong.test.gov.cn" in result.error  # the verifier names the host it expected


def test_a_self_signed_certificate_is_read_and_does_not_validate(sites: LocalSites) -> None:
    result = probe(sites, "self")
    assert result.cert_valid is False and result.ok and result.footer_psb is True
    assert result.cert_subject == result.cert_issuer
    assert result.cert_subject and "self.test.gov.cn" in result.cert_subject
    assert result.error and "self-signed" in result.error


def test_a_plain_http_site_without_footer(sites: LocalSites) -> None:
    result = probe(sites, "plain")
    assert result.ok and result.status == 200
    assert result.https is False and result.redirects_to_https is False
    assert result.cert_valid is None and result.cert_not_after is None
    assert (result.footer_site_code, result.footer_icp, result.footer_psb) == (False,) * 3


def test_a_gb18030_page_shows_its_identifiers(sites: LocalSites) -> None:
    result = probe(sites, "gbk")
    assert (result.footer_site_code, result.footer_icp, result.footer_psb) == (True,) * 3


def test_a_slow_site_times_out(sites: LocalSites) -> None:
    result = probe(sites, "slow", timeout=0.5)
    assert not result.ok and result.error and "timeout" in result.error


def test_a_page_that_trickles_in_times_out_as_a_whole(sites: LocalSites) -> None:
    # Each byte comes well within the timeout; the page as a whole does not.
    result = probe(sites, "drip", timeout=1.0)
    assert (
        not result.ok and result.error == "timeout: the home page did not arrive within the timeout"
    )
    assert result.footer_icp is None


def test_a_dead_site_is_not_ok_and_says_why(sites: LocalSites) -> None:
    result = probe(sites, "dead", timeout=2.0)
    assert not result.ok and result.status is None
    assert result.error and result.error.startswith("ConnectionError: failed to connect: ")
    assert "refused" in result.error and "host=" not in result.error


def test_a_redirect_to_a_foreign_host_is_a_finding_and_not_followed(sites: LocalSites) -> None:
    before = len([hit for hit in sites.server.hits if hit[1] == "evil.example.com"])
    result = probe(sites, "foreign")
    assert not result.ok
    assert result.foreign_host == "evil.example.com"
    assert result.status == 302
    assert len([hit for hit in sites.server.hits if hit[1] == "evil.example.com"]) == before


def test_a_redirect_to_another_registered_host_is_followed(sites: LocalSites) -> None:
    result = probe(sites, "hop")
    assert result.ok and result.foreign_host is None
    assert result.final_url == "https://ok.test.gov.cn/"


def test_ipv6_through_a_mapping_to_an_ipv6_address(sites: LocalSites) -> None:
    result = probe(sites, "v6")
    assert result.ipv6 is True and result.cert_valid is True and result.ok


def test_the_footer_must_equal_the_register() -> None:
    page = "<p>网站标识码 3312000001 浙ICP备2019012345号 浙公网安备 33120202000001号</p>"
    shown = footer(page, "3312000002", "浙ICP备2019012345号", "浙公网安备33120202000009号")
    assert (shown.site_code, shown.icp, shown.psb) == (False, True, False)
    assert footer(page, "3312000001", None, None).icp is None


def test_bodies_are_capped() -> None:
    assert len(capped(iter([b"x" * 1000] * 10), limit=2500)) == 2500


def test_a_probe_reads_no_more_than_the_cap_of_a_large_page(sites: LocalSites) -> None:
    result = probe(sites, "big")
    assert result.ok and result.status == 200
    assert (result.footer_site_code, result.footer_icp, result.footer_psb) == (False,) * 3


def test_connect_to_parses_like_curl() -> None:
    mapping = parse_connect_to(["WWW.a.gov.cn:443:127.0.0.1:8443", "b.gov.cn:80:[::1]:8080"])
    assert mapping == {("www.a.gov.cn", 443): ("127.0.0.1", 8443), ("b.gov.cn", 80): ("::1", 8080)}
    for bad in ("a.gov.cn:443:127.0.0.1", "a.gov.cn:x:1.2.3.4:1", "a:1:[::1:2"):
        with pytest.raises(InvalidInput):
            parse_connect_to([bad])


def test_a_sweep_streams_every_outcome_and_can_be_stopped(sites: LocalSites) -> None:
    targets = [
        ProbeTarget(i, "3312000001", f"{name}.test.gov.cn", ICP, PSB)
        for i, name in enumerate(("ok", "plain", "gbk", "dead", "foreign"))
    ]
    streamed: list[int] = []
    results = sweep(
        targets, options(sites, 2.0), workers=3, on_outcome=lambda o: streamed.append(o.site_id)
    )
    assert sorted(streamed) == [0, 1, 2, 3, 4] == sorted(r.site_id for r in results)

    stop = threading.Event()
    many = [ProbeTarget(i, "3312000001", "ok.test.gov.cn") for i in range(200)]
    got = sweep(many, options(sites), workers=2, on_outcome=lambda _o: stop.set(), stop=stop)
    assert 1 <= len(got) <= 2


def test_certificate_paths_exist(sites: LocalSites) -> None:
    assert Path(sites.ca).is_file()


def test_nothing_leaves_the_machine(sites: LocalSites, loopback_only: list[str]) -> None:
    # A host nobody mapped: a confined dialer neither looks it up nor dials it.
    confined = Dialer(parse_connect_to(sites.connect_to), loopback_only=True)
    target = ProbeTarget(1, "3312000001", "unmapped.test.gov.cn", ICP, PSB)
    result = probe_site(target, ProbeOptions(timeout=2.0, dialer=confined))
    assert not result.ok and result.ipv6 is None  # not checked: shown "-", not "N"
    assert result.error and "loopback" in result.error
    assert loopback_only == []
    # The test's own guard catches what an unconfined dialer would do.
    assert probe_site(target, options(sites, 2.0)).error
    assert loopback_only and all("unmapped.test.gov.cn" in a for a in loopback_only)
    loopback_only.clear()


@pytest.mark.parametrize(
    ("error", "shown"),
    [
        (None, ""),
        (
            "timeout: the home page did not arrive within the timeout",
            "首页未能在超时时间内完整返回",
        ),
        ("timeout: ReadTimeout", "请求超时"),
        ("ConnectionError: failed to connect: [Errno 111] Connection refused", "连接被拒绝"),
        (
            "ConnectionError: failed to connect: [Errno -2] Name or service not known",
            "域名无法解析",
        ),
        (
            "ConnectionError: failed to connect: a:443 is not mapped to a loopback address",
            "演示站群",
        ),
        ("redirect to unregistered host evil.example.com", "重定向到未登记的主机 evil.example.com"),
        ("more than 5 redirects", "重定向次数过多"),
        ("certificate: certificate has expired", "证书无效"),
    ],
)
def test_errors_are_shown_by_kind_with_their_detail(error: str | None, shown: str) -> None:
    text = shown_error(error)
    assert text.startswith(shown)
    if error and not error.startswith("redirect"):
        assert error in text  # the technical detail stays


def test_every_error_a_probe_stores_has_a_kind(sites: LocalSites) -> None:
    for name, timeout in (("dead", 2.0), ("slow", 0.5), ("drip", 1.0), ("foreign", 2.0)):
        error = probe(sites, name, timeout).error
        assert error and shown_error(error) != error, name


def test_the_trusted_roots_are_loaded_once_per_bundle(sites: LocalSites) -> None:
    assert verifying_context(str(sites.ca)) is verifying_context(str(sites.ca))
    assert verifying_context(None) is not verifying_context(str(sites.ca))
    assert verifying_context(None).cert_store_stats()["x509_ca"] > 10


def test_probes_do_not_load_the_trusted_roots_again(
    sites: LocalSites, monkeypatch: pytest.MonkeyPatch
) -> None:
    probe(sites, "ok")  # the shared context is made here
    loads: list[object] = []
    real = ssl.SSLContext.load_verify_locations

    def counting(self: ssl.SSLContext, *args: object, **kwargs: object) -> None:
        loads.append(args)
        real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ssl.SSLContext, "load_verify_locations", counting)
    results = [probe(sites, "ok") for _ in range(3)]
    assert all(r.ok and r.cert_valid for r in results)
    assert loads == []
