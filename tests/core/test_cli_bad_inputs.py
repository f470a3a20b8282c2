"""A corpus of the mistakes operators make on the command line, fed to every command.

Each case runs in-process and fails on a traceback (an exception leaving ``main``), on exit 0
where a refusal is due, on a refusal without a message, and on any change to the database (or
a file left behind) after the refusal.
"""

from __future__ import annotations

import io
import json
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from console.cli import build_parser, main
from console.db import engine_of, open_database
from console.operators import service as operators
from console.operators.service import NewOperator
from console.presets import service as presets
from console.presets.files import PRESETS_DIR
from console.schema import Duty
from console.sites.service import create_site
from tests.site_drafts import DEPT, FORESTRY, PORTAL, org, site_table

STRONG = "Str0ng!Passw0rd"
SYS = ["--user", "sys", "--password-stdin"]
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@dataclass(frozen=True)
class Ran:
    status: int
    out: str
    err: str


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite cluster: three administrators, two sites, one preset version (id 1)."""
    path = tmp_path_factory.mktemp("template") / "cluster.sqlite3"
    sessions = open_database(f"sqlite:///{path}", upgrade_schema=True)
    operators.bootstrap(
        sessions,
        [
            NewOperator("sys", "系统管理员", STRONG, frozenset({Duty.SYSTEM_ADMIN})),
            NewOperator("sec", "安全管理员", STRONG, frozenset({Duty.SECURITY_ADMIN})),
            NewOperator("aud", "审计管理员", STRONG, frozenset({Duty.AUDIT_ADMIN})),
        ],
    )
    admin = operators.login(sessions, "sys", STRONG)
    create_site(sessions, admin, PORTAL)
    create_site(sessions, admin, DEPT)
    presets.import_preset(sessions, admin, PRESETS_DIR / "portal.json")
    engine_of(sessions).dispose()
    return path


@pytest.fixture
def place(tmp_path: Path, template: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder holding a copy of the cluster; the user's data folder is inside it."""
    shutil.copy(template, tmp_path / "cluster.sqlite3")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("CLUSTER_CONSOLE_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def snapshot(folder: Path) -> tuple[str, frozenset[str]]:
    """Everything in the database, and every file of the folder."""
    connection = sqlite3.connect(folder / "cluster.sqlite3")
    try:
        dump = "\n".join(connection.iterdump())
    finally:
        connection.close()
    files = frozenset(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())
    return dump, files


def run(
    argv: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
    stdin: str = "",
) -> Ran:  # fmt: skip
    """Run the command line; an exception escaping it fails the test (it would be a traceback)."""
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(stdin.encode()), "utf-8"))
    capsys.readouterr()
    try:
        status = main(argv)
    except SystemExit as exited:
        status = exited.code if isinstance(exited.code, int) else 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return Ran(status, captured.out, captured.err)


def deep_json(path: Path) -> Path:
    depth = 200_000
    path.write_text('{"name": "深", "site_kind": "portal_city", "columns": ' + "[" * depth
                    + "]" * depth + "}", encoding="utf-8")  # fmt: skip
    return path


def huge_number(path: Path) -> Path:
    column = {"name": "要闻", "code": "news", "column_type": "news", "max_idle_days": 10**30}
    preset = {"name": "巨数", "site_kind": "portal_city", "columns": [column]}
    path.write_text(json.dumps(preset), encoding="utf-8")
    return path


def png(path: Path) -> Path:
    path.write_bytes(PNG)
    return path


def rows(path: Path) -> Path:
    return site_table(path, [[*FORESTRY, "lyj.yunxi.gov.cn"]])


