"""Limits & reminders page, check before paying and tray notifications, as a user sees them."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from okguard.demo.generator import generate_history
from okguard.domain.limits import Limit, LimitPeriod, LimitScope
from okguard.domain.money import Money
from okguard.domain.transaction import ParsedTransaction
from okguard.guard.reminders import Reminder, ReminderKind
from okguard.importers.base import SourceFile, Statement
from okguard.services import guarding
from okguard.services.importing import import_statement
from okguard.storage import Database, open_database
from okguard.storage.repos import limits, reminders, transactions
from okguard.ui.context import UiContext
from okguard.ui.guard.check_form import CheckForm
from okguard.ui.guard.limit_dialog import LimitDialog
from okguard.ui.guard.texts import OVER_COLOUR, VERDICT_COLOURS
from okguard.ui.main_window import MainWindow
from okguard.ui.nav import Section
from okguard.ui.pages.limits import LimitsPage
from okguard.ui.tray import ReminderNotifier

# The fixture history (tests/gui/conftest.py) pays something in EUR every day of 2025.
IN_MARCH = datetime(2025, 3, 15, 20, 0)
# The generated history ends on 2025-06-20; rent goes to 王芳, ¥4,500 a month.
AFTER_HISTORY = datetime(2025, 6, 21, 10, 0)
LOAD = 10_000

CtxFactory = Callable[[Database], UiContext]
WindowFor = Callable[[Database], MainWindow]


@pytest.fixture(scope="session")
def generated_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo generator's bilingual history, imported once (no scan) and copied per test."""
    path = tmp_path_factory.mktemp("generated") / "generated.sqlite3"
    db = open_database(path)
    history = generate_history(seed=7, months=3, end=date(2025, 6, 20))
    for account in history.accounts:
        rows = history.rows.get(account.key, [])

        def stream(rows: list[ParsedTransaction] = rows) -> Iterator[ParsedTransaction]:
            yield from rows

        statement = Statement(format="demo", accounts=[account], rows=stream())
        import_statement(db, SourceFile.from_bytes(b"", name=f"demo:{account.name}"),
                         statement, account=account.name)
    db.close()
    return path


@pytest.fixture
def generated_db(generated_file: Path, tmp_path: Path) -> Iterator[Database]:
    copy = tmp_path / "generated.sqlite3"
    shutil.copy(generated_file, copy)
    db = open_database(copy)
    yield db
    db.close()


def make_page(qtbot: QtBot, ctx_factory: CtxFactory, db: Database, now: datetime) -> LimitsPage:
    page = LimitsPage(ctx_factory(db), now=lambda: now)
    qtbot.addWidget(page)
    page.resize(1100, 900)
    page.show()
    qtbot.waitUntil(lambda: page.snapshot is not None, timeout=LOAD)
    return page


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[no-untyped-call]


def save_button(dialog: LimitDialog) -> QPushButton:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def cell(page: LimitsPage, row: int, column: int) -> str:
    item = page.table.item(row, column)
    assert item is not None
    return item.text()


def confirmation_ids(page: LimitsPage) -> list[int | None]:
    return [v.reminder.transaction_id for v in page.reminders.views
            if v.reminder.kind is ReminderKind.CONFIRMATION]


