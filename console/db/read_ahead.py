"""Several reads in one round trip, each then read through SQLAlchemy as if it had just run.

The statements are compiled as SQLAlchemy executes them (through its compiled cache, without
sending them), bound on the client by the driver's own quoting, and sent as one
multi-statement query (PostgreSQL's simple query protocol, MariaDB with multi-statements on);
every result set is fetched. Then each statement is executed through the session as usual,
except that the driver is not asked again: its rows are the ones already fetched
(SQLAlchemy's own buffered fetch strategy), so types, ORM objects and rows come out exactly as
from a query of its own. SQLite has no round trips to save and runs them one after another.

Only plain reads belong here: a locking read needs the transaction that
``console.db.transactions`` opens for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine, Result
from sqlalchemy.engine.cursor import FullyBufferedCursorFetchStrategy
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import Executable

# Execution options: where to put a statement's text, bound and not sent (``_BIND``); where to
# put the result sets of the statements sent together (``_AHEAD``); the result set fetched
# for a statement (``_FETCHED``).
_BIND = "console_bind"
_AHEAD = "console_read_ahead"
_FETCHED = "console_fetched"

ResultSet = tuple[Any, list[Any]]  # the cursor's description and its rows
# A result of any columns.
AnyResult = Result[*tuple[Any, ...]]


def read_together(session: Session, statements: Sequence[Executable]) -> list[AnyResult]:
    """The results of ``statements`` (plain reads), in order, fetched in one round trip."""
    connection = session.connection()
    if connection.dialect.name == "sqlite" or len(statements) < 2:
        return [session.execute(statement) for statement in statements]
    if session.autoflush:
        # As the session would before its first query: the reads see its pending changes.
        session.flush()
    texts: list[str] = []
    for statement in statements:
        connection.execute(statement, execution_options={_BIND: texts}).close()
    fetched: list[ResultSet] = []
    connection.exec_driver_sql("; ".join(texts), execution_options={_AHEAD: fetched}).close()
    if len(fetched) != len(statements):
        raise RuntimeError(f"{len(statements)} statements sent, {len(fetched)} results read")
    return [
        session.execute(statement, execution_options={_FETCHED: result_set})
        for statement, result_set in zip(statements, fetched, strict=True)
    ]


def carries_reads(context: Any) -> bool:
    """Whether the execution of ``context`` only binds or carries reads that are then executed
    one by one (each counted there)."""
    options = context.execution_options if context is not None else {}
    return _AHEAD in options or _BIND in options


def install(engine: Engine) -> None:
    """Let ``read_together`` send and hand out its reads on a PostgreSQL or MariaDB engine."""
    event.listen(engine, "do_execute", _execute, insert=True)
    event.listen(engine, "do_execute_no_params", _execute_no_params, insert=True)


def _execute_no_params(cursor: Any, statement: str, context: Any) -> bool:
    return _execute(cursor, statement, None, context)


def _execute(cursor: Any, statement: str, parameters: Any, context: Any) -> bool:
    options = context.execution_options
    texts: list[str] | None = options.get(_BIND)
    if texts is not None:
        texts.append(statement if parameters is None else _bound(cursor, statement, parameters))
        return True
    fetched: ResultSet | None = options.get(_FETCHED)
    if fetched is not None:
        description, rows = fetched
        context.cursor_fetch_strategy = FullyBufferedCursorFetchStrategy(None, description, rows)
        return True
    collected: list[ResultSet] | None = options.get(_AHEAD)
    if collected is None:
        return False
    # Everything is bound already: no parameters, so no driver reads "%" as one.
    cursor.execute(statement)
    while True:
        description = cursor.description
        rows = list(cursor.fetchall()) if description is not None else []
        collected.append((_plain(description), rows))
        if not cursor.nextset():
            return True


def _bound(cursor: Any, statement: str, parameters: Any) -> str:
    """``statement`` with ``parameters`` bound by the driver's own client-side quoting."""
    if hasattr(cursor, "mogrify"):
        return str(cursor.mogrify(statement, parameters))
    from psycopg import ClientCursor

    with ClientCursor(cursor.connection) as client:
        return str(client.mogrify(statement, parameters))


def _plain(description: Any) -> Any:
    """A description that outlives its cursor (psycopg's columns refer back to it)."""
    if description is None:
        return None
    return [tuple(column) for column in description]
