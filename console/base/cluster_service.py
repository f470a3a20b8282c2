"""Listing and changing cluster settings: every setting of every area, one service to change.

``all_settings`` imports ``console/<area>/settings.py`` of every package once, so a setting
declared there is listed and changeable without touching this module. ``change_settings``
reads top to bottom: known keys → duty → validate every value → write and journal each
change in one transaction, refusing a key someone else changed since the operator read it.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

import console
from console.base import journal
from console.base.actor import Actor, require
from console.base.cluster import ClusterSettings, Setting, forget_settings, registered, settings_of
from console.base.editing import conflict
from console.base.errors import NotFound
from console.base.i18n import QT_TR_NOOP
from console.db import SessionFactory
from console.schema import ClusterSetting

TARGET = "setting"
UNKNOWN_KEY = QT_TR_NOOP("没有名为“{key}”的站群设置；cluster-console settings list 列出全部设置。")


@functools.cache
def _import_area_settings() -> None:
    for info in pkgutil.iter_modules(console.__path__):
        if info.ispkg:
            try:
                importlib.import_module(f"console.{info.name}.settings")
            except ModuleNotFoundError as error:
                if error.name != f"console.{info.name}.settings":
                    raise


def all_settings() -> dict[str, Setting[Any]]:
    """Every declared setting, by key (sorted), the areas' ``settings`` modules imported."""
    _import_area_settings()
    return dict(sorted(registered().items()))


@dataclass(frozen=True)
class SettingState:
    """One setting as the list shows it: its value, whether stored, and who may change it."""

    setting: Setting[Any]
    value: Any
    text: str
    default_text: str
    stored: str | None
    version: int
    editable: bool

    @property
    def ignored(self) -> bool:
        """Whether a stored value is not accepted (the default applies instead)."""
        return self.stored is not None and self.stored != self.text


def listed(sessions: SessionFactory, actor: Actor) -> list[SettingState]:
    """Service: every setting with its current value; ``editable`` when ``actor`` owns it."""
    settings = all_settings()
    with sessions() as session:
        current = settings_of(session)
    return [_state(setting, current, actor) for setting in settings.values()]


def _state(setting: Setting[Any], current: ClusterSettings, actor: Actor) -> SettingState:
    value = current[setting]
    return SettingState(
        setting,
        value,
        setting.text(value),
        setting.text(setting.default),
        current.stored(setting.key),
        current.version(setting.key),
        actor.holds(setting.owner),
    )


def change_settings(
    sessions: SessionFactory,
    actor: Actor,
    changes: Mapping[str, str],
    seen: Mapping[str, int] | None = None,
) -> list[str]:
    """Service: set each key of ``changes`` to its typed text; the keys that changed.

    Every key must exist and belong to a duty ``actor`` holds, and every value must be valid,
    before anything is written. ``seen`` holds the version the operator read per key (0: it
    was the default); a key changed since raises ``Conflict`` naming who changed it.
    """
    known = all_settings()
    for key in changes:
        if key not in known:
            raise NotFound(UNKNOWN_KEY, key=key)
    for key in changes:
        require(actor, known[key].owner)
    wanted = {key: known[key].text(known[key].read(typed)) for key, typed in changes.items()}
    read_at: dict[str, int] = {}
    try:
        with sessions.begin() as session:
            rows = {
                row.key: row
                for row in session.scalars(
                    select(ClusterSetting).where(ClusterSetting.key.in_(sorted(wanted)))
                )
            }
            current = ClusterSettings({k: (row.value, row.version) for k, row in rows.items()})
            read_at = {key: current.version(key) for key in wanted}
            changed = []
            for key in sorted(wanted):
                setting, row = known[key], rows.get(key)
                version = row.version if row else 0
                if seen is not None and key in seen and seen[key] != version:
                    raise conflict(session, TARGET, key, setting.title, seen[key], version)
                before = setting.text(current[setting])
                if wanted[key] == before and (row is None or row.value == before):
                    continue
                if row is None:
                    session.add(ClusterSetting(key=key, value=wanted[key], version=1))
                else:
                    row.value, row.version = wanted[key], version + 1
                journal.record(
                    session, actor, "setting.change", TARGET, key, f"{key} {setting.label}",
                    {"value": before}, {"value": wanted[key]},
                )  # fmt: skip
                changed.append(key)
            session.flush()
            forget_settings(session)
    except (IntegrityError, StaleDataError):
        # Another console stored one of these keys between our read and our write.
        with sessions() as fresh:
            now = settings_of(fresh)
            moved = [k for k in sorted(wanted) if now.version(k) != read_at.get(k, 0)]
            key = (moved or sorted(wanted))[0]
            saw = (seen or read_at).get(key, 0)
            raise conflict(fresh, TARGET, key, known[key].title, saw, now.version(key)) from None
    return changed
