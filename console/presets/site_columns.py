"""A site's own columns and their posts, read for any number of sites by chunks of sites.

Preset plans (what a site lacks or has otherwise) and the inspection (which columns are stale
or blank) read the same facts: ``load_local`` reads them for every site asked about in two
queries per chunk of ``CHUNK`` sites, never one per site or per column.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import case, func, select
from sqlalchemy.engine import Result
from sqlalchemy.orm import Session

from console.base.rows import named_rows
from console.db.rounds import Reading, every, run
from console.schema import Post, PostStatus, SiteColumn

# Keeps every ``IN (…)`` list well within what each engine accepts in one statement.
CHUNK = 500

T = TypeVar("T")


def chunks(items: Sequence[T]) -> Iterator[list[T]]:
    """``items`` in order, in lists of at most ``CHUNK``."""
    for start in range(0, len(items), CHUNK):
        yield list(items[start : start + CHUNK])


@dataclass(frozen=True)
class LocalColumn:
    """A column a site has, with its posts: how many in all, how many published, the newest."""

    id: int
    site_id: int
    parent_id: int | None
    code: str
    name: str
    column_type: str
    max_idle_days: int | None
    position: int
    preset_column_id: int | None
    path: str
    last_updated_at: dt.datetime | None = None
    posts: int = 0
    published: int = 0
    newest_published: dt.datetime | None = None


_COLUMNS: tuple[Any, ...] = (
    SiteColumn.id,
    SiteColumn.site_id,
    SiteColumn.parent_id,
    SiteColumn.code,
    SiteColumn.name,
    SiteColumn.column_type,
    SiteColumn.max_idle_days,
    SiteColumn.position,
    SiteColumn.preset_column_id,
    SiteColumn.path,
    SiteColumn.last_updated_at,
)
_PUBLISHED = Post.status == PostStatus.PUBLISHED.value


def _post_figures_of(published_before: dt.datetime | None) -> dict[str, Any]:
    """The figures of a column's posts, by the names ``LocalColumn`` gives them; the published
    ones only those published before ``published_before`` when given."""
    published = _PUBLISHED
    if published_before is not None:
        published = published & (Post.published_at < published_before)
    return {
        "posts": func.count(),
        "published": func.count(case((published, 1))),
        "newest_published": func.max(case((published, Post.published_at))),
    }


def load_local(
    session: Session,
    site_ids: Sequence[int],
    posts: bool = True,
    published_before: dt.datetime | None = None,
) -> dict[int, list[LocalColumn]]:
    """The columns of each site, parents first, with (unless not ``posts``) their post figures;
    ``published_before`` (a stored time) leaves later posts out of the published figures.

    Two queries per chunk of sites (one without ``posts``), all in one round trip.
    """
    return run(session, local_reading(site_ids, posts, published_before))


def local_reading(
    site_ids: Sequence[int], posts: bool = True, published_before: dt.datetime | None = None
) -> Reading[dict[int, list[LocalColumn]]]:
    """``load_local`` as a reading of one round."""
    figures_of = _post_figures_of(published_before)
    statements: list[Any] = []
    for chunk in chunks(site_ids):
        if posts:
            statements.append(
                select(Post.column_id, *(figure.label(name) for name, figure in figures_of.items()))
                .where(Post.site_id.in_(chunk), Post.column_id.is_not(None))
                .group_by(Post.column_id)
            )
        statements.append(
            select(*_COLUMNS)
            .where(SiteColumn.site_id.in_(chunk))
            .order_by(SiteColumn.site_id, SiteColumn.path)
        )
    results = yield from every(statements)
    found: dict[int, list[LocalColumn]] = {site_id: [] for site_id in site_ids}
    per_chunk = 2 if posts else 1
    for start in range(0, len(results), per_chunk):
        figures = _post_figures(results[start]) if posts else {}
        for values in named_rows(results[start + per_chunk - 1]):
            column = LocalColumn(**values, **figures.get(values["id"], {}))
            found[column.site_id].append(column)
    return found


def _post_figures(result: Result[Any]) -> dict[int, dict[str, Any]]:
    """The post figures of each column that has posts, by name."""
    figures = {}
    for values in named_rows(result):
        column_id = values.pop("column_id")
        figures[column_id] = values
    return figures
