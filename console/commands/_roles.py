"""``cluster-console db roles --print|--apply|--check``: the database roles of the four duties.

A sub-command of ``db`` (the leading underscore keeps it from being a command of its own).
"""

from __future__ import annotations

import argparse

from sqlalchemy import exc as sa_exc
from sqlalchemy import select
from sqlalchemy.engine import URL, Engine

from console.base.errors import InvalidInput, NotPermitted, SchemaOutOfDate
from console.base.i18n import QT_TR_NOOP, translate
from console.commands._common import acting, add_login_options, opened
from console.db import NOT_MIGRATED, role_state, roles
from console.db.engine import make_engine
from console.db.location import resolve_url, shown
from console.db.migrate import current_revision, head_revision
from console.operators import db_logins
from console.schema import ClusterSetting, Duty

ROLES_APPLIED = QT_TR_NOOP("{url}：职责角色已按清单建立或更新（{n} 条语句，前缀 {prefix}）")
ROLES_CLEAN = QT_TR_NOOP("{url}：职责角色与清单一致（前缀 {prefix}）")
ROLES_DRIFT = QT_TR_NOOP("{url}：职责角色与清单不一致（前缀 {prefix}）：")
ROLE_MISSING = QT_TR_NOOP("缺少角色 {role}")
PRIVILEGE_MISSING = QT_TR_NOOP("缺少权限 {privilege}")
PRIVILEGE_EXTRA = QT_TR_NOOP("多出权限 {privilege}")
NEEDS_SERVER = QT_TR_NOOP(
    "嵌入式 SQLite 数据库只供单个操作员使用，没有数据库角色；"
    "请用 --engine postgresql 或 --engine mariadb 打印，或用 --db 指明服务器数据库。"
)
BAD_PREFIX = QT_TR_NOOP("角色前缀只能由小写字母、数字和下划线组成，且以字母开头：{prefix}")
LOGIN_CREATED = QT_TR_NOOP(
    "已建立数据库登录 {login}，口令 {password}（只显示这一次；请交给本人，在连接数据库时填写）"
)
EMPTY = QT_TR_NOOP("（空库）")
CANNOT_MANAGE = QT_TR_NOOP("当前数据库连接不能管理或读取角色（请用数据库所有者的连接）：{detail}")
LOGIN_CHANGED = QT_TR_NOOP("已把数据库登录 {login} 调整为新职责的角色")
HINT = {
    "postgresql": QT_TR_NOOP(
        "-- 以数据库所有者身份连接站群数据库后执行；再次执行会撤销清单以外的权限。"
    ),
    "mariadb": QT_TR_NOOP(
        "-- 以数据库所有者身份连接站群数据库（USE 站群库）后执行；"
        "REVOKE 会撤销这些角色在本服务器所有库上的权限，每个站群库请用不同的 --prefix。"
    ),
}


