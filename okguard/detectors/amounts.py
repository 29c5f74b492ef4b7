"""Robust statistics per group (median, quantiles, MAD, most common amount) over
numpy columns, and the digit slips people make when typing an amount.

Everything works on integer minor units; no float touches an amount.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from okguard.detectors.columns import Columns, IntArray

KEY_SHIFT = 40  # amounts below 2**40 minor units share an int64 key with the group number


@dataclass(frozen=True, slots=True)
class GroupStats:
    """Per-group figures, indexed by group number."""

    count: IntArray
    median: IntArray
    p10: IntArray
    p90: IntArray
    mad: IntArray  # median absolute deviation from the median
    mode: IntArray  # the most common amount (smallest on a tie)
    mode_count: IntArray


def _sorted_within(values: IntArray, group: IntArray) -> tuple[IntArray, IntArray, IntArray]:
    ngroups = int(group.max()) + 1 if len(group) else 0
    if len(values) and int(values.max()) < (1 << KEY_SHIFT) and ngroups < (1 << 22):
        # One combined int64 key sorts much faster than a two-key lexsort.
        combined = np.sort((group << KEY_SHIFT) | values)
        sorted_values = combined & ((1 << KEY_SHIFT) - 1)
    else:
        sorted_values = values[np.lexsort((values, group))]
    count = np.bincount(group, minlength=ngroups).astype(np.int64)
    start = np.zeros(ngroups, dtype=np.int64)
    if ngroups:
        start[1:] = np.cumsum(count)[:-1]
    return sorted_values, start, count


def _quantile(sorted_values: IntArray, start: IntArray, count: IntArray, q_percent: int
              ) -> IntArray:
    """Lower-nearest-rank quantile, so a single extreme row is not its own p90."""
    idx = start + ((count - 1) * q_percent) // 100
    return sorted_values[np.maximum(idx, 0)] if len(sorted_values) else np.zeros(0, np.int64)


def _median(sorted_values: IntArray, start: IntArray, count: IntArray) -> IntArray:
    if not len(sorted_values):
        return np.zeros(len(count), dtype=np.int64)
    lo = sorted_values[start + (count - 1) // 2]
    hi = sorted_values[start + count // 2]
    middle: IntArray = (lo + hi) // 2
    return middle


def group_stats(values: IntArray, group: IntArray) -> GroupStats:
    """Statistics of ``values`` per ``group`` number (0..max, every number present)."""
    sv, start, count = _sorted_within(values, group)
    median = _median(sv, start, count)
    dev = np.abs(values - median[group])
    sd, _, _ = _sorted_within(dev, group)
    mad = _median(sd, start, count)
    # Runs of equal amounts in the sorted values give the most common amount.
    sorted_group = np.repeat(np.arange(len(count)), count)
    new_run = np.ones(len(sv), dtype=np.bool_)
    new_run[1:] = (sv[1:] != sv[:-1]) | (sorted_group[1:] != sorted_group[:-1])
    run_start = np.flatnonzero(new_run)
    run_len = np.diff(np.append(run_start, len(sv)))
    run_group = sorted_group[run_start]
    # Runs come in (group, amount) order, every group has one: a group's first longest
    # run is its mode (the smallest amount on a tie).
    group_start = np.flatnonzero(np.diff(run_group, prepend=-1) != 0)
    longest = np.maximum.reduceat(run_len, group_start) if len(run_len) else run_len
    best = np.flatnonzero(run_len == longest[run_group])
    chosen = best[np.diff(run_group[best], prepend=-1) != 0]
    mode = np.zeros(len(count), dtype=np.int64)
    mode_count = np.zeros(len(count), dtype=np.int64)
    mode[run_group[chosen]] = sv[run_start[chosen]]
    mode_count[run_group[chosen]] = run_len[chosen]
    return GroupStats(count=count, median=median, p10=_quantile(sv, start, count, 10),
                      p90=_quantile(sv, start, count, 90), mad=mad, mode=mode,
                      mode_count=mode_count)


def payee_stats(cols: Columns) -> GroupStats:
    """:func:`group_stats` of payment amounts per (payee, currency) group."""
    if "payee_stats" not in cols.cache:
        rows, _starts, group = cols.payee_groups()
        cols.cache["payee_stats"] = group_stats(cols.minor[rows], group)
    stats: GroupStats = cols.cache["payee_stats"]
    return stats


@dataclass(frozen=True, slots=True)
class PayeeGaps:
    """Times between consecutive payments to each (payee, currency) group."""

    gaps: IntArray  # seconds, one per consecutive pair inside a group
    dense: IntArray  # per gap, its index into ``present``
    present: IntArray  # the group numbers that have gaps
    median: IntArray  # per ``present`` group, the median gap


def payee_gaps(cols: Columns) -> PayeeGaps:
    """:class:`PayeeGaps` of the payee groups, computed once per scan."""
    if "payee_gaps" not in cols.cache:
        rows, _starts, group = cols.payee_groups()
        ts = cols.ts[rows]
        inside = group[1:] == group[:-1]
        gaps, gap_group = (ts[1:] - ts[:-1])[inside], group[1:][inside]
        new = np.diff(gap_group, prepend=-1) != 0  # groups come in order: no sort needed
        present, dense = gap_group[new], np.cumsum(new) - 1
        median = _median(*_sorted_within(gaps, dense)) if len(gaps) else np.zeros(0, np.int64)
        cols.cache["payee_gaps"] = PayeeGaps(gaps, dense, present.astype(np.int64), median)
    found: PayeeGaps = cols.cache["payee_gaps"]
    return found


def power_of_ten_factor(value: int, usual: int, tolerance_percent: int) -> int:
    """10, 100 or 1000 when ``value`` is that many times ``usual`` (within the
    tolerance); -10 / -100 for a tenth / a hundredth; 0 otherwise."""
    if usual <= 0 or value <= 0:
        return 0
    lo, hi = 100 - tolerance_percent, 100 + tolerance_percent
    for factor in (10, 100, 1000):
        if usual * factor * lo <= value * 100 <= usual * factor * hi:
            return factor
        if value * factor * lo <= usual * 100 <= value * factor * hi:
            return -factor if factor <= 100 else 0
    return 0


def digit_slip(value: int, usual: int) -> str | None:
    """How the digits of ``value`` (minor units) differ from ``usual``: an
    ``"extra_digit"``, a ``"missing_digit"`` or ``"transposed"`` neighbours."""
    a, b = str(value), str(usual)
    if a == b:
        return None
    if len(a) == len(b) + 1 and any(a[:i] + a[i + 1:] == b for i in range(len(a))):
        return "extra_digit"
    if len(b) == len(a) + 1 and any(b[:i] + b[i + 1:] == a for i in range(len(b))):
        return "missing_digit"
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] \
                and a[diff[1]] == b[diff[0]]:
            return "transposed"
    return None