def test_a_limit_added_through_the_dialog_is_listed_with_its_usage(
    qtbot: QtBot, ctx_factory: CtxFactory, filled_db: Database,
) -> None:
    page = make_page(qtbot, ctx_factory, filled_db, IN_MARCH)
    assert page.empty.isVisible()
    click(qtbot, page.add_button)
    dialog = page.dialog
    assert isinstance(dialog, LimitDialog) and dialog.isVisible()
    dialog.scope.setCurrentIndex(dialog.scope.findData("monthly"))
    assert not dialog.payee.isVisible()  # only payee limits ask for a payee
    assert dialog.currency.currentData() == "EUR"  # the accounts' currency
    dialog.amount.setText("500")
    with qtbot.waitSignal(page.loaded, timeout=LOAD):
        click(qtbot, save_button(dialog))
    assert page.dialog is None  # closed

    [stored] = limits.list_limits(filled_db)
    assert (stored.scope, stored.period, stored.amount) == (
        LimitScope.MONTHLY, LimitPeriod.MONTH, Money(50_000, "EUR"))
    assert page.table.rowCount() == 1 and not page.empty.isVisible()
    assert cell(page, 0, 0) == "monthly limit of €500.00"
    assert cell(page, 0, 1) == "All accounts"
    [used] = guarding.usage(filled_db, IN_MARCH.date())
    assert used.over and used.spent.minor > 50_000  # March's spending, far over 500
    bar = page.usage_bar(0)
    assert bar is not None and bar.over and bar.value() == 100
    assert OVER_COLOUR in bar.styleSheet()
    assert bar.text() == f"€{used.spent.amount:,} of €500.00 ({used.percent}%)"
    assert cell(page, 0, 5).startswith("Over by €")


def test_a_limit_under_its_amount_has_a_plain_bar(
    qtbot: QtBot, ctx_factory: CtxFactory, filled_db: Database,
) -> None:
    limits.add_limit(filled_db, Limit(0, LimitScope.MONTHLY, Money(10_000_000, "EUR"),
                                      LimitPeriod.MONTH, label="Everything"))
    page = make_page(qtbot, ctx_factory, filled_db, IN_MARCH)
    bar = page.usage_bar(0)
    assert cell(page, 0, 0) == "Everything"
    assert bar is not None and not bar.over and 0 < bar.value() < 100
    assert OVER_COLOUR not in bar.styleSheet()


def test_an_invalid_limit_shows_why_and_is_not_saved(
    qtbot: QtBot, ctx_factory: CtxFactory, filled_db: Database,
) -> None:
    page = make_page(qtbot, ctx_factory, filled_db, IN_MARCH)
    dialog = page.add_limit()
    dialog.scope.setCurrentIndex(dialog.scope.findData("payee"))
    assert dialog.payee.isVisible() and dialog.period.isVisible()
    dialog.amount.setText("0")
    click(qtbot, save_button(dialog))
    assert dialog.isVisible() and dialog.errors.isVisible()
    assert dialog.errors.text().splitlines() == [
        "A limit must be an amount above zero",
        "A payee limit needs the payee's name",
    ]
    dialog.amount.setText("12,5x")
    click(qtbot, save_button(dialog))
    assert dialog.errors.text() == "Type the amount as a number, for example 500 or 12.50"
    dialog.amount.setText("12.555")
    click(qtbot, save_button(dialog))
    assert dialog.errors.text() == "EUR amounts have at most 2 digits after the decimal point"
    assert dialog.isVisible()
    dialog.reject()
    assert limits.list_limits(filled_db) == []


def test_a_per_account_limit_is_in_the_accounts_currency(
    qtbot: QtBot, ctx_factory: CtxFactory, generated_db: Database,
) -> None:
    page = make_page(qtbot, ctx_factory, generated_db, AFTER_HISTORY)
    dialog = page.add_limit()
    dialog.account.setCurrentIndex(dialog.account.findText("Chase Checking (USD)"))
    assert dialog.currency.currentData() == "USD" and not dialog.currency.isEnabled()
    dialog.scope.setCurrentIndex(dialog.scope.findData("per_payment"))
    dialog.amount.setText("300")
    with qtbot.waitSignal(page.loaded, timeout=LOAD):
        click(qtbot, save_button(dialog))
    [stored] = limits.list_limits(generated_db)
    assert stored.amount == Money(30_000, "USD") and stored.account_id is not None
    assert cell(page, 0, 1) == "Chase Checking"


