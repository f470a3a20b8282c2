"""One login attempt judged and counted: by the console on SQLite, by the server's routine.

After ``MAX_FAILED_LOGINS`` consecutive failures the operator is locked for ``LOCK_MINUTES``.
On a server database the duty logins may not write the counters: the definer's routine
``operator_login`` (migration 0008) checks the password's proof (``passwords.proof``, computed
from the public ``password_salt``: the duty logins may not read the hash, migration 0009) under
the row's lock, by the server's clock, and writes them.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import update
from sqlalchemy.orm import Session

from console.base import clock
from console.base.cluster import settings_of
from console.base.errors import AuthenticationFailed
from console.base.i18n import QT_TR_NOOP
from console.db import routines
from console.operators.passwords import check_password, proof
from console.schema import Operator

MAX_FAILED_LOGINS = 5
LOCK_MINUTES = 15

LOGIN_FAILED = QT_TR_NOOP("用户名或密码不正确。")
LOCKED = QT_TR_NOOP("连续登录失败过多，账号已锁定至 {until}。")
DISABLED = QT_TR_NOOP("该操作员已停用。")


def judge(
    session: Session, operator: Operator, password: str, now: dt.datetime
) -> AuthenticationFailed | None:
    """Apply one login attempt to the operator's counters; the refusal, or None."""
    values: dict[str, object]
    refusal: AuthenticationFailed | None = None
    if not operator.active:
        return AuthenticationFailed(DISABLED)
    if routines.on_server(session):
        return _attempt_on_server(session, operator, password)
    if operator.locked_until is not None and operator.locked_until > now:
        return _locked(session, operator.locked_until)
    if check_password(password, operator.password_hash):
        values = {"failed_logins": 0, "locked_until": None, "last_login_at": now}
    else:
        failed = operator.failed_logins + 1
        values = {"failed_logins": failed}
        if failed >= MAX_FAILED_LOGINS:
            values = {"failed_logins": 0, "locked_until": now + dt.timedelta(minutes=LOCK_MINUTES)}
        refusal = AuthenticationFailed(LOGIN_FAILED)
    session.execute(update(Operator).where(Operator.id == operator.id).values(**values))
    return refusal


def _attempt_on_server(
    session: Session, operator: Operator, password: str
) -> AuthenticationFailed | None:
    """Have the server's routine judge and count the attempt from the password's proof."""
    outcome, until = session.execute(
        routines.call(
            session,
            "operator_login",
            operator_id=operator.id,
            proof=proof(password, operator.password_salt),
            max_failed=MAX_FAILED_LOGINS,
            lock_minutes=LOCK_MINUTES,
        )
    ).one()
    if outcome == "ok":
        return None
    if outcome == "locked":
        return _locked(session, until)
    return AuthenticationFailed(DISABLED if outcome == "disabled" else LOGIN_FAILED)


def _locked(session: Session, until: dt.datetime) -> AuthenticationFailed:
    zone = settings_of(session).zone
    return AuthenticationFailed(LOCKED, until=clock.shown(until, zone))
