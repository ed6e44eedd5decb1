"""File sizes as people read them — one form for the file dialogs, the backup list, the
command line and the messages that name a size."""

from __future__ import annotations


def size_text(n: int) -> str:
    """``n`` bytes as "512 字节", "12 KB", "3.4 MB", "12 MB", "2.1 GB" (one decimal below 10)."""
    if n < 1024:
        return f"{n} 字节"
    for unit, size in (("GB", 1024 ** 3), ("MB", 1024 ** 2)):
        if n >= size:
            value = n / size
            return f"{value:.1f} {unit}" if value < 10 else f"{value:.0f} {unit}"
    return f"{n / 1024:.0f} KB"
