"""``operators init``: the first three administrators from the command line, by the first-run
dialog's service and rules; a refusal creates nobody."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from console.cli import main
from console.db import engine_of, open_database
from console.operators import service as operators

STRONG = ("Sys!Passw0rd1", "Sec!Passw0rd2", "Aud!Passw0rd3")


def _run(
    argv: list[str], stdin: str, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> tuple[int, str, str]:  # fmt: skip
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    try:
        status = main(argv)
    except SystemExit as exited:
        status = int(exited.code or 0)
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return status, captured.out, captured.err


def _first_run_pending(url: str) -> bool:
    sessions = open_database(url)
    try:
        return operators.needs_first_run(sessions)
    finally:
        engine_of(sessions).dispose()


def test_the_three_administrators_are_created_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    init = ["--db", url, "operators", "init", "--auditor", "shenji", "--auditor-name", "审计员丙",
            "--password-stdin"]  # fmt: skip
    status, out, err = _run(init, "\n".join(STRONG) + "\n", monkeypatch, capsys)
    assert status == 0, err
    assert "sysadmin、secadmin、shenji" in out
    sessions = open_database(url)
    try:
        for name, password in zip(("sysadmin", "secadmin", "shenji"), STRONG, strict=True):
            assert operators.login(sessions, name, password).username == name
    finally:
        engine_of(sessions).dispose()
    status, _, err = _run(init, "\n".join(STRONG) + "\n", monkeypatch, capsys)
    assert status == 2 and err.strip()


@pytest.mark.parametrize(
    ("extra", "stdin", "said"),
    [
        ([], "short\n" + "\n".join(STRONG[1:]) + "\n", "10"),
        (["--secadmin", "sysadmin"], "\n".join(STRONG) + "\n", "sysadmin"),
        (["--auditor", "Bad Name"], "\n".join(STRONG) + "\n", "Bad Name"),
        ([], STRONG[0] + "\n\n", "标准输入中没有密码"),
    ],
)
def test_a_refused_first_run_creates_nobody(
    extra: list[str], stdin: str, said: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    url = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    status, _, err = _run(["--db", url, "operators", "init", *extra, "--password-stdin"], stdin,
                          monkeypatch, capsys)  # fmt: skip
    assert status == 2 and said in err, err
    assert len(err.strip().splitlines()) == 1
    assert _first_run_pending(url)


def test_without_a_terminal_the_passwords_must_come_from_stdin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    status, _, err = _run(["--db", url, "operators", "init"], "\n".join(STRONG), monkeypatch,
                          capsys)  # fmt: skip
    assert status == 2 and "--password-stdin" in err
    assert not (tmp_path / "new.sqlite3").exists()
