"""A fetched page read into facts (links, list items, hidden links), or an article into a post."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection

from console.patrol.content import digest, main_text
from console.patrol.fetching import Fetched
from console.patrol.hidden import hidden_links
from console.patrol.lists import Item, list_items
from console.patrol.markup import anchors, parse
from console.patrol.records import PageFacts, Post
from console.probes.page import decode


def text_of(fetched: Fetched) -> str:
    """The body as text, whatever its label says (see ``decode``)."""
    return decode(fetched.body, fetched.charset)


def read_page(
    fetched: Fetched,
    today: dt.date,
    inside: Callable[[str], bool],
    columns: Collection[str] | None = None,
) -> PageFacts:
    """A home page's (``columns`` None) or a list page's facts.

    ``inside(url)``: whether a link stays in the cluster (hidden links elsewhere are flagged);
    ``columns``: the site's column addresses, which a list page's items are not.
    """
    root = parse(text_of(fetched))
    if root is None:
        return PageFacts((), 0, truncated=fetched.truncated)
    links, total = anchors(root, fetched.final_url)
    items = list_items(links, today, columns) if columns is not None else []
    return PageFacts(
        links=tuple((anchor.url, anchor.text) for anchor in links),
        link_total=total,
        items=tuple(items),
        hidden=tuple(hidden_links(root, links, fetched.final_url, inside)),
        truncated=fetched.truncated,
    )


def read_post(fetched: Fetched, item: Item, column: str) -> Post:
    """The article at ``item``, listed in ``column``: its main text and the text's hash."""
    text = main_text(text_of(fetched))
    return Post(item.url, item.title, item.date, column, digest(text), text)
