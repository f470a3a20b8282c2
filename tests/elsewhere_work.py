"""Work for the worker-process tests (``ui.elsewhere``), importable by the spawned worker."""

from __future__ import annotations

from console.base.errors import InvalidInput
from console.base.worker import Channel


def count_until_stopped(url: str, n: int, channel: Channel) -> str:
    """Send 0 … n-1, then wait to be stopped; how it ended."""
    for number in range(n):
        channel.send(number)
    return "stopped" if channel.stop.wait(60) else "not stopped"


def refuse(url: str, code: str) -> None:
    """Refuse, as a service refuses bad input."""
    raise InvalidInput("没有网站标识码为 {code} 的网站。", code=code)