# (case, argv with {db} for the cluster's URL, stdin, files the case needs, expected status)
Prepare = Callable[[Path], Path]
CASES: list[tuple[str, list[str], str, dict[str, Prepare], int]] = [
    ("url-unknown-scheme", ["--db", "foo://bar", "sites", "list"], "", {}, 2),
    ("url-without-scheme", ["--db", "cluster.db", "sites", "list"], "", {}, 2),
    ("url-a-bare-path", ["--db", "cluster.sqlite3", "sites", "list"], "", {}, 2),
    ("url-without-database", ["--db", "mysql://root@127.0.0.1:3306/", "sites", "list"], "", {},
     2),
    ("png-named-xlsx", ["--db", "{db}", "sites", "import", "photo.xlsx", "--dry-run"], "",
     {"photo.xlsx": png}, 2),
    ("sites-export-missing-folder",
     ["--db", "{db}", "sites", "export", "no/such/folder/sites.xlsx"], "", {}, 2),
    ("presets-export-missing-folder",
     ["--db", "{db}", "presets", "export", "1", "no/such/folder/p.json"], "", {}, 2),
    ("preset-huge-number", ["--db", "{db}", "presets", "import", "huge.json", *SYS],
     STRONG + "\n", {"huge.json": huge_number}, 2),
    ("preset-deep-json", ["--db", "{db}", "presets", "import", "deep.json", *SYS],
     STRONG + "\n", {"deep.json": deep_json}, 2),
    ("probe-timeout-negative", ["--db", "{db}", "probe", "--timeout", "-1"], "", {}, 2),
    ("probe-timeout-nan", ["--db", "{db}", "probe", "--timeout", "nan"], "", {}, 2),
    ("probe-timeout-inf", ["--db", "{db}", "probe", "--timeout", "inf"], "", {}, 2),
    ("probe-timeout-zero", ["--db", "{db}", "probe", "--timeout", "0"], "", {}, 2),
    ("probe-workers-zero", ["--db", "{db}", "probe", "--workers", "0"], "", {}, 2),
    ("probe-workers-negative", ["--db", "{db}", "probe", "--workers", "-3"], "", {}, 2),
    ("calendar-days-negative", ["--db", "{db}", "filings", "calendar", "--days", "-5"], "", {}, 2),
    ("demo-sites-negative", ["--db", "sqlite:///fresh.sqlite3", "demo", "--sites", "-1"], "",
     {}, 2),
    ("demo-posts-negative", ["--db", "sqlite:///fresh.sqlite3", "demo", "--posts", "-1"], "",
     {}, 2),
    ("demo-bad-date", ["--db", "sqlite:///fresh.sqlite3", "demo", "--as-of", "2026-02-30"], "",
     {}, 2),
    ("claim-limit-negative", ["--db", "{db}", "queue", "claim", "--limit", "-5", *SYS],
     STRONG + "\n", {}, 2),
    ("claim-limit-too-many", ["--db", "{db}", "queue", "claim", "--limit", "101", *SYS],
     STRONG + "\n", {}, 2),
    ("empty-password-stdin", ["--db", "{db}", "sites", "import", "rows.csv", *SYS], "",
     {"rows.csv": rows}, 2),
    ("blank-line-password-stdin", ["--db", "{db}", "sites", "import", "rows.csv", *SYS], "\n",
     {"rows.csv": rows}, 2),
    ("password-without-terminal", ["--db", "{db}", "sites", "import", "rows.csv", "--user",
     "sys"], STRONG + "\n", {"rows.csv": rows}, 2),
    ("demo-not-generated", ["--demo", "sites", "list"], "", {}, 2),
    ("import-missing-file", ["--db", "{db}", "sites", "import", "nothing.csv", "--dry-run"], "",
     {}, 2),
]  # fmt: skip