def register(db_commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``db roles``."""
    parser = db_commands.add_parser(
        "roles", help=QT_TR_NOOP("各职责的数据库角色（打印、建立、核对）")
    )
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--print", dest="roles_action", action="store_const", const="print",
                        help=QT_TR_NOOP("打印建立角色的 SQL，供数据库管理员审阅"))  # fmt: skip
    action.add_argument("--apply", dest="roles_action", action="store_const", const="apply",
                        help=QT_TR_NOOP("建立或更新角色（用数据库所有者的连接）"))  # fmt: skip
    action.add_argument(
        "--check",
        dest="roles_action",
        action="store_const",
        const="check",
        help=QT_TR_NOOP("核对角色权限与清单是否一致，不一致时以非零状态退出"),
    )
    parser.add_argument("--engine", choices=roles.ENGINES, help=QT_TR_NOOP("打印哪种数据库的 SQL"))
    parser.add_argument(
        "--prefix", default=roles.DEFAULT_PREFIX, help=QT_TR_NOOP("角色名前缀（默认 cc）")
    )
    parser.add_argument(
        "--schema", default="public", help=QT_TR_NOOP("PostgreSQL 模式（仅 --print）")
    )
    parser.set_defaults(handler=run)
    login = db_commands.add_parser("login", help=QT_TR_NOOP("打印（或建立）操作员所需的数据库登录"))
    login.add_argument("login", help=QT_TR_NOOP("数据库登录名（与操作员用户名相同）"))
    login.add_argument(
        "--duty",
        action="append",
        required=True,
        choices=[d.value for d in Duty],
        help=QT_TR_NOOP("职责"),
    )
    login.add_argument("--engine", choices=roles.ENGINES, help=QT_TR_NOOP("打印哪种数据库的 SQL"))
    login.add_argument(
        "--prefix", help=QT_TR_NOOP("角色名前缀（默认：db roles --apply 记录的前缀，或 cc）")
    )
    login.add_argument(
        "--was",
        action="append",
        choices=[d.value for d in Duty],
        help=QT_TR_NOOP("原有职责：改为打印（或执行）把已有登录调整到新职责角色的 SQL"),
    )
    login.add_argument(
        "--create", action="store_true", help=QT_TR_NOOP("用当前连接建立登录并显示生成的口令")
    )
    add_login_options(login, required=False)
    login.set_defaults(handler=run_login)


def run(args: argparse.Namespace) -> int:
    """Print, apply or check the duty roles."""
    if not roles.valid_prefix(args.prefix):
        raise InvalidInput(BAD_PREFIX, prefix=args.prefix)
    if args.roles_action == "print" and args.engine:
        _print(args.engine, args.prefix, args.schema)
        return 0
    url = resolve_url(args.db)
    family = roles.engine_family(url.get_backend_name())
    if family not in roles.ENGINES:
        raise InvalidInput(NEEDS_SERVER)
    if args.roles_action == "print":
        _print(family, args.prefix, args.schema)
        return 0
    engine = make_engine(url)
    try:
        _require_head(engine, url)
    except BaseException:
        engine.dispose()
        raise
    try:
        if args.roles_action == "apply":
            count = role_state.apply(engine, args.prefix)
            print(translate("", ROLES_APPLIED).format(url=shown(url), n=count, prefix=args.prefix))
            return 0
        with engine.connect() as connection:
            found = role_state.drift(connection, args.prefix)
    except sa_exc.DBAPIError as error:
        # The connection may not manage roles (or read the grant tables): say so in one line.
        if error.connection_invalidated:
            raise
        raise NotPermitted(CANNOT_MANAGE, detail=_first_line(error.orig)) from error
    finally:
        engine.dispose()
    if found.clean:
        print(translate("", ROLES_CLEAN).format(url=shown(url), prefix=args.prefix))
        return 0
    print(translate("", ROLES_DRIFT).format(url=shown(url), prefix=args.prefix))
    for role in found.missing_roles:
        print("  " + translate("", ROLE_MISSING).format(role=role))
    for privilege in found.missing:
        print("  " + translate("", PRIVILEGE_MISSING).format(privilege=privilege.shown()))
    for privilege in found.extra:
        print("  " + translate("", PRIVILEGE_EXTRA).format(privilege=privilege.shown()))
    return 1


def run_login(args: argparse.Namespace) -> int:
    """Print the SQL for an operator's database login (or for moving it to new duties), or
    run it (security administrator)."""
    if args.prefix is not None and not roles.valid_prefix(args.prefix):
        raise InvalidInput(BAD_PREFIX, prefix=args.prefix)
    if not roles.valid_login(args.login):
        raise InvalidInput(db_logins.BAD_LOGIN, login=args.login)
    duties = frozenset(Duty(d) for d in args.duty)
    before = frozenset(Duty(d) for d in args.was) if args.was else None
    if args.engine and not args.create:
        _print_login(args.engine, args.login, before, duties, args.prefix or roles.DEFAULT_PREFIX)
        return 0
    with opened(args.db) as sessions:
        if args.create:
            actor = acting(sessions, args, writes=True)
            if before is not None:
                db_logins.change(sessions, actor, args.login, before, duties)
                print(translate("", LOGIN_CHANGED).format(login=args.login))
                return 0
            created = db_logins.create(sessions, actor, [(args.login, duties)], args.prefix)
            for login, password in created.items():
                print(translate("", LOGIN_CREATED).format(login=login, password=password))
            return 0
        if before is not None:
            advice = db_logins.change_advice(sessions, args.login, before, duties)
        else:
            advice = db_logins.advice(sessions, [(args.login, duties)], args.prefix)
    if advice.single_operator:
        raise InvalidInput(NEEDS_SERVER)
    for statement in advice.statements:
        print(statement + ";")
    return 0


def _print_login(
    engine: str, login: str, before: frozenset[Duty] | None, duties: frozenset[Duty], prefix: str
) -> None:
    if before is not None:
        statements = roles.change_statements(engine, login, before, duties, prefix)
    else:
        statements = roles.login_statements(engine, login, [d for d in Duty if d in duties], prefix)
    for statement in statements:
        print(statement + ";")


def prefix_in_use(engine: Engine) -> str | None:
    """The prefix ``db roles --apply`` recorded on a server database, or None before it ran."""
    if roles.engine_family(engine.dialect.name) not in roles.ENGINES:
        return None
    with engine.connect() as connection:
        recorded = connection.execute(
            select(ClusterSetting.value).where(ClusterSetting.key == role_state.PREFIX_KEY)
        ).scalar()
    return str(recorded) if recorded else None


def _require_head(engine: Engine, url: URL) -> None:
    current = current_revision(engine)
    if current != head_revision():
        raise SchemaOutOfDate(
            NOT_MIGRATED,
            url=shown(url),
            current=current or translate("", EMPTY),
            head=head_revision(),
        )


def _first_line(error: object) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


def _print(engine: str, prefix: str, schema: str) -> None:
    print(translate("", HINT[engine]))
    for statement in roles.role_statements(engine, prefix, schema):
        print(statement + ";")
