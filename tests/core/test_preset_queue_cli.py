"""``presets`` and ``queue decide`` as operators use them: kinds, ids, limits, joint decisions."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import URL

from console.cli import main
from console.db import SessionFactory, engine_of, open_database
from console.presets.files import PRESETS_DIR
from console.schema import JournalEntry, PresetVersion, QueueItem
from tests.core.queue_cluster import queue_cluster
from tests.staff import PASSWORD, bootstrap_staff


def _run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *argv: str,
    stdin: str = PASSWORD + "\n",
) -> tuple[int, str, str]:  # fmt: skip
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    try:
        status = main(list(argv))
    except SystemExit as exited:
        status = int(exited.code or 0)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture
def staffed(tmp_path: Path) -> Iterator[tuple[str, SessionFactory]]:
    url = URL.create("sqlite", database=str(tmp_path / "cluster.sqlite3"))
    sessions = open_database(url)
    bootstrap_staff(sessions)
    try:
        yield url.render_as_string(), sessions
    finally:
        engine_of(sessions).dispose()


def _count(sessions: SessionFactory, table: type) -> int:
    with sessions() as session:
        return int(session.scalar(select(func.count()).select_from(table)) or 0)


def test_a_preset_file_for_another_kind_of_site_is_refused_naming_both(
    staffed: tuple[str, SessionFactory],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url, sessions = staffed
    login = ["--user", "sysadmin", "--password-stdin"]
    source = PRESETS_DIR / "department.json"
    status, _out, _ = _run(
        monkeypatch, capsys, "--db", url, "presets", "import", str(source), *login
    )
    assert status == 0
    other = json.loads(source.read_text(encoding="utf-8"))
    other["site_kind"] = "portal_city"
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(other, ensure_ascii=False), encoding="utf-8")
    versions = _count(sessions, PresetVersion)
    status, _, err = _run(
        monkeypatch, capsys, "--db", url, "presets", "import", str(changed), *login
    )
    assert status == 2
    assert "部门网站" in err and "市级门户" in err and other["name"] in err
    assert _count(sessions, PresetVersion) == versions
    status, _, err = _run(
        monkeypatch, capsys, "--lang", "en", "--db", url, "presets", "import", str(changed), *login
    )
    assert status == 2 and other["name"] in err


def test_presets_list_shows_each_version_id_and_speaks_json(
    staffed: tuple[str, SessionFactory],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url, _ = staffed
    login = ["--user", "sysadmin", "--password-stdin"]
    for name in ("portal.json", "county.json", "department.json"):
        path = PRESETS_DIR / name
        assert (
            _run(monkeypatch, capsys, "--db", url, "presets", "import", str(path), *login)[0] == 0
        )
    status, out, _ = _run(monkeypatch, capsys, "--db", url, "presets", "list", "--json")
    records = json.loads(out)
    assert status == 0 and [r["id"] for r in records] == [1, 2, 3]
    assert [r["kind"] for r in records] == ["portal_city", "portal_county", "department"]
    status, out, _ = _run(monkeypatch, capsys, "--db", url, "presets", "list")
    lines = out.splitlines()
    assert lines[0].startswith("ID\t")
    assert [line.split("\t")[0] for line in lines[1:]] == ["1", "2", "3"]
    assert [line.split("\t")[1] for line in lines[1:]] == [r["name"] for r in records]
    exported = Path("exported.json").absolute()
    monkeypatch.chdir(exported.parent)
    assert _run(monkeypatch, capsys, "--db", url, "presets", "export", "3", str(exported))[0] == 0
    assert json.loads(exported.read_text(encoding="utf-8"))["name"] == records[2]["name"]


@pytest.mark.parametrize("limit", ["0", "-5", "101", "x"])
def test_queue_claim_limits_are_checked(
    limit: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = _run(
        monkeypatch, capsys, "--db", "sqlite:///never.sqlite3", "queue", "claim", "--limit", limit,
        "--user", "reviewer",
    )  # fmt: skip
    assert status == 2 and "--limit" in err
    assert not Path("never.sqlite3").exists()


def test_queue_claim_help_says_what_it_does(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["queue", "claim", "--help"])
    out = capsys.readouterr().out
    assert "20 条" in out and "10 分钟" in out and "1 至 100" in out


def test_queue_decide_decides_several_items_in_one_transaction_or_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = URL.create("sqlite", database=str(tmp_path / "cluster.sqlite3"))
    sessions = open_database(url)
    queue_cluster(sessions, 5)
    text = url.render_as_string()
    login = ["--user", "reviewer", "--password-stdin"]
    decide = ["--db", text, "queue", "decide"]
    status, out, _ = _run(monkeypatch, capsys, *decide, "1", "--decision", "approve", *login)
    assert status == 0
    entries = _count(sessions, JournalEntry)
    status, out, err = _run(
        monkeypatch, capsys, *decide, "2", "1", "3", "--decision", "take_down", "--note", "撤",
        *login,
    )  # fmt: skip
    assert status == 1 and "条目 1 未处理" in err and "没有决定任何条目" in err
    with sessions() as session:
        states = {i: s for i, s in session.execute(select(QueueItem.id, QueueItem.state))}
    assert states[2] == "pending" and states[3] == "pending"
    assert _count(sessions, JournalEntry) == entries + 1  # the login only
    status, out, err = _run(
        monkeypatch, capsys, *decide, "2", "3", "4", "--decision", "take_down", "--note", "撤",
        *login,
    )  # fmt: skip
    assert status == 0, err
    assert [json.loads(line)["item"] for line in out.splitlines()] == [2, 3, 4]
    with sessions() as session:
        actions = session.scalars(
            select(JournalEntry.action).where(JournalEntry.seq > entries + 2)
        ).all()
    assert len([a for a in actions if a.startswith("audit.")]) == 3, actions
    engine_of(sessions).dispose()


def test_a_joint_decision_is_all_or_nothing_on_every_engine(sessions: SessionFactory) -> None:
    from console.operators import service as operators
    from console.review import service as review

    queue_cluster(sessions, 4)
    reviewer = operators.login(sessions, "reviewer", PASSWORD)
    assert [
        d.item_id for d in review.review_together(sessions, reviewer, [1], "approve").decided
    ] == [1]
    refused = review.review_together(sessions, reviewer, [2, 1, 3, 2], "approve")
    assert refused.decided == [] and [item for item, _ in refused.refused] == [1]
    with sessions() as session:
        pending = session.scalars(
            select(QueueItem.id).where(QueueItem.state == "pending").order_by(QueueItem.id)
        ).all()
    assert pending == [2, 3, 4]
    done = review.review_together(sessions, reviewer, [3, 2], "approve")
    assert [d.item_id for d in done.decided] == [3, 2] and done.refused == []


def test_presets_apply_that_reaches_no_site_exits_nonzero(
    staffed: tuple[str, SessionFactory],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from console.operators import service as operators
    from console.sites.service import create_site
    from tests.site_drafts import PORTAL

    url, sessions = staffed
    login = ["--user", "sysadmin", "--password-stdin"]
    path = PRESETS_DIR / "department.json"
    assert _run(monkeypatch, capsys, "--db", url, "presets", "import", str(path), *login)[0] == 0
    status, _, err = _run(
        monkeypatch, capsys, "--db", url, "presets", "apply", "1", "--every-site", *login
    )
    assert status == 2 and "没有可应用的站点" in err
    create_site(sessions, operators.login(sessions, "sysadmin", PASSWORD), PORTAL)
    status, out, err = _run(
        monkeypatch, capsys, "--db", url, "presets", "apply", "1", "--site", PORTAL.code, *login
    )
    assert status == 1 and "没有应用到任何站点" in err, err
    assert json.loads(out.splitlines()[-1])["changed"] == 0
