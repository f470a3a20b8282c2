"""Saved connection profiles: a name and a database address, never a password.

Profiles live in ``connections.json`` in the user's config folder. Passwords belong to the
``PasswordStore``; whatever URL a profile is given, its password is dropped before the profile
exists, so it can neither be written to the file nor logged.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from console.base.errors import InvalidInput
from console.base.i18n import QT_TR_NOOP, translate
from console.db.location import APP_NAME, shown

PROFILES_FILE = "connections.json"
FORMAT_VERSION = 1
DRIVERS = ("sqlite", "postgresql+psycopg", "mysql+pymysql")
SERVER_DRIVERS = DRIVERS[1:]

NAME_EMPTY = QT_TR_NOOP("请填写连接名称。")
NAME_TAKEN = QT_TR_NOOP("已有名为“{name}”的连接，请换一个名称。")
NO_SUCH_PROFILE = QT_TR_NOOP("没有名为“{name}”的连接。")
URL_EMPTY = QT_TR_NOOP("请填写数据库地址。")
URL_UNPARSABLE = QT_TR_NOOP(
    "数据库地址无法识别：{url}。格式如 postgresql+psycopg://用户@主机:5432/库名"
)
DRIVER_REFUSED = QT_TR_NOOP(
    "不支持的数据库类型“{driver}”。请使用 sqlite:///文件路径、"
    "postgresql+psycopg://用户@主机:端口/库名 或 mysql+pymysql://用户@主机:端口/库名。"
)
SQLITE_NO_FILE = QT_TR_NOOP(
    "SQLite 地址需要指明数据库文件，例如 sqlite:///D:/站群/cluster.sqlite3。"
)
SERVER_NO_HOST = QT_TR_NOOP("数据库地址 {url} 缺少主机名。")
SERVER_NO_DATABASE = QT_TR_NOOP("数据库地址 {url} 缺少库名（地址末尾的 /库名）。")
FILE_UNREADABLE = QT_TR_NOOP("连接配置文件 {path} 无法读取：{detail}")
FILE_MALFORMED = QT_TR_NOOP("内容格式不对")


@dataclass(frozen=True)
class Profile:
    """A saved connection: the operator's name for it and its SQLAlchemy URL without password."""

    name: str
    url: str

    @property
    def sqlalchemy_url(self) -> URL:
        """The profile's address as a SQLAlchemy URL (still without password)."""
        return make_url(self.url)


def make_profile(name: str, url: str | URL) -> Profile:
    """A validated profile; any password in ``url`` is dropped. Raises ``InvalidInput``."""
    name = name.strip()
    if not name:
        raise InvalidInput(NAME_EMPTY)
    return Profile(name=name, url=shown(_parse(url)))


def _parse(url: str | URL) -> URL:
    if isinstance(url, str):
        text = url.strip()
        if not text:
            raise InvalidInput(URL_EMPTY)
        try:
            parsed = make_url(text)
        except (ArgumentError, ValueError):
            raise InvalidInput(URL_UNPARSABLE, url=_masked(text)) from None
    else:
        parsed = url
    if parsed.drivername not in DRIVERS:
        raise InvalidInput(DRIVER_REFUSED, driver=parsed.drivername)
    if parsed.drivername == "sqlite":
        if parsed.database in (None, "", ":memory:"):
            raise InvalidInput(SQLITE_NO_FILE)
        return parsed
    if not parsed.host:
        raise InvalidInput(SERVER_NO_HOST, url=shown(parsed))
    if not parsed.database:
        raise InvalidInput(SERVER_NO_DATABASE, url=shown(parsed))
    return parsed


def _masked(text: str) -> str:
    """An unparsable address as it may be shown: whatever sits between ``:`` and ``@`` hidden."""
    scheme, sep, rest = text.partition("://")
    if not sep or "@" not in rest:
        return text
    credentials, _, location = rest.rpartition("@")
    user = credentials.split(":", 1)[0]
    hidden = f"{user}:***" if ":" in credentials else user
    return f"{scheme}://{hidden}@{location}"


def profiles_path() -> Path:
    """Where the profiles of this user are kept."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / PROFILES_FILE


def load_profiles(path: Path | None = None) -> list[Profile]:
    """The saved profiles, in their saved order; none when the file does not exist yet.

    Raises ``InvalidInput`` naming the file when it cannot be read or is not ours.
    """
    path = path or profiles_path()
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InvalidInput(FILE_UNREADABLE, path=str(path), detail=str(error)) from None
    try:
        entries = document["profiles"]
        profiles = [make_profile(entry["name"], entry["url"]) for entry in entries]
        _check_unique(profiles)
    except InvalidInput as error:
        raise InvalidInput(FILE_UNREADABLE, path=str(path), detail=str(error)) from None
    except (KeyError, TypeError, AttributeError):
        detail = translate("", FILE_MALFORMED)
        raise InvalidInput(FILE_UNREADABLE, path=str(path), detail=detail) from None
    return profiles


def save_profiles(profiles: Iterable[Profile], path: Path | None = None) -> None:
    """Write ``profiles`` atomically; passwords never reach the file, even if a URL holds one."""
    path = path or profiles_path()
    checked = [make_profile(profile.name, profile.url) for profile in profiles]
    _check_unique(checked)
    document = {
        "version": FORMAT_VERSION,
        "profiles": [{"name": profile.name, "url": profile.url} for profile in checked],
    }
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def add_profile(profiles: Sequence[Profile], profile: Profile) -> list[Profile]:
    """``profiles`` with ``profile`` appended; its name must be new."""
    if any(existing.name == profile.name for existing in profiles):
        raise InvalidInput(NAME_TAKEN, name=profile.name)
    return [*profiles, profile]


def replace_profile(profiles: Sequence[Profile], name: str, profile: Profile) -> list[Profile]:
    """``profiles`` with the one called ``name`` replaced by ``profile`` (which may rename it)."""
    position = _position(profiles, name)
    if profile.name != name and any(existing.name == profile.name for existing in profiles):
        raise InvalidInput(NAME_TAKEN, name=profile.name)
    changed = list(profiles)
    changed[position] = profile
    return changed


def delete_profile(profiles: Sequence[Profile], name: str) -> list[Profile]:
    """``profiles`` without the one called ``name``."""
    position = _position(profiles, name)
    return [*profiles[:position], *profiles[position + 1 :]]


def _position(profiles: Sequence[Profile], name: str) -> int:
    for position, profile in enumerate(profiles):
        if profile.name == name:
            return position
    raise InvalidInput(NO_SUCH_PROFILE, name=name)


def _check_unique(profiles: Sequence[Profile]) -> None:
    seen: set[str] = set()
    for profile in profiles:
        if profile.name in seen:
            raise InvalidInput(NAME_TAKEN, name=profile.name)
        seen.add(profile.name)
