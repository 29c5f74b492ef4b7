"""Cell values of tabular statements: cleaning, amounts, dates, times.

Parsers are chosen once per column from a sample of its values (decimal comma or
point, day-first or month-first, ISO fast path) so the per-row path stays cheap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from decimal import Decimal

# Characters exports pad cells with: TAB after ids (stops Excel from mangling them),
# NBSP, ideographic space.
_PAD = " \t\r\n\u00a0\u3000\ufeff"
EMPTY_MARKS = frozenset({"", "-", "--", "/", "—", "null", "none", "n/a", "nan"})


def clean(value: object) -> str:
    """A cell as trimmed text; ``="123"`` Excel-formula quoting and a leading
    apostrophe (both used to keep long numbers as text) are removed."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else cell_text(value)
    text = text.strip(_PAD)
    if text.startswith('="') and text.endswith('"'):
        text = text[2:-1].strip(_PAD)
    if text.startswith("'") and text.endswith("'") and len(text) > 1:
        text = text[1:-1]
    return text


def cell_text(value: object) -> str:
    """Spreadsheet cell -> text, without float noise (28.16, not 28.160000000000004)."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    return str(value)


def is_empty(text: str) -> bool:
    """Blank, or a placeholder such as ``/``, ``--`` or ``----------``."""
    return text.lower() in EMPTY_MARKS or (text[:1] == "-" and not text.strip("-"))


# ---------------------------------------------------------------- amounts

_CCY_SYMBOLS = {"¥": "CNY", "￥": "CNY", "$": "USD", "€": "EUR", "£": "GBP", "元": "CNY"}
_CCY_NAMES = {
    "人民币": "CNY",
    "人民币元": "CNY",
    "rmb": "CNY",
    "美元": "USD",
    "港币": "HKD",
    "港元": "HKD",
    "欧元": "EUR",
    "英镑": "GBP",
    "日元": "JPY",
}
_CODE_PREFIX = re.compile(r"^([A-Z]{3})\s*(?=[-+(\d.,])")
_CODE_SUFFIX = re.compile(r"(?<=[\d.,)])\s*([A-Z]{3})$")
_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")
_DIGIT_GROUPS = re.compile(r"[\d.,' ]+")


def currency_code(text: str) -> str | None:
    """ISO code for a currency cell: ``CNY``, ``人民币``, ``¥``; None when not one."""
    t = clean(text)
    if len(t) == 3 and t.isascii() and t.isalpha():
        return t.upper()
    return _CCY_NAMES.get(t.lower()) or _CCY_SYMBOLS.get(t)


@dataclass(frozen=True, slots=True)
class ParsedAmount:
    value: Decimal
    currency: str | None  # when the cell itself named one (CNY 12.30, ¥12.30)


def split_currency(text: str) -> tuple[str, str | None]:
    ccy: str | None = None
    t = text
    if t and t[0] in _CCY_SYMBOLS:
        ccy, t = _CCY_SYMBOLS[t[0]], t[1:].strip()
    elif t.startswith(("-¥", "-￥", "-$", "-€", "-£")):
        ccy, t = _CCY_SYMBOLS[t[1]], "-" + t[2:].strip()
    if t and t[-1] in _CCY_SYMBOLS:
        ccy, t = _CCY_SYMBOLS[t[-1]], t[:-1].strip()
    m = _CODE_PREFIX.match(t)
    if m:
        ccy, t = m.group(1), t[m.end() :].strip()
    m = _CODE_SUFFIX.search(t)
    if m:
        ccy, t = m.group(1), t[: m.start()].strip()
    return t, ccy


def _vote_decimal_comma(text: str) -> int:
    """+1: this value proves a decimal comma, -1: a decimal point, 0: undecided."""
    t, _ = split_currency(text)
    t = t.strip("()+- ")
    if not _DIGIT_GROUPS.fullmatch(t or "x"):
        return 0
    dot, comma = t.rfind("."), t.rfind(",")
    if dot >= 0 and comma >= 0:
        return 1 if comma > dot else -1
    if comma >= 0:
        return 0 if len(t) - comma - 1 == 3 else 1
    if dot >= 0:
        return 0 if len(t) - dot - 1 == 3 and t.count(".") == 1 and len(t) > 4 else -1
    return 0


def infer_decimal_comma(values: Iterable[str], prefer_comma: bool = False) -> bool:
    votes = [_vote_decimal_comma(v) for v in values if v]
    if any(v > 0 for v in votes) and not any(v < 0 for v in votes):
        return True
    if any(v < 0 for v in votes):
        return sum(votes) > 0
    return prefer_comma


def parse_amount(text: str, decimal_comma: bool) -> ParsedAmount | None:
    """None for an empty cell; raises ValueError for text that is not an amount."""
    t = clean(text)
    if is_empty(t):
        return None
    t, ccy = split_currency(t)
    negative = False
    if t.startswith("(") and t.endswith(")"):
        negative, t = True, t[1:-1].strip()
    if t.endswith("-") and not t.startswith("-"):
        negative, t = True, t[:-1].strip()
    t = t.replace(" ", "").replace("'", "").replace("\u2212", "-")
    t = t.replace(".", "").replace(",", ".") if decimal_comma else t.replace(",", "")
    if not _NUMBER.match(t):
        raise ValueError(text)
    value = Decimal(t)
    return ParsedAmount(-value if negative else value, ccy)


def fast_minor(text: str, exponent: int) -> int | None:
    """Minor units of a plain ``-123.45`` string, or None to take the careful path."""
    negative = text[:1] == "-"
    body = text[1:] if negative else text
    whole, dot, frac = body.partition(".")
    if not (whole.isascii() and whole.isdecimal()) or (
        dot and not (frac.isascii() and frac.isdecimal())
    ):
        return None
    if len(frac) > exponent:
        if frac[exponent:].strip("0"):
            return None
        frac = frac[:exponent]
    minor = int(whole + frac + "0" * (exponent - len(frac)))
    return -minor if negative else minor


def number_from_cell(value: object) -> Decimal | None:
    """Spreadsheet numeric cell -> exact Decimal of its shortest representation."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, int):
        return Decimal(value)
    return Decimal(repr(value)) if value == value and abs(value) != float("inf") else None


