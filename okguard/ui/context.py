"""What every page shares: the database, the worker, the language and change signals."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from okguard.storage import Database
from okguard.storage.repos import settings
from okguard.ui.translations import SETTING_KEY, Translations
from okguard.ui.workers import DbWorker


class UiContext(QObject):
    """The hub pages talk through instead of through each other.

    ``data_changed`` fires after anything wrote to the database (import, scan,
    dismissal, review) so pages refresh; ``message`` is the bridge by which work
    reports to the user (shown in the status bar) instead of opening message boxes.
    """

    data_changed = Signal()
    lang_changed = Signal(str)
    message = Signal(str)

    def __init__(self, db: Database, translations: Translations, parent: QObject | None = None):
        super().__init__(parent)
        self.db = db
        self.translations = translations
        self.worker = DbWorker(self)

    @property
    def lang(self) -> str:
        return self.translations.lang

    def set_lang(self, lang: str, *, remember: bool = True) -> None:
        if lang == self.lang:
            return
        self.translations.apply(lang)
        if remember:
            settings.set_setting(self.db, SETTING_KEY, self.lang)
        self.lang_changed.emit(self.lang)

    def notify(self, text: str) -> None:
        self.message.emit(text)
