"""``cluster-console screen``: JSON lines of findings, offsets into the input, lexicon sources."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from console.base.actor import Actor
from console.cli import main
from console.db import SessionFactory, engine_of
from console.db.location import ENV_URL
from console.review import lexicon
from console.schema import Duty
from console.screening.lexicon_files import TermEntry

KEYS = ["start", "end", "text", "term", "category", "severity", "kind"]
REVIEWER = Actor(None, "reviewer", frozenset({Duty.REVIEWER}))


@pytest.fixture
def no_database(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Neither ``--db``, the environment nor a default database file."""
    monkeypatch.delenv(ENV_URL, raising=False)
    monkeypatch.setattr("console.commands.screen.data_dir", lambda: tmp_path / "empty")


def _screen(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> tuple[int, list[dict[str, object]], str]:
    status = main(argv)
    captured = capsys.readouterr()
    return status, [json.loads(line) for line in captured.out.splitlines()], captured.err


def _file(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return str(path)


def test_findings_are_json_lines_with_offsets_into_the_original_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    terms = _file(tmp_path, "t.csv", "term,category,severity\n国家计委,过时表述,2\n")
    text = "\ufeff第一行\r\n國 家*計委，手机13812341234\r\n"
    status, found, _ = _screen(
        ["screen", "--lexicon", terms, _file(tmp_path, "in.txt", text)], capsys
    )
    assert status == 0
    assert [list(f) for f in found] == [KEYS, KEYS]
    assert [(f["start"], f["end"], f["kind"]) for f in found] == [
        (6, 12, "term"),
        (15, 26, "mobile"),
    ]
    for finding in found:
        assert text[finding["start"] : finding["end"]] == finding["text"]


def test_standard_input_is_read_as_utf8_bytes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    terms = _file(tmp_path, "t.txt", "监察局\n")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO("a\r\n监察局".encode())))
    _, found, _ = _screen(["screen", "--lexicon", terms, "-"], capsys)
    assert found == [
        {
            "start": 3,
            "end": 6,
            "text": "监察局",
            "term": "监察局",
            "category": "自定义",
            "severity": 2,
            "kind": "term",
        }
    ]


def test_without_a_lexicon_or_database_the_starter_lexicon_is_used(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], no_database: None
) -> None:
    text = _file(tmp_path, "in.txt", "原卫生部、卫生部门和卫生部")
    _, found, _ = _screen(["screen", text], capsys)
    assert [(f["start"], f["category"]) for f in found] == [(10, "过时表述")]


def test_a_whitelist_file_replaces_the_whitelist(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], no_database: None
) -> None:
    text = _file(tmp_path, "in.txt", "原卫生部、卫生部门和卫生部")
    white = _file(tmp_path, "w.txt", "# 只放过“卫生部门”\n卫生部门\n")
    _, found, _ = _screen(["screen", "--whitelist", white, text], capsys)
    assert [f["start"] for f in found] == [1, 10]


def test_the_database_lexicon_is_used_when_a_database_is_named(
    sessions: SessionFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lexicon.add_term(sessions, REVIEWER, TermEntry("监察局", "过时表述", 2))
    disabled = lexicon.add_term(sessions, REVIEWER, TermEntry("卫生部", "过时表述", 2))
    lexicon.set_enabled(sessions, REVIEWER, disabled, 1, False)
    lexicon.add_phrase(sessions, REVIEWER, "原监察局")
    url = engine_of(sessions).url.render_as_string(hide_password=False)
    text = _file(tmp_path, "in.txt", "原监察局、监察局、卫生部")
    _, found, _ = _screen(["--db", url, "screen", text], capsys)
    assert [(f["start"], f["term"]) for f in found] == [(5, "监察局")]


def test_personal_data_can_be_masked_in_the_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], no_database: None
) -> None:
    text = _file(tmp_path, "in.txt", "电话13812341234")
    _, found, _ = _screen(["screen", "--mask", text], capsys)
    assert [f["text"] for f in found] == ["138****1234"]


def test_input_not_in_utf8_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], no_database: None
) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes("卫生部".encode("gbk"))
    status, found, err = _screen(["screen", str(path)], capsys)
    assert (status, found) == (2, [])
    assert "UTF-8" in err


def test_a_bad_lexicon_file_is_refused_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    terms = _file(tmp_path, "t.csv", "term,category,severity\n监察局,过时表述,7\n")
    status, _, err = _screen(["screen", "--lexicon", terms, _file(tmp_path, "in.txt", "")], capsys)
    assert status == 2
    assert "第 2 行" in err
