"""GUI fixtures: a temporary database, a filled one, and the main window over it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from okguard.domain.anomaly import Anomaly, AnomalyKind, Severity, anomaly_key
from okguard.domain.money import Money
from okguard.domain.transaction import ParsedTransaction, StatementAccount
from okguard.i18n import Msg
from okguard.importers.base import SourceFile, Statement
from okguard.services.importing import import_statement
from okguard.storage import Database, open_database
from okguard.storage.repos import anomalies, transactions
from okguard.ui.context import UiContext
from okguard.ui.main_window import MainWindow
from okguard.ui.translations import Translations

PAYEES = ("Supermarket 超市", "Rent GmbH", "Coffee Bar", "美团外卖", "Electricity Co", "Bookshop")
ROWS = 320


def fill(db: Database, rows: int = ROWS) -> None:
    """A realistic little history: one current account, mostly spending, some income."""
    start = datetime(2025, 1, 3, 9, 0)
    parsed = []
    for i in range(rows):
        income = i % 25 == 0
        # Amounts vary with i so sorting by amount differs from sorting by time.
        minor = 250_000 if income else -((i * 7919) % 40_000 + 100)
        parsed.append(
            ParsedTransaction(
                line=i + 2,
                occurred_at=start + timedelta(days=i, hours=i % 7),
                has_time=True,
                amount=Money(minor, "EUR"),
                payee="Employer AG" if income else PAYEES[i % len(PAYEES)],
                memo=f"ref {i}",
                reference=f"R{i:05d}",
                account_key="DE001",
            )
        )

    def stream() -> Iterator[ParsedTransaction]:
        yield from parsed

    statement = Statement(
        format="csv",
        accounts=[StatementAccount(key="DE001", name="Giro", currency="EUR")],
        rows=stream(),
    )
    import_statement(db, SourceFile.from_bytes(b"fixture", name="fixture.csv"), statement)
    newest = transactions.page(db, limit=3)
    flags = [
        Anomaly(
            AnomalyKind.DUPLICATE,
            Severity.HIGH,
            (newest[0].id, newest[1].id),
            Msg("Paid {payee} twice", payee=newest[0].payee),
            anomaly_key(AnomalyKind.DUPLICATE, [newest[0].id, newest[1].id]),
            payee=newest[0].payee,
        ),
        Anomaly(
            AnomalyKind.NEW_PAYEE,
            Severity.LOW,
            (newest[2].id,),
            Msg("First payment to {payee}", payee=newest[2].payee),
            anomaly_key(AnomalyKind.NEW_PAYEE, [newest[2].id]),
            payee=newest[2].payee,
        ),
    ]
    anomalies.store(db, flags, first_tx_at={})


@pytest.fixture
def empty_db(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "okguard.sqlite3")
    yield db
    db.close()


@pytest.fixture
def filled_db(empty_db: Database) -> Database:
    fill(empty_db)
    return empty_db


def _make_ctx(db: Database) -> UiContext:
    app = QApplication.instance()
    assert app is not None
    translations = Translations(app)
    translations.apply("en")
    return UiContext(db, translations)


@pytest.fixture
def ctx_factory(qapp: QApplication) -> Iterator[object]:
    made: list[UiContext] = []

    def make(db: Database) -> UiContext:
        ctx = _make_ctx(db)
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        ctx.worker.shutdown()
        ctx.translations.apply("en")


@pytest.fixture
def window_for(qtbot, ctx_factory):  # type: ignore[no-untyped-def]
    def make(db: Database) -> MainWindow:
        window = MainWindow(ctx_factory(db))
        qtbot.addWidget(window)
        window.show()
        return window

    return make


GUI_DIR = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Qt warnings fail GUI tests, except the offscreen plugin's harmless notice."""
    for item in items:
        if GUI_DIR in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            item.add_marker(pytest.mark.qt_log_ignore("does not support propagateSizeHints"))
