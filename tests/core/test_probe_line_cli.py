"""``probe``'s line per site: what was not checked shows "-", never "N"."""

from __future__ import annotations

import datetime as dt

from console.commands.probe import _line
from console.probes.dialing import Dialer
from console.probes.probe import ProbeOutcome


def test_ipv6_not_checked_is_a_dash_and_checked_absent_is_n() -> None:
    confined = Dialer({}, loopback_only=True)
    unchecked = ProbeOutcome(1, "3312000001", "http://www.yunxi.gov.cn/", dt.datetime(2026, 12, 1))
    unchecked.ipv6 = confined.ipv6("www.yunxi.gov.cn", 443, 1.0)
    assert unchecked.ipv6 is None
    assert "IPv6 - " in _line(unchecked)
    checked = ProbeOutcome(1, "3312000001", "http://www.yunxi.gov.cn/", dt.datetime(2026, 12, 1))
    checked.ipv6 = False
    assert "IPv6 N " in _line(checked)
