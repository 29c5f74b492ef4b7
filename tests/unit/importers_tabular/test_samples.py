"""Every public sample in csv/, alipay/, wechat/ and the spreadsheets in other/:
the right tabular importer claims it, and it yields one item per data row
(counted by hand from the files), or it is refused with a clear ImportFailure."""

from __future__ import annotations

from pathlib import Path

import pytest

from okguard.domain.importing import ImportFailure
from okguard.importers.base import ImportOptions, SourceFile
from tests.conftest import sample_files

from .helpers import best_tabular, importer, open_file, rejections

# file name -> (importer, data rows, of which rejected); None: refused as a whole.
EXPECTED: dict[str, tuple[str, int, int] | None] = {
    "camtcsv__viseca.csv": ("csv", 9, 0),
    "deg__abc_debit__example-abc_debit-records.csv": ("csv", 5, 0),
    "deg__bmo_credit__example-bmo-records.csv": ("csv", 3, 0),
    "deg__bmo_debit__example-bmo-records.csv": ("csv", 4, 0),
    "deg__boc_credit__example-boc-records.csv": ("csv", 14, 0),
    "deg__boc_debit__example-boc-records.csv": ("csv", 17, 0),
    "deg__bocom_credit__example-bocom_credit-records.csv": ("csv", 8, 0),
    "deg__cmb_credit__example-cmb-records.csv": ("csv", 6, 0),
    "deg__cmb_debit__example-cmb-records.csv": ("csv", 5, 0),
    "deg__hsbchk_credit__example-hsbchk-credit-records.csv": ("csv", 11, 0),
    "deg__icbc_credit__example-icbc-credit-records.csv": ("csv", 9, 0),
    "deg__icbc_debit-v1__example-icbc-debit-v1-records.csv": ("csv", 11, 0),
    "hledger__csb43.csv": ("csv", 2, 0),
    "hledger__paypal-custom.csv": ("csv", 7, 0),
    "hledger__sample.fr.iso88591.csv": ("csv", 3, 0),
    "hledger__sample.fr.utf8.csv": ("csv", 3, 0),
    "oca__balance.csv": ("csv", 2, 0),
    "oca__debit_credit.csv": ("csv", 2, 0),
    "oca__debit_credit_amount.csv": ("csv", 4, 0),
    "oca__empty_statement_en.csv": None,
    "oca__empty_statement_en.xlsx": None,
    "oca__meta_data_separated_credit_debit.xlsx": ("excel", 4, 0),
    "oca__multi_currency.csv": ("csv", 2, 0),
    "oca__original_currency.csv": ("csv", 1, 0),
    "oca__original_currency_empty.csv": ("csv", 1, 0),
    "oca__sample_statement_credit_card_inverse_sign_en.csv": ("csv", 2, 0),
    "oca__sample_statement_en.csv": ("csv", 2, 0),
    "oca__sample_statement_en.xlsx": ("excel", 2, 0),
    "rechnungspilot__commerzbank.csv": ("csv", 7, 0),
    "rechnungspilot__gls-bank.csv": ("csv", 18, 0),
    # One ING row lacks its Buchungstext cell: rejected with its line number.
    "rechnungspilot__ing.csv": ("csv", 20, 1),
    "rechnungspilot__sparda-bank-west.csv": ("csv", 20, 0),
    "rechnungspilot__sparkasse-lzo-camt-v2.csv": ("csv", 10, 0),
    "rechnungspilot__targobank-duesseldorf.csv": ("csv", 11, 0),
    "rechnungspilot__targobank-duesseldorf.xlsx": ("excel", 9, 0),
    "rechnungspilot__vr-teilhaberbank.csv": ("csv", 5, 0),
    "daoru__支付宝交易明细(20201122-20201214).csv": ("alipay", 24, 0),
    "deg__d765283__example-alipay-records.csv": ("alipay", 16, 0),
    "deg__example-alipay-records.csv": ("alipay", 10, 0),
    "deg__bbd5c9d__example-wechat-records.csv": ("wechat", 2, 0),
    "deg__example-wechat-records.csv": ("wechat", 27, 0),
    "deg__example-wechat-records.xlsx": ("wechat", 27, 0),
    "deg__citic_credit__example-citic-records.xls": ("excel", 13, 0),
    "deg__htsec__example-htsec-records.xlsx": ("excel", 10, 0),
    # A GBK tab-separated text file named .xls: read as CSV, by content.
    "deg__hxsec__example-hxsec-records.xls": ("csv", 13, 0),
}

SAMPLES = [
    p
    for p in sample_files("csv", "alipay", "wechat", "other")
    if p.parent.name != "other" or p.suffix in (".xls", ".xlsx")
]


def test_every_sample_has_an_expectation() -> None:
    assert {p.name for p in SAMPLES} <= set(EXPECTED)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_sample_is_detected_and_counted(path: Path) -> None:
    expected = EXPECTED[path.name]
    source = SourceFile.from_path(path)
    fmt, score = best_tabular(source)
    assert score > 0  # detect() must hand even an empty statement to its importer
    if expected is None:
        with pytest.raises(ImportFailure) as refused:
            importer(fmt).open(source, ImportOptions())
        assert "no transactions" in refused.value.message.render("en")
        return
    want_fmt, count, rejected = expected
    assert fmt == want_fmt and score > 0
    _, rows = open_file(path, fmt)
    assert len(rows) == count
    assert len(rejections(rows)) == rejected
    assert [r.line for r in rows] == sorted(r.line for r in rows)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_other_tabular_importers_do_not_outbid(path: Path) -> None:
    expected = EXPECTED[path.name]
    if expected is None:
        return
    source = SourceFile.from_path(path)
    scores = {imp: importer(imp).identify(source) for imp in ("csv", "excel", "alipay", "wechat")}
    winner = scores.pop(expected[0])
    assert all(other < winner for other in scores.values())


def test_non_tabular_samples_score_zero(samples: Path) -> None:
    others = [
        p
        for sub in ("ofx", "qif", "mt940", "camt053", "other")
        for p in sorted((samples / sub).glob("*"))
        if p.is_file() and p.suffix not in (".xls", ".xlsx") and p.name != "SOURCES.md"
    ]
    assert others
    claimed = {p.name: best_tabular(SourceFile.from_path(p)) for p in others}
    assert {name: got for name, got in claimed.items() if got[1] > 0} == {}
