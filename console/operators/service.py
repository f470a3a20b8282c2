"""Console operators: first run, login, and the security administrator's management of duties.

三员分立: system, security and audit administration are held by different people; reviewers
may also hold system or security administration. Nobody changes their own duties.
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, lazyload, undefer

from console.base import journal
from console.base.actor import DUTY_LABELS, Actor, require
from console.base.cluster import is_demo
from console.base.editing import editing
from console.base.errors import AuthenticationFailed, InvalidInput, NotFound, NotPermitted
from console.base.i18n import QT_TR_NOOP, translate
from console.base.identifiers import is_username
from console.base.listing import Field, Listing
from console.db import SessionFactory, routines
from console.db.role_state import require_roles
from console.operators import attempts

# The lockout's rule, where callers of the service look for it.
from console.operators.attempts import LOCK_MINUTES as LOCK_MINUTES
from console.operators.attempts import LOGIN_FAILED
from console.operators.attempts import MAX_FAILED_LOGINS as MAX_FAILED_LOGINS
from console.operators.passwords import Hashed, check_password, check_policy, hash_password, proof
from console.schema import Duty, Operator, OperatorDuty, utcnow

EXCLUSIVE = QT_TR_NOOP("三员分立：{a}与{b}不能由同一人担任。")
NO_DUTY = QT_TR_NOOP("操作员至少需要一项职责。")
OWN_DUTIES = QT_TR_NOOP("不能修改自己的职责。")
BAD_USERNAME = QT_TR_NOOP("用户名只能由小写字母、数字和 . _ - 组成，长度 2 到 64：{username}")
NAME_MISSING = QT_TR_NOOP("请填写操作员姓名。")
TAKEN = QT_TR_NOOP("用户名 {username} 已被使用。")
ALREADY_SET_UP = QT_TR_NOOP("已有操作员，首次运行设置只能执行一次。")
FIRST_RUN_NEEDS = QT_TR_NOOP("首次运行需同时建立系统管理员、安全管理员和审计管理员（三人不同）。")
UNKNOWN_OPERATOR = QT_TR_NOOP("操作员 {id} 不存在。")
WRONG_OLD_PASSWORD = QT_TR_NOOP("原密码不正确。")
DISABLE_SELF = QT_TR_NOOP("不能停用自己。")
RESET_SELF = QT_TR_NOOP("不能重置自己的密码，请用“修改密码”。")
NOT_LOCKED = QT_TR_NOOP("操作员 {username} 未被锁定。")
SAME_PASSWORD = QT_TR_NOOP("新密码不能与原密码相同。")
LAST_HOLDER = QT_TR_NOOP("{operator} 是唯一在用的{duty}，须先让另一人担任{duty}。")
ADMINISTRATORS = (Duty.SYSTEM_ADMIN, Duty.SECURITY_ADMIN, Duty.AUDIT_ADMIN)


@dataclass(frozen=True)
class NewOperator:
    """What it takes to create an operator."""

    username: str
    display_name: str
    password: str
    duties: frozenset[Duty]


def check_separation(duties: Iterable[Duty]) -> None:
    """Refuse a duty set that breaks 三员分立 (or is empty)."""
    held = set(duties)
    if not held:
        raise InvalidInput(NO_DUTY)
    pairs = [
        (Duty.AUDIT_ADMIN, Duty.SYSTEM_ADMIN),
        (Duty.AUDIT_ADMIN, Duty.SECURITY_ADMIN),
        (Duty.AUDIT_ADMIN, Duty.REVIEWER),
        (Duty.SYSTEM_ADMIN, Duty.SECURITY_ADMIN),
    ]
    for a, b in pairs:
        if a in held and b in held:
            raise InvalidInput(
                EXCLUSIVE, a=translate("", DUTY_LABELS[a]), b=translate("", DUTY_LABELS[b])
            )


def needs_first_run(sessions: SessionFactory) -> bool:
    """Whether no operator exists yet, so the first-run flow must create the administrators."""
    with sessions() as session:
        return session.scalar(select(func.count()).select_from(Operator)) == 0


def bootstrap(sessions: SessionFactory, operators: Sequence[NewOperator]) -> list[int]:
    """Create the first operators of an empty database, including the three administrators."""
    covered: set[Duty] = set()
    for new in operators:
        check_separation(new.duties)
        covered |= new.duties
    if not {Duty.SYSTEM_ADMIN, Duty.SECURITY_ADMIN, Duty.AUDIT_ADMIN} <= covered:
        raise InvalidInput(FIRST_RUN_NEEDS)
    with sessions.begin() as session:
        if session.scalar(select(func.count()).select_from(Operator)):
            raise NotPermitted(ALREADY_SET_UP)
        demo = is_demo(session)
        created = [_insert(session, Actor.system(), new, demo) for new in operators]
        return [operator.id for operator in created]


def create(sessions: SessionFactory, actor: Actor, new: NewOperator) -> int:
    """Create an operator (security administrator only)."""
    require(actor, Duty.SECURITY_ADMIN)
    check_separation(new.duties)
    with sessions.begin() as session:
        return _insert(session, actor, new, is_demo(session)).id


def set_duties(
    sessions: SessionFactory,
    actor: Actor,
    operator_id: int,
    duties: frozenset[Duty],
    expected_version: int,
) -> None:
    """Replace an operator's duties (security administrator, never their own)."""
    require(actor, Duty.SECURITY_ADMIN)
    if operator_id == actor.operator_id:
        raise NotPermitted(OWN_DUTIES)
    check_separation(duties)
    with _editing_operator(sessions, operator_id, expected_version) as (session, operator):
        _keep_administrators(session, operator, duties)
        before = _snapshot(operator)
        operator.duties = [OperatorDuty(duty=str(d)) for d in sorted(duties)]
        journal.record(
            session,
            actor,
            "operator.duties",
            "operator",
            operator.id,
            operator.username,
            before,
            _snapshot(operator),
        )


