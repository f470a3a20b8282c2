"""Operator password hashing (scrypt from the standard library) and the password policy."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from console.base.errors import InvalidInput
from console.base.i18n import QT_TR_NOOP

# scrypt with N=2^15, r=8, p=1 costs about 32 MiB and a few tens of milliseconds per check:
# cheap for a login, expensive for anyone guessing against a stolen table.
N, R, P = 2**15, 8, 1
MAX_MEM = 64 * 1024 * 1024
MIN_LENGTH = 10
# Bytes of the digest stored in the hash; as many again make the server's proof.
HALF = 32

TOO_SHORT = QT_TR_NOOP("密码至少需要 {n} 个字符。")
TOO_SIMPLE = QT_TR_NOOP("密码需包含大写字母、小写字母、数字、符号四类中的至少三类。")


@dataclass(frozen=True)
class Hashed:
    """What is stored of a password: the hash the console checks and the server's check.

    One scrypt run gives 64 bytes. The first half is the hash's digest (``password_hash``);
    the second half, in hex, is the proof a server's login routine asks for, and only its
    SHA-256 is stored (``password_check``). Reading both columns gives no proof: only the
    password does. ``password_salt`` is the hash without its digest (scheme, cost, salt): all a
    console needs to compute the proof, and all a duty login may read on a server, so nobody
    with a SQL client can take the other two away and guess passwords against them."""

    password_hash: str
    password_check: str
    password_salt: str


def hash_password(password: str) -> Hashed:
    """A self-describing scrypt hash of ``password`` with a fresh salt, and its server check."""
    salt = secrets.token_bytes(16)
    digest = _scrypt(password, salt, N, R, P)
    salted = "$".join(["scrypt", str(N), str(R), str(P), _b64(salt)])
    return Hashed(f"{salted}${_b64(digest[:HALF])}", server_check(digest[HALF:].hex()), salted)


def salt_of(stored: str) -> str:
    """The public part of a stored hash: everything but its digest."""
    return stored.rsplit("$", 1)[0]


def server_check(proof: str) -> str:
    """What a server stores to recognise ``proof``: its SHA-256 in hex (as SQL's sha256/SHA2)."""
    return hashlib.sha256(proof.encode("ascii")).hexdigest()


def check_password(password: str, stored: str) -> bool:
    """Whether ``password`` matches ``stored`` (constant-time comparison)."""
    digest = _digest(password, stored)
    if digest is None or stored.count("$") != 5:
        return False
    expected = stored.rsplit("$", 1)[-1]
    return hmac.compare_digest(_b64(digest[: len(base64.b64decode(expected))]), expected)


def proof(password: str, salted: str) -> str:
    """The proof of ``password`` a server's routine checks against ``password_check``, from the
    hash's ``password_salt`` (or the whole hash); "" when it is no hash of ours."""
    digest = _digest(password, salted)
    return "" if digest is None else digest[HALF:].hex()


def _digest(password: str, stored: str) -> bytes | None:
    """The scrypt run ``stored`` describes, with or without its digest at the end."""
    try:
        scheme, n, r, p, salt = stored.split("$")[:5]
        if scheme != "scrypt":
            return None
        return _scrypt(password, base64.b64decode(salt), int(n), int(r), int(p))
    except ValueError:
        return None


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=MAX_MEM, dklen=2 * HALF
    )


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
