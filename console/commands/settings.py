"""``cluster-console settings list|set``: the cluster settings, for servers set up over SSH."""

from __future__ import annotations

import argparse
import json

from console.base.actor import DUTY_LABELS
from console.base.cluster_service import SettingState, change_settings, listed
from console.base.i18n import QT_TR_NOOP, translate
from console.commands import Subcommands
from console.commands._common import acting, add_login_options, opened

LINE = QT_TR_NOOP("{key} = {value}\t{label}（默认 {default}；由{owner}修改）{ignored}")
IGNORED = QT_TR_NOOP("［已存的值“{stored}”无效，按默认值执行］")
CHANGED = QT_TR_NOOP("已将“{label}”（{key}）设为 {value}。")
UNCHANGED = QT_TR_NOOP("“{label}”（{key}）已是 {value}，未改变。")


def register(commands: Subcommands) -> None:
    """Add ``settings list`` and ``settings set``."""
    settings = commands.add_parser(
        "settings", help=QT_TR_NOOP("站群设置（时区、检查阈值、探测等）")
    )
    sub = settings.add_subparsers(dest="settings_command", required=True)
    list_cmd = sub.add_parser("list", help=QT_TR_NOOP("列出全部设置及其当前值、默认值和负责的职责"))
    list_cmd.add_argument("--json", action="store_true", help=QT_TR_NOOP("输出 JSON"))
    add_login_options(list_cmd, required=False)
    list_cmd.set_defaults(handler=run_list)
    set_cmd = sub.add_parser("set", help=QT_TR_NOOP("修改一项设置（记入操作日志）"))
    set_cmd.add_argument("key", metavar="KEY", help=QT_TR_NOOP("设置项，如 cluster.time_zone"))
    set_cmd.add_argument("value", metavar="VALUE", help=QT_TR_NOOP("新值，如 Asia/Shanghai"))
    add_login_options(set_cmd, required=True)
    set_cmd.set_defaults(handler=run_set)


def _json(state: SettingState) -> dict[str, object]:
    setting = state.setting
    return {
        "key": setting.key,
        "value": state.text,
        "default": state.default_text,
        "stored": state.stored,
        "version": state.version,
        "owner": setting.owner.value,
        "label": setting.title,
        "help": translate("", setting.help),
    }


def run_list(args: argparse.Namespace) -> int:
    """Print every setting (JSON: one array); exit 0."""
    with opened(args.db) as sessions:
        states = listed(sessions, acting(sessions, args))
    if args.json:
        print(json.dumps([_json(s) for s in states], ensure_ascii=False))
        return 0
    for state in states:
        ignored = translate("", IGNORED).format(stored=state.stored) if state.ignored else ""
        line = translate("", LINE).format(
            key=state.setting.key,
            value=state.text,
            label=state.setting.title,
            default=state.default_text,
            owner=translate("", DUTY_LABELS[state.setting.owner]),
            ignored=ignored,
        )
        print(line.rstrip())
    return 0


def run_set(args: argparse.Namespace) -> int:
    """Change one setting as the operator of ``--user``; exit 0 (2 when refused)."""
    with opened(args.db) as sessions:
        actor = acting(sessions, args, writes=True)
        changed = change_settings(sessions, actor, {args.key: args.value})
        state = next(s for s in listed(sessions, actor) if s.setting.key == args.key)
    message = CHANGED if changed else UNCHANGED
    print(
        translate("", message).format(
            label=state.setting.title, key=state.setting.key, value=state.text
        )
    )
    return 0
