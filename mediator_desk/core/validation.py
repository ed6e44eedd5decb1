"""Validation of user input, with messages in plain Chinese.

ID numbers use python-stdnum (``stdnum.cn.ric``: length, birth date, check digit).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date


from mediator_desk.core.clock import today as _today
from mediator_desk.errors import ValidationError


@dataclass(frozen=True)
class IdNumberInfo:
    number: str
    birth_date: date
    sex: str  # '男' or '女'


def check_id_number(value: str, *, field: str = "id_number", on: date | None = None) -> IdNumberInfo:
    """Validate an 18-character resident ID number (GB 11643); return it with birth date and sex.

    Length, characters, check digit and birth date are checked with python-stdnum's
    ``cn.ric`` functions. Not ``ric.validate`` as a whole: it also requires the region code to
    have existed in the *birth* year, which refuses every genuine number of people born before
    their county got its code (1983 for all of Chifeng) — numbers were issued from 1984 on, with
    the code of the day. So of the region only the province is checked.
    """
    # Imported here: stdnum costs ~50 ms to import, which the app's start should not pay.
    from stdnum import numdb
    from stdnum.cn import ric
    from stdnum.exceptions import InvalidComponent

    number = re.sub(r"\s", "", value or "").upper()
    if len(number) != 18:
        raise ValidationError(f"身份证号码应为18位，现在是{len(number)}位", field=field)
    if not re.fullmatch(r"[0-9]{17}[0-9X]", number):
        raise ValidationError("身份证号码只能由数字和末位的X组成", field=field)
    if number[-1] != ric.calc_check_digit(number):
        raise ValidationError("身份证号码校验位不正确，请逐位核对", field=field)
    try:
        birth = ric.get_birth_date(number)
    except InvalidComponent:
        raise ValidationError("身份证号码中的出生日期无效", field=field) from None
    if birth.year < 1900:
        raise ValidationError("身份证号码中的出生日期无效", field=field)
    if not any(props.get("province") for _, props in numdb.get("cn/loc").info(number[:6])):
        raise ValidationError("身份证号码前两位不是有效的省份代码", field=field)
    if birth > (on or _today()):
        raise ValidationError("身份证号码中的出生日期晚于今天", field=field)
    sex = "男" if int(number[16]) % 2 == 1 else "女"
    return IdNumberInfo(number, birth, sex)


def mask_id_number(number: str) -> str:
    """Show the region code and last four characters only: 150402********1234."""
    if len(number) <= 10:
        return number[:2] + "*" * max(len(number) - 2, 0)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def mask_phone(number: str) -> str:
    """Keep the first three and last four digits: 139****5678, 0476-***3456."""
    if len(number) <= 7:
        return "*" * len(number)
    return number[:3] + "".join("*" if c.isdigit() else c for c in number[3:-4]) + number[-4:]


def mask_address(address: str) -> str:
    """Keep the place down to the township (the first six characters): 林西县大井镇****."""
    return address[:6] + ("*" * min(len(address) - 6, 8) if len(address) > 6 else "")


_MOBILE = re.compile(r"1[3-9]\d{9}")
_LANDLINE = re.compile(r"0\d{2,3}\d{7,8}")


def check_phone(value: str, *, field: str = "phone", required: bool = False) -> str:
    """Accept a mobile (11 digits starting 13–19) or a landline with area code; normalise."""
    raw = (value or "").strip()
    if not raw:
        if required:
            raise ValidationError("请填写联系电话", field=field)
        return ""
    digits = re.sub(r"[\s\-()（）]", "", raw)
    if digits.startswith("+86"):
        digits = digits[3:]
    if _MOBILE.fullmatch(digits):
        return digits
    if _LANDLINE.fullmatch(digits):
        area = 3 if digits[1] in "12" else 4  # 010, 02x are three-digit area codes
        return f"{digits[:area]}-{digits[area:]}"
    raise ValidationError("电话号码格式不正确：手机号为11位（如13912345678），座机请带区号（如0476-8123456）",
                          field=field)


def check_date(value: str | date, *, field: str, label: str, required: bool = True,
               not_future: bool = True, on: date | None = None) -> str:
    """Parse YYYY-MM-DD (also 2026/11/28, 2026年11月28日); refuse future dates. Returns ISO text."""
    if isinstance(value, date):
        d = value
    else:
        text = (value or "").strip()
        if not text:
            if required:
                raise ValidationError(f"请填写{label}", field=field)
            return ""
        m = re.fullmatch(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?", text)
        if not m:
            raise ValidationError(f"{label}格式不正确，请按“2026-11-28”填写", field=field)
        try:
            d = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            raise ValidationError(f"{label}不是有效日期（{text}）", field=field) from None
    if d.year < 1900:
        raise ValidationError(f"{label}早于1900年，请核对", field=field)
    if not_future and d > (on or _today()):
        raise ValidationError(f"{label}不能晚于今天", field=field)
    return d.isoformat()


def parse_amount_fen(value: str | int | None, *, field: str = "amount_fen",
                     label: str = "金额") -> int:
    """Parse an amount in yuan ("12000", "12,000.50", "1.2万") into integer fen; refuse < 0."""
    if value is None or value == "":
        return 0
    if isinstance(value, int):
        fen = value
    else:
        from decimal import Decimal, InvalidOperation     # here: ~2 ms of every start otherwise

        text = str(value).strip().replace(",", "").replace("，", "").replace("元", "")
        scale = Decimal(1)
        if text.endswith("万"):
            text, scale = text[:-1], Decimal(10000)
        try:
            yuan = Decimal(text) * scale
        except InvalidOperation:
            raise ValidationError(f"{label}只能填写数字（单位：元）", field=field) from None
        if not yuan.is_finite():   # "NaN", "Infinity" parse as Decimals
            raise ValidationError(f"{label}只能填写数字（单位：元）", field=field)
        if abs(yuan) > 10**11:     # before quantize, which fails on huge exponents (1E100)
            raise ValidationError(f"{label}过大，请核对", field=field)
        if yuan != yuan.quantize(Decimal("0.01")):
            raise ValidationError(f"{label}最多精确到分（两位小数）", field=field)
        fen = int(yuan * 100)
    if fen < 0:
        raise ValidationError(f"{label}不能为负数", field=field)
    if fen > 10**13:
        raise ValidationError(f"{label}过大，请核对", field=field)
    return fen


def format_fen(fen: int) -> str:
    """12000000 → '120,000.00'."""
    return f"{fen // 100:,}.{fen % 100:02d}"


def check_count(value, *, field: str, label: str) -> int:
    if value in (None, ""):
        return 0
    try:
        n = int(value)
    except (TypeError, ValueError):
        raise ValidationError(f"{label}应为整数", field=field) from None
    if n < 0:
        raise ValidationError(f"{label}不能为负数", field=field)
    return n


def check_credit_code(value: str, *, field: str = "id_number") -> str:
    """Validate an organisation's unified social credit code (统一社会信用代码, 18 characters)."""
    from stdnum.cn import uscc
    from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength

    code = re.sub(r"\s", "", value or "").upper()
    try:
        return uscc.validate(code)
    except InvalidLength:
        raise ValidationError(f"统一社会信用代码应为18位，现在是{len(code)}位", field=field) from None
    except InvalidChecksum:
        raise ValidationError("统一社会信用代码校验位不正确，请核对", field=field) from None
    except (InvalidFormat, InvalidComponent):
        raise ValidationError("统一社会信用代码格式不正确", field=field) from None
