"""``cluster-console grants who|of``: who may act where, and what an editor may do, headless."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from console.base import clock
from console.base.cluster import read_settings
from console.base.errors import NotFound
from console.base.i18n import QT_TR_NOOP, translate
from console.base.identifiers import site_code_form
from console.base.labels import ACCOUNT_STATUSES, ROLES
from console.commands import Subcommands
from console.commands._common import acting, add_login_options, opened
from console.permissions import accounts, grants, scopes
from console.permissions.rights import Right
from console.schema import AccountStatus

UNKNOWN_ROLE = QT_TR_NOOP("“{value}”不是角色，可用：{allowed}")
UNKNOWN_ACCOUNT = QT_TR_NOOP("编辑账号 {username} 不存在。")
NOBODY = QT_TR_NOOP("没有人持有该权限。")
NOTHING = QT_TR_NOOP("该账号当前没有任何有效授权。")
UNTIL = QT_TR_NOOP("至 {when}")
FOREVER = QT_TR_NOOP("长期")
NOT_IN_FORCE = QT_TR_NOOP("账号 {username} {status}：以下授权在启用或解锁前不生效。")


def register(commands: Subcommands) -> None:
    """Add ``grants who`` and ``grants of``."""
    parser = commands.add_parser("grants", help=QT_TR_NOOP("编辑人员授权"))
    sub = parser.add_subparsers(dest="grants_command", required=True)
    who = sub.add_parser("who", help=QT_TR_NOOP("谁能在某网站/栏目行使某角色"))
    who.add_argument("--site", required=True, type=site_code_form, help=QT_TR_NOOP("网站标识码"))
    who.add_argument("--column", help=QT_TR_NOOP("栏目路径：/1/7/42/ 或 /政务公开/通知公告"))
    who.add_argument(
        "--role",
        required=True,
        help=QT_TR_NOOP("角色：editor/reviewer/publisher/site_admin 或中文名"),
    )
    who.add_argument("--json", action="store_true", help=QT_TR_NOOP("输出 JSON"))
    add_login_options(who, required=False)
    who.set_defaults(handler=_who)
    of = sub.add_parser("of", help=QT_TR_NOOP("某账号能在哪里做什么（有效权限及其来源授权）"))
    of.add_argument("account", help=QT_TR_NOOP("编辑账号"))
    of.add_argument("--json", action="store_true", help=QT_TR_NOOP("输出 JSON"))
    add_login_options(of, required=False)
    of.set_defaults(handler=_of)


def _role(value: str) -> str:
    for code, label in ROLES.items():
        if value in (code, label, translate("", label)):
            return str(code)
    raise NotFound(UNKNOWN_ROLE, value=value, allowed=", ".join(ROLES))


def _who(args: argparse.Namespace) -> int:
    role = _role(args.role)
    with opened(args.db) as sessions:
        actor = acting(sessions, args)
        site = scopes.find_site(sessions, actor, args.site)
        column = scopes.find_column(sessions, actor, site.id, args.column) if args.column else None
        held = grants.who(sessions, actor, role, site.id, column.id if column else None)
        zone = read_settings(sessions).zone
    _print(held, args.json, NOBODY, zone)
    return 0


def _of(args: argparse.Namespace) -> int:
    with opened(args.db) as sessions:
        actor = acting(sessions, args)
        found = accounts.account_ids(sessions, actor, [args.account])
        if not found:
            raise NotFound(UNKNOWN_ACCOUNT, username=args.account)
        held = grants.of(sessions, actor, next(iter(found.values())))
        zone = read_settings(sessions).zone
    if held and held[0].account_status != AccountStatus.ACTIVE:
        status = translate("", ACCOUNT_STATUSES.get(held[0].account_status, ""))
        note = translate("", NOT_IN_FORCE).format(username=held[0].username, status=status)
        print(note, file=sys.stderr)
    _print(held, args.json, NOTHING, zone)
    return 0


def _print(held: Sequence[Right], as_json: bool, empty: str, zone: ZoneInfo) -> None:
    if as_json:
        rows = [
            {
                "account": r.username,
                "full_name": r.full_name,
                "account_status": r.account_status,
                "role": r.role,
                "site_code": r.site_code,
                "site": r.site_name,
                "column_path": r.column_path or None,
                "column": r.column_name or None,
                "grant_id": r.grant_id,
                "expires_at": clock.iso(r.expires_at, zone),
            }
            for r in held
        ]
        print(json.dumps(rows, ensure_ascii=False))
        return
    if not held:
        print(translate("", empty))
    for r in held:
        until = (
            translate("", UNTIL).format(when=clock.shown(r.expires_at, zone))
            if r.expires_at
            else translate("", FOREVER)
        )
        role = translate("", ROLES.get(r.role, r.role))
        where = f"{r.site_code} {r.scope_label}"
        print("\t".join((r.username, r.full_name, role, where, until, f"#{r.grant_id}")))
