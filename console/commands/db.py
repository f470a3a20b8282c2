"""``cluster-console db upgrade|current``: the schema version of a cluster database."""

from __future__ import annotations

import argparse

from console.base.i18n import QT_TR_NOOP, translate
from console.commands import Subcommands, _roles
from console.db import check_server_database, role_state
from console.db.engine import make_engine
from console.db.location import resolve_url, shown
from console.db.migrate import current_revision, head_revision, upgrade

SCHEMA_UPGRADED = QT_TR_NOOP("{url}：结构版本 {before} → {after}")
SCHEMA_CURRENT = QT_TR_NOOP("{url}：当前结构版本 {current}，最新 {head}")
EMPTY = QT_TR_NOOP("（空库）")


def register(commands: Subcommands) -> None:
    """Add ``db upgrade`` and ``db current``."""
    db = commands.add_parser("db", help=QT_TR_NOOP("数据库结构版本"))
    db_commands = db.add_subparsers(dest="db_command", required=True)
    db_commands.add_parser("upgrade", help=QT_TR_NOOP("升级到最新结构版本"))
    db_commands.add_parser("current", help=QT_TR_NOOP("显示当前结构版本"))
    db.set_defaults(handler=run)
    _roles.register(db_commands)


def run(args: argparse.Namespace) -> int:
    """Upgrade the schema, or say where it stands."""
    url = resolve_url(args.db)
    engine = make_engine(url)
    empty = translate("", EMPTY)
    try:
        if args.db_command == "upgrade":
            check_server_database(engine)
            before = current_revision(engine)
            upgrade(engine)
            message = translate("", SCHEMA_UPGRADED).format(
                url=shown(url), before=before or empty, after=head_revision()
            )
            # New tables need the duty roles' grants: re-apply the roles once they are in use.
            prefix = _roles.prefix_in_use(engine)
            if prefix is not None and before != head_revision():
                count = role_state.apply(engine, prefix)
                message += "\n" + translate("", _roles.ROLES_APPLIED).format(
                    url=shown(url), n=count, prefix=prefix
                )
        else:
            message = translate("", SCHEMA_CURRENT).format(
                url=shown(url), current=current_revision(engine) or empty, head=head_revision()
            )
    finally:
        engine.dispose()
    print(message)
    return 0
