"""Who is acting: the logged-in operator (or the console itself) and the duty checks."""

from __future__ import annotations

from dataclasses import dataclass

from console.base.errors import NotPermitted
from console.base.i18n import QT_TR_NOOP, joined, translate
from console.schema import Duty

DUTY_LABELS: dict[Duty, str] = {
    Duty.SYSTEM_ADMIN: QT_TR_NOOP("系统管理员"),
    Duty.SECURITY_ADMIN: QT_TR_NOOP("安全管理员"),
    Duty.AUDIT_ADMIN: QT_TR_NOOP("审计管理员"),
    Duty.REVIEWER: QT_TR_NOOP("内容审核员"),
}

# Lists of the register (sites, presets, filings) are readable by every duty but audit, whose
# holder reads the journal and nothing else.
REGISTER_READERS = frozenset({Duty.SYSTEM_ADMIN, Duty.SECURITY_ADMIN, Duty.REVIEWER})

MISSING_DUTY = QT_TR_NOOP("此操作需要以下职责之一：{duties}；当前操作员 {operator} 不具备。")
SYSTEM_NAME = "system"


@dataclass(frozen=True)
class Actor:
    """The operator a service acts for; ``operator_id`` is None for the console itself."""

    operator_id: int | None
    username: str
    duties: frozenset[Duty]

    @classmethod
    def system(cls) -> Actor:
        """The console acting on its own (first run, demo generation); holds no duties."""
        return cls(None, SYSTEM_NAME, frozenset())

    def holds(self, *duties: Duty) -> bool:
        """Whether the operator holds at least one of ``duties``."""
        return any(duty in self.duties for duty in duties)


def require(actor: Actor, *duties: Duty) -> None:
    """Refuse with ``NotPermitted`` unless ``actor`` holds one of ``duties``."""
    if not actor.holds(*duties):
        names = joined(translate("", DUTY_LABELS[d]) for d in duties)
        raise NotPermitted(MISSING_DUTY, duties=names, operator=actor.username)
