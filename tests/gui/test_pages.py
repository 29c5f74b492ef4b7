"""Transactions, Flags, Cases and Limits pages doing what their buttons say."""

from __future__ import annotations

from PySide6.QtCore import Qt

from okguard.domain.limits import Limit, LimitPeriod, LimitScope
from okguard.domain.money import Money
from okguard.storage.repos import anomalies, limits, payees, transactions
from okguard.ui.nav import Section


def test_search_filters_the_table_in_sql(window_for, filled_db, qtbot):
    page = window_for(filled_db).transactions
    qtbot.keyClicks(page.search, "Coffee")
    qtbot.waitUntil(lambda: page.model.filter.text == "Coffee", timeout=3000)
    shown = [page.model.transaction(r).payee for r in range(page.model.rowCount())]
    assert shown and all(p == "Coffee Bar" for p in shown)
    assert page.model.total() == len(shown)
    assert f"Showing {len(shown)} of {len(shown)}" in page.summary.text()


def test_flagged_only_and_detail_pane_shows_the_flag_explanation(window_for, filled_db, qtbot):
    page = window_for(filled_db).transactions
    page.flagged_only.setChecked(True)
    assert page.model.rowCount() == 3
    page.select_row(0)
    tx = page.model.transaction(0)
    text = page.detail.toPlainText()
    assert tx.payee in text
    explanations = [
        s.anomaly.message.render("en")
        for s in anomalies.list_anomalies(filled_db)
        if tx.id in s.anomaly.transaction_ids
    ]
    assert explanations and all(e in text for e in explanations)


def test_mark_reviewed_and_reviewed_up_to_here(window_for, filled_db, qtbot):
    window = window_for(filled_db)
    page = window.transactions
    page.table.selectRow(0)
    with qtbot.waitSignal(window.ctx.data_changed, timeout=10_000):
        qtbot.mouseClick(page.mark_button, Qt.MouseButton.LeftButton)
    assert transactions.unreviewed(filled_db)[0] == 319
    assert page.model.transaction(0).reviewed
    # Newest first: row 10 and everything older gets reviewed, the 10 newer stay open.
    page.select_row(10)
    with qtbot.waitSignal(window.ctx.data_changed, timeout=10_000):
        qtbot.mouseClick(page.up_to_button, Qt.MouseButton.LeftButton)
    assert transactions.unreviewed(filled_db)[0] == 9


def test_flags_are_grouped_by_severity_with_their_transactions(window_for, filled_db):
    page = window_for(filled_db).flags
    tops = [page.tree.topLevelItem(i) for i in range(page.tree.topLevelItemCount())]
    assert [t.text(0) for t in tops] == ["High (1)", "Low (1)"]
    duplicate = tops[0].child(0)
    assert duplicate.text(0).startswith("Possible duplicate: Paid ")
    assert duplicate.childCount() == 2  # the two payments


def test_trust_this_payee_is_stored(window_for, filled_db, qtbot):
    page = window_for(filled_db).flags
    stored = anomalies.list_anomalies(filled_db)[0]
    page.select_flag(stored.id)
    qtbot.mouseClick(page.trust_button, Qt.MouseButton.LeftButton)
    assert stored.anomaly.payee in payees.trusted_payees(filled_db)


def test_open_a_case_starts_the_wizard_with_the_flag_transactions(window_for, filled_db, qtbot):
    window = window_for(filled_db)
    stored = anomalies.list_anomalies(filled_db)[0]
    window.show_section(Section.FLAGS)
    window.flags.select_flag(stored.id)
    qtbot.mouseClick(window.flags.case_button, Qt.MouseButton.LeftButton)
    assert window.current_section() is Section.CASES
    wizard = window.cases.wizard
    assert wizard is not None and wizard.isVisible()
    case = wizard.state.case
    assert sorted(t.id for t in case.transactions) == sorted(stored.anomaly.transaction_ids)
    assert case.type.value == "duplicate"  # from the flag's kind
    assert window.cases.case_ids() == []  # stored only once the user moves on


def test_rescan_runs_off_the_ui_thread_and_returns_to_idle(window_for, filled_db, qtbot):
    window = window_for(filled_db)
    window.show_section(Section.FLAGS)
    page = window.flags
    qtbot.mouseClick(page.rescan_button, Qt.MouseButton.LeftButton)
    assert not page.rescan_button.isEnabled()
    assert page.progress.isVisible() and page.cancel_button.isVisible()
    qtbot.waitUntil(lambda: page.rescan_button.isEnabled(), timeout=20_000)
    assert not page.progress.isVisible()
    assert page.status.text().startswith(("Scan finished", "The scan did not finish"))
    assert page.tree.topLevelItemCount() >= 1  # stored flags survive a rescan


def test_limits_page_lists_stored_limits(window_for, filled_db):
    limits.add_limit(
        filled_db,
        Limit(0, LimitScope.PER_PAYMENT, Money(50_000, "EUR"), LimitPeriod.PAYMENT, label="Big"),
    )
    window = window_for(filled_db)
    page = window.limits
    assert page.table.rowCount() == 1
    assert page.table.item(0, 0).text() == "Big"
    assert page.table.item(0, 3).text() == "€500.00"


def test_limits_page_says_so_when_there_are_none(window_for, empty_db):
    window = window_for(empty_db)
    window.show_section(Section.LIMITS)
    assert window.limits.empty.isVisible()
    assert window.limits.empty.text().startswith("No limits set yet")
