"""The exceptions every layer raises. Each carries a message in plain Chinese for the user.

Shared by storage, core, documents, sync, the CLI and the GUI, so it sits at the top of the
package and imports nothing.
"""

from __future__ import annotations

import errno


class DeskError(Exception):
    """Base class: ``message`` is shown to the user as is (Simplified Chinese)."""

    def __init__(self, message: str, *, hint: str = ""):
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}{('' if not self.hint else '。' + self.hint)}"


class DatabaseRefused(DeskError):
    """The database cannot be opened as it is (newer, foreign, corrupt, locked, read-only).

    The file has not been modified.
    """


class ValidationError(DeskError):
    """Input that is refused; ``field`` names the offending field (the key used by forms)."""

    def __init__(self, message: str, *, field: str = "", hint: str = ""):
        super().__init__(message, hint=hint)
        self.field = field


class FieldsRefused(ValidationError):
    """Several fields refused at once (e.g. every missing field of a form): ``problems``
    lists (field, message) so that a form shows each next to its field; the message joins
    them all; ``field`` is the first."""

    def __init__(self, problems: list[tuple[str, str]]):
        super().__init__("；".join(m for _, m in problems), field=problems[0][0])
        self.problems = list(problems)
        self.fields = [f for f, _ in problems]


class NotFound(DeskError):
    """A record that was asked for does not exist."""


class IllegalStep(DeskError):
    """An operation that the case's current state does not allow (with the reason)."""


class ReadOnlyRecord(DeskError):
    """An edit to a record that may no longer change (signed agreement, archived case, …)."""


_OS_REASONS = {
    errno.ENOENT: "文件夹不存在", errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.EACCES: "没有写入权限", errno.EPERM: "没有写入权限",
    errno.ENOSPC: "磁盘已满", errno.EDQUOT: "磁盘配额已用完", errno.EROFS: "磁盘是只读的",
    errno.ENAMETOOLONG: "文件名太长", errno.EISDIR: "这是一个文件夹，请给出文件名",
    errno.EEXIST: "已有同名文件夹", errno.EBUSY: "文件正被其他程序使用",
    errno.ETXTBSY: "文件正被其他程序使用", errno.EIO: "读写磁盘出错（磁盘或U盘可能已损坏或被拔出）",
    errno.EINVAL: "文件名中有不允许的字符", errno.ENODEV: "找不到该磁盘（U盘可能已被拔出）",
    errno.EXDEV: "不能跨磁盘保存",
}


def os_reason(exc: OSError) -> str:
    """A Chinese reason for a failed file operation (the system's own text is English)."""
    return _OS_REASONS.get(exc.errno or 0, f"系统错误（错误代码 {exc.errno}）")

