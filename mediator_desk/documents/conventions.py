"""How values are written on Chinese legal forms: dates, amounts, ordinals, copies.

- dates in Chinese style: 2026年11月28日 (no leading zeros);
- amounts in figures and in Chinese capitals: 12,000.00元 / 人民币壹万贰仟元整 (cn2an);
- term numbers 一、二、三; parties 甲方、乙方、丙方;
- the copies line of an agreement from the number of parties.
"""

from __future__ import annotations

from datetime import date

from mediator_desk.core.validation import format_fen

_DIGITS = "零一二三四五六七八九"
_SIDES = "甲乙丙丁戊己庚辛壬癸"


def cn_date(value: str | date | None) -> str:
    """'2026-11-28' → '2026年11月28日'; '' stays ''."""
    if not value:
        return ""
    d = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    return f"{d.year}年{d.month}月{d.day}日"


def cn_datetime(day: str | date | None, start: str = "", end: str = "") -> str:
    """'2026年11月28日 9:30—11:00' from a date and optional HH:MM times."""
    text = cn_date(day)
    if not text:
        return ""
    if start and end:
        return f"{text} {start}—{end}"
    if start:
        return f"{text} {start}"
    return text


def cn_number(n: int) -> str:
    """Small whole numbers in Chinese: 3 → 三, 12 → 十二, 21 → 二十一 (0–9999)."""
    if n < 0:
        raise ValueError(n)
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n - 10] if n % 10 else "")
    if n < 100:
        return _DIGITS[n // 10] + "十" + (_DIGITS[n % 10] if n % 10 else "")
    import cn2an  # lazily: importing it costs ~0.15 s
    return cn2an.an2cn(n, "low")


def cn_ordinal(i: int) -> str:
    """The i-th term number: 1 → 一."""
    return cn_number(i)


def side_name(i: int) -> str:
    """1 → 甲方, 2 → 乙方 … (beyond ten parties: 第11方)."""
    return f"{_SIDES[i - 1]}方" if 1 <= i <= len(_SIDES) else f"第{i}方"


def amount_figures(fen: int) -> str:
    """12000.00 yuan in figures for forms: '12,000.00元'."""
    return f"{format_fen(int(fen))}元"


def amount_capitals(fen: int) -> str:
    """Integer fen in RMB capitals: 1200000 → '人民币壹万贰仟元整' (cn2an)."""
    import cn2an  # lazily: importing it costs ~0.15 s
    fen = int(fen)
    if fen == 0:
        return "人民币零元整"
    return "人民币" + cn2an.an2cn(f"{fen // 100}.{fen % 100:02d}", "rmb")


def copies_line(copies: int, parties: int) -> str:
    """The agreement's copies sentence. Law Art. 29: one copy per party plus one for the
    committee; when more copies are made (e.g. one for a referring police station) the
    committee's share is stated. Fewer copies than that are refused when the agreement is
    recorded; an older record with too few prints the total only (never a wrong share)."""
    parties = max(int(parties or 0), 0)
    copies = int(copies or parties + 1)
    if copies <= parties:
        return f"本协议一式{cn_number(max(copies, 1))}份。"
    if copies == parties + 1:
        return f"本协议一式{cn_number(copies)}份，当事人、人民调解委员会各持一份。"
    return (f"本协议一式{cn_number(copies)}份，当事人各持一份，"
            f"人民调解委员会持{cn_number(copies - parties)}份。")


def as_text(value) -> str:
    """Any context value as printed text (numbers as digits, lists joined with 、)."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "是" if value else ""
    if isinstance(value, (list, tuple)):
        return "、".join(as_text(v) for v in value if v not in (None, ""))
    if isinstance(value, date):
        return cn_date(value)
    return str(value)
