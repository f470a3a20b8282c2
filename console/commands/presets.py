"""``cluster-console presets``: list, import, export, compare and apply column presets."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from console.base import clock
from console.base.cluster import read_settings
from console.base.errors import InvalidInput
from console.base.i18n import QT_TR_NOOP, translate
from console.base.identifiers import site_code_form
from console.base.listing import Query, read_page, rendered
from console.commands import Subcommands
from console.commands._arguments import said, whole
from console.commands._common import acting, add_login_options, login, opened
from console.presets import service as presets
from console.presets.apply import apply_version
from console.presets.diff import CHANGE_LABELS
from console.presets.files import load_preset
from console.presets.plan import preview, sites_by_code, sites_of_kind

VERSION_HELP = QT_TR_NOOP("预设版本 ID（见 presets list）")
VERSION_ID = whole(1, 2**63 - 1)
LIST_HELP = QT_TR_NOOP("列出全部预设版本及其 ID（按 ID 排列；export、diff、apply 用这个 ID）")
JSON_HELP = QT_TR_NOOP("输出 JSON")
IMPORTED = QT_TR_NOOP("已导入为预设版本 {id}。")
NO_SITES = QT_TR_NOOP("没有可应用的站点：该预设适用类型的站点一个也没有。")
APPLIED_NOWHERE = QT_TR_NOOP("预设没有应用到任何站点（全部被跳过）。")
EXPORTED = QT_TR_NOOP("已导出到 {path}。")
PLANNED = QT_TR_NOOP(
    "{site}：新增 {added} 个栏目，名称或位置不同 {moved} 个，类型或规则不同 {rules} 个，"
    "保留本地栏目 {extras} 个"
)
INTERRUPTED = QT_TR_NOOP("已中断：{done} 个站点已处理完毕；正在处理的站点已回滚，其余站点未改动。")
CHANGES = QT_TR_NOOP("共 {n} 处变化。")
APPLIED = QT_TR_NOOP("已应用到 {changed} 个站点，{same} 个站点无需改动，跳过 {skipped} 个。")


def register(commands: Subcommands) -> None:
    """Add ``presets list|import|export|diff|apply``."""
    cmd = commands.add_parser("presets", help=QT_TR_NOOP("栏目预设"))
    sub = cmd.add_subparsers(dest="presets_command", required=True)
    listing = sub.add_parser("list", help=said(LIST_HELP))
    listing.add_argument("--json", action="store_true", help=said(JSON_HELP))
    add_login_options(listing, required=False)
    listing.set_defaults(handler=run_list)
    importing = sub.add_parser(
        "import", help=QT_TR_NOOP("从 JSON 文件导入预设（同名则保存为新版本）")
    )
    importing.add_argument("file", type=Path, help=QT_TR_NOOP("栏目预设 JSON 文件"))
    add_login_options(importing, required=True)
    importing.set_defaults(handler=run_import)
    exporting = sub.add_parser("export", help=QT_TR_NOOP("把预设版本导出为 JSON 文件"))
    exporting.add_argument("version_id", type=VERSION_ID, metavar="ID", help=said(VERSION_HELP))
    exporting.add_argument("file", type=Path, help=QT_TR_NOOP("要写入的 JSON 文件"))
    add_login_options(exporting, required=False)
    exporting.set_defaults(handler=run_export)
    comparing = sub.add_parser("diff", help=QT_TR_NOOP("比较两个预设版本"))
    comparing.add_argument(
        "old_version_id", type=VERSION_ID, metavar="OLD_ID", help=QT_TR_NOOP("旧版本的 ID")
    )
    comparing.add_argument(
        "new_version_id", type=VERSION_ID, metavar="NEW_ID", help=QT_TR_NOOP("新版本的 ID")
    )
    comparing.add_argument("--json", action="store_true", help=QT_TR_NOOP("输出 JSON"))
    add_login_options(comparing, required=False)
    comparing.set_defaults(handler=run_diff)
    applying = sub.add_parser("apply", help=QT_TR_NOOP("把预设版本应用到站点"))
    applying.add_argument("version_id", type=VERSION_ID, metavar="ID", help=said(VERSION_HELP))
    target = applying.add_mutually_exclusive_group(required=True)
    target.add_argument(
        "--site", action="append", type=site_code_form, metavar="CODE",
        help=QT_TR_NOOP("网站标识码，可重复"),
    )  # fmt: skip
    target.add_argument(
        "--every-site", action="store_true", help=QT_TR_NOOP("该预设适用类型的全部站点")
    )
    applying.add_argument("--preview", action="store_true", help=QT_TR_NOOP("只预览，不写入"))
    add_login_options(applying, required=False)
    applying.set_defaults(handler=run_apply)


def run_list(args: argparse.Namespace) -> int:
    """Print every preset version with its id (the id other commands take), one per line, in
    id order; or one JSON array."""
    listing = presets.PRESET_VERSIONS
    with opened(args.db) as sessions:
        actor = acting(sessions, args)
        zone = read_settings(sessions).zone
        found: list[tuple[int, tuple[Any, ...]]] = []
        after = None
        while True:
            page = read_page(sessions, actor, listing, Query(), after, 1_000)
            found += zip(page.ids, page.rows, strict=True)
            if page.after is None:
                break
            after = page.after
    found.sort(key=lambda pair: pair[0])
    if args.json:
        records = [
            {
                "id": version_id,
                **{f.key: _plain(v, zone) for f, v in zip(listing.fields, row, strict=True)},
            }
            for version_id, row in found
        ]
        print(json.dumps(records, ensure_ascii=False))
        return 0
    print("\t".join(["ID", *(translate("", f.title) for f in listing.fields)]))
    for version_id, row in found:
        print("\t".join([str(version_id), *rendered(listing, row, zone)]))
    return 0


def _plain(value: Any, zone: Any) -> Any:
    return clock.iso(value, zone) if isinstance(value, dt.date) else value


def run_import(args: argparse.Namespace) -> int:
    """Import a preset file (read and checked before the operator is asked to log in)."""
    load_preset(args.file)
    with opened(args.db) as sessions:
        actor = login(sessions, args.user, args.password_stdin)
        version_id = presets.import_preset(sessions, actor, args.file)
    print(translate("", IMPORTED).format(id=version_id))
    return 0


def run_export(args: argparse.Namespace) -> int:
    """Export a stored version."""
    with opened(args.db) as sessions:
        presets.export_version(sessions, acting(sessions, args), args.version_id, args.file)
    print(translate("", EXPORTED).format(path=args.file))
    return 0


def run_diff(args: argparse.Namespace) -> int:
    """Print the changes from one stored version to another, one per line (or as JSON)."""
    with opened(args.db) as sessions:
        changes = presets.compare_versions(
            sessions, acting(sessions, args), args.old_version_id, args.new_version_id
        )
    if args.json:
        print(json.dumps([asdict(change) for change in changes], ensure_ascii=False))
        return 0
    for change in changes:
        label = translate("", CHANGE_LABELS[change.kind])
        print("\t".join((label, change.code, change.name, change.old, change.new)).rstrip())
    print(translate("", CHANGES).format(n=len(changes)))
    return 0


def run_apply(args: argparse.Namespace) -> int:
    """Preview, then (unless ``--preview``) apply; the preview lines go to stderr."""
    with opened(args.db) as sessions:
        actor = acting(sessions, args, writes=not args.preview)
        if args.every_site:
            site_ids = sites_of_kind(sessions, actor, args.version_id)
        else:
            site_ids = sites_by_code(sessions, actor, args.site)
        if not site_ids:
            raise InvalidInput(NO_SITES)
        for plan in preview(sessions, actor, args.version_id, site_ids):
            line = plan.reason() or translate("", PLANNED).format(
                site=plan.site_code,
                added=len(plan.additions),
                moved=sum(1 for d in plan.differences if d.renamed or d.moved),
                rules=sum(1 for d in plan.differences if d.rule_changed),
                extras=len(plan.extras),
            )
            print(line, file=sys.stderr)
        if args.preview:
            return 0
        done = [0]

        def progress(finished: int, total: int) -> None:
            done[0] = finished
            print(f"\r{finished}/{total}", end="", file=sys.stderr, flush=True)

        try:
            report = apply_version(sessions, actor, args.version_id, site_ids, progress)
        except KeyboardInterrupt:
            print(file=sys.stderr)
            print(translate("", INTERRUPTED).format(done=done[0]), file=sys.stderr)
            return 130
    print(file=sys.stderr)
    same = len(report.outcomes) - report.changed - len(report.refused)
    print(
        translate("", APPLIED).format(
            changed=report.changed, same=same, skipped=len(report.refused)
        )
    )
    print(
        json.dumps({"changed": report.changed, "unchanged": same, "skipped": len(report.refused)})
    )
    if report.changed + same == 0:
        print(translate("", APPLIED_NOWHERE), file=sys.stderr)
        return 1
    return 0
