"""三员分立 in the services: each forbidden duty combination, and who may touch grants."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from console.base import journal
from console.base.actor import Actor
from console.base.errors import InvalidInput, NotPermitted
from console.db import SessionFactory
from console.operators import service as operators
from console.operators.service import NewOperator
from console.permissions import accounts, grants
from console.permissions.accounts import AccountFields
from console.permissions.grants import GrantRequest
from console.schema import Duty
from tests.core.test_rights import SECADMIN, tiny_cluster

SYS, SEC, AUD, REV = Duty.SYSTEM_ADMIN, Duty.SECURITY_ADMIN, Duty.AUDIT_ADMIN, Duty.REVIEWER
STRONG = "Str0ng!Passw0rd"


@pytest.mark.parametrize(
    "pair", [(AUD, SYS), (AUD, SEC), (AUD, REV), (SYS, SEC)], ids=lambda p: "+".join(p)
)
def test_a_forbidden_pair_of_duties_is_refused_on_create_and_on_change(
    sessions: SessionFactory, pair: tuple[Duty, Duty]
) -> None:
    tiny_cluster(sessions)
    security = operators.login(sessions, "sec", STRONG)
    with pytest.raises(InvalidInput, match="三员分立"):
        operators.create(sessions, security, NewOperator("x1", "某人", STRONG, frozenset(pair)))
    other = operators.create(
        sessions, security, NewOperator("x2", "某人", STRONG, frozenset({pair[0]}))
    )
    with pytest.raises(InvalidInput, match="三员分立"):
        operators.set_duties(sessions, security, other, frozenset(pair), expected_version=1)


WRITES: dict[str, Callable[[SessionFactory, Actor], object]] = {
    "grant": lambda s, a: grants.grant(s, a, GrantRequest(1, "editor", 1)),
    "revoke": lambda s, a: grants.revoke(s, a, 1),
    "bulk": lambda s, a: grants.bulk_grant(s, a, [1], "editor", [1]),
    "handover": lambda s, a: grants.handover(s, a, 1, 2),
    "revoke_all": lambda s, a: grants.revoke_all(s, a, 1),
    "who": lambda s, a: grants.who(s, a, "publisher", 1),
    "account": lambda s, a: accounts.create(s, a, AccountFields("n1", "某", "某局")),
    "reveal": lambda s, a: accounts.reveal_phone(s, a, 1),
    "disable": lambda s, a: accounts.set_status(s, a, 1, "disabled", 1),
}


@pytest.mark.parametrize("username", ["sys", "aud"])
def test_only_the_security_administrator_manages_accounts_and_grants(
    sessions: SessionFactory, username: str
) -> None:
    tiny_cluster(sessions)
    actor = operators.login(sessions, username, STRONG)
    for name, write in WRITES.items():
        with pytest.raises(NotPermitted):
            write(sessions, actor)
            pytest.fail(f"{name} was allowed to {username}")


def test_a_reviewer_touches_no_grants(sqlite_sessions: SessionFactory) -> None:
    tiny_cluster(sqlite_sessions)
    reviewer = Actor(9, "rev", frozenset({REV}))
    for write in WRITES.values():
        with pytest.raises(NotPermitted):
            write(sqlite_sessions, reviewer)


def test_only_the_audit_administrator_verifies_the_journal(sessions: SessionFactory) -> None:
    tiny_cluster(sessions)
    with pytest.raises(NotPermitted):
        journal.verify(sessions, SECADMIN)
    assert journal.verify(sessions, operators.login(sessions, "aud", STRONG)).intact