def set_active(
    sessions: SessionFactory, actor: Actor, operator_id: int, active: bool, expected_version: int
) -> None:
    """Disable or re-enable an operator (security administrator, never themselves)."""
    require(actor, Duty.SECURITY_ADMIN)
    if operator_id == actor.operator_id:
        raise NotPermitted(DISABLE_SELF)
    with _editing_operator(sessions, operator_id, expected_version) as (session, operator):
        if not active:
            _keep_administrators(session, operator, frozenset())
        before = _snapshot(operator)
        operator.active = active
        operator.failed_logins = 0
        operator.locked_until = None
        journal.record(
            session,
            actor,
            "operator.enable" if active else "operator.disable",
            "operator",
            operator.id,
            operator.username,
            before,
            _snapshot(operator),
        )


def unlock(
    sessions: SessionFactory,
    actor: Actor,
    operator_id: int,
    expected_version: int,
    now: dt.datetime | None = None,
) -> None:
    """Lift the lock that repeated failed logins put on an operator (security administrator)."""
    require(actor, Duty.SECURITY_ADMIN)
    with _editing_operator(sessions, operator_id, expected_version) as (session, operator):
        until = operator.locked_until
        if until is None or until <= (now or utcnow()):
            raise InvalidInput(NOT_LOCKED, username=operator.username)
        operator.failed_logins = 0
        operator.locked_until = None
        journal.record(
            session, actor, "operator.unlock", "operator", operator.id, operator.username,
            {"locked_until": until}, {"locked_until": None},
        )  # fmt: skip


def reset_password(
    sessions: SessionFactory, actor: Actor, operator_id: int, password: str, expected_version: int
) -> None:
    """Set a temporary password the operator must change at next login (security admin; one's
    own password is changed, knowing the old one, not reset)."""
    require(actor, Duty.SECURITY_ADMIN)
    if operator_id == actor.operator_id:
        raise NotPermitted(RESET_SELF)
    with _editing_operator(sessions, operator_id, expected_version) as (session, operator):
        if not is_demo(session):
            check_policy(password)
        _store(operator, hash_password(password))
        operator.must_change_password = True
        operator.failed_logins = 0
        operator.locked_until = None
        journal.record(
            session, actor, "operator.reset_password", "operator", operator.id, operator.username
        )


def change_own_password(sessions: SessionFactory, actor: Actor, old: str, new: str) -> None:
    """Let the logged-in operator change their password."""
    with sessions.begin() as session:
        operator = session.get(Operator, actor.operator_id)
        if operator is None:
            raise NotFound(UNKNOWN_OPERATOR, id=actor.operator_id)
        on_server = routines.on_server(session)
        # A server's duty login cannot read the hash: there the routine judges the old password.
        if not on_server and not check_password(old, operator.password_hash):
            raise AuthenticationFailed(WRONG_OLD_PASSWORD)
        if new == old:
            raise InvalidInput(SAME_PASSWORD)
        check_policy(new)
        hashed = hash_password(new)
        if on_server:
            # The server's routine writes the one row, given the proof of the old password.
            changed = session.execute(
                routines.call(
                    session,
                    "operator_password",
                    operator_id=operator.id,
                    proof=proof(old, operator.password_salt),
                    new_hash=hashed.password_hash,
                    new_check=hashed.password_check,
                )
            ).scalar()
            if not changed:
                raise AuthenticationFailed(WRONG_OLD_PASSWORD)
        else:
            _store(operator, hashed)
            operator.must_change_password = False
        journal.record(
            session, actor, "operator.change_password", "operator", operator.id, operator.username
        )


