"""Cluster settings of supervision: the report's fix-by period, its mail and the SMTP server.

The SMTP password is never stored here: it lives in the keyring (like database passwords),
under the service ``cluster-console-smtp`` and the user name ``smtp.user``.
"""

from __future__ import annotations

from console.base.cluster import choice_setting, integer_setting, text_setting
from console.base.i18n import QT_TR_NOOP
from console.schema import Duty

SECURITY_CHOICES = ("none", "starttls", "ssl")

FIX_DAYS = integer_setting(
    "report.fix_working_days", 10, 1, 60, Duty.SYSTEM_ADMIN,
    QT_TR_NOOP("整改期限（工作日）"),
    QT_TR_NOOP("月报列出的问题须在报告日后多少个工作日内整改完毕（不计周六、周日）。"),
)  # fmt: skip
TEAM_EMAIL = text_setting(
    "report.team_email", "", Duty.SYSTEM_ADMIN,
    QT_TR_NOOP("运维团队邮箱"), QT_TR_NOOP("月报全文发往此邮箱；留空则不发。"), limit=254,
)  # fmt: skip
AUDIT_EMAIL = text_setting(
    "report.audit_email", "", Duty.SYSTEM_ADMIN,
    QT_TR_NOOP("审计管理员邮箱"),
    QT_TR_NOOP(
        "每月随月报把日志链头（锚点）发往此邮箱，供 journal verify --anchors 核对；留空则不发。"
    ),
    limit=254,
)  # fmt: skip
SMTP_HOST = text_setting(
    "smtp.host", "", Duty.SYSTEM_ADMIN,
    QT_TR_NOOP("SMTP 服务器"),
    QT_TR_NOOP("发送月报的邮件服务器主机名；留空则不发邮件。"), limit=253,
)  # fmt: skip
SMTP_PORT = integer_setting(
    "smtp.port", 587, 1, 65535, Duty.SYSTEM_ADMIN,
    QT_TR_NOOP("SMTP 端口"), QT_TR_NOOP("STARTTLS 通常为 587，SSL 为 465，不加密为 25。"),
)  # fmt: skip
SMTP_SENDER = text_setting(
    "smtp.sender", "", Duty.SYSTEM_ADMIN,
    QT_TR_NOOP("发件人地址"), QT_TR_NOOP("月报邮件的发件人，如 yunwei@example.gov.cn。"), limit=254,
)  # fmt: skip
SMTP_SECURITY = choice_setting(
    "smtp.security", "starttls", lambda: SECURITY_CHOICES, Duty.SYSTEM_ADMIN,
    QT_TR_NOOP("SMTP 加密方式"), QT_TR_NOOP("none（不加密）、starttls 或 ssl。"),
)  # fmt: skip
SMTP_USER = text_setting(
    "smtp.user", "", Duty.SYSTEM_ADMIN,
    QT_TR_NOOP("SMTP 用户名"),
    QT_TR_NOOP("留空则不登录；密码保存在系统密钥环中，不存入数据库。"), limit=254,
)  # fmt: skip
REPORT_FOLDER = text_setting(
    "report.folder", "", Duty.SYSTEM_ADMIN,
    QT_TR_NOOP("月报目录"),
    QT_TR_NOOP("定时任务把月报写入此目录；留空则写入用户数据目录下的 reports 文件夹。"), limit=500,
)  # fmt: skip
