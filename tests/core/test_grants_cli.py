"""``grants who`` and ``grants of`` answer from the command line, as text or JSON."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import update
from sqlalchemy.engine import URL

from console.cli import main
from console.db import SessionFactory
from console.schema import Account
from tests.core.test_rights import give, tiny_cluster


def _run(url: URL, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["--db", url.render_as_string(hide_password=False), "grants", *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_who_can_publish_in_a_column_by_path_or_names(
    db_url: URL, sessions: SessionFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    tiny_cluster(sessions)
    give(sessions, 1, "publisher", column=1)
    give(sessions, 2, "publisher")
    give(sessions, 3, "publisher", column=4)
    for column in ("/1/2/3/", "/政务公开/通知公告/人事任免"):
        status, out, _ = _run(
            db_url,
            capsys,
            "who",
            "--site",
            "3312000001",
            "--column",
            column,
            "--role",
            "发布",
            "--json",
        )
        assert status == 0
        assert [(r["account"], r["column"]) for r in json.loads(out)] == [
            ("editor1", "政务公开"),
            ("editor2", None),
        ]


def test_of_lists_an_accounts_rights_with_their_grants(
    db_url: URL, sessions: SessionFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    tiny_cluster(sessions)
    grant_id = give(sessions, 1, "reviewer", column=4)
    status, out, _ = _run(db_url, capsys, "of", "editor1")
    assert status == 0
    assert out.split("\t")[2:4] == ["审核", "3312000001 云溪市第1局 › 工作动态"]
    assert out.strip().endswith(f"#{grant_id}")
    status, _, err = _run(db_url, capsys, "of", "nobody")
    assert status != 0 and "不存在" in err
    with sessions.begin() as session:
        session.execute(update(Account).where(Account.id == 1).values(status="locked"))
    status, out, err = _run(db_url, capsys, "of", "editor1", "--json")
    assert status == 0 and json.loads(out)[0]["account_status"] == "locked"
    assert "editor1 已锁定" in err and "不生效" in err
