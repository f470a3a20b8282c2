"""Grants through the services: the rules, bulk operations all or nothing, and the journal."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.exc import OperationalError

from console.base import journal, journal_search
from console.base.errors import InvalidInput, NotFound, NotPermitted
from console.db import SessionFactory
from console.operators import service as operators
from console.permissions import grants, scopes
from console.permissions.grants import GrantRequest, Verdict
from console.schema import Account, Grant, JournalEntry, Site, utcnow
from tests.core.test_rights import SECADMIN, give, tiny_cluster


def _grant_count(sessions: SessionFactory) -> int:
    with sessions() as session:
        return session.scalar(select(func.count()).select_from(Grant)) or 0


def _actions(sessions: SessionFactory) -> list[str]:
    with sessions() as session:
        return list(session.scalars(select(JournalEntry.action).order_by(JournalEntry.seq)))


def test_a_grant_is_journalled_and_revoking_keeps_what_it_was(sessions: SessionFactory) -> None:
    tiny_cluster(sessions)
    grant_id = grants.grant(sessions, SECADMIN, GrantRequest(1, "editor", 1, 2))
    grants.revoke(sessions, SECADMIN, grant_id)
    assert _actions(sessions)[-2:] == ["grant.create", "grant.revoke"]
    with sessions() as session:
        last = session.scalars(select(JournalEntry).order_by(JournalEntry.seq.desc())).first()
    assert last is not None and '"role":"editor"' in last.before
    assert last.target_label == "editor1 · 编辑 · 云溪市第1局 › 通知公告"


def test_the_same_grant_twice_is_not_duplicated(sessions: SessionFactory) -> None:
    tiny_cluster(sessions)
    first = grants.grant(sessions, SECADMIN, GrantRequest(1, "editor", 1))
    assert grants.grant(sessions, SECADMIN, GrantRequest(1, "editor", 1)) == first
    assert _grant_count(sessions) == 1


@pytest.mark.parametrize("state", ["retired", "merged"])
def test_no_grant_on_a_retired_or_merged_site(sessions: SessionFactory, state: str) -> None:
    tiny_cluster(sessions)
    with sessions.begin() as session:
        session.execute(update(Site).where(Site.id == 1).values(state=state))
    with pytest.raises(InvalidInput, match="已下线或已整合迁移"):
        grants.grant(sessions, SECADMIN, GrantRequest(1, "editor", 1))


def test_an_expiry_in_the_past_is_refused(sessions: SessionFactory) -> None:
    tiny_cluster(sessions)
    with pytest.raises(InvalidInput, match="已过"):
        grants.grant(
            sessions,
            SECADMIN,
            GrantRequest(1, "editor", 1, None, utcnow() - dt.timedelta(hours=1)),
        )


def test_a_column_of_another_site_is_refused(sessions: SessionFactory) -> None:
    tiny_cluster(sessions)
    with pytest.raises(NotFound):
        grants.grant(sessions, SECADMIN, GrantRequest(1, "editor", 1, 12))


def test_publishing_needs_reviewing_over_the_same_scope_under_review_first(
    sessions: SessionFactory,
) -> None:
    tiny_cluster(sessions)
    with pytest.raises(InvalidInput, match="先审后发"):
        grants.grant(sessions, SECADMIN, GrantRequest(1, "publisher", 1, 2))
    grants.grant(sessions, SECADMIN, GrantRequest(1, "reviewer", 1, 1))
    grants.grant(sessions, SECADMIN, GrantRequest(1, "publisher", 1, 2))
    with pytest.raises(InvalidInput, match="先审后发"):
        grants.grant(sessions, SECADMIN, GrantRequest(1, "publisher", 1))


def test_a_site_without_review_first_allows_publishing_alone(sessions: SessionFactory) -> None:
    tiny_cluster(sessions)
    with sessions.begin() as session:
        session.execute(update(Site).where(Site.id == 1).values(publish_requires_review=False))
    grants.grant(sessions, SECADMIN, GrantRequest(1, "publisher", 1))
    grants.grant(sessions, SECADMIN, GrantRequest(1, "editor", 1))
    assert _grant_count(sessions) == 2


@pytest.mark.parametrize(
    ("held", "asked"),
    [(("editor", 3), ("publisher", 1)), (("publisher", 1), ("editor", 3))],
)
def test_nobody_writes_and_publishes_over_overlapping_scopes(
    sessions: SessionFactory, held: tuple[str, int], asked: tuple[str, int]
) -> None:
    tiny_cluster(sessions)
    give(sessions, 1, "reviewer")
    give(sessions, 1, held[0], column=held[1])
    with pytest.raises(InvalidInput, match="同一人不能既撰写又发布"):
        grants.grant(sessions, SECADMIN, GrantRequest(1, asked[0], 1, asked[1]))
    # Disjoint subtrees are fine: writing in 工作动态, publishing in 政务公开.
    grants.grant(sessions, SECADMIN, GrantRequest(1, asked[0], 1, 4 if held[1] != 4 else 1))


def test_bulk_grant_previews_then_applies_every_row_in_one_go(sessions: SessionFactory) -> None:
    tiny_cluster(sessions, sites=3)
    give(sessions, 1, "reviewer", site=2)
    plan = grants.plan_bulk(sessions, SECADMIN, [1, 2, 3], "reviewer", [1, 2, 3])
    assert len(plan.rows) == 9
    assert plan.count(Verdict.APPLY) == 8 and plan.count(Verdict.SKIP) == 1
    assert _grant_count(sessions) == 1
    done = grants.bulk_grant(sessions, SECADMIN, [1, 2, 3], "reviewer", [1, 2, 3])
    assert all(row.grant_id for row in done.rows)
    assert _grant_count(sessions) == 9
    assert _actions(sessions).count("grant.create") == 8


def test_bulk_grant_with_one_refused_row_changes_nothing(sessions: SessionFactory) -> None:
    tiny_cluster(sessions, sites=3)
    with sessions.begin() as session:
        session.execute(update(Site).where(Site.id == 3).values(state="retired"))
    plan = grants.plan_bulk(sessions, SECADMIN, [1, 2], "editor", [1, 2, 3])
    assert [r.verdict for r in plan.refused] == [Verdict.REFUSE, Verdict.REFUSE]
    before = len(_actions(sessions))
    with pytest.raises(InvalidInput, match="2 项不符合规则"):
        grants.bulk_grant(sessions, SECADMIN, [1, 2], "editor", [1, 2, 3])
    assert _grant_count(sessions) == 0
    assert len(_actions(sessions)) == before


def test_bulk_publisher_grants_count_reviewer_rows_planned_earlier(
    sessions: SessionFactory,
) -> None:
    tiny_cluster(sessions)
    grants.bulk_grant(sessions, SECADMIN, [1, 2], "reviewer", [1, 2])
    done = grants.bulk_grant(sessions, SECADMIN, [1, 2], "publisher", [1, 2])
    assert done.count(Verdict.APPLY) == 4


def test_handover_copies_grants_in_force_reviews_first(sessions: SessionFactory) -> None:
    tiny_cluster(sessions)
    give(sessions, 1, "publisher", column=2)
    give(sessions, 1, "reviewer", column=1)
    give(sessions, 1, "editor", column=4, expires=utcnow() - dt.timedelta(days=2))
    give(sessions, 2, "reviewer", column=1)
    plan = grants.plan_handover(sessions, SECADMIN, 1, 2)
    assert [(r.request.role, r.verdict) for r in plan.rows] == [
        ("reviewer", Verdict.SKIP),
        ("publisher", Verdict.APPLY),
    ]
    grants.handover(sessions, SECADMIN, 1, 2)
    assert {r.role for r in grants.of(sessions, SECADMIN, 2)} == {"reviewer", "publisher"}
    with pytest.raises(InvalidInput):
        grants.handover(sessions, SECADMIN, 2, 2)


def test_handover_that_would_break_a_rule_changes_nothing(sessions: SessionFactory) -> None:
    tiny_cluster(sessions)
    give(sessions, 1, "reviewer")
    give(sessions, 1, "publisher")
    give(sessions, 1, "site_admin")
    give(sessions, 2, "editor", column=3)
    with pytest.raises(InvalidInput, match="1 项不符合规则"):
        grants.handover(sessions, SECADMIN, 1, 2)
    assert [r.role for r in grants.of(sessions, SECADMIN, 2)] == ["editor"]


def test_revoking_everything_of_a_leaving_account(sessions: SessionFactory) -> None:
    tiny_cluster(sessions)
    give(sessions, 1, "editor", column=4)
    give(sessions, 1, "reviewer", site=2, expires=utcnow() - dt.timedelta(days=1))
    give(sessions, 2, "editor")
    assert len(grants.plan_revoke_all(sessions, SECADMIN, 1).rows) == 2
    assert len(grants.revoke_all(sessions, SECADMIN, 1).rows) == 2
    assert grants.of(sessions, SECADMIN, 1, with_expired=True) == []
    assert _grant_count(sessions) == 1
    with pytest.raises(InvalidInput):
        grants.revoke_all(sessions, SECADMIN, 1)


def test_renewing_revives_an_expired_grant(sessions: SessionFactory) -> None:
    tiny_cluster(sessions)
    grant_id = give(sessions, 1, "editor", expires=utcnow() - dt.timedelta(days=1))
    assert grants.who(sessions, SECADMIN, "editor", 1) == []
    grants.renew(sessions, SECADMIN, grant_id, None)
    assert [r.grant_id for r in grants.who(sessions, SECADMIN, "editor", 1)] == [grant_id]


def test_columns_are_found_by_id_path_or_by_names(sessions: SessionFactory) -> None:
    tiny_cluster(sessions)
    assert scopes.find_column(sessions, SECADMIN, 1, "/1/2/").id == 2
    assert scopes.find_column(sessions, SECADMIN, 1, "/政务公开/通知公告").id == 2
    with pytest.raises(NotFound, match="不属于网站 云溪市第1局"):
        scopes.find_column(sessions, SECADMIN, 1, "/不存在")


def test_a_site_administrator_is_granted_a_whole_site_only(sessions: SessionFactory) -> None:
    tiny_cluster(sessions)
    with pytest.raises(InvalidInput, match="只能授予整个网站"):
        grants.grant(sessions, SECADMIN, GrantRequest(1, "site_admin", 1, 2))
    grants.grant(sessions, SECADMIN, GrantRequest(1, "site_admin", 1))


def test_a_disabled_account_gets_no_new_grants(sessions: SessionFactory) -> None:
    tiny_cluster(sessions)
    with sessions.begin() as session:
        session.execute(update(Account).where(Account.id == 3).values(status="disabled"))
    with pytest.raises(InvalidInput, match="已停用"):
        grants.grant(sessions, SECADMIN, GrantRequest(3, "editor", 1))


class _FailingJournal:
    """Stands in for ``journal.record`` and fails on its ``nth`` call, as a dropped connection
    or a full disk would in the middle of a bulk operation."""

    def __init__(self, nth: int) -> None:
        self.calls, self.nth = 0, nth
        self.record = journal.record

    def __call__(self, *args: object, **kwargs: object) -> object:
        self.calls += 1
        if self.calls == self.nth:
            raise OperationalError("INSERT INTO journal", {}, Exception("connection lost"))
        return self.record(*args, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("operation", ["bulk", "handover", "revoke_all"])
def test_a_failure_midway_through_a_bulk_operation_leaves_every_grant_as_it_was(
    sessions: SessionFactory, monkeypatch: pytest.MonkeyPatch, operation: str
) -> None:
    tiny_cluster(sessions, sites=3)
    for site in (1, 2, 3):
        give(sessions, 1, "reviewer", site=site)
    held = {r.grant_id for r in grants.of(sessions, SECADMIN, 1)}
    entries = len(_actions(sessions))
    run = {
        "bulk": lambda: grants.bulk_grant(sessions, SECADMIN, [2, 3], "editor", [1, 2, 3]),
        "handover": lambda: grants.handover(sessions, SECADMIN, 1, 2),
        "revoke_all": lambda: grants.revoke_all(sessions, SECADMIN, 1),
    }[operation]
    monkeypatch.setattr(journal, "record", _FailingJournal(nth=3))
    with pytest.raises(OperationalError):
        run()
    monkeypatch.undo()
    assert _grant_count(sessions) == 3
    assert {r.grant_id for r in grants.of(sessions, SECADMIN, 1)} == held
    assert len(_actions(sessions)) == entries
    assert run().rows


def test_a_leaver_is_disabled_with_the_revocation_or_not_at_all(
    sessions: SessionFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    tiny_cluster(sessions)
    give(sessions, 1, "editor", column=4)
    give(sessions, 1, "reviewer", site=2)
    monkeypatch.setattr(journal, "record", _FailingJournal(nth=3))
    with pytest.raises(OperationalError):
        grants.revoke_all(sessions, SECADMIN, 1, disable=True)
    monkeypatch.undo()
    with sessions() as session:
        assert session.scalar(select(Account.status).where(Account.id == 1)) == "active"
    assert _grant_count(sessions) == 2
    assert len(grants.revoke_all(sessions, SECADMIN, 1, disable=True).rows) == 2
    with sessions() as session:
        assert session.scalar(select(Account.status).where(Account.id == 1)) == "disabled"
    assert _actions(sessions)[-3:] == ["grant.revoke", "grant.revoke", "account.disable"]
    assert grants.revoke_all(sessions, SECADMIN, 1, disable=True).rows == ()


def test_the_auditor_reads_a_journal_entry_in_full_and_nobody_else_does(
    sessions: SessionFactory,
) -> None:
    tiny_cluster(sessions)
    grants.grant(sessions, SECADMIN, GrantRequest(1, "editor", 1, 4))
    with sessions() as session:
        seq = session.scalar(select(func.max(JournalEntry.seq)))
    assert seq is not None
    auditor = operators.login(sessions, "aud", "Str0ng!Passw0rd")
    shown = journal_search.entry(sessions, auditor, seq)
    assert shown.action == "grant.create" and shown.before == ""
    assert '"role": "editor"' in shown.after and shown.after.count("\n") >= 5
    assert len(shown.hash) == 64 and shown.prev_hash != shown.hash
    with pytest.raises(NotPermitted):
        journal_search.entry(sessions, SECADMIN, seq)
    with pytest.raises(NotFound):
        journal_search.entry(sessions, auditor, seq + 100)