# ---------------------------------------------------------------- dates and times

_DIGITS = re.compile(r"\d+")
_TZ_ABBR = {
    "UTC": 0,
    "GMT": 0,
    "Z": 0,
    "PST": -8,
    "PDT": -7,
    "MST": -7,
    "MDT": -6,
    "CDT": -5,
    "EST": -5,
    "EDT": -4,
    "CET": 1,
    "CEST": 2,
    "BST": 1,
    "HKT": 8,
    "SGT": 8,
    "JST": 9,
    "北京时间": 8,
}
_TZ_OFFSET = re.compile(r"(?:UTC|GMT)?\s*([+-])(\d{1,2}):?(\d{2})?$")


def parse_timezone(text: str) -> tzinfo | None:
    t = clean(text).upper()
    if not t:
        return None
    if t in _TZ_ABBR:
        return timezone(timedelta(hours=_TZ_ABBR[t]))
    m = _TZ_OFFSET.search(t)
    if m:
        minutes = int(m.group(2)) * 60 + int(m.group(3) or 0)
        return timezone(timedelta(minutes=-minutes if m.group(1) == "-" else minutes))
    return None


@dataclass(frozen=True, slots=True)
class DateStyle:
    """How one column writes dates, decided once per file."""

    dayfirst: bool = False
    iso: bool = False  # every sampled value is ISO 8601: use datetime.fromisoformat
    default_year: int | None = None  # for "12/29"-style dates without a year ...
    default_month: int = 12  # ... in a statement for this month: later months are last year


def _components(text: str) -> list[str]:
    return _DIGITS.findall(text)


def _date_part(parts: list[str], style: DateStyle) -> tuple[date, list[str]]:
    first = parts[0]
    if len(first) == 8 or len(first) == 14:  # yyyymmdd[hhmmss]
        rest = [first[8:10], first[10:12], first[12:14]] if len(first) == 14 else []
        return date(int(first[:4]), int(first[4:6]), int(first[6:8])), rest + parts[1:]
    if len(first) == 4:
        return date(int(first), int(parts[1]), int(parts[2])), parts[3:]
    if len(parts) >= 3 and len(parts[2]) in (2, 4):
        a, b, y = int(parts[0]), int(parts[1]), int(parts[2])
        if len(parts[2]) == 2:
            y += 2000 if y < 70 else 1900
        day, month = (a, b) if style.dayfirst else (b, a)
        return date(y, month, day), parts[3:]
    if len(parts) == 2 and style.default_year is not None:
        a, b = int(parts[0]), int(parts[1])
        day, month = (a, b) if style.dayfirst else (b, a)
        year = style.default_year if month <= style.default_month else style.default_year - 1
        return date(year, month, day), []
    raise ValueError("not a date")


