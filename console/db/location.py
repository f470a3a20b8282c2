"""Where the database is: the default embedded file, the environment, and safe display of URLs."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs
from sqlalchemy.engine import URL, make_url

APP_NAME = "cluster-console"
ENV_URL = "CLUSTER_CONSOLE_DB"
DEFAULT_FILE = "cluster.sqlite3"


def data_dir() -> Path:
    """The per-user data folder (created on demand)."""
    path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_url() -> URL:
    """The embedded SQLite file in the user's data folder."""
    return URL.create("sqlite", database=str(data_dir() / DEFAULT_FILE))


def resolve_url(url: str | URL | None) -> URL:
    """The URL to use: the one given, else ``$CLUSTER_CONSOLE_DB``, else the default file."""
    if url is None:
        url = os.environ.get(ENV_URL) or None
    if url is None:
        return default_url()
    return make_url(url)


def is_sqlite(url: URL) -> bool:
    """Whether ``url`` names an embedded SQLite database."""
    return url.get_backend_name() == "sqlite"


def shown(url: URL) -> str:
    """``url`` as it may be shown or logged: never with its password."""
    return without_password(url).render_as_string(hide_password=True)


def without_password(url: URL) -> URL:
    """``url`` without any password, in its credentials or its query (kept in profiles)."""
    # URL.set(password=None) would leave the password in place: None there means "unchanged".
    return url._replace(password=None).difference_update_query(["password"])