def login(
    sessions: SessionFactory, username: str, password: str, now: dt.datetime | None = None
) -> Actor:
    """Check credentials and return the acting operator; every attempt is journalled.

    After ``MAX_FAILED_LOGINS`` consecutive failures the operator is locked for
    ``LOCK_MINUTES``. Unknown names and wrong passwords get the same message. The failure
    count is bookkeeping, not an edit: it does not bump the operator's version. On a server
    database the definer's routine ``operator_login`` judges the attempt, under the row's lock
    and by the server's clock (``now`` is SQLite's), and writes the counters: the duty logins
    may not write them.
    """
    now = now or utcnow()
    name = username.strip()[:64]
    refusal: AuthenticationFailed | None = None
    with sessions.begin() as session:
        # The operator with its duties in one round trip.
        duties = (
            select(func.aggregate_strings(OperatorDuty.duty, ","))
            .where(OperatorDuty.operator_id == Operator.id)
            .scalar_subquery()
        )
        # On SQLite the console checks the hash itself, so it comes along; a server's duty
        # login may not read it (the routine checks the proof).
        hashes = () if routines.on_server(session) else (undefer(Operator.password_hash),)
        found = session.execute(
            select(Operator, duties)
            .where(Operator.username == name)
            .options(lazyload(Operator.duties), *hashes)
        ).one_or_none()
        operator, held_text = (found[0], found[1] or "") if found else (None, "")
        if operator is None:
            journal.record(
                session, Actor(None, name, frozenset()), "login.unknown", "operator", "-", name
            )
            refusal = AuthenticationFailed(LOGIN_FAILED)
        else:
            refusal = attempts.judge(session, operator, password, now)
            held = frozenset(Duty(duty) for duty in held_text.split(",") if duty)
            actor = Actor(operator.id, operator.username, held)
            _told_at_login(sessions)[operator.id] = operator.must_change_password
            if refusal is None:
                # The database login must hold the roles of the duties the console will act in.
                require_roles(session.connection(), actor.duties)
            journal.record(
                session,
                actor,
                "login.failed" if refusal else "login",
                "operator",
                operator.id,
                operator.username,
            )
    if refusal is not None:
        raise refusal
    return actor


SESSION_ENDS = ("quit", "logout", "switch_operator", "switch_database")
BAD_SESSION_END = QT_TR_NOOP("未知的会话结束方式：{how}")


def logout(sessions: SessionFactory, actor: Actor, how: str, released: int = 0) -> None:
    """Journal the end of the operator's session: ``how`` it ended (one of ``SESSION_ENDS``)
    and how many claimed review items they gave back to the queue first."""
    if how not in SESSION_ENDS:
        raise InvalidInput(BAD_SESSION_END, how=how)
    with sessions.begin() as session:
        journal.record(
            session,
            actor,
            "logout",
            "operator",
            actor.operator_id if actor.operator_id is not None else "-",
            actor.username,
            None,
            {"how": how, "released": released},
        )


_must_change: weakref.WeakKeyDictionary[SessionFactory, dict[int, bool]] = (
    weakref.WeakKeyDictionary()
)


def _told_at_login(sessions: SessionFactory) -> dict[int, bool]:
    """Whether each operator just logged in must change their password, as the login read it."""
    return _must_change.setdefault(sessions, {})


def must_change_password(sessions: SessionFactory, actor: Actor) -> bool:
    """Whether the operator logged in with a temporary password (the login's own reading, the
    first time it is asked after a login)."""
    told = _told_at_login(sessions).pop(actor.operator_id or 0, None)
    if told is not None:
        return told
    with sessions() as session:
        operator = session.get(Operator, actor.operator_id)
        return bool(operator and operator.must_change_password)


