"""The one place that wires things together: database, language, QApplication, window."""

from __future__ import annotations

import sys
from pathlib import Path

from okguard.storage import open_database
from okguard.storage.database import default_db_path


def resolve_lang(cli_lang: str | None, stored: object, system: str) -> str:
    """--lang wins over the remembered choice, which wins over the system locale."""
    from okguard.ui.translations import normalise_lang

    return (
        normalise_lang(cli_lang)
        or (normalise_lang(stored) if isinstance(stored, str) else None)
        or system
    )


def run_gui(db_path: Path | None, lang: str | None) -> int:
    from PySide6.QtWidgets import QApplication

    from okguard.storage.repos import settings
    from okguard.ui.context import UiContext
    from okguard.ui.crash import install_crash_handler
    from okguard.ui.main_window import MainWindow
    from okguard.ui.translations import SETTING_KEY, Translations, system_lang
    from okguard.ui.tray import start_notifier

    db = open_database(db_path or default_db_path())
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("okguard")
    translations = Translations(app)
    translations.apply(resolve_lang(lang, settings.get_setting(db, SETTING_KEY), system_lang()))
    ctx = UiContext(db, translations)
    window = MainWindow(ctx)
    window.show()
    notifier = start_notifier(ctx, window)
    previous_hook = install_crash_handler(window)
    try:
        return int(app.exec())
    finally:
        sys.excepthook = previous_hook
        notifier.stop()
        ctx.worker.shutdown()
        db.close()