def parse_datetime(value: object, style: DateStyle) -> tuple[datetime, bool]:
    """(naive datetime, has_time). Raises ValueError when the value is not a date."""
    if isinstance(value, datetime):
        has_time = (value.hour, value.minute, value.second) != (0, 0, 0)
        return value, has_time
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day), False
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _from_number(value)
    text = clean(value)
    if style.iso:
        try:
            parsed = datetime.fromisoformat(text)
        except ValueError:
            pass
        else:
            return parsed, len(text) > 10
    parts = _components(text)
    if not parts:
        raise ValueError("not a date")
    day, rest = _date_part(parts, style)
    if rest:
        return datetime.combine(day, _time_from_parts(rest)), True
    return datetime(day.year, day.month, day.day), False


def _from_number(value: float) -> tuple[datetime, bool]:
    number = int(value)
    if 19000101 <= number <= 29991231:
        text = str(number)
        return datetime(int(text[:4]), int(text[4:6]), int(text[6:])), False
    if 1 <= value < 200000:  # an Excel serial day number (1900 date system)
        moment = datetime(1899, 12, 30) + timedelta(days=float(value))
        moment = moment.replace(microsecond=0)
        return moment, moment.time() != time(0)
    raise ValueError("not a date")


def _time_from_parts(parts: list[str]) -> time:
    if len(parts) == 1 and len(parts[0]) in (4, 6):  # hhmm / hhmmss
        p = parts[0]
        parts = [p[:2], p[2:4], p[4:6] or "0"]
    hour, minute = int(parts[0]), int(parts[1]) if len(parts) > 1 else 0
    second = int(parts[2]) if len(parts) > 2 else 0
    return time(hour, minute, min(second, 59))


def parse_time(value: object) -> time | None:
    """A separate time cell; None when empty. Raises ValueError on garbage."""
    if isinstance(value, time):
        return value
    if isinstance(value, datetime):
        return value.time()
    if isinstance(value, float) and 0 <= value < 1:  # Excel fraction of a day
        seconds = round(value * 86400)
        return time(seconds // 3600, seconds // 60 % 60, seconds % 60)
    text = clean(value)
    if is_empty(text):
        return None
    parts = _components(text)
    if not parts or len(parts) > 4:
        raise ValueError("not a time")
    if len(parts) == 1 and len(parts[0]) == 5:  # 93015 -> 09:30:15
        parts = ["0" + parts[0]]
    return _time_from_parts(parts)


def looks_like_date(value: object) -> bool:
    if isinstance(value, date):
        return True
    text = clean(value)
    if not text or len(text) > 32 or not text[:1].isdigit():
        return False
    # Either order: a UK "14/01/2025" is as much a date as a US "01/14/2025".
    for dayfirst in (False, True):
        try:
            parse_datetime(text, DateStyle(dayfirst=dayfirst, default_year=2000))
        except (ValueError, IndexError, OverflowError):
            continue
        return True
    return False


def looks_like_time_only(value: object) -> bool:
    text = clean(value)
    return bool(re.fullmatch(r"\d{1,2}:\d{2}(:\d{2})?|\d{6}", text))


def infer_date_style(
    values: Iterable[object],
    dayfirst: bool | None,
    year_month: tuple[int, int] | None = None,
    prefer_dayfirst: bool = False,
) -> DateStyle:
    """Decide day-first vs month-first from all values: a first component above 12
    proves day-first, a second above 12 proves month-first."""
    texts = [clean(v) for v in values if isinstance(v, str) and clean(v)]
    iso = bool(texts) and all(_is_iso(t) for t in texts)
    year, month = year_month or (None, 12)
    if dayfirst is not None:
        return DateStyle(dayfirst=dayfirst, iso=iso, default_year=year, default_month=month)
    first_big = second_big = dotted = False
    for t in texts:
        parts = _components(t)
        if len(parts) < 2 or len(parts[0]) in (4, 8, 14):
            continue
        if "." in t:
            dotted = True
        first_big |= int(parts[0]) > 12
        second_big |= int(parts[1]) > 12
    if first_big and not second_big:
        guess = True
    elif second_big and not first_big:
        guess = False
    else:
        guess = dotted or prefer_dayfirst
    return DateStyle(dayfirst=guess, iso=iso, default_year=year, default_month=month)


def _is_iso(text: str) -> bool:
    if len(text) < 10 or text[4] != "-" or text[7] != "-":
        return False
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return False
    return True
