"""QIF dates: 'D1/ 1'00', 'D2/14'2020', 'D22/12/2017', 'D8/12/13', 'D2022-09-23'.

Day/month order is one choice per file: taken from the options when the user set it,
else inferred from all dates (a first number above 12 means day-first, a second
number above 12 means month-first), else month-first as Quicken writes in the US.
"""

from __future__ import annotations

import re
from datetime import datetime

from okguard.i18n import Msg
from okguard.importers.struct_common import BadRecord

_PARTS = re.compile(r"^(\d{1,4})[/.\-](\d{1,2})(?:[/.\-]|')(\d{1,4})$")


def _split(text: str) -> tuple[int, int, int, bool] | None:
    raw = text.replace(" ", "")
    m = _PARTS.match(raw)
    if not m:
        return None
    a, b, c = (int(x) for x in m.groups())
    apostrophe = "'" in raw
    return a, b, c, apostrophe


def infer_dayfirst(values: list[str]) -> bool:
    day_first = month_first = False
    for value in values:
        parts = _split(value)
        if parts is None or len(str(parts[0])) == 4:
            continue
        a, b, _, _ = parts
        day_first |= a > 12
        month_first |= b > 12
    return day_first and not month_first


def _year(value: int, digits: int, apostrophe: bool) -> int:
    if digits > 2:
        return value
    # Quicken writes 2000-2099 with an apostrophe ('00); plain 2-digit years pivot at 70.
    if apostrophe or value < 70:
        return 2000 + value
    return 1900 + value


def parse_qif_date(text: str, dayfirst: bool) -> datetime:
    value = text.strip()
    if not value:
        raise BadRecord(Msg("The transaction has no date"))
    parts = _split(value)
    if parts is None:
        raise BadRecord(Msg("{value!r} is not a date", value=value))
    a, b, c, apostrophe = parts
    raw_year = re.split(r"[/.\-']", value.replace(" ", ""))[-1]
    try:
        if len(str(a)) == 4 or len(value.replace(" ", "").split("-")[0]) == 4:
            return datetime(a, b, c)
        day, month = (a, b) if dayfirst else (b, a)
        return datetime(_year(c, len(raw_year), apostrophe), month, day)
    except ValueError:
        raise BadRecord(Msg("{value!r} is not a valid date", value=value)) from None