def _keep_administrators(session: Session, operator: Operator, after: frozenset[Duty]) -> None:
    """Refuse a change that leaves no active holder of system, security or audit administration
    (the cluster could no longer be run, its editors managed, or its journal verified)."""
    if not operator.active:
        return
    for duty in ADMINISTRATORS:
        if duty not in operator.duty_set or duty in after:
            continue
        others = session.scalar(
            select(func.count())
            .select_from(Operator)
            .join(OperatorDuty, OperatorDuty.operator_id == Operator.id)
            .where(
                OperatorDuty.duty == duty.value,
                Operator.active.is_(True),
                Operator.id != operator.id,
            )
        )
        if not others:
            raise InvalidInput(
                LAST_HOLDER, operator=operator.username, duty=translate("", DUTY_LABELS[duty])
            )


def _editing_operator(
    sessions: SessionFactory, operator_id: int, expected_version: int
) -> AbstractContextManager[tuple[Session, Operator]]:
    return editing(sessions, Operator, operator_id, expected_version, "operator")


def _insert(session: Session, actor: Actor, new: NewOperator, demo: bool) -> Operator:
    username = new.username.strip()
    if not is_username(username):
        raise InvalidInput(BAD_USERNAME, username=username)
    if not new.display_name.strip():
        raise InvalidInput(NAME_MISSING)
    if not demo:
        check_policy(new.password)
    if session.scalar(select(Operator.id).where(Operator.username == username)) is not None:
        raise InvalidInput(TAKEN, username=username)
    operator = Operator(
        username=username,
        display_name=new.display_name.strip(),
        **vars(hash_password(new.password)),
        active=True,
        failed_logins=0,
        must_change_password=False,
        duties=[OperatorDuty(duty=str(d)) for d in sorted(new.duties)],
    )
    session.add(operator)
    session.flush()
    journal.record(
        session,
        actor,
        "operator.create",
        "operator",
        operator.id,
        username,
        None,
        _snapshot(operator),
    )
    return operator


def _store(operator: Operator, hashed: Hashed) -> None:
    operator.password_hash = hashed.password_hash
    operator.password_check = hashed.password_check
    operator.password_salt = hashed.password_salt


def _snapshot(operator: Operator) -> dict[str, object]:
    return {
        "username": operator.username,
        "display_name": operator.display_name,
        "active": operator.active,
        "duties": sorted(d.duty for d in operator.duties),
    }


def _holds(duty: Duty) -> Any:
    return (
        select(func.count())
        .where(OperatorDuty.operator_id == Operator.id, OperatorDuty.duty == duty.value)
        .correlate(Operator)
        .scalar_subquery()
    )


def _tick(value: Any) -> str:
    return "✓" if value else ""


OPERATORS = Listing(
    name="operators",
    title=QT_TR_NOOP("控制台操作员"),
    source=Operator.__table__,
    row_id=Operator.id,
    readers=frozenset({Duty.SECURITY_ADMIN}),
    default_sort="username",
    fields=(
        Field("username", QT_TR_NOOP("用户名"), Operator.username, searchable=True, width=12),
        Field("name", QT_TR_NOOP("姓名"), Operator.display_name, searchable=True, width=10),
        *(
            Field(f"duty_{duty.value}", DUTY_LABELS[duty], _holds(duty), render=_tick, width=8)
            for duty in Duty
        ),
        Field(
            "active",
            QT_TR_NOOP("状态"),
            Operator.active,
            render=lambda v: translate("", QT_TR_NOOP("正常") if v else QT_TR_NOOP("已停用")),
            width=6,
        ),
        Field(
            "must_change",
            QT_TR_NOOP("待改密"),
            Operator.must_change_password,
            render=_tick,
            width=6,
        ),
        Field("last_login", QT_TR_NOOP("最近登录"), Operator.last_login_at, width=16),
        Field("locked_until", QT_TR_NOOP("锁定至"), Operator.locked_until, width=16),
    ),
)


@dataclass(frozen=True)
class OperatorDetail:
    """One operator as the management page shows it."""

    id: int
    version: int
    username: str
    display_name: str
    active: bool
    duties: frozenset[Duty]


def detail(sessions: SessionFactory, actor: Actor, operator_id: int) -> OperatorDetail:
    """One operator's particulars and duties (security administrator)."""
    require(actor, Duty.SECURITY_ADMIN)
    with sessions() as session:
        operator = session.get(Operator, operator_id)
        if operator is None:
            raise NotFound(UNKNOWN_OPERATOR, id=operator_id)
        return OperatorDetail(
            operator.id,
            operator.version,
            operator.username,
            operator.display_name,
            operator.active,
            operator.duty_set,
        )
