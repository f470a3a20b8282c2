"""Several writes in one round trip: statements whose results nobody reads, sent together.

Each statement is bound by the driver exactly as it would bind it alone (psycopg's and
PyMySQL's own client-side quoting), then the statements go out as one multi-statement query.
SQLite has no round trips to save and runs them one after another.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import Executable

# Marks a statement sent together so the MariaDB driver hook reads every result of it.
TOGETHER = "/* together */ "


def run_together(
    session: Session, statements: Sequence[Executable], *, commit: bool = False
) -> None:
    """Execute ``statements`` in ``session``'s transaction, in order, in one round trip.

    ``commit`` sends the COMMIT in the same round trip, for a service whose last writes these
    are (the session's own commit then finds nothing open and sends nothing; a statement
    after it would run in a transaction of its own). SQLite commits when the session does.
    """
    connection = session.connection()
    dialect = connection.dialect
    if dialect.name == "sqlite" or (len(statements) < 2 and not commit):
        for statement in statements:
            session.execute(statement)
        return
    dbapi_connection = connection.connection.dbapi_connection
    texts = [_bound(dialect, dbapi_connection, statement) for statement in statements]
    if commit:
        texts.append("COMMIT")
    # No parameters are left, but the drivers still read "%" as the start of one.
    connection.exec_driver_sql(TOGETHER + "; ".join(texts).replace("%", "%%"))


def _bound(dialect: Any, dbapi_connection: Any, statement: Executable) -> str:
    compiled: Any = statement.compile(  # type: ignore[attr-defined]
        dialect=dialect, compile_kwargs={"render_postcompile": True}
    )
    params = compiled.construct_params()
    for key, process in compiled._bind_processors.items():
        if key in params:
            params[key] = process(params[key])
    if dialect.name == "postgresql":
        from psycopg import ClientCursor

        with ClientCursor(dbapi_connection) as cursor:
            return str(cursor.mogrify(compiled.string, params))
    cursor = dbapi_connection.cursor()
    try:
        return str(cursor.mogrify(compiled.string, params))
    finally:
        cursor.close()
