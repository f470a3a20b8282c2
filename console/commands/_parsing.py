"""The command line's parser in the interface language: our help texts and argparse's own words.

Help texts are Chinese source strings marked ``QT_TR_NOOP``; ``ConsoleParser``'s formatter
translates them when help is shown, so ``--lang en`` gives English help. argparse's own words
("usage:", "positional arguments", "invalid choice" …) come from its ``gettext`` hook; in
Chinese they are replaced by ``ARGPARSE_WORDS`` while a command line is parsed.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
from collections.abc import Iterator, Sequence
from typing import Any

from console.base.i18n import LANGUAGES, QT_TR_NOOP, translate

SUBCOMMAND = QT_TR_NOOP("子命令")

# argparse's messages (Python 3.11–3.13) in Chinese; English is argparse's own.
ARGPARSE_WORDS: dict[str, str] = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "optional arguments": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示程序版本并退出",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "one of the arguments %s is required": "参数 %s 必须给出其中一个",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "ignored explicit argument %r": "多余的参数值 %r",
    "expected one argument": "需要一个值",
    "expected at most one argument": "最多一个值",
    "expected at least one argument": "至少需要一个值",
    "expected %s argument": "需要 %s 个值",
    "expected %s arguments": "需要 %s 个值",
    "ambiguous option: %(option)s could match %(matches)s": (
        "选项 %(option)s 不明确，可能是：%(matches)s"
    ),
    "unexpected option string: %s": "不应出现的选项：%s",
    "invalid %(type)s value: %(value)r": "无效的值：%(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "无效的选择：%(value)r（可选：%(choices)s）"
    ),
    "argument %(argument_name)s: invalid choice: %(value)r (choose from %(choices)s)": (
        "参数 %(argument_name)s：无效的选择：%(value)r（可选：%(choices)s）"
    ),
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "未知的命令 %(parser_name)r（可用：%(choices)s）"
    ),
    "can't open '%(filename)s': %(error)s": "无法打开“%(filename)s”：%(error)s",
}


def language_of(argv: Sequence[str]) -> str:
    """The interface language a command line asks for (``--lang``), read before parsing so
    that the parser itself speaks it; the default when none or an unknown one is given."""
    for index, word in enumerate(argv):
        if word == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif word.startswith("--lang="):
            value = word.split("=", 1)[1]
        else:
            continue
        return value if value in LANGUAGES else LANGUAGES[0]
    return LANGUAGES[0]


@contextlib.contextmanager
def argparse_speaking(language: str) -> Iterator[None]:
    """While inside, argparse's own words are in ``language`` (its English otherwise)."""
    if language != "zh_CN":
        yield
        return
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]

    def words(message: str) -> str:
        return ARGPARSE_WORDS.get(message, message)

    def plural(singular: str, many: str, count: int) -> str:
        return words(singular if count == 1 else many)

    argparse._ = words  # type: ignore[attr-defined]
    argparse.ngettext = plural  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


class HelpFormatter(argparse.HelpFormatter):
    """Translates help texts and descriptions when they are shown."""

    def _expand_help(self, action: argparse.Action) -> str:
        if action.help:
            action = copy.copy(action)
            action.help = translate("", str(action.help))
        return super()._expand_help(action)

    def _format_text(self, text: str) -> str:
        return super()._format_text(translate("", text))


class EpilogFormatter(HelpFormatter, argparse.RawDescriptionHelpFormatter):
    """Keeps the epilog's (exit statuses') own line breaks."""


class _Commands(argparse._SubParsersAction):  # type: ignore[type-arg]
    """Sub-commands whose own ``--help`` begins with what the list of commands says of them."""

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser:
        if kwargs.get("help") and "description" not in kwargs:
            kwargs["description"] = kwargs["help"]
        return super().add_parser(name, **kwargs)  # type: ignore[no-any-return]


class ConsoleParser(argparse.ArgumentParser):
    """The parser of the command line and of each of its commands."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)
        self.register("action", "parsers", _Commands)

    def add_subparsers(self, **kwargs: Any) -> Any:
        """Sub-commands, listed under a translated name (``子命令`` by default)."""
        kwargs["metavar"] = translate("", kwargs.get("metavar") or SUBCOMMAND)
        if "title" in kwargs:
            kwargs["title"] = translate("", kwargs["title"])
        return super().add_subparsers(**kwargs)
