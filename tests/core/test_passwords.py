"""Password hashes: what the console checks, and the proof a server's routine checks."""

from __future__ import annotations

import base64
import hashlib
import importlib

from console.operators.passwords import (
    MAX_MEM,
    check_password,
    hash_password,
    proof,
    salt_of,
    server_check,
)

SECRET = "Str0ng!Passw0rd"
MIGRATION = importlib.import_module(
    "console.migrations.versions.0008_operator_login_routines_and_bulk_journal"
)


def _before_0008(password: str) -> str:
    """A hash as the console wrote it before 0008: all 64 bytes of the scrypt run."""
    salt = b"0123456789abcdef"
    digest = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1, maxmem=MAX_MEM)
    encoded = [base64.b64encode(value).decode() for value in (salt, digest)]
    return "$".join(["scrypt", str(2**14), "8", "1", *encoded])


def test_the_proof_comes_from_the_password_only() -> None:
    hashed = hash_password(SECRET)
    assert check_password(SECRET, hashed.password_hash)
    assert not check_password("wrong", hashed.password_hash)
    assert server_check(proof(SECRET, hashed.password_hash)) == hashed.password_check
    assert server_check(proof("wrong", hashed.password_hash)) != hashed.password_check
    # Nothing stored is the proof, nor hashes to the check.
    stored = (hashed.password_hash, hashed.password_check, hashed.password_hash.split("$")[-1])
    assert all(server_check(value) != hashed.password_check for value in stored)
    assert proof(SECRET, "not a hash") == "" and not check_password(SECRET, "!")


def test_the_salt_alone_gives_the_proof_but_checks_nothing() -> None:
    hashed = hash_password(SECRET)
    assert hashed.password_salt == salt_of(hashed.password_hash)
    assert hashed.password_hash.startswith(hashed.password_salt + "$")
    assert proof(SECRET, hashed.password_salt) == proof(SECRET, hashed.password_hash)
    assert server_check(proof(SECRET, hashed.password_salt)) == hashed.password_check
    assert not check_password(SECRET, hashed.password_salt)


def test_an_old_hash_still_checks_and_the_upgrade_splits_it() -> None:
    old = _before_0008(SECRET)
    assert check_password(SECRET, old)
    split = MIGRATION._split(old)
    assert split is not None
    hashed, check = split
    assert check_password(SECRET, hashed) and not check_password("wrong", hashed)
    assert server_check(proof(SECRET, hashed)) == check
    assert MIGRATION._split(hashed) is None and MIGRATION._split("!") is None
