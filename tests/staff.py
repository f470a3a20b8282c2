"""The console's operators in a test or benchmark cluster: three administrators and a reviewer."""

from __future__ import annotations

from console.db import SessionFactory
from console.operators import service as operators
from console.schema import Duty

PASSWORD = "Str0ng!Passw0rd"
STAFF = (
    ("sysadmin", "系统管理员甲", Duty.SYSTEM_ADMIN),
    ("secadmin", "安全管理员乙", Duty.SECURITY_ADMIN),
    ("auditor", "审计管理员丙", Duty.AUDIT_ADMIN),
    ("reviewer", "审核员丁", Duty.REVIEWER),
)


def bootstrap_staff(sessions: SessionFactory) -> None:
    """Create the operators of ``STAFF`` (all with ``PASSWORD``) in an empty cluster."""
    operators.bootstrap(
        sessions,
        [
            operators.NewOperator(name, shown, PASSWORD, frozenset({duty}))
            for name, shown, duty in STAFF
        ],
    )
