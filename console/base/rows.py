"""Result rows by column name, so dataclasses are built by keyword, never by position.

``row._mapping`` does the same but builds a key view for every row, which costs more than
the query itself on tens of thousands of rows; the names are read once per result here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy.engine import Result


def named_rows(result: Result[Any]) -> Iterator[dict[str, Any]]:
    """Each row of ``result`` as a dict from column name (its label) to value."""
    names = list(result.keys())
    for row in result:
        yield dict(zip(names, row, strict=True))
