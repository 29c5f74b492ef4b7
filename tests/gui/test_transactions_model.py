"""The paged transactions model: Qt contract, paging, SQL sorting, colours."""

from __future__ import annotations

from PySide6.QtCore import Qt

from okguard.storage.repos import anomalies, transactions
from okguard.storage.repos.transactions import SortKey
from okguard.ui.models.transactions_model import (
    COL_AMOUNT,
    COL_PAYEE,
    SEVERITY_COLOURS,
    TransactionTableModel,
)
from tests.gui.conftest import ROWS


def test_model_passes_the_qt_model_tester(qtmodeltester, filled_db):
    model = TransactionTableModel(filled_db, page_size=100)
    qtmodeltester.check(model)


def test_fetch_more_pages_in_rows_until_the_history_ends(filled_db):
    model = TransactionTableModel(filled_db, page_size=100)
    assert model.rowCount() == 100
    pages = 1
    while model.canFetchMore():
        model.fetchMore()
        pages += 1
    assert model.rowCount() == ROWS
    assert pages == 4
    ids = [model.transaction(r).id for r in range(model.rowCount())]
    assert len(set(ids)) == ROWS  # no row twice across page boundaries


def test_sorting_by_amount_is_done_in_sql_order(filled_db):
    model = TransactionTableModel(filled_db, page_size=50)
    model.sort(COL_AMOUNT, Qt.SortOrder.AscendingOrder)
    while model.canFetchMore():
        model.fetchMore()
    got = [model.transaction(r).id for r in range(model.rowCount())]
    expected = [
        t.id
        for t in transactions.page(filled_db, sort=SortKey.AMOUNT, descending=False, limit=10_000)
    ]
    assert got == expected
    amounts = [model.transaction(r).amount.minor for r in range(model.rowCount())]
    assert amounts == sorted(amounts)
    assert amounts[0] < 0 < amounts[-1]


def test_sorting_by_payee_descending(filled_db):
    model = TransactionTableModel(filled_db, page_size=500)
    model.sort(COL_PAYEE, Qt.SortOrder.DescendingOrder)
    payees = [model.transaction(r).payee for r in range(model.rowCount())]
    assert payees == sorted(payees, reverse=True)


def test_amounts_are_signed_right_aligned_and_red_when_negative(filled_db):
    model = TransactionTableModel(filled_db)
    negative = next(r for r in range(model.rowCount()) if model.transaction(r).amount.minor < 0)
    index = model.index(negative, COL_AMOUNT)
    assert model.data(index).startswith("-€")
    alignment = Qt.AlignmentFlag(model.data(index, Qt.ItemDataRole.TextAlignmentRole))
    assert alignment & Qt.AlignmentFlag.AlignRight
    assert model.data(index, Qt.ItemDataRole.ForegroundRole).color().name() == "#b3261e"


def test_flagged_rows_are_coloured_by_severity(filled_db):
    model = TransactionTableModel(filled_db)
    severity = {}
    for stored in anomalies.list_anomalies(filled_db):
        for tid in stored.anomaly.transaction_ids:
            severity[tid] = stored.anomaly.severity.value
    coloured = 0
    for row in range(model.rowCount()):
        brush = model.data(model.index(row, 0), Qt.ItemDataRole.BackgroundRole)
        expected = severity.get(model.transaction(row).id)
        if expected is None:
            assert brush is None
        else:
            coloured += 1
            assert brush.color().name() == SEVERITY_COLOURS[expected]
    assert coloured == 3
