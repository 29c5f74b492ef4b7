"""Property tests over every importer: garbage never crashes, CSVs round-trip exactly."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from okguard.domain.importing import ImportFailure, RowRejection
from okguard.domain.transaction import ParsedTransaction
from okguard.importers.base import ImportOptions, SourceFile
from okguard.importers.registry import all_importers, detect
from okguard.importers.tabular_values import EMPTY_MARKS

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _consume(data: bytes, name: str = "fuzz.bin") -> None:
    source = SourceFile.from_bytes(data, name=name)
    try:
        importer = detect(source)
        statement = importer.open(source, ImportOptions())
        for row in statement.rows:
            assert isinstance(row, ParsedTransaction | RowRejection)
    except ImportFailure as failure:
        assert failure.message.render("en")


@FAST
@given(st.binary(max_size=2048))
def test_random_bytes_only_ever_raise_import_failure(data: bytes) -> None:
    _consume(data)


MARKERS = [
    b"OFXHEADER:100\nDATA:OFXSGML\n<OFX>",
    b"<?xml version='1.0'?><Document xmlns='urn:iso:std:iso:20022:tech:xsd:camt.053.001.02'>",
    b"!Type:Bank\n",
    b":20:STARTUMS\n:25:",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
    b"PK\x03\x04",
    "交易时间,交易类型,交易对方,商品,收/支,金额(元)\n".encode(),
    "------------------------支付宝（中国）网络技术有限公司  电子客户回单".encode("gbk"),
    b"date,amount,payee\n",
]


@FAST
@given(st.sampled_from(MARKERS), st.binary(max_size=1024))
def test_format_markers_followed_by_garbage_never_crash(marker: bytes, tail: bytes) -> None:
    _consume(marker + tail)


@FAST
@given(st.sampled_from(MARKERS), st.text(max_size=600))
def test_format_markers_followed_by_text_never_crash(marker: bytes, tail: str) -> None:
    _consume(marker + tail.encode("utf-8", "surrogatepass"), name="fuzz.txt")


payees = (
    st.text(
        alphabet=st.characters(
            blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\ufeff"
        ),
        min_size=1,
        max_size=30,
    )
    .map(str.strip)
    .filter(bool)
    # Exports write "/", "-" or "N/A" for "no counterparty"; such a cell is empty on purpose.
    .filter(lambda name: name.casefold() not in EMPTY_MARKS)
)
amounts = st.decimals(
    min_value=Decimal("-99999999.99"),
    max_value=Decimal("99999999.99"),
    places=2,
    allow_nan=False,
    allow_infinity=False,
).filter(lambda d: d != 0)
rows_strategy = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=3_000_000),
        amounts,
        payees,
        st.from_regex(r"[A-Z0-9]{6,20}", fullmatch=True),
    ),
    min_size=1,
    max_size=40,
)


@settings(max_examples=60, deadline=None)
@given(rows_strategy, st.sampled_from([",", ";", "\t"]), st.sampled_from(["utf-8", "utf-8-sig"]))
def test_generated_csv_round_trips_exactly(
    rows: list[tuple[int, Decimal, str, str]], delimiter: str, encoding: str
) -> None:
    base = datetime(2023, 1, 1)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(["Date", "Time", "Amount", "Currency", "Payee", "Reference"])
    expected = []
    for minutes, amount, payee, ref in rows:
        when = base + timedelta(minutes=minutes)
        writer.writerow(
            [when.date().isoformat(), when.time().isoformat(), f"{amount:.2f}", "EUR", payee, ref]
        )
        expected.append((when, amount, payee, ref))
    source = SourceFile.from_bytes(buffer.getvalue().encode(encoding), name="gen.csv")
    statement = detect(source).open(source, ImportOptions())
    got = list(statement.rows)
    assert all(isinstance(r, ParsedTransaction) for r in got), got
    parsed = [
        (r.occurred_at.replace(tzinfo=None), r.amount.amount, r.payee, r.reference)
        for r in got
        if isinstance(r, ParsedTransaction)
    ]
    assert parsed == expected
    assert all(r.amount.currency == "EUR" for r in got if isinstance(r, ParsedTransaction))


def test_every_importer_is_registered() -> None:
    ids = {imp.format_id for imp in all_importers()}
    assert ids == {"csv", "excel", "alipay", "wechat", "ofx", "qif", "camt", "mt940"}


def test_unused_path_is_harmless(tmp_path: Path) -> None:
    # A file that exists but is a directory is refused by the service, not the importers.
    from okguard.services.importing import expand_sources

    try:
        expand_sources(tmp_path)
    except ImportFailure as failure:
        assert "folder" in failure.message.render("en")
    else:  # pragma: no cover
        raise AssertionError("a folder must be refused")
