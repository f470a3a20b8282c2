"""Database passwords: in the OS keyring, or in memory for this session when no keyring works.

A keyring can be missing (headless Linux raises ``NoKeyringError``), locked, or hang (a Secret
Service call that never answers). Every keyring call therefore runs on a daemon thread of its
own and is abandoned after a timeout; the first failure switches the store to memory for the
rest of the session, and ``persistent``/``reason`` tell the operator. A plaintext backend
(``keyrings.alt``) counts as no keyring at all: a password is never written to a file.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
from collections.abc import Callable
from typing import Any, TypeVar, cast

import keyring
from keyring.backend import KeyringBackend
from keyring.backends import chainer, null
from keyring.errors import KeyringLocked, NoKeyringError, PasswordDeleteError

from console.base.i18n import QT_TR_NOOP, translate
from console.connections.profiles import Profile

SERVICE = "cluster-console"
DEFAULT_TIMEOUT_S = 3.0
PROBE_KEY = "cluster-console keyring probe"
PLAINTEXT_MODULES = ("keyrings.alt",)

NO_KEYRING = QT_TR_NOOP("本机没有可用的系统密钥环")
KEYRING_LOCKED = QT_TR_NOOP("系统密钥环已锁定，未能解锁")
KEYRING_SILENT = QT_TR_NOOP("系统密钥环在 {seconds} 秒内没有响应")
KEYRING_PLAINTEXT = QT_TR_NOOP("密钥环后端 {backend} 把密码以文件形式保存，不安全，未使用")
KEYRING_DISABLED = QT_TR_NOOP("系统密钥环已被停用")
KEYRING_FAILED = QT_TR_NOOP("系统密钥环出错：{detail}")

T = TypeVar("T")
log = logging.getLogger(__name__)


class _Refused(Exception):
    """The keyring cannot be used; carries the translatable reason."""

    def __init__(self, message: str, /, **params: Any) -> None:
        super().__init__(message)
        self.message = message
        self.params = params


def keyring_key(profile: Profile) -> str:
    """The keyring user name of ``profile``'s password: its name and its URL (no password)."""
    return f"{profile.name}|{profile.url}"


class PasswordStore:
    """Keeps database passwords in the OS keyring, else in memory for this session only.

    ``get``, ``put`` and ``forget`` block for at most ``timeout`` seconds and never raise for a
    keyring problem: they fall back to memory instead. ``persistent`` turns false at the first
    failure and ``reason`` then says why. ``backend`` replaces the system keyring (tests).
    """

    def __init__(
        self, backend: KeyringBackend | None = None, *, timeout: float = DEFAULT_TIMEOUT_S
    ) -> None:
        self.timeout = timeout
        self._chosen = backend
        self._backend: KeyringBackend | None = None
        self._memory: dict[str, str] = {}
        self._failure: _Refused | None = None
        self._lock = threading.Lock()

    @property
    def persistent(self) -> bool:
        """Whether passwords go to the OS keyring (false once it has failed this session)."""
        with self._lock:
            return self._failure is None

    @property
    def reason(self) -> str:
        """Why passwords are kept in memory only, in the operator's language; "" if they are not."""
        with self._lock:
            failure = self._failure
        if failure is None:
            return ""
        return translate("", failure.message).format(**failure.params)

    def probe(self) -> bool:
        """Ask the keyring for a key nobody uses, to learn early whether it works."""
        self._attempt(lambda backend: backend.get_password(SERVICE, PROBE_KEY))
        return self.persistent

    def get(self, profile: Profile) -> str | None:
        """The saved password of ``profile``, or None."""
        key = keyring_key(profile)
        found = self._attempt(lambda backend: backend.get_password(SERVICE, key))
        if found is not _UNAVAILABLE:
            return cast("str | None", found)
        with self._lock:
            return self._memory.get(key)

    def put(self, profile: Profile, password: str) -> None:
        """Keep ``password`` for ``profile`` (in memory when the keyring fails)."""
        key = keyring_key(profile)
        done = self._attempt(
            lambda backend: backend.set_password(SERVICE, key, password), secret=password
        )
        if done is _UNAVAILABLE:
            with self._lock:
                self._memory[key] = password

    def forget(self, profile: Profile) -> None:
        """Drop the password of ``profile`` wherever it is kept."""
        key = keyring_key(profile)
        with self._lock:
            self._memory.pop(key, None)
        self._attempt(lambda backend: _delete(backend, key))

    def _attempt(self, operation: Callable[[KeyringBackend], T], secret: str = "") -> T | object:
        """Run ``operation`` on a worker thread; ``_UNAVAILABLE`` if the keyring failed."""
        if not self.persistent:
            return _UNAVAILABLE
        outcome: queue.SimpleQueue[tuple[bool, Any]] = queue.SimpleQueue()

        def work() -> None:
            try:
                outcome.put((True, operation(self._keyring())))
            except BaseException as error:
                outcome.put((False, error))

        threading.Thread(target=work, name="keyring", daemon=True).start()
        try:
            succeeded, value = outcome.get(timeout=self.timeout)
        except queue.Empty:
            self._fall_back(_Refused(KEYRING_SILENT, seconds=f"{self.timeout:g}"))
            return _UNAVAILABLE
        if succeeded:
            return cast(T, value)
        self._fall_back(_refusal(value, secret))
        return _UNAVAILABLE

    def _keyring(self) -> KeyringBackend:
        """The backend to use, resolved on first use (on a worker: detection can hang too)."""
        if self._backend is None:
            self._backend = _usable(self._chosen or keyring.get_keyring())
        return self._backend

    def _fall_back(self, failure: _Refused) -> None:
        with self._lock:
            if self._failure is not None:
                return
            self._failure = failure
        log.warning("passwords kept in memory only: %s", self.reason)


_UNAVAILABLE = object()


def _delete(backend: KeyringBackend, key: str) -> None:
    # PasswordDeleteError: nothing was saved for this profile, which is what was wanted.
    with contextlib.suppress(PasswordDeleteError):
        backend.delete_password(SERVICE, key)


def _usable(backend: KeyringBackend) -> KeyringBackend:
    """``backend`` if it keeps secrets safely; a chain yields its best safe member."""
    if isinstance(backend, chainer.ChainerBackend):
        members = [member for member in backend.backends if not _plaintext(member)]
        if not members:
            raise _Refused(NO_KEYRING)
        return _usable(members[0])
    if _plaintext(backend):
        raise _Refused(KEYRING_PLAINTEXT, backend=_name(backend))
    if isinstance(backend, null.Keyring):
        raise _Refused(KEYRING_DISABLED)
    return backend


def _plaintext(backend: KeyringBackend) -> bool:
    return type(backend).__module__.startswith(PLAINTEXT_MODULES)


def _name(backend: KeyringBackend) -> str:
    kind = type(backend)
    return f"{kind.__module__}.{kind.__qualname__}"


def _refusal(error: BaseException, secret: str) -> _Refused:
    if isinstance(error, _Refused):
        return error
    if isinstance(error, NoKeyringError):
        return _Refused(NO_KEYRING)
    if isinstance(error, KeyringLocked):
        return _Refused(KEYRING_LOCKED)
    lines = str(error).strip().splitlines()
    detail = f"{type(error).__name__}: {lines[0]}" if lines else type(error).__name__
    if secret:
        detail = detail.replace(secret, "***")
    return _Refused(KEYRING_FAILED, detail=detail)
