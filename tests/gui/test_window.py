"""The main window: first run, navigation, the flags badge, dropping files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from okguard.storage.repos import anomalies
from okguard.ui.nav import Section


def test_empty_database_shows_the_first_step(window_for, empty_db, qtbot):
    window = window_for(empty_db)
    assert window.windowTitle() == "okguard"
    assert window.current_section() is Section.DASHBOARD
    page = window.dashboard
    assert page.is_first_run()
    assert page.first_text.isVisible()
    assert page.first_text.text().startswith("No transactions yet. Import a statement (CSV, Excel")
    assert "okguard demo" in page.demo_hint.text()
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert window.current_section() is Section.IMPORT
    assert window.stack.currentWidget() is window.importer


def test_every_section_can_be_visited_from_the_navigation(window_for, filled_db, qtbot):
    window = window_for(filled_db)
    for section in reversed(list(Section)):
        item = window.nav.item(int(section))
        rect = window.nav.visualItemRect(item)
        qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert window.stack.currentWidget() is window.pages[section]
        assert window.pages[section].isVisible()


def test_flags_badge_counts_open_flags_and_follows_dismissals(window_for, filled_db, qtbot):
    window = window_for(filled_db)
    assert window.nav.item(int(Section.FLAGS)).text() == "Flags (2)"
    first = anomalies.list_anomalies(filled_db)[0]
    assert window.flags.select_flag(first.id)
    qtbot.mouseClick(window.flags.dismiss_button, Qt.MouseButton.LeftButton)
    assert window.nav.item(int(Section.FLAGS)).text() == "Flags (1)"


def test_dashboard_with_data_shows_counts_and_charts(window_for, filled_db, qtbot):
    window = window_for(filled_db)
    page = window.dashboard
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.refresh()
    assert not page.is_first_run()
    assert "320 transactions" in page.counts.text()
    assert "1 high, 0 medium, 1 low" in page.counts.text()
    assert page.spending.has_data and page.payees.has_data
    assert page.data is not None and len(page.data.months) == 12
    assert page.flags_table.rowCount() == 2


def test_dropping_a_file_on_the_window_opens_the_import_page(window_for, empty_db, qtbot, tmp_path):
    window = window_for(empty_db)
    dropped = tmp_path / "statement.csv"
    dropped.write_bytes(b"")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(dropped))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.importer.previewed, timeout=10_000):
        window.dropEvent(event)
    assert window.current_section() is Section.IMPORT
    assert window.importer.files == [Path(dropped)]
