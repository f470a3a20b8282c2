"""Operator password hashing (scrypt from the standard library) and the password policy."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from console.base.errors import InvalidInput
from console.base.i18n import QT_TR_NOOP

# scrypt with N=2^15, r=8, p=1 costs about 32 MiB and a few tens of milliseconds per check:
# cheap for a login, expensive for anyone guessing against a stolen table.
N, R, P = 2**15, 8, 1
MAX_MEM = 64 * 1024 * 1024
MIN_LENGTH = 10

TOO_SHORT = QT_TR_NOOP("密码至少需要 {n} 个字符。")
TOO_SIMPLE = QT_TR_NOOP("密码需包含大写字母、小写字母、数字、符号四类中的至少三类。")


def hash_password(password: str) -> str:
    """A self-describing scrypt hash of ``password`` with a fresh salt."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=N, r=R, p=P, maxmem=MAX_MEM)
    return "$".join(["scrypt", str(N), str(R), str(P), _b64(salt), _b64(digest)])


def check_password(password: str, stored: str) -> bool:
    """Whether ``password`` matches ``stored`` (constant-time comparison)."""
    return hmac.compare_digest(rehash(password, stored).encode(), stored.encode())


def rehash(password: str, stored: str) -> str:
    """``password`` hashed with ``stored``'s salt and cost: equal to ``stored`` exactly when the
    password is right ("" when ``stored`` is no hash of ours). A server's login routine compares
    it with the hash it holds, so the proof of the password, not the console, decides."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return ""
        actual = hashlib.scrypt(
            password.encode("utf-8"),
            salt=base64.b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            maxmem=MAX_MEM,
            dklen=len(base64.b64decode(digest)),
        )
    except ValueError:
        return ""
    return "$".join([scheme, n, r, p, salt, _b64(actual)])


def check_policy(password: str) -> None:
    """Refuse passwords that are too short or use fewer than three character classes."""
    if len(password) < MIN_LENGTH:
        raise InvalidInput(TOO_SHORT, n=MIN_LENGTH)
    classes = (
        any(c.isupper() for c in password),
        any(c.islower() for c in password),
        any(c.isdigit() for c in password),
        any(not c.isalnum() for c in password),
    )
    if sum(classes) < 3:
        raise InvalidInput(TOO_SIMPLE)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
