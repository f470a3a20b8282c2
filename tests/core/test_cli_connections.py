"""Why the database cannot be used, told apart in the operator's words (no driver English)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from console.cli import main
from tests.engines import require_server

CANNOT = "无法连接数据库服务器"
LOGIN = "拒绝登录"
NO_DB = "没有这个数据库"


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    status = main(argv)
    return status, capsys.readouterr().err


@pytest.mark.server
@pytest.mark.parametrize(
    ("engine", "url", "said"),
    [
        ("postgresql", "postgresql://postgres@127.0.0.1:1/test", CANNOT),
        ("postgresql", "postgresql://nobody_cc@127.0.0.1:5432/test", LOGIN),
        ("postgresql", "postgresql://postgres@127.0.0.1:5432/no_such_cc", NO_DB),
        ("postgresql", "postgresql://postgres@no-such-host.invalid/test", CANNOT),
        ("mariadb", "mysql://root@127.0.0.1:1/test", CANNOT),
        ("mariadb", "mysql://nobody_cc@127.0.0.1:3306/test", LOGIN),
        ("mariadb", "mariadb://root@127.0.0.1:3306/no_such_cc", NO_DB),
    ],
)
def test_connection_failures_are_told_apart(
    engine: str, url: str, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    require_server(engine)
    status, err = _run(["--db", url, "sites", "list"], capsys)
    assert status == 3
    assert said in err and len(err.strip().splitlines()) == 1
    assert "failed" not in err and "Access denied" not in err and "Unknown" not in err


def test_a_sqlite_file_in_a_missing_folder_is_refused_before_anything_is_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    for command in (["sites", "list"], ["db", "upgrade"], ["demo", "--sites", "12"]):
        status, err = _run(["--db", "sqlite:///no/such/folder/c.sqlite3", *command], capsys)
        assert status == 2 and "no/such/folder" in err and "不存在" in err
    assert list(tmp_path.iterdir()) == []