@pytest.mark.parametrize(
    ("argv", "stdin", "files", "status"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_a_bad_input_is_refused_in_one_line_and_changes_nothing(
    argv: list[str],
    stdin: str,
    files: dict[str, Prepare],
    status: int,
    place: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name, prepare in files.items():
        prepare(place / name)
    before = snapshot(place)
    url = f"sqlite:///{place / 'cluster.sqlite3'}"
    ran = run([a.replace("{db}", url) for a in argv], capsys, monkeypatch, stdin)
    assert ran.status == status, ran.err
    lines = [line for line in ran.err.splitlines() if line.strip()]
    assert lines, "a refusal must say why"
    assert any("\u4e00" <= ch <= "\u9fff" for ch in lines[-1]), lines
    if not ran.err.startswith(("usage:", "用法：")):
        assert len(lines) == 1, lines
    assert snapshot(place) == before


def test_an_empty_password_is_not_counted_as_a_failed_login(
    place: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{place / 'cluster.sqlite3'}"
    command = ["--db", url, "sites", "import", str(rows(place / "rows.csv")), *SYS]
    for _ in range(8):
        assert run(command, capsys, monkeypatch, "").status == 2
    ran = run(command, capsys, monkeypatch, STRONG + "\n")
    assert ran.status == 0, ran.err


def test_ctrl_c_during_an_import_exits_130_and_writes_nothing(
    place: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from console.sites import importing

    table = site_table(
        place / "rows.csv",
        [
            [*FORESTRY, "lyj.yunxi.gov.cn"],
            [
                "3312000202",
                "云溪市水利局",
                "部门网站",
                PORTAL.code,
                "云溪市水利局",
                org(202),
                "slj.yunxi.gov.cn",
            ],
        ],
    )
    real = importing.insert_sites

    def interrupted(session: Any, actor: Any, drafts: Any, state: str, progress: Any) -> int:
        real(session, actor, drafts[:1], state)  # the first site written, then Ctrl-C
        raise KeyboardInterrupt

    monkeypatch.setattr(importing, "insert_sites", interrupted)
    before = snapshot(place)
    url = f"sqlite:///{place / 'cluster.sqlite3'}"
    ran = run(["--db", url, "sites", "import", str(table), *SYS], capsys, monkeypatch,
              STRONG + "\n")  # fmt: skip
    assert ran.status == 130
    assert "中断" in ran.err
    after = snapshot(place)
    assert after[1] == before[1]
    assert _without_login(after[0]) == _without_login(before[0])


def _without_login(dump: str) -> list[str]:
    """The dump without the rows a successful login touches (its journal entry, the operator)."""
    return [
        line for line in dump.splitlines() if "journal" not in line and '"operators"' not in line
    ]


def test_a_database_newer_than_the_program_is_told_so_with_exit_3(
    place: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    connection = sqlite3.connect(place / "cluster.sqlite3")
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    before = snapshot(place)
    url = f"sqlite:///{place / 'cluster.sqlite3'}"
    for argv in (["sites", "list"], ["db", "upgrade"], ["db", "current"]):
        ran = run(["--db", url, *argv], capsys, monkeypatch)
        if argv[-1] == "current":
            assert ran.status == 0 and "9999" in ran.out
            continue
        assert ran.status == 3, ran.err
        assert "比本程序新" in ran.err and "db upgrade" not in ran.err
    assert snapshot(place) == before


def test_the_demo_option_opens_the_demo_cluster_in_headless_commands(
    place: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(["--demo", "demo", "--sites", "12", "--posts", "5"], capsys, monkeypatch).status == 0
    assert (place / "data" / "cluster-console" / "demo.sqlite3").exists()
    ran = run(["--demo", "sites", "list", "--json"], capsys, monkeypatch)
    assert ran.status == 0 and len(json.loads(ran.out)) == 12
    assert not (place / "data" / "cluster-console" / "cluster.sqlite3").exists()


def test_screening_with_an_empty_lexicon_says_so_with_its_own_status(
    place: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{place / 'cluster.sqlite3'}"
    ran = run(["--db", url, "screen"], capsys, monkeypatch, "联系电话13812341234。")
    assert ran.status == 4
    assert "词库为空" in ran.err
    assert json.loads(ran.out.splitlines()[0])["category"]


def test_screenshots_onto_an_existing_file_is_a_usage_error(
    place: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (place / "shot.png").write_bytes(PNG)
    with pytest.raises(SystemExit) as exited:
        build_parser().parse_args(["screenshots", str(place / "shot.png")])
    assert exited.value.code == 2
    assert "不是文件夹" in capsys.readouterr().err


@pytest.fixture
def latin1_mariadb(tmp_path: Path) -> Iterator[str]:
    from sqlalchemy import create_engine, text

    from tests.engines import MARIADB_ADMIN, require_server

    require_server("mariadb")
    name = f"cc_latin1_{tmp_path.name[-8:].lower().replace('-', '_')}"
    admin = create_engine(MARIADB_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS `{name}`"))
        connection.execute(text(f"CREATE DATABASE `{name}` CHARACTER SET latin1"))
    try:
        yield name
    finally:
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS `{name}`"))
        admin.dispose()


@pytest.mark.server
def test_db_upgrade_refuses_a_latin1_database_before_creating_anything(
    latin1_mariadb: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from tests.engines import MARIADB_ADMIN

    url = make_url(MARIADB_ADMIN).set(database=latin1_mariadb)
    text_url = url.render_as_string(hide_password=False)
    ran = run(["--db", text_url, "db", "upgrade"], capsys, monkeypatch)
    assert ran.status == 2 and "utf8mb4" in ran.err
    engine = create_engine(url)
    with engine.connect() as connection:
        assert connection.execute(text("SHOW TABLES")).all() == []
        connection.execute(text("ALTER DATABASE CHARACTER SET utf8mb4"))
        connection.execute(text("CREATE TABLE stray (x INT) CHARACTER SET latin1"))
    engine.dispose()
    ran = run(["--db", text_url, "db", "upgrade"], capsys, monkeypatch)
    assert ran.status == 2 and "stray" in ran.err