def test_edit_and_remove_a_limit(
    qtbot: QtBot, ctx_factory: CtxFactory, filled_db: Database,
) -> None:
    limits.add_limit(filled_db, Limit(0, LimitScope.DAILY, Money(50_000, "EUR"), LimitPeriod.DAY))
    page = make_page(qtbot, ctx_factory, filled_db, IN_MARCH)
    page.table.selectRow(0)
    click(qtbot, page.edit_button)
    dialog = page.dialog
    assert isinstance(dialog, LimitDialog)
    assert dialog.amount.text() == "500.00" and dialog.scope.currentData() == "daily"
    dialog.amount.setText("750")
    with qtbot.waitSignal(page.loaded, timeout=LOAD):
        click(qtbot, save_button(dialog))
    assert [lim.amount for lim in limits.list_limits(filled_db)] == [Money(75_000, "EUR")]
    assert cell(page, 0, 3) == "€750.00"

    page.table.selectRow(0)
    click(qtbot, page.remove_button)
    box = page.dialog
    assert isinstance(box, QMessageBox)
    assert box.text() == "Remove the daily limit of €750.00?"
    with qtbot.waitSignal(page.loaded, timeout=LOAD):
        click(qtbot, box.button(QMessageBox.StandardButton.Yes))
    assert limits.list_limits(filled_db) == []
    assert page.table.rowCount() == 0 and page.empty.isVisible()


def run_check(qtbot: QtBot, form: CheckForm, payee: str, amount: str, memo: str = "") -> str:
    form.payee.setText(payee)
    form.amount.setText(amount)
    form.memo.setText(memo)
    with qtbot.waitSignal(form.checked, timeout=LOAD):
        click(qtbot, form.check_button)
    return form.verdict.text()


def test_check_before_paying_stops_a_lookalike_and_a_scam_memo_and_passes_the_rent(
    qtbot: QtBot, ctx_factory: CtxFactory, generated_db: Database,
) -> None:
    page = make_page(qtbot, ctx_factory, generated_db, AFTER_HISTORY)
    click(qtbot, page.check_button)
    dialog = page.check_dialog
    assert dialog is not None and dialog.isVisible()
    form = dialog.form
    assert form.currency.currentData() == "CNY"

    assert run_check(qtbot, form, "汪芳", "4500") == "Stop: do not pay yet"
    assert form.result is not None
    assert VERDICT_COLOURS[form.result.verdict][0] in form.verdict.styleSheet()
    assert form.reason_lines() == [
        "Look-alike payee: 汪芳 looks like 王芳, whom you have paid 3 times — check the name "
        "and account"
    ]
    assert "looks like 王芳" in form.reasons.text()

    assert run_check(qtbot, form, "王芳", "4500", memo="转入安全账户") == "Stop: do not pay yet"
    assert [line.split(":")[0] for line in form.reason_lines()] == ["Scam pattern"]
    assert "安全账户" in form.reason_lines()[0]

    assert run_check(qtbot, form, "王芳", "4500") == "OK: nothing unusual"
    assert form.reason_lines() == []
    assert "Nothing in your history" in form.reasons.text()


def test_check_form_explains_what_is_missing(
    qtbot: QtBot, ctx_factory: CtxFactory, empty_db: Database,
) -> None:
    form = CheckForm(ctx_factory(empty_db))
    qtbot.addWidget(form)
    form.show()
    click(qtbot, form.check_button)
    assert form.error.text().splitlines() == [
        "Type whom you are about to pay",
        "Type the amount as a number above zero, for example 4500",
    ]
    assert form.result is None and not form.verdict.isVisible()


def test_confirming_a_pending_payment_removes_its_reminder(
    qtbot: QtBot, ctx_factory: CtxFactory, generated_db: Database,
) -> None:
    page = make_page(qtbot, ctx_factory, generated_db, AFTER_HISTORY)
    pending = confirmation_ids(page)
    assert len(pending) >= 2 and all(pending)
    assert not page.reminders.confirm_button.isEnabled()
    first = pending[0]
    assert first is not None and page.reminders.select_transaction(first)
    assert page.reminders.confirm_button.isEnabled()
    with qtbot.waitSignal(page.loaded, timeout=LOAD):
        click(qtbot, page.reminders.confirm_button)
    assert confirmation_ids(page) == pending[1:]
    assert first in reminders.acknowledged_ids(generated_db)


