"""Cluster settings: one registry of typed settings shared by every console of the cluster.

A setting is declared once, where it is used, with its key, type and limits, default, the
duty that may change it, and a translatable label and help — one line per setting::

    INTERVAL = integer_setting("patrol.interval_min", 60, 5, 1440, Duty.SYSTEM_ADMIN,
                               QT_TR_NOOP("巡检间隔（分钟）"), QT_TR_NOOP("两次巡检之间的分钟数。"))

Declare them in ``console/<area>/settings.py``: that module is found and imported when every
setting is listed (``cluster_service.all_settings``). Read them with ``settings_of(session)``
(one query, kept for the rest of that session, i.e. the service call) and index the result
with the setting: ``settings_of(session)[INTERVAL]`` is an ``int``. Change them only through
``cluster_service.change_settings`` (duty → validate → write → journal, one transaction).
Stored values are text in ``cluster_settings``; a stored value the declaration no longer
accepts reads as the default.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Generic, TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.base import clock
from console.base.errors import InvalidInput
from console.base.i18n import QT_TR_NOOP, translate
from console.db import SessionFactory
from console.db.rounds import Reading, one, run
from console.schema import ClusterSetting, Duty

T = TypeVar("T")

DEMO_KEY = "demo"
KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")
KEY_LIMIT = 64
VALUE_LIMIT = 1000
_CACHE = "cluster_settings"

NOT_INTEGER = QT_TR_NOOP("“{label}”应为整数，而不是“{value}”。")
NOT_NUMBER = QT_TR_NOOP("“{label}”应为数字，而不是“{value}”。")
OUT_OF_RANGE = QT_TR_NOOP("“{label}”应在 {low} 至 {high} 之间，而不是 {value}。")
NOT_A_CHOICE = QT_TR_NOOP("“{value}”不是“{label}”可选的值。")
UNKNOWN_ZONE = QT_TR_NOOP(
    "“{value}”不是已知的时区名称：请用 IANA 名称，例如 Asia/Shanghai（北京时间）。"
)
TOO_LONG = QT_TR_NOOP("“{label}”最长 {limit} 个字符，现有 {length} 个。")


@dataclass(frozen=True, eq=False)
class Setting(Generic[T]):
    """One cluster setting: its key, type, limits and default, and who may change it.

    ``parse`` turns typed text into the value or raises ``InvalidInput`` saying why; ``text``
    is the value's stored (and shown) form. ``kind`` tells an editor which control fits:
    ``integer`` (``low``…``high``), ``decimal`` (``low``…``high``), ``choice`` (``choices``)
    or ``text``.
    """

    key: str
    default: T
    owner: Duty
    label: str
    help: str
    kind: str
    parse: Callable[[str], T]
    text: Callable[[T], str] = str
    low: Decimal | None = None
    high: Decimal | None = None
    choices: Callable[[], Iterable[str]] | None = None

    def read(self, typed: str) -> T:
        """The value of ``typed`` (full-width digits and surrounding spaces allowed)."""
        return self.parse(unicodedata.normalize("NFKC", typed).strip())

    @property
    def title(self) -> str:
        """The label in the operator's language."""
        return translate("", self.label)


_registry: dict[str, Setting[Any]] = {}


def register(setting: Setting[T]) -> Setting[T]:
    """Add ``setting`` to the registry (once per key; a second declaration is a bug)."""
    if not KEY_PATTERN.match(setting.key) or len(setting.key) > KEY_LIMIT:
        raise ValueError(f"bad setting key {setting.key!r}")
    if setting.key in _registry:
        raise ValueError(f"setting {setting.key!r} declared twice")
    _registry[setting.key] = setting
    return setting


def registered() -> dict[str, Setting[Any]]:
    """The settings declared so far, by key (``cluster_service.all_settings`` finds them all)."""
    return dict(_registry)


def _ranged(value: Decimal, label: str, low: Decimal, high: Decimal) -> None:
    if not low <= value <= high:
        raise InvalidInput(
            OUT_OF_RANGE, label=translate("", label), low=low, high=high, value=value
        )


def integer_setting(
    key: str, default: int, low: int, high: int, owner: Duty, label: str, help: str = ""
) -> Setting[int]:
    """Declare a whole-number setting between ``low`` and ``high``."""

    def parse(text: str) -> int:
        if not re.fullmatch(r"[+-]?\d+", text):
            raise InvalidInput(NOT_INTEGER, label=translate("", label), value=text)
        value = int(text)
        _ranged(Decimal(value), label, Decimal(low), Decimal(high))
        return value

    return register(
        Setting(
            key, default, owner, label, help, "integer", parse, str, Decimal(low), Decimal(high)
        )
    )


