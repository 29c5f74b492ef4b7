"""Plain CSV files from demo rows, and very large synthetic CSVs for benchmarks."""

from __future__ import annotations

import csv
import random
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path

from okguard.demo.benchmark_names import benchmark_payees
from okguard.domain.transaction import ParsedTransaction

HEADER = ("date", "time", "amount", "currency", "payee", "payee_account", "memo", "reference")


def write_csv(rows: Iterable[ParsedTransaction], path: Path) -> int:
    """Write ``rows`` as UTF-8 CSV with :data:`HEADER`; returns the number of rows."""
    count = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        for tx in rows:
            writer.writerow(
                (
                    tx.occurred_at.date().isoformat(),
                    tx.occurred_at.strftime("%H:%M:%S") if tx.has_time else "",
                    tx.amount.plain(),
                    tx.amount.currency,
                    tx.payee,
                    tx.payee_account or "",
                    tx.memo,
                    tx.reference or "",
                )
            )
            count += 1
    return count


# --- benchmark files ------------------------------------------------------------

_SPAN_DAYS = 5 * 365
_FIRST_DAY = date(2020, 1, 1)
_CHUNK = 20_000
_REGULARS = 150  # the handful of payees a person pays again and again
_MEMOS = ("消费", "POS purchase", "转账", "online payment", "扫码支付", "")


def write_benchmark_csv(path: Path, n_rows: int, *, seed: int = 1, n_payees: int = 5000) -> None:
    """Stream ``n_rows`` synthetic rows (same header as :func:`write_csv`) to ``path``.

    Built for speed and flat memory: lines are written as strings in chunks, no
    transaction objects. Rows run in time order over five years; ~70% carry a
    reference; about 1 in 200 rows is written two or three times identically
    and without a reference, like two coffees bought in the same second.
    """
    if n_rows < 0 or n_payees < 1:
        raise ValueError("n_rows must be >= 0 and n_payees >= 1")
    rng = random.Random(seed)
    payees = benchmark_payees(rng, n_payees)
    rows_per_payee = [f"{name},{account}," for name, account in payees]
    regulars = min(_REGULARS, n_payees)
    bits = rng.getrandbits
    times = [f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}" for s in range(86_400)]
    # Mean step chosen so the rows spread over the whole span, whatever n_rows is.
    max_step = max(1, 2 * _SPAN_DAYS * 86_400 // max(n_rows, 1))
    t = 0
    day_index = -1
    day_text = ""
    written = 0
    chunk: list[str] = []
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(",".join(HEADER) + "\n")
        while written < n_rows:
            t += bits(32) % max_step
            if t // 86_400 != day_index:
                day_index = t // 86_400
                day_text = (_FIRST_DAY + timedelta(days=day_index)).isoformat()
            r = bits(16)
            if r < 5_000:  # ~8%: money coming in
                minor = 10_000 + bits(20) % 1_500_000
                amount = f"{minor // 100}.{minor % 100:02d}"
            else:
                minor = 100 + bits(16) % (20_000 if r < 60_000 else 400_000)
                amount = f"-{minor // 100}.{minor % 100:02d}"
            pick = bits(24)
            payee = (
                rows_per_payee[pick % regulars]
                if pick & 1
                else rows_per_payee[(pick >> 1) % n_payees]
            )
            memo = _MEMOS[pick % len(_MEMOS)]
            head = f"{day_text},{times[t % 86_400]},{amount},CNY,{payee}{memo},"
            if bits(10) < 717:  # ~70%
                chunk.append(f"{head}B{seed:03d}{written:012d}\n")
                written += 1
            else:
                repeats = 1 if bits(6) else 2 + bits(1)
                line = head + "\n"
                for _ in range(min(repeats, n_rows - written)):
                    chunk.append(line)
                    written += 1
            if len(chunk) >= _CHUNK:
                fh.writelines(chunk)
                chunk.clear()
        fh.writelines(chunk)
