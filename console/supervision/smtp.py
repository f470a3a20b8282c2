"""Sending one message over SMTP (smtplib): no encryption, STARTTLS or SSL, a login when a
user is set, a timeout on every step; every failure becomes a ``MailFault`` in words.

The password is never in the database: it is read from the keyring (``PasswordStore``) under
the name ``smtp|smtp://USER@HOST:PORT``; ``cluster-console report smtp-password`` saves it.
"""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage

from console.base.cluster import ClusterSettings
from console.base.errors import InvalidInput
from console.base.i18n import QT_TR_NOOP, translate
from console.connections.password_store import PasswordStore
from console.connections.profiles import Profile
from console.supervision.settings import (
    SMTP_HOST,
    SMTP_PORT,
    SMTP_SECURITY,
    SMTP_SENDER,
    SMTP_USER,
)

TIMEOUT_S = 30.0
NOT_CONFIGURED = QT_TR_NOOP(
    "未配置邮件服务器：请先设置 smtp.host 与 smtp.sender（cluster-console settings set）。"
)
NO_PASSWORD = QT_TR_NOOP("SMTP 用户 {user} 的密码不在密钥环中：{reason}")
SEND_FAILED = QT_TR_NOOP("邮件服务器 {host}:{port} 未能发送：{detail}")


class MailFault(Exception):
    """A message was not sent; ``str`` says why, in the operator's language."""


@dataclass(frozen=True)
class SmtpConfig:
    """Where and how to send: from the cluster's settings and the keyring."""

    host: str
    port: int
    sender: str
    security: str
    user: str = ""
    password: str | None = None
    timeout: float = TIMEOUT_S
    context: ssl.SSLContext | None = None


def keyring_profile(host: str, port: int, user: str) -> Profile:
    """The keyring entry the SMTP password is kept under."""
    return Profile("smtp", f"smtp://{user}@{host}:{port}")


def smtp_config(settings: ClusterSettings, store: PasswordStore | None = None) -> SmtpConfig:
    """The cluster's SMTP settings with the password from ``store`` when a user is set."""
    host, sender = settings[SMTP_HOST].strip(), settings[SMTP_SENDER].strip()
    if not host or not sender:
        raise InvalidInput(NOT_CONFIGURED)
    port, user = settings[SMTP_PORT], settings[SMTP_USER].strip()
    password = None
    if user:
        store = store or PasswordStore()
        password = store.get(keyring_profile(host, port, user))
        if password is None:
            raise InvalidInput(NO_PASSWORD, user=user, reason=store.reason or "—")
    return SmtpConfig(host, port, sender, settings[SMTP_SECURITY], user, password)


def deliver(config: SmtpConfig, message: EmailMessage) -> None:
    """Send ``message`` (its From set to the sender); ``MailFault`` when it is not sent."""
    if "From" not in message:
        message["From"] = config.sender
    context = config.context or ssl.create_default_context()
    try:
        if config.security == "ssl":
            client: smtplib.SMTP = smtplib.SMTP_SSL(
                config.host, config.port, timeout=config.timeout, context=context
            )
        else:
            client = smtplib.SMTP(config.host, config.port, timeout=config.timeout)
        with client:
            if config.security == "starttls":
                client.starttls(context=context)
            if config.user:
                client.login(config.user, config.password or "")
            client.send_message(message)
    except (smtplib.SMTPException, OSError) as error:
        detail = str(error) or type(error).__name__
        raise MailFault(
            translate("", SEND_FAILED).format(host=config.host, port=config.port, detail=detail)
        ) from None
