"""Bulk writing for the demo: buffered Core inserts in dependency order, committed in batches.

Rows carry their ids, assigned by the generator from the largest id already present, so child
rows can name their parents without reading anything back. Buffers are flushed parents first,
so foreign keys hold at every statement; a commit every ``commit_rows`` keeps transactions (and
SQLite's write-ahead log) bounded however many posts are written.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Table, func, select, text
from sqlalchemy.orm import Session

from console.schema import Base

CHUNK_ROWS = 2_000
COMMIT_ROWS = 50_000
TABLE_ORDER = [table.name for table in Base.metadata.sorted_tables]


def table(name: str) -> Table:
    """The table called ``name`` in the cluster schema."""
    return Base.metadata.tables[name]


def next_ids(session: Session, names: Iterable[str]) -> dict[str, int]:
    """The first free id of each named table (one past the largest id present)."""
    ids: dict[str, int] = {}
    for name in names:
        largest = session.scalar(select(func.max(table(name).c.id)))
        ids[name] = (largest or 0) + 1
    return ids


class BulkWriter:
    """Buffers rows per table and inserts them with ``executemany`` in chunks."""

    def __init__(
        self, session: Session, chunk_rows: int = CHUNK_ROWS, commit_rows: int = COMMIT_ROWS
    ) -> None:
        self.session = session
        self.chunk_rows = chunk_rows
        self.commit_rows = commit_rows
        self.written: Counter[str] = Counter()
        self._buffers: dict[str, list[dict[str, Any]]] = {}
        self._uncommitted = 0
        self._largest: dict[str, int] = {}

    def add(self, name: str, row: dict[str, Any]) -> None:
        """Queue ``row`` for table ``name``; a full buffer flushes every buffer."""
        buffer = self._buffers.setdefault(name, [])
        buffer.append(row)
        if len(buffer) >= self.chunk_rows:
            self.flush()

    def add_all(self, rows: Iterable[tuple[str, dict[str, Any]]]) -> None:
        """Queue ``(table name, row)`` pairs."""
        for name, row in rows:
            self.add(name, row)

    def flush(self) -> None:
        """Insert every buffered row, parents first; commit when enough rows have piled up."""
        self._insert_buffered()
        if self._uncommitted >= self.commit_rows:
            self.session.commit()
            self._uncommitted = 0

    def _insert_buffered(self) -> None:
        for name in TABLE_ORDER:
            rows = self._buffers.get(name)
            if not rows:
                continue
            self.session.execute(table(name).insert(), rows)
            self.written[name] += len(rows)
            self._uncommitted += len(rows)
            largest = max(row["id"] for row in rows)
            self._largest[name] = max(self._largest.get(name, 0), largest)
            rows.clear()

    def finish(self) -> None:
        """Flush what is left and move PostgreSQL's id sequences past the ids written.

        The caller commits, together with whatever it adds (the journal entry) to the same
        transaction.
        """
        self._insert_buffered()
        if self.session.get_bind().dialect.name != "postgresql":
            return
        for name, largest in sorted(self._largest.items()):
            self.session.execute(
                text("SELECT setval(pg_get_serial_sequence(:table, 'id'), :largest)"),
                {"table": name, "largest": largest},
            )
