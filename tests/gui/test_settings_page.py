"""Settings: the currency of statements that name none reaches the import."""

from __future__ import annotations

from okguard.services.home_currency import home_currency
from okguard.ui.nav import Section


def test_choosing_a_currency_is_stored_and_used_by_the_next_import(
    window_for, empty_db, qtbot, tmp_path
):
    window = window_for(empty_db)
    window.show_section(Section.SETTINGS)
    combo = window.settings.currency
    combo.setCurrentText("eur")
    combo.lineEdit().editingFinished.emit()
    assert home_currency(empty_db) == "EUR" and combo.currentText() == "EUR"

    combo.setCurrentText("euros")
    combo.lineEdit().editingFinished.emit()
    assert "not a currency code" in window.settings.currency_note.text()
    assert home_currency(empty_db) == "EUR"

    csv = tmp_path / "bank.csv"
    csv.write_text("Date,Amount,Payee\n2025-03-01,-12.50,Café\n", encoding="utf-8")
    window.show_section(Section.IMPORT)
    with qtbot.waitSignal(window.importer.previewed, timeout=10_000):
        window.importer.add_files([csv])
    assert window.importer.options[csv].default_currency == "EUR"
    assert window.importer.preview_table.item(0, 2).text().endswith("12.50")
    assert "€" in window.importer.preview_table.item(0, 2).text()