def test_mark_reviewed_ends_the_review_reminder(
    qtbot: QtBot, ctx_factory: CtxFactory, generated_db: Database,
) -> None:
    page = make_page(qtbot, ctx_factory, generated_db, AFTER_HISTORY)
    kinds = {v.reminder.kind for v in page.reminders.views}
    assert ReminderKind.REVIEW in kinds and page.reminders.review_button.isEnabled()
    with qtbot.waitSignal(page.loaded, timeout=LOAD):
        click(qtbot, page.reminders.review_button)
    assert transactions.unreviewed(generated_db)[0] == 0
    assert ReminderKind.REVIEW not in {v.reminder.kind for v in page.reminders.views}


def test_threshold_and_cadence_settings_are_stored(
    qtbot: QtBot, ctx_factory: CtxFactory, generated_db: Database,
) -> None:
    page = make_page(qtbot, ctx_factory, generated_db, AFTER_HISTORY)
    box = page.settings_box
    assert box.currency.currentData() == "CNY" and box.amount.text() == "2000.00"
    before = len(confirmation_ids(page))
    box.amount.setText("4000")
    with qtbot.waitSignal(page.loaded, timeout=LOAD):
        click(qtbot, box.save_button)
    assert guarding.confirm_thresholds(generated_db)["CNY"] == Money(400_000, "CNY")
    assert 0 < len(confirmation_ids(page)) < before  # only the rent is that large
    box.amount.setText("-5")
    click(qtbot, box.save_button)
    assert box.error.isVisible()
    assert guarding.confirm_thresholds(generated_db)["CNY"] == Money(400_000, "CNY")
    with qtbot.waitSignal(page.loaded, timeout=LOAD):
        box.cadence.setCurrentIndex(box.cadence.findData("monthly"))
    assert guarding.review_cadence(generated_db) == "monthly"


def test_reminders_export_to_an_ics_file(
    qtbot: QtBot, ctx_factory: CtxFactory, generated_db: Database, tmp_path: Path,
) -> None:
    page = make_page(qtbot, ctx_factory, generated_db, AFTER_HISTORY)
    page.reminders.export_ics(tmp_path / "mine")
    text = (tmp_path / "mine.ics").read_bytes().decode("utf-8").replace("\r\n ", "")
    assert text.startswith("BEGIN:VCALENDAR")
    assert text.count("BEGIN:VEVENT") == len(page.reminders.views)
    assert "SUMMARY:Confirm the payment of CN¥4\\,500.00 to 王芳" in text  # RFC 5545 escapes ,


def test_tray_notifier_shows_a_due_reminder_exactly_once(
    qtbot: QtBot, ctx_factory: CtxFactory, generated_db: Database,
) -> None:
    ctx = ctx_factory(generated_db)
    clock = {"now": AFTER_HISTORY}
    reminders.add_reminder(
        generated_db, kind="case_followup", title_template="Call the bank about the refund",
        title_params={}, due_at=AFTER_HISTORY + timedelta(days=1),
    )
    notifier = ReminderNotifier(ctx, now=lambda: clock["now"], tray_available=False)
    shown: list[list[Reminder]] = []
    messages: list[str] = []
    notifier.notified.connect(shown.append)
    ctx.message.connect(messages.append)

    def check() -> None:
        notifier.check_now()
        qtbot.waitUntil(lambda: notifier._task is None, timeout=LOAD)

    check()
    [first] = shown
    assert {r.kind for r in first} == {ReminderKind.CONFIRMATION, ReminderKind.REVIEW}
    assert messages[-1] == f"{len(first)} reminders are due; see Limits & reminders"
    check()  # the same reminders are still due: nothing new to show
    assert len(shown) == 1

    clock["now"] = AFTER_HISTORY + timedelta(days=2)  # the follow-up has come due
    check()
    assert [[r.title.render("en") for r in batch] for batch in shown[1:]] == [
        ["Call the bank about the refund"]
    ]
    assert messages[-1] == "Reminder: Call the bank about the refund"
    check()
    assert len(shown) == 2


