"""Where the table is inside a tabular file: header row, preamble, footer rows,
and a best guess for header-less files."""

from __future__ import annotations

from collections.abc import Sequence

from okguard.importers.tabular_headers import HeaderMap, map_header, normalise
from okguard.importers.tabular_values import (
    clean,
    infer_decimal_comma,
    looks_like_date,
    parse_amount,
)

HEADER_SCAN_ROWS = 40
_SUMMARY_WORDS = (
    "合计",
    "人民币合计",
    "合计金额",
    "交易合计",
    "小计",
    "总计",
    "共计",
    "total",
    "totals",
    "subtotal",
    "summe",
    "gesamt",
    "balanceatstart",
    "balanceatend",
    "openingbalance",
    "closingbalance",
    "saldozum",
    "endsaldo",
    "anfangssaldo",
    "期初余额",
    "期末余额",
)


def non_empty(cells: Sequence[object]) -> list[str]:
    return [t for t in (clean(c) for c in cells) if t]


def is_separator(cells: Sequence[object]) -> bool:
    """Blank rows and ``-----`` / ``=====`` rule lines."""
    texts = non_empty(cells)
    if not texts:
        return True
    first = texts[0]
    return len(texts) == 1 and (first.startswith("---") or set(first) <= set("-=*_ "))


def is_summary(cells: Sequence[object]) -> bool:
    """合计 / Total / Balance-at rows: totals, not transactions."""
    for text in non_empty(cells)[:3]:
        name = normalise(text)
        if name.startswith(_SUMMARY_WORDS) or name.endswith(("合计", "total")):
            return True
    return False


def is_title(cells: Sequence[object]) -> bool:
    """A row with one distinct text (a title, or merged cells repeating it)."""
    return len(set(non_empty(cells))) <= 1


def find_header(rows: Sequence[Sequence[object]], start: int = 0) -> tuple[int, HeaderMap] | None:
    """Index (in ``rows``) and mapping of the row that maps best, among the first rows."""
    best: tuple[int, HeaderMap] | None = None
    for index in range(start, min(len(rows), start + HEADER_SCAN_ROWS)):
        cells = rows[index]
        if len(non_empty(cells)) < 2:
            continue
        mapped = map_header(cells)
        if not mapped.complete:
            continue
        if best is None or mapped.score > best[1].score:
            best = (index, mapped)
    return best


def guess_by_shape(rows: Sequence[Sequence[object]]) -> HeaderMap | None:
    """Roles of a header-less table from what its values look like."""
    width = max((len(r) for r in rows), default=0)
    if not rows or width < 2:
        return None
    columns = [[clean(r[i]) if i < len(r) else "" for r in rows] for i in range(width)]
    result = HeaderMap()
    used: set[int] = set()
    for i, col in enumerate(columns):
        filled = [v for v in col if v]
        if filled and all(looks_like_date(v) for v in filled):
            result.roles["date"] = i
            used.add(i)
            break
    if "date" not in result.roles:
        return None
    numeric: list[int] = []
    for i, col in enumerate(columns):
        filled = [v for v in col if v]
        if i in used or not filled or any(len(v) > 20 for v in filled):
            continue
        comma = infer_decimal_comma(filled)
        try:
            if all(parse_amount(v, comma) is not None for v in filled) and any(
                "," in v or "." in v for v in filled
            ):
                numeric.append(i)
        except ValueError:
            continue
    if not numeric:
        return None
    sparse = [i for i in numeric if len([v for v in columns[i] if v]) < len(rows)]
    if len(sparse) >= 2:
        result.roles["debit"], result.roles["credit"] = sparse[0], sparse[1]
    else:
        result.roles["amount"] = numeric[0]
    used.update(result.roles.values())
    texts = [
        (sum(len(v) for v in col), i)
        for i, col in enumerate(columns)
        if i not in used and any(not v[:1].isdigit() for v in col if v)
    ]
    if texts:
        memo = max(texts)[1]
        result.roles["memo"] = memo
        result.memo = [memo]
    return result
