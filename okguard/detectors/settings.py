"""Every threshold the detectors use, with defaults, storable as a plain dict."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from okguard.domain.money import currency_exponent


def _major(values: Mapping[str, str]) -> Mapping[str, Decimal]:
    return MappingProxyType({k: Decimal(v) for k, v in values.items()})


# Amounts by currency in major units. Currencies not listed use the "*" entry,
# converted with the currency's own exponent (so 0 means "never").
_NEW_PAYEE = _major({"CNY": "2000", "USD": "300", "EUR": "300", "GBP": "250",
                     "HKD": "2500", "JPY": "40000", "*": "300"})
_SMALL = _major({"CNY": "30", "USD": "5", "EUR": "5", "GBP": "5", "HKD": "40",
                 "JPY": "700", "*": "5"})
_ROUND = _major({"CNY": "100", "USD": "50", "EUR": "50", "GBP": "50", "HKD": "100",
                 "JPY": "10000", "*": "50"})
_NIGHT_MIN = _major({"CNY": "1000", "USD": "150", "EUR": "150", "GBP": "150",
                     "HKD": "1000", "JPY": "20000", "*": "150"})


@dataclass(frozen=True, slots=True)
class DetectorSettings:
    # duplicate: the same payee and amount again
    duplicate_high_minutes: int = 10  # again within this many minutes: high
    duplicate_days: int = 3  # again within this many days: medium
    # a payee+amount repeated within duplicate_days at least this often is a habit
    # (metro fares, the daily coffee), not a double payment
    duplicate_habit_repeats: int = 3
    # a payee normally paid at most every this many days (rent, bills) ...
    duplicate_cadence_days: int = 20
    # "normally": at least this share of the gaps between payments within a third of
    # the usual gap (a friend paid now and then has no such rhythm)
    duplicate_cadence_regular_percent: int = 60
    # ... and paid the same amount twice within this many hours: high, even when the
    # statement gives dates only
    duplicate_cadence_high_hours: int = 36
    # memos naming the same reference (a number of at least this many digits, such as
    # an invoice number) make a repeat high; different references make it not high
    duplicate_reference_digits: int = 3
    # amount_shift: ~10x / 100x / 1000x or 1/10 of the usual amount, digit slips
    shift_min_history: int = 3  # other payments to the payee needed to know "usual"
    shift_tolerance_percent: int = 10  # 10x means 9x..11x
    shift_beyond_percentile_factor: int = 3  # and 3x beyond the payee's 90th percentile
    digit_slip_mode_share_percent: int = 50  # digit slips only against a steady amount
    # ... and only for an amount unlike the payee's other amounts: none of them (the
    # steady amount aside) within this many percent of it
    shift_isolation_percent: int = 25
    # amount_outlier: robust z-score (median / MAD)
    outlier_min_history: int = 8
    outlier_k: Decimal = Decimal("6")  # how many scaled MADs above the median
    outlier_min_ratio: Decimal = Decimal("2.5")  # and at least this multiple of the median
    outlier_category_min_history: int = 20
    # new_payee: a first payment above a threshold, once the history is long enough
    new_payee_threshold: Mapping[str, Decimal] = field(default_factory=lambda: _NEW_PAYEE)
    new_payee_medium_multiple: int = 5  # this many thresholds: medium instead of low
    new_payee_min_history_days: int = 60  # earlier, every payee is "new"
    # lookalike_payee
    lookalike_typo_score: int = 90  # rapidfuzz ratio for a Latin-script typo
    lookalike_min_length: int = 5  # shorter Latin names differ too easily to judge
    lookalike_max_candidate_payments: int = 2  # a mistake is a one-off
    lookalike_min_known_payments: int = 2  # "known": paid at least this often before
    # high only when the amount is one the user might have meant for the known payee:
    # within this factor of the range (10th..90th percentile) they are usually paid
    lookalike_amount_fit_factor: int = 2
    # scam_pattern
    scam_burst_count: int = 3  # this many transfers to new payees ...
    scam_burst_hours: int = 6  # ... within this many hours
    # a burst is high when it adds up to this many new-payee thresholds ...
    scam_burst_high_multiple: int = 3
    # ... unless the history holds this many other days with two or more such payments
    # (a business that takes on suppliers all the time)
    scam_burst_routine_days: int = 3
    night_start_hour: int = 23
    night_end_hour: int = 5  # exclusive
    round_amount_unit: Mapping[str, Decimal] = field(default_factory=lambda: _ROUND)
    night_round_min: Mapping[str, Decimal] = field(default_factory=lambda: _NIGHT_MIN)
    refund_scam_hours: int = 48  # a transfer out this soon after an unexpected refund
    refund_scam_min_percent: int = 50  # of at least this share of the refund
    # a refund of an amount the user paid out within this many days before is expected
    refund_explained_days: int = 90
    # system_error
    pending_stuck_days: int = 7
    failed_debit_days: int = 3  # the debit shows up this many days around the failure
    reversal_pair_days: int = 10
    refund_expected_days: int = 14
    # recurring_change
    recurring_min_run: int = 3  # the same amount this many times in a row
    recurring_min_gap_days: int = 6  # weekly or slower
    recurring_max_gap_days: int = 400
    recurring_min_change_percent: int = 1
    # small amounts: two within minutes are medium, and never a days-apart duplicate
    small_amount: Mapping[str, Decimal] = field(default_factory=lambda: _SMALL)

    def threshold(self, table: Mapping[str, Decimal], currency: str) -> int:
        """A per-currency amount from one of the tables, in minor units."""
        major = table.get(currency, table.get("*", Decimal(0)))
        return int(major.scaleb(currency_exponent(currency)).to_integral_value())

    def to_dict(self) -> dict[str, Any]:
        """JSON-friendly: Decimals as strings, tables as dicts of strings."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, Mapping):
                out[f.name] = {k: str(v) for k, v in value.items()}
            elif isinstance(value, Decimal):
                out[f.name] = str(value)
            else:
                out[f.name] = value
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DetectorSettings:
        """Unknown keys are ignored and bad values fall back to the default, so an
        old or hand-edited settings row never stops a scan."""
        defaults = cls()
        values: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in data:
                continue
            current = getattr(defaults, f.name)
            raw = data[f.name]
            try:
                if isinstance(current, Mapping):
                    if not isinstance(raw, Mapping):
                        continue
                    values[f.name] = _major({str(k): str(v) for k, v in raw.items()})
                elif isinstance(current, Decimal):
                    values[f.name] = Decimal(str(raw))
                elif isinstance(raw, bool):
                    continue
                else:
                    values[f.name] = int(raw)
            except (ArithmeticError, ValueError, TypeError):
                continue
        return cls(**values)

