"""The Import page: bad files explain themselves; a CSV goes in end to end."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from okguard.storage.repos import accounts, transactions
from okguard.ui.nav import Section
from okguard.ui.pages.import_report import ImportOutcome


def _preview(window, qtbot, path: Path) -> None:
    window.show_section(Section.IMPORT)
    with qtbot.waitSignal(window.importer.previewed, timeout=10_000):
        window.importer.add_files([path])


def test_an_empty_file_shows_why_it_was_refused(window_for, empty_db, qtbot, tmp_path):
    window = window_for(empty_db)
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    _preview(window, qtbot, empty)
    page = window.importer
    assert page.error_label.isVisible()
    assert page.error_label.text() == "The file is empty; expected a bank or e-wallet statement"
    assert "Traceback" not in page.error_label.text()
    assert not page.import_button.isEnabled()


def test_a_missing_file_is_reported_in_the_page(window_for, empty_db, qtbot, tmp_path):
    window = window_for(empty_db)
    gone = tmp_path / "gone.csv"
    _preview(window, qtbot, gone)
    assert window.importer.error_label.text() == f"File not found: {gone}"


def test_a_csv_statement_imports_end_to_end(window_for, empty_db, qtbot, tmp_path):
    window = window_for(empty_db)
    csv = tmp_path / "bank.csv"
    csv.write_text(
        "Date,Amount,Payee,Memo\n"
        "2025-03-01,-12.50,Coffee Bar,latte\n"
        "2025-03-02,-80.00,Supermarket,food\n"
        "2025-03-03,2500.00,Employer AG,salary\n",
        encoding="utf-8",
    )
    _preview(window, qtbot, csv)
    page = window.importer
    assert not page.error_label.isVisible()
    assert page.format_label.text() == "csv"
    assert page.preview_table.rowCount() == 3
    amount = page.preview_table.item(0, 2).text()
    assert amount.startswith("-") and amount.endswith("12.50")
    page.account_edit.clear()
    qtbot.keyClicks(page.account_edit, "My bank")
    with qtbot.waitSignal(page.import_done, timeout=20_000) as done:
        qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    outcome = done.args[0]
    assert isinstance(outcome, ImportOutcome)
    assert outcome.imported == 3
    assert "3 imported" in page.report.toPlainText()
    assert transactions.count(empty_db) == 3
    assert [a.name for a in accounts.list_accounts(empty_db)] == ["My bank"]
    # The dashboard leaves the first-run state once data exists.
    qtbot.waitUntil(lambda: not window.dashboard.is_first_run(), timeout=10_000)


def test_the_column_summary_names_fields_in_the_users_language(
    window_for, empty_db, qtbot, tmp_path
):
    window = window_for(empty_db)
    combo = window.settings.language
    combo.setCurrentIndex(combo.findData("zh_CN"))
    csv = tmp_path / "bank.csv"
    csv.write_text("日期,金额,收款方,付款方式\n2025-03-01,-12.50,瑞幸咖啡,招商银行\n",
                   encoding="utf-8")
    _preview(window, qtbot, csv)
    summary = window.importer.mapping_label.text()
    assert "收款方 → 收款方" in summary and "支付方式 → 付款方式" in summary
    assert "payee" not in summary and "funding" not in summary