# The offscreen platform has no tray; Qt says so when the icon is created. This test's
# mark replaces the one conftest adds, so it repeats that one's pattern.
@pytest.mark.qt_log_ignore("does not support propagateSizeHints", "systemTrayWindowChanged")
def test_tray_notification_goes_to_the_tray_icon_when_there_is_one(
    qtbot: QtBot, ctx_factory: CtxFactory, generated_db: Database,
) -> None:
    ctx = ctx_factory(generated_db)
    notifier = ReminderNotifier(ctx, now=lambda: AFTER_HISTORY, tray_available=True)
    messages: list[str] = []
    ctx.message.connect(messages.append)
    assert notifier.tray is not None
    with qtbot.waitSignal(notifier.notified, timeout=LOAD):
        notifier.check_now()
    assert messages == []  # shown by the tray, not the status bar
    assert notifier.last_text.startswith("okguard: ")
    notifier.stop()


def test_usage_is_computed_only_once_the_page_is_shown(
    window_for: WindowFor, filled_db: Database, qtbot: QtBot
) -> None:
    window = window_for(filled_db)
    page = window.limits
    assert page.snapshot is None  # the dashboard is showing; nobody asked yet
    with qtbot.waitSignal(page.loaded, timeout=LOAD):
        window.show_section(Section.LIMITS)
    assert page.snapshot is not None


def test_dashboard_shows_limit_usage(
    window_for: WindowFor, filled_db: Database, qtbot: QtBot,
) -> None:
    limits.add_limit(filled_db, Limit(0, LimitScope.PER_PAYMENT, Money(1, "EUR"),
                                      LimitPeriod.PAYMENT, label="Tiny"))
    window = window_for(filled_db)
    summary = window.dashboard.limit_usage
    qtbot.waitUntil(lambda: bool(summary.bars), timeout=LOAD)
    assert [n.text() for n in summary.names] == ["Tiny"]
    assert summary.title.text() == "Limits this period"


def test_switching_to_chinese_relabels_the_page(
    window_for: WindowFor, filled_db: Database, qtbot: QtBot,
) -> None:
    limits.add_limit(filled_db, Limit(0, LimitScope.MONTHLY, Money(50_000, "EUR"),
                                      LimitPeriod.MONTH))
    window = window_for(filled_db)
    window.show_section(Section.LIMITS)
    page = window.limits
    qtbot.waitUntil(lambda: page.snapshot is not None, timeout=LOAD)
    window.ctx.set_lang("zh_CN")
    assert page.title.text() == "限额与提醒"
    assert page.add_button.text() == "添加限额…"
    assert page.check_button.text() == "付款前检查…"
    assert page.reminders.title() == "提醒"
    assert page.reminders.export_button.text() == "导出到日历（.ics）…"
    assert page.settings_box.cadence.itemText(0) == "每周"
    header = page.table.horizontalHeaderItem(4)
    assert header is not None and header.text() == "本期已用"
    assert cell(page, 0, 0) == "单月限额 €500.00"
    assert cell(page, 0, 1) == "全部账户"
    review = page.reminders.tree.topLevelItem(0)
    assert review is not None and review.text(1) == "核对"
    assert review.text(2).startswith("请核对您的交易：还有 320 笔未核对")
    assert window.guard_menu.title() == "守护(&G)"
    dialog = page.open_check()
    assert dialog.windowTitle() == "付款前检查"
    assert dialog.form.check_button.text() == "检查"
