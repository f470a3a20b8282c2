"""Help on the command line: every option and argument explained, all of it translatable.

The help of every command is rendered with a translator that marks what it translated: any
Chinese left over is a text that never went through translation (it would stay Chinese under
``--lang en``). argparse's own words are Chinese in Chinese and English in English.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator

import pytest

from console.base import i18n
from console.cli import build_parser, main
from console.commands._parsing import argparse_speaking

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def parsers(parser: argparse.ArgumentParser) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    """Every parser of the command line with its command words."""
    yield parser.prog, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):
                yield from parsers(child)


def test_every_option_and_argument_has_help() -> None:
    missing = []
    for prog, parser in parsers(build_parser()):
        for action in parser._actions:
            if isinstance(action, argparse._HelpAction):
                continue
            if isinstance(action, argparse._SubParsersAction):
                missing += [f"{prog} {c.dest}" for c in action._choices_actions if not c.help]
                continue
            if not action.help:
                missing.append(f"{prog} {'/'.join(action.option_strings) or action.dest}")
    assert missing == []


def test_all_help_goes_through_translation(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "_translator", lambda _context, text: CJK.sub("T", text))
    with argparse_speaking("en"):
        parser = build_parser()
        untranslated = {
            prog: CJK.findall(sub.format_help())
            for prog, sub in parsers(parser)
            if CJK.search(sub.format_help())
        }
    assert untranslated == {}


def test_argparse_speaks_chinese_in_chinese_and_english_in_english(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["sites", "lst"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("用法：") and "无效的选择" in err and "invalid choice" not in err
    with pytest.raises(SystemExit):
        main(["--lang", "en", "sites", "lst"])
    err = capsys.readouterr().err
    assert err.startswith("usage:") and "invalid choice" in err
    with pytest.raises(SystemExit):
        main(["queue", "claim", "--help"])
    out = capsys.readouterr().out
    assert "选项" in out and "显示本帮助并退出" in out and "options" not in out
    with pytest.raises(SystemExit):
        main(["--lang", "en", "queue", "claim", "--help"])
    assert "show this help message and exit" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["validate"])
    assert "缺少必需的参数" in capsys.readouterr().err


def test_argparse_is_left_as_it_was_after_parsing() -> None:
    words = argparse._  # type: ignore[attr-defined]
    with pytest.raises(SystemExit):
        main(["sites", "lst"])
    assert argparse._ is words  # type: ignore[attr-defined]


def test_the_top_help_lists_the_exit_statuses(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "退出状态" in out and "130" in out