def decimal_setting(
    key: str, default: str, low: str, high: str, owner: Duty, label: str, help: str = ""
) -> Setting[Decimal]:
    """Declare a decimal setting (e.g. a percentage) between ``low`` and ``high``."""

    def parse(text: str) -> Decimal:
        try:
            value = Decimal(text)
        except InvalidOperation:
            raise InvalidInput(NOT_NUMBER, label=translate("", label), value=text) from None
        if not value.is_finite():
            raise InvalidInput(NOT_NUMBER, label=translate("", label), value=text)
        _ranged(value, label, Decimal(low), Decimal(high))
        return value

    def written(value: Decimal) -> str:
        return format(value.normalize(), "f")

    return register(
        Setting(
            key, Decimal(default), owner, label, help, "decimal", parse, written,
            Decimal(low), Decimal(high),
        )
    )  # fmt: skip


def choice_setting(
    key: str,
    default: str,
    choices: Callable[[], Iterable[str]],
    owner: Duty,
    label: str,
    help: str = "",
) -> Setting[str]:
    """Declare a setting whose value is one of ``choices()`` (matched ignoring case)."""

    def parse(text: str) -> str:
        known = {name.casefold(): name for name in choices()}
        found = known.get(text.casefold())
        if found is None:
            raise InvalidInput(NOT_A_CHOICE, label=translate("", label), value=text)
        return found

    return register(Setting(key, default, owner, label, help, "choice", parse, choices=choices))


def text_setting(
    key: str, default: str, owner: Duty, label: str, help: str = "", limit: int = VALUE_LIMIT
) -> Setting[str]:
    """Declare a free-text setting of at most ``limit`` characters."""

    def parse(value: str) -> str:
        if len(value) > limit:
            raise InvalidInput(TOO_LONG, label=translate("", label), limit=limit, length=len(value))
        return value

    return register(Setting(key, default, owner, label, help, "text", parse))


def _zone(value: str) -> ZoneInfo:
    known = {name.casefold(): name for name in clock.available_zones()}
    found = known.get(value.casefold())
    if found is None:
        raise InvalidInput(UNKNOWN_ZONE, value=value)
    return clock.zone_named(found)


TIME_ZONE: Setting[ZoneInfo] = register(
    Setting(
        "cluster.time_zone",
        clock.zone_named(clock.DEFAULT_ZONE),
        Duty.SYSTEM_ADMIN,
        QT_TR_NOOP("站群时区"),
        QT_TR_NOOP(
            "判断日期（今天、到期、未更新天数）和显示时间所用的时区；数据库始终保存 UTC 时间。"
        ),
        "choice",
        _zone,
        lambda zone: zone.key,
        choices=lambda: sorted(clock.available_zones()),
    )
)


class ClusterSettings:
    """The cluster's settings as read in one query; index it with a ``Setting``."""

    def __init__(self, stored: Mapping[str, tuple[str, int]]) -> None:
        self._stored = dict(stored)
        self._values: dict[str, Any] = {}

    def __getitem__(self, setting: Setting[T]) -> T:
        if setting.key not in self._values:
            self._values[setting.key] = self._value(setting)
        value: T = self._values[setting.key]
        return value

    def _value(self, setting: Setting[T]) -> T:
        row = self._stored.get(setting.key)
        if row is None:
            return setting.default
        try:
            return setting.read(row[0])
        except InvalidInput:
            # Written outside the console or under older limits: the rules keep working.
            return setting.default

    @property
    def zone(self) -> ZoneInfo:
        """The cluster's time zone."""
        return self[TIME_ZONE]

    def stored(self, key: str) -> str | None:
        """The stored text of ``key`` (None: never set, the default applies)."""
        row = self._stored.get(key)
        return row[0] if row else None

    def version(self, key: str) -> int:
        """The stored version of ``key`` (0: never set)."""
        row = self._stored.get(key)
        return row[1] if row else 0


def settings_of(session: Session) -> ClusterSettings:
    """The cluster's settings: one query the first time in ``session``, then kept with it."""
    return run(session, settings_reading(session))


def settings_reading(session: Session) -> Reading[ClusterSettings]:
    """``settings_of`` as a reading: a round of one query, or none when ``session`` has them."""
    cached = session.info.get(_CACHE)
    if isinstance(cached, ClusterSettings):
        return cached
    rows = yield from one(select(ClusterSetting.key, ClusterSetting.value, ClusterSetting.version))
    found = ClusterSettings({key: (value, version) for key, value, version in rows})
    session.info[_CACHE] = found
    return found


def forget_settings(session: Session) -> None:
    """Drop the settings kept with ``session`` (after changing them in it)."""
    session.info.pop(_CACHE, None)


def read_settings(sessions: SessionFactory) -> ClusterSettings:
    """Service: the cluster's settings (every console reads them: they are not secret)."""
    with sessions() as session:
        return settings_of(session)


def is_demo(session: Session) -> bool:
    """Whether the database was generated as a demo cluster (its passwords are public)."""
    setting = session.get(ClusterSetting, DEMO_KEY)
    return setting is not None and setting.value == "1"


def mark_demo(session: Session) -> None:
    """Mark the database as a demo cluster (done only by the demo generator)."""
    session.merge(ClusterSetting(key=DEMO_KEY, value="1", version=1))
